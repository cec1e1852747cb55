// Starting a new school year: the passport is archived, the graduating classes' rows are copied to the
// archive tab with every cell they held, every other class moves up a grade (its tab renamed, its rows
// untouched), and the settings name the next year. Nothing a teacher typed is lost.
// It may be done once a year only: a second run would archive the real graduating grade as graduates.
import { cellText } from '../domain/cells';
import { parseClassName, promote } from '../domain/registry/class-name';
import { dmy } from '../domain/format';
import { RegistryError, words } from '../domain/i18n';
import type { Passport } from '../domain/passport/passport';
import { rawCell, type Pupil, type Registry } from '../domain/registry/registry';
import { nextSchoolYear, type SchoolYear } from '../domain/school-year';
import type { Cell } from '../domain/sheet';
import { findHeader } from '../domain/table';
import { tabSpec } from '../domain/template';
import { classTabKey, headerRow } from './setup';
import { planRegistersNewYear } from './registers-year';
import { planSnapshot } from './snapshot';
import type { WorkbookChange } from './workbook-port';

export interface NewYearPlan {
  changes: WorkbookChange[];
  fromYear: string;
  toYear: string;
  graduates: { className: string; pupils: number }[];
  promoted: { from: string; to: string }[];
}

/**
 * The first day the registry may leave `year` for the next one: 1 May of the calendar year in which the next
 * school year begins (a registry at 2026-2027 may move to 2027-2028 from 1 May 2027). May is the last month of a
 * school year (1 September to 31 May), when its roll and passport are final; and once the registry has moved on,
 * the next opening is a whole year away, so a second run in the same spring is refused rather than done again.
 * A registry left behind for years may still catch up, one year per run.
 */
export function newYearOpensOn(year: SchoolYear): string {
  return `${year.start + 1}-05-01`;
}

export function planNewYear(registry: Registry, passport: Passport, today: Date): NewYearPlan {
  const year = registry.settings.schoolYear;
  if (!year) throw new RegistryError('no_school_year');
  const next = nextSchoolYear(year);
  const lang = registry.lang;
  const todayIso = today.toISOString().slice(0, 10);
  const opens = newYearOpensOn(year);
  if (todayIso < opens) {
    const refusal = new RegistryError('new_year_too_early', { year: year.name, next: next.name, date: dmy(opens) });
    refusal.lang = lang;
    throw refusal;
  }
  const graduatingGrade = registry.settings.graduatingGrade;

  const graduating = registry.classTabs.filter((ct) => (parseClassName(ct.className)?.grade ?? -1) >= graduatingGrade);
  const moving = registry.classTabs
    .filter((ct) => !graduating.includes(ct))
    .map((ct) => ({ ct, to: parseClassName(ct.className) }))
    .filter((m): m is { ct: typeof m.ct; to: NonNullable<typeof m.to> } => m.to !== null)
    .map(({ ct, to }) => ({ ct, to: promote(to).name }))
    .sort((a, b) => (parseClassName(b.ct.className)!.grade - parseClassName(a.ct.className)!.grade));

  // Two tabs must never land on one class name: that would merge two classes' rows.
  const taken = new Set(registry.classTabs.filter((ct) => !graduating.includes(ct) && !moving.some((m) => m.ct === ct)).map((ct) => ct.className));
  for (const m of moving) {
    if (taken.has(m.to)) throw new RegistryError('class_exists', { value: m.to, other: m.ct.tab.title });
    taken.add(m.to);
  }

  const changes: WorkbookChange[] = [...planSnapshot(registry, passport, today).changes];

  const archiveSpec = tabSpec('archive');
  const graduateRows = graduating.flatMap((ct) =>
    registry.pupils.filter((p) => p.tab === ct.tab.title).map((p) => archiveRow(p, year.name, words.graduated[lang], todayIso, registry)),
  );
  if (graduateRows.length) {
    if (registry.tabs.archive) changes.push({ kind: 'appendRows', tab: { id: registry.tabs.archive.id }, values: graduateRows });
    else {
      changes.push(
        { kind: 'addTab', key: archiveSpec.key, title: archiveSpec.title[lang] },
        { kind: 'writeCells', tab: { key: archiveSpec.key }, row: 0, col: 0, values: [headerRow(archiveSpec.columns, lang), ...graduateRows] },
      );
    }
  }
  for (const ct of graduating) changes.push({ kind: 'removeTab', tab: { id: ct.tab.id } });
  for (const m of moving) changes.push({ kind: 'renameTab', tab: { id: m.ct.tab.id }, title: m.to, key: classTabKey(m.to) });

  // The pedagogue's registers start the year empty, last year's rows kept in the register archive (registers-year.ts).
  changes.push(...planRegistersNewYear(registry, todayIso));
  changes.push(...classesTabChanges(registry, graduatingGrade));
  changes.push(...settingsYearChange(registry, next.name));

  return {
    changes,
    fromYear: year.name,
    toYear: next.name,
    graduates: graduating.map((ct) => ({ className: ct.className, pupils: registry.pupils.filter((p) => p.tab === ct.tab.title).length })),
    promoted: moving.map((m) => ({ from: m.ct.className, to: m.to })).reverse(),
  };
}

/** A graduate's archive row: the main fields in columns, and every cell of the row as "header: value". */
export function archiveRow(p: Pupil, year: string, reason: string, todayIso: string, registry: Registry): Cell[] {
  const lang = registry.lang;
  const all = [
    ...registry.classTabs[0].columns.filter((c) => cellText(rawCell(p, c.key)) !== '').map((c) => `${c.header[lang]}: ${cellText(rawCell(p, c.key))}`),
    ...Object.entries(p.extra).map(([h, v]) => `${h}: ${v}`),
  ];
  return [year, p.className, reason, p.fullName, p.iin, rawCell(p, 'birth_date'), cellText(rawCell(p, 'sex')), p.familyId, p.categories.join(';'), all.join('; '), todayIso];
}

/** The classes tab follows its classes up a grade; graduated classes leave it (their pupils are archived). */
function classesTabChanges(registry: Registry, graduatingGrade: number): WorkbookChange[] {
  const tab = registry.tabs.classes;
  if (!tab) return [];
  const header = findHeader(tab, tabSpec('classes').columns);
  if (!header) return [];
  const classCol = header.columns.get('class')!;
  const rows = tab.rows.flatMap((row, i): Cell[][] => {
    if (i <= header.headerRow) return [row];
    const name = parseClassName(cellText(row[classCol] ?? null));
    if (!name) return [row];
    if (name.grade >= graduatingGrade) return [];
    const copy = [...row];
    copy[classCol] = promote(name).name;
    return [copy];
  });
  return [{ kind: 'replaceRows', tab: { id: tab.id }, values: rows }];
}

function settingsYearChange(registry: Registry, nextYear: string): WorkbookChange[] {
  const tab = registry.tabs.settings;
  const row = registry.settings.rows.school_year;
  if (!tab || !row) return [];
  const header = findHeader(tab, tabSpec('settings').columns);
  const col = header?.columns.get('value') ?? 2;
  return [{ kind: 'writeCells', tab: { id: tab.id }, row: row - 1, col, values: [[nextYear]] }];
}
