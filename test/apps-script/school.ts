// A generated school laid out as `qamqor demo` lays it out, seeded into the fake Google services.
import { demoImportTable } from '../../src/app/demo-csv';
import { generateSchool } from '../../src/app/demo-school';
import { planImport } from '../../src/app/import-pupils';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planSetup } from '../../src/app/setup';
import type { TabData, WorkbookData } from '../../src/domain/sheet';
import type { Lang } from '../../src/domain/template';
import { fakeGoogle, type FakeGoogleOptions } from '../fakes/google';

const cache = new Map<string, WorkbookData>();

export function schoolData(pupils: number, lang: Lang = 'kk', mistakes = true): WorkbookData {
  const id = `${pupils}:${lang}:${mistakes}`;
  let data = cache.get(id);
  if (!data) {
    const school = generateSchool({ pupils, language: lang, mistakes });
    const wb = new MemoryWorkbook();
    wb.apply(
      planSetup(wb.read(), {
        lang,
        settings: { school_year: school.schoolYear, school_name: school.schoolName, social_pedagogue: school.socialPedagogue, social_pedagogue_email: 'pedagogue@school.kz' },
        classes: school.classes,
      }).changes,
    );
    wb.apply(planImport(wb.read(), demoImportTable(school), 'school.csv', new Date('2025-10-01T00:00:00Z')).changes);
    data = wb.read();
    cache.set(id, data);
  }
  return data;
}

/** The 2,500-pupil school cut down to its first `classes` class tabs, the classes tab listing only those. */
export function schoolOf(classes: number, mistakes = true): WorkbookData {
  const full = schoolData(2500, 'kk', mistakes);
  const classTabs = full.tabs.filter((t) => t.key?.startsWith('class:')).slice(0, classes);
  const names = new Set(classTabs.map((t) => t.key!.slice('class:'.length)));
  const tabs: TabData[] = full.tabs
    .filter((t) => !t.key?.startsWith('class:') || classTabs.includes(t))
    .map((t) => (t.key === 'classes' ? { ...t, rows: t.rows.filter((r, i) => i === 0 || names.has(String(r[0]))) } : t));
  return { tabs };
}

/** The school in a fake spreadsheet: every tab, keys included, as Qamqor's set-up and import left them. */
export function fakeSchool(pupils: number, options: FakeGoogleOptions & { lang?: Lang; mistakes?: boolean } = {}) {
  return fakeGoogle({ locale: 'kk_KZ', ...options, tabs: schoolData(pupils, options.lang, options.mistakes).tabs });
}
