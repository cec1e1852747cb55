// Consent of the legal representative (Law No. 94-V, Art. 8): valid on a day when given on or before it and not
// withdrawn by then. An outside body is not given a child's data without it; the school's own work needs none.
import { fold } from '../cells';
import type { CaseAction, Consent } from './case-file';

/** The consent in force for a pupil on a day (the latest given), or null. */
export function consentOn(consents: readonly Consent[], iin: string, day: string): Consent | null {
  let found: Consent | null = null;
  for (const c of consents) {
    if (c.iin !== iin || c.givenOn === null || c.givenOn > day) continue;
    if (c.withdrawnOn !== null && c.withdrawnOn <= day) continue;
    if (found === null || c.givenOn > (found.givenOn as string)) found = c;
  }
  return found;
}

const SCHOOL = new Set(['', 'school', 'мектеп', 'школа', 'мектептің өзі', 'сама школа']);

/** Whether the school itself carries an action out: `school` (or nothing, or the word in either language). */
export function bySchool(action: Pick<CaseAction, 'provider'>): boolean {
  return SCHOOL.has(fold(action.provider));
}

/** The day an action takes place: done, else due, else today (a consent must precede it). */
export function actionDay(action: Pick<CaseAction, 'doneOn' | 'dueOn'>, today: string): string {
  return action.doneOn ?? action.dueOn ?? today;
}
