// The settings tab: school, school year, language, people and thresholds, found by key or by label.
import { cellText, fold, parseDate, parseInteger } from '../cells';
import type { Cell } from '../sheet';
import { Lang, tabSpec, type SettingSpec } from '../template';
import type { TabData } from '../sheet';
import { cellAt, dataRows, mapTable } from '../table';
import { parseSchoolYear, type SchoolYear } from '../school-year';

export interface Settings {
  schoolName: string;
  schoolYear: SchoolYear | null;
  language: Lang;
  socialPedagogue: string;
  director: string;
  largeFamilyThreshold: number;
  graduatingGrade: number;
  /** The date the school gave its documents (YYYY-MM-DD), or null: then reportDate() decides. */
  reportDate: string | null;
  /** Every value as written, by key, including keys the layout does not know. */
  values: Record<string, string>;
  /** 1-based row of each key, for messages. */
  rows: Record<string, number>;
}

export interface SettingProblem {
  key: string;
  row: number;
  value: string;
  expected: 'schoolYearFormat' | 'language' | 'wholeNumber' | 'dateFormat';
}

export function settingSpecs(): SettingSpec[] {
  return tabSpec('settings').entries;
}

/** Reads "kk", "қазақ", "қазақша", "казахский", "ru", "орыс", "русский"… */
export function parseLanguage(text: string): Lang | null {
  const t = fold(text);
  if (/^(kk|kz|қаз|каз)/.test(t)) return 'kk';
  if (/^(ru|рус|орыс)/.test(t)) return 'ru';
  return null;
}

export function readSettings(tab: TabData | null, fallbackLang: Lang): { settings: Settings; problems: SettingProblem[] } {
  const specs = settingSpecs();
  const values: Record<string, string> = {};
  /** The cells as read: a date setting may be a real date cell, not text. */
  const rawValues: Record<string, Cell> = {};
  const rows: Record<string, number> = {};
  if (tab) {
    const map = mapTable(tab, tabSpec('settings').columns.map((c) => ({ ...c, required: c.key === 'value' })));
    const byLabel = new Map<string, string>();
    for (const s of specs) for (const label of [s.label.kk, s.label.ru, s.key]) byLabel.set(fold(label), s.key);
    for (const { row, cells } of dataRows(tab, map)) {
      const key = cellText(cellAt(cells, map, 'key')) || byLabel.get(fold(cellText(cellAt(cells, map, 'label')))) || '';
      if (!key || key in values) continue;
      values[key] = cellText(cellAt(cells, map, 'value'));
      rawValues[key] = cellAt(cells, map, 'value');
      rows[key] = row;
    }
  }
  const problems: SettingProblem[] = [];
  const get = (key: string) => values[key] ?? specs.find((s) => s.key === key)?.default ?? '';
  const problem = (key: string, expected: SettingProblem['expected']) =>
    problems.push({ key, row: rows[key] ?? 0, value: values[key] ?? '', expected });

  const yearText = get('school_year');
  const schoolYear = yearText ? parseSchoolYear(yearText) : null;
  if (yearText && !schoolYear) problem('school_year', 'schoolYearFormat');
  const language = parseLanguage(get('language') || fallbackLang);
  if (!language) problem('language', 'language');
  const integer = (key: string, fallback: number) => {
    const text = get(key);
    const n = text === '' ? fallback : parseInteger(text);
    if (n === null) problem(key, 'wholeNumber');
    return n ?? fallback;
  };
  const dateSetting = (key: string) => {
    const text = get(key);
    const date = text === '' ? null : parseDate(values[key] === undefined ? text : rawValues[key]);
    if (text !== '' && date === null) problem(key, 'dateFormat');
    return date;
  };
  return {
    settings: {
      schoolName: get('school_name'),
      schoolYear,
      language: language ?? fallbackLang,
      socialPedagogue: get('social_pedagogue'),
      director: get('director'),
      largeFamilyThreshold: integer('large_family_threshold', 4),
      graduatingGrade: integer('graduating_grade', 11),
      reportDate: dateSetting('report_date'),
      values,
      rows,
    },
    problems,
  };
}
