// Finding a tab's header row and its columns by header, in Kazakh, in Russian or by column key,
// whatever their order, with extra columns kept aside and blank rows skipped.
import { cellText, fold } from './cells';
import type { Cell, TabData } from './sheet';
import type { ColumnSpec } from './template';
import { RegistryError } from './i18n';

/** How far down a tab a header row is looked for (title rows above it are common). */
const HEADER_SCAN_ROWS = 10;

export interface TableMap {
  /** 0-based index of the header row. */
  headerRow: number;
  /** Column key → 0-based column index. */
  columns: Map<string, number>;
  /** Columns whose header matched no spec: kept so that nothing a teacher wrote is lost. */
  extra: { col: number; header: string }[];
}

/** Every text a header may be written as, folded for matching. */
export function headerNames(spec: ColumnSpec): string[] {
  return [spec.key, spec.header.kk, spec.header.ru, ...spec.aliases].map(fold);
}

/**
 * Which column of a file (CSV) feeds each column of a tab: by key, Kazakh or Russian header, or alias, the first
 * file column of a name winning; `more` names columns the tab does not have (a pupils file's class). Columns naming
 * nothing are returned to be reported, never silently dropped.
 */
export function matchFileColumns(
  header: readonly string[],
  columns: readonly ColumnSpec[],
  more: Readonly<Record<string, readonly string[]>> = {},
): { columnAt: Map<string, number>; ignoredColumns: string[] } {
  const names = new Map<string, string>();
  // Keys and headers first: another column's alias never takes a column's own name.
  for (const c of columns) for (const n of [c.key, c.header.kk, c.header.ru].map(fold)) if (!names.has(n)) names.set(n, c.key);
  for (const c of columns) for (const n of headerNames(c)) if (!names.has(n)) names.set(n, c.key);
  for (const [key, spellings] of Object.entries(more)) for (const n of [key, ...spellings]) names.set(fold(n), key);
  const columnAt = new Map<string, number>();
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const key = names.get(fold(h));
    if (key && !columnAt.has(key)) columnAt.set(key, i);
    else if (h.trim() !== '') ignoredColumns.push(h);
  });
  return { columnAt, ignoredColumns };
}

const matchers = new WeakMap<readonly ColumnSpec[], Map<string, string>>();

/** Folded header name → column key; built once per column list, as every class tab shares one. */
function matcher(specs: readonly ColumnSpec[]): Map<string, string> {
  const cached = matchers.get(specs);
  if (cached) return cached;
  const byName = new Map<string, string>();
  matchers.set(specs, byName);
  // Own headers first so that an alias never steals another column's real header.
  for (const spec of specs) for (const name of [spec.key, spec.header.kk, spec.header.ru].map(fold)) if (!byName.has(name)) byName.set(name, spec.key);
  for (const spec of specs) for (const name of spec.aliases.map(fold)) if (!byName.has(name)) byName.set(name, spec.key);
  return byName;
}

function mapRow(row: readonly Cell[], byName: Map<string, string>): TableMap['columns'] {
  const columns = new Map<string, number>();
  row.forEach((cell, col) => {
    if (typeof cell !== 'string') return;
    const key = byName.get(fold(cell));
    if (key && !columns.has(key)) columns.set(key, col);
  });
  return columns;
}

/**
 * The row among the first ten that names the most known columns, and those columns; null if none does.
 * A row naming every required column and at least four in all is taken at once: title rows never do,
 * and scanning on would fold every pupil's name in the rows below.
 */
export function findHeader(tab: TabData, specs: readonly ColumnSpec[]): { headerRow: number; columns: Map<string, number> } | null {
  const byName = matcher(specs);
  const required = specs.filter((s) => s.required).map((s) => s.key);
  let best: { headerRow: number; columns: Map<string, number> } | null = null;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, tab.rows.length); r++) {
    const columns = mapRow(tab.rows[r], byName);
    if (columns.size > (best?.columns.size ?? 0)) best = { headerRow: r, columns };
    if (columns.size >= Math.min(4, specs.length) && required.every((k) => columns.has(k))) break;
  }
  return best;
}

/** How much a tab looks like one of `specs`: the number of their headers found in its header row. */
export function headerScore(tab: TabData, specs: readonly ColumnSpec[]): number {
  return findHeader(tab, specs)?.columns.size ?? 0;
}

/**
 * Maps a tab's columns by header. Throws a RegistryError naming the tab and the column when the header
 * row cannot be found or a required column is missing.
 */
export function mapTable(tab: TabData, specs: readonly ColumnSpec[]): TableMap {
  const best = findHeader(tab, specs);
  const firstRequired = specs.find((s) => s.required) ?? specs[0];
  if (!best) {
    throw new RegistryError('no_header', { tab: tab.title, rows: HEADER_SCAN_ROWS, column: firstRequired.header });
  }
  for (const spec of specs) {
    if (spec.required && !best.columns.has(spec.key)) {
      throw new RegistryError('missing_column', { tab: tab.title, column: spec.header, headerRow: best.headerRow + 1 });
    }
  }
  const used = new Set(best.columns.values());
  const extra = (tab.rows[best.headerRow] ?? [])
    .map((cell, col) => ({ col, header: cellText(cell) }))
    .filter((c) => !used.has(c.col) && c.header !== '');
  return { headerRow: best.headerRow, columns: best.columns, extra };
}

/** The data rows under the header, with their 1-based sheet row numbers, blank rows skipped. */
export function* dataRows(tab: TabData, map: TableMap): Generator<{ row: number; cells: Cell[] }> {
  for (let r = map.headerRow + 1; r < tab.rows.length; r++) {
    const cells = tab.rows[r];
    if (cells.some((c) => cellText(c) !== '')) yield { row: r + 1, cells };
  }
}

export function cellAt(cells: readonly Cell[], map: TableMap, key: string): Cell {
  const col = map.columns.get(key);
  return col === undefined ? null : (cells[col] ?? null);
}
