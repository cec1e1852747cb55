// `qamqor passport`: the social passport as tables, as the JSON of DESIGN.md, or written to its tab.
import { passportWithDynamics, writePassportChanges } from '../../app/build-passport';
import { words } from '../../domain/i18n';
import type { Passport } from '../../domain/passport/passport';
import { categoryLines } from '../../domain/passport/table';
import { previousSchoolYear } from '../../domain/school-year';
import { tabSpec, type Category, type Lang } from '../../domain/template';
import { formatTable } from '../../local/console-table';
import { withWorkbookLock } from '../../local/file-lock';
import { openRegistry } from '../../local/workbook-file';
import { dmy } from '../../domain/format';
import { registerYear } from '../../domain/registers/read';
import type { SchoolYear } from '../../domain/school-year';
import { cli, registersText, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function passportCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('passport <book.xlsx>');
  // Only --write changes the book; a plain passport reads a saved version, whole thanks to the atomic save.
  if (args.write) return withWorkbookLock(bookPath, 'qamqor passport --write', () => passportOf(bookPath, args, io));
  return passportOf(bookPath, args, io);
}

async function passportOf(bookPath: string, args: CommandArgs, io: Output): Promise<number> {
  const { workbook, registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  const lastYear = args.compare ? (await openRegistry(args.compare, lang)).registry : undefined;
  if (args.asOf) checkAsOf(args.asOf, registry.settings.schoolYear, lang);
  const passport = passportWithDynamics(registry, lastYear, args.asOf);
  if (args.write) {
    workbook.apply(writePassportChanges(registry, passport));
    await workbook.save(bookPath);
  }
  if (args.json) {
    io.out(JSON.stringify(passport, null, 2));
    return 0;
  }
  if (args.asOf) io.out(t(registersText.asOfTitle, lang, { date: dmy(args.asOf) }));
  io.out(formatPassport(passport, registry.catalogue, lang, registry.settings.schoolName));
  if (!passport.compare && registry.settings.schoolYear) {
    io.out(t(cli.passportNoCompare, lang, { year: previousSchoolYear(registry.settings.schoolYear).name }));
  }
  if (args.write) io.out(t(cli.passportWritten, lang, { tab: registry.tabs.passport?.title ?? tabSpec('passport').title[lang] }));
  return 0;
}

export function formatPassport(p: Passport, catalogue: readonly Category[], lang: Lang, school: string): string {
  const w = (k: keyof typeof words) => words[k][lang];
  const header = [w('category'), w('students'), w('families'), w('shareOfSchool')];
  if (p.compare) header.push(`${w('lastYear')} ${p.compare.schoolYear}`, `${w('change')} (${w('students')})`, `${w('change')} (${w('families')})`);
  const rows = categoryLines(p, catalogue, lang).map((l) => [l.label, l.students, l.families, l.share, ...(p.compare ? [l.lastYear, l.studentsChange, l.familiesChange] : [])]);
  const classRows = Object.entries(p.classes).map(([name, c]) => [name, c.students, c.families]);
  classRows.push([w('total'), p.students, p.families]);
  return [
    t(cli.passportTitle, lang, { school, year: p.schoolYear, students: p.students, families: p.families }),
    '',
    formatTable(header, rows),
    '',
    formatTable([w('classWord'), w('students'), w('families')], classRows),
  ].join('\n');
}

/** `--as-of` must fall in the registry's school year (1 September to 31 August): the roll of another year is not kept. */
export function checkAsOf(day: string, year: SchoolYear | null, lang: Lang): void {
  const window = registerYear(year);
  if (window && (day < window.from || day > window.to)) {
    throw new UsageError(t(registersText.outsideYear, lang, { value: dmy(day), year: year!.name, from: dmy(window.from), to: dmy(window.to) }), lang);
  }
}
