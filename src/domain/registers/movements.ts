// The movements register and the month's social movement of each class (`qamqor movement --month`, the monthly
// movement report of seed 002): the roll at the month's start and end, arrivals, departures and transfers between.
import * as z from 'zod';
import { compareClassNames } from '../registry/class-name';
import { compareText } from '../collate';
import type { Registry } from '../registry/registry';
import { dateOf, readRegister, textOf, type RegisterDefinition, type RegisterTable } from './read';
import { Movement, MovementKind, rollFrom, rollSource, classOn, type RollSource } from './roll';
import { movementChoices, registerMessages } from './words';

/** The movements tab as read with its words. */
export function readMovementsTable(registry: Pick<Registry, 'tabs' | 'lang'>): RegisterTable {
  return readRegister(registry, 'movements', movementChoices);
}

/** The movements whose date, IIN and kind read; the rest are validation's to report. */
export function readMovements(registry: Pick<Registry, 'tabs' | 'lang'>, table: RegisterTable = readMovementsTable(registry)): Movement[] {
  const out: Movement[] = [];
  for (const r of table.rows) {
    const date = dateOf(r, 'date');
    const iin = textOf(r, 'iin');
    const kind = MovementKind.safeParse(r.values.kind);
    if (!date || !iin || !kind.success) continue;
    out.push({
      row: r.row,
      date,
      iin,
      kind: kind.data,
      fullName: textOf(r, 'full_name'),
      fromClass: textOf(r, 'from_class') || null,
      toClass: textOf(r, 'class') || null,
      place: textOf(r, 'place'),
      reason: textOf(r, 'reason'),
      order: textOf(r, 'order'),
    });
  }
  return out;
}

/** The movements register's own checks: a transfer names the class it left and its new class, not the same one. */
export const movementsRegister: RegisterDefinition = {
  choices: movementChoices,
  check(ctx) {
    for (const r of ctx.table.rows) {
      if (r.values.kind !== 'transferred') continue;
      const to = textOf(r, 'class');
      const from = textOf(r, 'from_class');
      if (!to && !r.problems.some((p) => p.column === 'class')) ctx.issue(r, 'missing_required', 'class', registerMessages.transfer_without_class);
      else if (to && from && to === from) ctx.issue(r, 'invalid_value', 'class', registerMessages.transfer_same_class, { value: to });
      // Typed by hand: without the class it left, the roll of the days before the transfer cannot place the pupil.
      if (!from && !r.problems.some((p) => p.column === 'from_class')) ctx.issue(r, 'missing_required', 'from_class', registerMessages.transfer_without_from);
    }
  },
};

export const ClassMovement = z.object({
  start: z.number().int(),
  arrived: z.number().int(),
  left: z.number().int(),
  transferredIn: z.number().int(),
  transferredOut: z.number().int(),
  end: z.number().int(),
});
export type ClassMovement = z.infer<typeof ClassMovement>;

export const MovementEvent = z.object({
  date: z.string(),
  kind: MovementKind,
  iin: z.string(),
  full_name: z.string(),
  class: z.string(),
  toClass: z.string().nullable(),
  place: z.string(),
  reason: z.string(),
});
export type MovementEvent = z.infer<typeof MovementEvent>;

/** `qamqor movement --month --json` (DESIGN.md). */
export const MonthMovement = z.object({
  month: z.string(),
  classes: z.record(z.string(), ClassMovement),
  school: z.object({ start: z.number().int(), arrived: z.number().int(), left: z.number().int(), end: z.number().int() }),
  events: z.array(MovementEvent),
});
export type MonthMovement = z.infer<typeof MonthMovement>;

/** The first and last day of a month "YYYY-MM"; null when it is not one. */
export function monthDays(month: string): { first: string; last: string; before: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    first: iso(new Date(Date.UTC(y, mo - 1, 1))),
    last: iso(new Date(Date.UTC(y, mo, 0))),
    before: iso(new Date(Date.UTC(y, mo - 1, 0))),
  };
}

const zero = (): ClassMovement => ({ start: 0, arrived: 0, left: 0, transferredIn: 0, transferredOut: 0, end: 0 });

/**
 * The month's movement: `start` is the roll at the end of the day before its first day, `end` at the end of its last;
 * each arrival, departure and transfer dated within it in between. Per class start + arrived + transferredIn − left −
 * transferredOut = end (the transfers are those between the classes the roll places a pupil in, so the identity
 * holds by construction); a transfer moves no one at school level. Every class that had a pupil during the month is
 * listed, in school order; events by date, then class and name.
 */
export function monthMovement(source: RollSource, month: string): MonthMovement {
  const days = monthDays(month);
  if (!days) throw new Error(`not a month: ${month}`);
  const { first, last, before } = days;
  const classes = new Map<string, ClassMovement>();
  const of = (name: string) => {
    let c = classes.get(name);
    if (!c) classes.set(name, (c = zero()));
    return c;
  };
  for (const e of rollFrom(source, before, 'endOfDay')) of(e.className).start++;
  for (const e of rollFrom(source, last, 'endOfDay')) of(e.className).end++;
  const events: MovementEvent[] = [];
  const inMonth = (d: string | null): d is string => d !== null && d >= first && d <= last;
  for (const s of source.stints) {
    const event = (date: string, kind: MovementKind, cls: string, toClass: string | null, place: string, reason: string) =>
      events.push({ date, kind, iin: s.iin, full_name: s.fullName, class: cls, toClass, place, reason });
    if (inMonth(s.arrivedOn)) {
      const cls = classOn(s, s.arrivedOn);
      of(cls).arrived++;
      event(s.arrivedOn, 'arrived', cls, null, s.arrivedFrom, s.arrivalReason);
    }
    for (let k = 1; k < s.stays.length; k++) {
      const stay = s.stays[k];
      // A transfer counts while the pupil is at school: from the arrival day through the leaving day.
      if (!inMonth(stay.from) || (s.arrivedOn !== null && stay.from < s.arrivedOn) || (s.leftOn !== null && stay.from > s.leftOn)) continue;
      const from = s.stays[k - 1].className;
      of(from).transferredOut++;
      of(stay.className).transferredIn++;
      event(stay.from, 'transferred', from, stay.className, stay.transfer?.place ?? '', stay.transfer?.reason ?? '');
    }
    if (inMonth(s.leftOn) && (s.arrivedOn === null || s.leftOn >= s.arrivedOn)) {
      const cls = classOn(s, s.leftOn);
      of(cls).left++;
      event(s.leftOn, 'left', cls, null, s.leftPlace, s.leftReason);
    }
  }
  const names = [...classes.keys()].sort(compareClassNames);
  const out: Record<string, ClassMovement> = {};
  for (const n of names) out[n] = classes.get(n)!;
  const sum = (k: keyof ClassMovement) => names.reduce((s, n) => s + out[n][k], 0);
  const order: Record<MovementKind, number> = { arrived: 0, transferred: 1, left: 2 };
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || order[a.kind] - order[b.kind] || compareClassNames(a.class, b.class) || compareText(a.full_name, b.full_name));
  return { month, classes: out, school: { start: sum('start'), arrived: sum('arrived'), left: sum('left'), end: sum('end') }, events };
}

/** The month's movement of a registry with its movements tab. */
export function movementOfMonth(registry: Registry, month: string): MonthMovement {
  return monthMovement(rollSource(registry, readMovements(registry)), month);
}

