// The district report's model: the totals by category with shares and dynamics, a row per school, the chart, and a
// few sentences drawn from the figures (largest categories, growth, the schools left out). Aggregates only: no pupil.
import type { District } from '../../domain/district/roll-up';
import { reasonText } from '../../domain/district/workbook';
import { dmy, formatChange, formatDecimal, formatShare, pair } from '../../domain/format';
import { districtNarrative, districtWords, say, words } from '../../domain/i18n';
import { parseSchoolYear, previousSchoolYear, reportDate } from '../../domain/school-year';
import { defaultCatalogue, type Lang } from '../../domain/template';
import type { ChartSpec } from '../charts/svg';
import type { ImageValue } from '../doc-tree';
import type { ModelObject } from '../model';
import { noCharts, type ChartPainter } from './school';
import { reportWords } from './words';

const COLORS = { before: '#9AA5B1', now: '#2B6CB0' };
/** How many categories a sentence names, and how many school names before "and N more". */
const TOP = 3;
const NAMES = 5;

const count = (n: number) => formatDecimal(n);
/** CSS pixels: a chart taller than this is shrunk whole, so that it fits a landscape page with its caption. */
const MAX_CHART_HEIGHT = 560;

function fitted(image: ImageValue | null): ImageValue | null {
  if (!image || image.height <= MAX_CHART_HEIGHT) return image;
  const scale = MAX_CHART_HEIGHT / image.height;
  return { ...image, width: Math.round(image.width * scale), height: MAX_CHART_HEIGHT };
}

/** Pupils per category of one level (the pupil's own, or the family's), last year beside this year when compared. */
export function districtChart(d: District, lang: Lang, level: 'pupil' | 'family'): ChartSpec {
  const compare = d.compare;
  const cats = d.categories.filter(
    (c) => c.kind === 'category' && c.level === level && ((d.total.categories[c.code]?.students ?? 0) > 0 || (compare?.categories[c.code]?.students ?? 0) > 0),
  );
  return {
    kind: 'grouped-bars',
    title: districtWords[level === 'pupil' ? 'chartPupils' : 'chartFamilies'][lang],
    series: compare ? [{ name: compare.schoolYear, color: COLORS.before }, { name: d.schoolYear, color: COLORS.now }] : [{ name: d.schoolYear, color: COLORS.now }],
    rows: cats.map((c) => {
      const now = d.total.categories[c.code]!;
      const before = compare?.categories[c.code];
      return {
        label: c[lang],
        values: before ? [before.students, now.students] : [now.students],
        texts: before ? [pair(before.students, before.families), pair(now.students, now.families)] : [pair(now.students, now.families)],
      };
    }),
  };
}

function names(list: readonly string[], lang: Lang): string {
  const shown = list.slice(0, NAMES).join(', ');
  return list.length > NAMES ? `${shown} ${say(districtNarrative.andMore, lang, { count: list.length - NAMES })}` : shown;
}

/** The sentences of the report, each empty when it has nothing to say (its paragraph then goes). */
function narrative(d: District, lang: Lang): Record<string, string> {
  const label = (code: string) => d.categories.find((c) => c.code === code)?.[lang] ?? code;
  const cats = d.categories.filter((c) => c.kind === 'category');
  const largest = [...cats]
    .filter((c) => d.total.categories[c.code]!.students > 0)
    .sort((a, b) => d.total.categories[b.code]!.students - d.total.categories[a.code]!.students)
    .slice(0, TOP);
  const out: Record<string, string> = {
    intro: say(districtNarrative.intro, lang, { year: d.schoolYear, schools: d.schools.length, students: count(d.total.students), families: count(d.total.families) }),
    largest:
      largest.length > 0
        ? say(districtNarrative.largest, lang, {
            list: largest.map((c) => `${c[lang]} – ${count(d.total.categories[c.code]!.students)} (${formatShare(d.total.categories[c.code]!.students, d.total.students)})`).join('; '),
          })
        : d.schools.length > 0
          ? say(districtNarrative.noneInCategories, lang)
          : '',
    growth: '',
    decline: '',
    steady: '',
    no_compare: '',
    top_school: '',
    excluded: d.problems.length > 0 ? say(districtNarrative.excluded, lang, { count: d.problems.length }) : '',
  };
  if (d.compare) {
    const changes = cats
      .map((c) => ({ c, b: d.compare!.categories[c.code]!, now: d.total.categories[c.code]! }))
      .filter((x) => x.b.studentsChangePct !== null && x.b.studentsChangePct !== 0);
    const phrase = (x: (typeof changes)[number]) => `${x.c[lang]} (${formatChange(x.b.studentsChangePct)}: ${count(x.b.students)} → ${count(x.now.students)})`;
    const up = changes.filter((x) => x.b.studentsChangePct! > 0).sort((a, b) => b.b.studentsChangePct! - a.b.studentsChangePct!).slice(0, TOP);
    const down = changes.filter((x) => x.b.studentsChangePct! < 0).sort((a, b) => a.b.studentsChangePct! - b.b.studentsChangePct!).slice(0, TOP);
    if (up.length > 0) out.growth = say(districtNarrative.growth, lang, { before: d.compare.schoolYear, list: up.map(phrase).join('; ') });
    if (down.length > 0) out.decline = say(districtNarrative.decline, lang, { list: down.map(phrase).join('; ') });
    if (up.length === 0 && down.length === 0) out.steady = say(districtNarrative.steady, lang, { before: d.compare.schoolYear });
  } else if (d.withoutLastYear.length > 0) {
    out.no_compare = say(districtNarrative.noCompare, lang, { names: names(d.withoutLastYear, lang) });
  }
  const first = largest[0];
  if (first && d.schools.length > 1) {
    const top = [...d.schools].sort((a, b) => (b.categories[first.code]?.students ?? 0) - (a.categories[first.code]?.students ?? 0))[0]!;
    out.top_school = say(districtNarrative.topSchool, lang, { label: label(first.code), school: top.name, count: count(top.categories[first.code]?.students ?? 0) });
  }
  return out;
}

export interface DistrictReportOptions {
  lang: Lang;
  /** The computer's day, YYYY-MM-DD; the report is dated within the school year it is about. */
  today: string;
  paint?: ChartPainter;
}

export function districtReportModel(d: District, options: DistrictReportOptions): ModelObject {
  const { lang } = options;
  const paint = options.paint ?? noCharts;
  const year = parseSchoolYear(d.schoolYear);
  // Every code a template may name (the default catalogue's) and every code of the district, zeros where none.
  const codes = [...new Set([...defaultCatalogue.map((c) => c.code), ...d.categories.map((c) => c.code)])];
  const figures = (f: { students: number; families: number; categories: Record<string, { students: number; families: number }> }) => ({
    students: count(f.students),
    families: count(f.families),
    count: Object.fromEntries(codes.map((c) => [c, count(f.categories[c]?.students ?? 0)])),
    pair: Object.fromEntries(codes.map((c) => [c, pair(f.categories[c]?.students ?? 0, f.categories[c]?.families ?? 0)])),
  });
  const line = (code: string) => {
    const c = d.categories.find((x) => x.code === code)!;
    const now = d.total.categories[code]!;
    const b = d.compare?.categories[code];
    return {
      label: c[lang],
      level: reportWords[c.level === 'family' ? 'familyLevel' : 'pupilLevel'][lang],
      students: count(now.students),
      families: count(now.families),
      pair: pair(now.students, now.families),
      share: formatShare(now.students, d.total.students),
      before_pair: b ? pair(b.students, b.families) : '',
      students_change: b ? formatChange(b.studentsChangePct) : '',
      families_change: b ? formatChange(b.familiesChangePct) : '',
    };
  };
  const chart = (level: 'pupil' | 'family') => {
    const spec = districtChart(d, lang, level);
    return spec.rows.length > 0 ? fitted(paint(spec)) : null;
  };
  return {
    district: {
      department: districtWords.department[lang],
      year: d.schoolYear,
      year_before: d.compare?.schoolYear ?? (year ? previousSchoolYear(year).name : ''),
      date: dmy(reportDate(year, null, options.today)),
    },
    totals: { schools: count(d.schools.length), students: count(d.total.students), families: count(d.total.families) },
    has_compare: d.compare !== null,
    categories: d.categories.filter((c) => c.kind === 'category').map((c) => line(c.code)),
    support: d.categories.filter((c) => c.kind === 'support').map((c) => line(c.code)),
    has_support: d.categories.some((c) => c.kind === 'support'),
    schools: d.schools.map((s) => ({ name: s.name, ...figures(s) })),
    total: { name: words.total[lang], ...figures(d.total) },
    narrative: narrative(d, lang),
    has_excluded: d.problems.length > 0,
    excluded: d.problems.map((p) => ({ source: p.source, school: 'school' in p ? p.school.name : '', reason: reasonText(p, lang) })),
    charts: { pupils: chart('pupil'), families: chart('family') },
  };
}
