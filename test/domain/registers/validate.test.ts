import { MemoryWorkbook } from '../../../src/app/memory-workbook';
import { readRegistry } from '../../../src/domain/registry/registry';
import { validateRegistry } from '../../../src/domain/registry/validate';
import { tabSpec } from '../../../src/domain/template';
import type { Cell } from '../../../src/domain/sheet';
import { P, school } from './fixture';

/** Rows typed straight into a register tab, as a pedagogue would in Sheets or Excel. */
function typed(wb: MemoryWorkbook, key: 'movements' | 'inspections', rows: Record<string, Cell>[]): MemoryWorkbook {
  const columns = tabSpec(key).columns;
  const tab = wb.read().tabs.find((t) => t.key === key)!;
  wb.apply([{ kind: 'appendRows', tab: { id: tab.id }, values: rows.map((r) => columns.map((c) => r[c.key] ?? null)) }]);
  return wb;
}

const today = new Date('2025-11-01T00:00:00Z');

describe('validating the registers', () => {
  it('names the tab, row and column of each problem, in the registry\'s language', () => {
    const wb = typed(school('ru'), 'inspections', [
      { date: '31.02.2025', iin: P.aruzhan.iin, commission: 'Комиссия', conclusion: 'хорошо' },
      { date: new Date('2024-12-01T00:00:00Z'), iin: '061211600012', commission: '=HYPERLINK("x")', conclusion: '' },
      { date: '2025-10-01', iin: P.dana.iin, commission: 'Комиссия', conclusion: 'ок', sanitary: 'отлично', own_bed: 'может быть' },
    ]);
    const issues = validateRegistry(readRegistry(wb.read()), today).filter((i) => i.tab === 'Акты обследования ЖБУ');
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['invalid_date', 2, 'date'],
      ['formula_in_cell', 3, 'commission'],
      ['missing_required', 3, 'conclusion'],
      ['unknown_pupil', 3, 'iin'],
      ['date_outside_year', 3, 'date'],
      ['invalid_value', 4, 'sanitary'],
      ['invalid_value', 4, 'own_bed'],
    ]);
    expect(issues[0].message).toBe('Акты обследования ЖБУ, строка 2, столбец «Дата акта»: «31.02.2025» не читается как дата; запишите в виде ДД.ММ.ГГГГ');
    expect(issues[3].message).toBe('Акты обследования ЖБУ, строка 3, столбец «ИИН»: ученика с ИИН 061211600012 нет ни на листах классов, ни в архиве');
    expect(issues[4].message).toBe('Акты обследования ЖБУ, строка 3, столбец «Дата акта»: дата 01.12.2024 не относится к 2025-2026 учебному году (01.09.2025 – 31.08.2026)');
    expect(issues[0].full_name).toBe(P.aruzhan.full_name);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('says the same in Kazakh, and checks a transfer names its new class', () => {
    const wb = typed(school('kk'), 'movements', [
      { date: '2025-10-01', iin: P.erlan.iin, kind: 'ауысты', from_class: '5А' },
      { date: '2025-10-02', iin: P.erlan.iin, kind: 'transferred', from_class: '5А', class: '5А' },
      { date: '2025-10-03', iin: P.erlan.iin, kind: 'кетіп қалды' },
    ]);
    const issues = validateRegistry(readRegistry(wb.read()), today).filter((i) => i.tab === 'Оқушылар қозғалысы');
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['invalid_value', 5, 'kind'],
      ['missing_required', 3, 'class'],
      ['invalid_value', 4, 'class'],
    ]);
    // Row 2 is the arrival the pupils import logged.
    expect(issues[1].message).toBe('Оқушылар қозғалысы, 3-жол, «Сынып (ауысқанда — жаңа сыныбы)» бағаны: ауысқанда жаңа сыныбы жазылуы керек');
  });

  it('finds nothing in empty registers', () => {
    expect(validateRegistry(readRegistry(school().read()), today)).toEqual([]);
  });
});
