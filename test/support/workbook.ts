// Builders of small workbooks for tests: a registry laid out as setup would lay it out, in either language.
import { classColumns, defaultCatalogue, tabSpec, type Lang } from '../../src/domain/template';
import type { Cell, TabData, WorkbookData } from '../../src/domain/sheet';
import { makeIin, type Sex } from '../../src/domain/registry/iin';

let nextId = 100;

export function tab(title: string, rows: Cell[][], key: string | null = null): TabData {
  return { id: String(nextId++), key, title, rows, formulas: [] };
}

export function settingsTab(lang: Lang, values: Record<string, string> = {}): TabData {
  const spec = tabSpec('settings');
  const rows: Cell[][] = [spec.columns.map((c) => c.header[lang])];
  for (const e of spec.entries) rows.push([e.key, e.label[lang], values[e.key] ?? (e.key === 'language' ? lang : e.default)]);
  return tab(spec.title[lang], rows, 'settings');
}

export function classesTab(lang: Lang, names: string[]): TabData {
  const spec = tabSpec('classes');
  return tab(spec.title[lang], [spec.columns.map((c) => c.header[lang]), ...names.map((n) => [n, `Teacher ${n}`, '', ''])], 'classes');
}

export type PupilInput = Record<string, Cell>;

/** A class tab with the full layout header in `lang`; rows given by column key. */
export function classTab(name: string, pupils: PupilInput[], lang: Lang = 'kk'): TabData {
  const columns = classColumns(defaultCatalogue);
  return tab(name, [columns.map((c) => c.header[lang]), ...pupils.map((p) => columns.map((c) => p[c.key] ?? null))], `class:${name}`);
}

export function book(lang: Lang, classes: Record<string, PupilInput[]>, settings: Record<string, string> = {}): WorkbookData {
  return {
    tabs: [
      settingsTab(lang, { school_year: '2025-2026', school_name: 'Test school', ...settings }),
      classesTab(lang, Object.keys(classes)),
      ...Object.entries(classes).map(([name, pupils]) => classTab(name, pupils, lang)),
    ],
  };
}

let serial = 1;

/** A valid pupil of `grade` in 2025-2026, with a fresh IIN matching birth date and sex. */
export function pupil(grade: number, over: PupilInput = {}, sex: Sex = 'M'): PupilInput {
  const year = 2025 - grade - 6;
  const birth = `${year}-03-15`;
  let iin: string | null = null;
  while (!iin) iin = makeIin(birth, sex, serial++);
  return {
    full_name: `Тестов ${serial} Әлиұлы`,
    iin,
    birth_date: birth,
    sex: sex === 'M' ? 'ұл' : 'қыз',
    ...over,
  };
}
