import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { WorkbookData } from '../../src/domain/sheet';
import { describeWorkbookPort } from './workbook-port.contract';

describeWorkbookPort('MemoryWorkbook', async (initial?: WorkbookData) => {
  const port = new MemoryWorkbook(initial);
  return { port, reopen: async () => port };
});

describe('MemoryWorkbook', () => {
  it('keeps the ids of the initial workbook and numbers new tabs after the largest one', () => {
    const port = new MemoryWorkbook({ tabs: [{ id: '7', key: null, title: 'A', rows: [], formulas: [] }] });
    port.apply([{ kind: 'addTab', key: 'b', title: 'B' }, { kind: 'addTab', key: 'c', title: 'C' }]);
    expect(port.read().tabs.map((t) => t.id)).toEqual(['7', '8', '9']);
  });

  it('numbers tabs "1", "2"… in an empty workbook and never reuses an id', () => {
    const port = new MemoryWorkbook();
    port.apply([{ kind: 'addTab', key: 'a', title: 'A' }, { kind: 'addTab', key: 'b', title: 'B' }]);
    port.apply([{ kind: 'removeTab', tab: { id: '2' } }, { kind: 'addTab', key: 'c', title: 'C' }]);
    expect(port.read().tabs.map((t) => [t.id, t.key])).toEqual([['1', 'a'], ['3', 'c']]);
  });

  it('does not share the initial data with its caller', () => {
    const initial: WorkbookData = { tabs: [{ id: '1', key: 'a', title: 'A', rows: [['x', new Date(0)]], formulas: [] }] };
    const port = new MemoryWorkbook(initial);
    initial.tabs[0].rows[0][0] = 'changed';
    (initial.tabs[0].rows[0][1] as Date).setTime(1000);
    expect(port.read().tabs[0].rows).toEqual([['x', new Date(0)]]);
  });

  it('records the last formatTable of each tab and forgets it with the tab', () => {
    const port = new MemoryWorkbook();
    port.apply([
      { kind: 'addTab', key: 'a', title: 'A' },
      { kind: 'formatTable', tab: { key: 'a' }, headerRow: 0, columns: [{ col: 0, type: 'iin' }] },
      { kind: 'formatTable', tab: { key: 'a' }, headerRow: 2, columns: [{ col: 1, type: 'sex', allowed: ['М', 'Ж'] }] },
    ]);
    expect(port.formats.get('1')).toEqual({ headerRow: 2, columns: [{ col: 1, type: 'sex', allowed: ['М', 'Ж'] }] });
    port.apply([{ kind: 'removeTab', tab: { key: 'a' } }]);
    expect(port.formats.size).toBe(0);
  });

  it('records no format from a batch that throws', () => {
    const port = new MemoryWorkbook({ tabs: [{ id: '1', key: 'a', title: 'A', rows: [], formulas: [] }] });
    expect(() =>
      port.apply([
        { kind: 'formatTable', tab: { key: 'a' }, headerRow: 0, columns: [{ col: 0, type: 'text' }] },
        { kind: 'removeTab', tab: { key: 'missing' } },
      ]),
    ).toThrow(Error);
    expect(port.formats.size).toBe(0);
  });

  it('spells formulas of the initial workbook with their leading "="', () => {
    const port = new MemoryWorkbook({ tabs: [{ id: '1', key: null, title: 'A', rows: [[1, 2]], formulas: [{ row: 0, col: 1, formula: 'A1*2' }] }] });
    expect(port.read().tabs[0].formulas).toEqual([{ row: 0, col: 1, formula: '=A1*2' }]);
  });

  it('applies the title rules it is given', () => {
    const port = new MemoryWorkbook(undefined, { titleProblem: (t) => (t.length > 3 ? 'too long' : null) });
    expect(() => port.apply([{ kind: 'addTab', key: 'a', title: 'Long' }])).toThrow('invalid tab title "Long": too long');
    port.apply([{ kind: 'addTab', key: 'a', title: 'Ok' }]);
    expect(port.read().tabs.map((t) => t.title)).toEqual(['Ok']);
  });
});
