// `qamqor import`: pupils from a CSV into their class tabs; rows that cannot be placed go to a rejects file.
import { basename } from 'node:path';
import { planImport } from '../../app/import-pupils';
import { RegistryError } from '../../domain/i18n';
import { readRegistry } from '../../domain/registry/registry';
import { validateRegistry } from '../../domain/registry/validate';
import { readCsvFile, writeRejects } from '../../local/csv-file';
import { withWorkbookLock } from '../../local/file-lock';
import { openRegistry } from '../../local/workbook-file';
import { casesText, cli, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

/** One kind of CSV import: the workbook, the CSV, the command's arguments. */
type ImportTarget = (bookPath: string, csvPath: string, args: CommandArgs, io: Output) => Promise<number>;

/** A tab of the confidential case file (src/cli/commands/cases-import.ts, loaded only when asked for). */
const caseTab =
  (target: 'cases' | 'actions' | 'reviews' | 'consents'): ImportTarget =>
  (bookPath, csvPath, args, io) =>
    import('./cases-import').then((m) => m.importIntoCaseFile(bookPath, csvPath, target, args, io));

/** A register tab of the registry: movements (applied as logged), inspections, aid, plan. */
const registerTab =
  (target: 'movements' | 'inspections' | 'aid' | 'plan'): ImportTarget =>
  (bookPath, csvPath, args, io) =>
    import('./registers-import').then((m) => m.importIntoRegister(bookPath, csvPath, target, args, io));

/**
 * What `--into` imports a CSV into, by the word typed; `pupils` when it is absent. Another register is one more entry
 * here (a function taking the workbook and the CSV), and its word in the `into` placeholder of messages.ts.
 */
export const IMPORT_TARGETS: Readonly<Record<string, ImportTarget>> = {
  pupils: (bookPath, csvPath, args, io) =>
    // Read, change and save under the lock: two imports at once would each save over the other's rows.
    withWorkbookLock(bookPath, `qamqor import ${basename(csvPath)}`, () => importInto(bookPath, csvPath, args, io)),
  // The pedagogue's registers in the registry itself (src/cli/commands/registers-import.ts, loaded when asked for).
  movements: registerTab('movements'),
  inspections: registerTab('inspections'),
  aid: registerTab('aid'),
  plan: registerTab('plan'),
  cases: caseTab('cases'),
  actions: caseTab('actions'),
  reviews: caseTab('reviews'),
  consents: caseTab('consents'),
};

export async function importCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath, csvPath] = args.positionals;
  if (!bookPath || !csvPath) throw new UsageError('import <book.xlsx> <pupils.csv>');
  const into = args.into ?? 'pupils';
  const target = Object.prototype.hasOwnProperty.call(IMPORT_TARGETS, into) ? IMPORT_TARGETS[into] : undefined;
  if (!target) {
    const lang = args.lang ?? 'kk';
    throw new UsageError(t(casesText.unknownInto, lang, { value: into, targets: Object.keys(IMPORT_TARGETS).join(', ') }), lang);
  }
  return target(bookPath, csvPath, args, io);
}

async function importInto(bookPath: string, csvPath: string, args: CommandArgs, io: Output): Promise<number> {
  const { workbook, registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  const table = await readCsvFile(csvPath).catch((e: unknown) => {
    // The workbook is open, so its language is known: the CSV's problem is said in it.
    if (e instanceof RegistryError) e.lang = lang;
    throw e;
  });
  const result = planImport(workbook.read(), table, basename(csvPath), args.today);
  workbook.apply(result.changes);
  await workbook.save(bookPath);

  const count = result.placed.reduce((s, p) => s + p.count, 0);
  const created = result.placed.filter((p) => p.created).map((p) => p.className).join(', ');
  io.out(t(cli.importPlaced, lang, { count, classes: result.placed.length, created }));
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
}
