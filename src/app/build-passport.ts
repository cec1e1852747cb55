// The passport action: this year's figures, compared with last year's archived passport (or with
// last year's workbook when the school starts a new file each year), and its tab in the workbook.
import { RegistryError } from '../domain/i18n';
import { buildPassport, withComparison, type Passport, type PassportFigures } from '../domain/passport/passport';
import { readPassportArchive } from '../domain/passport/archive';
import { passportSheetRows } from '../domain/passport/table';
import { readMovements } from '../domain/registers/movements';
import { rollOn } from '../domain/registers/roll';
import type { Pupil, Registry } from '../domain/registry/registry';
import { previousSchoolYear } from '../domain/school-year';
import { tabSpec } from '../domain/template';
import type { WorkbookChange } from './workbook-port';

export function schoolYearOf(registry: Registry): string {
  const year = registry.settings.schoolYear;
  if (!year) throw new RegistryError('no_school_year');
  return year.name;
}

/** This year's passport without comparison; `pupils`: another roll of this year (the roll on a day, `--as-of`). */
export function currentPassport(registry: Registry, pupils: readonly Pupil[] = registry.pupils): Passport {
  return buildPassport(schoolYearOf(registry), pupils, registry.catalogue, registry.classes.map((c) => c.name));
}

/**
 * Last year's figures: from another workbook (its archived passport of its own year, else its
 * registry), or from this workbook's archive of the previous school year; null when there is none.
 */
export function previousFigures(registry: Registry, lastYearBook?: Registry): PassportFigures | null {
  if (lastYearBook) {
    const year = schoolYearOf(lastYearBook);
    const archived = readPassportArchive(lastYearBook.tabs.passport_archive).get(year)?.figures;
    return archived ?? currentPassport(lastYearBook);
  }
  const previous = previousSchoolYear(registry.settings.schoolYear ?? { start: 0, name: '' }).name;
  return readPassportArchive(registry.tabs.passport_archive).get(previous)?.figures ?? null;
}

export function passportWithDynamics(registry: Registry, lastYearBook?: Registry, asOf?: string): Passport {
  // The roll on a day (src/domain/registers/roll.ts): who was at school then, each in that day's class.
  const now = currentPassport(registry, asOf ? rollOn(registry, readMovements(registry), asOf) : registry.pupils);
  const before = previousFigures(registry, lastYearBook);
  return before ? withComparison(now, before) : now;
}

/** Rewrites the passport tab, which Qamqor owns; creates it when missing. */
export function writePassportChanges(registry: Registry, passport: Passport): WorkbookChange[] {
  const rows = passportSheetRows(passport, registry.catalogue, registry.lang, registry.settings.schoolName);
  const existing = registry.tabs.passport;
  if (existing) return [{ kind: 'replaceRows', tab: { id: existing.id }, values: rows }];
  return [
    { kind: 'addTab', key: 'passport', title: tabSpec('passport').title[registry.lang] },
    { kind: 'replaceRows', tab: { key: 'passport' }, values: rows },
  ];
}
