// The roll over time as a property: whatever departures and transfers are applied, in whatever order the file lists
// them, every month keeps start + arrived + transferredIn − left − transferredOut = end on every class, a month starts
// where the last ended, and the year ends on the roll as the class tabs hold it. And the roll of movements typed by
// hand, never applied: a departure counts from its day, a transfer from its own day, the class tab wins for now.
import fc from 'fast-check';
import { planMovementsImport } from '../../../src/app/movements';
import { monthMovement, readMovements } from '../../../src/domain/registers/movements';
import { classOn, rollOn, rollSource } from '../../../src/domain/registers/roll';
import { readRegistry } from '../../../src/domain/registry/registry';
import { tabSpec } from '../../../src/domain/template';
import { csv, MOVEMENT_HEADER, P, school } from './fixture';

const MONTHS = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const PUPILS = [P.aruzhan, P.bauyrzhan, P.erlan, P.dana, P.maksat, P.nurlan].map((p) => String(p.iin));
const CLASSES = ['5А', '5Б', '6А'];

const day = fc.integer({ min: 0, max: 268 }).map((n) => new Date(Date.UTC(2025, 8, 1) + n * 86_400_000).toISOString().slice(0, 10));
const movement = fc.record({ date: day, iin: fc.constantFrom(...PUPILS), left: fc.boolean(), to: fc.constantFrom(...CLASSES) });

describe('the roll over time', () => {
  it('keeps the movement identity whatever is applied', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 10 }), (moves) => {
        const wb = school();
        const rows = moves.map((m) => [m.date, m.iin, m.left ? 'left' : 'transferred', m.left ? '' : m.to, '', '', '']);
        wb.apply(planMovementsImport(wb.read(), csv(MOVEMENT_HEADER, rows), 'm.csv', '2026-06-01').changes);
        const registry = readRegistry(wb.read());
        const source = rollSource(registry, readMovements(registry));
        let previous = new Map<string, number>();
        for (const month of MONTHS) {
          const m = monthMovement(source, month);
          for (const [name, c] of Object.entries(m.classes)) {
            expect(c.start + c.arrived + c.transferredIn - c.left - c.transferredOut).toBe(c.end);
            if (month !== MONTHS[0]) expect(c.start).toBe(previous.get(name) ?? 0);
          }
          expect(m.school.start + m.school.arrived - m.school.left).toBe(m.school.end);
          previous = new Map(Object.entries(m.classes).map(([n, c]) => [n, c.end]));
        }
        expect(monthMovement(source, '2026-05').school.end).toBe(registry.pupils.length);
        const byClass = new Map<string, number>();
        for (const p of registry.pupils) byClass.set(p.className, (byClass.get(p.className) ?? 0) + 1);
        for (const [name, count] of byClass) expect(previous.get(name)).toBe(count);
      }),
      { numRuns: 25 },
    );
  });

  it('counts movements typed by hand into the tab, never applied: the roll is of their days', () => {
    const wb = school();
    const tab = wb.read().tabs.find((t) => t.key === 'movements')!;
    const columns = tabSpec('movements').columns;
    const row = (r: Record<string, string>) => columns.map((c) => r[c.key] ?? null);
    wb.apply([{ kind: 'appendRows', tab: { id: tab.id }, values: [
      row({ date: '15.11.2025', iin: String(P.bauyrzhan.iin), kind: 'кетті', place: 'Алматы' }),
      row({ date: '01.12.2025', iin: String(P.dana.iin), kind: 'transferred', from_class: '5А', class: '5Б' }),
    ] }]);
    const registry = readRegistry(wb.read());
    const movements = readMovements(registry);
    const names = (d: string) => rollOn(registry, movements, d).map((p) => `${p.className} ${p.fullName}`);
    expect(names('2025-11-15')).toContain(`5А ${P.bauyrzhan.full_name}`);
    expect(names('2025-11-16')).not.toContain(`5А ${P.bauyrzhan.full_name}`);
    // Дана sits in 5Б's tab; before the transfer typed on 01.12 she was in 5А.
    expect(names('2025-11-30')).toContain(`5А ${P.dana.full_name}`);
    expect(names('2025-12-01')).toContain(`5Б ${P.dana.full_name}`);
    const dana = rollSource(registry, movements).stints.find((s) => s.iin === P.dana.iin)!;
    expect([classOn(dana, '2025-09-01'), classOn(dana, '2026-05-31')]).toEqual(['5А', '5Б']);
  });
});
