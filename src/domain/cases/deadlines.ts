// The deadlines of DOMAIN.md, in days from the case file's settings: opening within 10 days of identification, the
// first action within 10 days of opening, a review at least every 30 days while open (from the opening when there is
// none yet), and every action done by its due date. A deadline is overdue from the day after it.
import * as z from 'zod';
import type { CaseSettings } from './case-file';
import { isClosed, latestReview, type CaseWithRows } from './stages';

/** In DESIGN.md's order, the order the JSON lists them in. */
export const OverdueKind = z.enum(['opening', 'plan', 'review', 'actions']);
export type OverdueKind = z.infer<typeof OverdueKind>;

export interface CaseDeadlines {
  overdue: OverdueKind[];
  /** When the next review is due (YYYY-MM-DD): only for an opened case that is not closed. */
  nextReview: string | null;
  /** Each deadline still running or passed, by kind: the day it falls due. */
  due: Partial<Record<OverdueKind, string>>;
  /**
   * The first day the case counts as overdue if nothing is added to it: today or before when it already is; null when
   * no deadline runs (closed, or no dates to count from). Lets a cheap reader count overdue cases on a later day.
   */
  overdueFrom: string | null;
}

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function latest(...dates: (string | null)[]): string | null {
  return dates.reduce<string | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);
}

export function caseDeadlines(entry: CaseWithRows, settings: CaseSettings, today: string): CaseDeadlines {
  const c = entry.case;
  const none: CaseDeadlines = { overdue: [], nextReview: null, due: {}, overdueFrom: null };
  if (isClosed(c)) return none;
  const due: CaseDeadlines['due'] = {};
  if (c.openedOn === null) {
    if (c.identifiedOn !== null) due.opening = addDays(c.identifiedOn, settings.openingDays);
  } else {
    // A reopened case starts its count again from the reopening.
    const start = latest(c.openedOn, c.reopenedOn) as string;
    if (entry.actions.length === 0) due.plan = addDays(start, settings.firstActionDays);
    due.review = addDays(latest(start, latestReview(entry.reviews)?.date ?? null) as string, settings.reviewDays);
  }
  const undone = entry.actions.filter((a) => a.doneOn === null && a.dueOn !== null).map((a) => a.dueOn as string).sort();
  if (undone.length > 0) due.actions = undone[0];
  const overdue = OverdueKind.options.filter((kind) => due[kind] !== undefined && today > (due[kind] as string));
  const firsts = Object.values(due).map((d) => addDays(d, 1)).sort();
  return { overdue, nextReview: due.review ?? null, due, overdueFrom: firsts[0] ?? null };
}
