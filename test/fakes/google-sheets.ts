// A fake of Google Sheets, one spreadsheet held in memory behind two faces: the Sheets advanced service
// (Spreadsheets.get / batchUpdate) and SpreadsheetApp (1-based ranges, '' for empty cells, Date objects at midnight
// of the spreadsheet's time zone). As strict as Google where Qamqor could go wrong: a request is parsed against the
// API's schema (unknown fields, enums, int32 ids), checked as Google checks it, refused whole when it touches a
// protection the calling user may not edit; a read honours its field mask and returns what the REST API would —
// defaults left out, formatted empty cells included when formats are asked — and its size is logged.
import type { GRange, GSheet, GSpreadsheet, GUi, GMenu, SheetsAdvanced, SpreadsheetAppLike, CellValue } from '../../src/apps-script/google-services';
import type { BatchUpdateRequest, BatchUpdateResponse, SheetsSpreadsheet } from '../../src/apps-script/sheets-api';
import type { Cell, TabData } from '../../src/domain/sheet';
import { CallLog } from './call-log';
import { applyMask, compact, maskAt, parseFields, type Mask } from './field-mask';
import { apiSchema, checkMessage, ParseError } from './google-schema';
import { dimensionData, effective, formattedValue, gridData, key, numberFormatOf, parseA1, type Area, type FakeCell, type FakeSheet } from './sheets-cells';
import { applyRequest, canEdit, clone, cloneSheet, newSheet, PROTECTED, RequestError, type SheetsModel } from './sheets-requests';

export type { FakeCell, FakeRun, FakeSheet } from './sheets-cells';
export { a1 } from './sheets-requests';

const SERIAL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;

/** Fixed UTC offsets of the zones the tests use (Kazakhstan has kept UTC+5 all year since 2024). */
const ZONE_OFFSET_HOURS: Record<string, number> = { 'Asia/Almaty': 5, 'Asia/Aqtobe': 5, UTC: 0, 'Europe/Moscow': 3, 'America/New_York': -5 };

/** Ids as Google hands them out: random-looking positive int32s, the same sequence on every run. */
function idSequence(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 48271) % 2_147_483_647;
    return 100_000_000 + (x % 1_900_000_000);
  };
}

export class FakeSpreadsheetState implements SheetsModel {
  id = 'fake-spreadsheet-id';
  title = 'Qamqor';
  locale = 'ru_RU';
  timeZone = 'Asia/Almaty';
  /** The owner's e-mail (null: a workbook in a shared drive) and the e-mail of the user the script runs for. */
  owner: string | null = 'owner@school.kz';
  user = 'owner@school.kz';
  /** Addresses Google refuses as editors of a protection (a test adds them). */
  rejectedEditors = new Set<string>();
  sheets: FakeSheet[] = [];
  /** The Date constructor of the script's realm (a vm context has its own): what getValues hands out. */
  dateCtor: DateConstructor = Date;
  /** Copies made with Spreadsheet.copy (the backup before a new year). */
  copies: { name: string; sheets: FakeSheet[] }[] = [];
  private sheetIds = idSequence(7);
  private nextProtectedId = idSequence(11);
  private nextChartId = idSequence(13);
  private nextMetadataId = idSequence(17);
  private seeded = 0;

  constructor(readonly log: CallLog) {}

  newSheetId(): number {
    let id = this.sheetIds();
    while (this.sheetById(id)) id = this.sheetIds();
    return id;
  }
  newProtectedId(): number {
    return this.nextProtectedId();
  }
  newChartId(): number {
    return this.nextChartId();
  }
  newMetadataId(): number {
    return this.nextMetadataId();
  }

  /**
   * Adds a tab as a person would have left it: values, formulas with their results, a key when Qamqor made it.
   * The first tab of a spreadsheet has id 0, as Google's first sheet.
   */
  seedTab(tab: Pick<TabData, 'title' | 'rows'> & Partial<Pick<TabData, 'key' | 'formulas'>>, options: { rowCount?: number; colCount?: number } = {}): FakeSheet {
    const sheetId = this.seeded++ === 0 && !this.sheetById(0) ? 0 : this.newSheetId();
    const sheet = newSheet(sheetId, tab.title, options.rowCount ?? Math.max(1000, tab.rows.length + 1), options.colCount ?? Math.max(26, ...tab.rows.map((r) => r.length)));
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
    if (tab.key) sheet.metadata.push({ metadataId: this.newMetadataId(), metadataKey: 'qamqor.tab', metadataValue: tab.key, location: { locationType: 'SHEET', sheetId: sheet.sheetId }, visibility: 'DOCUMENT' });
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * Values typed into a tab by a person (a teacher filling her class): a Date lands as the serial a date-formatted
   * cell holds, text as text; the cell keeps the format its column has.
   */
  type(title: string, row: number, col: number, values: readonly (readonly Cell[])[]): void {
    const sheet = this.sheetByTitle(title);
    if (!sheet) throw new Error(`no tab titled "${title}"`);
    values.forEach((line, i) =>
      line.forEach((value, j) => {
        const k = key(row + i, col + j);
        const cell: FakeCell = { ...(sheet.cells.get(k) ?? {}) };
        delete cell.result;
        if (value === null || value === '') delete cell.value;
        else {
          cell.value = seededCell(value).value;
          if (value instanceof Date && !numberFormatOf(sheet, row + i, col + j)?.type.startsWith('DATE')) cell.format = { type: 'DATE', pattern: 'dd.mm.yyyy' };
        }
        if (Object.keys(cell).length === 0) sheet.cells.delete(k);
        else sheet.cells.set(k, cell);
        sheet.rowCount = Math.max(sheet.rowCount, row + i + 1);
      }),
    );
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
      rows = Math.max(rows, r! + 1);
      cols = Math.max(cols, c! + 1);
    }
    return this.readValues(sheet, 0, 0, rows, cols);
  }

  readValues(sheet: FakeSheet, top: number, left: number, rows: number, cols: number): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = top; r < top + rows; r++) {
      const line: CellValue[] = [];
      for (let c = left; c < left + cols; c++) line.push(this.appsScriptValue(sheet, r, c));
      out.push(line);
    }
    return out;
  }

  /** SpreadsheetApp's view of a cell: a date-formatted number is a Date at midnight of the spreadsheet's zone. */
  private appsScriptValue(sheet: FakeSheet, r: number, c: number): CellValue {
    const cell = sheet.cells.get(key(r, c));
    const v = cell ? effective(cell) : undefined;
    if (!v) return '';
    if (typeof v.stringValue === 'string') return v.stringValue;
    if (typeof v.boolValue === 'boolean') return v.boolValue;
    if (typeof v.numberValue === 'number') {
      const type = numberFormatOf(sheet, r, c)?.type;
      if (type === 'DATE' || type === 'DATE_TIME') {
        const offset = ZONE_OFFSET_HOURS[this.timeZone] ?? 0;
        return new this.dateCtor((v.numberValue - SERIAL_EPOCH_OFFSET) * DAY_MS - offset * 3_600_000);
      }
      return v.numberValue;
    }
    return formattedValue(v, undefined, this.locale) ?? '#ERROR!';
  }

  /** Whether the calling user may write over rows [top, bottom) and columns [left, right) of a sheet. */
  userMayEdit(sheet: FakeSheet, area: Area): boolean {
    return sheet.protectedRanges.every((p) => {
      if (canEdit(this, p)) return true;
      const r = p.range;
      const [top, bottom, left, right] = [r.startRowIndex ?? 0, r.endRowIndex ?? sheet.rowCount, r.startColumnIndex ?? 0, r.endColumnIndex ?? sheet.colCount];
      return !(top < area.bottom && area.top < bottom && left < area.right && area.left < right);
    });
  }

  // ---- Sheets API -------------------------------------------------------------------------------

  /**
   * Spreadsheets.get as the REST API answers it. With `fields`, exactly what the mask selects (grid data included
   * when the mask reaches it: `includeGridData` is then ignored, as Google ignores it); without, everything but the
   * grid data unless `includeGridData`. `ranges` (A1) narrows the grid data and the sheets to those ranges.
   */
  get(spreadsheetId: string, args: { includeGridData?: boolean; fields?: string; ranges?: string[] } = {}): SheetsSpreadsheet {
    this.log.hit('Sheets.Spreadsheets.get');
    this.checkId(spreadsheetId, 'get');
    const schema = apiSchema('sheets/v4');
    const mask = args.fields !== undefined ? parseFields(args.fields, schema, 'Spreadsheet', (m) => apiError('get', m)) : undefined;
    const dataMask: Mask | undefined = mask ? maskAt(mask, ['sheets', 'data']) : args.includeGridData ? true : undefined;
    const areas = new Map<FakeSheet, Area[]>();
    for (const range of args.ranges ?? []) {
      const found = parseA1(range, this.sheets);
      if (!found) throw apiError('get', `Unable to parse range: ${range}`);
      areas.set(found.sheet, [...(areas.get(found.sheet) ?? []), found.area]);
    }
    const listed = args.ranges?.length ? this.sheets.filter((s) => areas.has(s)) : this.sheets;
    const full = {
      spreadsheetId: this.id,
      properties: {
        title: this.title, locale: this.locale, autoRecalc: 'ON_CHANGE', timeZone: this.timeZone,
        defaultFormat: { backgroundColor: { red: 1, green: 1, blue: 1 }, padding: { top: 2, right: 3, bottom: 2, left: 3 }, verticalAlignment: 'BOTTOM', wrapStrategy: 'OVERFLOW_CELL', textFormat: { fontFamily: 'arial,sans,sans-serif', fontSize: 10 } },
      },
      sheets: listed.map((s) => this.sheetResource(s, this.sheets.indexOf(s))),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${this.id}/edit`,
    };
    const compacted = compact(full, schema, 'Spreadsheet') as Record<string, any>;
    const response = (mask ? applyMask(compacted, mask) : compacted) as Record<string, any>;
    if (dataMask !== undefined) {
      const cells = maskAt(dataMask, ['rowData', 'values']);
      const dims = maskAt(dataMask, ['rowMetadata']) !== undefined || maskAt(dataMask, ['columnMetadata']) !== undefined;
      response.sheets ??= listed.map(() => ({}));
      listed.forEach((s, i) => {
        const grids = (areas.get(s) ?? [{ top: 0, bottom: s.rowCount, left: 0, right: s.colCount }]).map((area) => {
          const grid: Record<string, unknown> = cells !== undefined ? gridData(s, area, cells, this.locale) : { startRow: area.top, startColumn: area.left };
          if (dims) Object.assign(grid, dimensionData(s, area));
          return applyMask(compact(grid, schema, 'GridData'), dataMask);
        });
        response.sheets[i] = { ...response.sheets[i], data: grids };
      });
    }
    this.log.received('Sheets.Spreadsheets.get', response);
    return response as SheetsSpreadsheet;
  }

  /** A sheet's resource without its grid data; editors hidden from a user who may not edit the protection. */
  private sheetResource(s: FakeSheet, index: number): Record<string, unknown> {
    return {
      properties: { sheetId: s.sheetId, title: s.title, index, sheetType: 'GRID', gridProperties: { rowCount: s.rowCount, columnCount: s.colCount, frozenRowCount: s.frozenRowCount } },
      developerMetadata: clone(s.metadata),
      protectedRanges: s.protectedRanges.map((p) => {
        const mayEdit = canEdit(this, p);
        const { editors, ...rest } = clone(p);
        return { ...rest, requestingUserCanEdit: mayEdit, ...(mayEdit && editors ? { editors } : {}) };
      }),
      charts: clone(s.charts),
    };
  }

  batchUpdate(resource: BatchUpdateRequest, spreadsheetId: string): BatchUpdateResponse {
    this.log.hit('Sheets.Spreadsheets.batchUpdate');
    this.checkId(spreadsheetId, 'batchUpdate');
    const requests = resource?.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw apiError('batchUpdate', 'Invalid requests: must specify at least one request.');
    // The payload is parsed whole first: a field or a value Google does not know refuses the call before anything.
    try {
      checkMessage(apiSchema('sheets/v4'), 'BatchUpdateSpreadsheetRequest', resource, '');
    } catch (e) {
      if (e instanceof ParseError) throw apiError('batchUpdate', e.message);
      throw e;
    }
    // All or nothing, as Google applies a batch: keep the state, go back to it when one request is refused.
    const before = { sheets: this.sheets.map(cloneSheet), timeZone: this.timeZone, locale: this.locale, title: this.title };
    const replies: unknown[] = [];
    try {
      requests.forEach((request, i) => replies.push(applyRequest(this, request, i)));
    } catch (e) {
      Object.assign(this, before);
      if (e instanceof RequestError) throw apiError('batchUpdate', e.message);
      throw e;
    }
    return compact({ spreadsheetId: this.id, replies }, apiSchema('sheets/v4'), 'BatchUpdateSpreadsheetResponse') as BatchUpdateResponse;
  }

  private checkId(spreadsheetId: string, method: string): void {
    if (spreadsheetId !== this.id) throw apiError(method, `Requested entity was not found.`);
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

/** An error as the advanced service throws it (a GoogleJsonResponseException whose message carries Google's). */
function apiError(method: string, message: string): Error {
  const e = new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  return e;
}

/** Protection errors SpreadsheetApp throws, for a write through a Range. */
export const PROTECTED_EXCEPTION = `Exception: ${PROTECTED}`;

/**
 * The Sheets advanced service over the fake spreadsheet, and over `others` the script created (a case file): a call
 * goes to the spreadsheet of its id, any other id is not found.
 */
export function fakeSheets(state: FakeSpreadsheetState, others: ReadonlyMap<string, FakeSpreadsheetState> = new Map()): SheetsAdvanced {
  const of = (id: string) => others.get(id) ?? state;
  return {
    Spreadsheets: {
      get: (id, args) => state.log.asGoogle(() => of(id).get(id, args)),
      batchUpdate: (resource, id) => state.log.asGoogle(() => of(id).batchUpdate(resource, id)),
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
      getNotes: () => {
        log.hit('Range.getNotes');
        const s = sheet();
        return Array.from({ length: numRows }, (_, i) => Array.from({ length: numCols }, (_, j) => s.cells.get(key(row - 1 + i, col - 1 + j))?.note ?? ''));
      },
      setNotes: (notes) => {
        log.hit('Range.setNotes');
        checkShape(notes, numRows, numCols);
        const s = sheet();
        if (!state.userMayEdit(s, { top: row - 1, bottom: row - 1 + numRows, left: col - 1, right: col - 1 + numCols })) throw new Error(PROTECTED_EXCEPTION);
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
    getDataRange: () => {
      log.hit('Sheet.getDataRange');
      // Apps Script's data range: up to the last row and column holding a value; A1 alone on an empty sheet.
      let rows = 1;
      let cols = 1;
      for (const [k, cell] of s.cells) {
        const v = effective(cell);
        if (!v || (v.stringValue === '' && v.numberValue === undefined && v.boolValue === undefined)) continue;
        const [r, c] = k.split(',').map(Number);
        rows = Math.max(rows, r! + 1);
        cols = Math.max(cols, c! + 1);
      }
      return rangeOf(s.sheetId, 1, 1, rows, cols);
    },
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
    getOwner: () => {
      log.hit('Spreadsheet.getOwner');
      const owner = state.owner;
      return owner === null ? null : { getEmail: () => owner };
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
