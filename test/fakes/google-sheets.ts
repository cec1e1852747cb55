// A fake of Google Sheets, one spreadsheet held in memory behind two faces: the Sheets advanced service
// (Spreadsheets.get / batchUpdate, atomic, Google's error wording) and SpreadsheetApp (1-based ranges,
// '' for empty cells, Date objects at midnight of the spreadsheet's time zone). It implements only what
// Qamqor uses, records protections, validations, notes and charts, and logs every call that reaches Google.
import type { GRange, GSheet, GSpreadsheet, GUi, GMenu, SheetsAdvanced, SpreadsheetAppLike, CellValue } from '../../src/apps-script/google-services';
import type {
  CellData,
  Color,
  DataValidationRule,
  DeveloperMetadata,
  EmbeddedChart,
  ExtendedValue,
  GridRange,
  NumberFormat,
  ProtectedRange,
  RowData,
  SheetsRequest,
  SheetsSpreadsheet,
  TextFormatRun,
} from '../../src/apps-script/sheets-api';
import type { Cell, TabData } from '../../src/domain/sheet';
import { CallLog } from './call-log';

const SERIAL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;

export interface FakeCell {
  /** What was entered: a string, number or boolean, or a formula. */
  value?: ExtendedValue;
  /** A formula's computed result (the fake computes nothing: it is given with the formula). */
  result?: ExtendedValue;
  format?: NumberFormat;
  note?: string;
  background?: Color;
  bold?: boolean;
  wrap?: string;
  links?: TextFormatRun[];
}

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  colCount: number;
  frozenRowCount: number;
  cells: Map<string, FakeCell>;
  metadata: DeveloperMetadata[];
  protectedRanges: ProtectedRange[];
  charts: EmbeddedChart[];
  validations: { range: GridRange; rule: DataValidationRule | null }[];
}

/** Fixed UTC offsets of the zones the tests use (Kazakhstan has kept UTC+5 all year since 2024). */
const ZONE_OFFSET_HOURS: Record<string, number> = { 'Asia/Almaty': 5, 'Asia/Aqtobe': 5, UTC: 0, 'Europe/Moscow': 3, 'America/New_York': -5 };

const key = (r: number, c: number) => `${r},${c}`;

export class FakeSpreadsheetState {
  id = 'fake-spreadsheet-id';
  title = 'Qamqor';
  locale = 'ru_RU';
  timeZone = 'Asia/Almaty';
  sheets: FakeSheet[] = [];
  /** The Date constructor of the script's realm (a vm context has its own): what getValues hands out. */
  dateCtor: DateConstructor = Date;
  /** Copies made with Spreadsheet.copy (the backup before a new year). */
  copies: { name: string; sheets: FakeSheet[] }[] = [];
  private nextSheetId = 1000;
  private nextProtectedId = 1;
  private nextChartId = 1;
  private nextMetadataId = 1;

  constructor(readonly log: CallLog) {}

  /** Adds a tab as a person would have left it: values, formulas with their results, a key when Qamqor made it. */
  seedTab(tab: Pick<TabData, 'title' | 'rows'> & Partial<Pick<TabData, 'key' | 'formulas'>>, options: { rowCount?: number; colCount?: number } = {}): FakeSheet {
    const sheet = this.newSheet(this.nextSheetId++, tab.title, options.rowCount ?? Math.max(1000, tab.rows.length + 1), options.colCount ?? Math.max(26, ...tab.rows.map((r) => r.length)));
    tab.rows.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === null || value === '') return;
        sheet.cells.set(key(r, c), seededCell(value));
      }),
    );
    for (const f of tab.formulas ?? []) {
      const cell = sheet.cells.get(key(f.row, f.col)) ?? {};
      const result = cell.value;
      sheet.cells.set(key(f.row, f.col), { ...cell, value: { formulaValue: f.formula.startsWith('=') ? f.formula : `=${f.formula}` }, result });
    }
    if (tab.key) sheet.metadata.push({ metadataId: this.nextMetadataId++, metadataKey: 'qamqor.tab', metadataValue: tab.key, location: { sheetId: sheet.sheetId }, visibility: 'DOCUMENT' });
    this.sheets.push(sheet);
    return sheet;
  }

  sheetById(sheetId: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  sheetByTitle(title: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.title === title);
  }

  /** A tab's values as SpreadsheetApp would hand them: '' for empty, up to the last row and column holding a value. */
  values(title: string): CellValue[][] {
    const sheet = this.sheetByTitle(title);
    if (!sheet) throw new Error(`no tab titled "${title}"`);
    let rows = 0;
    let cols = 0;
    for (const [k, cell] of sheet.cells) {
      if (!cell.value) continue;
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return this.readValues(sheet, 0, 0, rows, cols);
  }

  readValues(sheet: FakeSheet, top: number, left: number, rows: number, cols: number): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = top; r < top + rows; r++) {
      const line: CellValue[] = [];
      for (let c = left; c < left + cols; c++) line.push(this.appsScriptValue(sheet.cells.get(key(r, c))));
      out.push(line);
    }
    return out;
  }

  /** SpreadsheetApp's view of a cell: a date-formatted number is a Date at midnight of the spreadsheet's zone. */
  private appsScriptValue(cell: FakeCell | undefined): CellValue {
    const v = cell ? effective(cell) : undefined;
    if (!v) return '';
    if (v.stringValue !== undefined) return v.stringValue;
    if (v.boolValue !== undefined) return v.boolValue;
    if (v.numberValue !== undefined) {
      if (cell!.format?.type === 'DATE' || cell!.format?.type === 'DATE_TIME') {
        const offset = ZONE_OFFSET_HOURS[this.timeZone] ?? 0;
        return new this.dateCtor((v.numberValue - SERIAL_EPOCH_OFFSET) * DAY_MS - offset * 3_600_000);
      }
      return v.numberValue;
    }
    return '#ERROR!';
  }

  newSheet(sheetId: number, title: string, rowCount: number, colCount: number): FakeSheet {
    return { sheetId, title, rowCount, colCount, frozenRowCount: 0, cells: new Map(), metadata: [], protectedRanges: [], charts: [], validations: [] };
  }

  // ---- Sheets API -------------------------------------------------------------------------------

  get(spreadsheetId: string, args: { includeGridData?: boolean; fields?: string } = {}): SheetsSpreadsheet {
    this.log.hit('Sheets.Spreadsheets.get');
    this.checkId(spreadsheetId, 'get');
    return {
      spreadsheetId: this.id,
      properties: { title: this.title, locale: this.locale, timeZone: this.timeZone },
      sheets: this.sheets.map((s, index) => ({
        properties: { sheetId: s.sheetId, title: s.title, index, gridProperties: { rowCount: s.rowCount, columnCount: s.colCount, frozenRowCount: s.frozenRowCount || undefined } },
        developerMetadata: s.metadata.map((m) => ({ ...m, location: { ...m.location } })),
        protectedRanges: s.protectedRanges.map((p) => clone(p)),
        charts: s.charts.map((c) => ({ chartId: c.chartId } as EmbeddedChart)),
        ...(args.includeGridData ? { data: [{ rowData: gridData(s) }] } : {}),
      })),
    };
  }

  batchUpdate(resource: { requests: SheetsRequest[] }, spreadsheetId: string): { spreadsheetId: string; replies: unknown[] } {
    this.log.hit('Sheets.Spreadsheets.batchUpdate');
    this.checkId(spreadsheetId, 'batchUpdate');
    if (!resource || !Array.isArray(resource.requests) || resource.requests.length === 0) {
      throw apiError('batchUpdate', 'Invalid requests: must specify at least one request.');
    }
    // All or nothing, as Google applies a batch: work on a copy, keep it only when every request succeeded.
    const before = this.cloneState();
    const replies: unknown[] = [];
    try {
      resource.requests.forEach((request, i) => replies.push(this.applyRequest(request, i)));
    } catch (e) {
      this.restoreState(before);
      throw e;
    }
    return { spreadsheetId: this.id, replies };
  }

  private checkId(spreadsheetId: string, method: string): void {
    if (spreadsheetId !== this.id) throw apiError(method, `Requested entity was not found.`);
  }

  private cloneState(): { sheets: FakeSheet[]; timeZone: string; counters: number[] } {
    return { sheets: this.sheets.map(cloneSheet), timeZone: this.timeZone, counters: [this.nextSheetId, this.nextProtectedId, this.nextChartId, this.nextMetadataId] };
  }

  private restoreState(s: { sheets: FakeSheet[]; timeZone: string; counters: number[] }): void {
    this.sheets = s.sheets;
    this.timeZone = s.timeZone;
    [this.nextSheetId, this.nextProtectedId, this.nextChartId, this.nextMetadataId] = s.counters;
  }

  private applyRequest(request: SheetsRequest, i: number): unknown {
    const kinds = Object.keys(request);
    if (kinds.length !== 1) throw apiError('batchUpdate', `Invalid requests[${i}]: exactly one kind of request expected, got ${kinds.join(', ')}`);
    const kind = kinds[0];
    const fail = (message: string): never => {
      throw apiError('batchUpdate', `Invalid requests[${i}].${kind}: ${message}`);
    };
    const sheetOf = (sheetId: number | undefined): FakeSheet => {
      const sheet = sheetId === undefined ? undefined : this.sheetById(sheetId);
      return sheet ?? fail(`No grid with id: ${sheetId}`);
    };
    const r = request as Record<string, any>;
    switch (kind) {
      case 'addSheet': {
        const p = r.addSheet.properties;
        if (typeof p.title !== 'string' || p.title.trim() === '') fail('Sheet name cannot be empty.');
        if (this.sheets.some((s) => s.title.toLowerCase() === p.title.toLowerCase())) fail(`A sheet with the name "${p.title}" already exists. Please enter another name.`);
        if (p.sheetId !== undefined && (p.sheetId < 0 || this.sheetById(p.sheetId))) fail(`Invalid sheet ID ${p.sheetId}: a sheet with this ID already exists or the ID is negative.`);
        const sheetId = p.sheetId ?? this.nextSheetId++;
        const sheet = this.newSheet(sheetId, p.title, p.gridProperties?.rowCount ?? 1000, p.gridProperties?.columnCount ?? 26);
        this.sheets.push(sheet);
        return { addSheet: { properties: { sheetId, title: p.title } } };
      }
      case 'deleteSheet': {
        const sheet = sheetOf(r.deleteSheet.sheetId);
        if (this.sheets.length === 1) fail("You can't remove all the sheets in a document.");
        this.sheets.splice(this.sheets.indexOf(sheet), 1);
        return {};
      }
      case 'updateSheetProperties': {
        const { properties: p, fields } = r.updateSheetProperties;
        const sheet = sheetOf(p.sheetId);
        for (const field of splitFields(fields)) {
          if (field === 'title') {
            if (typeof p.title !== 'string' || p.title.trim() === '') fail('Sheet name cannot be empty.');
            if (this.sheets.some((s) => s !== sheet && s.title.toLowerCase() === p.title.toLowerCase())) fail(`A sheet with the name "${p.title}" already exists. Please enter another name.`);
            sheet.title = p.title;
          } else if (field === 'gridProperties.frozenRowCount') {
            const n = p.gridProperties?.frozenRowCount ?? 0;
            if (n >= sheet.rowCount) fail(`You can't freeze all visible rows on the sheet.`);
            sheet.frozenRowCount = n;
          } else fail(`unsupported field "${field}" (the fake implements only what Qamqor uses)`);
        }
        return {};
      }
      case 'updateSpreadsheetProperties': {
        const { properties, fields } = r.updateSpreadsheetProperties;
        for (const field of splitFields(fields)) {
          if (field === 'timeZone') this.timeZone = properties.timeZone;
          else fail(`unsupported field "${field}"`);
        }
        return {};
      }
      case 'appendDimension': {
        const { sheetId, dimension, length } = r.appendDimension;
        const sheet = sheetOf(sheetId);
        if (!Number.isInteger(length) || length < 1) fail('length must be at least 1');
        if (dimension === 'ROWS') sheet.rowCount += length;
        else sheet.colCount += length;
        if (sheet.rowCount * sheet.colCount > 10_000_000) fail('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
        return {};
      }
      case 'updateCells': {
        const { rows, fields, start, range } = r.updateCells as { rows: RowData[]; fields: string; start?: { sheetId: number; rowIndex: number; columnIndex: number }; range?: GridRange };
        const list = splitFields(fields);
        if (!!start === !!range) fail('Exactly one of start or range must be set.');
        const sheet = sheetOf(start ? start.sheetId : range!.sheetId);
        const top = start ? start.rowIndex : range!.startRowIndex ?? 0;
        const left = start ? start.columnIndex : range!.startColumnIndex ?? 0;
        if (range) {
          // Within a range, cells the rows do not cover lose the listed fields.
          const bottom = range.endRowIndex ?? sheet.rowCount;
          const right = range.endColumnIndex ?? sheet.colCount;
          for (const [k, cell] of [...sheet.cells]) {
            const [cr, cc] = k.split(',').map(Number);
            if (cr >= top && cr < bottom && cc >= left && cc < right) setFields(sheet, k, cell, {}, list, fail);
          }
        }
        rows.forEach((row, i) =>
          (row.values ?? []).forEach((data, j) => {
            const rr = top + i;
            const cc = left + j;
            if (rr >= sheet.rowCount || cc >= sheet.colCount) {
              fail(`Range ('${sheet.title}'!${a1(rr, cc)}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.colCount}`);
            }
            const k = key(rr, cc);
            setFields(sheet, k, sheet.cells.get(k) ?? {}, data, list, fail);
          }),
        );
        return {};
      }
      case 'repeatCell': {
        const { range, cell, fields } = r.repeatCell as { range: GridRange; cell: CellData; fields: string };
        const sheet = sheetOf(range.sheetId);
        const list = splitFields(fields);
        const bottom = Math.min(range.endRowIndex ?? sheet.rowCount, sheet.rowCount);
        const right = Math.min(range.endColumnIndex ?? sheet.colCount, sheet.colCount);
        if ((range.startRowIndex ?? 0) >= sheet.rowCount || (range.startColumnIndex ?? 0) >= sheet.colCount) {
          fail(`Range ('${sheet.title}'!${a1(range.startRowIndex ?? 0, range.startColumnIndex ?? 0)}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.colCount}`);
        }
        for (let rr = range.startRowIndex ?? 0; rr < bottom; rr++) {
          for (let cc = range.startColumnIndex ?? 0; cc < right; cc++) {
            const k = key(rr, cc);
            setFields(sheet, k, sheet.cells.get(k) ?? {}, cell, list, fail);
          }
        }
        return {};
      }
      case 'setDataValidation': {
        const { range, rule } = r.setDataValidation as { range: GridRange; rule?: DataValidationRule };
        const sheet = sheetOf(range.sheetId);
        if (rule && rule.condition.type === 'ONE_OF_LIST' && !(rule.condition.values ?? []).length) fail('Invalid ConditionValue.values: ONE_OF_LIST needs at least one value.');
        // A new rule replaces the rules of the cells it covers, as Sheets does.
        sheet.validations = sheet.validations.filter((v) => !sameRange(v.range, range));
        sheet.validations.push({ range: clone(range), rule: rule ? clone(rule) : null });
        return {};
      }
      case 'addProtectedRange': {
        const p = clone(r.addProtectedRange.protectedRange) as ProtectedRange;
        const sheet = sheetOf(p.range.sheetId);
        p.protectedRangeId = this.nextProtectedId++;
        // The user making the request can always edit what they protect.
        p.editors = { users: [...new Set([...(p.editors?.users ?? []), 'owner@school.kz'])] };
        sheet.protectedRanges.push(p);
        return { addProtectedRange: { protectedRange: p } };
      }
      case 'updateProtectedRange': {
        const { protectedRange: p, fields } = r.updateProtectedRange;
        const found = this.sheets.flatMap((s) => s.protectedRanges.map((x) => ({ s, x }))).find(({ x }) => x.protectedRangeId === p.protectedRangeId);
        if (!found) fail(`No protected range with id: ${p.protectedRangeId}`);
        for (const field of splitFields(fields)) {
          if (field === 'editors') found!.x.editors = { users: [...new Set([...(p.editors?.users ?? []), 'owner@school.kz'])] };
          else if (field === 'range' || field === 'description') (found!.x as any)[field] = clone(p[field]);
          else fail(`unsupported field "${field}"`);
        }
        return {};
      }
      case 'deleteProtectedRange': {
        const id = r.deleteProtectedRange.protectedRangeId;
        const sheet = this.sheets.find((s) => s.protectedRanges.some((p) => p.protectedRangeId === id));
        if (!sheet) fail(`No protected range with id: ${id}`);
        sheet!.protectedRanges = sheet!.protectedRanges.filter((p) => p.protectedRangeId !== id);
        return {};
      }
      case 'createDeveloperMetadata': {
        const m = clone(r.createDeveloperMetadata.developerMetadata) as DeveloperMetadata;
        const all = this.sheets.flatMap((s) => s.metadata);
        if (m.metadataId !== undefined && all.some((x) => x.metadataId === m.metadataId)) fail(`Developer metadata with ID ${m.metadataId} already exists.`);
        m.metadataId ??= this.nextMetadataId++;
        sheetOf(m.location.sheetId).metadata.push(m);
        return { createDeveloperMetadata: { developerMetadata: m } };
      }
      case 'updateDeveloperMetadata': {
        const { dataFilters, developerMetadata, fields } = r.updateDeveloperMetadata;
        const ids = new Set(dataFilters.map((f: any) => f.developerMetadataLookup.metadataId));
        const found = this.sheets.flatMap((s) => s.metadata).filter((m) => ids.has(m.metadataId));
        if (found.length === 0) fail('No developer metadata matches the data filters.');
        for (const m of found) for (const field of splitFields(fields)) (m as any)[field] = developerMetadata[field];
        return {};
      }
      case 'addChart': {
        const chart = clone(r.addChart.chart) as EmbeddedChart;
        const anchor = chart.position.overlayPosition?.anchorCell;
        const sheet = sheetOf(anchor?.sheetId);
        chart.chartId = this.nextChartId++;
        for (const source of chartSources(chart)) if (!this.sheetById(source.sheetId)) fail(`No grid with id: ${source.sheetId}`);
        sheet.charts.push(chart);
        return { addChart: { chart } };
      }
      case 'updateChartSpec': {
        const { chartId, spec } = r.updateChartSpec;
        const chart = this.sheets.flatMap((s) => s.charts).find((c) => c.chartId === chartId);
        if (!chart) fail(`No chart with id: ${chartId}`);
        chart!.spec = clone(spec);
        return {};
      }
      default:
        return fail(`unsupported request (the fake implements only what Qamqor uses)`);
    }
  }

  // ---- SpreadsheetApp ----------------------------------------------------------------------------

  copy(name: string): { name: string } {
    this.copies.push({ name, sheets: this.sheets.map(cloneSheet) });
    return { name };
  }
}

function seededCell(value: Cell): FakeCell {
  if (value instanceof Date) return { value: { numberValue: Math.round(value.getTime() / DAY_MS) + SERIAL_EPOCH_OFFSET }, format: { type: 'DATE', pattern: 'dd.mm.yyyy' } };
  if (typeof value === 'string') return { value: { stringValue: value } };
  if (typeof value === 'boolean') return { value: { boolValue: value } };
  return { value: { numberValue: value as number } };
}

function effective(cell: FakeCell): ExtendedValue | undefined {
  if (cell.value?.formulaValue !== undefined) return cell.result;
  return cell.value;
}

function gridData(sheet: FakeSheet): RowData[] {
  const rows: RowData[] = [];
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(',').map(Number);
    const data: CellData = {};
    if (cell.value) data.userEnteredValue = clone(cell.value);
    const eff = effective(cell);
    if (eff) data.effectiveValue = clone(eff);
    if (cell.format) data.effectiveFormat = { numberFormat: { type: cell.format.type } };
    if (cell.note) data.note = cell.note;
    if (cell.background) data.userEnteredFormat = { backgroundColor: { ...cell.background } };
    if (Object.keys(data).length === 0) continue;
    while (rows.length <= r) rows.push({});
    const row = rows[r];
    row.values ??= [];
    while (row.values.length <= c) row.values.push({});
    row.values[c] = data;
  }
  return rows;
}

const SUPPORTED_FIELDS = new Set([
  'userEnteredValue', 'userEnteredFormat.numberFormat', 'userEnteredFormat.backgroundColor', 'userEnteredFormat.textFormat.bold',
  'userEnteredFormat.wrapStrategy', 'note', 'textFormatRuns',
]);

function setFields(sheet: FakeSheet, k: string, cell: FakeCell, data: CellData, fields: string[], fail: (m: string) => never): void {
  const next: FakeCell = { ...cell };
  for (const field of fields) {
    if (!SUPPORTED_FIELDS.has(field)) fail(`unsupported field "${field}" (the fake implements only what Qamqor uses)`);
    switch (field) {
      case 'userEnteredValue': {
        const v = data.userEnteredValue;
        if (v && Object.keys(v).length !== 1) fail('Invalid value: exactly one kind of ExtendedValue must be set.');
        if (v?.formulaValue !== undefined) fail('the fake computes no formula, and Qamqor writes none');
        next.value = v && !(v.stringValue === '') ? clone(v) : undefined;
        delete next.result;
        break;
      }
      case 'userEnteredFormat.numberFormat':
        next.format = data.userEnteredFormat?.numberFormat ? clone(data.userEnteredFormat.numberFormat) : undefined;
        break;
      case 'userEnteredFormat.backgroundColor':
        next.background = data.userEnteredFormat?.backgroundColor ? clone(data.userEnteredFormat.backgroundColor) : undefined;
        break;
      case 'userEnteredFormat.textFormat.bold':
        next.bold = data.userEnteredFormat?.textFormat?.bold;
        break;
      case 'userEnteredFormat.wrapStrategy':
        next.wrap = data.userEnteredFormat?.wrapStrategy;
        break;
      case 'note':
        next.note = data.note || undefined;
        break;
      case 'textFormatRuns':
        next.links = data.textFormatRuns ? clone(data.textFormatRuns) : undefined;
        break;
    }
  }
  for (const prop of Object.keys(next) as (keyof FakeCell)[]) if (next[prop] === undefined) delete next[prop];
  if (Object.keys(next).length === 0) sheet.cells.delete(k);
  else sheet.cells.set(k, next);
}

function splitFields(fields: string): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') throw apiError('batchUpdate', "Invalid requests: 'fields' is required");
  return fields.split(',').map((f) => f.trim());
}

function sameRange(a: GridRange, b: GridRange): boolean {
  return a.sheetId === b.sheetId && a.startRowIndex === b.startRowIndex && a.endRowIndex === b.endRowIndex && a.startColumnIndex === b.startColumnIndex && a.endColumnIndex === b.endColumnIndex;
}

function chartSources(chart: EmbeddedChart): GridRange[] {
  const b = chart.spec.basicChart;
  if (!b) return [];
  return [...b.domains.flatMap((d) => d.domain.sourceRange.sources), ...b.series.flatMap((s) => s.series.sourceRange.sources)];
}

export function a1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

function apiError(method: string, message: string): Error {
  return new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
}

function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

function cloneSheet(s: FakeSheet): FakeSheet {
  return {
    ...s,
    cells: new Map([...s.cells].map(([k, c]) => [k, clone(c)])),
    metadata: clone(s.metadata),
    protectedRanges: clone(s.protectedRanges),
    charts: clone(s.charts),
    validations: clone(s.validations),
  };
}

/** The Sheets advanced service over the fake spreadsheet. */
export function fakeSheets(state: FakeSpreadsheetState): SheetsAdvanced {
  return {
    Spreadsheets: {
      get: (id, args) => state.get(id, args),
      batchUpdate: (resource, id) => state.batchUpdate(resource, id),
    },
  };
}

export interface UiScript {
  /** What the person answers to each alert with buttons, in order; 'YES' when the list runs out. */
  answers: string[];
  alerts: { title: string; prompt: string }[];
  dialogs: { title: string; html: string }[];
  sidebars: { title: string; html: string }[];
  menus: { caption: string; items: { caption: string; functionName: string }[] }[];
}

/** SpreadsheetApp over the fake spreadsheet, with its Ui. */
export function fakeSpreadsheetApp(state: FakeSpreadsheetState, ui: UiScript): SpreadsheetAppLike & { toasts: { msg: string; title?: string }[] } {
  const log = state.log;
  const toasts: { msg: string; title?: string }[] = [];

  const rangeOf = (sheetId: number, row: number, col: number, numRows: number, numCols: number): GRange => {
    const sheet = () => {
      const s = state.sheetById(sheetId);
      if (!s) throw new Error('Exception: The sheet no longer exists.');
      return s;
    };
    const range: GRange = {
      getRow: () => row,
      getColumn: () => col,
      getNumRows: () => numRows,
      getNumColumns: () => numCols,
      getSheet: () => sheetOf(sheet()),
      getValues: () => {
        log.hit('Range.getValues');
        return state.readValues(sheet(), row - 1, col - 1, numRows, numCols);
      },
      setNotes: (notes) => {
        log.hit('Range.setNotes');
        checkShape(notes, numRows, numCols);
        const s = sheet();
        notes.forEach((line, i) =>
          line.forEach((note, j) => {
            const k = key(row - 1 + i, col - 1 + j);
            const cell = { ...(s.cells.get(k) ?? {}) };
            if (note === null || note === '') delete cell.note;
            else cell.note = String(note);
            if (Object.keys(cell).length === 0) s.cells.delete(k);
            else s.cells.set(k, cell);
          }),
        );
        return range;
      },
    };
    return range;
  };

  const sheetOf = (s: FakeSheet): GSheet => ({
    getName: () => s.title,
    getSheetId: () => s.sheetId,
    getRange: ((a: number | string, b?: number, c?: number, d?: number): GRange => {
      let row: number, col: number, numRows: number, numCols: number;
      if (typeof a === 'string') {
        const m = /^(\d+):(\d+)$/.exec(a);
        if (!m) throw new Error(`Exception: Range not found (the fake reads only whole rows "1:12", not "${a}")`);
        [row, col, numRows, numCols] = [Number(m[1]), 1, Number(m[2]) - Number(m[1]) + 1, s.colCount];
      } else {
        [row, col, numRows, numCols] = [a, b!, c ?? 1, d ?? 1];
      }
      if (![row, col, numRows, numCols].every(Number.isInteger) || row < 1 || col < 1) throw new Error('Exception: Invalid argument: row and column start at 1');
      if (numRows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
      if (numCols < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
      if (row - 1 + numRows > s.rowCount || col - 1 + numCols > s.colCount) throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
      return rangeOf(s.sheetId, row, col, numRows, numCols);
    }) as GSheet['getRange'],
  });

  const spreadsheet: GSpreadsheet = {
    getId: () => state.id,
    getName: () => state.title,
    getSheetByName: (name) => {
      log.hit('Spreadsheet.getSheetByName');
      const s = state.sheetByTitle(name);
      return s ? sheetOf(s) : null;
    },
    getSpreadsheetLocale: () => {
      log.hit('Spreadsheet.getSpreadsheetLocale');
      return state.locale;
    },
    toast: (msg, title) => {
      log.hit('Spreadsheet.toast');
      toasts.push({ msg: String(msg), title });
    },
    copy: (name) => {
      log.hit('Spreadsheet.copy');
      state.copy(name);
      return { getId: () => `copy-of-${state.id}`, getUrl: () => `https://docs.google.com/spreadsheets/d/copy-of-${state.id}/edit` };
    },
  };

  const gui: GUi = {
    createMenu: (caption) => {
      const items: { caption: string; functionName: string }[] = [];
      const menu: GMenu = {
        addItem: (c, fn) => {
          items.push({ caption: c, functionName: fn });
          return menu;
        },
        addSeparator: () => menu,
        addToUi: () => {
          log.hit('Menu.addToUi');
          ui.menus.push({ caption, items });
        },
      };
      return menu;
    },
    alert: (title, prompt) => {
      log.hit('Ui.alert');
      ui.alerts.push({ title, prompt });
      return ui.answers.shift() ?? 'YES';
    },
    showModalDialog: (output, title) => {
      log.hit('Ui.showModalDialog');
      ui.dialogs.push({ title, html: (output as { html: string }).html });
    },
    showSidebar: (output) => {
      log.hit('Ui.showSidebar');
      const o = output as { html: string; title: string };
      ui.sidebars.push({ title: o.title, html: o.html });
    },
    ButtonSet: { OK: 'OK', YES_NO: 'YES_NO' },
    Button: { YES: 'YES', NO: 'NO', OK: 'OK' },
  };

  return {
    toasts,
    getActiveSpreadsheet: () => spreadsheet,
    getUi: () => gui,
  };
}

function checkShape(data: unknown[][], rows: number, cols: number): void {
  if (!Array.isArray(data) || data.length !== rows) {
    throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${rows}.`);
  }
  for (const line of data) {
    if (line.length !== cols) throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${cols}.`);
  }
}
