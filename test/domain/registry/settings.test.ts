// The settings tab as the pedagogue fills it: the report date among them.
import { readSettings } from '../../../src/domain/registry/settings';
import type { Cell, TabData } from '../../../src/domain/sheet';

const tab = (rows: Cell[][]): TabData => ({ id: '1', key: 'settings', title: 'Баптаулар', rows: [['Кілт', 'Параметр', 'Мәні'], ...rows], formulas: [] });

describe('the report date setting', () => {
  it('is empty by default: the documents then take the school year\'s date', () => {
    expect(readSettings(tab([['school_year', 'Оқу жылы', '2025-2026']]), 'kk').settings.reportDate).toBeNull();
  });

  it('reads a date cell or a date typed as text', () => {
    expect(readSettings(tab([['report_date', '', new Date(Date.UTC(2026, 4, 25))]]), 'kk').settings.reportDate).toBe('2026-05-25');
    expect(readSettings(tab([['report_date', '', '25.05.2026']]), 'kk').settings.reportDate).toBe('2026-05-25');
  });

  it('says which row holds a date it cannot read', () => {
    const { settings, problems } = readSettings(tab([['report_date', '', 'мамырдың соңы']]), 'kk');
    expect(settings.reportDate).toBeNull();
    expect(problems).toEqual([{ key: 'report_date', row: 2, value: 'мамырдың соңы', expected: 'dateFormat' }]);
  });
});
