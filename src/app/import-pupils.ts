// Importing pupils from a CSV: each row goes to its class tab (created when missing), under the rows
// already there; a row that cannot be placed is returned with its line and reason, never dropped.
import { cellText, fold, parseDate, parseFlag, parseSex } from '../domain/cells';
import { categoryFinder } from '../domain/catalogue';
import { compareClassNames, parseClassName } from '../domain/class-name';
import { RegistryError, rejectReasons, say, where, words } from '../domain/i18n';
import { normalizeIin } from '../domain/iin';
import { readRegistry, type Registry } from '../domain/registry';
import type { Cell, TabData, WorkbookData } from '../domain/sheet';
import { headerNames } from '../domain/table';
import { classColumns, type ColumnSpec, type Lang } from '../domain/template';
import { classTabKey, columnFormats, completeHeader, headerRow } from './setup';
import type { TabRef, WorkbookChange } from './workbook-port';

/** What the import reads: the CSV as records with their line numbers (see src/local/csv-file.ts). */
export interface ImportTable {
  header: string[];
  records: { line: number; values: Record<string, string>; raw: string[] }[];
}

export interface ImportReject {
  line: number;
  raw: string[];
  reason: string;
}

export interface ImportResult {
  changes: WorkbookChange[];
  placed: { className: string; count: number; created: boolean }[];
  rejects: ImportReject[];
  /** CSV columns that name nothing Qamqor keeps: reported and ignored. */
  ignoredColumns: string[];
}

/** CSV columns beyond the class tab's own: `class` places the row, `categories` lists codes. */
const CLASS_COLUMN = 'class';
const CATEGORIES_COLUMN = 'categories';

export function planImport(book: WorkbookData, table: ImportTable, file: string, today = new Date()): ImportResult {
  const registry = readRegistry(book);
  const lang = registry.lang;
  const columns = classColumns(registry.catalogue);
  const { byHeader, ignoredColumns } = matchCsvColumns(table.header, columns);
  if (![...byHeader.values()].includes(CLASS_COLUMN)) throw new RegistryError('csv_no_class_column', { file });
  const findCategory = categoryFinder(registry.catalogue);
  const known = new Map(registry.pupils.filter((p) => p.iin).map((p) => [p.iin, p]));

  const rowsByClass = new Map<string, Cell[][]>();
  const rejects: ImportReject[] = [];
  for (const record of table.records) {
    const value = (key: string) => {
      for (const [header, k] of byHeader) if (k === key) return record.values[header] ?? '';
      return '';
    };
    const reject = (reason: string) => rejects.push({ line: record.line, raw: record.raw, reason });
    const classText = value(CLASS_COLUMN);
    const cls = parseClassName(classText);
    if (!classText) reject(say(rejectReasons.no_class, lang));
    else if (!cls) reject(say(rejectReasons.bad_class, lang, { value: classText }));
    else {
      const iin = normalizeIin(value('iin'));
      const existing = iin ? known.get(iin) : undefined;
      if (existing) reject(say(rejectReasons.iin_exists, lang, { value: iin, other: say(where, lang, { tab: existing.tab, row: existing.row }) }));
      else {
        const cells = pupilCells(columns, value, findCategory, lang, today);
        if (!rowsByClass.has(cls.name)) rowsByClass.set(cls.name, []);
        rowsByClass.get(cls.name)!.push(cells);
      }
    }
  }

  const changes: WorkbookChange[] = [];
  const placed: ImportResult['placed'] = [];
  const tabsByClass = new Map(registry.classTabs.map((ct) => [ct.className, ct.tab]));
  for (const className of [...rowsByClass.keys()].sort(compareClassNames)) {
    const rows = rowsByClass.get(className)!;
    const tab = tabsByClass.get(className);
    changes.push(...(tab ? appendToTab(tab, columns, rows, registry) : newClassTab(className, columns, rows, lang)));
    placed.push({ className, count: rows.length, created: !tab });
  }
  const listed = new Set(registry.classes.map((c) => c.name));
  const unlisted = placed.map((p) => p.className).filter((name) => !listed.has(name));
  if (unlisted.length && registry.tabs.classes) {
    changes.push({ kind: 'appendRows', tab: { id: registry.tabs.classes.id }, values: unlisted.map((name) => [name]) });
  }
  return { changes, placed, rejects, ignoredColumns };
}

/** Which class-tab column each CSV header feeds: by key, Kazakh or Russian header, or a known alias. */
function matchCsvColumns(header: readonly string[], columns: readonly ColumnSpec[]) {
  const names = new Map<string, string>();
  for (const c of columns) for (const n of headerNames(c)) if (!names.has(n)) names.set(n, c.key);
  for (const extra of [CLASS_COLUMN, 'сынып', 'класс']) names.set(fold(extra), CLASS_COLUMN);
  for (const extra of [CATEGORIES_COLUMN, 'санаттар', 'категории']) names.set(fold(extra), CATEGORIES_COLUMN);
  const byHeader = new Map<string, string>();
  const ignoredColumns: string[] = [];
  for (const h of header) {
    const key = names.get(fold(h));
    if (key && ![...byHeader.values()].includes(key)) byHeader.set(h, key);
    else if (h.trim() !== '') ignoredColumns.push(h);
  }
  return { byHeader, ignoredColumns };
}

/** One pupil's row in the class tab's column order; what cannot be parsed is kept as typed. */
function pupilCells(
  columns: readonly ColumnSpec[],
  value: (key: string) => string,
  findCategory: ReturnType<typeof categoryFinder>,
  lang: Lang,
  today: Date,
): Cell[] {
  const ticked = new Set<string>();
  const unknown: string[] = [];
  for (const token of value(CATEGORIES_COLUMN).split(/[;,]+/).map((t) => t.trim()).filter(Boolean)) {
    const c = findCategory(token);
    if (c) ticked.add(c.code);
    else unknown.push(token);
  }
  const other = [value('other_categories'), ...unknown].filter(Boolean).join('; ');
  return columns.map((c): Cell => {
    const text = c.key === 'other_categories' ? other : value(c.key);
    switch (c.type) {
      case 'checkbox': {
        if (ticked.has(c.key)) return true;
        if (text === '') return false;
        return parseFlag(text) ?? text;
      }
      case 'date': {
        const iso = text ? parseDate(text) : null;
        return iso && iso <= today.toISOString().slice(0, 10) ? new Date(`${iso}T00:00:00Z`) : text || null;
      }
      case 'sex': {
        const sex = parseSex(text);
        return sex ? (sex === 'M' ? words.sexMale[lang] : words.sexFemale[lang]) : text || null;
      }
      case 'integer':
        return /^\d+$/.test(text) ? Number(text) : text || null;
      default:
        return text || null;
    }
  });
}

function numbered(rows: Cell[][], columns: readonly ColumnSpec[], first: number): Cell[][] {
  const at = columns.findIndex((c) => c.key === 'row_no');
  return rows.map((r, i) => (at < 0 ? r : r.map((cell, col) => (col === at ? first + i : cell))));
}

function newClassTab(className: string, columns: readonly ColumnSpec[], rows: Cell[][], lang: Lang): WorkbookChange[] {
  const tab: TabRef = { key: classTabKey(className) };
  return [
    { kind: 'addTab', key: classTabKey(className), title: className },
    { kind: 'writeCells', tab, row: 0, col: 0, values: [headerRow(columns, lang), ...numbered(rows, columns, 1)] },
    { kind: 'formatTable', tab, headerRow: 0, columns: columnFormats(columns) },
  ];
}

/** Rows go under the last row holding anything, each value into its column wherever the teacher moved it. */
function appendToTab(tab: TabData, columns: readonly ColumnSpec[], rows: Cell[][], registry: Registry): WorkbookChange[] {
  const header = completeHeader(tab, columns, registry.lang);
  let last = tab.rows.length;
  while (last > 0 && !tab.rows[last - 1].some((c) => cellText(c) !== '')) last--;
  const width = Math.max(...header.columns.values()) + 1;
  const already = registry.pupils.filter((p) => p.tab === tab.title).length;
  const placed = numbered(rows, columns, already + 1).map((r) => {
    const out: Cell[] = new Array(width).fill(null);
    columns.forEach((c, i) => (out[header.columns.get(c.key)!] = r[i]));
    return out;
  });
  return [...header.changes, { kind: 'writeCells', tab: { id: tab.id }, row: Math.max(last, header.headerRow + 1), col: 0, values: placed }];
}
