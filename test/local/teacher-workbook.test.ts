// The offline registry as a class teacher opens it (issue 10, item 6): the demo school's registry.xlsx, in Kazakh and
// in Russian, read the way Excel reads it (exceljs) and as raw parts. Frozen panes, widths fitted to the pupils,
// dropdowns and hints in the workbook's language, ticks as words, the header protected and every data cell editable;
// and the same kept up by later saves that only write values.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { planImport } from '../../src/app/import-pupils';
import type { DemoSchool } from '../../src/app/demo-school';
import { readRegistry, type Registry } from '../../src/domain/registry/registry';
import type { Lang } from '../../src/domain/template';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { attr, elements, findElement, innerOf } from '../../src/local/xlsx/xml';
import { ZipReader } from '../../src/local/xlsx/zip';
import { demoXlsx } from '../support/demo-registry';

const dir = mkdtempSync(join(tmpdir(), 'qamqor-teacher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LANGUAGE = {
  kk: { yes: 'иә', no: 'жоқ', sex: ['ұл', 'қыз'], iinError: 'ЖСН: 12 цифр', settings: 'Баптаулар' },
  ru: { yes: 'да', no: 'нет', sex: ['М', 'Ж'], iinError: 'ИИН: 12 цифр', settings: 'Настройки' },
} as const;

/** The worksheet part of the sheet titled `title`, as text. */
function sheetXml(path: string, title: string): string {
  const zip = new ZipReader(readFileSync(path));
  const workbook = zip.text('xl/workbook.xml') as string;
  const tag = elements(workbook, 'sheet').find((s) => attr(s, 'name') === title) as string;
  const rid = /r:id="([^"]+)"/.exec(tag)?.[1];
  const rels = zip.text('xl/_rels/workbook.xml.rels') as string;
  const target = attr(elements(rels, 'Relationship').find((r) => attr(r, 'Id') === rid) as string, 'Target') as string;
  return zip.text(target.startsWith('/') ? target.slice(1) : `xl/${target}`) as string;
}

/** 1-based column number → letters. */
const letter = (col: number) => (col <= 26 ? String.fromCharCode(64 + col) : `${String.fromCharCode(64 + Math.floor((col - 1) / 26))}${String.fromCharCode(65 + ((col - 1) % 26))}`);

describe.each(['kk', 'ru'] as const)('the demo registry a class teacher opens (%s)', (lang: Lang) => {
  const words = LANGUAGE[lang];
  const path = join(dir, `registry-${lang}.xlsx`);
  let school: DemoSchool;
  let book: ExcelJS.Workbook;
  let registry: Registry;

  beforeAll(async () => {
    school = await demoXlsx(path, { pupils: 160, language: lang, schoolYear: '2025-2026' });
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    registry = readRegistry((await XlsxWorkbook.open(path)).read());
  }, 60_000);

  /** A class tab's column (1-based) by the layout key of its column. */
  const columnOf = (className: string, key: string) => (registry.classTabs.find((c) => c.className === className)!.map.columns.get(key) as number) + 1;

  it('freezes the header row and the pupil-name column of every class tab, and only the header row of other tabs', () => {
    for (const { className } of registry.classTabs) {
      const view = book.getWorksheet(className)!.views[0];
      expect(view).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: columnOf(className, 'full_name'), topLeftCell: 'C2' });
    }
    const settings = book.getWorksheet(words.settings)!.views[0];
    expect(settings).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((settings as { xSplit?: number }).xSplit ?? 0).toBe(0);
  });

  it('makes each class tab’s name column at least as wide as its longest pupil name, and its header row tall enough for its wrapped headers', () => {
    for (const { className } of registry.classTabs) {
      const ws = book.getWorksheet(className)!;
      // Names as people write them (the demo's one name typed as a formula is a mistake, not a name).
      const names = registry.pupils.filter((p) => p.className === className && !p.formulaColumns.includes('full_name')).map((p) => p.fullName);
      const longest = Math.max(...names.map((n) => n.length));
      expect(ws.getColumn(columnOf(className, 'full_name')).width).toBeGreaterThanOrEqual(longest);
      expect(ws.getColumn(columnOf(className, 'full_name')).width).toBeLessThanOrEqual(60);
      // A category's name over its ticks wraps onto a few lines: the row is as tall, so it never covers row 2.
      expect(ws.getCell('L1').alignment).toMatchObject({ wrapText: true });
      expect(ws.getRow(1).height).toBeGreaterThanOrEqual(45);
      // Every header word fits its column: none is cut in the middle.
      ws.getRow(1).eachCell((cell, col) => {
        const longestWord = Math.max(...String(cell.value).split(/\s+/).map((w) => w.length));
        expect(ws.getColumn(col).width ?? 9).toBeGreaterThanOrEqual(longestWord);
      });
    }
  });

  it('offers the checkbox and sex dropdowns in the workbook’s language, and no pupil’s row breaks its own rule', () => {
    for (const { className } of registry.classTabs) {
      const ws = book.getWorksheet(className)!;
      const sex = letter(columnOf(className, 'sex'));
      const orphan = letter(columnOf(className, 'orphan'));
      expect(ws.getCell(`${sex}2`).dataValidation).toMatchObject({ type: 'list', formulae: [`"${words.sex.join(',')}"`], errorStyle: 'warning' });
      expect(ws.getCell(`${orphan}2`).dataValidation).toMatchObject({ type: 'list', formulae: [`"${words.yes},${words.no}"`], errorStyle: 'warning' });
      ws.getColumn(sex).eachCell((cell, row) => {
        if (row > 1) expect(words.sex).toContain(cell.value);
      });
    }
  });

  it('writes a tick as the language’s word and leaves an unticked box empty, and reads them back as the same categories', () => {
    const categoryColumns = registry.catalogue.map((c) => c.code);
    let ticks = 0;
    for (const { className } of registry.classTabs) {
      const ws = book.getWorksheet(className)!;
      for (const code of categoryColumns) {
        ws.getColumn(columnOf(className, code)).eachCell((cell, row) => {
          if (row === 1) return;
          expect(cell.value === null || cell.value === words.yes).toBe(true);
          if (cell.value === words.yes) ticks++;
        });
      }
    }
    expect(ticks).toBeGreaterThan(0);
    const generated = new Map(school.pupils.map((p) => [`${p.class}|${p.full_name}`, [...p.categories].sort()]));
    for (const p of registry.pupils) {
      const expected = generated.get(`${p.className}|${p.fullName}`);
      // The demo's deliberate unknown category stays in "other categories"; every other is ticked and read back.
      if (expected) expect([...p.categories].sort()).toEqual(expected.filter((c) => registry.catalogue.some((k) => k.code === c)));
    }
  });

  it('shows a hint and a warning in the workbook’s language on every validated column', () => {
    const xml = sheetXml(path, registry.classTabs[0].className);
    const found = findElement(xml, 'dataValidations')!;
    const rules = elements(innerOf(xml, found, 'dataValidations'), 'dataValidation');
    const byColumn = new Map(rules.map((v) => [/^[A-Z]+/.exec(attr(v, 'sqref') ?? '')?.[0], v]));
    const columns = registry.classTabs[0].columns.filter((c) => c.type !== 'text');
    for (const spec of columns) {
      const rule = byColumn.get(letter(columnOf(registry.classTabs[0].className, spec.key)));
      expect({ key: spec.key, hint: rule && attr(rule, 'showInputMessage'), prompt: (rule && attr(rule, 'prompt'))?.length ?? 0 }).toMatchObject({ key: spec.key, hint: '1' });
      expect(attr(rule!, 'prompt')!.length).toBeGreaterThan(5);
      expect(attr(rule!, 'prompt')!.length).toBeLessThanOrEqual(255);
      expect(attr(rule!, 'promptTitle')!.length).toBeLessThanOrEqual(32);
      if (attr(rule!, 'type')) expect(attr(rule!, 'errorStyle')).toBe('warning');
    }
    const iin = book.getWorksheet(registry.classTabs[0].className)!.getCell(`${letter(columnOf(registry.classTabs[0].className, 'iin'))}3`).dataValidation;
    expect(iin).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [12], showErrorMessage: true, errorTitle: words.iinError });
    // The other-categories hint lists the catalogue's labels in the workbook's language.
    const other = byColumn.get(letter(columnOf(registry.classTabs[0].className, 'other_categories')))!;
    expect(attr(other, 'prompt')).toContain(registry.catalogue[0][lang]);
  });

  it('protects the header rows without a password, leaving every data cell editable with its number format', () => {
    for (const { className } of registry.classTabs) {
      const xml = sheetXml(path, className);
      const protection = /<sheetProtection\b[^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(attr(protection, 'sheet')).toBe('1');
      for (const name of ['password', 'hashValue', 'algorithmName']) expect(attr(protection, name)).toBeNull();
      // Allowed: formatting, inserting and deleting rows and columns (columns are found by header), sorting, filtering.
      for (const name of ['formatCells', 'formatColumns', 'formatRows', 'insertColumns', 'insertRows', 'deleteColumns', 'deleteRows', 'sort', 'autoFilter']) expect(attr(protection, name)).toBe('0');

      const ws = book.getWorksheet(className)!;
      ws.getRow(1).eachCell((cell) => expect(cell.protection?.locked ?? true).toBe(true));
      ws.eachRow((row, r) => {
        if (r > 1) row.eachCell((cell) => expect(cell.protection?.locked).toBe(false));
      });
      // A row typed later (below the pupils, right of the table) is editable too, through the columns' own style.
      expect(ws.getColumn(columnOf(className, 'full_name')).style.protection?.locked).toBe(false);
      expect(ws.getColumn(60).style.protection?.locked).toBe(false);
      expect(ws.getCell(`${letter(columnOf(className, 'iin'))}2`).numFmt).toBe('@');
      expect(ws.getCell(`${letter(columnOf(className, 'birth_date'))}2`).numFmt).toBe('dd.mm.yyyy');
    }
  });
});

describe('later saves of the offline registry', () => {
  it('refit the name column to a longer name imported in a later run, keep a teacher’s wider column and a TRUE she typed', async () => {
    const path = join(dir, 'later.xlsx');
    await demoXlsx(path, { pupils: 60, language: 'kk', schoolYear: '2025-2026' });
    const first = readRegistry((await XlsxWorkbook.open(path)).read());
    const tab = first.classTabs[0];
    const col = (key: string) => (tab.map.columns.get(key) as number) + 1;

    // The teacher, in Excel: widens the address column, types TRUE into a tick of the first pupil.
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(path);
    const ws = raw.getWorksheet(tab.tab.title)!;
    ws.getColumn(col('address')).width = 70;
    ws.getCell(2, col('kandas')).value = true;
    await raw.xlsx.writeFile(path);

    // A later run imports one pupil with a long name and a category into that class: no formatting is asked.
    const longName = 'Құрманғалиева-Сейітжанова Айсұлу-Жанерке Нұрсұлтанқызы';
    const book = await XlsxWorkbook.open(path);
    const header = ['class', 'full_name', 'iin', 'birth_date', 'sex', 'categories'];
    const plan = planImport(book.read(), { header, records: [{ line: 2, raw: [tab.className, longName, '', '2014-06-06', 'F', 'orphan'] }] }, 'late.csv', new Date('2025-10-01T00:00:00Z'));
    expect(plan.changes.some((c) => c.kind === 'formatTable')).toBe(false);
    book.apply(plan.changes);
    await book.save(path);

    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(path);
    const sheet = after.getWorksheet(tab.tab.title)!;
    expect(sheet.getColumn(col('full_name')).width).toBeGreaterThanOrEqual(longName.length);
    expect(sheet.getColumn(col('address')).width).toBe(70);
    expect(sheet.getCell(2, col('kandas')).value).toBe(true);
    const row = sheet.getColumn(col('full_name')).values.indexOf(longName);
    expect(sheet.getCell(row, col('orphan')).value).toBe('иә');
    expect(sheet.getCell(row, col('kandas')).value).toBeNull();
    expect(sheet.getCell(row, col('full_name')).protection?.locked).toBe(false);
    const reread = readRegistry((await XlsxWorkbook.open(path)).read());
    expect(reread.pupils.find((p) => p.fullName === longName)?.categories).toEqual(['orphan']);
    expect(reread.pupils.find((p) => p.className === tab.className && p.row === 2)?.categories).toContain('kandas');
  }, 60_000);
});
