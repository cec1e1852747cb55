import { planImport, type ImportTable } from '../../src/app/import-pupils';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planSetup } from '../../src/app/setup';
import { readRegistry } from '../../src/domain/registry';
import { validateRegistry } from '../../src/domain/validate';
import { pupil } from '../support/workbook';

const today = new Date('2025-10-01T00:00:00Z');

function registryBook(lang: 'kk' | 'ru' = 'kk') {
  const wb = new MemoryWorkbook();
  wb.apply(planSetup(wb.read(), { lang, settings: { school_year: '2025-2026' }, classes: [{ name: '5А' }] }).changes);
  return wb;
}

function csv(header: string[], rows: string[][]): ImportTable {
  return { header, records: rows.map((raw, i) => ({ line: i + 2, raw, values: Object.fromEntries(header.map((h, j) => [h, raw[j] ?? ''])) })) };
}

const a = pupil(5);
const b = pupil(7, {}, 'F');
const HEADER = ['class', 'full_name', 'iin', 'birth_date', 'sex', 'family_id', 'categories', 'guardian', 'phone', 'shoe_size'];

function rowOf(cls: string, p: Record<string, unknown>, categories = '', family = ''): string[] {
  return [cls, String(p.full_name), String(p.iin), String(p.birth_date), p.sex === 'ұл' ? 'M' : 'F', family, categories, '', '+7 701 123 4567', '38'];
}

describe('importing pupils', () => {
  it('places each row in its class tab, creating the tabs and listing the classes that were missing', () => {
    const wb = registryBook();
    const result = planImport(wb.read(), csv(HEADER, [rowOf('5А', a, 'large_family;free_meals', 'F1'), rowOf('7 б', b, 'large_family', 'F1')]), 'p.csv', today);
    expect(result.placed).toEqual([{ className: '5А', count: 1, created: false }, { className: '7Б', count: 1, created: true }]);
    expect(result.ignoredColumns).toEqual(['shoe_size']);
    wb.apply(result.changes);
    const r = readRegistry(wb.read());
    expect(r.classes.map((c) => c.name)).toEqual(['5А', '7Б']);
    expect(r.pupils.map((p) => [p.className, p.iin, p.categories, p.phone])).toEqual([
      ['5А', a.iin, ['large_family', 'free_meals'], '+7 701 123 4567'],
      ['7Б', b.iin, ['large_family'], '+7 701 123 4567'],
    ]);
    expect(validateRegistry(r, today)).toEqual([]);
  });

  it('keeps a row it cannot place, with its line and the reason in the registry language', () => {
    const wb = registryBook('ru');
    const result = planImport(wb.read(), csv(HEADER, [rowOf('', a), rowOf('Б5', b)]), 'p.csv', today);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'не указан класс'],
      [3, '«Б5» не является названием класса (число 0–12 и буква, например 5А)'],
    ]);
    expect(result.rejects[1].raw[1]).toBe(b.full_name);
  });

  it('importing the same file twice adds nobody twice', () => {
    const wb = registryBook();
    const table = csv(HEADER, [rowOf('5А', a)]);
    wb.apply(planImport(wb.read(), table, 'p.csv', today).changes);
    const again = planImport(wb.read(), table, 'p.csv', today);
    expect(again.placed).toEqual([]);
    expect(again.rejects[0].reason).toContain('5А, 2-жол');
  });

  it('keeps unknown category codes and formulas as text, and validation reports them', () => {
    const wb = registryBook();
    const evil = { ...a, full_name: '=HYPERLINK("http://x","y")' };
    wb.apply(planImport(wb.read(), csv(HEADER, [rowOf('5А', evil, 'orphn')]), 'p.csv', today).changes);
    const r = readRegistry(wb.read());
    expect(r.pupils[0].fullName).toBe('=HYPERLINK("http://x","y")');
    expect(wb.read().tabs.find((t) => t.title === '5А')!.formulas).toEqual([]);
    expect(validateRegistry(r, today).map((i) => i.code).sort()).toEqual(['formula_in_cell', 'unknown_category']);
  });

  it('appends under the rows already there, in columns wherever the teacher moved them', () => {
    const wb = registryBook();
    const tab = wb.read().tabs.find((t) => t.title === '5А')!;
    const header = [...tab.rows[0]];
    const moved = ['Мұғалімнің белгісі', header[2], header[1], ...header.slice(3)];
    wb.apply([
      { kind: 'replaceRows', tab: { id: tab.id }, values: [moved, ['өз жазбам', a.iin, a.full_name, a.birth_date, a.sex]] },
    ]);
    wb.apply(planImport(wb.read(), csv(HEADER, [rowOf('5А', b)]), 'p.csv', today).changes);
    const after = wb.read().tabs.find((t) => t.title === '5А')!;
    expect(after.rows[1][0]).toBe('өз жазбам');
    expect(after.rows[2][1]).toBe(b.iin);
    expect(after.rows[2][2]).toBe(b.full_name);
  });

  it('refuses a file without a class column, naming it', () => {
    expect(() => planImport(registryBook('ru').read(), csv(['full_name'], [['X']]), 'p.csv', today)).toThrow(/class/);
  });
});
