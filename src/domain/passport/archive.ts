// Passports of past years kept as rows of the passport archive tab (year, class, category, counts),
// so that next year's dynamics need nothing but the workbook itself.
import { cellText, parseInteger } from '../cells';
import { compareClassNames } from '../registry/class-name';
import type { Counts, Passport, PassportFigures } from './passport';
import type { Cell, TabData } from '../sheet';
import { cellAt, dataRows, mapTable } from '../table';
import { tabSpec } from '../template';

/** The archive rows of one passport: school totals, each category, then each class and its categories. */
export function passportArchiveRows(p: Passport, archivedOn: string): Cell[][] {
  const rows: Cell[][] = [[p.schoolYear, '', '', p.students, p.families, archivedOn]];
  for (const [code, c] of Object.entries(p.categories)) rows.push([p.schoolYear, '', code, c.students, c.families, archivedOn]);
  for (const [name, cls] of Object.entries(p.classes)) {
    rows.push([p.schoolYear, name, '', cls.students, cls.families, archivedOn]);
    for (const [code, c] of Object.entries(cls.categories)) rows.push([p.schoolYear, name, code, c.students, c.families, archivedOn]);
  }
  return rows;
}

export interface ArchivedYear {
  figures: PassportFigures;
  /** 1-based sheet rows holding this year, so that a new snapshot can replace them. */
  rows: number[];
}

/** Every passport in the archive tab, by school year. */
export function readPassportArchive(tab: TabData | undefined): Map<string, ArchivedYear> {
  const years = new Map<string, ArchivedYear>();
  if (!tab) return years;
  const map = mapTable(tab, tabSpec('passport_archive').columns);
  for (const { row, cells } of dataRows(tab, map)) {
    const year = cellText(cellAt(cells, map, 'school_year'));
    const className = cellText(cellAt(cells, map, 'class'));
    const code = cellText(cellAt(cells, map, 'category'));
    const counts: Counts = {
      students: parseInteger(cellAt(cells, map, 'students')) ?? 0,
      families: parseInteger(cellAt(cells, map, 'families')) ?? 0,
    };
    let entry = years.get(year);
    if (!entry) {
      entry = { figures: { schoolYear: year, students: 0, families: 0, categories: {}, classes: {} }, rows: [] };
      years.set(year, entry);
    }
    entry.rows.push(row);
    const f = entry.figures;
    if (className === '') {
      if (code === '') Object.assign(f, counts);
      else f.categories[code] = counts;
    } else {
      const cls = (f.classes[className] ??= { students: 0, families: 0, categories: {} });
      if (code === '') Object.assign(cls, counts);
      else cls.categories[code] = counts;
    }
  }
  for (const { figures } of years.values()) {
    figures.classes = Object.fromEntries(Object.entries(figures.classes).sort(([a], [b]) => compareClassNames(a, b)));
  }
  return years;
}
