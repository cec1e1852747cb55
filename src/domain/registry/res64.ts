// Pupils eligible for aid from the universal-education fund under Resolution No. 64 of 25.01.2008:
// groups 1–4 follow from the categories, group 5 is the school council's decision marked by hand.
import { compareClassNames } from './class-name';
import { compareText } from '../collate';
import type { Pupil } from './registry';
import type { Category } from '../template';

export const COUNCIL_GROUP = 5;

export interface Eligible {
  pupil: Pupil;
  /** The groups the pupil qualifies under, in order (a pupil may qualify under several). */
  groups: number[];
}

export function res64Eligible(pupils: readonly Pupil[], catalogue: readonly Category[]): Eligible[] {
  const groupOf = new Map(catalogue.filter((c) => c.res64Group !== null).map((c) => [c.code, c.res64Group!]));
  const out: Eligible[] = [];
  for (const pupil of pupils) {
    const groups = new Set<number>();
    for (const code of pupil.categories) {
      const g = groupOf.get(code);
      if (g !== undefined) groups.add(g);
    }
    if (pupil.res64Council) groups.add(COUNCIL_GROUP);
    if (groups.size) out.push({ pupil, groups: [...groups].sort((a, b) => a - b) });
  }
  return out.sort((a, b) => compareClassNames(a.pupil.className, b.pupil.className) || compareText(a.pupil.fullName, b.pupil.fullName));
}
