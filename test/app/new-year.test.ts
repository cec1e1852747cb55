import { currentPassport, passportWithDynamics } from '../../src/app/build-passport';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { newYearOpensOn, planNewYear } from '../../src/app/new-year';
import { newYearPreview } from '../../src/app/new-year-preview';
import { RegistryError } from '../../src/domain/i18n';
import { parseSchoolYear } from '../../src/domain/school-year';
import { planSnapshot } from '../../src/app/snapshot';
import { readPassportArchive } from '../../src/domain/passport/archive';
import { readRegistry } from '../../src/domain/registry/registry';
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

describe('new year only once a year', () => {
  const refusal = (wb: MemoryWorkbook, on: string): RegistryError => {
    const r = readRegistry(wb.read());
    try {
      planNewYear(r, currentPassport(r), new Date(`${on}T00:00:00Z`));
    } catch (e) {
      return e as RegistryError;
    }
    throw new Error(`new year allowed on ${on}`);
  };

  it('opens on 1 May of the calendar year in which the next school year begins', () => {
    expect(newYearOpensOn(parseSchoolYear('2025-2026')!)).toBe('2026-05-01');
    expect(newYearOpensOn(parseSchoolYear('2026-2027')!)).toBe('2027-05-01');
  });

  it('refuses before May, saying the year the registry is in and when the next can start', () => {
    const e = refusal(school(), '2026-04-30');
    expect(e.code).toBe('new_year_too_early');
    expect(e.lang).toBe('kk');
    expect(e.text('ru')).toContain('реестр уже ведётся за 2025-2026 учебный год. Перейти на 2026-2027 учебный год можно с 01.05.2026');
  });

  it('refuses a second run on the same day and leaves the real graduating grade in place', () => {
    const wb = school();
    const r = readRegistry(wb.read());
    wb.apply(planNewYear(r, currentPassport(r), today).changes);
    const e = refusal(wb, '2026-05-31');
    expect(e.text('kk')).toBe(
      'тізілім қазірдің өзінде 2026-2027 оқу жылында жүргізілуде. 2027-2028 оқу жылына көшу 01.05.2027 бастап мүмкін: жаңа оқу жылы ағымдағы оқу жылының соңғы айы — мамырдан бастап ашылады, сондықтан бір жыл екі рет басталмайды',
    );
    // 10Ә became 11Ә: still a class, not graduates.
    expect(readRegistry(wb.read()).classes.map((c) => c.name)).toEqual(['2А', '11Ә']);
  });

  it('lets a registry left behind catch up, one year per run', () => {
    const wb = school();
    for (const expected of ['2026-2027', '2027-2028']) {
      const r = readRegistry(wb.read());
      wb.apply(planNewYear(r, currentPassport(r), new Date('2027-09-15T00:00:00Z')).changes);
      expect(readRegistry(wb.read()).settings.schoolYear?.name).toBe(expected);
    }
    expect(refusal(wb, '2027-09-15').code).toBe('new_year_too_early');
  });

  it('the confirmation says a backup copy comes first', () => {
    const r = readRegistry(school().read());
    expect(newYearPreview(planNewYear(r, currentPassport(r), today), 'ru')).toContain('Сначала будет сделана резервная копия книги');
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
