// `qamqor inspections <book.xlsx> [--today YYYY-MM-DD] [--json]`: who needs a housing-condition inspection act, how many
// are done, the next due date and what is overdue (DESIGN.md's JSON, or a table in the workbook's language). An act
// overdue is the pedagogue's work to do, not a fault of the file: the exit status stays 0. Only reads the book.
import { words } from '../../domain/i18n';
import { inspectionsOf } from '../../app/inspections';
import { dmy } from '../../domain/format';
import { formatTable } from '../../local/console-table';
import { openRegistry } from '../../local/workbook-file';
import { registersText, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

/** The computer's calendar day, YYYY-MM-DD (--today is already that day's midnight). */
export function dayOf(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function inspectionsCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('inspections <book.xlsx>');
  const { registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  const { report } = inspectionsOf(registry, dayOf(args.today));
  if (args.json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(t(registersText.inspectionsTitle, lang, { today: dmy(report.today), required: report.required, overdue: report.overdue }));
  io.out('');
  if (report.pupils.length === 0) io.out(t(registersText.noInspections, lang));
  else {
    const yes = words.flagYes[lang];
    const rows = report.pupils.map((p) => [p.class, p.full_name, p.iin, p.required, p.done, p.nextDue ? dmy(p.nextDue) : '—', p.overdue ? yes : '']);
    io.out(formatTable(t(registersText.inspectionColumns, lang).split('|'), rows));
  }
  return 0;
}
