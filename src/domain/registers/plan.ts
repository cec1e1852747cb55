// The social pedagogue's annual plan: the default plan of seed 002 (sheets-template/plan.json), the plan tab read
// into activities placed on the school year's calendar, and each one's status on a day, as `qamqor plan --json` gives it.
import * as z from 'zod';
import planJson from '../../../sheets-template/plan.json';
import { cellText, fold } from '../cells';
import type { Registry } from '../registry/registry';
import type { Settings } from '../registry/settings';
import { schoolYearOf, type SchoolYear } from '../school-year';
import type { Cell } from '../sheet';
import { tabSpec, Text2, type Lang } from '../template';
import { dmy } from '../format';
import { issueMessages } from '../i18n';
import { dateOf, readRegister, textOf, type ChoiceWords, type RegisterDefinition, type RegisterRow, type RegisterTable } from './read';
import { allYearWords, DIRECTIONS, directionWords, monthStems, planText, type Direction, type PlanStatus } from './plan-words';

export const DefaultActivity = z.object({
  /** Where in seed 002 it comes from (item number, or the joint plan and its number): for people checking the list. */
  source: z.string(),
  direction: z.enum(DIRECTIONS),
  /** As the plan tab takes it: `09`, `09-10`, `all`. */
  months: z.string(),
  activity: Text2,
  responsible: Text2,
});
export type DefaultActivity = z.infer<typeof DefaultActivity>;

export const defaultPlan: DefaultActivity[] = z.array(DefaultActivity).parse(planJson.activities);

/** The default plan as rows of the plan tab, in its column order and the workbook's language (done_on empty). */
export function defaultPlanRows(lang: Lang): Cell[][] {
  const columns = tabSpec('plan').columns.map((c) => c.key);
  return defaultPlan.map((a) => {
    const value: Record<string, Cell> = { activity: a.activity[lang], direction: a.direction, months: a.months, responsible: a.responsible[lang], done_on: '' };
    return columns.map((key) => value[key] ?? '');
  });
}

/** The direction column's words (Cyrillic І, numbers), for `readRegister`. */
export const planChoices: ChoiceWords = { direction: directionWords };

// ——— Months ———

/** A plan item's months: two-digit months in the order written, or every month of the school year. */
export type Months = { all: true } | { all: false; months: string[] };

const NINE = ['09', '10', '11', '12', '01', '02', '03', '04', '05'];

function monthOf(word: string): string | null {
  const w = fold(word).replace(/[-–—]/g, '');
  if (/^\d{1,2}$/.test(w)) {
    const n = Number(w);
    return n >= 1 && n <= 12 ? String(n).padStart(2, '0') : null;
  }
  for (const [stem, month] of monthStems) if (w.startsWith(stem)) return month;
  return null;
}

/**
 * Reads the months cell: `09`, `9`, `09-10`, `08-09`, `06, 07, 08`, month names in either language («Қыркүйек –
 * қазан», «июнь, июль, август»), or `all` and its words («жыл бойы», «в течение года»). A number a spreadsheet made of
 * `09` (9) reads as September. Null when it reads as none of these.
 */
export function parseMonths(cell: Cell): Months | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 && cell <= 12 ? { all: false, months: [String(cell).padStart(2, '0')] } : null;
  const text = cellText(cell);
  if (text === '') return null;
  const folded = fold(text);
  if (allYearWords.some((w) => fold(w) === folded)) return { all: true };
  // A span: two months joined by a dash (spaces around it allowed); a list: months split by commas or semicolons.
  const span = /^([^-–—,;]+?)\s*[-–—]\s*([^-–—,;]+)$/.exec(text);
  if (span) {
    const from = monthOf(span[1]!);
    const to = monthOf(span[2]!);
    if (!from || !to) return null;
    const months = [from];
    for (let m = Number(from); String(m).padStart(2, '0') !== to; ) {
      m = (m % 12) + 1;
      months.push(String(m).padStart(2, '0'));
      if (months.length > 12) return null;
    }
    return { all: false, months };
  }
  const words = text.split(/[,;]|\s+(?:және|и)\s+/).map((w) => w.trim()).filter(Boolean);
  const months = words.map(monthOf);
  if (months.length === 0 || months.some((m) => m === null)) return null;
  return { all: false, months: [...new Set(months as string[])] };
}

/**
 * The calendar months (YYYY-MM) of a plan item in a school year. A month alone is September–December of the first
 * year, January–August of the second; written in a sequence, each month is the last one before the next, so that
 * `08-09` is the August before the school year (the «Мектепке жол» campaign) and `06-08` the summer after it.
 */
export function calendarMonths(months: Months, year: SchoolYear): string[] {
  const list = months.all ? NINE : months.months;
  const ym = (m: string, y: number) => `${y}-${m}`;
  const out: string[] = [];
  const last = list[list.length - 1]!;
  let y = Number(last) >= 9 ? year.start : year.start + 1;
  out.unshift(ym(last, y));
  for (let i = list.length - 2; i >= 0; i--) {
    const m = list[i]!;
    if (Number(m) >= Number(list[i + 1]!)) y -= 1;
    out.unshift(ym(m, y));
  }
  return out;
}

// ——— Items and their status ———

export const PlanItem = z.object({
  row: z.number().int(),
  activity: z.string(),
  direction: z.string(),
  months: z.array(z.string()),
  responsible: z.string(),
  doneOn: z.string().nullable(),
  status: z.enum(['done', 'due', 'overdue', 'later']),
});
export type PlanItem = z.infer<typeof PlanItem>;

/** `qamqor plan --json`, exactly as DESIGN.md gives it. */
export const PlanReport = z.object({
  schoolYear: z.string(),
  today: z.string(),
  done: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
  items: z.array(PlanItem),
});
export type PlanReport = z.infer<typeof PlanReport>;

export interface PlanRow {
  read: RegisterRow;
  activity: string;
  /** I–VI, or the text as written when it is none of them (validation says so). */
  direction: Direction | null;
  directionText: string;
  /** Null when the months cell does not read. */
  months: Months | null;
  monthsText: string;
  responsible: string;
  /** Whether done_on holds anything: DESIGN.md's "done when done_on is filled", a date that does not read included. */
  done: boolean;
  doneOn: string | null;
}

/** The plan tab read: every row with its months; the register table keeps the per-cell problems. */
export function readPlan(registry: Pick<Registry, 'tabs' | 'lang'>): { table: RegisterTable; rows: PlanRow[] } {
  const table = readRegister(registry, 'plan', planChoices);
  const col = (key: string) => table.map?.columns.get(key);
  const rows = table.rows.map((r): PlanRow => {
    const monthsCol = col('months');
    const monthsCell = monthsCol === undefined ? null : (r.cells[monthsCol] ?? null);
    const doneCol = col('done_on');
    const doneCell = doneCol === undefined ? null : (r.cells[doneCol] ?? null);
    const directionCol = col('direction');
    const direction = r.values.direction;
    return {
      read: r,
      activity: textOf(r, 'activity'),
      direction: typeof direction === 'string' && (DIRECTIONS as readonly string[]).includes(direction) ? (direction as Direction) : null,
      directionText: directionCol === undefined ? '' : cellText(r.cells[directionCol] ?? null),
      months: parseMonths(monthsCell),
      monthsText: cellText(monthsCell),
      responsible: textOf(r, 'responsible'),
      done: cellText(doneCell) !== '' && doneCell !== false,
      doneOn: dateOf(r, 'done_on'),
    };
  });
  return { table, rows };
}

/** The first day of the month after a YYYY-MM. */
function monthAfter(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * DESIGN.md's rule: `done` when done_on is filled; else `overdue` when the last of its months has ended before
 * today; else `due` when today falls in one of its months; else `later`. `all` is never overdue. An item whose months
 * do not read is `later` (validation names it).
 */
export function planStatus(row: Pick<PlanRow, 'done' | 'months'>, year: SchoolYear, today: string): PlanStatus {
  if (row.done) return 'done';
  if (!row.months) return 'later';
  const months = calendarMonths(row.months, year);
  if (!row.months.all && today >= monthAfter(months[months.length - 1]!)) return 'overdue';
  return months.includes(today.slice(0, 7)) ? 'due' : 'later';
}

/** The plan on a day: every item in sheet order with its status, and the counts. */
export function planReport(registry: Pick<Registry, 'tabs' | 'lang'> & { settings: Pick<Settings, 'schoolYear'> }, today: string): PlanReport {
  const year = registry.settings.schoolYear ?? schoolYearOf(new Date(`${today}T00:00:00Z`));
  const { rows } = readPlan(registry);
  const items: PlanItem[] = rows.map((r) => ({
    row: r.read.row,
    activity: r.activity,
    direction: r.direction ?? r.directionText,
    months: r.months ? (r.months.all ? [...NINE] : r.months.months) : [],
    responsible: r.responsible,
    doneOn: r.doneOn,
    status: planStatus(r, year, today),
  }));
  const count = (s: PlanStatus) => items.filter((i) => i.status === s).length;
  return { schoolYear: year.name, today, done: count('done'), due: count('due'), overdue: count('overdue'), items };
}

/** The activities marked done, by direction in plan order: the annual report's events of the year. */
export function doneByDirection(registry: Pick<Registry, 'tabs' | 'lang'>): Record<Direction, PlanRow[]> {
  const out = Object.fromEntries(DIRECTIONS.map((d) => [d, [] as PlanRow[]])) as Record<Direction, PlanRow[]>;
  for (const r of readPlan(registry).rows) if (r.done && r.direction && r.activity) out[r.direction].push(r);
  return out;
}

/** The days a plan's activity may be done on: from the August before the school year (the «Мектепке жол» campaign, 08-09) to the August after it. */
export function planWindow(year: SchoolYear): { from: string; to: string } {
  return { from: `${year.start}-08-01`, to: `${year.start + 1}-08-31` };
}

/**
 * The plan's own checks, after the shared ones: months that do not read (`invalid_value`), and a done date outside
 * the plan's window (`date_outside_year`; the shared window starts on 1 September, and a plan starts in August).
 */
export const planRegister: RegisterDefinition = {
  choices: planChoices,
  datesAnyYear: ['done_on'],
  check({ registry, table, issue }) {
    const year = registry.settings.schoolYear;
    const window = year ? planWindow(year) : null;
    const monthsCol = table.map?.columns.get('months');
    for (const r of table.rows) {
      const cell = monthsCol === undefined ? null : (r.cells[monthsCol] ?? null);
      if (cellText(cell) !== '' && !r.problems.some((p) => p.column === 'months') && parseMonths(cell) === null) {
        issue(r, 'invalid_value', 'months', planText.badMonths, { value: cellText(cell) });
      }
      const done = dateOf(r, 'done_on');
      if (window && done && (done < window.from || done > window.to)) {
        issue(r, 'date_outside_year', 'done_on', issueMessages.date_outside_year, { value: dmy(done), year: year!.name, from: dmy(window.from), to: dmy(window.to) });
      }
    }
  },
};
