// The offline renderer of reports: each planned document filled from its .docx template and written under the
// output folder. A bad template, a missing template file or a bad job stops only its own documents.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { ReportsPlan } from '../app/reports';
import type { Lang } from '../domain/template';
import { placeOf, problem, safeFileName, type JobProblem, type PlannedDocument } from '../reports/jobs';
import { reportWords } from '../reports/models/words';
import { TemplateError } from '../reports/template-error';
import { paintChart } from './charts';
import { renderDocx } from './docx';

/** Where the default templates live: sheets-template/reports/NAME.LANG.docx. */
export const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '../../sheets-template/reports');

export interface WriteOptions {
  outDir: string;
  /** Where a job's own template path is taken from: the workbook's folder. */
  baseDir: string;
  templatesDir?: string;
  /** Called after each document, made or not. */
  onDocument?: (done: number, total: number, doc: PlannedDocument, file: string | null) => void;
  /** Each document marked «ЖОБА» / «ПРОЕКТ» (its language's word) in its header. */
  draft?: boolean;
}

export interface WriteResult {
  /** Paths of the documents written. */
  written: string[];
  /** Documents that could not be made, with why; one message per distinct problem. */
  failed: number;
  problems: { severity: 'error' | 'warning'; message: Record<Lang, string> }[];
  /** Some job asked for a PDF, which only the Google renderer makes. */
  pdfAsked: boolean;
}

type Loaded = { bytes: Uint8Array; name: string } | { error: JobProblem };

export function writeReports(plan: ReportsPlan, options: WriteOptions): WriteResult {
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const result: WriteResult = { written: [], failed: 0, problems: [], pdfAsked: false };
  const said = new Set<string>();
  const say = (p: { severity: 'error' | 'warning'; message: Record<Lang, string> }) => {
    const key = p.message.kk;
    if (said.has(key)) return;
    said.add(key);
    result.problems.push(p);
  };
  const templates = new Map<string, Loaded>();
  const load = (doc: PlannedDocument): Loaded => {
    const path =
      doc.template.kind === 'default'
        ? join(templatesDir, `${doc.template.name}.${doc.lang}.docx`)
        : isAbsolute(doc.template.ref)
          ? doc.template.ref
          : resolve(options.baseDir, doc.template.ref);
    let loaded = templates.get(path);
    if (!loaded) {
      const value = doc.template.kind === 'default' ? doc.template.name : doc.template.ref;
      loaded =
        existsSync(path) && /\.docx$/i.test(path)
          ? { bytes: readFileSync(path), name: basename(path) }
          : { error: problem('unknown_template', 'error', doc.job, placeOf(doc.job, plan.tabTitle), { value }) };
      templates.set(path, loaded);
    }
    return loaded;
  };

  const used = new Set<string>();
  const total = plan.documents.length;
  plan.documents.forEach((doc, i) => {
    let file: string | null = null;
    try {
      const template = load(doc);
      if ('error' in template) {
        say(template.error);
        result.failed++;
        return;
      }
      const model = plan.model(doc, paintChart);
      const named = plan.fileName(doc, model);
      if (named.problem) say(named.problem);
      let bytes: Uint8Array;
      try {
        bytes = renderDocx(template.bytes, model, { template: template.name, ...(options.draft ? { draft: reportWords.draft[doc.lang] } : {}) });
      } catch (e) {
        if (e instanceof TemplateError) {
          say({ severity: 'error', message: e.messages });
          result.failed++;
          return;
        }
        if (e instanceof Error && /not a \.docx|has no part|names no main document/.test(e.message)) {
          say(problem('unknown_template', 'error', doc.job, placeOf(doc.job, plan.tabTitle), { value: `${template.name}: ${e.message}` }));
          result.failed++;
          return;
        }
        throw e;
      }
      const folder = join(options.outDir, ...doc.folder.split(/[\\/]+/).map((part) => fitName(safeFileName(part), '')).filter(Boolean));
      mkdirSync(folder, { recursive: true });
      file = uniquePath(folder, named.name, used);
      writeFileSync(file, bytes);
      result.written.push(file);
      if (doc.job.pdf) result.pdfAsked = true;
    } finally {
      options.onDocument?.(i + 1, total, doc, file);
    }
  });
  return result;
}

/**
 * `name.docx`, or `name (2).docx` when this run already wrote one of that name in the folder; the name cut to fit.
 * Two names the cut made equal are told apart by the number, as any other two equal names are.
 */
function uniquePath(folder: string, name: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const path = join(folder, fitName(name, `${n === 1 ? '' : ` (${n})`}.docx`));
    const key = path.toLowerCase();
    if (used.has(key)) continue;
    used.add(key);
    return path;
  }
}

/** Linux and macOS file systems take 255 bytes of UTF-8 per name, where a Cyrillic letter takes two (Windows counts 255 UTF-16 units, never fewer). */
const NAME_MAX_BYTES = 255;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `stem + ending` in at most 255 bytes of UTF-8: the stem is cut between two characters as a person sees them (never
 * inside a letter or an emoji) and loses the spaces and dots the cut leaves at its end; the ending is kept whole.
 */
export function fitName(stem: string, ending: string): string {
  const room = NAME_MAX_BYTES - Buffer.byteLength(ending);
  if (Buffer.byteLength(stem) <= room) return stem + ending;
  let cut = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(stem)) {
    bytes += Buffer.byteLength(segment);
    if (bytes > room) break;
    cut += segment;
  }
  return cut.replace(/[.\s]+$/, '') + ending;
}
