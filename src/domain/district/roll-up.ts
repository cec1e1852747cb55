// The district: the schools' passports summed category by category, each school keyed by its name, the schools that
// cannot be summed (another year, a second school of one name, no passport) set aside and named, never guessed at.
import * as z from 'zod';
import { compareText } from '../collate';
import { changePct } from '../format';
import { Counts, CompareCounts } from '../passport/passport';
import { parseSchoolYear, previousSchoolYear } from '../school-year';
import { defaultCatalogue } from '../template';
import type { DistrictCategory, SchoolPassport, SourceProblem } from './school-passport';

export const DistrictFigures = Counts.extend({ categories: z.record(z.string(), Counts) });
export type DistrictFigures = z.infer<typeof DistrictFigures>;

/** `qamqor district --json`, exactly DESIGN.md's shape. */
export const DistrictJson = z.object({
  schoolYear: z.string(),
  schools: z.record(z.string(), DistrictFigures),
  total: DistrictFigures,
});
export type DistrictJson = z.infer<typeof DistrictJson>;

/** A school that was read but left out of the total. */
export interface Exclusion {
  source: string;
  code: 'other_year' | 'duplicate_name';
  school: SchoolPassport;
  /** For a second school of one name, where the first came from. */
  first?: string;
}

export type DistrictProblem = SourceProblem | Exclusion;

export interface DistrictComparison {
  schoolYear: string;
  /** Last year's figures summed over the schools, and the change, per category. */
  categories: Record<string, z.infer<typeof CompareCounts>>;
}

export interface District {
  schoolYear: string;
  /** Every category any school's passport holds: the default catalogue's order first, then the schools' own. */
  categories: DistrictCategory[];
  /** The schools summed, in name order (numbers in names compared as numbers: № 2 before № 10). */
  schools: SchoolPassport[];
  total: DistrictFigures;
  /** Present when every school summed shows last year's figures, of the year before the district's. */
  compare: DistrictComparison | null;
  /** Schools summed without last year's figures (so the district has no comparison): their names. */
  withoutLastYear: string[];
  /** Every source not summed, in the order given. */
  problems: DistrictProblem[];
}

/** Sources as read, in the order given: a passport or why there is none. */
export type SchoolSource = SchoolPassport | SourceProblem;

export function isProblem(source: SchoolSource): source is SourceProblem {
  return 'code' in source;
}

/** The district's school year: `--year` when given, else the year most passports are of (the latest of a tie). */
export function districtYear(passports: readonly SchoolPassport[], year?: string): string | null {
  if (year) return parseSchoolYear(year)?.name ?? null;
  const counts = new Map<string, number>();
  for (const p of passports) counts.set(p.schoolYear, (counts.get(p.schoolYear) ?? 0) + 1);
  let best: string | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** A school name as people write it: case, spacing and the «» quotes do not make two schools. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[«»"']/g, '').replace(/\s+/g, ' ').trim();
}

/** "№ 2" before "№ 10": digit runs compared as numbers, the rest in Kazakh alphabetical order. */
export function compareSchoolNames(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const d = numeric ? Number(x) - Number(y) : compareText(x, y);
    if (d !== 0) return d;
  }
  return pa.length - pb.length || compareText(a, b);
}

function emptyFigures(codes: readonly string[]): DistrictFigures {
  return { students: 0, families: 0, categories: Object.fromEntries(codes.map((c) => [c, { students: 0, families: 0 }])) };
}

/** The union of the schools' categories: the default catalogue's order, then others in the order first met. */
function unionCatalogue(schools: readonly SchoolPassport[]): DistrictCategory[] {
  const byCode = new Map<string, DistrictCategory>();
  for (const s of schools) for (const c of s.catalogue) if (!byCode.has(c.code)) byCode.set(c.code, c);
  const order = new Map(defaultCatalogue.map((c, i) => [c.code, i]));
  const firstMet = [...byCode.keys()];
  return [...byCode.values()].sort((a, b) => (order.get(a.code) ?? 1e6 + firstMet.indexOf(a.code)) - (order.get(b.code) ?? 1e6 + firstMet.indexOf(b.code)));
}

/**
 * Sums the schools. A school of another year than the district's, or a second school of a name already summed, is
 * set aside with the reason; every figure of `total` is the sum over `schools`. Sources that gave no passport are
 * carried as they are, so that every one of them is named.
 */
export function rollUpDistrict(sources: readonly SchoolSource[], options: { year?: string } = {}): District {
  const passports = sources.filter((s): s is SchoolPassport => !isProblem(s));
  const schoolYear = districtYear(passports, options.year) ?? '';
  const problems: DistrictProblem[] = [];
  const kept: SchoolPassport[] = [];
  const firstOfName = new Map<string, SchoolPassport>();
  for (const source of sources) {
    if (isProblem(source)) {
      problems.push(source);
      continue;
    }
    if (source.schoolYear !== schoolYear) {
      problems.push({ source: source.source, code: 'other_year', school: source });
      continue;
    }
    const key = nameKey(source.name);
    const first = firstOfName.get(key);
    if (first) {
      problems.push({ source: source.source, code: 'duplicate_name', school: source, first: first.source });
      continue;
    }
    firstOfName.set(key, source);
    kept.push(source);
  }
  const schools = kept.sort((a, b) => compareSchoolNames(a.name, b.name));
  const categories = unionCatalogue(schools);
  const codes = categories.map((c) => c.code);
  const total = emptyFigures(codes);
  for (const s of schools) {
    total.students += s.students;
    total.families += s.families;
    for (const code of codes) {
      const c = s.categories[code];
      if (!c) continue;
      total.categories[code]!.students += c.students;
      total.categories[code]!.families += c.families;
    }
  }

  const lastYear = parseSchoolYear(schoolYear);
  const previous = lastYear ? previousSchoolYear(lastYear).name : '';
  const withoutLastYear = schools.filter((s) => s.before?.schoolYear !== previous).map((s) => s.name);
  let compare: DistrictComparison | null = null;
  if (schools.length > 0 && withoutLastYear.length === 0) {
    const sums = emptyFigures(codes).categories;
    for (const s of schools) {
      for (const code of codes) {
        const b = s.before!.categories[code];
        if (!b) continue;
        sums[code]!.students += b.students;
        sums[code]!.families += b.families;
      }
    }
    compare = {
      schoolYear: previous,
      categories: Object.fromEntries(
        codes.map((code) => {
          const now = total.categories[code]!;
          const b = sums[code]!;
          return [code, { ...b, studentsChangePct: changePct(now.students, b.students), familiesChangePct: changePct(now.families, b.families) }];
        }),
      ),
    };
  }
  return { schoolYear, categories, schools, total, compare, withoutLastYear, problems };
}

/** One school's figures over the district's categories, zeros included. */
export function schoolFigures(school: SchoolPassport, codes: readonly string[]): DistrictFigures {
  return {
    students: school.students,
    families: school.families,
    categories: Object.fromEntries(codes.map((c) => [c, { ...(school.categories[c] ?? { students: 0, families: 0 }) }])),
  };
}

/** The JSON of DESIGN.md. */
export function districtJson(d: District): DistrictJson {
  const codes = d.categories.map((c) => c.code);
  return DistrictJson.parse({
    schoolYear: d.schoolYear,
    schools: Object.fromEntries(d.schools.map((s) => [s.name, schoolFigures(s, codes)])),
    total: d.total,
  });
}
