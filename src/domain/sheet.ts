// What the engine sees of a workbook: tabs of plain cell values, read in one go by an adapter.
// Rows and columns here are 0-based; issues and messages speak 1-based sheet rows.

export type Cell = string | number | boolean | Date | null;

export interface FormulaCell {
  row: number;
  col: number;
  formula: string;
}

export interface TabData {
  /** The adapter's stable identity of the tab (Sheets sheetId, xlsx sheetId). */
  id: string;
  /** The role Qamqor gave the tab ("settings", "class:5А"…) when it created it, kept across renames. */
  key: string | null;
  title: string;
  rows: Cell[][];
  /** Cells holding a real formula; their value in `rows` is the computed result. */
  formulas: FormulaCell[];
}

export interface WorkbookData {
  tabs: TabData[];
}
