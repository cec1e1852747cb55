// The Sheets API v4 resources Qamqor reads and the requests it sends, as plain types (a subset of
// Google's reference, same field names), so that the adapter and the fake agree on one shape.

export interface GridRange {
  sheetId: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface GridCoordinate {
  sheetId: number;
  rowIndex: number;
  columnIndex: number;
}

export interface ExtendedValue {
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  formulaValue?: string;
  errorValue?: { type: string; message?: string };
}

export interface NumberFormat {
  type: 'TEXT' | 'NUMBER' | 'PERCENT' | 'CURRENCY' | 'DATE' | 'TIME' | 'DATE_TIME' | 'SCIENTIFIC';
  pattern?: string;
}

export interface Color {
  red?: number;
  green?: number;
  blue?: number;
}

export interface CellFormat {
  numberFormat?: NumberFormat;
  backgroundColor?: Color;
  textFormat?: { bold?: boolean; link?: { uri: string } };
  wrapStrategy?: string;
}

export interface TextFormatRun {
  startIndex?: number;
  format: { link?: { uri: string } };
}

export interface ConditionValue {
  userEnteredValue?: string;
}

export interface DataValidationRule {
  condition: { type: string; values?: ConditionValue[] };
  inputMessage?: string;
  strict?: boolean;
  showCustomUi?: boolean;
}

export interface CellData {
  userEnteredValue?: ExtendedValue;
  effectiveValue?: ExtendedValue;
  formattedValue?: string;
  userEnteredFormat?: CellFormat;
  effectiveFormat?: CellFormat;
  note?: string;
  textFormatRuns?: TextFormatRun[];
  dataValidation?: DataValidationRule;
}

export interface RowData {
  values?: CellData[];
}

export interface GridData {
  startRow?: number;
  startColumn?: number;
  rowData?: RowData[];
}

export interface DeveloperMetadata {
  metadataId?: number;
  metadataKey: string;
  metadataValue?: string;
  location: { sheetId?: number; spreadsheet?: boolean; locationType?: string };
  visibility: 'DOCUMENT' | 'PROJECT';
}

export interface Editors {
  users?: string[];
  groups?: string[];
  domainUsersCanEdit?: boolean;
}

export interface ProtectedRange {
  protectedRangeId?: number;
  range: GridRange;
  description?: string;
  warningOnly?: boolean;
  editors?: Editors;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index?: number;
  gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number };
}

export interface ChartSourceRange {
  sources: GridRange[];
}

export interface ChartSpec {
  title?: string;
  basicChart?: {
    chartType: 'BAR' | 'COLUMN' | 'LINE';
    legendPosition?: string;
    headerCount?: number;
    axis?: { position: string; title?: string }[];
    domains: { domain: { sourceRange: ChartSourceRange } }[];
    series: { series: { sourceRange: ChartSourceRange }; targetAxis?: string }[];
  };
}

export interface EmbeddedChart {
  chartId?: number;
  spec: ChartSpec;
  position: { overlayPosition?: { anchorCell: GridCoordinate; widthPixels?: number; heightPixels?: number } };
}

export interface SheetsSheet {
  properties: SheetProperties;
  data?: GridData[];
  developerMetadata?: DeveloperMetadata[];
  protectedRanges?: ProtectedRange[];
  charts?: EmbeddedChart[];
}

export interface SheetsSpreadsheet {
  spreadsheetId?: string;
  properties?: { title?: string; locale?: string; timeZone?: string };
  sheets?: SheetsSheet[];
}

export type SheetsRequest =
  | { addSheet: { properties: Partial<SheetProperties> & { title: string } } }
  | { deleteSheet: { sheetId: number } }
  | { updateSheetProperties: { properties: Partial<SheetProperties> & { sheetId: number }; fields: string } }
  | { updateSpreadsheetProperties: { properties: { timeZone?: string; locale?: string }; fields: string } }
  | { appendDimension: { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; length: number } }
  | { updateCells: { rows: RowData[]; fields: string; start?: GridCoordinate; range?: GridRange } }
  | { repeatCell: { range: GridRange; cell: CellData; fields: string } }
  | { setDataValidation: { range: GridRange; rule?: DataValidationRule } }
  | { addProtectedRange: { protectedRange: ProtectedRange } }
  | { updateProtectedRange: { protectedRange: ProtectedRange; fields: string } }
  | { deleteProtectedRange: { protectedRangeId: number } }
  | { createDeveloperMetadata: { developerMetadata: DeveloperMetadata } }
  | {
      updateDeveloperMetadata: {
        dataFilters: { developerMetadataLookup: { metadataId: number } }[];
        developerMetadata: Partial<DeveloperMetadata>;
        fields: string;
      };
    }
  | { addChart: { chart: EmbeddedChart } }
  | { updateChartSpec: { chartId: number; spec: ChartSpec } };

export interface BatchUpdateResponse {
  spreadsheetId?: string;
  replies?: unknown[];
}

/** The one read of an action: tabs, their keys, protections, charts and every cell with its note and colour. */
export const READ_FIELDS = [
  'properties(title,locale,timeZone)',
  'sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount,frozenRowCount))',
  'developerMetadata(metadataId,metadataKey,metadataValue)',
  'protectedRanges(protectedRangeId,range,description,editors)',
  'charts(chartId)',
  'data(rowData(values(userEnteredValue,effectiveValue,effectiveFormat(numberFormat(type)),note,userEnteredFormat(backgroundColor)))))',
].join(',');
