// `qamqor movement <book.xlsx> --month YYYY-MM [--json]`: the month's social movement of each class (seed 002's
// monthly report): the roll at the month's start and end, arrivals, departures and transfers, as aligned tables in
// the workbook's language or as DESIGN.md's JSON. Only reads the book.
import { words } from '../../domain/i18n';
import { dmy } from '../../domain/format';
import { monthDays, movementOfMonth } from '../../domain/registers/movements';
import { registerYear } from '../../domain/registers/read';
import { movementKindLabels } from '../../domain/registers/words';
import { formatTable } from '../../local/console-table';
import { openRegistry } from '../../local/workbook-file';
import { registersText, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function movementCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath || !args.month) throw new UsageError('movement <book.xlsx> --month YYYY-MM');
  const { registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  const days = monthDays(args.month)!;
  const window = registerYear(registry.settings.schoolYear);
  if (window && (days.last < window.from || days.first > window.to)) {
    throw new UsageError(t(registersText.outsideYear, lang, { value: args.month, year: registry.settings.schoolYear!.name, from: dmy(window.from), to: dmy(window.to) }), lang);
  }
  const report = movementOfMonth(registry, args.month);
  if (args.json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(t(registersText.movementTitle, lang, { school: registry.settings.schoolName, month: `${dmy(days.first)} – ${dmy(days.last)}` }));
  io.out('');
  const rows: (string | number)[][] = Object.entries(report.classes).map(([name, c]) => [name, c.start, c.arrived, c.left, c.transferredIn, c.transferredOut, c.end]);
  const s = report.school;
  rows.push([words.school[lang], s.start, s.arrived, s.left, '', '', s.end]);
  io.out(formatTable(t(registersText.movementColumns, lang).split('|'), rows));
  io.out('');
  if (report.events.length === 0) io.out(t(registersText.noEvents, lang));
  else {
    const events = report.events.map((e) => [dmy(e.date), movementKindLabels[e.kind][lang], e.full_name, e.class, e.toClass ?? '', e.place, e.reason]);
    io.out(formatTable(t(registersText.eventColumns, lang).split('|'), events));
  }
  return 0;
}
