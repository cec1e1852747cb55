// Generated schools for the district: each the demo school (its own seed, name, year and language) set up and imported
// as the demo does, with its passport tab written as `qamqor passport --write` writes it, compared with last year's
// registry when asked (as `--compare` does). Cached by name in a folder, since a bench makes a hundred of them.
import { existsSync } from 'node:fs';
import { passportWithDynamics, writePassportChanges } from '../../src/app/build-passport';
import { demoImportTable } from '../../src/app/demo-csv';
import { generateSchool } from '../../src/app/demo-school';
import { planImport } from '../../src/app/import-pupils';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planSetup } from '../../src/app/setup';
import type { WorkbookPort } from '../../src/app/workbook-port';
import { readRegistry, type Registry } from '../../src/domain/registry/registry';
import { parseSchoolYear, previousSchoolYear } from '../../src/domain/school-year';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';

export interface DistrictSchool {
  name: string;
  seed: number;
  pupils?: number;
  language?: 'kk' | 'ru';
  schoolYear?: string;
  /** Write the passport tab (default); false leaves a registry whose passport was never written. */
  passport?: boolean;
  /** Compare with last year's registry of the same school (a different seed's pupils), as `--compare` does. */
  lastYear?: boolean;
}

function fill(workbook: WorkbookPort, spec: Required<Omit<DistrictSchool, 'passport' | 'lastYear'>>): void {
  const school = generateSchool({ pupils: spec.pupils, seed: spec.seed, schoolYear: spec.schoolYear, language: spec.language });
  workbook.apply(
    planSetup(workbook.read(), {
      lang: spec.language,
      settings: { school_name: spec.name, school_year: spec.schoolYear, social_pedagogue: school.socialPedagogue, director: school.director },
      classes: school.classes.map((c) => ({ name: c.name, teacher: c.teacher, teacherEmail: c.teacherEmail, instructionLanguage: c.instructionLanguage })),
    }).changes,
  );
  const start = parseSchoolYear(spec.schoolYear)!.start;
  workbook.apply(planImport(workbook.read(), demoImportTable(school), 'pupils.csv', new Date(Date.UTC(start, 9, 1))).changes);
}

export async function writeDistrictSchool(path: string, spec: DistrictSchool): Promise<void> {
  const full = { name: spec.name, seed: spec.seed, pupils: spec.pupils ?? 200, language: spec.language ?? 'kk', schoolYear: spec.schoolYear ?? '2025-2026' };
  const workbook = XlsxWorkbook.create();
  fill(workbook, full);
  if (spec.passport !== false) {
    const registry = readRegistry(workbook.read());
    let lastYear: Registry | undefined;
    if (spec.lastYear) {
      const before = new MemoryWorkbook();
      fill(before, { ...full, seed: full.seed + 7919, schoolYear: previousSchoolYear(parseSchoolYear(full.schoolYear)!).name });
      lastYear = readRegistry(before.read());
    }
    workbook.apply(writePassportChanges(registry, passportWithDynamics(registry, lastYear)));
  }
  await workbook.save(path);
}

/** Writes the school unless the folder already holds it (a bench's cache). */
export async function cachedDistrictSchool(path: string, spec: DistrictSchool): Promise<string> {
  if (!existsSync(path)) await writeDistrictSchool(path, spec);
  return path;
}
