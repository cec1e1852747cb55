// `qamqor import <book.xlsx> <file.csv> --into movements|inspections|aid|plan`: a CSV into a pedagogue's register tab,
// under the workbook lock; a refused row goes to the rejects file beside the CSV, as for pupils. Movements are applied
// as they are logged: a departure's row goes to the archive, a transfer's to its new class.
import { basename } from 'node:path';
import { planRegisterImportInto, type RegisterImportTarget } from '../../app/registers';
import { RegistryError } from '../../domain/i18n';
import { readRegistry } from '../../domain/registry/registry';
import { validateRegistry } from '../../domain/registry/validate';
import { readCsvFile, writeRejects } from '../../local/csv-file';
import { withWorkbookLock } from '../../local/file-lock';
import { openRegistry } from '../../local/workbook-file';
import { cli, registersText, t } from '../messages';
import type { CommandArgs, Output } from '../context';
import { dayOf } from './inspections';

export function importIntoRegister(bookPath: string, csvPath: string, key: RegisterImportTarget, args: CommandArgs, io: Output): Promise<number> {
  return withWorkbookLock(bookPath, `qamqor import ${basename(csvPath)} --into ${key}`, async () => {
    const { workbook, registry } = await openRegistry(bookPath, args.lang);
    const lang = args.lang ?? registry.lang;
    const table = await readCsvFile(csvPath).catch((e: unknown) => {
      if (e instanceof RegistryError) e.lang = lang;
      throw e;
    });
    const result = planRegisterImportInto(workbook.read(), table, key, basename(csvPath), dayOf(args.today), registry);
    workbook.apply(result.changes);
    await workbook.save(bookPath);
    io.out(t(registersText.imported, lang, { tab: result.tab, count: result.added }));
    if (result.applied && result.added > 0) io.out(t(registersText.moved, lang, result.applied));
    if (result.ignoredColumns.length) io.out(t(cli.importIgnored, lang, { value: result.ignoredColumns.join(', ') }));
    if (result.rejects.length) {
      const file = writeRejects(csvPath, table, result.rejects);
      io.out(t(cli.importRejected, lang, { count: result.rejects.length, file }));
      for (const r of result.rejects) io.out(t(cli.importRejectLine, lang, { line: r.line, reason: r.reason }));
    }
    const issues = validateRegistry(readRegistry(workbook.read(), lang), args.today);
    const errors = issues.filter((i) => i.severity === 'error').length;
    io.out(t(cli.importThenValidate, lang, { errors, warnings: issues.length - errors }));
    return result.rejects.length ? 1 : 0;
  });
}

