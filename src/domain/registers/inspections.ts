// Housing-condition inspection acts (DOMAIN.md, seed 002): who needs one and when, which acts are done, what is due
// or overdue (`qamqor inspections`), and the acts as read from the inspections tab.
//
// Who and when: a pupil on the day's roll with `orphan` or `no_parental_care` (the categories that require a
// guardian) needs two acts a school year — one dated 1 September–31 December, due 31 December, and one dated
// 1 January–31 May, due 31 May; an act counts for the half-year it is dated in. Every other pupil with a social
// status (any category of kind `category`, family ones included; not the support ones) needs one, dated any day of
// the school year (1 September–31 May), due 31 December. A pupil who arrived after 31 December needs only what is
// still ahead: the second half-year's act, or the one act due 31 May.
import * as z from 'zod';
import { compareClassNames } from '../registry/class-name';
import { compareText } from '../collate';
import type { Registry } from '../registry/registry';
import type { Category } from '../template';
import { dateOf, readRegister, textOf, type RegisterDefinition, type RegisterTable } from './read';
import { rollFrom, type RollSource, type Stint } from './roll';
import { inspectionChoices } from './words';

export interface InspectionAct {
  row: number;
  date: string;
  iin: string;
  fullName: string;
  commission: string;
  parents: string;
  family: string;
  housing: 'own' | 'rented' | 'municipal' | null;
  /** As written when it is none of the codes (validation reports it). */
  housingText: string;
  rooms: number | null;
  area: string;
  heating: string;
  water: string;
  sanitary: 'good' | 'satisfactory' | 'poor' | null;
  sanitaryText: string;
  ownBed: boolean | null;
  studyPlace: boolean | null;
  clothing: boolean | null;
  climate: string;
  conclusion: string;
  recommendations: string;
}

export function readInspectionsTable(registry: Pick<Registry, 'tabs' | 'lang'>): RegisterTable {
  return readRegister(registry, 'inspections', inspectionChoices);
}

/** The acts whose date and IIN read; the rest are validation's to report. */
export function readInspections(registry: Pick<Registry, 'tabs' | 'lang'>, table: RegisterTable = readInspectionsTable(registry)): InspectionAct[] {
  const out: InspectionAct[] = [];
  const col = (r: RegisterTable['rows'][number], key: string) => {
    const at = table.map?.columns.get(key);
    return at === undefined ? '' : String(r.cells[at] ?? '').trim();
  };
  for (const r of table.rows) {
    const date = dateOf(r, 'date');
    const iin = textOf(r, 'iin');
    if (!date || !iin) continue;
    const flag = (key: string) => (typeof r.values[key] === 'boolean' ? (r.values[key] as boolean) : null);
    out.push({
      row: r.row,
      date,
      iin,
      fullName: textOf(r, 'full_name'),
      commission: textOf(r, 'commission'),
      parents: textOf(r, 'parents'),
      family: textOf(r, 'family'),
      housing: (r.values.housing as InspectionAct['housing']) ?? null,
      housingText: col(r, 'housing'),
      rooms: typeof r.values.rooms === 'number' ? r.values.rooms : null,
      area: textOf(r, 'area'),
      heating: textOf(r, 'heating'),
      water: textOf(r, 'water'),
      sanitary: (r.values.sanitary as InspectionAct['sanitary']) ?? null,
      sanitaryText: col(r, 'sanitary'),
      ownBed: flag('own_bed'),
      studyPlace: flag('study_place'),
      clothing: flag('clothing'),
      climate: textOf(r, 'climate'),
      conclusion: textOf(r, 'conclusion'),
      recommendations: textOf(r, 'recommendations'),
    });
  }
  return out;
}

export const inspectionsRegister: RegisterDefinition = { choices: inspectionChoices };

/** The acts a pupil needs this school year: each due date and the days an act must be dated in to count for it. */
export interface Due {
  due: string;
  from: string;
  to: string;
}

/** Whether a category asks for two acts a year (orphans, children without parental care: those needing a guardian). */
export function twiceAYear(c: Category): boolean {
  return c.requiresGuardian || c.code === 'orphan' || c.code === 'no_parental_care';
}

/** The due dates of a pupil with these categories in the school year starting `start`; none when no act is needed. */
export function duesOf(categories: readonly string[], catalogue: readonly Category[], start: number, arrivedOn: string | null): Due[] {
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const statuses = categories.map((code) => byCode.get(code)).filter((c): c is Category => c !== undefined && c.kind === 'category');
  if (statuses.length === 0) return [];
  const first: Due = { due: `${start}-12-31`, from: `${start}-09-01`, to: `${start}-12-31` };
  const second: Due = { due: `${start + 1}-05-31`, from: `${start + 1}-01-01`, to: `${start + 1}-05-31` };
  const lateArrival = arrivedOn !== null && arrivedOn > first.due;
  if (statuses.some(twiceAYear)) return lateArrival ? [second] : [first, second];
  return [{ due: lateArrival ? second.due : first.due, from: first.from, to: second.to }];
}

export const InspectionPupil = z.object({
  iin: z.string(),
  full_name: z.string(),
  class: z.string(),
  required: z.number().int(),
  done: z.number().int(),
  nextDue: z.string().nullable(),
  overdue: z.boolean(),
});
export type InspectionPupil = z.infer<typeof InspectionPupil>;

/** `qamqor inspections --json` (DESIGN.md). */
export const InspectionsReport = z.object({
  schoolYear: z.string(),
  today: z.string(),
  required: z.number().int(),
  overdue: z.number().int(),
  pupils: z.array(InspectionPupil),
});
export type InspectionsReport = z.infer<typeof InspectionsReport>;

/** A listed pupil with what the documents and the Sheets sidebar say besides the JSON. */
export interface InspectionNeed extends InspectionPupil {
  stint: Stint;
  dues: Due[];
  acts: InspectionAct[];
  /** Codes of the pupil's categories that ask for an act. */
  statuses: string[];
}

/**
 * Every pupil on today's roll who needs an act, in class then name order: how many acts the year asks, how many are
 * dated within the school year up to today, the earliest due date whose act is missing, and whether it has passed.
 */
export function inspectionNeeds(source: RollSource, acts: readonly InspectionAct[], catalogue: readonly Category[], schoolYear: { start: number }, today: string): InspectionNeed[] {
  const byIin = new Map<string, InspectionAct[]>();
  const yearFrom = `${schoolYear.start}-09-01`;
  const yearTo = `${schoolYear.start + 1}-05-31`;
  for (const a of acts) {
    if (a.date < yearFrom || a.date > yearTo || a.date > today) continue;
    const list = byIin.get(a.iin);
    if (list) list.push(a);
    else byIin.set(a.iin, [a]);
  }
  const statusCodes = new Set(catalogue.filter((c) => c.kind === 'category').map((c) => c.code));
  const out: InspectionNeed[] = [];
  for (const e of rollFrom(source, today, 'on')) {
    const s = e.stint;
    const dues = duesOf(s.pupil.categories, catalogue, schoolYear.start, s.arrivedOn);
    if (dues.length === 0) continue;
    const own = (s.iin && byIin.get(s.iin)) || [];
    own.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
    const missing = dues.filter((d) => !own.some((a) => a.date >= d.from && a.date <= d.to));
    const nextDue = missing.length ? missing[0].due : null;
    out.push({
      iin: s.iin,
      full_name: s.fullName,
      class: e.className,
      required: dues.length,
      done: own.length,
      nextDue,
      overdue: nextDue !== null && nextDue < today,
      stint: s,
      dues,
      acts: own,
      statuses: s.pupil.categories.filter((c) => statusCodes.has(c)),
    });
  }
  return out.sort((a, b) => compareClassNames(a.class, b.class) || compareText(a.full_name, b.full_name));
}

/** The JSON of DESIGN.md from the needs. */
export function inspectionsReport(schoolYear: string, today: string, needs: readonly InspectionNeed[]): InspectionsReport {
  return {
    schoolYear,
    today,
    required: needs.length,
    overdue: needs.filter((n) => n.overdue).length,
    pupils: needs.map(({ iin, full_name, class: cls, required, done, nextDue, overdue }) => ({ iin, full_name, class: cls, required, done, nextDue, overdue })),
  };
}

/** The day `days` after an ISO day. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What the pedagogue is told on opening the workbook: acts overdue, and acts due within 30 days. */
export function dueSoon(needs: readonly InspectionNeed[], today: string, days = 30): { overdue: InspectionNeed[]; soon: InspectionNeed[] } {
  const horizon = addDays(today, days);
  return {
    overdue: needs.filter((n) => n.overdue),
    soon: needs.filter((n) => n.nextDue !== null && n.nextDue >= today && n.nextDue <= horizon),
  };
}
