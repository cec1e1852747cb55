// The demo's registry as LibreOffice Calc shows it to a class teacher, and as LibreOffice saves it again: frozen
// panes, widths, dropdowns and hints in the workbook's language, the header protected and the rows editable. Run
// where `soffice` and python3-uno are installed (Debian: libreoffice-calc, python3-uno); skipped, saying so, elsewhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegistry, type Registry } from '../../src/domain/registry/registry';
import type { Lang } from '../../src/domain/template';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { attr, elements, findElement, innerOf, unescapeXml } from '../../src/local/xlsx/xml';
import { ZipReader } from '../../src/local/xlsx/zip';
import { demoXlsx } from '../support/demo-registry';
import { PYTHON } from '../support/openpyxl';

const SCRIPT = join(__dirname, '..', 'support', 'libreoffice-view.py');

/** Why LibreOffice cannot be driven here, or null. */
const missing = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
  } catch {
    return 'soffice is not installed';
  }
  try {
    execFileSync(PYTHON, ['-c', 'import uno'], { stdio: 'pipe' });
  } catch {
    return 'python3-uno is not installed';
  }
  return null;
})();

interface ColumnView {
  header: string;
  /** 1/100 mm. */
  width: number;
  headerLocked: boolean;
  dataLocked: boolean;
  validation: { type: string; formula1: string; showInput: boolean; inputTitle: string; input: string; showError: boolean; errorTitle: string; error: string; alert: string };
}
interface SheetView {
  frozen: boolean;
  splitColumn: number;
  splitRow: number;
  protected: boolean;
  rightOfTableLocked: boolean;
  columns: Record<string, ColumnView>;
}

const WORDS = {
  kk: { yes: 'иә', no: 'жоқ', sex: ['ұл', 'қыз'], settings: 'Баптаулар' },
  ru: { yes: 'да', no: 'нет', sex: ['М', 'Ж'], settings: 'Настройки' },
} as const;

(missing ? describe.skip : describe)(`the demo registry in LibreOffice Calc${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'qamqor-lo-view-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const books = {} as Record<Lang, { source: string; saved: string; registry: Registry; classTab: string; view: Record<string, SheetView>; typed: Record<string, string> }>;

  beforeAll(async () => {
    const jobs: string[] = [];
    for (const lang of ['kk', 'ru'] as const) {
      const source = join(dir, `registry-${lang}.xlsx`);
      await demoXlsx(source, { pupils: 120, language: lang, schoolYear: '2025-2026' });
      const registry = readRegistry((await XlsxWorkbook.open(source)).read());
      // The class with the longest name: the one a cut column would show first.
      const classTab = registry.pupils.reduce((a, b) => (b.fullName.length > a.fullName.length && !b.formulaColumns.length ? b : a)).className;
      books[lang] = { source, saved: join(dir, `saved-${lang}.xlsx`), registry, classTab, view: {}, typed: {} };
      jobs.push(source, books[lang].saved, `${classTab},${WORDS[lang].settings}`);
    }
    const out = execFileSync(PYTHON, [SCRIPT, join(dir, 'profile'), ...jobs], { encoding: 'utf8', timeout: 240_000 });
    const report = JSON.parse(out) as Record<string, Record<string, SheetView> & { typed: Record<string, string> }>;
    for (const lang of ['kk', 'ru'] as const) {
      const { typed, ...view } = report[books[lang].source];
      books[lang].view = view as Record<string, SheetView>;
      books[lang].typed = typed;
    }
  }, 300_000);

  const longestName = (registry: Registry, className: string) =>
    Math.max(...registry.pupils.filter((p) => p.className === className && p.formulaColumns.length === 0).map((p) => p.fullName.length));
  const columnLetter = (registry: Registry, className: string, key: string) => {
    const col = registry.classTabs.find((c) => c.className === className)!.map.columns.get(key) as number;
    return col < 26 ? String.fromCharCode(65 + col) : `${String.fromCharCode(64 + Math.floor(col / 26))}${String.fromCharCode(65 + (col % 26))}`;
  };

  describe.each(['kk', 'ru'] as const)('%s', (lang) => {
    it('opens a class tab frozen below the header and right of the pupil’s name, another tab below the header only', () => {
      const { view, classTab } = books[lang];
      expect(view[classTab]).toMatchObject({ frozen: true, splitColumn: 2, splitRow: 1 });
      expect(view[WORDS[lang].settings]).toMatchObject({ frozen: true, splitColumn: 0, splitRow: 1 });
    });

    it('shows the name column wide enough for the longest name', () => {
      const { view, classTab, registry } = books[lang];
      const name = view[classTab].columns[columnLetter(registry, classTab, 'full_name')];
      // LibreOffice measures in 1/100 mm: a character of Calibri 11 is about two millimetres wide.
      expect(name.width).toBeGreaterThanOrEqual(longestName(registry, classTab) * 200);
    });

    it('offers the sex and checkbox dropdowns in the workbook’s language, each column with its hint and a warning', () => {
      const { view, classTab, registry } = books[lang];
      const columns = view[classTab].columns;
      const sex = columns[columnLetter(registry, classTab, 'sex')].validation;
      expect(sex).toMatchObject({ type: 'LIST', formula1: WORDS[lang].sex.map((w) => `"${w}"`).join(';'), showInput: true, showError: true, alert: 'WARNING' });
      const tick = columns[columnLetter(registry, classTab, 'orphan')].validation;
      expect(tick).toMatchObject({ type: 'LIST', formula1: `"${WORDS[lang].yes}";"${WORDS[lang].no}"`, showInput: true, alert: 'WARNING' });
      expect(tick.input).toContain(WORDS[lang].yes);
      for (const spec of registry.classTabs[0].columns.filter((c) => c.type !== 'text')) {
        const v = columns[columnLetter(registry, classTab, spec.key)].validation;
        expect({ key: spec.key, showInput: v.showInput, hinted: v.input.length > 5 }).toEqual({ key: spec.key, showInput: true, hinted: true });
      }
    });

    it('protects the header: header cells locked, every data cell and the columns right of the table editable', () => {
      const sheet = books[lang].view[books[lang].classTab];
      expect(sheet.protected).toBe(true);
      expect(sheet.rightOfTableLocked).toBe(false);
      for (const column of Object.values(sheet.columns)) expect([column.header, column.headerLocked, column.dataLocked]).toEqual([column.header, true, false]);
    });

    it('takes what a teacher types in row 2 and below the pupils, and refuses it in the header', () => {
      const { typed, registry, classTab } = books[lang];
      const header = registry.classTabs.find((c) => c.className === classTab)!.tab.rows[0][1];
      const [b1, b2, below] = Object.entries(typed);
      expect(b1).toEqual(['B1', header]);
      expect(b2).toEqual(['B2', 'typed by a teacher']);
      expect(below[1]).toBe('typed by a teacher');
    });

    it('saves it back keeping the widths, the dropdowns with their hints, the protection and every tick', async () => {
      // A headless LibreOffice has no window, and writes no view settings at all: frozen panes are checked on its
      // view above, not in the file it saves.
      const { saved, classTab, registry } = books[lang];
      const zip = new ZipReader(readFileSync(saved));
      const workbook = zip.text('xl/workbook.xml') as string;
      const rid = /r:id="([^"]+)"/.exec(elements(workbook, 'sheet').find((s) => attr(s, 'name') === classTab) as string)?.[1];
      const rels = zip.text('xl/_rels/workbook.xml.rels') as string;
      const target = attr(elements(rels, 'Relationship').find((r) => attr(r, 'Id') === rid) as string, 'Target') as string;
      const xml = zip.text(`xl/${target}`) as string;

      const nameCol = registry.classTabs.find((c) => c.className === classTab)!.map.columns.get('full_name')! + 1;
      const col = elements(innerOf(xml, findElement(xml, 'cols')!, 'cols'), 'col').find((c) => Number(attr(c, 'min')) <= nameCol && nameCol <= Number(attr(c, 'max')))!;
      expect(Number(attr(col, 'width'))).toBeGreaterThanOrEqual(longestName(registry, classTab));
      const protection = /<sheetProtection\b[^>]*>/.exec(xml)?.[0] ?? '';
      expect(attr(protection, 'sheet')).toMatch(/^(1|true)$/);
      expect(attr(protection, 'insertRows')).toMatch(/^(0|false)$/);
      const rules = elements(innerOf(xml, findElement(xml, 'dataValidations')!, 'dataValidations'), 'dataValidation');
      const lists = rules.filter((v) => attr(v, 'type') === 'list').map((v) => unescapeXml(/<formula1>([^<]*)</.exec(v)?.[1] ?? ''));
      expect(lists).toContain(`"${WORDS[lang].sex.join(',')}"`);
      expect(lists).toContain(`"${WORDS[lang].yes},${WORDS[lang].no}"`);
      expect(rules.every((v) => attr(v, 'showInputMessage') === 'true' || attr(v, 'showInputMessage') === '1')).toBe(true);

      const again = readRegistry((await XlsxWorkbook.open(saved)).read());
      const categories = (r: Registry) => r.pupils.map((p) => `${p.className}|${p.fullName}|${[...p.categories].sort().join(',')}`).sort();
      expect(categories(again)).toEqual(categories(registry));
    });
  });
});
