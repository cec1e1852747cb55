// The contract of the workbook port, run against every adapter (memory, .xlsx, Google over its fake).
// Tabs are always found through read() by title or key: each adapter numbers its tabs its own way.
import fc from 'fast-check';
import { dateToIso } from '../../src/domain/cells';
import type { Cell, TabData, WorkbookData } from '../../src/domain/sheet';
import type { WorkbookChange, WorkbookPort } from '../../src/app/workbook-port';

export interface Harness {
  port: WorkbookPort;
  /** Persists and loads again (save and open for a file); the same port where nothing is persisted. */
  reopen(): Promise<WorkbookPort>;
}

export type MakeHarness = (initial?: WorkbookData) => Promise<Harness>;

export function tabTitled(data: WorkbookData, title: string): TabData {
  const tab = data.tabs.find((t) => t.title === title);
  if (!tab) throw new Error(`no tab titled "${title}" among ${data.tabs.map((t) => t.title).join(', ')}`);
  return tab;
}

function tabKeyed(data: WorkbookData, key: string): TabData {
  const tab = data.tabs.find((t) => t.key === key);
  if (!tab) throw new Error(`no tab with key "${key}"`);
  return tab;
}

function initialTab(title: string, rows: Cell[][], key: string | null = null, formulas: TabData['formulas'] = []): TabData {
  return { id: title, key, title, rows, formulas };
}

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

const KAZAKH = 'Әлихан Ғалымжанұлы Қасым-Жомарт Ңң Өмірзақ Ұлан Үкілі Һ Іңкәр — ә ғ қ ң ө ұ ү һ і';
const RUSSIAN = 'Щербакова Ёлка Юрьевна, ул. Абая 15/2, кв. «7»';

const FORMULA_LOOKALIKES = [
  '=HYPERLINK("http://x","y")',
  '+IMPORTXML(a,b)',
  '-1',
  '@SUM(A1)',
  '+7 701 123 4567',
  '=1+1',
  '-x',
  "'=quoted",
];

export function describeWorkbookPort(name: string, makeHarness: MakeHarness): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    it('reads back a tab added with a key, with that key and its title', async () => {
      const h = await makeHarness();
      h.port.apply([
        { kind: 'addTab', key: 'settings', title: 'Баптаулар' },
        { kind: 'writeCells', tab: { key: 'settings' }, row: 0, col: 0, values: [['school_year', '2025-2026']] },
      ]);
      for (const port of [h.port, await h.reopen()]) {
        const tab = tabKeyed(port.read(), 'settings');
        expect(tab.title).toBe('Баптаулар');
        expect(tab.rows).toEqual([['school_year', '2025-2026']]);
        expect(tab.formulas).toEqual([]);
      }
    });

    it('gives a tab added without a key in the initial workbook a null key and a string id', async () => {
      const h = await makeHarness({ tabs: [initialTab('Лист1', [['a']])] });
      const tab = tabTitled(h.port.read(), 'Лист1');
      expect(tab.key).toBeNull();
      expect(typeof tab.id).toBe('string');
    });

    it('keeps Kazakh and Russian text exactly, in titles and cells', async () => {
      const h = await makeHarness();
      const title = '10Ә сыныбы — Қ Ң Ө Ұ Ү Һ І';
      const values: Cell[][] = [[KAZAKH, RUSSIAN], [KAZAKH.toUpperCase(), KAZAKH.normalize('NFD')], ['  leading and trailing spaces  ', 'two\nlines']];
      h.port.apply([
        { kind: 'addTab', key: 'class:10Ә', title },
        { kind: 'writeCells', tab: { key: 'class:10Ә' }, row: 0, col: 0, values },
      ]);
      const tab = tabTitled((await h.reopen()).read(), title);
      expect(tab.key).toBe('class:10Ә');
      expect(tab.rows).toEqual(values);
    });

    it('round-trips numbers, booleans and dates, a date as the same calendar day', async () => {
      const h = await makeHarness();
      const numbers = [0, 1, -1, 3.25, 1e-7, 61211600012, 2 ** 40];
      const dates = [utcDay('2006-12-11'), utcDay('2000-02-29'), utcDay('1999-12-31'), utcDay('2025-09-01')];
      h.port.apply([
        { kind: 'addTab', key: 'types', title: 'Types' },
        { kind: 'writeCells', tab: { key: 'types' }, row: 0, col: 0, values: [numbers, [true, false, true], dates] },
      ]);
      const rows = tabKeyed((await h.reopen()).read(), 'types').rows;
      expect(rows[0]).toEqual(numbers);
      expect(rows[1]).toEqual([true, false, true]);
      expect(rows[2]).toHaveLength(dates.length);
      rows[2].forEach((cell, i) => {
        expect(cell).toBeInstanceOf(Date);
        expect(dateToIso(cell as Date)).toBe(dateToIso(dates[i]));
      });
    });

    it('keeps strings beginning with = + - @ as the same text, never as formulas', async () => {
      const h = await makeHarness();
      h.port.apply([
        { kind: 'addTab', key: 'text', title: 'Text' },
        { kind: 'writeCells', tab: { key: 'text' }, row: 0, col: 0, values: [FORMULA_LOOKALIKES] },
        { kind: 'appendRows', tab: { key: 'text' }, values: [FORMULA_LOOKALIKES] },
        { kind: 'addTab', key: 'out', title: 'Out' },
        { kind: 'replaceRows', tab: { key: 'out' }, values: [FORMULA_LOOKALIKES] },
      ]);
      const data = (await h.reopen()).read();
      expect(tabKeyed(data, 'text').rows).toEqual([FORMULA_LOOKALIKES, FORMULA_LOOKALIKES]);
      expect(tabKeyed(data, 'text').formulas).toEqual([]);
      expect(tabKeyed(data, 'out').rows).toEqual([FORMULA_LOOKALIKES]);
      expect(tabKeyed(data, 'out').formulas).toEqual([]);
    });

    it('keeps any text exactly, control characters and escapes included (property)', async () => {
      // One workbook for all runs: a reopen per run would make the file adapters crawl.
      const h = await makeHarness();
      h.port.apply([{ kind: 'addTab', key: 'p', title: 'P' }]);
      const tricky = ['a\r\nb', 'a\rb', ' ', '\t', 'x\uFFFF', 'x\uFFFE\u0001\u001f\u007f', '_x0041_', '_x005F_', 'lone \uD800 half', '😀 Қ', 'line\u2028sep'];
      const samples = [tricky, ...fc.sample(fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 8 }), 25)];
      h.port.apply(samples.map((line, i): WorkbookChange => ({ kind: 'writeCells', tab: { key: 'p' }, row: i, col: 0, values: [line] })));
      expect(tabKeyed((await h.reopen()).read(), 'p').rows).toEqual(samples);
    });

    it('lists a formula of the initial workbook with its computed value in the rows', async () => {
      const h = await makeHarness({
        tabs: [initialTab('Calc', [['a', 2, 4], ['b', 3, 6]], 'calc', [{ row: 0, col: 2, formula: '=B1*2' }, { row: 1, col: 2, formula: '=B2*2' }])],
      });
      for (const port of [h.port, await h.reopen()]) {
        const tab = tabKeyed(port.read(), 'calc');
        expect(tab.rows).toEqual([['a', 2, 4], ['b', 3, 6]]);
        expect(tab.formulas).toEqual([{ row: 0, col: 2, formula: '=B1*2' }, { row: 1, col: 2, formula: '=B2*2' }]);
      }
    });

    it('replaces a formula written over by a value', async () => {
      const h = await makeHarness({ tabs: [initialTab('Calc', [[2, 4]], 'calc', [{ row: 0, col: 1, formula: '=A1*2' }])] });
      h.port.apply([{ kind: 'writeCells', tab: { key: 'calc' }, row: 0, col: 1, values: [['typed']] }]);
      const tab = tabKeyed((await h.reopen()).read(), 'calc');
      expect(tab.rows).toEqual([[2, 'typed']]);
      expect(tab.formulas).toEqual([]);
    });

    it('reads a Date from the initial workbook as a Date', async () => {
      const h = await makeHarness({ tabs: [initialTab('D', [['born', utcDay('2010-05-03')]])] });
      const cell = tabTitled(h.port.read(), 'D').rows[0][1];
      expect(cell).toBeInstanceOf(Date);
      expect(dateToIso(cell as Date)).toBe('2010-05-03');
    });

    it('renameTab keeps the id and the key, and can give a new key', async () => {
      const h = await makeHarness({ tabs: [initialTab('5А', [['x']], 'class:5А'), initialTab('Other', [['y']])] });
      const before = tabKeyed(h.port.read(), 'class:5А');
      h.port.apply([{ kind: 'renameTab', tab: { id: before.id }, title: '6А' }]);
      const renamed = tabKeyed((await h.reopen()).read(), 'class:5А');
      expect(renamed).toMatchObject({ id: before.id, title: '6А', rows: [['x']] });

      const port = await h.reopen();
      const other = tabTitled(port.read(), 'Other');
      port.apply([
        { kind: 'renameTab', tab: { key: 'class:5А' }, title: '6а' },
        { kind: 'renameTab', tab: { id: other.id }, title: 'Other', key: 'other' },
      ]);
      const data = (await h.reopen()).read();
      expect(tabKeyed(data, 'class:5А')).toMatchObject({ id: before.id, title: '6а' });
      expect(tabKeyed(data, 'other')).toMatchObject({ id: other.id, title: 'Other' });
    });

    it('writeCells touches only its rectangle: what a teacher typed around it survives', async () => {
      const typed: Cell[][] = [
        ['a1', 'b1', 'c1', 'd1'],
        ['a2', 'b2', 'c2', 'd2'],
        ['a3', 'b3', 'c3', 'd3'],
        ['a4', 'b4', 'c4', 'd4'],
      ];
      const h = await makeHarness({ tabs: [initialTab('5А', typed, 'class:5А')] });
      h.port.apply([{ kind: 'writeCells', tab: { key: 'class:5А' }, row: 1, col: 1, values: [['X', 'Y'], ['Z']] }]);
      expect(tabKeyed((await h.reopen()).read(), 'class:5А').rows).toEqual([
        ['a1', 'b1', 'c1', 'd1'],
        ['a2', 'X', 'Y', 'd2'],
        ['a3', 'Z', 'c3', 'd3'],
        ['a4', 'b4', 'c4', 'd4'],
      ]);
    });

    it('writeCells beyond the end grows the rows, ragged with [] for empty rows', async () => {
      const h = await makeHarness();
      h.port.apply([
        { kind: 'addTab', key: 't', title: 'T' },
        { kind: 'writeCells', tab: { key: 't' }, row: 3, col: 2, values: [['x']] },
        { kind: 'writeCells', tab: { key: 't' }, row: 0, col: 0, values: [['a', null, null]] },
      ]);
      expect(tabKeyed((await h.reopen()).read(), 't').rows).toEqual([['a'], [], [], [null, null, 'x']]);
    });

    it('writing null or an empty string clears a cell', async () => {
      const h = await makeHarness({ tabs: [initialTab('T', [['a', 'b', 'c'], ['d']], 't')] });
      h.port.apply([
        { kind: 'writeCells', tab: { key: 't' }, row: 0, col: 1, values: [[null, '']] },
        { kind: 'writeCells', tab: { key: 't' }, row: 1, col: 0, values: [[null]] },
      ]);
      expect(tabKeyed((await h.reopen()).read(), 't').rows).toEqual([['a']]);
    });

    it('appendRows lands after the last non-empty row', async () => {
      const h = await makeHarness({ tabs: [initialTab('5А', [['header'], [], ['pupil 1'], [], []], 'class:5А')] });
      h.port.apply([
        { kind: 'appendRows', tab: { key: 'class:5А' }, values: [['pupil 2', 'x'], ['pupil 3']] },
        { kind: 'addTab', key: 'empty', title: 'Empty' },
        { kind: 'appendRows', tab: { key: 'empty' }, values: [['first']] },
      ]);
      const data = (await h.reopen()).read();
      expect(tabKeyed(data, 'class:5А').rows).toEqual([['header'], [], ['pupil 1'], ['pupil 2', 'x'], ['pupil 3']]);
      expect(tabKeyed(data, 'empty').rows).toEqual([['first']]);
    });

    it('appendRows counts a formula cell as content', async () => {
      const h = await makeHarness({ tabs: [initialTab('T', [['a'], [null, 2]], 't', [{ row: 1, col: 1, formula: '=1+1' }])] });
      h.port.apply([{ kind: 'appendRows', tab: { key: 't' }, values: [['next']] }]);
      expect(tabKeyed((await h.reopen()).read(), 't').rows).toEqual([['a'], [null, 2], ['next']]);
    });

    it('replaceRows leaves nothing of the old content', async () => {
      const h = await makeHarness({
        tabs: [initialTab('Passport', [['old', 'old', 'old', 'old'], ['old'], [], ['old', 1, 2]], 'passport', [{ row: 3, col: 2, formula: '=B4*2' }])],
      });
      h.port.apply([{ kind: 'replaceRows', tab: { key: 'passport' }, values: [['new', 1], ['new']] }]);
      const tab = tabKeyed((await h.reopen()).read(), 'passport');
      expect(tab.rows).toEqual([['new', 1], ['new']]);
      expect(tab.formulas).toEqual([]);
    });

    it('replaceRows with no rows empties the tab', async () => {
      const h = await makeHarness({ tabs: [initialTab('Issues', [['a'], ['b']], 'issues'), initialTab('Keep', [['k']])] });
      h.port.apply([{ kind: 'replaceRows', tab: { key: 'issues' }, values: [] }]);
      const data = (await h.reopen()).read();
      expect(tabKeyed(data, 'issues').rows).toEqual([]);
      expect(tabTitled(data, 'Keep').rows).toEqual([['k']]);
    });

    it('removeTab removes only that tab', async () => {
      const h = await makeHarness({ tabs: [initialTab('5А', [['a']], 'class:5А'), initialTab('11А', [['b']], 'class:11А'), initialTab('Notes', [['c']])] });
      const before = h.port.read();
      h.port.apply([{ kind: 'removeTab', tab: { key: 'class:11А' } }]);
      const after = (await h.reopen()).read();
      expect(after.tabs.map((t) => t.title)).toEqual(['5А', 'Notes']);
      expect(tabTitled(after, '5А')).toEqual(tabTitled(before, '5А'));
      expect(tabTitled(after, 'Notes')).toEqual(tabTitled(before, 'Notes'));
    });

    it('never gives a new tab the id of a removed one', async () => {
      const h = await makeHarness({ tabs: [initialTab('A', [['a']], 'a'), initialTab('B', [['b']], 'b')] });
      const removed = tabKeyed(h.port.read(), 'b').id;
      h.port.apply([
        { kind: 'removeTab', tab: { id: removed } },
        { kind: 'addTab', key: 'c', title: 'C' },
      ]);
      const data = h.port.read();
      expect(tabKeyed(data, 'c').id).not.toBe(removed);
      expect(() => h.port.apply([{ kind: 'writeCells', tab: { id: removed }, row: 0, col: 0, values: [['x']] }])).toThrow(Error);
    });

    it('lets a change reference a tab added earlier in the same batch by its key', async () => {
      const h = await makeHarness();
      h.port.apply([
        { kind: 'addTab', key: 'class:7Б', title: '7Б' },
        { kind: 'writeCells', tab: { key: 'class:7Б' }, row: 0, col: 0, values: [['№', 'Аты-жөні']] },
        { kind: 'appendRows', tab: { key: 'class:7Б' }, values: [[1, 'Әлия']] },
        { kind: 'formatTable', tab: { key: 'class:7Б' }, headerRow: 0, columns: [{ col: 1, type: 'text' }] },
        { kind: 'renameTab', tab: { key: 'class:7Б' }, title: '8Б', key: 'class:8Б' },
        { kind: 'appendRows', tab: { key: 'class:8Б' }, values: [[2, 'Ерлан']] },
      ]);
      const tab = tabKeyed((await h.reopen()).read(), 'class:8Б');
      expect(tab.title).toBe('8Б');
      expect(tab.rows).toEqual([['№', 'Аты-жөні'], [1, 'Әлия'], [2, 'Ерлан']]);
    });

    it('throws on an unknown tab, by id or by key', async () => {
      const h = await makeHarness({ tabs: [initialTab('A', [['a']], 'a')] });
      expect(() => h.port.apply([{ kind: 'writeCells', tab: { id: 'no such id' }, row: 0, col: 0, values: [['x']] }])).toThrow(Error);
      expect(() => h.port.apply([{ kind: 'appendRows', tab: { key: 'no such key' }, values: [['x']] }])).toThrow(/no such key/);
      expect(() => h.port.apply([{ kind: 'removeTab', tab: { key: 'no such key' } }])).toThrow(Error);
      expect(() => h.port.apply([{ kind: 'formatTable', tab: { key: 'nope' }, headerRow: 0, columns: [] }])).toThrow(Error);
    });

    it('refuses a second tab with the same title (whatever the case) or the same key', async () => {
      const h = await makeHarness({ tabs: [initialTab('5А', [], 'class:5А')] });
      expect(() => h.port.apply([{ kind: 'addTab', key: 'other', title: '5а' }])).toThrow(/5а/);
      expect(() => h.port.apply([{ kind: 'addTab', key: 'class:5А', title: 'New' }])).toThrow(Error);
      expect(() => h.port.apply([{ kind: 'addTab', key: 'empty-title', title: '' }])).toThrow(Error);
    });

    it('refuses a value no spreadsheet can hold', async () => {
      const h = await makeHarness({ tabs: [initialTab('A', [['a']], 'a')] });
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN)]) {
        expect(() => h.port.apply([{ kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 0, values: [[bad]] }])).toThrow(Error);
      }
      expect(() => h.port.apply([{ kind: 'writeCells', tab: { key: 'a' }, row: -1, col: 0, values: [['x']] }])).toThrow(Error);
    });

    it('changes nothing when a batch throws', async () => {
      const h = await makeHarness({ tabs: [initialTab('A', [['a']], 'a')] });
      const before = h.port.read();
      expect(() =>
        h.port.apply([
          { kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 0, values: [['changed']] },
          { kind: 'addTab', key: 'b', title: 'B' },
          { kind: 'renameTab', tab: { key: 'a' }, title: 'A2' },
          { kind: 'writeCells', tab: { key: 'missing' }, row: 0, col: 0, values: [['x']] },
        ]),
      ).toThrow(Error);
      expect(h.port.read()).toEqual(before);
    });

    it('hands out copies: changing what read() returned changes nothing', async () => {
      const h = await makeHarness({ tabs: [initialTab('A', [['a', utcDay('2010-01-01')]], 'a')] });
      const first = h.port.read();
      const tab = tabKeyed(first, 'a');
      (tab.rows[0][1] as Date).setUTCFullYear(1990);
      tab.rows[0][0] = 'mutated';
      tab.rows.push(['extra']);
      tab.title = 'Mutated';
      first.tabs.pop();
      expect(h.port.read()).toEqual({ tabs: [{ ...tab, title: 'A', rows: [['a', utcDay('2010-01-01')]] }] });
    });

    it('keeps values when formatting a table, and a Date written in a text column stays a date', async () => {
      const h = await makeHarness({ tabs: [initialTab('5А', [['iin', 'born', 'sex'], ['061211600012', utcDay('2006-12-11'), 'Ж']], 'class:5А')] });
      h.port.apply([
        {
          kind: 'formatTable',
          tab: { key: 'class:5А' },
          headerRow: 0,
          columns: [
            { col: 0, type: 'iin' },
            { col: 1, type: 'date' },
            { col: 2, type: 'sex', allowed: ['М', 'Ж'] },
          ],
        },
        { kind: 'writeCells', tab: { key: 'class:5А' }, row: 2, col: 0, values: [[utcDay('2007-01-02'), 42, '0071']] },
      ]);
      const rows = tabKeyed((await h.reopen()).read(), 'class:5А').rows;
      expect(rows.slice(0, 2)).toEqual([['iin', 'born', 'sex'], ['061211600012', utcDay('2006-12-11'), 'Ж']]);
      expect(rows[2][0]).toBeInstanceOf(Date);
      expect(dateToIso(rows[2][0] as Date)).toBe('2007-01-02');
      expect(rows[2].slice(1)).toEqual([42, '0071']);
    });

    it('keeps the order of tabs: new tabs come last', async () => {
      const h = await makeHarness({ tabs: [initialTab('One', [['1']]), initialTab('Two', [['2']])] });
      h.port.apply([{ kind: 'addTab', key: 'three', title: 'Three' }]);
      expect((await h.reopen()).read().tabs.map((t) => t.title)).toEqual(['One', 'Two', 'Three']);
    });
  });
}
