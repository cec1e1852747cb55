import { GoogleWorkbook } from '../../src/apps-script/google-workbook';
import type { WorkbookData } from '../../src/domain/sheet';
import { describeWorkbookPort, tabTitled } from '../app/workbook-port.contract';
import { fakeGoogle } from '../fakes/google';

describeWorkbookPort('GoogleWorkbook over the fake Sheets service', async (initial?: WorkbookData) => {
  const google = fakeGoogle({ tabs: initial?.tabs ?? [{ title: 'Sheet1', rows: [] }] });
  // An empty spreadsheet still has one sheet; the contract's empty workbook has none.
  if (!initial) google.state.sheets = [];
  const port = new GoogleWorkbook(google.Sheets, google.state.id);
  return { port, reopen: async () => new GoogleWorkbook(google.Sheets, google.state.id) };
});

describe('GoogleWorkbook calls', () => {
  const tabs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ title: `${(i % 11) + 1}${'АӘБВГ'[Math.floor(i / 11) % 5]}${i >= 55 ? i : ''}`, key: `class:${i}`, rows: [['№', 'Аты-жөні'], [1, `Оқушы ${i}`]] }));

  it.each([1, 10, 100])('reads %i tabs in one call and writes a batch touching all of them in one call', (n) => {
    const google = fakeGoogle({ tabs: tabs(n) });
    const port = new GoogleWorkbook(google.Sheets, google.state.id);
    const data = port.read();
    expect(data.tabs).toHaveLength(n);
    port.apply(data.tabs.map((t) => ({ kind: 'appendRows' as const, tab: { id: t.id }, values: [[2, 'Жаңа']] })));
    expect(google.log.byMethod()).toEqual({ 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.batchUpdate': 1 });
  });

  it('keeps a tab found by its key after a person renames it in Sheets', () => {
    const google = fakeGoogle({ tabs: [{ title: '5А', key: 'class:5А', rows: [['x']] }] });
    google.state.sheets[0].title = '5А сынып';
    const tab = tabTitled(new GoogleWorkbook(google.Sheets, google.state.id).read(), '5А сынып');
    expect(tab.key).toBe('class:5А');
  });

  it('sends no batch when there is nothing to change', () => {
    const google = fakeGoogle({ tabs: [{ title: 'A', rows: [['a']] }] });
    const port = new GoogleWorkbook(google.Sheets, google.state.id);
    port.read();
    port.apply([]);
    expect(google.log.count('Sheets.Spreadsheets.batchUpdate')).toBe(0);
  });

  it('writes every string as stringValue, so nothing becomes a formula, and a Date as a date-formatted serial', () => {
    const google = fakeGoogle({ tabs: [{ title: 'A', key: 'a', rows: [] }] });
    const port = new GoogleWorkbook(google.Sheets, google.state.id);
    port.apply([{ kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 0, values: [['=1+1', new Date('2010-05-03T00:00:00Z'), '061211600012']] }]);
    const cells = google.state.sheets[0].cells;
    expect(cells.get('0,0')!.value).toEqual({ stringValue: '=1+1' });
    expect(cells.get('0,1')).toMatchObject({ value: { numberValue: 40301 }, format: { type: 'DATE' } });
    expect(cells.get('0,2')!.value).toEqual({ stringValue: '061211600012' });
  });

  it('grows the grid before writing beyond it, as Sheets refuses a cell outside', () => {
    const google = fakeGoogle({ tabs: [{ title: 'A', key: 'a', rows: [] }] });
    google.state.sheets[0].rowCount = 2;
    google.state.sheets[0].colCount = 2;
    const port = new GoogleWorkbook(google.Sheets, google.state.id);
    port.apply([{ kind: 'writeCells', tab: { key: 'a' }, row: 4, col: 3, values: [['x']] }]);
    expect(google.state.values('A')[4][3]).toBe('x');
  });
});
