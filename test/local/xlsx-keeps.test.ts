// What a school put in its workbook by hand survives Qamqor's saves: a comment, a chart on a sheet of its own,
// its own validations and conditional formatting. The fixture was decorated and saved by openpyxl (which also
// renumbers the sheets); where python3-openpyxl is installed, a fresh one is made and the result re-read by it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbookChange } from '../../src/app/workbook-port';
import { decodeRange, elements, findElement, innerOf, attr, type Rect } from '../../src/local/xlsx/xml';
import { ZipReader } from '../../src/local/xlsx/zip';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliRunner } from '../support/cli';
import { hasOpenpyxl, makeOpenpyxlBook, PYTHON } from '../support/openpyxl';

const FIXTURE = join(__dirname, '..', 'fixtures', 'openpyxl-decorated.xlsx');
const run = cliRunner(new Date('2025-10-15T00:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'qamqor-keeps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zip = (path: string) => new ZipReader(readFileSync(path));

/** The part of the sheet titled `title`. */
function sheetPart(path: string, title: string): string {
  const z = zip(path);
  const workbook = z.text('xl/workbook.xml') as string;
  const tag = elements(workbook, 'sheet').find((s) => attr(s, 'name') === title) as string;
  const rid = /r:id="([^"]+)"/.exec(tag)?.[1];
  const rels = z.text('xl/_rels/workbook.xml.rels') as string;
  const rel = elements(rels, 'Relationship').find((r) => attr(r, 'Id') === rid) as string;
  const target = attr(rel, 'Target') as string;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function validations(xml: string): { sqref: Rect[]; type: string | null; operator: string | null }[] {
  const found = findElement(xml, 'dataValidations');
  if (!found) return [];
  return elements(innerOf(xml, found, 'dataValidations'), 'dataValidation').map((v) => ({
    type: attr(v, 'type'),
    operator: attr(v, 'operator'),
    sqref: (attr(v, 'sqref') ?? '').split(/\s+/).map((a) => decodeRange(a) as Rect),
  }));
}

const overlaps = (a: Rect, b: Rect) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

const books: [string, () => Promise<string>][] = [
  ['the committed openpyxl-decorated fixture', async () => {
    const copy = join(dir, `fixture-${Math.random().toString(36).slice(2)}.xlsx`);
    copyFileSync(FIXTURE, copy);
    return copy;
  }],
];
if (hasOpenpyxl()) {
  books.push(['a book openpyxl decorates now', async () => {
    const path = join(dir, `fresh-${Math.random().toString(36).slice(2)}.xlsx`);
    await makeOpenpyxlBook(path);
    return path;
  }]);
}

describe.each(books)('%s', (_, make) => {
  let path: string;
  let classTitle: string;
  beforeAll(async () => {
    path = await make();
    const book = await XlsxWorkbook.open(path);
    classTitle = (book.read().tabs.find((t) => t.key?.startsWith('class:')) as { title: string }).title;
  }, 60_000);

  it('opens (comments and charts included) and finds its tabs although openpyxl renumbered them', async () => {
    const book = await XlsxWorkbook.open(path);
    expect(book.unplaced).toEqual([]);
    const keys = book.read().tabs.map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['settings', 'classes', 'categories', 'passport']));
  });

  it('keeps the comment, the chart, the drawing and the school sheet byte for byte through an import and passport --write', async () => {
    const before = zip(path);
    const kept = ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml', sheetPart(path, 'Диаграмма')];
    const snapshot = kept.map((p) => before.read(p));
    const classBefore = before.text(sheetPart(path, classTitle)) as string;

    const csv = join(dir, 'two.csv');
    writeFileSync(csv, `class,full_name,iin,birth_date,sex\n${classTitle},Жаңа Оқушы,,2014-05-05,M\n${classTitle},Екінші Оқушы,,2014-06-06,F\n`);
    expect((await run('import', path, csv)).code).toBeLessThanOrEqual(1);
    expect((await run('passport', path, '--write')).code).toBe(0);

    const after = zip(path);
    kept.forEach((p, i) => expect(after.read(p)).toEqual(snapshot[i]));
    const classAfter = after.text(sheetPart(path, classTitle)) as string;
    expect(classAfter).toContain('<legacyDrawing');
    // The school's validations and conditional formatting are untouched by saves that do not format the tab.
    for (const name of ['dataValidations', 'conditionalFormatting']) {
      const [a, b] = [findElement(classBefore, name), findElement(classAfter, name)];
      expect(a && classAfter.slice(b?.start, b?.end)).toBe(a && classBefore.slice(a.start, a.end));
    }
    const rows = (await XlsxWorkbook.open(path)).read().tabs.find((t) => t.title === classTitle)?.rows ?? [];
    expect(rows.flat()).toEqual(expect.arrayContaining(['Жаңа Оқушы', 'Екінші Оқушы']));
  });

  it('formatting a tab twice writes one validation per Qamqor column, none overlapping, and keeps the school rule elsewhere', async () => {
    // What setup asks of a class tab it lays out, given here to a tab that already has the school's rule across it.
    const format = (book: XlsxWorkbook): WorkbookChange => {
      const id = (book.read().tabs.find((t) => t.title === classTitle) as { id: string }).id;
      return { kind: 'formatTable', tab: { id }, headerRow: 0, columns: [{ col: 0, type: 'integer' }, { col: 3, type: 'date' }, { col: 4, type: 'sex' }, { col: 10, type: 'checkbox' }] };
    };
    for (let i = 0; i < 2; i++) {
      const book = await XlsxWorkbook.open(path);
      book.apply([format(book)]);
      await book.save(path);
    }

    const list = validations(zip(path).text(sheetPart(path, classTitle)) as string);
    const ranges = list.flatMap((v) => v.sqref);
    for (let i = 0; i < ranges.length; i++) for (let j = i + 1; j < ranges.length; j++) expect(overlaps(ranges[i], ranges[j])).toBe(false);
    // The school's rule: text shorter than 200 (Qamqor's own IIN rule is a text length too, of exactly 12).
    const own = list.filter((v) => v.type === 'textLength' && v.operator === 'lessThan');
    expect(own).toHaveLength(1);
    // A3:Z500 less columns A, D, E and K from row 2 down: B:C, F:J, L:Z.
    expect(own[0].sqref).toEqual([{ top: 3, bottom: 500, left: 2, right: 3 }, { top: 3, bottom: 500, left: 6, right: 10 }, { top: 3, bottom: 500, left: 12, right: 26 }]);
    // Qamqor's own in the formatted columns: one range per column, from below the header to row 1000.
    for (const column of [1, 4, 5, 11]) {
      const inColumn = list.filter((v) => v.sqref.some((r) => r.left <= column && column <= r.right && r.top >= 2));
      expect(inColumn).toHaveLength(1);
      expect(inColumn[0].sqref).toEqual([{ top: 2, bottom: 1000, left: column, right: column }]);
    }
  });

  (hasOpenpyxl() ? it : it.skip)('is read back by openpyxl with its comment and chart', async () => {
    const out = execFileSync(PYTHON, ['-c', `
import sys
from openpyxl import load_workbook
b = load_workbook(sys.argv[1])
print(b[sys.argv[2]]["B3"].comment.text)
print(len(b["Диаграмма"]._charts))
`, path, classTitle], { encoding: 'utf8' });
    expect(out.split('\n').slice(0, 2)).toEqual(['Мекенжайын тексеру керек', '1']);
  });
});
