// The demo's case file (`qamqor demo`): cases.xlsx beside the registry, never inside it, with a handful of cases at
// every stage imported as a pedagogue would, their table, DESIGN.md's JSON and their documents in reports/cases/.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planNewCaseFile, registryLookup } from '../../app/cases';
import { planCaseDocuments } from '../../app/cases-documents';
import { demoCasesDay, importDemoCases } from '../../app/demo-cases';
import type { DemoSchool } from '../../app/demo-school';
import { readCaseFile } from '../../domain/cases/case-file';
import { dmy } from '../../domain/format';
import { casesReport } from '../../domain/cases/view';
import type { Registry } from '../../domain/registry/registry';
import type { Lang } from '../../domain/template';
import { saveCaseFile } from '../../local/cases-file';
import { writeCaseDocuments } from '../../local/cases-documents';
import { withWorkbookLock } from '../../local/file-lock';
import { XlsxWorkbook } from '../../local/xlsx-workbook';
import { casesText, t } from '../messages';
import type { Output } from '../context';
import { formatCases, localActor } from './cases';

export function demoCaseFile(dir: string, school: DemoSchool, registry: Registry, lang: Lang, io: Output): Promise<void> {
  const path = join(dir, 'cases.xlsx');
  return withWorkbookLock(path, 'qamqor demo', async () => {
    rmSync(path, { force: true });
    const actor = localActor();
    const workbook = XlsxWorkbook.create();
    workbook.apply(planNewCaseFile(workbook.read(), lang, actor));
    importDemoCases(school, () => workbook.read(), (changes) => workbook.apply(changes), actor);
    // Not encrypted: the demo has no password to give. A school's own file is made with --password.
    await saveCaseFile(workbook, path, null);
    const file = readCaseFile(workbook.read(), lang);
    const today = demoCasesDay(school);
    const report = casesReport(file, today, registryLookup(registry).lookup);
    writeFileSync(join(dir, 'cases.json'), `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
    io.out('');
    io.out(formatCases(report, lang, 'cases.xlsx'));
    const out = join(dir, 'reports', 'cases');
    rmSync(out, { recursive: true, force: true });
    const written = writeCaseDocuments(planCaseDocuments(file, registry, { lang, today }).documents, out);
    io.out(t(casesText.demoDocuments, lang, { count: written.length, dir: out, today: dmy(today) }));
  });
}
