// What every report model is computed from: the registry, its passport (with last year's comparison when
// there is one), the report notes, the language and the document date; plus what all models print alike.
import { compareClassNames } from '../../domain/registry/class-name';
import { compareText } from '../../domain/collate';
import { dmy, formatDecimal } from '../../domain/format';
import type { Passport } from '../../domain/passport/passport';
import type { Pupil, Registry } from '../../domain/registry/registry';
import { parseSchoolYear, previousSchoolYear, reportDate } from '../../domain/school-year';
import { defaultCatalogue, type Category, type Lang } from '../../domain/template';
import { readNotes, type Notes } from './notes';
import { femaleLabels, groupLabels, reportWords } from './words';

export interface ReportContext {
  registry: Registry;
  passport: Passport;
  lang: Lang;
  /** The document date, YYYY-MM-DD: the report date of the school year (reportDate), not the computer's day. */
  today: string;
  notes: Notes;
  categories: ReadonlyMap<string, Category>;
  /** Class names in school order: those of the classes tab and those with a tab, empty ones included. */
  classNames: string[];
  /** Pupils of each class in Kazakh alphabetical order. */
  byClass: ReadonlyMap<string, Pupil[]>;
  /** Every pupil: by class in school order, then by name. */
  pupils: Pupil[];
}

export interface ContextOptions {
  lang?: Lang;
  /** The computer's day, YYYY-MM-DD; the documents bear the school year's report date, which it only caps. */
  today: string;
}

export function reportContext(registry: Registry, passport: Passport, options: ContextOptions): ReportContext {
  const names = new Set<string>([...registry.classes.map((c) => c.name), ...Object.keys(passport.classes)]);
  for (const p of registry.pupils) names.add(p.className);
  const classNames = [...names].sort(compareClassNames);
  const byClass = new Map<string, Pupil[]>(classNames.map((n) => [n, []]));
  for (const p of registry.pupils) byClass.get(p.className)!.push(p);
  for (const list of byClass.values()) list.sort(comparePupils);
  return {
    registry,
    passport,
    lang: options.lang ?? registry.lang,
    today: reportDate(registry.settings.schoolYear, registry.settings.reportDate, options.today),
    notes: readNotes(registry.tabs.notes),
    categories: new Map(registry.catalogue.map((c) => [c.code, c])),
    classNames,
    byClass,
    pupils: classNames.flatMap((n) => byClass.get(n)!),
  };
}

/** By name in Kazakh alphabetical order; pupils of one name by class, then by row, so that the order is total. */
export function comparePupils(a: Pupil, b: Pupil): number {
  return compareText(a.fullName, b.fullName) || compareClassNames(a.className, b.className) || a.row - b.row;
}

/** School order: class, then name. */
export function compareBySchoolOrder(a: Pupil, b: Pupil): number {
  return compareClassNames(a.className, b.className) || comparePupils(a, b);
}

/** The heading data every document prints: school, year, people who sign, date. */
export type SchoolBlock = {
  name: string;
  year: string;
  /** The previous school year: the one compared with, else the year before this one. */
  year_before: string;
  director: string;
  social_pedagogue: string;
  /** The document date, DD.MM.YYYY. */
  date: string;
};

export function schoolBlock(ctx: ReportContext): SchoolBlock {
  const { settings } = ctx.registry;
  const year = ctx.passport.schoolYear;
  const parsed = parseSchoolYear(year);
  return {
    name: settings.schoolName,
    year,
    year_before: ctx.passport.compare?.schoolYear ?? (parsed ? previousSchoolYear(parsed).name : ''),
    director: settings.director,
    social_pedagogue: settings.socialPedagogue,
    date: dmy(ctx.today),
  };
}

/** A count as people read it: "1 234" with a non-breaking space between thousands. */
export function count(n: number): string {
  return formatDecimal(n);
}

/** Tenge: "603 ₸", "60 000 ₸"; empty when unknown. */
export function tenge(n: number | null): string {
  return n === null ? '' : `${formatDecimal(n)} ₸`;
}

export function word(ctx: ReportContext, key: keyof typeof reportWords): string {
  return reportWords[key][ctx.lang];
}

export function label(ctx: ReportContext, code: string): string {
  return ctx.categories.get(code)?.[ctx.lang] ?? code;
}

/** Whether the school kept the default name of a category in this language (so its group or girl's form applies). */
function keptDefaultName(ctx: ReportContext, code: string): boolean {
  const mine = ctx.categories.get(code);
  const standard = defaultCatalogue.find((c) => c.code === code);
  return mine !== undefined && standard !== undefined && mine[ctx.lang] === standard[ctx.lang];
}

/** A category as a group in a count table: «Дети-сироты» where the name is a pupil's status («Сирота»). */
export function groupLabel(ctx: ReportContext, code: string): string {
  return (keptDefaultName(ctx, code) ? groupLabels[code]?.[ctx.lang] : undefined) ?? label(ctx, code);
}

/** A category as one pupil's status, agreeing with a girl where Russian does: «Оставшаяся без попечения родителей». */
export function pupilLabel(ctx: ReportContext, code: string, pupil: Pupil): string {
  const female = ctx.lang === 'ru' && pupil.sex === 'F' && keptDefaultName(ctx, code) ? femaleLabels[code] : undefined;
  return female ?? label(ctx, code);
}

/** Full years of age on a date (YYYY-MM-DD); null without a birth date. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function sexWord(ctx: ReportContext, pupil: Pupil): string {
  return pupil.sex === 'M' ? word(ctx, 'male') : pupil.sex === 'F' ? word(ctx, 'female') : '';
}

export function dateText(iso: string | null): string {
  return iso ? dmy(iso) : '';
}
