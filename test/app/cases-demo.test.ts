// The demo's case file: every stage and every overdue kind on the demo's day, imported without a refusal, each row
// audited; and a school too small for eight cases still gets its few.
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planNewCaseFile, registryLookup } from '../../src/app/cases';
import { demoCasesDay, importDemoCases } from '../../src/app/demo-cases';
import { demoImportTable } from '../../src/app/demo-csv';
import { generateSchool } from '../../src/app/demo-school';
import { planImport } from '../../src/app/import-pupils';
import { planSetup } from '../../src/app/setup';
import { readCaseFile } from '../../src/domain/cases/case-file';
import { validateCaseFile } from '../../src/domain/cases/validate-cases';
import { casesReport } from '../../src/domain/cases/view';
import { readRegistry } from '../../src/domain/registry/registry';

const actor = { user: 'demo', at: '2025-11-20 10:00:00' };

function demo(pupils: number, language: 'kk' | 'ru' = 'kk') {
  const school = generateSchool({ pupils, language, schoolYear: '2025-2026' });
  const registryBook = new MemoryWorkbook();
  registryBook.apply(planSetup(registryBook.read(), { lang: language, settings: { school_year: school.schoolYear } }).changes);
  registryBook.apply(planImport(registryBook.read(), demoImportTable(school), 'pupils.csv', new Date('2025-10-01T00:00:00Z')).changes);
  const cases = new MemoryWorkbook();
  cases.apply(planNewCaseFile(cases.read(), language, actor));
  importDemoCases(school, () => cases.read(), (c) => cases.apply(c), actor);
  return { school, registry: readRegistry(registryBook.read()), file: readCaseFile(cases.read()) };
}

describe('the demo case file', () => {
  it('has every stage and every overdue kind on its day, names every pupil, and only the consent warning', () => {
    const { school, registry, file } = demo(200, 'ru');
    const day = demoCasesDay(school);
    expect(day).toBe('2025-11-20');
    const report = casesReport(file, day, registryLookup(registry).lookup);
    expect(new Set(report.cases.map((c) => c.stage))).toEqual(new Set(['identified', 'opened', 'plan', 'monitoring', 'closed']));
    expect(new Set(report.cases.flatMap((c) => c.overdue))).toEqual(new Set(['opening', 'plan', 'review', 'actions']));
    expect(report.cases.every((c) => c.full_name && c.class)).toBe(true);
    const issues = validateCaseFile(file, { today: day, knownIins: registryLookup(registry).known });
    expect(issues.map((i) => `${i.code}:${i.case_id}`)).toEqual(['consent_missing:C-006']);
    // One audit row for the file's creation, then one per row imported.
    expect(file.audit).toHaveLength(1 + file.cases.length + file.actions.length + file.reviews.length + file.consents.length);
  });

  it('a school of three pupils gets a case for each with a valid IIN, and only their rows', () => {
    const { file } = demo(3);
    const ids = file.cases.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(3);
    for (const row of [...file.actions, ...file.reviews]) expect(ids).toContain(row.caseId);
  });
});
