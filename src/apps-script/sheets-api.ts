// The Sheets API v4 as Qamqor speaks it: Google's own schema types (googleapis' sheets_v4, the discovery document
// made TypeScript), narrowed where Qamqor always sets a field, so a misspelled or misplaced field fails the type
// check; and the field mask of the one read each action makes.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';

export type SheetsRequest = sheets_v4.Schema$Request;
export type BatchUpdateRequest = sheets_v4.Schema$BatchUpdateSpreadsheetRequest;
export type BatchUpdateResponse = sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
/** What a read returns: every field optional, as the REST API leaves out what is not asked or at its default. */
export type SheetsSpreadsheet = sheets_v4.Schema$Spreadsheet;
export type SheetsSheet = sheets_v4.Schema$Sheet;
export type ExtendedValue = sheets_v4.Schema$ExtendedValue;
export type Color = sheets_v4.Schema$Color;
export type TextFormatRun = sheets_v4.Schema$TextFormatRun;
export type RowData = sheets_v4.Schema$RowData;
export type DeveloperMetadata = sheets_v4.Schema$DeveloperMetadata;
export type Editors = sheets_v4.Schema$Editors;
export type EmbeddedChart = sheets_v4.Schema$EmbeddedChart;
/** A cell and a protection as a read returns them (any field may be absent). */
export type ReadCell = sheets_v4.Schema$CellData;
export type ReadProtectedRange = sheets_v4.Schema$ProtectedRange;

export interface GridRange extends sheets_v4.Schema$GridRange {
  sheetId: number;
}

export interface GridCoordinate extends sheets_v4.Schema$GridCoordinate {
  sheetId: number;
  rowIndex: number;
  columnIndex: number;
}

export interface NumberFormat extends sheets_v4.Schema$NumberFormat {
  type: 'TEXT' | 'NUMBER' | 'PERCENT' | 'CURRENCY' | 'DATE' | 'TIME' | 'DATE_TIME' | 'SCIENTIFIC';
}

export interface CellFormat extends sheets_v4.Schema$CellFormat {
  numberFormat?: NumberFormat;
}

export interface CellData extends sheets_v4.Schema$CellData {
  userEnteredFormat?: CellFormat;
}

export interface DataValidationRule extends sheets_v4.Schema$DataValidationRule {
  condition: sheets_v4.Schema$BooleanCondition & { type: string };
}

/** A protection as Qamqor compares it: its range always there (a missing one, sheet 0's whole sheet, read as `{ sheetId: 0 }`). */
export interface ProtectedRange extends sheets_v4.Schema$ProtectedRange {
  protectedRangeId?: number;
  range: GridRange;
  description?: string;
  editors?: Editors;
}

export interface ChartSourceRange extends sheets_v4.Schema$ChartSourceRange {
  sources: GridRange[];
}

export interface BasicChartSeries extends sheets_v4.Schema$BasicChartSeries {
  series: { sourceRange: ChartSourceRange };
  targetAxis?: 'BOTTOM_AXIS' | 'LEFT_AXIS' | 'RIGHT_AXIS';
}

export interface BasicChartSpec extends sheets_v4.Schema$BasicChartSpec {
  chartType: 'BAR' | 'COLUMN' | 'LINE';
  domains: { domain: { sourceRange: ChartSourceRange } }[];
  series: BasicChartSeries[];
}

export interface ChartSpec extends sheets_v4.Schema$ChartSpec {
  basicChart?: BasicChartSpec;
}

/**
 * The one read of an action: tabs, their keys, protections, chart ids, and per cell only what a person put there —
 * the value (a formula's result), a formula, the value as displayed (it tells a date from a number and names a
 * formula's error), the note and the background (Qamqor's marks). No cell's format is asked: Google returns every
 * formatted cell for it, and set-up formats typed columns down to row 1000 in every class tab (53 MB for 100 empty
 * tabs). Without it only cells holding something come back, so the read grows with the pupils, not with the tabs.
 */
export const READ_FIELDS = [
  'properties(title,locale,timeZone)',
  'sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount,frozenRowCount))',
  'developerMetadata(metadataId,metadataKey,metadataValue)',
  'protectedRanges(protectedRangeId,range,description,warningOnly,requestingUserCanEdit,editors)',
  'charts(chartId)',
  'data(rowData(values(userEnteredValue/formulaValue,effectiveValue,formattedValue,note,userEnteredFormat/backgroundColor))))',
].join(',');
