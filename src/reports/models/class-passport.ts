// The class social passport (seed 002: "әр сыныпқа әлеуметтік паспорт"): the class's pupils and families per
// category, with the named list of each category, pupils in Kazakh alphabetical order. One per class.
import { pair } from '../../domain/format';
import type { Pupil } from '../../domain/registry/registry';
import { categoryLine, type CategoryLine } from './school';
import { count, dateText, pupilLabel, schoolBlock, type ReportContext, type SchoolBlock } from './context';

export type ClassCategory = CategoryLine & {
  /** The pupils of the class in this category, one name a line. */
  names: string;
};

export type ClassPupil = {
  full_name: string;
  birth_date: string;
  /** Names of the pupil's categories and support, in catalogue order, joined by ", ". */
  categories: string;
};

export type ClassPassportModel = {
  school: SchoolBlock;
  class: { name: string; teacher: string; students: string; families: string; boys: string; girls: string };
  /** Every category and support of the catalogue, zeros included. */
  categories: ClassCategory[];
  /** Only those with pupils in the class. */
  present: ClassCategory[];
  has_present: boolean;
  /** Pupils with at least one category, by name. */
  pupils: ClassPupil[];
  has_pupils: boolean;
  count: Record<string, string>;
  pair: Record<string, string>;
};

export function classPassportModel(ctx: ReportContext, className: string): ClassPassportModel {
  const pupils: Pupil[] = ctx.byClass.get(className) ?? [];
  const figures = ctx.passport.classes[className] ?? { students: 0, families: 0, categories: {} };
  const info = ctx.registry.classes.find((c) => c.name === className);
  const categories: ClassCategory[] = ctx.registry.catalogue.map((c) => ({
    ...categoryLine(ctx, c, figures.categories[c.code] ?? { students: 0, families: 0 }, figures.students, null, false),
    names: pupils.filter((p) => p.categories.includes(c.code)).map((p) => p.fullName).join('\n'),
  }));
  const flagged = pupils.filter((p) => p.categories.length > 0);
  return {
    school: schoolBlock(ctx),
    class: {
      name: className,
      teacher: info?.teacher ?? '',
      students: count(figures.students),
      families: count(figures.families),
      boys: count(pupils.filter((p) => p.sex === 'M').length),
      girls: count(pupils.filter((p) => p.sex === 'F').length),
    },
    categories,
    present: categories.filter((c) => c.has_pupils),
    has_present: categories.some((c) => c.has_pupils),
    pupils: flagged.map((p) => ({
      full_name: p.fullName,
      birth_date: dateText(p.birthDate),
      categories: p.categories.map((code) => pupilLabel(ctx, code, p)).join(', '),
    })),
    has_pupils: flagged.length > 0,
    count: Object.fromEntries(ctx.registry.catalogue.map((c) => [c.code, count(figures.categories[c.code]?.students ?? 0)])),
    pair: Object.fromEntries(
      ctx.registry.catalogue.map((c) => [c.code, pair(figures.categories[c.code]?.students ?? 0, figures.categories[c.code]?.families ?? 0)]),
    ),
  };
}
