// The stage of a case follows from what is filled in (DOMAIN.md): identified → opened → plan → monitoring → closed.
// Nothing stores a stage, so it can never disagree with the rows; a case reopened after its closure is open again.
import * as z from 'zod';
import { caseKey, type Case, type CaseAction, type CaseFile, type Review } from './case-file';

export const Stage = z.enum(['identified', 'opened', 'plan', 'monitoring', 'closed']);
export type Stage = z.infer<typeof Stage>;

/** Closed when a closure date is written and no later reopening (one on the closure day reopens it). */
export function isClosed(c: Pick<Case, 'closedOn' | 'reopenedOn'>): boolean {
  return c.closedOn !== null && !(c.reopenedOn !== null && c.reopenedOn >= c.closedOn);
}

/** The furthest stage whose facts are written: a review makes it monitoring even if the plan's rows came later. */
export function caseStage(c: Case, actions: readonly CaseAction[], reviews: readonly Review[]): Stage {
  if (isClosed(c)) return 'closed';
  if (reviews.length > 0) return 'monitoring';
  if (actions.length > 0) return 'plan';
  if (c.openedOn !== null) return 'opened';
  return 'identified';
}

/** A case with its own plan rows and reviews (matched by case id however it was typed), reviews in date order. */
export interface CaseWithRows {
  case: Case;
  actions: CaseAction[];
  reviews: Review[];
}

export function casesWithRows(file: Pick<CaseFile, 'cases' | 'actions' | 'reviews'>): CaseWithRows[] {
  const byId = new Map<string, CaseWithRows>();
  const out = file.cases.map((c) => {
    const entry: CaseWithRows = { case: c, actions: [], reviews: [] };
    // A case id written twice is reported by validation; its rows go to the first.
    if (!byId.has(caseKey(c.id))) byId.set(caseKey(c.id), entry);
    return entry;
  });
  for (const a of file.actions) byId.get(caseKey(a.caseId))?.actions.push(a);
  for (const r of file.reviews) byId.get(caseKey(r.caseId))?.reviews.push(r);
  for (const e of out) e.reviews.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.record.row - b.record.row);
  return out;
}

/** The latest review that has a date, or null. */
export function latestReview(reviews: readonly Review[]): Review | null {
  let latest: Review | null = null;
  for (const r of reviews) if (r.date !== null && (latest === null || r.date >= (latest.date as string))) latest = r;
  return latest;
}
