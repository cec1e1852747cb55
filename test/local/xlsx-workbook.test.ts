import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { ZipReader } from '../../src/local/xlsx/zip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookChange } from '../../src/app/workbook-port';
import { RegistryError } from '../../src/domain/i18n';
import type { WorkbookData } from '../../src/domain/sheet';
import { META_SHEET, XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { describeWorkbookPort, tabTitled } from '../app/workbook-port.contract';

const dir = mkdtempSync(join(tmpdir(), 'qamqor-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
const freshPath = (name = 'book') => join(dir, `${name}-${++fileNo}.xlsx`);

/** An .xlsx made with exceljs directly, as Excel would hold it: real formulas, date cells, the meta sheet for keys. */
async function writeWorkbookFile(path: string, data: WorkbookData): Promise<void> {
  const book = new ExcelJS.Workbook();
  const keyed: [number, string, string][] = [];
  for (const tab of data.tabs) {
    const ws = book.addWorksheet(tab.title);
    tab.rows.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const f of tab.formulas) {
      const cell = ws.getCell(f.row + 1, f.col + 1);
      const result = tab.rows[f.row]?.[f.col] ?? undefined;
      cell.value = { formula: f.formula.replace(/^=/, ''), result: result === null ? undefined : result } as ExcelJS.CellFormulaValue;
    }
    if (tab.key !== null) keyed.push([ws.id, tab.key, tab.title]);
  }
  if (keyed.length > 0) {
    const meta = book.addWorksheet(META_SHEET, { state: 'veryHidden' });
    keyed.forEach((row) => meta.addRow(row));
  }
  if (data.tabs.length === 0) book.addWorksheet('Sheet1');
  await book.xlsx.writeFile(path);
}

async function openWithExceljs(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

async function harnessFor(initial?: WorkbookData) {
  let port: XlsxWorkbook;
  if (initial) {
    const path = freshPath('initial');
    await writeWorkbookFile(path, initial);
    port = await XlsxWorkbook.open(path);
  } else {
    port = XlsxWorkbook.create();
  }
  return {
    get port() {
      return port;
    },
    async reopen() {
      const path = freshPath('reopened');
      await port.save(path);
      port = await XlsxWorkbook.open(path);
      return port;
    },
  };
}

describeWorkbookPort('XlsxWorkbook', harnessFor);

describe('XlsxWorkbook files', () => {
  it('formats a table: frozen header, bold, text and date formats, validations down to row 1000', async () => {
    const book = XlsxWorkbook.create();
    book.apply([
      { kind: 'addTab', key: 'class:5А', title: '5А' },
      { kind: 'writeCells', tab: { key: 'class:5А' }, row: 0, col: 0, values: [['Класс 5А'], ['ЖСН', 'Туған күні', 'Жынысы', 'Жетім', 'Балалар саны', 'Тілі', 'Телефон', 'Ескерту']] },
      {
        kind: 'formatTable',
        tab: { key: 'class:5А' },
        headerRow: 1,
        columns: [
          { col: 0, type: 'iin' },
          { col: 1, type: 'date' },
          { col: 2, type: 'sex' },
          { col: 3, type: 'checkbox' },
          { col: 4, type: 'integer' },
          { col: 5, type: 'language', allowed: ['kk', 'ru'] },
          { col: 6, type: 'phone' },
          { col: 7, type: 'text' },
        ],
      },
    ]);
    const path = freshPath();
    await book.save(path);
    const ws = (await openWithExceljs(path)).getWorksheet('5А')!;

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.bold).toBeFalsy();
    for (const letter of ['A', 'G', 'H']) expect(ws.getColumn(letter).numFmt).toBe('@');
    expect(ws.getColumn('B').numFmt).toBe('dd.mm.yyyy');
    // exceljs leaves out a width of 9, its default.
    for (const letter of 'ABCDEFGH') expect(ws.getColumn(letter).width ?? 9).toBeGreaterThanOrEqual(6);
    expect(ws.getColumn('A').width).toBeGreaterThanOrEqual(14);

    // A cell typed later in the IIN column takes the column's text format, so leading zeros survive.
    expect(ws.getCell('A3').numFmt).toBe('@');
    expect(ws.getCell('A2').dataValidation).toBeUndefined();
    expect(ws.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"ұл,қыз,М,Ж"'] });
    expect(ws.getCell('C1000').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('C1001').dataValidation).toBeUndefined();
    expect(ws.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: ['"TRUE,FALSE"'] });
    expect(ws.getCell('E3').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell('F500').dataValidation).toMatchObject({ type: 'list', formulae: ['"kk,ru"'] });
    expect(ws.getCell('B3').dataValidation).toMatchObject({ type: 'date' });
    expect(ws.getCell('A3').dataValidation).toBeUndefined();
    expect(ws.getCell('H3').dataValidation).toBeUndefined();
  });

  it('prints a formatted tab landscape, at most three pages across, its header row on every page', async () => {
    const book = XlsxWorkbook.create();
    const table = (key: string, title: string): WorkbookChange[] => [
      { kind: 'addTab', key, title },
      { kind: 'writeCells', tab: { key }, row: 0, col: 0, values: [['Аты-жөні', 'Туған күні'], ['Әлия', new Date(Date.UTC(2014, 2, 15))]] },
      { kind: 'formatTable', tab: { key }, headerRow: 0, columns: [{ col: 1, type: 'date' }] },
    ];
    book.apply([...table('a', "5А"), ...table('b', "6'Б")]);
    const path = freshPath();
    await book.save(path);
    const check = async (title: string) => {
      const ws = (await openWithExceljs(path)).getWorksheet(title)!;
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 3, fitToHeight: 0, printTitlesRow: '1:1' });
    };
    await check('5А');
    await check("6'Б");
    // Saved again with the first tab gone: the second keeps its own print titles, once.
    const again = await XlsxWorkbook.open(path);
    again.apply([{ kind: 'removeTab', tab: { key: 'a' } }, { kind: 'formatTable', tab: { key: 'b' }, headerRow: 0, columns: [{ col: 1, type: 'date' }] }]);
    await again.save(path);
    await check("6'Б");
    const workbookXml = new ZipReader(readFileSync(path)).text('xl/workbook.xml')!;
    expect(workbookXml.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
  });

  it('formats a table twice without piling up validations', async () => {
    const format: Extract<WorkbookChange, { kind: 'formatTable' }> = { kind: 'formatTable', tab: { key: 't' }, headerRow: 0, columns: [{ col: 0, type: 'sex', allowed: ['M', 'F'] }] };
    const book = XlsxWorkbook.create();
    book.apply([{ kind: 'addTab', key: 't', title: 'T' }, { kind: 'writeCells', tab: { key: 't' }, row: 0, col: 0, values: [['sex']] }, format]);
    const first = freshPath();
    await book.save(first);
    const again = await XlsxWorkbook.open(first);
    again.apply([{ ...format, columns: [{ col: 0, type: 'sex' }] }]);
    const second = freshPath();
    await again.save(second);
    const ws = (await openWithExceljs(second)).getWorksheet('T')!;
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const lists = new Set(Object.values(model).map((v) => v.formulae[0]));
    expect([...lists]).toEqual(['"ұл,қыз,М,Ж"']);
  });

  it('writes a tick into a checkbox column as the workbook’s word and an unticked box as nothing; a tab without the words keeps booleans', async () => {
    const book = XlsxWorkbook.create();
    const flag = { yes: 'да', no: 'нет' };
    book.apply([
      { kind: 'addTab', key: 'class:5А', title: '5А' },
      { kind: 'writeCells', tab: { key: 'class:5А' }, row: 0, col: 0, values: [['ФИО', 'Сирота', 'Кандас'], ['Иванов Иван', true, false]] },
      { kind: 'formatTable', tab: { key: 'class:5А' }, headerRow: 0, columns: [{ col: 0, type: 'text' }, { col: 1, type: 'checkbox', flag }, { col: 2, type: 'checkbox', flag }], frozenColumns: 1 },
      { kind: 'addTab', key: 'plain', title: 'Plain' },
      { kind: 'writeCells', tab: { key: 'plain' }, row: 0, col: 0, values: [['a'], [true], [false]] },
    ]);
    const path = freshPath();
    await book.save(path);
    const again = await XlsxWorkbook.open(path);
    expect(tabTitled(again.read(), '5А').rows).toEqual([['ФИО', 'Сирота', 'Кандас'], ['Иванов Иван', 'да']]);
    expect(tabTitled(again.read(), 'Plain').rows).toEqual([['a'], [true], [false]]);
    // A later run ticks a box without formatting anything: the file remembers the words.
    const id = tabTitled(again.read(), '5А').id;
    again.apply([{ kind: 'appendRows', tab: { id }, values: [['Петров Пётр', false, true]] }]);
    await again.save(path);
    expect(tabTitled((await XlsxWorkbook.open(path)).read(), '5А').rows[2]).toEqual(['Петров Пётр', null, 'да']);
    const ws = (await openWithExceljs(path)).getWorksheet('5А')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' });
    expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"да,нет"'] });
  });

  it('formats a tab twice without adding a style of the same look twice', async () => {
    const format: WorkbookChange = { kind: 'formatTable', tab: { key: 't' }, headerRow: 0, columns: [{ col: 0, type: 'iin' }, { col: 1, type: 'date' }, { col: 2, type: 'sex', allowed: ['М', 'Ж'] }] };
    const book = XlsxWorkbook.create();
    book.apply([{ kind: 'addTab', key: 't', title: 'T' }, { kind: 'writeCells', tab: { key: 't' }, row: 0, col: 0, values: [['ИИН', 'Дата', 'Пол'], ['061211600012', new Date(Date.UTC(2006, 11, 11)), 'Ж']] }, format]);
    const path = freshPath();
    await book.save(path);
    const styleCount = () => (new ZipReader(readFileSync(path)).text('xl/styles.xml')!.match(/<xf\b/g) ?? []).length;
    const before = styleCount();
    for (let i = 0; i < 2; i++) {
      const again = await XlsxWorkbook.open(path);
      again.apply([format]);
      await again.save(path);
    }
    expect(styleCount()).toBe(before);
  });

  it('saves an IIN written as text as a text cell, and a formula-like string without a formula', async () => {
    const book = XlsxWorkbook.create();
    book.apply([
      { kind: 'addTab', key: 'class:1А', title: '1А' },
      { kind: 'writeCells', tab: { key: 'class:1А' }, row: 0, col: 0, values: [['ЖСН', 'Ескерту']] },
      { kind: 'formatTable', tab: { key: 'class:1А' }, headerRow: 0, columns: [{ col: 0, type: 'iin' }] },
      { kind: 'appendRows', tab: { key: 'class:1А' }, values: [['061211600012', '=HYPERLINK("http://x","y")']] },
    ]);
    const path = freshPath();
    await book.save(path);
    const ws = (await openWithExceljs(path)).getWorksheet('1А')!;
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').value).toBe('061211600012');
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe('=HYPERLINK("http://x","y")');
  });

  it('keeps its meta sheet very hidden and out of read()', async () => {
    const book = XlsxWorkbook.create();
    book.apply([{ kind: 'addTab', key: 'settings', title: 'Settings' }, { kind: 'addTab', key: 'issues', title: 'Issues' }]);
    const path = freshPath();
    await book.save(path);
    const raw = await openWithExceljs(path);
    const meta = raw.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    // Last in tab order, so Excel never opens on it.
    expect(raw.worksheets[raw.worksheets.length - 1].name).toBe(META_SHEET);
    const reopened = await XlsxWorkbook.open(path);
    expect(reopened.read().tabs.map((t) => [t.title, t.key])).toEqual([['Settings', 'settings'], ['Issues', 'issues']]);
  });

  it('uses the xlsx sheetId as the tab id, kept on rename', async () => {
    const book = XlsxWorkbook.create();
    book.apply([{ kind: 'addTab', key: 'a', title: 'A' }, { kind: 'addTab', key: 'b', title: 'B' }]);
    const path = freshPath();
    await book.save(path);
    const raw = await openWithExceljs(path);
    const ids = book.read().tabs.map((t) => t.id);
    expect(ids).toEqual([String(raw.getWorksheet('A')!.id), String(raw.getWorksheet('B')!.id)]);
    // A teacher renames the tab in Excel: the sheetId stays, and with it the key.
    raw.getWorksheet('B')!.name = 'Renamed by teacher';
    await raw.xlsx.writeFile(path);
    const tab = tabTitled((await XlsxWorkbook.open(path)).read(), 'Renamed by teacher');
    expect(tab).toMatchObject({ id: ids[1], key: 'b' });
  });

  it('finds keys by title when an application renumbered the sheetIds', async () => {
    const path = freshPath();
    const raw = new ExcelJS.Workbook();
    raw.addWorksheet('First');
    raw.addWorksheet('Second');
    const meta = raw.addWorksheet(META_SHEET, { state: 'veryHidden' });
    meta.addRow([2, 'first', 'First']);
    meta.addRow([1, 'second', 'Second']);
    await raw.xlsx.writeFile(path);
    const tabs = (await XlsxWorkbook.open(path)).read().tabs;
    expect(tabs.map((t) => [t.title, t.key])).toEqual([['First', 'first'], ['Second', 'second']]);
  });

  it('reads what Excel holds: rich text, links, errors, shared formulas, merged cells', async () => {
    const path = freshPath();
    const raw = new ExcelJS.Workbook();
    const ws = raw.addWorksheet('Raw');
    ws.getCell('A1').value = { richText: [{ text: 'Әли', font: { bold: true } }, { text: 'ұлы' }] };
    ws.getCell('B1').value = { text: 'сайт', hyperlink: 'https://example.kz' };
    ws.getCell('C1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = 1;
    ws.getCell('A3').value = 2;
    ws.fillFormula('B2:B3', 'A2*10', [10, 20]);
    ws.getCell('A4').value = 'merged';
    ws.mergeCells('A4:C4');
    await raw.xlsx.writeFile(path);

    const book = await XlsxWorkbook.open(path);
    const tab = tabTitled(book.read(), 'Raw');
    expect(tab.rows).toEqual([['Әлиұлы', 'сайт', '#REF!', '#DIV/0!'], [1, 10], [2, 20], ['merged']]);
    expect(tab.formulas).toEqual([
      { row: 0, col: 3, formula: '=1/0' },
      { row: 1, col: 1, formula: '=A2*10' },
      { row: 2, col: 1, formula: '=A3*10' },
    ]);

    // Overwriting the master of a shared formula leaves its other cells their own formula;
    // writing into a merged cell unmerges it rather than writing into its master.
    book.apply([{ kind: 'writeCells', tab: { id: tab.id }, row: 1, col: 1, values: [['typed']] }, { kind: 'writeCells', tab: { id: tab.id }, row: 3, col: 2, values: [['own']] }]);
    const saved = freshPath();
    await book.save(saved);
    const again = tabTitled((await XlsxWorkbook.open(saved)).read(), 'Raw');
    expect(again.rows.slice(1)).toEqual([[1, 'typed'], [2, 20], ['merged', null, 'own']]);
    expect(again.formulas).toEqual([
      { row: 0, col: 3, formula: '=1/0' },
      { row: 2, col: 1, formula: '=A3*10' },
    ]);
  });

  it('refuses a title Excel refuses, naming it', () => {
    const book = XlsxWorkbook.create();
    for (const title of ['A'.repeat(32), 'a/b', 'a[1]', 'what?', 'x:y', 'star*', 'back\\slash', "'quoted'", 'History', META_SHEET]) {
      expect(() => book.apply([{ kind: 'addTab', key: title, title }])).toThrow(title);
    }
    book.apply([{ kind: 'addTab', key: 'ok', title: 'B'.repeat(31) }]);
    expect(() => book.apply([{ kind: 'renameTab', tab: { key: 'ok' }, title: 'a/b' }])).toThrow('a/b');
    expect(book.read().tabs.map((t) => t.title)).toEqual(['B'.repeat(31)]);
  });

  it("refuses a write beyond Excel's grid, changing nothing", () => {
    const book = XlsxWorkbook.create();
    book.apply([{ kind: 'addTab', key: 'a', title: 'A' }]);
    expect(() =>
      book.apply([
        { kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 0, values: [['kept out']] },
        { kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 16_384, values: [['x']] },
      ]),
    ).toThrow(/16384 columns/);
    expect(() => book.apply([{ kind: 'writeCells', tab: { key: 'a' }, row: 1_048_576, col: 0, values: [['x']] }])).toThrow(Error);
    expect(tabTitled(book.read(), 'A').rows).toEqual([]);
  });

  it('refuses a text longer than an Excel cell holds, naming the tab and the cell, and writes nothing', () => {
    const book = XlsxWorkbook.create();
    book.apply([{ kind: 'addTab', key: 'a', title: '5А' }, { kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 0, values: [['ok']] }]);
    const error = (() => {
      try {
        book.apply([{ kind: 'appendRows', tab: { key: 'a' }, values: [['Әлия', 'x'.repeat(32_768)]] }]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).text('kk')).toBe('«5А» парағы, B2 ұяшығы: мәтін тым ұзын (32768 таңба, Excel ұяшығына ең көбі 32767 таңба сыяды); кітапқа ештеңе жазылмады');
    expect((error as RegistryError).text('ru')).toContain('лист «5А», ячейка B2');
    expect(tabTitled(book.read(), '5А').rows).toEqual([['ok']]);
    book.apply([{ kind: 'appendRows', tab: { key: 'a' }, values: [['x'.repeat(32_767)]] }]);
  });

  it('throws file_missing for a missing file', async () => {
    await expect(XlsxWorkbook.open(join(dir, 'nothing-here.xlsx'))).rejects.toMatchObject({ code: 'file_missing', params: { file: join(dir, 'nothing-here.xlsx') } });
  });

  it.each([
    ['a CSV renamed', 'class,full_name\n5А,Әлия\n'],
    ['an empty file', ''],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['a broken zip', Buffer.from('PK\u0003\u0004 broken')],
  ])('throws not_xlsx for %s', async (_, content) => {
    const path = freshPath('bad');
    writeFileSync(path, content);
    const error = await XlsxWorkbook.open(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ code: 'not_xlsx', params: { file: path } });
    expect(String((error as RegistryError).params.reason)).not.toBe('');
    // Said wholly in the user's language, the reason included.
    for (const lang of ['kk', 'ru'] as const) expect((error as RegistryError).text(lang)).not.toMatch(/\b(the|not|file|archive)\b/);
  });

  it('throws not_xlsx for a folder', async () => {
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    await expect(XlsxWorkbook.open(folder)).rejects.toMatchObject({ code: 'not_xlsx' });
  });

  it('saves through a temporary file and leaves none behind', async () => {
    const folder = mkdtempSync(join(dir, 'save-'));
    const path = join(folder, 'registry.xlsx');
    const book = XlsxWorkbook.create();
    book.apply([{ kind: 'addTab', key: 'a', title: 'A' }]);
    await book.save(path);
    book.apply([{ kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 0, values: [['second save']] }]);
    await book.save(path);
    expect(readdirSync(folder)).toEqual(['registry.xlsx']);
    expect(tabTitled((await XlsxWorkbook.open(path)).read(), 'A').rows).toEqual([['second save']]);
  });

  it('leaves the old file whole when the save fails', async () => {
    const folder = mkdtempSync(join(dir, 'fail-'));
    const book = XlsxWorkbook.create();
    await expect(book.save(join(folder, 'empty.xlsx'))).rejects.toThrow(/visible tab/);
    book.apply([{ kind: 'addTab', key: 'a', title: 'A' }]);
    await expect(book.save(join(folder, 'no-such-folder', 'x.xlsx'))).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('reads a 100,000-row sheet in a few seconds', () => {
    const book = XlsxWorkbook.create();
    const rows = Array.from({ length: 100_000 }, (_, i) => [i + 1, `Оқушы ${i}`, '061211600012', new Date(Date.UTC(2010, 0, 1 + (i % 365))), 'Ж', true, null, 'Алматы']);
    book.apply([{ kind: 'addTab', key: 'big', title: 'Big' }, { kind: 'appendRows', tab: { key: 'big' }, values: rows }]);
    const started = Date.now();
    const tab = tabTitled(book.read(), 'Big');
    const elapsed = Date.now() - started;
    expect(tab.rows).toHaveLength(100_000);
    expect(tab.rows[99_999]).toEqual([100_000, 'Оқушы 99999', '061211600012', new Date(Date.UTC(2010, 0, 1 + (99_999 % 365))), 'Ж', true, null, 'Алматы']);
    expect(elapsed).toBeLessThan(3000);
  }, 60_000);
});
