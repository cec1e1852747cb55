// The social passport: pupils and distinct families per category, per class and for the school,
// and its comparison with the previous school year. The shape is the passport JSON contract.
import * as z from 'zod';
import { compareClassNames } from '../registry/class-name';
import { changePct } from '../format';
import type { Pupil } from '../registry/registry';
import type { Category } from '../template';

export const Counts = z.object({ students: z.number().int(), families: z.number().int() });
export type Counts = z.infer<typeof Counts>;

export const ClassPassport = Counts.extend({ categories: z.record(z.string(), Counts) });
export type ClassPassport = z.infer<typeof ClassPassport>;

export const CompareCounts = Counts.extend({
  studentsChangePct: z.number().nullable(),
  familiesChangePct: z.number().nullable(),
});

export const Comparison = z.object({
  schoolYear: z.string(),
  students: z.number().int(),
  families: z.number().int(),
  categories: z.record(z.string(), CompareCounts),
});
export type Comparison = z.infer<typeof Comparison>;

export const Passport = z.object({
  schoolYear: z.string(),
  students: z.number().int(),
  families: z.number().int(),
  categories: z.record(z.string(), Counts),
  classes: z.record(z.string(), ClassPassport),
  compare: Comparison.optional(),
});
export type Passport = z.infer<typeof Passport>;

/** The figures of a past year as archived: the school's and each class's counts. */
export type PassportFigures = Pick<Passport, 'schoolYear' | 'students' | 'families' | 'categories' | 'classes'>;

/** Counts pupils and distinct families among a group of pupils, per category of the catalogue. */
function countGroup(pupils: readonly Pupil[], codes: readonly string[]): ClassPassport {
  const families = new Set<string>();
  // Most classes hold only a few categories: a set of families is made for a category once it has a pupil.
  const perCode = new Map<string, { students: number; families: Set<string> }>();
  for (const p of pupils) {
    families.add(p.familyKey);
    for (const code of p.categories) {
      let c = perCode.get(code);
      if (!c) perCode.set(code, (c = { students: 0, families: new Set() }));
      c.students++;
      c.families.add(p.familyKey);
    }
  }
  const categories: Record<string, Counts> = {};
  for (const code of codes) {
    const c = perCode.get(code);
    categories[code] = c ? { students: c.students, families: c.families.size } : { students: 0, families: 0 };
  }
  return { students: pupils.length, families: families.size, categories };
}

/**
 * Builds the passport. `classNames` lists the classes to show even when they have no pupils yet
 * (the classes tab); classes come in school order (grade, then letter in the Kazakh alphabet).
 */
export function buildPassport(
  schoolYear: string,
  pupils: readonly Pupil[],
  catalogue: readonly Category[],
  classNames: readonly string[] = [],
): Passport {
  const codes = catalogue.map((c) => c.code);
  const school = countGroup(pupils, codes);
  const byClass = new Map<string, Pupil[]>();
  for (const name of classNames) byClass.set(name, []);
  for (const p of pupils) {
    const list = byClass.get(p.className);
    if (list) list.push(p);
    else byClass.set(p.className, [p]);
  }
  const classes: Record<string, ClassPassport> = {};
  for (const name of [...byClass.keys()].sort(compareClassNames)) classes[name] = countGroup(byClass.get(name)!, codes);
  return { schoolYear, students: school.students, families: school.families, categories: school.categories, classes };
}

/** Adds the comparison with a previous year's figures, for every category of this year's catalogue. */
export function withComparison(now: Passport, before: PassportFigures): Passport {
  const categories: Comparison['categories'] = {};
  for (const [code, c] of Object.entries(now.categories)) {
    const b = before.categories[code] ?? { students: 0, families: 0 };
    categories[code] = {
      students: b.students,
      families: b.families,
      studentsChangePct: changePct(c.students, b.students),
      familiesChangePct: changePct(c.families, b.families),
    };
  }
  return { ...now, compare: { schoolYear: before.schoolYear, students: before.students, families: before.families, categories } };
}
