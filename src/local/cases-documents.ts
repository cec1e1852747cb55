// Writes the case file's documents as .docx from their templates (sheets-template/reports), readable by their owner
// only: they are as confidential as the case file, and a shared folder must not open them to everyone.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDocument } from '../app/cases-documents';
import { safeFileName } from '../reports/jobs';
import { renderDocx } from './docx';
import { DEFAULT_TEMPLATES_DIR, fitName } from './report-files';

/** Owner-only, like a new workbook (src/local/atomic-file.ts): nobody else reads a child's case. */
const DOCUMENT_MODE = 0o600;
const FOLDER_MODE = 0o700;

export function writeCaseDocuments(documents: readonly CaseDocument[], outDir: string, templatesDir = DEFAULT_TEMPLATES_DIR): string[] {
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true, mode: FOLDER_MODE });
  const templates = new Map<string, Uint8Array>();
  const written: string[] = [];
  const used = new Set<string>();
  for (const doc of documents) {
    const file = `${doc.template}.${doc.lang}.docx`;
    let template = templates.get(file);
    if (!template) templates.set(file, (template = readFileSync(join(templatesDir, file))));
    const bytes = renderDocx(template, doc.model, { template: file });
    let name = fitName(safeFileName(doc.name) || doc.template, '.docx');
    for (let n = 2; used.has(name.toLowerCase()); n++) name = fitName(safeFileName(doc.name), ` (${n}).docx`);
    used.add(name.toLowerCase());
    const path = join(outDir, name);
    writeFileSync(path, bytes, { mode: DOCUMENT_MODE });
    // A file that was there keeps its old mode through writeFileSync: it is made owner-only again.
    chmodSync(path, DOCUMENT_MODE);
    written.push(path);
  }
  return written;
}
