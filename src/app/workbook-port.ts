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
  /** The dropdown's values (choice, language, sex), spelt in the workbook's language. */
  allowed?: string[];
  /**
   * A checkbox column's two words where the workbook has no real checkboxes (.xlsx), in the workbook's language.
   * The dropdown offers both; a tick written into the column is saved as `yes`, an unticked box as an empty cell
   * (so that reading back gives the text, which parseFlag reads as the same boolean). Sheets keeps real checkboxes.
   */
  flag?: { yes: string; no: string };
  /** What a person is told on entering a cell of the column, and when a value breaks its rule (a warning only). */
  hint?: ColumnHint;
}

/** The teacher's help for one column, in the workbook's language; adapters cut it to what their spreadsheet shows. */
export interface ColumnHint {
  title: string;
  prompt: string;
  /** Absent where the column has no rule to break (free text, a list of categories). */
  errorTitle?: string;
  error?: string;
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
  /**
   * Header row frozen, columns typed (dropdowns, checkboxes, dates, IIN as plain text), the header protected where
   * the adapter can. `frozenColumns`: columns kept in view on the left (a class tab's pupil name); absent, the tab
   * keeps what it has.
   */
  | { kind: 'formatTable'; tab: TabRef; headerRow: number; columns: ColumnFormat[]; frozenColumns?: number };

export interface WorkbookPort {
  /** Everything the workbook holds, in one read. */
  read(): WorkbookData;
  /** Applies the changes in order, in one write. */
  apply(changes: readonly WorkbookChange[]): void;
}
