// The roll over time: who was at school on a given day and in which class, from the class tabs (arrival dates), the
// movements tab (transfers, departures not yet applied) and the archive (pupils who left during the year).
// The passport, the lists, the inspection plan and the monthly movement report all count this roll.
import * as z from 'zod';
import { compareClassNames } from '../registry/class-name';
import { parseDate } from '../cells';
import { rawCell, type Pupil, type Registry } from '../registry/registry';
import { readArchive, type ArchivedPupil } from './read';

export const MovementKind = z.enum(['arrived', 'left', 'transferred']);
export type MovementKind = z.infer<typeof MovementKind>;

/** One row of the movements tab, as read (rows whose date, IIN or kind do not read are left to validation). */
export const Movement = z.object({
  /** 1-based row of the movements tab; null for a movement not written yet. */
  row: z.number().int().nullable(),
  date: z.string(),
  iin: z.string(),
  kind: MovementKind,
  fullName: z.string(),
  /** The class the pupil left or was transferred from (Qamqor fills it when it applies the movement). */
  fromClass: z.string().nullable(),
  /** The `class` column: the new class of a transfer, the class an arrival joined. */
  toClass: z.string().nullable(),
  place: z.string(),
  reason: z.string(),
  order: z.string(),
});
export type Movement = z.infer<typeof Movement>;

/** A class a pupil sat in from a day (null: from the start of the year or of their stay) until the next stay. */
export interface Stay {
  className: string;
  from: string | null;
  /** The transfer that began this stay; null for the first. */
  transfer: Movement | null;
}

/** One pupil's time at school this year: from arriving (or the year's start) to leaving (or now), class by class. */
export interface Stint {
  /** The row's data as the passport counts it; for a pupil who left, rebuilt from the archive row. */
  pupil: Pupil;
  iin: string;
  fullName: string;
  source: 'roll' | 'archive';
  /** Null: on the roll from the first day of the school year. */
  arrivedOn: string | null;
  arrivedFrom: string;
  arrivalReason: string;
  /** The day the pupil left (still on the roll that day); null while at school. */
  leftOn: string | null;
  leftPlace: string;
  leftReason: string;
  stays: Stay[];
}

/** Everything the roll on any day is computed from; built once, asked for many days (a month's start and end). */
export interface RollSource {
  yearStart: string | null;
  stints: Stint[];
}

const byDateThenRow = (a: Movement, b: Movement) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.row ?? Infinity) - (b.row ?? Infinity));

/**
 * Each pupil's stint this year. On the roll now: a class tab's row, arriving on its `arrived_on` (blank, or before the
 * year: from its first day; else the day of an `arrived` movement), leaving on a `left` movement not yet applied.
 * Left this year: an archive row of this school year with its leaving day. Transfers place each in the class they sat
 * in: the class tab (or archive row) says where the pupil is at the end, each transfer's `from_class` where they were
 * before it.
 */
export function rollSource(registry: Pick<Registry, 'pupils' | 'tabs' | 'settings'>, movements: readonly Movement[], archive: readonly ArchivedPupil[] = readArchive(registry)): RollSource {
  const year = registry.settings.schoolYear;
  const yearStart = year ? `${year.start}-09-01` : null;
  const fromYear = (d: string | null) => (d === null || (yearStart !== null && d <= yearStart) ? null : d);
  const byIin = new Map<string, Movement[]>();
  for (const m of movements) {
    if (!m.iin) continue;
    const list = byIin.get(m.iin);
    if (list) list.push(m);
    else byIin.set(m.iin, [m]);
  }
  for (const list of byIin.values()) list.sort(byDateThenRow);
  const NONE: Movement[] = [];
  const stints: Stint[] = [];

  for (const p of registry.pupils) {
    const own = (p.iin && byIin.get(p.iin)) || NONE;
    const typed = parseDate(rawCell(p, 'arrived_on'));
    const logged = own.find((m) => m.kind === 'arrived');
    const arrivedOn = fromYear(typed ?? logged?.date ?? null);
    const inStay = (m: Movement) => arrivedOn === null || m.date >= arrivedOn;
    const left = own.find((m) => m.kind === 'left' && inStay(m));
    stints.push(stint(p, 'roll', arrivedOn, (p.cells.length ? textAt(p, 'arrived_from') : '') || logged?.place || '', logged?.reason ?? '', left ?? null, own.filter((m) => m.kind === 'transferred' && inStay(m) && (!left || m.date <= left.date))));
  }
  for (const a of archive) {
    if (!year || a.schoolYear !== year.name) continue;
    const leftOn = a.leftOn ?? a.archivedOn;
    if (!leftOn) continue;
    const own = (a.iin && byIin.get(a.iin)) || NONE;
    const logged = own.find((m) => m.kind === 'arrived' && m.date <= leftOn);
    const arrivedOn = fromYear(a.arrivedOn ?? logged?.date ?? null);
    const leaving = own.find((m) => m.kind === 'left' && m.date === leftOn);
    const departure: Movement = leaving ?? { row: null, date: leftOn, iin: a.iin, kind: 'left', fullName: a.fullName, fromClass: a.className, toClass: null, place: a.place, reason: a.reason, order: a.order };
    const transfers = own.filter((m) => m.kind === 'transferred' && m.date <= leftOn && (arrivedOn === null || m.date >= arrivedOn));
    stints.push(stint(archivedPupil(a), 'archive', arrivedOn, logged?.place ?? '', logged?.reason ?? '', { ...departure, place: a.place || departure.place, reason: a.reason || departure.reason }, transfers));
  }
  return { yearStart, stints };
}

function textAt(p: Pupil, key: string): string {
  const col = p.columnsAt.get(key);
  const cell = col === undefined ? null : p.cells[col];
  return typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell);
}

function stint(pupil: Pupil, source: Stint['source'], arrivedOn: string | null, arrivedFrom: string, arrivalReason: string, left: Movement | null, transfers: readonly Movement[]): Stint {
  // Backwards from where the pupil is now: before each transfer, the class its from_class names (else the previous
  // transfer's destination); a transfer that names neither moved no one.
  const stays: Stay[] = [];
  let after = pupil.className;
  for (let k = transfers.length - 1; k >= 0; k--) {
    const t = transfers[k];
    const before = t.fromClass ?? (k > 0 ? transfers[k - 1].toClass : null) ?? after;
    if (before !== after) stays.unshift({ className: after, from: t.date, transfer: t });
    after = before;
  }
  stays.unshift({ className: after, from: null, transfer: null });
  return {
    pupil,
    iin: pupil.iin,
    fullName: pupil.fullName,
    source,
    arrivedOn,
    arrivedFrom,
    arrivalReason,
    leftOn: left?.date ?? null,
    leftPlace: left?.place ?? '',
    leftReason: left?.reason ?? '',
    stays,
  };
}

const NO_CELLS: readonly never[] = Object.freeze([]);
const NO_COLUMNS: ReadonlyMap<string, number> = new Map();

/** A pupil who left, as the passport counts them: the archive row's class, categories and family. */
export function archivedPupil(a: ArchivedPupil): Pupil {
  return {
    className: a.className,
    tab: '',
    row: a.row,
    fullName: a.fullName,
    iin: a.iin,
    birthDate: a.birthDate,
    sex: a.sex === 'M' || a.sex === 'F' ? a.sex : /^(ұл|м|ер)/i.test(a.sex) ? 'M' : /^(қыз|ж|ә)/i.test(a.sex) ? 'F' : null,
    familyId: a.familyId,
    familyKey: a.familyId ? `f:${a.familyId.toLowerCase().replace(/\s+/g, '')}` : `p:archive:${a.row}`,
    childrenInFamily: null,
    guardian: '',
    placement: '',
    address: '',
    phone: '',
    notes: '',
    categories: a.categories,
    res64Council: false,
    unknownCategories: NO_CELLS,
    cells: NO_CELLS,
    columnsAt: NO_COLUMNS,
    formulaColumns: NO_CELLS,
    extra: {},
  };
}

/** The class a stint's pupil sat in on a day (a transfer counts from its own day). */
export function classOn(s: Stint, day: string): string {
  let cls = s.stays[0].className;
  for (const stay of s.stays) if (stay.from === null || stay.from <= day) cls = stay.className;
  return cls;
}

/** Whether the pupil was on the roll on `day` (DESIGN.md): arrived by then, and not left before it. */
export function onRollOn(s: Stint, day: string): boolean {
  return (s.arrivedOn === null || s.arrivedOn <= day) && (s.leftOn === null || s.leftOn >= day);
}

/** Whether the pupil was on the roll at the end of `day`: a pupil who left that day no longer is. */
export function onRollAtEndOf(s: Stint, day: string): boolean {
  return (s.arrivedOn === null || s.arrivedOn <= day) && (s.leftOn === null || s.leftOn > day);
}

/** A pupil of the roll on a day, in the class they sat in that day. */
export interface RollEntry {
  stint: Stint;
  className: string;
}

export function rollFrom(source: RollSource, day: string, when: 'on' | 'endOfDay' = 'on'): RollEntry[] {
  const test = when === 'on' ? onRollOn : onRollAtEndOf;
  const out: RollEntry[] = [];
  for (const s of source.stints) if (test(s, day)) out.push({ stint: s, className: classOn(s, day) });
  return out;
}

/**
 * The roll on a day (DESIGN.md): the pupils who had arrived by that day — blank `arrived_on`: from the first day of
 * the school year — and had not left before it, each as a Pupil in the class they sat in that day, in class order.
 */
export function rollOn(registry: Pick<Registry, 'pupils' | 'tabs' | 'settings'>, movements: readonly Movement[], date: string): Pupil[] {
  return pupilsOf(rollFrom(rollSource(registry, movements), date, 'on'));
}

/** The entries as the passport and the lists take them: each pupil in the day's class, school order kept. */
export function pupilsOf(entries: readonly RollEntry[]): Pupil[] {
  const pupils = entries.map((e) => (e.className === e.stint.pupil.className ? e.stint.pupil : { ...e.stint.pupil, className: e.className }));
  return pupils.sort((a, b) => compareClassNames(a.className, b.className));
}

/** A registry whose pupils are the roll on a day (`--as-of`), the whole registry kept for what needs every row. */
export type RegistryOnDay = Registry & { asOf: { date: string; whole: Registry } };

export function registryOn(registry: Registry, movements: readonly Movement[], date: string): RegistryOnDay {
  return { ...registry, pupils: rollOn(registry, movements, date), asOf: { date, whole: registry } };
}

/** The registry as it stands (class tabs and archive), whether or not `r` is the roll on a day. */
export function wholeRegistry(r: Registry): Registry {
  return (r as Partial<RegistryOnDay>).asOf?.whole ?? r;
}
