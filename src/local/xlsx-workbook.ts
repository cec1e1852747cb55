// The workbook port over an .xlsx file (exceljs): the offline registry. The file is loaded whole,
// read and changed in memory by the synchronous use cases, and saved atomically beside itself.
// A Date's UTC fields are the cell's wall clock (Excel has no time zones), so UTC midnight is a whole day.
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { MemoryWorkbook } from '../app/memory-workbook';
import type { ColumnFormat, TabRef, WorkbookChange, WorkbookPort } from '../app/workbook-port';
import { RegistryError } from '../domain/i18n';
import type { Cell, FormulaCell, TabData, WorkbookData } from '../domain/sheet';
import type { ColumnType } from '../domain/template';

/** The hidden sheet where Qamqor remembers which tab is which: rows of `sheetId | key | title`. */
export const META_SHEET = '_qamqor';
const DATE_FORMAT = 'dd.mm.yyyy';
/** Data validations reach this far down: a class list is never longer, and Excel stays light. */
const VALIDATION_LAST_ROW = 1000;
/** Excel refuses a list validation whose formula is longer than this. */
const LIST_FORMULA_MAX = 255;
const TEXT_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>(['iin', 'phone', 'text']);
const { ValueType } = ExcelJS;

export class XlsxWorkbook implements WorkbookPort {
  /** Keys by sheetId. */
  private readonly keys: Map<number, string>;
  /** The largest sheetId this workbook has used: a new tab never takes the id of a removed one. */
  private highestId: number;
  private changed = false;

  private constructor(private readonly book: ExcelJS.Workbook) {
    this.keys = readMeta(book);
    this.highestId = book.worksheets.reduce((max, ws) => Math.max(max, ws.id), 0);
  }

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  static async open(path: string): Promise<XlsxWorkbook> {
    let data: Buffer;
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile()) throw new RegistryError('not_xlsx', { file: path, reason: 'not a file' });
      data = await fs.readFile(path);
    } catch (e) {
      if (isNodeError(e) && e.code === 'ENOENT') throw new RegistryError('file_missing', { file: path });
      throw e;
    }
    const problem = signatureProblem(data);
    if (problem) throw new RegistryError('not_xlsx', { file: path, reason: problem });
    const book = new ExcelJS.Workbook();
    try {
      // exceljs types its input as an ArrayBuffer; at run time it takes a Node Buffer.
      await book.xlsx.load(data as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new RegistryError('not_xlsx', { file: path, reason: firstSentence(e) });
    }
    if (book.worksheets.length === 0) throw new RegistryError('not_xlsx', { file: path, reason: 'no worksheets' });
    return new XlsxWorkbook(book);
  }

  /** Writes to a temporary file in the same folder, then renames it over `path`: a crash leaves the old file whole. */
  async save(path: string): Promise<void> {
    if (!this.book.worksheets.some((ws) => ws.name !== META_SHEET && ws.state !== 'veryHidden' && ws.state !== 'hidden')) {
      throw new Error('a workbook needs at least one visible tab before it can be saved');
    }
    this.writeMeta();
    // Formulas a teacher typed may depend on cells written here; their cached results are stale until Excel recalculates.
    if (this.changed) this.book.calcProperties.fullCalcOnLoad = true;
    const data = Buffer.from(await this.book.xlsx.writeBuffer());
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    try {
      const handle = await fs.open(temp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, path);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
  }

  read(): WorkbookData {
    return { tabs: this.sheets().map((ws) => this.readSheet(ws)) };
  }

  apply(changes: readonly WorkbookChange[]): void {
    // A dry run on the tab list (titles, keys, references, values) first: a batch that would fail changes nothing.
    const skeleton = this.sheets().map((ws): TabData => ({ id: String(ws.id), key: this.keys.get(ws.id) ?? null, title: ws.name, rows: [], formulas: [] }));
    new MemoryWorkbook({ tabs: skeleton }, { titleProblem: excelTitleProblem, nextId: this.highestId + 1 }).apply(changes);
    for (const change of changes) checkSheetLimits(change);
    for (const change of changes) this.applyOne(change);
    if (changes.length > 0) this.changed = true;
  }

  private applyOne(change: WorkbookChange): void {
    switch (change.kind) {
      case 'addTab': {
        const ws = this.book.addWorksheet(change.title);
        this.keepIdFresh(ws);
        this.keys.set(ws.id, change.key);
        return;
      }
      case 'renameTab': {
        const ws = this.resolve(change.tab);
        if (ws.name !== change.title) {
          // exceljs finds the sheet itself a namesake when only the case changes ("5а" → "5А"): step aside first.
          if (ws.name.toLowerCase() === change.title.toLowerCase()) ws.name = `~${ws.id}~${Date.now()}`.slice(0, 31);
          ws.name = change.title;
        }
        if (change.key !== undefined) this.keys.set(ws.id, change.key);
        return;
      }
      case 'removeTab': {
        const ws = this.resolve(change.tab);
        this.keys.delete(ws.id);
        this.book.removeWorksheet(ws.id);
        return;
      }
      case 'writeCells':
        writeRows(this.resolve(change.tab), change.row + 1, change.col + 1, change.values);
        return;
      case 'appendRows': {
        const ws = this.resolve(change.tab);
        writeRows(ws, lastValueRow(ws) + 1, 1, change.values);
        return;
      }
      case 'replaceRows': {
        const ws = this.resolve(change.tab);
        clearSheet(ws);
        writeRows(ws, 1, 1, change.values);
        return;
      }
      case 'formatTable':
        formatTable(this.resolve(change.tab), change.headerRow + 1, change.columns);
        return;
      default: {
        const unknown: never = change;
        throw new Error(`unknown workbook change ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The registry's sheets in tab order, without the meta sheet. */
  private sheets(): ExcelJS.Worksheet[] {
    return this.book.worksheets.filter((ws) => ws.name !== META_SHEET);
  }

  private resolve(ref: TabRef): ExcelJS.Worksheet {
    const ws = this.sheets().find((s) => ('id' in ref ? String(s.id) === ref.id : this.keys.get(s.id) === ref.key));
    if (!ws) throw new Error(`no tab with ${'id' in ref ? `id "${ref.id}"` : `key "${ref.key}"`} in the workbook`);
    return ws;
  }

  /**
   * exceljs gives a new sheet the first free id, which may be a removed sheet's: a caller still holding that
   * id would then write into the wrong tab. Move the sheet to a fresh id (exceljs keeps sheets in an array by id).
   */
  private keepIdFresh(ws: ExcelJS.Worksheet): void {
    const slots = (this.book as unknown as { _worksheets?: unknown })._worksheets;
    if (ws.id > this.highestId || !Array.isArray(slots) || slots[ws.id] !== ws) {
      this.highestId = Math.max(this.highestId, ws.id);
      return;
    }
    const fresh = ++this.highestId;
    delete slots[ws.id];
    (ws as { id: number }).id = fresh;
    slots[fresh] = ws;
  }

  private readSheet(ws: ExcelJS.Worksheet): TabData {
    const rows: Cell[][] = [];
    const formulas: FormulaCell[] = [];
    ws.eachRow((row, rowNumber) => {
      const line: Cell[] = [];
      row.eachCell((cell, colNumber) => {
        const value = cellValue(cell);
        if (cell.type === ValueType.Formula) formulas.push({ row: rowNumber - 1, col: colNumber - 1, formula: formulaText(cell) });
        if (value === null) return;
        while (line.length < colNumber - 1) line.push(null);
        line[colNumber - 1] = value;
      });
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = line;
    });
    // A row of merged cells only reads as []: trailing ones go, unless a formula keeps them.
    const lastFormulaRow = formulas.reduce((max, f) => Math.max(max, f.row), -1);
    while (rows.length > lastFormulaRow + 1 && rows[rows.length - 1].length === 0) rows.pop();
    return { id: String(ws.id), key: this.keys.get(ws.id) ?? null, title: ws.name, rows, formulas };
  }

  /** Records the keys, with each tab's title so the mapping survives an application that renumbers sheetIds. */
  private writeMeta(): void {
    const live = this.sheets().filter((ws) => this.keys.has(ws.id));
    const existing = this.book.getWorksheet(META_SHEET);
    if (!existing && live.length === 0) return;
    const meta = existing ?? this.book.addWorksheet(META_SHEET);
    if (!existing) this.keepIdFresh(meta);
    meta.state = 'veryHidden';
    clearSheet(meta);
    live.forEach((ws, i) => {
      meta.getRow(i + 1).values = [ws.id, xlsxText(this.keys.get(ws.id) ?? ''), xlsxText(ws.name)];
    });
    // Last in tab order: Excel must never open on a very hidden sheet.
    const order = (ws: ExcelJS.Worksheet) => (ws as unknown as { orderNo: number }).orderNo;
    (meta as unknown as { orderNo: number }).orderNo = 1 + this.book.worksheets.reduce((max, ws) => (ws === meta ? max : Math.max(max, order(ws))), 0);
  }
}

/** Excel's grid. Where appendRows lands is known only as it runs; no registry comes near a million rows. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function checkSheetLimits(change: WorkbookChange): void {
  if (change.kind !== 'writeCells' && change.kind !== 'replaceRows' && change.kind !== 'appendRows') return;
  const [row, col] = change.kind === 'writeCells' ? [change.row, change.col] : [0, 0];
  const width = change.values.reduce((max, line) => Math.max(max, line.length), 0);
  if (col + width > MAX_COLS || (change.kind !== 'appendRows' && row + change.values.length > MAX_ROWS)) {
    throw new Error(`${change.kind} reaches beyond Excel's ${MAX_ROWS} rows or ${MAX_COLS} columns`);
  }
}

/** Why Excel would refuse `title` as a sheet name, or null. */
export function excelTitleProblem(title: string): string | null {
  if (title.length > 31) return 'Excel allows at most 31 characters';
  if (/[[\]:*?/\\]/.test(title)) return 'Excel forbids the characters [ ] : * ? / \\';
  if (title.startsWith("'") || title.endsWith("'")) return 'Excel forbids an apostrophe at either end';
  if (title.toLowerCase() === 'history') return 'Excel reserves it';
  if (title.toLowerCase() === META_SHEET) return 'Qamqor keeps its own records under it';
  return null;
}

/** The keys recorded in the meta sheet, matched to sheets by id and title, then by title, then by id alone. */
function readMeta(book: ExcelJS.Workbook): Map<number, string> {
  const keys = new Map<number, string>();
  const meta = book.getWorksheet(META_SHEET);
  if (!meta) return keys;
  const entries: { id: number; key: string; title: string | null }[] = [];
  meta.eachRow((row) => {
    const [id, key, title] = [1, 2, 3].map((c) => cellValue(row.getCell(c)));
    const sheetId = typeof id === 'number' ? id : Number(id);
    if (Number.isInteger(sheetId) && typeof key === 'string' && key !== '') entries.push({ id: sheetId, key, title: title === null ? null : String(title) });
  });
  const sheets = book.worksheets.filter((ws) => ws.name !== META_SHEET);
  const taken = new Set<string>();
  const assign = (ws: ExcelJS.Worksheet | undefined, key: string) => {
    if (!ws || keys.has(ws.id) || taken.has(key)) return;
    keys.set(ws.id, key);
    taken.add(key);
  };
  const titled = entries.filter((e) => e.title !== null);
  for (const e of entries) assign(sheets.find((ws) => ws.id === e.id && (e.title === null || ws.name === e.title)), e.key);
  for (const e of titled) assign(sheets.find((ws) => ws.name === e.title), e.key);
  // Renamed in Excel: the id still holds.
  for (const e of entries) assign(sheets.find((ws) => ws.id === e.id), e.key);
  return keys;
}

/** A cell as the engine sees it: text of rich text and links, a formula's result, an error's text. */
function cellValue(cell: ExcelJS.Cell): Cell {
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Formula:
      return plainValue(cell.result as unknown);
    default:
      return plainValue(cell.value as unknown);
  }
}

function plainValue(value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // A copy: the caller must not be able to change the workbook through a Date it was handed.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime());
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; error?: string; sharedString?: unknown };
    if (Array.isArray(v.richText)) return plainValue(v.richText.map((run) => run.text).join(''));
    if (v.text !== undefined) return plainValue(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return null;
}

/** The formula as Sheets spells it, "=…"; a shared formula is translated to its own cell. */
function formulaText(cell: ExcelJS.Cell): string {
  let text: string | undefined;
  try {
    text = cell.formula;
  } catch {
    // A shared formula whose master cell is gone: the cell still holds a formula, of unknown text.
  }
  return text ? (text.startsWith('=') ? text : `=${text}`) : '=';
}

function writeRows(ws: ExcelJS.Worksheet, top: number, left: number, values: readonly (readonly Cell[])[]): void {
  values.forEach((line, i) => {
    // One row lookup per line, and no row created for a line that only clears.
    const row = line.some((v) => !isEmpty(v)) ? ws.getRow(top + i) : ws.findRow(top + i);
    if (row) line.forEach((value, j) => writeCell(ws, row, left + j, value));
  });
}

function isEmpty(value: Cell | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** Writes so that what is read back is what was written: a string stays text, a Date a date, a number a number. */
function writeCell(ws: ExcelJS.Worksheet, row: ExcelJS.Row, c: number, value: Cell | undefined): void {
  const empty = isEmpty(value);
  const cell = empty ? row.findCell(c) : row.getCell(c);
  if (!cell) return;
  // Writing into a merged cell would write into its master: unmerge first.
  if (cell.type === ValueType.Merge) ws.unMergeCells(cell.address);
  if (cell.type === ValueType.Formula) unshareFormula(ws, cell);
  if (empty) {
    cell.value = null;
    return;
  }
  if (value instanceof Date) {
    if (!isDateFormat(cell.numFmt)) cell.style = restyled(cell.style, DATE_FORMAT);
    cell.value = new Date(value.getTime());
    return;
  }
  // exceljs reads a number under a date format as a Date.
  if (typeof value === 'number' && isDateFormat(cell.numFmt)) cell.style = restyled(cell.style, undefined);
  // exceljs stores a JS string as a shared string whatever it starts with: "=1+1" stays text.
  cell.value = typeof value === 'string' ? xlsxText(value) : (value as number | boolean);
}

/**
 * A string as an .xlsx must spell it. XML cannot carry control characters, U+FFFE/U+FFFF or lone surrogates
 * (exceljs drops some, and U+FFFF makes the whole file unreadable), and a parser turns CR into LF; Excel's own
 * escape `_xHHHH_` carries them. A literal "_x0041_" is escaped in turn, or Excel and exceljs would read "A".
 */
function xlsxText(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (ch) =>
      `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

const restyledCache = new WeakMap<Partial<ExcelJS.Style>, Map<string | undefined, Partial<ExcelJS.Style>>>();

/**
 * `style` with another number format. Never changed in place: exceljs shares one style object among the
 * cells loaded with it. The copies are shared in turn, so a column of dates costs one style, not one per cell.
 */
function restyled(style: Partial<ExcelJS.Style>, numFmt: string | undefined): Partial<ExcelJS.Style> {
  let variants = restyledCache.get(style);
  if (!variants) restyledCache.set(style, (variants = new Map()));
  let copy = variants.get(numFmt);
  if (!copy) {
    const { numFmt: _replaced, ...rest } = style;
    copy = numFmt === undefined ? rest : { ...rest, numFmt };
    variants.set(numFmt, copy);
  }
  return copy;
}

/**
 * Before a shared formula's master cell is overwritten, the cells sharing it get their own formula:
 * otherwise they would point at a formula that no longer exists and the file would be corrupt.
 */
function unshareFormula(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const model = master.value as { shareType?: string; ref?: string; formula?: string; result?: unknown };
  if (model.shareType !== 'shared' || !model.ref) return;
  const range = decodeRange(model.ref);
  if (!range) return;
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const cell = ws.findCell(r, c);
      if (!cell || cell === master || cell.type !== ValueType.Formula) continue;
      const slave = cell.value as { sharedFormula?: string; result?: unknown };
      if (slave.sharedFormula !== master.address) continue;
      cell.value = { formula: cell.formula, result: slave.result } as ExcelJS.CellFormulaValue;
    }
  }
  master.value = { formula: model.formula ?? '', result: model.result } as ExcelJS.CellFormulaValue;
}

/** The last row holding any value (formulas included), 0 when the sheet is empty. */
function lastValueRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow((_, rowNumber) => {
    last = rowNumber;
  });
  return last;
}

/** Every value, formula and merge gone; formats stay, so a formatted table keeps its look. */
function clearSheet(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type === ValueType.Merge) ws.unMergeCells(cell.address);
    });
  });
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      cell.value = null;
    });
  });
}

interface ValidationModel {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

function formatTable(ws: ExcelJS.Worksheet, header: number, columns: readonly ColumnFormat[]): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header, topLeftCell: `A${header + 1}` }];
  ws.getRow(header).eachCell((cell) => {
    cell.style = { ...cell.style, font: { ...cell.style.font, bold: true }, alignment: { ...cell.style.alignment, wrapText: true, vertical: 'middle' } };
  });
  const first = header + 1;
  const validations = (ws as unknown as { dataValidations: ValidationModel }).dataValidations.model;
  const formatted = new Set(columns.map((c) => c.col + 1));
  // A second formatting replaces the first: overlapping validations make Excel repair the file.
  for (const address of Object.keys(validations)) {
    const range = decodeRange(address);
    if (!range || range.bottom < first) continue;
    for (let c = range.left; c <= range.right; c++) {
      if (formatted.has(c)) {
        delete validations[address];
        break;
      }
    }
  }
  for (const format of columns) {
    const c = format.col + 1;
    const column = ws.getColumn(c);
    column.width = columnWidth(ws, header, format);
    const numFmt = TEXT_TYPES.has(format.type) ? '@' : format.type === 'date' ? DATE_FORMAT : null;
    if (numFmt) {
      // A fresh style object: exceljs shares style objects between cells and columns loaded from a file.
      column.style = { ...column.style, numFmt };
      for (let r = first; r <= ws.rowCount; r++) {
        const cell = ws.findRow(r)?.findCell(c);
        if (cell && (cell.type === ValueType.Null || (numFmt === '@' && cell.type === ValueType.String))) cell.style = { ...cell.style, numFmt };
      }
    }
    const validation = validationFor(format);
    if (validation && first <= VALIDATION_LAST_ROW) {
      validations[`${column.letter}${first}:${column.letter}${VALIDATION_LAST_ROW}`] = validation;
    }
  }
}

/** Warnings rather than refusals: the engine reads "ұл", "да", "11.12.2006" typed as text, and says what is wrong. */
function validationFor(format: ColumnFormat): ExcelJS.DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'warning' } as const;
  const list = (values: readonly string[]): ExcelJS.DataValidation | null => {
    // A list formula cannot hold a comma inside a value, and Excel caps its length.
    if (values.length === 0 || values.some((v) => v.includes(','))) return null;
    const formula = `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
    return formula.length > LIST_FORMULA_MAX ? null : { ...common, type: 'list', formulae: [formula] };
  };
  switch (format.type) {
    case 'choice':
    case 'language':
      return list(format.allowed ?? []);
    case 'sex':
      return list(format.allowed?.length ? format.allowed : ['М', 'Ж']);
    case 'checkbox':
      return list(['TRUE', 'FALSE']);
    case 'date':
      return { ...common, type: 'date', operator: 'between', formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))] };
    case 'integer':
      return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
    default:
      return null;
  }
}

const TYPE_WIDTH: Partial<Record<ColumnType, number>> = {
  iin: 15, date: 12, phone: 17, sex: 6, checkbox: 6, integer: 8, class: 8, school_year: 11, language: 8,
};

/** Wide enough for the longest word of the header (it wraps) and the longest value of the first rows. */
function columnWidth(ws: ExcelJS.Worksheet, header: number, format: ColumnFormat): number {
  const c = format.col + 1;
  const headerText = String(cellValue(ws.getRow(header).getCell(c)) ?? '');
  const longestWord = headerText.split(/\s+/).reduce((max, w) => Math.max(max, w.length), 0);
  let longestValue = 0;
  for (let r = header + 1; r <= Math.min(ws.rowCount, header + 200); r++) {
    const cell = ws.findRow(r)?.findCell(c);
    const value = cell ? cellValue(cell) : null;
    if (value !== null) longestValue = Math.max(longestValue, value instanceof Date ? 10 : String(value).length);
  }
  const wanted = Math.max(TYPE_WIDTH[format.type] ?? 10, longestWord + 2, Math.min(longestValue, 50) + 2);
  return Math.min(wanted, 50);
}

/** exceljs's own rule for reading a number as a Date. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function decodeRange(address: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [left, top] = [col(m[1]), Number(m[2])];
  const [right, bottom] = m[3] ? [col(m[3]), Number(m[4])] : [left, top];
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** Names the common impostors before exceljs gives its own, less readable, reason. */
function signatureProblem(data: Buffer): string | null {
  if (data.length === 0) return 'the file is empty';
  if (data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0) return 'an old .xls file or a password-protected workbook: save it as .xlsx without a password';
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) return 'not a zip archive (a .csv or another kind of file renamed to .xlsx?)';
  return null;
}

function firstSentence(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split(/ If it is,|\n/)[0].trim();
}

/** Structural: errors thrown by Node's fs may come from another realm (test runners), where instanceof fails. */
function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && 'code' in e;
}
