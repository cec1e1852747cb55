// Importing pupils from a CSV: each row goes to its class tab (created when missing), under the rows
// already there; a row that cannot be placed is returned with its line and reason, never dropped.
import { cellText, fold, parseDate, parseFlag, parseSex } from '../domain/cells';
import { compareClassNames, parseClassName } from '../domain/registry/class-name';
import { RegistryError, rejectReasons, say, where, words } from '../domain/i18n';
import { normalizeIin } from '../domain/registry/iin';
import { categoryMatcher, readRegistry, type Registry } from '../domain/registry/registry';
import type { Cell, TabData, WorkbookData } from '../domain/sheet';
import { findHeader, matchFileColumns } from '../domain/table';
import { classColumns, type Category, type ColumnSpec, type Lang } from '../domain/template';
import { classTabKey, columnFormats, completeHeader, frozenColumns, headerRow } from './setup';
import { arrivalLogChanges } from './registers-append';
import type { TabRef, WorkbookChange } from './workbook-port';

/**
 * What the import reads: the CSV's header and records, each with the line it starts on and its fields as written
 * (see src/local/csv-file.ts). A field is found by its header's position, so a record holds its fields once.
 */
export interface ImportTable {
  header: readonly string[];
  records: readonly {
    line: number;
    raw: readonly string[];
    /** Accepted and ignored, for callers written when records carried their fields by name as well. */
    values?: unknown;
  }[];
}

export interface ImportReject {
  line: number;
  raw: readonly string[];
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

/** The most characters an Excel cell holds; Excel opening a CSV spills a longer field into the rows below. */
export const CELL_LIMIT = 32_767;

/** Where a pupil met before sits: a row of the registry, or a line of this file. */
type Seen = { tab: string; row: number } | { line: number };

export function planImport(book: WorkbookData, table: ImportTable, file: string, today = new Date()): ImportResult {
  const registry = readRegistry(book);
  const lang = registry.lang;
  const columns = classColumns(registry.catalogue);
  const { columnAt, ignoredColumns } = matchFileColumns(table.header, columns, {
    [CLASS_COLUMN]: ['сынып', 'класс'],
    [CATEGORIES_COLUMN]: ['санаттар', 'категории'],
  });
  if (!columnAt.has(CLASS_COLUMN)) throw new RegistryError('csv_no_class_column', { file });
  const findCategory = categoryMatcher(registry.catalogue);

  // Importing a file twice must add nobody twice. Pupils are the same when their IINs are; when one of the two has
  // no IIN, when their full name, birth date and class are (see `pupilKey`).
  const byIin = new Map<string, { seen: Seen; name: string }>();
  const byKey = new Map<string, { first: Seen; withoutIin?: Seen }>();
  const remember = (iin: string, key: string | null, seen: Seen, name: string) => {
    if (iin && !byIin.has(iin)) byIin.set(iin, { seen, name: fold(name) });
    if (key === null) return;
    const entry = byKey.get(key) ?? { first: seen };
    if (!iin) entry.withoutIin ??= seen;
    byKey.set(key, entry);
  };
  for (const p of registry.pupils) remember(p.iin, pupilKey(p.fullName, p.birthDate, p.className), { tab: p.tab, row: p.row }, p.fullName);
  const registryPlace = (seen: Seen) => ('tab' in seen ? say(where, lang, { tab: seen.tab, row: seen.row }) : '');

  const rowsByClass = new Map<string, Cell[][]>();
  const arrivals: Parameters<typeof arrivalLogChanges>[1][number][] = [];
  const rejects: ImportReject[] = [];
  for (const record of table.records) {
    const value = (key: string) => {
      const at = columnAt.get(key);
      return at === undefined ? '' : (record.raw[at] ?? '').trim();
    };
    const reject = (reason: string) => rejects.push(rejected(record, reason, file, lang));
    const tooLong = [...columnAt.values()].find((at) => (record.raw[at]?.length ?? 0) > CELL_LIMIT);
    if (tooLong !== undefined) {
      reject(say(rejectReasons.too_long, lang, { column: table.header[tooLong]!, length: grouped(record.raw[tooLong]!.length), limit: grouped(CELL_LIMIT) }));
      continue;
    }
    const classText = value(CLASS_COLUMN);
    const cls = parseClassName(classText);
    if (!classText) {
      reject(say(rejectReasons.no_class, lang));
      continue;
    }
    if (!cls) {
      reject(say(rejectReasons.bad_class, lang, { value: shortened(classText) }));
      continue;
    }
    const iin = normalizeIin(value('iin'));
    const key = pupilKey(value('full_name'), parseDate(value('birth_date')), cls.name);
    const knownIin = iin ? byIin.get(iin) : undefined;
    // Within the file, one IIN under two names is two rows for a person to compare: both are placed and validation
    // shows the pair (duplicate_iin). Under one name it is the same child listed again.
    const sameIin = knownIin && ('tab' in knownIin.seen || knownIin.name === fold(value('full_name'))) ? knownIin.seen : undefined;
    const sameKey = key === null ? undefined : byKey.get(key);
    // A row with an IIN is the same as one without it only if the earlier pupil had none: two IINs that differ
    // are two children, whatever their names.
    const sameName = iin ? sameKey?.withoutIin : sameKey?.first;
    if (sameIin) {
      reject('tab' in sameIin
        ? say(rejectReasons.iin_exists, lang, { value: iin, other: registryPlace(sameIin) })
        : say(rejectReasons.iin_in_file, lang, { value: iin, line: sameIin.line }));
      continue;
    }
    if (sameName) {
      const reason = iin
        ? 'tab' in sameName ? rejectReasons.pupil_exists_without_iin : rejectReasons.pupil_in_file_without_iin
        : 'tab' in sameName ? rejectReasons.pupil_exists : rejectReasons.pupil_in_file;
      reject(say(reason, lang, { other: registryPlace(sameName), line: 'line' in sameName ? sameName.line : '' }));
      continue;
    }
    const cells = pupilCells(columns, value, findCategory, lang, today);
    // "Other categories" joins two CSV columns, so it can outgrow a cell that neither field did.
    const overflow = cells.findIndex((c) => typeof c === 'string' && c.length > CELL_LIMIT);
    if (overflow >= 0) {
      reject(say(rejectReasons.too_long, lang, { column: columns[overflow]!.header[lang], length: grouped((cells[overflow] as string).length), limit: grouped(CELL_LIMIT) }));
      continue;
    }
    remember(iin, key, { line: record.line }, value('full_name'));
    if (!rowsByClass.has(cls.name)) rowsByClass.set(cls.name, []);
    rowsByClass.get(cls.name)!.push(cells);
    // A pupil who joins during the year is logged in the movements tab too (src/app/registers-append.ts).
    const arrivedOn = value('arrived_on') ? parseDate(value('arrived_on')) : null;
    if (arrivedOn) arrivals.push({ iin, fullName: value('full_name'), className: cls.name, arrivedOn, from: value('arrived_from') });
  }

  const changes: WorkbookChange[] = [];
  const placed: ImportResult['placed'] = [];
  const tabsByClass = new Map(registry.classTabs.map((ct) => [ct.className, ct.tab]));
  for (const className of [...rowsByClass.keys()].sort(compareClassNames)) {
    const rows = rowsByClass.get(className)!;
    const tab = tabsByClass.get(className);
    changes.push(...(tab ? appendToTab(tab, columns, rows, registry) : newClassTab(className, columns, rows, lang, registry.catalogue)));
    placed.push({ className, count: rows.length, created: !tab });
  }
  const listed = new Set(registry.classes.map((c) => c.name));
  const unlisted = placed.map((p) => p.className).filter((name) => !listed.has(name));
  if (unlisted.length && registry.tabs.classes) {
    changes.push({ kind: 'appendRows', tab: { id: registry.tabs.classes.id }, values: unlisted.map((name) => [name]) });
  }
  changes.push(...arrivalLogChanges(registry, arrivals));
  return { changes, placed, rejects, ignoredColumns };
}

/**
 * A pupil as a person would recognise them without an IIN: the full name however it was typed (case, spaces,
 * ё or е, punctuation), the birth date whatever its format, and the class. No name, no key: nothing to compare.
 */
function pupilKey(fullName: string, birthDate: string | null, className: string): string | null {
  const name = fold(fullName);
  return name ? `${name}\u0000${birthDate ?? ''}\u0000${className}` : null;
}

/**
 * The record as the rejects file gets it. A field longer than a cell is cut there, with a note: Excel, opening
 * the rejects file, would otherwise spill it over the rows below. The source file keeps the whole text.
 */
function rejected(record: ImportTable['records'][number], reason: string, file: string, lang: Lang): ImportReject {
  if (!record.raw.some((f) => f.length > CELL_LIMIT)) return { line: record.line, raw: record.raw, reason };
  const raw = record.raw.map((f) => {
    if (f.length <= CELL_LIMIT) return f;
    // Never end on half of a surrogate pair: it would be written as U+FFFD.
    const end = isHighSurrogate(f.charCodeAt(CELL_LIMIT - 2)) ? CELL_LIMIT - 2 : CELL_LIMIT - 1;
    return `${f.slice(0, end)}…`;
  });
  return { line: record.line, raw, reason: `${reason}; ${say(rejectReasons.cut_in_rejects, lang, { limit: grouped(CELL_LIMIT), file })}` };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A value quoted in a reason, cut so that the reason stays readable (and fits a cell). */
function shortened(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** 32767 → "32 767", as numbers are written in Kazakh and Russian. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
}

/** One pupil's row in the class tab's column order; what cannot be parsed is kept as typed. */
function pupilCells(
  columns: readonly ColumnSpec[],
  value: (key: string) => string,
  findCategory: ReturnType<typeof categoryMatcher>,
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

function newClassTab(className: string, columns: readonly ColumnSpec[], rows: Cell[][], lang: Lang, catalogue: readonly Category[]): WorkbookChange[] {
  const tab: TabRef = { key: classTabKey(className) };
  return [
    { kind: 'addTab', key: classTabKey(className), title: className },
    { kind: 'writeCells', tab, row: 0, col: 0, values: [headerRow(columns, lang), ...numbered(rows, columns, 1)] },
    { kind: 'formatTable', tab, headerRow: 0, columns: columnFormats(columns, lang, { catalogue }), frozenColumns: frozenColumns(columns) },
  ];
}

const ARRIVAL_COLUMNS: ReadonlySet<string> = new Set(['arrived_on', 'arrived_from']);

/** Rows go under the last row holding anything, each value into its column wherever the teacher moved it. */
function appendToTab(tab: TabData, all: readonly ColumnSpec[], rows: Cell[][], registry: Registry): WorkbookChange[] {
  // The arrival columns join a tab made before they existed only with a pupil who arrived: an import of the usual
  // kind leaves the teacher's tab (its header, formats and validations) as it was. Set-up's repair adds them anyway.
  const found = findHeader(tab, all)?.columns;
  const columns = all.filter((c, i) => !ARRIVAL_COLUMNS.has(c.key) || found?.has(c.key) || rows.some((r) => r[i] !== null && r[i] !== ''));
  rows = rows.map((r) => r.filter((_, i) => columns.includes(all[i]!)));
  const header = completeHeader(tab, columns, registry.lang, registry.catalogue);
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
