import { CELL_LIMIT, planImport, type ImportTable } from '../../src/app/import-pupils';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planSetup } from '../../src/app/setup';
import { readRegistry } from '../../src/domain/registry/registry';
import { validateRegistry } from '../../src/domain/registry/validate';
import { pupil } from '../support/workbook';

const today = new Date('2025-10-01T00:00:00Z');

function registryBook(lang: 'kk' | 'ru' = 'kk') {
  const wb = new MemoryWorkbook();
  wb.apply(planSetup(wb.read(), { lang, settings: { school_year: '2025-2026' }, classes: [{ name: '5А' }] }).changes);
  return wb;
}

function csv(header: string[], rows: string[][]): ImportTable {
  return { header, records: rows.map((raw, i) => ({ line: i + 2, raw })) };
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

  describe('importing the same pupils again adds nobody twice', () => {
    const withoutIin = (cls: string, p: Record<string, unknown>, name = String(p.full_name), birth = String(p.birth_date)) => {
      const row = rowOf(cls, { ...p, full_name: name, birth_date: birth });
      row[2] = '';
      return row;
    };

    it('rows without an IIN, matched by full name, birth date and class', () => {
      const wb = registryBook('ru');
      const table = csv(HEADER, [withoutIin('5А', a), withoutIin('7Б', b)]);
      wb.apply(planImport(wb.read(), table, 'p.csv', today).changes);
      const again = planImport(wb.read(), table, 'p.csv', today);
      expect(again.placed).toEqual([]);
      expect(again.rejects.map((r) => [r.line, r.reason])).toEqual([
        [2, 'строка без ИИН совпадает по ФИО, дате рождения и классу с учеником, который уже есть в реестре: 5А, строка 2'],
        [3, 'строка без ИИН совпадает по ФИО, дате рождения и классу с учеником, который уже есть в реестре: 7Б, строка 2'],
      ]);
      expect(readRegistry(wb.read()).pupils).toHaveLength(2);
    });

    it('the same pupil twice in one file, however the name, date and class are typed', () => {
      const wb = registryBook();
      const named = { ...a, full_name: 'Семёнов Пётр Ильич' };
      const result = planImport(
        wb.read(),
        csv(HEADER, [withoutIin('5А', named), withoutIin('5 а', named, '  семенов   ПЕТР ильич ', '15.03.2014'), withoutIin('5А', named, 'Семёнов Пётр', '2014-03-15')]),
        'p.csv',
        today,
      );
      expect(result.placed).toEqual([{ className: '5А', count: 2, created: false }]);
      expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([[3, 'ЖСН-сіз жол осы файлдың 2-жолымен аты-жөні, туған күні және сыныбы бойынша сәйкес келеді']]);
    });

    it('a row with an IIN that a pupil without one in the registry already is: the IIN is to be written there', () => {
      const wb = registryBook('ru');
      wb.apply(planImport(wb.read(), csv(HEADER, [withoutIin('5А', a)]), 'p.csv', today).changes);
      const again = planImport(wb.read(), csv(HEADER, [rowOf('5А', a)]), 'p.csv', today);
      expect(again.placed).toEqual([]);
      expect(again.rejects[0]!.reason).toBe('в реестре уже есть ученик без ИИН с теми же ФИО, датой рождения и классом: 5А, строка 2; впишите ИИН в его строку');
    });

    it('a pupil listed twice in one file under one IIN: the second line is refused', () => {
      const result = planImport(registryBook('ru').read(), csv(HEADER, [rowOf('5А', a), rowOf('7Б', { ...a, full_name: ` ${String(a.full_name).toUpperCase()}` })]), 'p.csv', today);
      expect(result.placed).toEqual([{ className: '5А', count: 1, created: false }]);
      expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([[3, `ИИН ${a.iin} уже встречался в этом файле: строка 2`]]);
    });

    it('one IIN under two names in one file: both are placed, for validation to show the pair', () => {
      const wb = registryBook();
      const result = planImport(wb.read(), csv(HEADER, [rowOf('5А', a), rowOf('5А', { ...a, full_name: 'Басқа Есім' })]), 'p.csv', today);
      expect(result.rejects).toEqual([]);
      wb.apply(result.changes);
      expect(validateRegistry(readRegistry(wb.read()), today).map((i) => [i.code, i.row])).toEqual([
        ['duplicate_iin', 2],
        ['duplicate_iin', 3],
      ]);
    });

    it('but places namesakes: two IINs are two children, and so are different birth dates or classes', () => {
      const twin = { ...pupil(5), full_name: a.full_name, birth_date: a.birth_date };
      const rows = [rowOf('5А', a), rowOf('5А', twin), withoutIin('5А', a, String(a.full_name), '2014-04-01'), withoutIin('6А', a)];
      const result = planImport(registryBook().read(), csv(HEADER, rows), 'p.csv', today);
      expect(result.rejects).toEqual([]);
      expect(result.placed.reduce((n, p) => n + p.count, 0)).toBe(4);
    });
  });

  describe('a value longer than an Excel cell', () => {
    it('refuses the row, naming the column, and keeps the field whole when it fits a cell', () => {
      const long = 'Ә'.repeat(CELL_LIMIT + 1);
      const row = rowOf('5А', b);
      row[HEADER.indexOf('guardian')] = long;
      const result = planImport(registryBook('ru').read(), csv(HEADER, [rowOf('5А', a), row]), 'p.csv', today);
      expect(result.placed).toEqual([{ className: '5А', count: 1, created: false }]);
      expect(result.rejects).toHaveLength(1);
      const [reject] = result.rejects;
      expect(reject!.reason).toMatch(/^значение в столбце «guardian» слишком длинное: 32\u00a0768 знаков, в ячейку Excel помещается не более 32\u00a0767; значение, которое не помещается в ячейку Excel, в этом файле сокращено до 32\u00a0767 знаков и отмечено «…» в конце; полный текст остался в файле «p.csv»$/);
      // The rejects file is opened in Excel, which spills a longer field over the rows below: it is cut there.
      const cut = reject!.raw[HEADER.indexOf('guardian')]!;
      expect(cut).toHaveLength(CELL_LIMIT);
      expect(cut.endsWith('Ә…')).toBe(true);
      expect(reject!.raw[1]).toBe(b.full_name);
    });

    it('never cuts a character in half', () => {
      for (const name of ['😀'.repeat(CELL_LIMIT), `а${'😀'.repeat(CELL_LIMIT)}`]) {
        const cut = planImport(registryBook().read(), csv(HEADER, [rowOf('5А', { ...a, full_name: name })]), 'p.csv', today).rejects[0]!.raw[1]!;
        // Compared as booleans: a failure must not print thirty thousand emoji.
        expect([cut.length <= CELL_LIMIT, cut.endsWith('😀…'), name.startsWith(cut.slice(0, -1))]).toEqual([true, true, true]);
      }
    });

    it('accepts a value exactly as long as a cell holds', () => {
      const result = planImport(registryBook().read(), csv(HEADER, [rowOf('5А', { ...a, full_name: 'а'.repeat(CELL_LIMIT) })]), 'p.csv', today);
      expect(result.rejects).toEqual([]);
    });
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
