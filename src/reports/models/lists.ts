// The named lists the social pedagogue keeps (seed 002), one document each: orphans with guardians, families,
// special needs, registers, free meals… and Resolution No. 64 (groups 1–4 from categories, 5 by the council).
import { categoryFinder } from '../../domain/registry/catalogue';
import { fold } from '../../domain/cells';
import { res64Eligible } from '../../domain/registry/res64';
import type { Pupil } from '../../domain/registry/registry';
import type { Category, Lang } from '../../domain/template';
import { parseClassName } from '../../domain/registry/class-name';
import { ageOn, compareBySchoolOrder, count, dateText, label, pupilLabel, schoolBlock, sexWord, word, type ReportContext, type SchoolBlock } from './context';
import { customListTitle, listTitles, listWords, res64Groups, type DefaultListKey } from './words';

/** What a list holds: pupils having any of `categories` (or, for `res64`, every eligible pupil). */
export interface ListSpec {
  /** A default list's key, or the codes joined by "+" for a list asked for by categories. */
  key: string;
  categories: string[];
  /** The default template of the list. */
  template: ListTemplate;
  res64: boolean;
}

export type ListTemplate = 'list' | 'list-orphans' | 'list-families' | 'list-registers' | 'list-res64' | 'list-meals';

export const defaultLists: Record<DefaultListKey, Omit<ListSpec, 'key'>> = {
  orphans: { categories: ['orphan', 'no_parental_care'], template: 'list-orphans', res64: false },
  half_orphans: { categories: ['half_orphan'], template: 'list', res64: false },
  large_families: { categories: ['large_family'], template: 'list-families', res64: false },
  low_income: { categories: ['asp', 'low_income'], template: 'list-families', res64: false },
  incomplete_families: { categories: ['incomplete_family'], template: 'list-families', res64: false },
  special_needs: { categories: ['disability', 'sen'], template: 'list', res64: false },
  home_schooled: { categories: ['home_schooled'], template: 'list', res64: false },
  kandas: { categories: ['kandas'], template: 'list', res64: false },
  registers: { categories: ['school_register', 'risk_group', 'police_register'], template: 'list-registers', res64: false },
  free_meals: { categories: ['free_meals'], template: 'list-meals', res64: false },
  res64: { categories: [], template: 'list-res64', res64: true },
};

export const defaultListKeys = Object.keys(defaultLists) as DefaultListKey[];

/**
 * The list a job's filter names: a default list's key, or categories by code or by name in either language
 * ("step_parent; dysfunctional_family"). Null when a word names neither, with that word.
 */
export function listOf(filter: string, catalogue: readonly Category[]): { list: ListSpec } | { unknown: string } {
  const key = fold(filter).replace(/[\s-]+/g, '_');
  if (key in defaultLists) return { list: { key, ...defaultLists[key as DefaultListKey] } };
  const find = categoryFinder(catalogue);
  const codes: string[] = [];
  for (const word of filter.split(/[;,\n+]+/).map((w) => w.trim()).filter(Boolean)) {
    const c = find(word);
    if (!c) return { unknown: word };
    if (!codes.includes(c.code)) codes.push(c.code);
  }
  if (codes.length === 0) return { unknown: filter };
  const families = codes.every((code) => catalogue.find((c) => c.code === code)?.level === 'family');
  return { list: { key: codes.join('+'), categories: codes, template: families ? 'list-families' : 'list', res64: false } };
}

export function listTitle(list: ListSpec, catalogue: readonly Category[], lang: Lang): string {
  if (list.key in listTitles) return listTitles[list.key as DefaultListKey][lang];
  const labels = list.categories.map((code) => catalogue.find((c) => c.code === code)?.[lang] ?? code);
  return customListTitle[lang]({ labels: labels.join(', ') });
}

export type ListPupil = {
  full_name: string;
  class: string;
  birth_date: string;
  age: string;
  sex: string;
  /**
   * A list of several categories: which of them the pupil has («Сирота», «Оставшаяся без попечения родителей»).
   * A list of one category: the pupil's other social categories, so the column does not repeat the list's title.
   */
  categories: string;
  /** How an orphan or a child without parental care is placed (guardianship, foster family…). */
  placement: string;
  /** Free meals: the pupil's social categories that ground it, and who pays. */
  basis: string;
  source: string;
  guardian: string;
  /** Children in the family, as recorded. */
  children: string;
  /** The family's number within this list: brothers and sisters share it, so families can be counted. */
  family: string;
  address: string;
  iin: string;
  /** Resolution No. 64 groups, "1, 3" (the res64 list only). */
  groups: string;
  group_names: string;
  /** Flags of the registers list: "✓" or "" — the fact only, never what lies behind it. */
  school_register: string;
  risk_group: string;
  police_register: string;
};

export type ListModel = {
  school: SchoolBlock;
  list: {
    key: string;
    title: string;
    categories: string;
    students: string;
    families: string;
    /** The heading of the pupils' categories column: «Санаты» for a list of several, «Басқа санаттары» for one. */
    category_header: string;
  };
  pupils: ListPupil[];
  has_pupils: boolean;
  /** The Resolution No. 64 groups with their pupil counts (the res64 list only). */
  groups: { group: string; name: string; students: string }[];
  /** Pupils per class, classes with none left out. */
  classes: { name: string; students: string }[];
};

const MARK = '✓';

export function listModel(ctx: ReportContext, list: ListSpec): ListModel {
  const groupsOf = new Map<Pupil, number[]>();
  let pupils: Pupil[];
  if (list.res64) {
    for (const e of res64Eligible(ctx.registry.pupils, ctx.registry.catalogue)) groupsOf.set(e.pupil, e.groups);
    pupils = [...groupsOf.keys()];
  } else {
    pupils = ctx.registry.pupils.filter((p) => list.categories.some((code) => p.categories.includes(code)));
  }
  pupils = [...pupils].sort(compareBySchoolOrder);

  const familyNo = new Map<string, number>();
  for (const p of pupils) if (!familyNo.has(p.familyKey)) familyNo.set(p.familyKey, familyNo.size + 1);
  const perClass = new Map<string, number>();
  for (const p of pupils) perClass.set(p.className, (perClass.get(p.className) ?? 0) + 1);
  const age = (p: Pupil) => ageOn(p.birthDate, ctx.today);
  const flag = (p: Pupil, code: string) => (p.categories.includes(code) ? MARK : '');

  const several = list.res64 || list.categories.length > 1;
  const social = (p: Pupil) => p.categories.filter((code) => ctx.categories.get(code)?.kind === 'category');
  const eligibleAs = new Map(res64Eligible(ctx.registry.pupils, ctx.registry.catalogue).map((e) => [e.pupil, e.groups]));
  const mealsSource = (p: Pupil): string => {
    // Resolution No. 64 pays for the eligible; primary grades eat free from the local budget; else no ground is known.
    if (eligibleAs.has(p)) return listWords.fund[ctx.lang];
    const grade = parseClassName(p.className)?.grade;
    return grade !== undefined && grade <= 4 ? listWords.localBudget[ctx.lang] : listWords.unknownSource[ctx.lang];
  };
  const groupCounts = new Map<number, number>();
  for (const groups of groupsOf.values()) for (const g of groups) groupCounts.set(g, (groupCounts.get(g) ?? 0) + 1);

  return {
    school: schoolBlock(ctx),
    list: {
      key: list.key,
      title: listTitle(list, ctx.registry.catalogue, ctx.lang),
      categories: list.categories.map((code) => label(ctx, code)).join(', '),
      students: count(pupils.length),
      families: count(familyNo.size),
      category_header: (several ? listWords.categories : listWords.otherCategories)[ctx.lang],
    },
    pupils: pupils.map((p) => {
      const groups = groupsOf.get(p) ?? [];
      const a = age(p);
      return {
        full_name: p.fullName,
        class: p.className,
        birth_date: dateText(p.birthDate),
        age: a === null ? '' : String(a),
        sex: sexWord(ctx, p),
        categories: (several
          ? list.categories.filter((code) => p.categories.includes(code))
          : social(p).filter((code) => !list.categories.includes(code))
        ).map((code) => pupilLabel(ctx, code, p)).join(', '),
        placement: p.placement,
        basis: social(p).map((code) => pupilLabel(ctx, code, p)).join(', ') || word(ctx, 'none'),
        source: mealsSource(p),
        guardian: p.guardian,
        children: p.childrenInFamily === null ? '' : String(p.childrenInFamily),
        family: String(familyNo.get(p.familyKey)),
        address: p.address,
        iin: p.iin,
        groups: groups.join(', '),
        group_names: groups.map((g) => res64Groups[g as 1 | 2 | 3 | 4 | 5]?.[ctx.lang] ?? String(g)).join('; '),
        school_register: flag(p, 'school_register'),
        risk_group: flag(p, 'risk_group'),
        police_register: flag(p, 'police_register'),
      };
    }),
    has_pupils: pupils.length > 0,
    groups: list.res64
      ? ([1, 2, 3, 4, 5] as const).map((g) => ({ group: String(g), name: res64Groups[g][ctx.lang], students: count(groupCounts.get(g) ?? 0) }))
      : [],
    classes: ctx.classNames.filter((n) => perClass.has(n)).map((n) => ({ name: n, students: count(perClass.get(n)!) })),
  };
}
