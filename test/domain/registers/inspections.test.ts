import { inspectionsOf } from '../../../src/app/inspections';
import { duesOf } from '../../../src/domain/registers/inspections';
import { readRegistry } from '../../../src/domain/registry/registry';
import { defaultCatalogue } from '../../../src/domain/template';
import { P, schoolWithMovements, withActs } from './fixture';

const registry = () => readRegistry(withActs(schoolWithMovements()).read());

describe('housing-condition inspection acts', () => {
  it('gives DESIGN.md\'s JSON: an orphan with two first-half acts still owes the second half-year\'s', () => {
    expect(inspectionsOf(registry(), '2025-12-15').report).toEqual({
      schoolYear: '2025-2026',
      today: '2025-12-15',
      required: 3,
      overdue: 0,
      pupils: [
        { iin: P.aruzhan.iin, full_name: P.aruzhan.full_name, class: '5А', required: 2, done: 2, nextDue: '2026-05-31', overdue: false },
        { iin: P.bauyrzhan.iin, full_name: P.bauyrzhan.full_name, class: '5А', required: 1, done: 0, nextDue: '2025-12-31', overdue: false },
        { iin: P.dana.iin, full_name: P.dana.full_name, class: '5Б', required: 1, done: 0, nextDue: '2025-12-31', overdue: false },
      ],
    });
  });

  it('counts the acts done up to today, and a due date passed as overdue; a late act still does', () => {
    const january = inspectionsOf(registry(), '2026-01-10').report;
    expect(january.overdue).toBe(2);
    expect(january.pupils.map((p) => [p.full_name, p.done, p.nextDue, p.overdue])).toEqual([
      [P.aruzhan.full_name, 2, '2026-05-31', false],
      [P.bauyrzhan.full_name, 0, '2025-12-31', true],
      [P.dana.full_name, 0, '2025-12-31', true],
    ]);
    const march = inspectionsOf(registry(), '2026-03-01').report;
    expect(march.pupils.find((p) => p.iin === P.dana.iin)).toMatchObject({ done: 1, nextDue: null, overdue: false });
    // Before the first act is dated, none is done.
    expect(inspectionsOf(registry(), '2025-09-15').report.pupils[0]).toMatchObject({ done: 0, nextDue: '2025-12-31' });
  });

  it('lists the pupils on today\'s roll only: a pupil who left needs no act after leaving', () => {
    const names = (day: string) => inspectionsOf(registry(), day).report.pupils.map((p) => p.full_name);
    expect(names('2025-10-19')).toContain(P.maksat.full_name);
    expect(names('2025-10-21')).not.toContain(P.maksat.full_name);
  });

  it('asks two acts of orphans, one of any other social status, none for support alone; a late arrival only what is ahead', () => {
    expect(duesOf(['orphan'], defaultCatalogue, 2025, null).map((d) => d.due)).toEqual(['2025-12-31', '2026-05-31']);
    expect(duesOf(['no_parental_care', 'free_meals'], defaultCatalogue, 2025, null)).toHaveLength(2);
    expect(duesOf(['risk_group'], defaultCatalogue, 2025, null)).toEqual([{ due: '2025-12-31', from: '2025-09-01', to: '2026-05-31' }]);
    expect(duesOf(['free_meals', 'vseobuch_aid'], defaultCatalogue, 2025, null)).toEqual([]);
    expect(duesOf(['orphan'], defaultCatalogue, 2025, '2026-02-01').map((d) => d.due)).toEqual(['2026-05-31']);
    expect(duesOf(['large_family'], defaultCatalogue, 2025, '2026-02-01').map((d) => d.due)).toEqual(['2026-05-31']);
  });
});
