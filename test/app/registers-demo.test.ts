// The demo school's year of movements and acts: the movement identity (start + arrived + transferred in − left −
// transferred out = end) on every class in every month, each month starting where the last ended; the demo's
// month holding all three kinds; acts overdue on the demo's day; nothing in the registers validation would flag.
import { applyDemoRegisters, demoInspectionsDay, demoMovementMonth } from '../../src/app/demo-registers';
import { demoImportTable } from '../../src/app/demo-csv';
import { generateSchool } from '../../src/app/demo-school';
import { inspectionsOf } from '../../src/app/inspections';
import { planImport } from '../../src/app/import-pupils';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planSetup } from '../../src/app/setup';
import { monthMovement, readMovements } from '../../src/domain/registers/movements';
import { rollSource } from '../../src/domain/registers/roll';
import { readRegistry } from '../../src/domain/registry/registry';
import { validateRegistry } from '../../src/domain/registry/validate';

const MONTHS = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

function demoSchool(lang: 'kk' | 'ru' = 'kk') {
  const school = generateSchool({ language: lang, schoolYear: '2025-2026' });
  const wb = new MemoryWorkbook();
  wb.apply(planSetup(wb.read(), { lang, settings: { school_year: school.schoolYear, school_name: school.schoolName, social_pedagogue: school.socialPedagogue }, classes: school.classes }).changes);
  wb.apply(planImport(wb.read(), demoImportTable(school), 'pupils.csv', new Date('2025-09-01T00:00:00Z')).changes);
  const before = readRegistry(wb.read()).pupils.length;
  const csv = applyDemoRegisters(wb, school, new Date('2026-06-01T00:00:00Z'));
  return { wb, school, csv, before };
}

describe('the demo school\'s year', () => {
  const { wb, csv, before } = demoSchool();
  const registry = readRegistry(wb.read());
  const source = rollSource(registry, readMovements(registry));

  it('has arrivals, departures and transfers across the year, every one applied', () => {
    const kinds = readMovements(registry).map((m) => m.kind);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect(count('arrived')).toBe(csv.arrivals.length - 1);
    expect(count('left') + count('transferred')).toBe(csv.movements.length - 1);
    expect([count('arrived') >= 10, count('left') >= 15, count('transferred') >= 5]).toEqual([true, true, true]);
    expect(registry.pupils.length).toBe(before + count('arrived') - count('left'));
    const months = new Set(readMovements(registry).map((m) => m.date.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(7);
  });

  it('keeps the movement identity on every class in every month, each month starting where the last ended', () => {
    let previous: Record<string, number> | null = null;
    for (const month of MONTHS) {
      const m = monthMovement(source, month);
      for (const [name, c] of Object.entries(m.classes)) {
        expect([name, month, c.start + c.arrived + c.transferredIn - c.left - c.transferredOut]).toEqual([name, month, c.end]);
        if (previous) expect([name, month, c.start]).toEqual([name, month, previous[name] ?? 0]);
      }
      expect(m.school.start + m.school.arrived - m.school.left).toBe(m.school.end);
      expect(m.events.filter((e) => e.kind === 'arrived')).toHaveLength(m.school.arrived);
      expect(m.events.filter((e) => e.kind === 'left')).toHaveLength(m.school.left);
      previous = Object.fromEntries(Object.entries(m.classes).map(([n, c]) => [n, c.end]));
    }
    // The year ends on the roll as it stands.
    expect(monthMovement(source, '2026-05').school.end).toBe(registry.pupils.length);
  });

  it('gives the demo\'s month an arrival, a departure and a transfer', () => {
    const kinds = new Set(monthMovement(source, demoMovementMonth(registry)).events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['arrived', 'left', 'transferred']);
  });

  it('has acts done and acts overdue on the demo\'s day', () => {
    const { report } = inspectionsOf(registry, demoInspectionsDay(registry));
    expect(report.required).toBeGreaterThan(100);
    expect(report.overdue).toBeGreaterThan(10);
    expect(report.overdue).toBeLessThan(report.required / 3);
    expect(report.pupils.filter((p) => p.done > 0).length).toBeGreaterThan(report.required / 2);
  });

  it('leaves nothing in the registers that validation flags', () => {
    const registerIssues = validateRegistry(registry, new Date('2026-06-01T00:00:00Z')).filter((i) => ['Оқушылар қозғалысы', 'Тұрғын үй актілері'].includes(i.tab));
    expect(registerIssues).toEqual([]);
  });
});
