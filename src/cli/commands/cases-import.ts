// `qamqor import <cases.xlsx> <file.csv> --into cases|actions|reviews|consents`: a CSV into a tab of the case file,
// under its lock, each added row recorded in the audit tab; refused rows go to the rejects file as for pupils.
import { basename } from 'node:path';
import { planCaseImport, type CaseImportTarget } from '../../app/cases-import';
import { caseTabSpec, readCaseFile } from '../../domain/cases/case-file';
import { validateCaseFile } from '../../domain/cases/validate-cases';
import { RegistryError } from '../../domain/i18n';
import { casesPassword, openCaseFile, saveCaseFile } from '../../local/cases-file';
import { readCsvFile, writeRejects } from '../../local/csv-file';
import { withWorkbookLock } from '../../local/file-lock';
import { casesText, cli, t } from '../messages';
import type { CommandArgs, Output } from '../context';
import { localActor } from './cases';
import { isoDay } from './reports';

export function importIntoCaseFile(bookPath: string, csvPath: string, target: CaseImportTarget, args: CommandArgs, io: Output): Promise<number> {
  return withWorkbookLock(bookPath, `qamqor import ${basename(csvPath)} --into ${target}`, async () => {
    const opened = await openCaseFile(bookPath, { password: casesPassword(args.password), lang: args.lang });
    const lang = args.lang ?? opened.file.lang;
    if (opened.passwordUnused) io.err(t(casesText.passwordUnused, lang, { file: basename(bookPath) }));
    const table = await readCsvFile(csvPath).catch((e: unknown) => {
      if (e instanceof RegistryError) e.lang = lang;
      throw e;
    });
    const result = planCaseImport(opened.workbook.read(), table, target, basename(csvPath), localActor());
    if (result.changes.length) {
      opened.workbook.apply(result.changes);
      await saveCaseFile(opened.workbook, bookPath, opened.password);
    }
    const file = readCaseFile(opened.workbook.read(), lang);
    const audit = file.tabs.case_audit?.title ?? caseTabSpec('case_audit').title[file.lang];
    io.out(t(casesText.imported, lang, { tab: result.tab, count: result.added, audit }));
    if (result.ignoredColumns.length) io.out(t(cli.importIgnored, lang, { value: result.ignoredColumns.join(', ') }));
    if (result.rejects.length) {
      const rejects = writeRejects(csvPath, table, result.rejects);
      io.out(t(cli.importRejected, lang, { count: result.rejects.length, file: rejects }));
      for (const r of result.rejects) io.out(t(cli.importRejectLine, lang, { line: r.line, reason: r.reason }));
    }
    const issues = validateCaseFile({ ...file, lang }, { today: isoDay(args.today) });
    const errors = issues.filter((i) => i.severity === 'error').length;
    io.out(t(casesText.checked, lang, { errors, warnings: issues.length - errors }));
    return result.rejects.length ? 1 : 0;
  });
}
