import { currentPassport } from '../../src/app/build-passport';
import { planNewYear } from '../../src/app/new-year';
import { readInspections } from '../../src/domain/registers/inspections';
import { readMovements } from '../../src/domain/registers/movements';
import { readArchive } from '../../src/domain/registers/read';
import { readRegistry } from '../../src/domain/registry/registry';
import { P, schoolWithMovements, withActs } from '../domain/registers/fixture';

describe('the registers at a new school year', () => {
  it('start empty; last year\'s rows are in the register archive, every cell; the leavers stay in the archive', () => {
    const wb = withActs(schoolWithMovements());
    const before = readRegistry(wb.read());
    const movementRows = before.tabs.movements!.rows.length - 1;
    expect(readMovements(before)).toHaveLength(3);
    wb.apply(planNewYear(before, currentPassport(before), new Date('2026-06-01T00:00:00Z')).changes);
    const after = readRegistry(wb.read());
    expect(after.settings.schoolYear?.name).toBe('2026-2027');
    expect(readMovements(after)).toEqual([]);
    expect(readInspections(after)).toEqual([]);
    // The header and formats stay: the tab is ready for the new year.
    expect(after.tabs.movements!.rows[0][0]).toBe('Күні');
    const archive = after.tabs.register_archive!.rows.slice(1).filter((r) => r[1] === 'Оқушылар қозғалысы' || r[1] === 'Тұрғын үй актілері');
    expect(archive).toHaveLength(movementRows + 3);
    expect(archive.map((r) => [r[0], r[1], r[3]])).toContainEqual(['2025-2026', 'Оқушылар қозғалысы', P.maksat.iin]);
    expect(archive.find((r) => r[1] === 'Тұрғын үй актілері' && r[3] === P.dana.iin)![4]).toContain('Қорытынды: жағдайы жақсы');
    expect(readArchive(after).find((a) => a.iin === P.maksat.iin)).toMatchObject({ schoolYear: '2025-2026', leftOn: '2025-10-20' });
  });
});
