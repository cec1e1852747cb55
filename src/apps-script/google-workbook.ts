// The workbook port over Google Sheets: one Sheets.Spreadsheets.get reads every tab (values, formulas,
// keys, notes, protections, charts) and one Sheets.Spreadsheets.batchUpdate applies a whole batch, so an
// action costs two calls whatever the number of classes. Sheets-only changes (protections, marks, links,
// charts) ride in the same batch.
import { MemoryWorkbook } from '../app/memory-workbook';
import type { ColumnFormat, TabRef, WorkbookChange, WorkbookPort } from '../app/workbook-port';
import type { Cell, FormulaCell, TabData, WorkbookData } from '../domain/sheet';
import type { ColumnType } from '../domain/template';
import type { SheetsAdvanced } from './google-services';
import {
  READ_FIELDS,
  type CellData,
  type ChartSpec,
  type Color,
  type DataValidationRule,
  type GridRange,
  type ProtectedRange,
  type ReadCell,
  type ReadProtectedRange,
  type SheetsRequest,
  type SheetsSheet,
  type SheetsSpreadsheet,
  type TextFormatRun,
} from './sheets-api';

/** The developer metadata key that carries a tab's stable identity across renames. */
export const TAB_KEY = 'qamqor.tab';
/** Days between the spreadsheet epoch (30.12.1899) and the Unix epoch. */
const SERIAL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;
/** What a new sheet gets; writes beyond it append rows or columns first. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
const DATE_FORMAT = { type: 'DATE', pattern: 'dd.mm.yyyy' } as const;
/** Without a pattern Sheets shows a number in the locale's default one (1 234,00): counts and years read as written. */
const INTEGER_FORMAT = { type: 'NUMBER', pattern: '0' } as const;
const DECIMAL_FORMAT = { type: 'NUMBER', pattern: '0.0##' } as const;
const TEXT_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>(['iin', 'phone', 'text']);
/** Sheets' ids (sheets, metadata) are positive 32-bit integers. */
const MAX_INT32 = 2_147_483_647;

/** Changes only Google Sheets can make; they go into the same batchUpdate as the port's changes. */
export type SheetsChange =
  /** Protects a whole tab, or rows [startRow, endRow) of it, so that only `editors` (and the owner) can edit. */
  | { kind: 'protect'; tab: TabRef; rows?: { start: number; end: number }; editors: string[]; description: string; existing?: number }
  | { kind: 'unprotect'; protectedRangeId: number }
  /** Validation marks: a note and a background on each cell, or neither (null) once it is fixed. */
  | { kind: 'marks'; tab: TabRef; cells: { row: number; col: number; note: string | null; background: Color | null }[] }
  /**
   * Text cells that link somewhere (an issue to its cell); the text stays text. With `runs`, only those stretches
   * link, each to its own address (a report job's documents, one per line).
   */
  | { kind: 'links'; tab: TabRef; cells: { row: number; col: number; text: string; uri: string; runs?: { start: number; end: number; uri: string }[] }[] }
  /** A chart on a tab, over ranges of that tab; `chartId` updates an existing chart in place. */
  | { kind: 'chart'; tab: TabRef; chartId?: number; spec: ChartSpec; anchor: { row: number; col: number }; width: number; height: number }
  | { kind: 'timeZone'; timeZone: string };

export type AnyChange = WorkbookChange | SheetsChange;

/** What the last read saw of one tab beyond its cells: what the Sheets-only planners compare against. */
export interface SheetExtras {
  sheetId: number;
  protectedRanges: ProtectedRange[];
  chartIds: number[];
  frozenRows: number;
  /** Notes and background colours by "row,col" (0-based), only where there is one. */
  notes: Map<string, string>;
  backgrounds: Map<string, Color>;
}

interface TrackedSheet {
  sheetId: number;
  title: string;
  key: string | null;
  metadataId: number | null;
  /** 0-based index of the last row holding anything; -1 when empty. */
  lastRow: number;
  rowCount: number;
  colCount: number;
}

interface Snapshot {
  data: WorkbookData;
  extras: Map<string, SheetExtras>;
  sheets: TrackedSheet[];
  locale: string;
  timeZone: string;
}

export class GoogleWorkbook implements WorkbookPort {
  private snapshot: Snapshot | null = null;
  /** The largest sheetId seen: a new tab never takes the id of a removed one. */
  private highestId = 0;

  constructor(
    private readonly sheets: SheetsAdvanced,
    private readonly spreadsheetId: string,
  ) {}

  read(): WorkbookData {
    const resource = this.sheets.Spreadsheets.get(this.spreadsheetId, { includeGridData: true, fields: READ_FIELDS });
    this.snapshot = toSnapshot(resource);
    for (const s of this.snapshot.sheets) this.highestId = Math.max(this.highestId, s.sheetId);
    return copyData(this.snapshot.data);
  }

  /** What the last read saw of a tab besides its cells (protections, notes, charts). */
  extras(tabId: string): SheetExtras | undefined {
    return this.lastRead().extras.get(tabId);
  }

  /** The spreadsheet's locale ("ru_RU", "kk_KZ") and time zone as last read. */
  get locale(): string {
    return this.lastRead().locale;
  }

  get timeZone(): string {
    return this.lastRead().timeZone;
  }

  apply(changes: readonly AnyChange[]): void {
    if (changes.length === 0) return;
    const snap = this.snapshot ?? (this.read(), this.snapshot!);
    const portChanges = changes.filter(isPortChange);
    // A dry run first: a batch that would fail on titles, keys, references or values never reaches Google.
    new MemoryWorkbook(snap.data, { titleProblem: sheetsTitleProblem, nextId: this.highestId + 1 }).apply(portChanges);
    const plan = new BatchPlan(snap.sheets, this.highestId + 1);
    changes.forEach((change, i) => {
      plan.add(change);
      while (plan.origins.length < plan.requests.length) plan.origins.push(i);
    });
    if (plan.requests.length === 0) {
      this.snapshot = null;
      return;
    }
    try {
      this.sheets.Spreadsheets.batchUpdate({ requests: plan.requests }, this.spreadsheetId);
    } catch (e) {
      // A refused batch changed nothing, so the last read still holds: the caller may leave a change out and apply again.
      const at = /requests\[(\d+)\]/.exec(e instanceof Error ? e.message : String(e));
      const origin = at ? plan.origins[Number(at[1])] : undefined;
      throw new BatchRefused(e, origin === undefined ? null : changes[origin]!);
    }
    this.snapshot = null;
    this.highestId = Math.max(this.highestId, plan.nextId - 1);
  }

  private lastRead(): Snapshot {
    if (!this.snapshot) this.read();
    return this.snapshot!;
  }
}

/** Google refused a batch (nothing of it was applied); `change` is the one its request came from, when Google named it. */
export class BatchRefused extends Error {
  constructor(
    override readonly cause: unknown,
    readonly change: AnyChange | null,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'BatchRefused';
  }
}

function isPortChange(change: AnyChange): change is WorkbookChange {
  return ['addTab', 'renameTab', 'removeTab', 'writeCells', 'appendRows', 'replaceRows', 'formatTable'].includes(change.kind);
}

/** Sheets refuses an empty title and one over 100 characters; duplicates are checked by the dry run. */
export function sheetsTitleProblem(title: string): string | null {
  return title.length > 100 ? 'Google Sheets allows at most 100 characters' : null;
}

/** Turns changes into Sheets requests, following the tabs as the batch renames, adds and fills them. */
class BatchPlan {
  readonly requests: SheetsRequest[] = [];
  /** The index of the change each request was made for: a refusal names a request, the caller needs the change. */
  readonly origins: number[] = [];
  private readonly tabs: TrackedSheet[];
  /** Metadata ids given out by this batch, including to tabs it later removed. */
  private readonly chosenMetadataIds = new Set<number>();
  /** A removed tab's id is not given to a new one in the same batch. */
  private readonly removedSheetIds = new Set<number>();

  constructor(
    tabs: readonly TrackedSheet[],
    public nextId: number,
  ) {
    this.tabs = tabs.map((t) => ({ ...t }));
  }

  add(change: AnyChange): void {
    const r = this.requests;
    switch (change.kind) {
      case 'addTab': {
        const sheetId = this.newSheetId();
        const metadataId = this.newMetadataId(sheetId);
        r.push({ addSheet: { properties: { sheetId, title: change.title, gridProperties: { rowCount: NEW_SHEET_ROWS, columnCount: NEW_SHEET_COLUMNS } } } });
        r.push({ createDeveloperMetadata: { developerMetadata: { metadataId, metadataKey: TAB_KEY, metadataValue: change.key, location: { sheetId }, visibility: 'DOCUMENT' } } });
        this.tabs.push({ sheetId, title: change.title, key: change.key, metadataId, lastRow: -1, rowCount: NEW_SHEET_ROWS, colCount: NEW_SHEET_COLUMNS });
        return;
      }
      case 'renameTab': {
        const tab = this.resolve(change.tab);
        if (tab.title !== change.title) r.push({ updateSheetProperties: { properties: { sheetId: tab.sheetId, title: change.title }, fields: 'title' } });
        tab.title = change.title;
        if (change.key !== undefined && change.key !== tab.key) {
          if (tab.metadataId !== null) {
            r.push({
              updateDeveloperMetadata: {
                dataFilters: [{ developerMetadataLookup: { metadataId: tab.metadataId } }],
                developerMetadata: { metadataValue: change.key },
                fields: 'metadataValue',
              },
            });
          } else {
            tab.metadataId = this.newMetadataId(tab.sheetId);
            r.push({ createDeveloperMetadata: { developerMetadata: { metadataId: tab.metadataId, metadataKey: TAB_KEY, metadataValue: change.key, location: { sheetId: tab.sheetId }, visibility: 'DOCUMENT' } } });
          }
          tab.key = change.key;
        }
        return;
      }
      case 'removeTab': {
        const tab = this.resolve(change.tab);
        r.push({ deleteSheet: { sheetId: tab.sheetId } });
        this.tabs.splice(this.tabs.indexOf(tab), 1);
        this.removedSheetIds.add(tab.sheetId);
        return;
      }
      case 'writeCells':
        this.write(this.resolve(change.tab), change.row, change.col, change.values);
        return;
      case 'appendRows': {
        const tab = this.resolve(change.tab);
        this.write(tab, tab.lastRow + 1, 0, change.values);
        return;
      }
      case 'replaceRows': {
        const tab = this.resolve(change.tab);
        const width = Math.max(0, ...change.values.map((line) => line.length));
        this.ensureGrid(tab, change.values.length, width);
        // A whole-sheet range: every cell the rows do not cover is cleared (values, formats, links).
        r.push({
          updateCells: {
            range: { sheetId: tab.sheetId },
            rows: change.values.map((line) => ({ values: line.map((v) => withOwnFormat(v)) })),
            fields: 'userEnteredValue,userEnteredFormat.numberFormat,textFormatRuns',
          },
        });
        tab.lastRow = lastFilled(change.values);
        return;
      }
      case 'formatTable':
        this.format(this.resolve(change.tab), change.headerRow, change.columns);
        return;
      case 'protect': {
        const tab = this.resolve(change.tab);
        const range: GridRange = change.rows ? { sheetId: tab.sheetId, startRowIndex: change.rows.start, endRowIndex: change.rows.end } : { sheetId: tab.sheetId };
        const protectedRange: ProtectedRange = { range, description: change.description, warningOnly: false, editors: { users: change.editors } };
        if (change.existing !== undefined) {
          r.push({ updateProtectedRange: { protectedRange: { ...protectedRange, protectedRangeId: change.existing }, fields: 'range,description,editors' } });
        } else r.push({ addProtectedRange: { protectedRange } });
        return;
      }
      case 'unprotect':
        r.push({ deleteProtectedRange: { protectedRangeId: change.protectedRangeId } });
        return;
      case 'marks': {
        const tab = this.resolve(change.tab);
        for (const c of change.cells) {
          this.ensureGrid(tab, c.row + 1, c.col + 1);
          const cell: CellData = {};
          if (c.note !== null) cell.note = c.note;
          if (c.background !== null) cell.userEnteredFormat = { backgroundColor: c.background };
          r.push({ updateCells: { start: { sheetId: tab.sheetId, rowIndex: c.row, columnIndex: c.col }, rows: [{ values: [cell] }], fields: 'note,userEnteredFormat.backgroundColor' } });
        }
        return;
      }
      case 'links': {
        const tab = this.resolve(change.tab);
        for (const c of change.cells) {
          this.ensureGrid(tab, c.row + 1, c.col + 1);
          r.push({
            updateCells: {
              start: { sheetId: tab.sheetId, rowIndex: c.row, columnIndex: c.col },
              rows: [{ values: [c.text ? { userEnteredValue: { stringValue: c.text }, textFormatRuns: formatRuns(c) } : {}] }],
              fields: 'userEnteredValue,textFormatRuns',
            },
          });
          tab.lastRow = Math.max(tab.lastRow, c.row);
        }
        return;
      }
      case 'chart': {
        const tab = this.resolve(change.tab);
        const spec = withSheetId(change.spec, tab.sheetId);
        if (change.chartId !== undefined) r.push({ updateChartSpec: { chartId: change.chartId, spec } });
        else {
          r.push({
            addChart: {
              chart: {
                spec,
                position: { overlayPosition: { anchorCell: { sheetId: tab.sheetId, rowIndex: change.anchor.row, columnIndex: change.anchor.col }, widthPixels: change.width, heightPixels: change.height } },
              },
            },
          });
        }
        return;
      }
      case 'timeZone':
        r.push({ updateSpreadsheetProperties: { properties: { timeZone: change.timeZone }, fields: 'timeZone' } });
        return;
      default: {
        const unknown: never = change;
        throw new Error(`unknown workbook change ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * The next sheet id after the highest the workbook has had, as Google's own are positive int32 (a tab added in
   * Sheets may have one near the top): past it, the lowest id no tab holds.
   */
  private newSheetId(): number {
    const taken = new Set([...this.tabs.map((t) => t.sheetId), ...this.removedSheetIds]);
    let id = this.nextId;
    if (id > MAX_INT32 || taken.has(id)) {
      id = 1;
      while (taken.has(id)) id++;
    }
    this.nextId = Math.max(this.nextId, id + 1);
    return id;
  }

  /**
   * Sheets lets the caller choose a metadata id (a rename later in the same batch relies on it): a positive int32
   * that no metadata of the workbook holds yet. Derived from the sheet id so that a re-run asks for the same one.
   */
  private newMetadataId(sheetId: number): number {
    const taken = new Set(this.tabs.map((t) => t.metadataId).filter((id): id is number => id !== null));
    for (const id of this.chosenMetadataIds) taken.add(id);
    let id = (sheetId % MAX_INT32) + 1;
    while (taken.has(id)) id = (id % MAX_INT32) + 1;
    this.chosenMetadataIds.add(id);
    return id;
  }

  private resolve(ref: TabRef): TrackedSheet {
    const tab = 'id' in ref ? this.tabs.find((t) => String(t.sheetId) === ref.id) : this.tabs.find((t) => t.key === ref.key);
    if (!tab) throw new Error(`no tab with ${'id' in ref ? `id "${ref.id}"` : `key "${ref.key}"`} in the workbook`);
    return tab;
  }

  /** Sheets refuses a cell beyond the grid: rows and columns are appended first. */
  private ensureGrid(tab: TrackedSheet, rows: number, cols: number): void {
    if (rows > tab.rowCount) {
      this.requests.push({ appendDimension: { sheetId: tab.sheetId, dimension: 'ROWS', length: rows - tab.rowCount } });
      tab.rowCount = rows;
    }
    if (cols > tab.colCount) {
      this.requests.push({ appendDimension: { sheetId: tab.sheetId, dimension: 'COLUMNS', length: cols - tab.colCount } });
      tab.colCount = cols;
    }
  }

  private write(tab: TrackedSheet, row: number, col: number, values: readonly (readonly Cell[])[]): void {
    const width = Math.max(0, ...values.map((line) => line.length));
    if (values.length === 0 || width === 0) return;
    this.ensureGrid(tab, row + values.length, col + width);
    // Values only, so that what a teacher formatted stays formatted; with `start` each row writes its own cells.
    this.requests.push({
      updateCells: {
        start: { sheetId: tab.sheetId, rowIndex: row, columnIndex: col },
        rows: values.map((line) => ({ values: line.map((v) => ({ userEnteredValue: extendedValue(v) })) })),
        fields: 'userEnteredValue',
      },
    });
    // A Date needs a date format to read back as a date, a number must lose one: runs of such cells, per row.
    values.forEach((line, i) => {
      let j = 0;
      while (j < line.length) {
        if (!needsFormat(line[j])) {
          j++;
          continue;
        }
        const start = j;
        while (j < line.length && needsFormat(line[j])) j++;
        this.requests.push({
          updateCells: {
            start: { sheetId: tab.sheetId, rowIndex: row + i, columnIndex: col + start },
            rows: [{ values: line.slice(start, j).map((v) => ({ userEnteredFormat: { numberFormat: numberFormatOf(v) } })) }],
            fields: 'userEnteredFormat.numberFormat',
          },
        });
      }
    });
    const filled = lastFilled(values);
    if (filled >= 0) tab.lastRow = Math.max(tab.lastRow, row + filled);
  }

  private format(tab: TrackedSheet, headerRow: number, columns: readonly ColumnFormat[]): void {
    const r = this.requests;
    const right = Math.max(0, ...columns.map((c) => c.col + 1));
    this.ensureGrid(tab, headerRow + 2, right);
    r.push({ updateSheetProperties: { properties: { sheetId: tab.sheetId, gridProperties: { frozenRowCount: headerRow + 1 } }, fields: 'gridProperties.frozenRowCount' } });
    r.push({
      repeatCell: {
        range: { sheetId: tab.sheetId, startRowIndex: headerRow, endRowIndex: headerRow + 1 },
        cell: { userEnteredFormat: { textFormat: { bold: true }, wrapStrategy: 'WRAP' } },
        fields: 'userEnteredFormat.textFormat.bold,userEnteredFormat.wrapStrategy',
      },
    });
    for (const column of columns) {
      // Open-ended downwards: rows a teacher adds later are typed too.
      const range: GridRange = { sheetId: tab.sheetId, startRowIndex: headerRow + 1, startColumnIndex: column.col, endColumnIndex: column.col + 1 };
      const numberFormat = TEXT_TYPES.has(column.type) ? { type: 'TEXT' as const, pattern: '@' } : column.type === 'date' ? DATE_FORMAT : null;
      if (numberFormat) r.push({ repeatCell: { range, cell: { userEnteredFormat: { numberFormat } }, fields: 'userEnteredFormat.numberFormat' } });
      const rule = validationRule(column);
      // The same hint the .xlsx shows on entering a cell, where Sheets has a rule to carry it; a real checkbox
      // needs none (the hint speaks of the words an .xlsx shows instead).
      const hinted = rule && column.hint && column.type !== 'checkbox' ? { ...rule, inputMessage: column.hint.prompt } : rule;
      if (hinted) r.push({ setDataValidation: { range, rule: hinted } });
    }
  }
}

/**
 * Warnings rather than refusals (strict: false): the engine reads "ұл", "да", "11.12.2006" typed as text and
 * says what is wrong, and a pasted class list is never rejected cell by cell.
 */
function validationRule(column: ColumnFormat): DataValidationRule | null {
  const list = (values: readonly string[]): DataValidationRule | null =>
    values.length === 0 ? null : { condition: { type: 'ONE_OF_LIST', values: values.map((v) => ({ userEnteredValue: v })) }, strict: false, showCustomUi: true };
  switch (column.type) {
    case 'choice':
    case 'language':
      return list(column.allowed ?? []);
    case 'sex':
      // Both alphabets' usual letters: a Kazakh and a Russian class share one layout.
      return list(column.allowed?.length ? column.allowed : ['ұл', 'қыз', 'М', 'Ж']);
    case 'checkbox':
      return { condition: { type: 'BOOLEAN' }, strict: false };
    case 'date':
      return { condition: { type: 'DATE_IS_VALID' }, strict: false };
    case 'integer':
      return { condition: { type: 'NUMBER_GREATER_THAN_EQ', values: [{ userEnteredValue: '0' }] }, strict: false };
    case 'email':
      return { condition: { type: 'TEXT_IS_EMAIL' }, strict: false };
    default:
      return null;
  }
}

/** Text format runs of a link cell: each linked stretch, and a plain run after it when text follows. */
function formatRuns(c: { text: string; uri: string; runs?: { start: number; end: number; uri: string }[] }): TextFormatRun[] {
  if (!c.runs) return [{ startIndex: 0, format: { link: { uri: c.uri } } }];
  const out: TextFormatRun[] = [];
  c.runs.forEach((run, i) => {
    if (run.start > 0 && out.length === 0) out.push({ startIndex: 0, format: {} });
    out.push({ startIndex: run.start, format: { link: { uri: run.uri } } });
    const next = c.runs![i + 1];
    if (run.end < c.text.length && (!next || next.start > run.end)) out.push({ startIndex: run.end, format: {} });
  });
  return out;
}

function numberFormatOf(v: Cell | undefined) {
  return v instanceof Date ? DATE_FORMAT : Number.isInteger(v) ? INTEGER_FORMAT : DECIMAL_FORMAT;
}

function needsFormat(v: Cell | undefined): boolean {
  return v instanceof Date || typeof v === 'number';
}

/** A value as Sheets must receive it to keep it: text as stringValue (never parsed, never a formula). */
export function extendedValue(v: Cell | undefined): CellData['userEnteredValue'] {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return { numberValue: v };
  return { numberValue: dateToSerial(v) };
}

/** A cell of a tab Qamqor owns: the value and the number format it reads back with. */
function withOwnFormat(v: Cell | undefined): CellData {
  const userEnteredValue = extendedValue(v);
  if (!userEnteredValue) return {};
  return v instanceof Date ? { userEnteredValue, userEnteredFormat: { numberFormat: DATE_FORMAT } } : { userEnteredValue };
}

/** The calendar day of a Date (rounded to the nearest UTC day, as the domain reads dates) as a serial number. */
export function dateToSerial(date: Date): number {
  return Math.round(date.getTime() / DAY_MS) + SERIAL_EPOCH_OFFSET;
}

export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS));
}

function lastFilled(values: readonly (readonly Cell[])[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i].some((v) => v !== null && v !== undefined && v !== '')) return i;
  return -1;
}

function withSheetId(spec: ChartSpec, sheetId: number): ChartSpec {
  if (!spec.basicChart) return spec;
  const fix = (s: { sources: GridRange[] }) => ({ sources: s.sources.map((g) => ({ ...g, sheetId })) });
  return {
    ...spec,
    basicChart: {
      ...spec.basicChart,
      domains: spec.basicChart.domains.map((d) => ({ domain: { sourceRange: fix(d.domain.sourceRange) } })),
      series: spec.basicChart.series.map((s) => ({ ...s, series: { sourceRange: fix(s.series.sourceRange) } })),
    },
  };
}

function toSnapshot(resource: SheetsSpreadsheet): Snapshot {
  const tabs: TabData[] = [];
  const extras = new Map<string, SheetExtras>();
  const sheets: TrackedSheet[] = [];
  // The REST API leaves out a field at its default: the first sheet's id and index are 0 when absent.
  const ordered = [...(resource.sheets ?? [])].sort((a, b) => (a.properties?.index ?? 0) - (b.properties?.index ?? 0));
  for (const sheet of ordered) {
    const p = sheet.properties ?? {};
    const sheetId = p.sheetId ?? 0;
    const meta = (sheet.developerMetadata ?? []).find((m) => m.metadataKey === TAB_KEY);
    const key = meta?.metadataValue ?? null;
    const { rows, formulas, notes, backgrounds } = readGrid(sheet);
    const id = String(sheetId);
    tabs.push({ id, key, title: p.title ?? '', rows, formulas });
    extras.set(id, {
      sheetId,
      protectedRanges: (sheet.protectedRanges ?? []).map((pr) => protectionOf(pr, sheetId)),
      chartIds: (sheet.charts ?? []).map((c) => c.chartId).filter((c): c is number => typeof c === 'number'),
      frozenRows: p.gridProperties?.frozenRowCount ?? 0,
      notes,
      backgrounds,
    });
    let lastRow = rows.length - 1;
    for (const f of formulas) lastRow = Math.max(lastRow, f.row);
    sheets.push({
      sheetId,
      title: p.title ?? '',
      key,
      metadataId: meta?.metadataId ?? null,
      lastRow,
      rowCount: p.gridProperties?.rowCount ?? NEW_SHEET_ROWS,
      colCount: p.gridProperties?.columnCount ?? NEW_SHEET_COLUMNS,
    });
  }
  return {
    data: { tabs },
    extras,
    sheets,
    locale: resource.properties?.locale ?? '',
    timeZone: resource.properties?.timeZone ?? '',
  };
}

/** A protection as read, its defaults put back: a range without sheetId is on sheet 0, rows from 0 when unbounded. */
function protectionOf(p: ReadProtectedRange, sheetId: number): ProtectedRange {
  const r = p.range ?? {};
  const range: GridRange = { sheetId: r.sheetId ?? sheetId };
  if (typeof r.startRowIndex === 'number') range.startRowIndex = r.startRowIndex;
  if (typeof r.endRowIndex === 'number') {
    range.endRowIndex = r.endRowIndex;
    range.startRowIndex ??= 0;
  }
  if (typeof r.startColumnIndex === 'number') range.startColumnIndex = r.startColumnIndex;
  if (typeof r.endColumnIndex === 'number') range.endColumnIndex = r.endColumnIndex;
  return {
    range,
    ...(typeof p.protectedRangeId === 'number' ? { protectedRangeId: p.protectedRangeId } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(p.warningOnly ? { warningOnly: true } : {}),
    ...(typeof p.requestingUserCanEdit === 'boolean' ? { requestingUserCanEdit: p.requestingUserCanEdit } : {}),
    ...(p.editors ? { editors: p.editors } : {}),
  };
}

function readGrid(sheet: SheetsSheet): { rows: Cell[][]; formulas: FormulaCell[]; notes: Map<string, string>; backgrounds: Map<string, Color> } {
  const rows: Cell[][] = [];
  const formulas: FormulaCell[] = [];
  const notes = new Map<string, string>();
  const backgrounds = new Map<string, Color>();
  for (const grid of sheet.data ?? []) {
    const top = grid.startRow ?? 0;
    const left = grid.startColumn ?? 0;
    (grid.rowData ?? []).forEach((rowData, i) => {
      const r = top + i;
      const line: Cell[] = [];
      (rowData.values ?? []).forEach((cell, j) => {
        const c = left + j;
        const formula = cell.userEnteredValue?.formulaValue;
        if (typeof formula === 'string') formulas.push({ row: r, col: c, formula });
        if (cell.note) notes.set(`${r},${c}`, cell.note);
        const bg = cell.userEnteredFormat?.backgroundColor;
        if (bg) backgrounds.set(`${r},${c}`, bg);
        const value = cellOf(cell);
        if (value === null) return;
        while (line.length < c) line.push(null);
        line[c] = value;
      });
      while (rows.length <= r) rows.push([]);
      rows[r] = line;
    });
  }
  const lastFormulaRow = formulas.reduce((max, f) => Math.max(max, f.row), -1);
  while (rows.length > lastFormulaRow + 1 && rows[rows.length - 1].length === 0) rows.pop();
  return { rows, formulas, notes, backgrounds };
}

const ERROR_TEXT: Record<string, string> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIVIDE_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!', NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A',
};

/**
 * A cell as the engine sees it: a formula's result, a number shown as a date as a Date, an error as the text the
 * cell shows. Dates are told by what the cell displays, not by its format, which the read does not ask for.
 */
function cellOf(cell: ReadCell): Cell {
  const v = cell.effectiveValue;
  if (!v) return null;
  if (typeof v.stringValue === 'string') return v.stringValue === '' ? null : v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (typeof v.numberValue === 'number') return shownAsDate(v.numberValue, cell.formattedValue) ? serialToDate(Math.floor(v.numberValue)) : v.numberValue;
  if (v.errorValue) return cell.formattedValue || ERROR_TEXT[v.errorValue.type ?? ''] || '#ERROR!';
  return null;
}

/**
 * A serial number displayed as its own calendar day: day, month and year in the order of any locale (03.05.2010,
 * 5/3/2010, 2010-05-03), a time after it allowed. A count or an amount never reads so.
 */
export function shownAsDate(serial: number, shown: string | null | undefined): boolean {
  if (!shown || serial < 1 || serial > 2_958_465) return false;
  const m = /^\s*(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?![\d./-])/.exec(shown);
  if (!m) return false;
  const day = serialToDate(Math.floor(serial));
  const [y, mo, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const isYear = (n: number, text: string) => (text.length === 4 ? n === y : text.length <= 2 && n === y % 100);
  if (isYear(a, m[1]!) && b === mo && c === d) return true;
  return isYear(c, m[3]!) && ((b === mo && a === d) || (a === mo && b === d));
}

function copyData(data: WorkbookData): WorkbookData {
  return {
    tabs: data.tabs.map((t) => ({
      ...t,
      rows: t.rows.map((r) => r.map((c) => (c instanceof Date ? new Date(c.getTime()) : c))),
      formulas: t.formulas.map((f) => ({ ...f })),
    })),
  };
}
