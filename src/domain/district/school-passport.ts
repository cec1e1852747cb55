// One school's passport as the district receives it: read back from the passport tab that `passport --write` leaves
// (with the settings and the catalogue that name it), never from a pupil's row. The same reader serves .xlsx and Sheets.
import { cellText, fold, parseInteger } from '../cells';
import { categoryFinder, readCatalogue } from '../registry/catalogue';
import { words } from '../i18n';
import type { Counts } from '../passport/passport';
import { parseSchoolYear } from '../school-year';
import { readSettings } from '../registry/settings';
import type { Cell, TabData } from '../sheet';
import type { Category, Lang } from '../template';

/** A category as the district names it: its code, its labels and where it belongs in the tables. */
export interface DistrictCategory {
  code: string;
  kk: string;
  ru: string;
  level: Category['level'];
  kind: Category['kind'];
}

/** What one school's passport tab says, enough to be summed: this year's figures and, when written, last year's. */
export interface SchoolPassport {
  /** Where it came from, as the person gave it: a file path, or `ids.txt:5`. */
  source: string;
  /** The school name of its settings (else of the passport's title): the school's key in the district. */
  name: string;
  schoolYear: string;
  students: number;
  families: number;
  categories: Record<string, Counts>;
  /** The school's own catalogue entries for the codes of its passport, in its order. */
  catalogue: DistrictCategory[];
  /** Last year's figures as the passport tab shows them (its comparison columns), or null. */
  before: { schoolYear: string; categories: Record<string, Counts> } | null;
}

/** Why a source gave no passport to sum; `detail` is said inside the message. */
export type SourceProblemCode =
  | 'no_passport'
  | 'unreadable_passport'
  | 'unknown_category'
  | 'no_school_name'
  | 'unreadable_file'
  | 'not_found'
  | 'no_access'
  | 'quota'
  | 'google_error'
  | 'bad_line';

export interface SourceProblem {
  source: string;
  code: SourceProblemCode;
  /** What the message needs beyond the source: a label, a status, Google's words, the line as written. */
  detail: string;
}

/** The tabs a school's passport is read from; absent ones are undefined. */
export interface SchoolTabs {
  settings?: TabData;
  categories?: TabData;
  passport?: TabData;
}

const TITLE = /^\s*(?:Әлеуметтік паспорт|Социальный паспорт)\s*:\s*(.*?)\s+—\s+(\S+)\s*$/;
const YEAR_IN_TEXT = /(\d{4}\s*[-–—/]\s*\d{2,4})/;
const PAIR = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((c) => cellText(c) === '');
}

/** The language a passport tab was written in, told by the first cell of its category table. */
function headerRowOf(rows: readonly Cell[][]): { row: number; lang: Lang } | null {
  for (let r = 0; r < Math.min(rows.length, 12); r++) {
    const first = fold(cellText(rows[r]?.[0] ?? null));
    for (const lang of ['kk', 'ru'] as const) if (first === fold(words.category[lang])) return { row: r, lang };
  }
  return null;
}

/**
 * Reads a school's passport tab. The tab is Qamqor's own output (`passportSheetRows`), so its shape is known: a
 * title naming the school and year, the category table (label, pupils, families, share and, when compared, last
 * year's "pupils/families" and the changes), then the classes with the school's total row.
 */
export function readSchoolPassport(tabs: SchoolTabs, source: string, fallbackLang: Lang = 'kk'): SchoolPassport | SourceProblem {
  const tab = tabs.passport;
  if (!tab || isBlankRow(tab.rows[0])) return { source, code: 'no_passport', detail: '' };
  const rows = tab.rows;
  const { settings } = readSettings(tabs.settings ?? null, fallbackLang);
  const { catalogue } = readCatalogue(tabs.categories ?? null);
  const find = categoryFinder(catalogue);

  const title = TITLE.exec(cellText(rows[0]![0] ?? null));
  const header = headerRowOf(rows);
  if (!header) return { source, code: 'unreadable_passport', detail: tab.title };
  const headerCells = rows[header.row]!.map(cellText);
  const lastYearCol = headerCells.findIndex((h) => fold(h).startsWith(fold(words.lastYear[header.lang])));
  const beforeYear = lastYearCol >= 0 ? parseSchoolYear(YEAR_IN_TEXT.exec(headerCells[lastYearCol]!)?.[1] ?? '')?.name ?? null : null;

  const categories: Record<string, Counts> = {};
  const before: Record<string, Counts> = {};
  const used: DistrictCategory[] = [];
  let r = header.row + 1;
  for (; r < rows.length && !isBlankRow(rows[r]); r++) {
    const row = rows[r]!;
    const label = cellText(row[0] ?? null);
    const category = find(label);
    // A label the catalogue does not know: the catalogue changed since the tab was written. Summing it under a
    // guessed code would put a school's pupils in the wrong line of the district, so the school is named instead.
    if (!category) return { source, code: 'unknown_category', detail: label };
    const students = parseInteger(row[1] ?? null);
    const families = parseInteger(row[2] ?? null);
    if (students === null || families === null) return { source, code: 'unreadable_passport', detail: `${tab.title}, ${r + 1}` };
    categories[category.code] = { students, families };
    used.push({ code: category.code, kk: category.kk, ru: category.ru, level: category.level, kind: category.kind });
    if (beforeYear && lastYearCol >= 0) {
      const pair = PAIR.exec(cellText(row[lastYearCol] ?? null));
      before[category.code] = pair ? { students: Number(pair[1]), families: Number(pair[2]) } : { students: 0, families: 0 };
    }
  }
  if (used.length === 0) return { source, code: 'unreadable_passport', detail: tab.title };

  const totals = schoolTotals(rows, r, header.lang);
  if (!totals) return { source, code: 'unreadable_passport', detail: tab.title };
  // The settings name the school today; the title named it when the passport was written (the same, unless renamed).
  const name = (settings.schoolName || title?.[1] || '').trim().replace(/\s+/g, ' ');
  if (!name) return { source, code: 'no_school_name', detail: '' };
  // The figures are of the year the passport was built for, which the title says; the settings only fill in.
  const schoolYear = parseSchoolYear(title?.[2] ?? '')?.name ?? settings.schoolYear?.name ?? '';
  if (!schoolYear) return { source, code: 'unreadable_passport', detail: tab.title };
  return {
    source,
    name,
    schoolYear,
    students: totals.students,
    families: totals.families,
    categories,
    catalogue: used,
    before: beforeYear ? { schoolYear: beforeYear, categories: before } : null,
  };
}

/** The school's total row closing the classes table; else the second line ("Оқушылар: 1234", "Отбасылар: 987"). */
function schoolTotals(rows: readonly Cell[][], from: number, lang: Lang): Counts | null {
  const total = fold(words.total[lang]);
  for (let r = rows.length - 1; r >= from; r--) {
    const row = rows[r];
    if (!row || fold(cellText(row[0] ?? null)) !== total) continue;
    const students = parseInteger(row[1] ?? null);
    const families = parseInteger(row[2] ?? null);
    if (students !== null && families !== null) return { students, families };
  }
  const number = (cell: Cell | undefined) => {
    const m = /(\d+)\s*$/.exec(cellText(cell ?? null));
    return m ? Number(m[1]) : null;
  };
  const students = number(rows[1]?.[0]);
  const families = number(rows[1]?.[1]);
  return students !== null && families !== null ? { students, families } : null;
}
