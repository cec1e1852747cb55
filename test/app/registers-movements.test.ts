import { passportWithDynamics } from '../../src/app/build-passport';
import { planMovementsImport } from '../../src/app/movements';
import { readArchive } from '../../src/domain/registers/read';
import { movementOfMonth } from '../../src/domain/registers/movements';
import { readRegistry } from '../../src/domain/registry/registry';
import { validateRegistry } from '../../src/domain/registry/validate';
import { csv, MOVEMENT_HEADER, P, school, schoolWithMovements } from '../domain/registers/fixture';

describe('the movements of a month', () => {
  it('gives DESIGN.md\'s JSON for a month with an arrival, a transfer and a departure', () => {
    const registry = readRegistry(schoolWithMovements().read());
    expect(movementOfMonth(registry, '2025-10')).toEqual({
      month: '2025-10',
      classes: {
        '5А': { start: 3, arrived: 0, left: 0, transferredIn: 0, transferredOut: 1, end: 2 },
        '5Б': { start: 1, arrived: 0, left: 0, transferredIn: 1, transferredOut: 0, end: 2 },
        '6А': { start: 1, arrived: 1, left: 1, transferredIn: 0, transferredOut: 0, end: 1 },
      },
      school: { start: 5, arrived: 1, left: 1, end: 5 },
      events: [
        { date: '2025-10-05', kind: 'arrived', iin: P.nurlan.iin, full_name: P.nurlan.full_name, class: '6А', toClass: null, place: 'Шымкент, № 40 мектеп', reason: '' },
        { date: '2025-10-10', kind: 'transferred', iin: P.erlan.iin, full_name: P.erlan.full_name, class: '5А', toClass: '5Б', place: '', reason: 'ата-анасының өтініші' },
        { date: '2025-10-20', kind: 'left', iin: P.maksat.iin, full_name: P.maksat.full_name, class: '6А', toClass: null, place: 'Алматы, № 12 мектеп', reason: 'отбасы көшті' },
      ],
    });
  });

  it('lists a quiet month with its classes and no events', () => {
    const registry = readRegistry(schoolWithMovements().read());
    const november = movementOfMonth(registry, '2025-11');
    expect(november.school).toEqual({ start: 5, arrived: 0, left: 0, end: 5 });
    expect(Object.keys(november.classes)).toEqual(['5А', '5Б', '6А']);
    expect(november.events).toEqual([]);
    const september = movementOfMonth(registry, '2025-09');
    expect(september.school).toEqual({ start: 5, arrived: 0, left: 0, end: 5 });
  });
});

describe('applying movements', () => {
  it('moves a leaver\'s row, every cell, to the archive with the date, place and reason, and the rows below up', () => {
    const before = readRegistry(school().read());
    const maksat = before.pupils.find((p) => p.iin === P.maksat.iin)!;
    const registry = readRegistry(schoolWithMovements().read());
    expect(registry.pupils.find((p) => p.iin === P.maksat.iin)).toBeUndefined();
    const sixA = registry.pupils.filter((p) => p.className === '6А');
    expect(sixA.map((p) => [p.fullName, p.row, p.cells[0]])).toEqual([[P.nurlan.full_name, 2, 1]]);
    const [archived] = readArchive(registry);
    expect(archived).toMatchObject({ schoolYear: '2025-2026', className: '6А', iin: P.maksat.iin, fullName: P.maksat.full_name, leftOn: '2025-10-20', place: 'Алматы, № 12 мектеп', reason: 'отбасы көшті', order: '№ 45 от 20.10.2025', categories: ['low_income'] });
    // Every cell the row held is kept, as "header: value".
    for (const [key, col] of maksat.columnsAt) {
      const cell = maksat.cells[col];
      if (cell != null && cell !== '' && key !== 'row_no') expect(archived.rowData).toContain(String(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === true ? 'TRUE' : cell === false ? 'FALSE' : cell));
    }
  });

  it('moves a transferred pupil\'s row to the new class\'s tab and logs both movements with the class they left', () => {
    const wb = schoolWithMovements();
    const registry = readRegistry(wb.read());
    expect(registry.pupils.filter((p) => p.className === '5Б').map((p) => [p.fullName, p.cells[0]])).toEqual([[P.dana.full_name, 1], [P.erlan.full_name, 2]]);
    expect(registry.pupils.filter((p) => p.className === '5А').map((p) => p.fullName)).toEqual([P.aruzhan.full_name, P.bauyrzhan.full_name]);
    const log = registry.tabs.movements!.rows.slice(1).map((r) => [r[0] instanceof Date ? r[0].toISOString().slice(0, 10) : r[0], r[3], r[4], r[5]]);
    expect(log).toEqual([
      ['2025-10-05', 'arrived', null, '6А'],
      ['2025-10-10', 'transferred', '5А', '5Б'],
      ['2025-10-20', 'left', '6А', null],
    ]);
    expect(validateRegistry(registry, new Date('2025-10-21T00:00:00Z'))).toEqual([]);
  });

  it('refuses, with the line and the reason, a movement it cannot apply; importing the file twice applies nothing twice', () => {
    const wb = schoolWithMovements();
    const again = planMovementsImport(wb.read(), csv(MOVEMENT_HEADER, [
      ['20.10.2025', String(P.maksat.iin), 'left', '', '', '', ''],
      ['2025-10-25', String(P.maksat.iin), 'transferred', '6Б', '', '', ''],
      ['2025-10-25', String(P.aruzhan.iin), 'transferred', '9Я', '', '', ''],
      ['2025-10-25', String(P.bauyrzhan.iin), 'transferred', '5А', '', '', ''],
      ['2025-10-01', String(P.erlan.iin), 'left', '', '', '', ''],
      ['2025-10-25', '061211600012', 'left', '', '', '', ''],
      ['2026-09-25', String(P.dana.iin), 'left', '', '', '', ''],
      ['2025-10-25', String(P.dana.iin), 'arrived', '', '', '', ''],
    ]), 'm.csv', '2025-10-26');
    expect(again.added).toBe(0);
    expect(again.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, expect.stringContaining('бұрыннан бар')],
      [3, expect.stringContaining('ешбір сыныпта жоқ (мұрағатта: 2025-2026, 6А')],
      [4, expect.stringContaining('«9Я» сыныбының парағы жоқ')],
      [5, 'оқушы қазірдің өзінде 5А сыныбында'],
      [6, expect.stringContaining('соңғы қозғалысы 10.10.2025')],
      [7, 'ЖСН 061211600012 тізілімде де, мұрағатта да жоқ'],
      [8, expect.stringContaining('2025-2026 оқу жылына жатпайды')],
      [9, expect.stringContaining('оқушылар CSV-імен қосылады')],
    ]);
  });

  it('counts a pupil who left in no passport after the day they left', () => {
    const registry = readRegistry(schoolWithMovements().read());
    const on = (day: string) => passportWithDynamics(registry, undefined, day);
    expect(on('2025-10-20').classes['6А'].students).toBe(2);
    expect(on('2025-10-20').categories.low_income.students).toBe(1);
    expect(on('2025-10-21').classes['6А'].students).toBe(1);
    expect(on('2025-10-21').categories.low_income).toEqual({ students: 0, families: 0 });
    expect(on('2026-05-31').students).toBe(5);
    // Before the arrival and the transfer: Нұрлан not yet there, Ерлан still in 5А.
    expect([on('2025-10-04').classes['5А'].students, on('2025-10-04').classes['5Б'].students, on('2025-10-04').classes['6А'].students]).toEqual([3, 1, 1]);
    // Without --as-of: the roll as it stands.
    expect(passportWithDynamics(registry).students).toBe(5);
  });
});
