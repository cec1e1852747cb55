// What `qamqor cases --json` prints (DESIGN.md, checked from outside): each case's stage, curator, overdue items,
// next review and consent on a day, with the pupil's name and class from the registry when one is given.
import * as z from 'zod';
import type { CaseFile } from './case-file';
import { consentOn } from './consent';
import { caseDeadlines, OverdueKind, type CaseDeadlines } from './deadlines';
import { casesWithRows, caseStage, Stage, type CaseWithRows } from './stages';

export const CaseSummary = z.object({
  id: z.string(),
  iin: z.string(),
  full_name: z.string().nullable(),
  class: z.string().nullable(),
  stage: Stage,
  curator: z.string().nullable(),
  overdue: z.array(OverdueKind),
  nextReview: z.string().nullable(),
  consent: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CasesReport = z.object({
  today: z.string(),
  open: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  cases: z.array(CaseSummary),
});
export type CasesReport = z.infer<typeof CasesReport>;

/** A pupil as the registry knows them; the case file keeps only the IIN (and, for the pedagogue's eye, a name). */
export interface PupilFacts {
  fullName: string;
  className: string;
}

export type PupilLookup = (iin: string) => PupilFacts | null;

/** One case with everything the table, the sidebar and the documents say of it. */
export interface CaseState extends CaseWithRows {
  stage: Stage;
  deadlines: CaseDeadlines;
  consent: boolean;
  pupil: PupilFacts | null;
}

export function caseStates(file: CaseFile, today: string, lookup?: PupilLookup): CaseState[] {
  return casesWithRows(file).map((entry) => ({
    ...entry,
    stage: caseStage(entry.case, entry.actions, entry.reviews),
    deadlines: caseDeadlines(entry, file.settings, today),
    consent: consentOn(file.consents, entry.case.iin, today) !== null,
    pupil: lookup ? lookup(entry.case.iin) : null,
  }));
}

/**
 * The JSON of DESIGN.md. Without a registry the name is the one the case file holds (null when none) and the class is
 * null; with one, both are the registry's (null for an IIN it does not know, which validation reports).
 */
export function casesReport(file: CaseFile, today: string, lookup?: PupilLookup): CasesReport {
  const states = caseStates(file, today, lookup);
  const cases = states.map((s): CaseSummary => ({
    id: s.case.id,
    iin: s.case.iin,
    full_name: lookup ? s.pupil?.fullName ?? null : s.case.fullName || null,
    class: s.pupil?.className ?? null,
    stage: s.stage,
    curator: s.case.curator || null,
    overdue: s.deadlines.overdue,
    nextReview: s.deadlines.nextReview,
    consent: s.consent,
  }));
  return {
    today,
    open: cases.filter((c) => c.stage !== 'closed').length,
    closed: cases.filter((c) => c.stage === 'closed').length,
    overdue: cases.filter((c) => c.overdue.length > 0).length,
    cases,
  };
}
