// The workbook port: what a use case asks of a workbook, whatever holds it (memory, .xlsx, Google Sheets).
// An action reads everything in one call and writes everything in one call; nothing in between.
import type { Cell, WorkbookData } from '../domain/sheet';
import type { ColumnType } from '../domain/template';

/** A tab named by its adapter id (existing tabs) or by the key Qamqor gives it (tabs added in the same batch). */
export type TabRef = { id: string } | { key: string };

/** How a column is kept: its type and allowed values drive dropdowns, checkboxes and text formats. */
export interface ColumnFormat {
  /** 0-based column index. */
  col: number;
  type: ColumnType;
  allowed?: string[];
}

export type WorkbookChange =
  /** A new tab; `key` is its stable identity, kept across renames. */
  | { kind: 'addTab'; key: string; title: string }
  | { kind: 'renameTab'; tab: TabRef; title: string; key?: string }
  /** Only for tabs whose every row has been copied elsewhere in the same batch (graduates). */
  | { kind: 'removeTab'; tab: TabRef }
  /**
   * Writes a rectangle of values from a 0-based (row, col); every string stays text, never a formula.
   * A shorter row writes only its own cells and leaves the rest of its line as it was; null or '' clears a cell.
   */
  | { kind: 'writeCells'; tab: TabRef; row: number; col: number; values: Cell[][] }
  /** Writes rows after the last row that holds anything. */
  | { kind: 'appendRows'; tab: TabRef; values: Cell[][] }
  /** Clears the tab and writes the rows from the top: only for tabs Qamqor owns (passport, issues). */
  | { kind: 'replaceRows'; tab: TabRef; values: Cell[][] }
  /** Header row frozen, columns typed (dropdowns, checkboxes, dates, IIN as plain text). */
  | { kind: 'formatTable'; tab: TabRef; headerRow: number; columns: ColumnFormat[] };

export interface WorkbookPort {
  /** Everything the workbook holds, in one read. */
  read(): WorkbookData;
  /** Applies the changes in order, in one write. */
  apply(changes: readonly WorkbookChange[]): void;
}
