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

function matcher(specs: readonly ColumnSpec[]): Map<string, string> {
  const byName = new Map<string, string>();
  // Own headers first so that an alias never steals another column's real header.
  for (const spec of specs) for (const name of [spec.key, spec.header.kk, spec.header.ru].map(fold)) if (!byName.has(name)) byName.set(name, spec.key);
  for (const spec of specs) for (const name of spec.aliases.map(fold)) if (!byName.has(name)) byName.set(name, spec.key);
  return byName;
}

function mapRow(row: readonly Cell[], byName: Map<string, string>): TableMap['columns'] {
  const columns = new Map<string, number>();
  row.forEach((cell, col) => {
    const key = byName.get(fold(cellText(cell)));
    if (key && !columns.has(key)) columns.set(key, col);
  });
  return columns;
}

/**
 * Locates the header row (the row among the first ten that names the most known columns) and maps
 * the columns. Throws a RegistryError naming the tab and the column when a required one is missing.
 */
export function mapTable(tab: TabData, specs: readonly ColumnSpec[], lang: 'kk' | 'ru'): TableMap {
  const byName = matcher(specs);
  let best: { row: number; columns: Map<string, number> } | null = null;
  const scan = Math.min(HEADER_SCAN_ROWS, tab.rows.length);
  for (let r = 0; r < scan; r++) {
    const columns = mapRow(tab.rows[r], byName);
    if (columns.size > (best?.columns.size ?? 0)) best = { row: r, columns };
  }
  const firstRequired = specs.find((s) => s.required) ?? specs[0];
  if (!best) {
    throw new RegistryError('no_header', { tab: tab.title, rows: HEADER_SCAN_ROWS, column: firstRequired.header[lang] });
  }
  for (const spec of specs) {
    if (spec.required && !best.columns.has(spec.key)) {
      throw new RegistryError('missing_column', { tab: tab.title, column: spec.header[lang], headerRow: best.row + 1 });
    }
  }
  const used = new Set(best.columns.values());
  const extra = tab.rows[best.row]
    .map((cell, col) => ({ col, header: cellText(cell) }))
    .filter((c) => !used.has(c.col) && c.header !== '');
  return { headerRow: best.row, columns: best.columns, extra };
}

/** The number of header names of `specs` found in the best of the first rows: how much a tab looks like one. */
export function headerScore(tab: TabData, specs: readonly ColumnSpec[]): number {
  const byName = matcher(specs);
  let best = 0;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, tab.rows.length); r++) best = Math.max(best, mapRow(tab.rows[r], byName).size);
  return best;
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
