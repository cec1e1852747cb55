// The district workbook laid out as rows: the summary (totals, shares, dynamics, schools left out), the schools by
// categories, and a data tab of one row per school and category from which `qamqor reports` reads the district back.
import { cellText, parseInteger } from '../cells';
import { formatChange, formatShare } from '../format';
import { districtReasons, districtTitles, districtWords, say, words } from '../i18n';
import type { Cell, TabData } from '../sheet';
import { cellAt, dataRows, mapTable } from '../table';
import type { ColumnSpec, Lang } from '../template';
import { isProblem, schoolFigures, type District, type DistrictProblem, type SchoolSource } from './roll-up';
import type { DistrictCategory, SchoolPassport, SourceProblemCode } from './school-passport';

/** The keys the district's tabs carry in the workbook (the `_qamqor` records), by which they are found again. */
export const DISTRICT_TAB_KEYS = { summary: 'district', schools: 'district_schools', data: 'district_data' } as const;
export type DistrictTabKey = (typeof DISTRICT_TAB_KEYS)[keyof typeof DISTRICT_TAB_KEYS];

export interface DistrictSheet {
  key: DistrictTabKey;
  title: string;
  rows: Cell[][];
  /** 0-based header row (frozen) and the kind of each column, for widths. */
  headerRow: number;
  columns: ('text' | 'integer')[];
}

/** Where the summary's category table sits, for a chart drawn from its cells (0-based rows and columns). */
export interface ChartCells {
  sheetTitle: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  labelCol: number;
  /** The category labels, as written in the label column (the chart keeps a copy, shown before any recalculation). */
  labels: string[];
  /** The bars: last year's pupils (when compared), then this year's; their values as written in `col`. */
  series: { col: number; name: string; values: number[] }[];
  /** Where the chart is put: the top-left cell. */
  anchor: { row: number; col: number };
  title: string;
}

const w = (key: keyof typeof districtWords, lang: Lang) => districtWords[key][lang];

/** The short reason of a school left out, for a table cell. */
export function reasonText(p: DistrictProblem, lang: Lang): string {
  const detail = 'detail' in p ? p.detail : '';
  const year = 'school' in p ? p.school.schoolYear : '';
  return say(districtReasons[p.code], lang, { detail, year });
}

function problemSchool(p: DistrictProblem): string {
  return 'school' in p ? p.school.name : '';
}

export function summarySheet(d: District, lang: Lang): { sheet: DistrictSheet; chart: ChartCells | null } {
  const title = say(districtTitles.summary, lang, { year: d.schoolYear });
  const rows: Cell[][] = [[title], [say(districtTitles.counts, lang, { schools: d.schools.length, students: d.total.students, families: d.total.families })]];
  rows.push(d.compare || d.schools.length === 0 ? [] : [w('noCompare', lang)]);
  const header: Cell[] = [words.category[lang], words.students[lang], words.families[lang], w('shareOfDistrict', lang)];
  if (d.compare) {
    header.push(
      `${w('lastYearStudents', lang)} (${d.compare.schoolYear})`,
      `${w('lastYearFamilies', lang)} (${d.compare.schoolYear})`,
      w('changeStudents', lang),
      w('changeFamilies', lang),
    );
  }
  const headerRow = rows.length;
  rows.push(header);
  for (const c of d.categories) {
    const now = d.total.categories[c.code]!;
    const line: Cell[] = [c[lang], now.students, now.families, formatShare(now.students, d.total.students)];
    const b = d.compare?.categories[c.code];
    if (b) line.push(b.students, b.families, formatChange(b.studentsChangePct), formatChange(b.familiesChangePct));
    rows.push(line);
  }
  const lastRow = rows.length - 1;
  if (d.problems.length > 0) {
    rows.push([], [w('excludedTitle', lang)], [w('source', lang), w('school', lang), w('reason', lang)]);
    for (const p of d.problems) rows.push([p.source, problemSchool(p), reasonText(p, lang)]);
  }
  const columns: DistrictSheet['columns'] = ['text', 'integer', 'integer', 'text', ...(d.compare ? (['integer', 'integer', 'text', 'text'] as const) : [])];
  const sheet: DistrictSheet = { key: DISTRICT_TAB_KEYS.summary, title: w('tabSummary', lang), rows, headerRow, columns };
  const chart: ChartCells | null =
    d.categories.length === 0
      ? null
      : {
          sheetTitle: sheet.title,
          headerRow,
          firstRow: headerRow + 1,
          lastRow,
          labelCol: 0,
          labels: d.categories.map((c) => c[lang]),
          series: [
            ...(d.compare ? [{ col: 4, name: d.compare.schoolYear, values: d.categories.map((c) => d.compare!.categories[c.code]!.students) }] : []),
            { col: 1, name: d.schoolYear, values: d.categories.map((c) => d.total.categories[c.code]!.students) },
          ],
          anchor: { row: headerRow, col: header.length + 1 },
          title: w('chartTitle', lang),
        };
  return { sheet, chart };
}

/** The schools by categories: pupils and families of each category, a row per school and the district's total. */
export function schoolsSheet(d: District, lang: Lang): DistrictSheet {
  const codes = d.categories.map((c) => c.code);
  const header: Cell[] = ['№', w('school', lang), words.students[lang], words.families[lang]];
  for (const c of d.categories) header.push(`${c[lang]}: ${words.students[lang]}`, `${c[lang]}: ${words.families[lang]}`);
  const line = (n: Cell, name: string, f: ReturnType<typeof schoolFigures>): Cell[] => [
    n,
    name,
    f.students,
    f.families,
    ...codes.flatMap((code) => [f.categories[code]?.students ?? 0, f.categories[code]?.families ?? 0]),
  ];
  const rows: Cell[][] = [header, ...d.schools.map((s, i) => line(i + 1, s.name, schoolFigures(s, codes)))];
  rows.push(line('', words.total[lang], d.total));
  return { key: DISTRICT_TAB_KEYS.schools, title: w('tabSchools', lang), rows, headerRow: 0, columns: ['integer', 'text', ...codes.flatMap(() => ['integer', 'integer'] as const), 'integer', 'integer'] };
}

/** The data tab's columns, found by header in either language when read back. */
export const DATA_COLUMNS: ColumnSpec[] = (
  [
    ['school_year', 'colSchoolYear'],
    ['school', 'colSchool'],
    ['source', 'colSource'],
    ['category', 'colCategory'],
    ['label_kk', 'colLabelKk'],
    ['label_ru', 'colLabelRu'],
    ['level', 'colLevel'],
    ['kind', 'colKind'],
    ['students', 'colStudents'],
    ['families', 'colFamilies'],
    ['before_year', 'colBeforeYear'],
    ['before_students', 'colBeforeStudents'],
    ['before_families', 'colBeforeFamilies'],
    ['problem', 'colProblem'],
    ['detail', 'colDetail'],
  ] as const
).map(([key, word]) => ({ key, header: districtWords[word], type: 'text', required: key === 'source', aliases: [] }));

/**
 * Every source in the order given: a school's total row and a row per category (its own figures, last year's when
 * its passport shows them), or the problem that gave no passport; first, the district's own row. The district is
 * summed again from these rows.
 */
export function dataSheet(d: District, sources: readonly SchoolSource[], lang: Lang): DistrictSheet {
  const rows: Cell[][] = [DATA_COLUMNS.map((c) => c.header[lang])];
  // By the school itself, not its path: one file given twice is summed once and set aside once.
  const excluded = new Map(d.problems.flatMap((p) => ('school' in p ? [[p.school, p.code] as const] : [])));
  const empty = (n: number) => Array.from({ length: n }, () => '' as Cell);
  // The district's own row (no source): its year, which --year may have chosen against most schools, and its totals.
  rows.push([d.schoolYear, words.total[lang], '', '', '', '', '', '', d.total.students, d.total.families, d.compare?.schoolYear ?? '', '', '', '', '']);
  for (const s of sources) {
    if (isProblem(s)) {
      rows.push(['', '', s.source, ...empty(10), s.code, s.detail]);
      continue;
    }
    const by = s.before?.schoolYear ?? '';
    rows.push([s.schoolYear, s.name, s.source, '', '', '', '', '', s.students, s.families, by, '', '', excluded.get(s) ?? '', '']);
    for (const c of s.catalogue) {
      const now = s.categories[c.code] ?? { students: 0, families: 0 };
      const b = s.before?.categories[c.code];
      rows.push([s.schoolYear, s.name, s.source, c.code, c.kk, c.ru, c.level, c.kind, now.students, now.families, by, b?.students ?? '', b?.families ?? '', '', '']);
    }
  }
  const columns = DATA_COLUMNS.map((c) => (['students', 'families', 'before_students', 'before_families'].includes(c.key) ? 'integer' : 'text') as 'text' | 'integer');
  return { key: DISTRICT_TAB_KEYS.data, title: w('tabData', lang), rows, headerRow: 0, columns };
}

const PROBLEM_CODES: ReadonlySet<string> = new Set<SourceProblemCode>([
  'no_passport', 'unreadable_passport', 'unknown_category', 'no_school_name', 'unreadable_file', 'not_found', 'no_access', 'quota', 'google_error', 'bad_line',
]);

/** The sources of a district as its data tab holds them, in their order, and the district's year. */
export function readDistrictData(tab: TabData): { sources: SchoolSource[]; schoolYear: string } {
  const map = mapTable(tab, DATA_COLUMNS);
  const sources: SchoolSource[] = [];
  // A school's total row opens it and its category rows follow: one file given twice is two schools, as it was.
  let school: SchoolPassport | null = null;
  let schoolYear = '';
  for (const { cells } of dataRows(tab, map)) {
    const text = (key: string) => cellText(cellAt(cells, map, key));
    const int = (key: string) => parseInteger(cellAt(cells, map, key));
    const source = text('source');
    const problem = text('problem');
    if (source === '') {
      schoolYear ||= text('school_year');
      continue;
    }
    if (PROBLEM_CODES.has(problem)) {
      sources.push({ source, code: problem as SourceProblemCode, detail: text('detail') });
      school = null;
      continue;
    }
    const code = text('category');
    if (code === '') {
      const beforeYear = text('before_year');
      school = {
        source,
        name: text('school'),
        schoolYear: text('school_year'),
        students: int('students') ?? 0,
        families: int('families') ?? 0,
        categories: {},
        catalogue: [],
        before: beforeYear ? { schoolYear: beforeYear, categories: {} } : null,
      };
      sources.push(school);
      continue;
    }
    if (!school || school.source !== source) continue;
    const level = text('level') === 'family' ? 'family' : 'pupil';
    const kind = text('kind') === 'support' ? 'support' : 'category';
    const category: DistrictCategory = { code, kk: text('label_kk') || code, ru: text('label_ru') || code, level, kind };
    school.catalogue.push(category);
    school.categories[code] = { students: int('students') ?? 0, families: int('families') ?? 0 };
    if (school.before) school.before.categories[code] = { students: int('before_students') ?? 0, families: int('before_families') ?? 0 };
  }
  return { sources, schoolYear };
}
