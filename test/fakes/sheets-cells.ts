// The cells of the fake spreadsheet and how a read shows them: values and notes per cell, formats both per cell
// and laid over rectangles (a repeatCell down to row 1000 formats every cell of it, as set-up leaves a class tab),
// and the grid data a Spreadsheets.get returns for a field mask — a cell comes back when the mask asks for
// something it has, a formatted empty cell included when formats are asked, in rows and cells holding their place.
import type { Color, DataValidationRule, DeveloperMetadata, EmbeddedChart, ExtendedValue, GridRange, NumberFormat, ProtectedRange } from '../../src/apps-script/sheets-api';
import { applyMask, compact, maskAt, type Mask } from './field-mask';
import { apiSchema } from './google-schema';

/** A text format run as the fake keeps it: where it starts and the link it carries, if any. */
export interface FakeRun {
  startIndex: number;
  format: { link?: { uri: string }; bold?: boolean };
}

export interface FakeCell {
  /** What was entered: a string, number or boolean, or a formula. */
  value?: ExtendedValue;
  /** A formula's computed result (the fake computes nothing: it is given with the formula). */
  result?: ExtendedValue;
  /** The cell's own formats; undefined: whatever a rectangle laid over it says, null: cleared. */
  format?: NumberFormat | null;
  background?: Color | null;
  bold?: boolean | null;
  wrap?: string | null;
  note?: string;
  links?: FakeRun[];
}

export type FormatField = 'format' | 'background' | 'bold' | 'wrap';
export const FORMAT_FIELDS: readonly FormatField[] = ['format', 'background', 'bold', 'wrap'];

/** One format field set over a rectangle, clamped to the grid as it stood: rows appended later do not get it. */
export interface FormatLayer {
  top: number;
  bottom: number;
  left: number;
  right: number;
  field: FormatField;
  value: unknown;
}

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  colCount: number;
  frozenRowCount: number;
  cells: Map<string, FakeCell>;
  layers: FormatLayer[];
  metadata: DeveloperMetadata[];
  protectedRanges: ProtectedRange[];
  charts: EmbeddedChart[];
  validations: { range: GridRange; rule: DataValidationRule | null }[];
}

export const key = (r: number, c: number) => `${r},${c}`;

export function at(k: string): [number, number] {
  const i = k.indexOf(',');
  return [Number(k.slice(0, i)), Number(k.slice(i + 1))];
}

export function effective(cell: FakeCell): ExtendedValue | undefined {
  if (cell.value?.formulaValue !== undefined && cell.value?.formulaValue !== null) return cell.result;
  return cell.value;
}

/** A format field of a cell as it stands: its own, else the last rectangle laid over it. */
export function formatOf<F extends FormatField>(sheet: FakeSheet, r: number, c: number, field: F): NonNullable<FakeCell[F]> | undefined {
  const own = sheet.cells.get(key(r, c))?.[field];
  if (own !== undefined) return (own ?? undefined) as NonNullable<FakeCell[F]> | undefined;
  for (let i = sheet.layers.length - 1; i >= 0; i--) {
    const l = sheet.layers[i]!;
    if (l.field === field && r >= l.top && r < l.bottom && c >= l.left && c < l.right) return (l.value ?? undefined) as NonNullable<FakeCell[F]> | undefined;
  }
  return undefined;
}

export function numberFormatOf(sheet: FakeSheet, r: number, c: number): NumberFormat | undefined {
  return formatOf(sheet, r, c, 'format');
}

// ---- What a cell displays ------------------------------------------------------------------------------------

const SERIAL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;
const ERROR_TEXT: Record<string, string> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIVIDE_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!', NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A', LOADING: 'Loading...',
};

/** Separators of the locales the tests use: Kazakh and Russian write 1 234,5. */
function separators(locale: string): { decimal: string; group: string } {
  return /^(ru|kk)/.test(locale) ? { decimal: ',', group: '\u00a0' } : { decimal: '.', group: ',' };
}

/** The text Sheets shows for a value in a number format (the part of Sheets' formatting Qamqor's formats use). */
export function formattedValue(v: ExtendedValue | undefined, format: NumberFormat | undefined, locale: string): string | undefined {
  if (!v) return undefined;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue ? 'TRUE' : 'FALSE';
  if (v.errorValue) return ERROR_TEXT[v.errorValue.type ?? 'ERROR'] ?? '#ERROR!';
  if (typeof v.numberValue !== 'number') return undefined;
  const n = v.numberValue;
  const { decimal, group } = separators(locale);
  switch (format?.type) {
    case 'TEXT':
      return String(n);
    case 'DATE':
    case 'DATE_TIME':
    case 'TIME':
      return formatDate(n, format.pattern || defaultDatePattern(format.type, locale));
    case 'NUMBER':
    case 'PERCENT':
    case 'CURRENCY':
      if (format.pattern) return formatNumber(format.type === 'PERCENT' ? n * 100 : n, format.pattern, decimal, group) + (format.type === 'PERCENT' ? '%' : '');
      return formatNumber(n, '#,##0.00', decimal, group);
    default: {
      // "Automatic": up to ten significant digits, the locale's decimal separator.
      const text = Number.isInteger(n) && Math.abs(n) < 1e11 ? String(n) : String(Number(n.toPrecision(10)));
      return text.replace('.', decimal);
    }
  }
}

function defaultDatePattern(type: string, locale: string): string {
  const date = /^(ru|kk)/.test(locale) ? 'dd.mm.yyyy' : 'm/d/yyyy';
  return type === 'TIME' ? 'h:mm:ss' : type === 'DATE_TIME' ? `${date} h:mm:ss` : date;
}

function formatDate(serial: number, pattern: string): string {
  const d = new Date(Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS));
  const two = (n: number) => String(n).padStart(2, '0');
  const parts: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()), yy: two(d.getUTCFullYear() % 100), dd: two(d.getUTCDate()), d: String(d.getUTCDate()),
    hh: two(d.getUTCHours()), h: String(d.getUTCHours()), ss: two(d.getUTCSeconds()),
  };
  // "mm" is the month next to days or years, the minutes next to hours, as in Sheets' patterns.
  return pattern.replace(/yyyy|yy|dd|d|hh|h|ss|mm|m/g, (token, offset: number) => {
    if (token === 'mm' || token === 'm') {
      const minutes = /h+:$/.test(pattern.slice(0, offset)) || /^:ss/.test(pattern.slice(offset + token.length));
      const value = minutes ? d.getUTCMinutes() : d.getUTCMonth() + 1;
      return token === 'mm' ? two(value) : String(value);
    }
    return parts[token]!;
  });
}

function formatNumber(n: number, pattern: string, decimal: string, group: string): string {
  const body = pattern.replace(/[^0#.,]/g, '');
  const [whole, frac = ''] = body.split('.');
  const minDecimals = (frac.match(/0/g) ?? []).length;
  const maxDecimals = frac.length;
  let text = Math.abs(n).toFixed(maxDecimals);
  if (maxDecimals > minDecimals) text = text.replace(new RegExp(`0{1,${maxDecimals - minDecimals}}$`), '').replace(/\.$/, '');
  let [int, dec] = text.split('.');
  if (whole!.includes(',')) int = int!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${n < 0 ? '-' : ''}${int}${dec ? decimal + dec : ''}`;
}

// ---- Reading cells -----------------------------------------------------------------------------------------

/** Sheets' default format of a cell, what effectiveFormat holds beyond a cell's own formats. */
const DEFAULT_FORMAT = {
  backgroundColor: { red: 1, green: 1, blue: 1 },
  backgroundColorStyle: { rgbColor: { red: 1, green: 1, blue: 1 } },
  padding: { top: 2, right: 3, bottom: 2, left: 3 },
  verticalAlignment: 'BOTTOM',
  wrapStrategy: 'OVERFLOW_CELL',
  textFormat: {
    foregroundColor: {}, fontFamily: 'arial,sans,sans-serif', fontSize: 10, bold: false, italic: false, strikethrough: false, underline: false,
    foregroundColorStyle: { rgbColor: {} },
  },
  hyperlinkDisplayType: 'PLAIN_TEXT',
};

function userFormat(sheet: FakeSheet, r: number, c: number): Record<string, unknown> | undefined {
  const numberFormat = formatOf(sheet, r, c, 'format');
  const background = formatOf(sheet, r, c, 'background');
  const bold = formatOf(sheet, r, c, 'bold');
  const wrap = formatOf(sheet, r, c, 'wrap');
  if (!numberFormat && !background && bold === undefined && !wrap) return undefined;
  return {
    ...(numberFormat ? { numberFormat: { ...numberFormat } } : {}),
    ...(background ? { backgroundColor: { ...background }, backgroundColorStyle: { rgbColor: { ...background } } } : {}),
    ...(bold !== undefined ? { textFormat: { bold } } : {}),
    ...(wrap ? { wrapStrategy: wrap } : {}),
  };
}

function validationAt(sheet: FakeSheet, r: number, c: number): DataValidationRule | undefined {
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const { range, rule } = sheet.validations[i]!;
    if (r >= (range.startRowIndex ?? 0) && r < (range.endRowIndex ?? sheet.rowCount) && c >= (range.startColumnIndex ?? 0) && c < (range.endColumnIndex ?? sheet.colCount)) {
      return rule ?? undefined;
    }
  }
  return undefined;
}

/** A cell as the API describes it in full (before the mask): only the parts `wants` names are built. */
function cellData(sheet: FakeSheet, r: number, c: number, locale: string, wants: (field: string) => boolean): Record<string, unknown> {
  const cell = sheet.cells.get(key(r, c));
  const out: Record<string, unknown> = {};
  const value = cell ? effective(cell) : undefined;
  if (cell?.value && wants('userEnteredValue')) out.userEnteredValue = { ...cell.value };
  if (value && wants('effectiveValue')) out.effectiveValue = { ...value };
  if (value && wants('formattedValue')) out.formattedValue = formattedValue(value, numberFormatOf(sheet, r, c), locale);
  const user = wants('userEnteredFormat') || wants('effectiveFormat') ? userFormat(sheet, r, c) : undefined;
  if (user && wants('userEnteredFormat')) out.userEnteredFormat = user;
  if ((user || value) && wants('effectiveFormat')) {
    const textFormat = { ...DEFAULT_FORMAT.textFormat, ...((user?.textFormat as object) ?? {}) };
    out.effectiveFormat = { ...DEFAULT_FORMAT, ...(user ?? {}), textFormat };
  }
  if (cell?.note && wants('note')) out.note = cell.note;
  if (cell?.links && wants('textFormatRuns')) out.textFormatRuns = cell.links.map((l) => ({ ...l, format: { ...l.format } }));
  if (wants('dataValidation')) {
    const rule = validationAt(sheet, r, c);
    if (rule) out.dataValidation = JSON.parse(JSON.stringify(rule));
  }
  return out;
}

/** A rectangle of a sheet, 0-based, end exclusive. */
export interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The GridData of one area of a sheet for the cell mask `cells` (the mask below `rowData.values`): rows from the
 * area's top to the last one holding something asked for, each row's cells to its last such cell, `{}` in between.
 */
export function gridData(sheet: FakeSheet, area: Area, cells: Mask, locale: string): Record<string, unknown> {
  const schema = apiSchema('sheets/v4');
  const wants = (field: string) => maskAt(cells, [field]) !== undefined;
  const positions = new Set<string>();
  const inArea = (r: number, c: number) => r >= area.top && r < area.bottom && c >= area.left && c < area.right;
  for (const k of sheet.cells.keys()) {
    const [r, c] = at(k);
    if (inArea(r, c)) positions.add(k);
  }
  const rect = (top: number, bottom: number, left: number, right: number) => {
    for (let r = Math.max(top, area.top); r < Math.min(bottom, area.bottom, sheet.rowCount); r++) {
      for (let c = Math.max(left, area.left); c < Math.min(right, area.right, sheet.colCount); c++) positions.add(key(r, c));
    }
  };
  // A formatted or validated empty cell is a cell to Google: it comes back when its format or rule is asked for.
  const formats = formatFieldsAsked(cells);
  for (const l of sheet.layers) if (l.value !== null && l.value !== undefined && formats.has(l.field)) rect(l.top, l.bottom, l.left, l.right);
  if (wants('dataValidation')) {
    for (const v of sheet.validations) {
      if (v.rule) rect(v.range.startRowIndex ?? 0, v.range.endRowIndex ?? sheet.rowCount, v.range.startColumnIndex ?? 0, v.range.endColumnIndex ?? sheet.colCount);
    }
  }
  const rows = new Map<number, Map<number, unknown>>();
  for (const k of positions) {
    const [r, c] = at(k);
    const data = applyMask(compact(cellData(sheet, r, c, /* locale */ locale, wants), schema, 'CellData'), cells) as Record<string, unknown>;
    if (Object.keys(data).length === 0) continue;
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, data);
  }
  const rowData: unknown[] = [];
  const lastRow = Math.max(-1, ...rows.keys());
  for (let r = area.top; r <= lastRow; r++) {
    const row = rows.get(r);
    if (!row) {
      rowData.push({});
      continue;
    }
    const values: unknown[] = [];
    const lastCol = Math.max(...row.keys());
    for (let c = area.left; c <= lastCol; c++) values.push(row.get(c) ?? {});
    rowData.push({ values });
  }
  return { startRow: area.top, startColumn: area.left, rowData };
}

/**
 * The format fields whose cells a cell mask can bring back: those it names under userEnteredFormat, and under
 * effectiveFormat all of them when it asks for a part every formatted cell has (its defaults: padding, fonts…).
 */
function formatFieldsAsked(cells: Mask): Set<FormatField> {
  const out = new Set<FormatField>();
  const BY_NAME: Record<string, FormatField> = { numberFormat: 'format', backgroundColor: 'background', backgroundColorStyle: 'background', textFormat: 'bold', wrapStrategy: 'wrap' };
  for (const part of ['userEnteredFormat', 'effectiveFormat']) {
    const m = maskAt(cells, [part]);
    if (m === undefined) continue;
    if (m === true) FORMAT_FIELDS.forEach((f) => out.add(f));
    else {
      for (const name of m.keys()) {
        const f = BY_NAME[name];
        if (f) out.add(f);
        else if (part === 'effectiveFormat' || name === '*') FORMAT_FIELDS.forEach((x) => out.add(x));
      }
    }
  }
  return out;
}

/** Row and column sizes, for a mask that asks for them: every row and column of the area has one. */
export function dimensionData(sheet: FakeSheet, area: Area): { rowMetadata: unknown[]; columnMetadata: unknown[] } {
  const bottom = Math.min(area.bottom, sheet.rowCount);
  const right = Math.min(area.right, sheet.colCount);
  return {
    rowMetadata: Array.from({ length: Math.max(0, bottom - area.top) }, () => ({ pixelSize: 21 })),
    columnMetadata: Array.from({ length: Math.max(0, right - area.left) }, () => ({ pixelSize: 100 })),
  };
}

/** "'5А'!A2:C10", "Баптаулар!1:30", "Sheet1": the tab and the rectangle an A1 range names. */
export function parseA1(range: string, sheets: readonly FakeSheet[]): { sheet: FakeSheet; area: Area } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+?))(?:!(.+))?$/.exec(range.trim());
  if (!m) return null;
  const title = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const sheet = sheets.find((s) => s.title === title);
  if (!sheet) return null;
  const full: Area = { top: 0, bottom: sheet.rowCount, left: 0, right: sheet.colCount };
  if (!m[3]) return { sheet, area: full };
  const cell = /^([A-Z]*)(\d*)$/;
  const [from, to = from] = m[3].toUpperCase().split(':');
  const a = cell.exec(from!);
  const b = cell.exec(to!);
  if (!a || !b) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return {
    sheet,
    area: {
      top: a[2] ? Number(a[2]) - 1 : 0,
      bottom: b[2] ? Number(b[2]) : sheet.rowCount,
      left: a[1] ? col(a[1]) : 0,
      right: b[1] ? col(b[1]) + 1 : sheet.colCount,
    },
  };
}
