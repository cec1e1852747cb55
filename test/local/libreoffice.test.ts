// A registry a school opened and saved in LibreOffice: sheets renumbered by position, a sheet of the school's own
// among Qamqor's, checkboxes saved as =TRUE()/=FALSE(). The committed fixture runs everywhere; where `soffice` is
// installed the same checks run on a book LibreOffice saves during the test.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegistry } from '../../src/domain/registry/registry';
import { RegistryError } from '../../src/domain/i18n';
import type { Cell, TabData } from '../../src/domain/sheet';
import { assignKeys, META_SHEET, signature, XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliRunner } from '../support/cli';
import { makeLibreOfficeBook, OWN_CELLS, OWN_SHEET } from '../support/libreoffice';

const FIXTURE = join(__dirname, '..', 'fixtures', 'libreoffice-saved.xlsx');
const run = cliRunner(new Date('2026-06-20T00:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'qamqor-lo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

function ownSheet(tabs: readonly TabData[]): TabData {
  const tab = tabs.find((t) => t.title === OWN_SHEET);
  if (!tab) throw new Error('the school sheet is gone');
  return tab;
}

const cellAt = (tab: TabData, address: string): Cell => {
  const m = /^([A-Z])(\d+)$/.exec(address) as RegExpExecArray;
  return tab.rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? null;
};

const books: [string, () => Promise<string>][] = [
  ['the committed LibreOffice-saved fixture', async () => {
    const copy = join(dir, `fixture-${Date.now()}.xlsx`);
    copyFileSync(FIXTURE, copy);
    return copy;
  }],
];
if (hasSoffice) {
  books.push(['a book LibreOffice saves now', async () => {
    const path = join(dir, `fresh-${Date.now()}.xlsx`);
    await makeLibreOfficeBook(path);
    return path;
  }]);
}

describe.each(books)('%s', (_, make) => {
  let path: string;
  beforeAll(async () => {
    path = await make();
  }, 120_000);

  it('was renumbered by LibreOffice: the school sheet took a position-based id of a Qamqor tab', async () => {
    const tabs = (await XlsxWorkbook.open(path)).read().tabs;
    expect(Number(ownSheet(tabs).id)).toBe(3);
    expect(ownSheet(tabs).key).toBeNull();
  });

  it('validates clean of formula errors: ticked and unticked boxes saved as =TRUE() / =FALSE() are booleans', async () => {
    const result = await run('validate', path, '--json');
    const issues = JSON.parse(result.out) as { code: string; column: string }[];
    // The demo's one deliberate formula (a name typed as =…) is the only formula_in_cell left, if its class is still here.
    expect(issues.filter((i) => i.code === 'formula_in_cell' && i.column !== 'full_name')).toEqual([]);
    const registry = readRegistry((await XlsxWorkbook.open(path)).read());
    const flags = registry.pupils.flatMap((p) => p.categories);
    expect(flags.length).toBeGreaterThan(0);
  });

  it('finds every Qamqor tab again, and passport --write updates the passport, never the school sheet', async () => {
    const before = await XlsxWorkbook.open(path);
    expect(before.unplaced).toEqual([]);
    const keys = before.read().tabs.filter((t) => t.key !== null).map((t) => [t.key, t.title]);
    expect(keys).toContainEqual(['passport', 'Әлеуметтік паспорт']);
    expect(keys).toContainEqual(['categories', 'Санаттар']);

    const result = await run('passport', path, '--write');
    expect(result.code).toBe(0);
    const after = (await XlsxWorkbook.open(path)).read().tabs;
    const own = ownSheet(after);
    for (const [address, value] of OWN_CELLS) expect(cellAt(own, address)).toBe(value);
    expect(own.rows.flat().filter((c) => c !== null)).toHaveLength(OWN_CELLS.length);
    const passport = after.find((t) => t.key === 'passport') as TabData;
    expect(passport.title).toBe('Әлеуметтік паспорт');
    // Written anew by this command: its title names the book's school year (moved on to 2026-2027 by new-year).
    expect(String(passport.rows[0]?.[0])).toContain('2026-2027');
  });
});

describe('tabs whose recorded id and title disagree', () => {
  const tab = (id: string, title: string, first: Cell[]): TabData => ({ id, key: null, title, rows: [first], formulas: [] });

  it('follows the title when the header signature agrees (sheets renumbered)', () => {
    const tabs = [tab('3', 'Mine', ['own']), tab('4', 'Passport', ['Category', 'Pupils'])];
    expect(assignKeys(tabs, [[3, 'passport', 'Passport', signature({ rows: [['Category', 'Pupils']] })]])).toEqual([]);
    expect(tabs.map((t) => t.key)).toEqual([null, 'passport']);
  });

  it('follows the id when a teacher renamed the tab and its header is the same', () => {
    const tabs = [tab('7', '5 А сынып', ['ЖСН', 'Аты-жөні'])];
    expect(assignKeys(tabs, [[7, 'class:5А', '5А', 'ЖСН|Аты-жөні']])).toEqual([]);
    expect(tabs[0].key).toBe('class:5А');
  });

  it('refuses to guess when neither sheet matches what was recorded, and the workbook then refuses every write', async () => {
    const tabs = [tab('3', 'Mine', ['own']), tab('4', 'Passport', ['something else'])];
    expect(assignKeys(tabs, [[3, 'passport', 'Passport', 'Category|Pupils']])).toEqual([{ key: 'passport', title: 'Passport' }]);
    expect(tabs.map((t) => t.key)).toEqual([null, null]);
  });

  it('says which tab it cannot place, in the workbook language, and writes nothing', async () => {
    // Sheet 1 is "Mine", sheet 2 "Passport"; the meta sheet says the passport was sheet 1 under the title
    // "Passport" with another first row: id and title disagree and neither sheet has the recorded header.
    const path = join(dir, 'doubtful.xlsx');
    const raw = new ExcelJS.Workbook();
    raw.addWorksheet('Mine').getCell('A1').value = 'own';
    raw.addWorksheet('Passport').getCell('A1').value = 'something else';
    raw.addWorksheet(META_SHEET, { state: 'veryHidden' }).addRow([1, 'passport', 'Passport', 'Category|Pupils']);
    await raw.xlsx.writeFile(path);
    const before = readFileSync(path);

    const book = await XlsxWorkbook.open(path);
    expect(book.unplaced).toEqual([{ key: 'passport', title: 'Passport' }]);
    const error = (() => {
      try {
        book.apply([{ kind: 'writeCells', tab: { id: book.read().tabs[0].id }, row: 5, col: 0, values: [['x']] }]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('tab_unplaced');
    expect((error as RegistryError).text('kk')).toContain('«Passport» парағын анықтау мүмкін емес');
    expect((error as RegistryError).text('ru')).toContain('лист «Passport» не удаётся опознать');
    expect(book.read().tabs.map((t) => t.rows)).toEqual([[['own']], [['something else']]]);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
;
});
