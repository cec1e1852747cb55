import { currentPassport, passportWithDynamics } from '../../src/app/build-passport';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planNewYear } from '../../src/app/new-year';
import { planSnapshot } from '../../src/app/snapshot';
import { readPassportArchive } from '../../src/domain/passport-archive';
import { readRegistry } from '../../src/domain/registry';
import { book, pupil } from '../support/workbook';

const today = new Date('2026-05-31T00:00:00Z');

function school() {
  return new MemoryWorkbook(
    book('kk', {
      '1А': [pupil(1, { family_id: 'F1', large_family: true })],
      '10Ә': [pupil(10, { family_id: 'F1', large_family: true, notes: 'спортшы' })],
      '11А': [pupil(11, { orphan: true, guardian: 'Әжесі' }), pupil(11)],
    }),
  );
}

describe('starting a new school year', () => {
  it('moves every class up a grade, keeps graduates in the archive and nothing is lost', () => {
    const wb = school();
    const before = readRegistry(wb.read());
    const plan = planNewYear(before, currentPassport(before), today);
    expect(plan.promoted).toEqual([{ from: '1А', to: '2А' }, { from: '10Ә', to: '11Ә' }]);
    expect(plan.graduates).toEqual([{ className: '11А', pupils: 2 }]);
    wb.apply(plan.changes);

    const after = readRegistry(wb.read());
    expect(after.settings.schoolYear?.name).toBe('2026-2027');
    expect(after.classes.map((c) => c.name)).toEqual(['2А', '11Ә']);
    expect(after.pupils.map((p) => [p.className, p.iin, p.notes])).toEqual([
      ['2А', before.pupils[0].iin, ''],
      ['11Ә', before.pupils[1].iin, 'спортшы'],
    ]);
    const archive = wb.read().tabs.find((t) => t.key === 'archive')!;
    const graduates = archive.rows.slice(1);
    expect(graduates.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['2025-2026', '11А', before.pupils[2].iin],
      ['2025-2026', '11А', before.pupils[3].iin],
    ]);
    expect(String(graduates[0][9])).toContain('Әжесі');
    expect(graduates[0][8]).toBe('orphan');
  });

  it('archives the passport, so that next year shows the dynamics', () => {
    const wb = school();
    const r = readRegistry(wb.read());
    wb.apply(planNewYear(r, currentPassport(r), today).changes);
    const next = readRegistry(wb.read());
    const p = passportWithDynamics(next);
    expect(p.schoolYear).toBe('2026-2027');
    expect(p.compare?.schoolYear).toBe('2025-2026');
    expect(p.compare?.categories.orphan).toEqual({ students: 1, families: 1, studentsChangePct: -100, familiesChangePct: -100 });
    expect(p.compare?.categories.large_family).toMatchObject({ students: 2, families: 1, studentsChangePct: 0 });
  });

  it('refuses to merge two classes when two tabs hold the same class, and changes nothing', () => {
    const b = book('kk', { '5А': [pupil(5)] });
    b.tabs.push({ ...b.tabs[2], id: 'copy', key: null, title: '5 А' });
    const r = readRegistry(b);
    expect(r.classTabs.map((c) => c.tab.title)).toEqual(['5А', '5 А']);
    expect(() => planNewYear(r, currentPassport(r), today)).toThrow(expect.objectContaining({ code: 'class_exists' }));
  });
});

describe('snapshot', () => {
  it('replaces this year in the archive and keeps other years as they are', () => {
    const wb = school();
    const r = readRegistry(wb.read());
    wb.apply(planSnapshot(r, { ...currentPassport(r), schoolYear: '2024-2025' }, today).changes);
    wb.apply(planSnapshot(readRegistry(wb.read()), currentPassport(r), today).changes);
    const again = planSnapshot(readRegistry(wb.read()), currentPassport(r), today);
    expect(again.replaced).toBe(true);
    wb.apply(again.changes);
    const years = readPassportArchive(wb.read().tabs.find((t) => t.key === 'passport_archive'));
    expect([...years.keys()]).toEqual(['2024-2025', '2025-2026']);
    expect(years.get('2025-2026')!.figures.students).toBe(4);
    expect(years.get('2025-2026')!.figures.classes['11А'].categories.orphan).toEqual({ students: 1, families: 1 });
  });
});
