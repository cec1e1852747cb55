// Reading one worksheet part (xl/worksheets/sheetN.xml). Opening a workbook reads every sheet from its bytes straight
// into the engine's rows (readSheetBytes: the hot path, no per-cell objects); saving scans only the sheets it
// rewrites, as text with each cell's offsets (scanSheet), so that an unchanged cell is copied byte for byte.
import type { Cell, FormulaCell } from '../../domain/sheet';
import { columnLetters, columnNumber, unescapeExcel, unescapeXml } from './xml';

/** What reading a sheet needs from the rest of the workbook. */
export interface SheetContext {
  strings: readonly string[];
  /** Per style index: the style shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** One `<c>` element of the sheet: where it is in the text, and what it holds. */
export interface ScannedCell {
  row: number;
  col: number;
  /** Offsets of the whole element in the sheet's text. */
  start: number;
  end: number;
  /** The style index, -1 when none. */
  style: number;
  value: Cell;
  /** The formula as Sheets spells it ("=…"), or null. */
  formula: string | null;
  /** A shared formula's group and, for its master, the range and text. */
  shared: { si: string; master: boolean } | null;
}

export interface ScannedRow {
  /** 0-based. */
  row: number;
  /** The `<row …>` start tag. */
  tag: string;
  start: number;
  end: number;
  cells: ScannedCell[];
}

const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (as Lotus counted it, 1899-12-30) to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = EPOCH_1900 - 1_462;

export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS));
}

export function dateToSerial(date: Date, date1904: boolean): number {
  return date.getTime() / DAY_MS + (date1904 ? EPOCH_1904 : EPOCH_1900);
}

/** Where the `<sheetData>` children are; an empty range when the sheet has none. */
export function sheetDataRange(xml: string): { open: number; start: number; end: number; close: number } {
  const open = xml.indexOf('<sheetData');
  if (open < 0) return { open: -1, start: -1, end: -1, close: -1 };
  const gt = xml.indexOf('>', open);
  if (xml[gt - 1] === '/') return { open, start: gt + 1, end: gt + 1, close: gt + 1 };
  const end = xml.indexOf('</sheetData>', gt);
  return { open, start: gt + 1, end, close: end + '</sheetData>'.length };
}

/**
 * Walks the rows and cells of a sheet's text in one pass with indexOf (no DOM, no per-cell objects beyond what the
 * caller keeps). Cells without an `r` follow their left neighbour, rows without one their predecessor, as the format allows.
 */
export function scanSheet(xml: string, ctx: SheetContext, onRow: (row: ScannedRow) => void): void {
  const { start, end } = sheetDataRange(xml);
  if (start < 0) return;
  const masters = new Map<string, { row: number; col: number; text: string }>();
  let pos = start;
  let rowIndex = -1;
  while (pos < end) {
    const rowAt = xml.indexOf('<row', pos);
    if (rowAt < 0 || rowAt >= end) break;
    const rowTagEnd = xml.indexOf('>', rowAt) + 1;
    const rowTag = xml.slice(rowAt, rowTagEnd);
    const r = quickAttr(rowTag, 'r');
    rowIndex = r === null ? rowIndex + 1 : Number(r) - 1;
    const row: ScannedRow = { row: rowIndex, tag: rowTag, start: rowAt, end: rowTagEnd, cells: [] };
    if (rowTag.charCodeAt(rowTag.length - 2) === 47 /* / */) {
      pos = rowTagEnd;
      onRow(row);
      continue;
    }
    const rowClose = xml.indexOf('</row>', rowTagEnd);
    let colIndex = -1;
    let at = rowTagEnd;
    for (;;) {
      const c = xml.indexOf('<c', at);
      if (c < 0 || c >= rowClose) break;
      const next = xml.charCodeAt(c + 2);
      // `<c ` or `<c>` or `<c/>`; not an element that merely starts with c.
      if (next !== 32 && next !== 62 && next !== 47 && next !== 10 && next !== 13 && next !== 9) {
        at = c + 2;
        continue;
      }
      const tagEnd = xml.indexOf('>', c) + 1;
      const tag = xml.slice(c, tagEnd);
      const ref = quickAttr(tag, 'r');
      colIndex = ref === null ? colIndex + 1 : columnOfRef(ref) - 1;
      const s = quickAttr(tag, 's');
      const cell: ScannedCell = { row: rowIndex, col: colIndex, start: c, end: tagEnd, style: s === null ? -1 : Number(s), value: null, formula: null, shared: null };
      if (tag.charCodeAt(tag.length - 2) !== 47) {
        const close = xml.indexOf('</c>', tagEnd);
        cell.end = close + 4;
        decodeCell(xml, tag, tagEnd, close, cell, ctx, masters);
      }
      row.cells.push(cell);
      at = cell.end;
    }
    row.end = rowClose + 6;
    pos = row.end;
    onRow(row);
  }
}

function decodeCell(
  xml: string,
  tag: string,
  from: number,
  to: number,
  cell: ScannedCell,
  ctx: SheetContext,
  masters: Map<string, { row: number; col: number; text: string }>,
): void {
  const type = quickAttr(tag, 't');
  // Searched within the cell only: an indexOf over the rest of the sheet for a missing <f> would make reading quadratic.
  const body = xml.slice(from, to);
  let v: string | null = null;
  const vAt = body.indexOf('<v');
  if (vAt >= 0 && (body.charCodeAt(vAt + 2) === 62 || body.charCodeAt(vAt + 2) === 32)) {
    const vStart = body.indexOf('>', vAt) + 1;
    if (body.charCodeAt(vStart - 2) !== 47) v = body.slice(vStart, body.indexOf('</v>', vStart));
  }
  const fAt = body.indexOf('<f');
  if (fAt >= 0 && (vAt < 0 || fAt < vAt)) {
    const fTagEnd = body.indexOf('>', fAt) + 1;
    const fTag = body.slice(fAt, fTagEnd);
    const text = fTag.charCodeAt(fTag.length - 2) === 47 ? '' : unescapeXml(body.slice(fTagEnd, body.indexOf('</f>', fTagEnd)));
    let formula = text;
    if (quickAttr(fTag, 't') === 'shared') {
      const si = quickAttr(fTag, 'si') ?? '';
      if (text !== '') {
        masters.set(si, { row: cell.row, col: cell.col, text });
        cell.shared = { si, master: true };
      } else {
        const master = masters.get(si);
        formula = master ? shiftFormula(master.text, cell.row - master.row, cell.col - master.col) : '';
        cell.shared = { si, master: false };
      }
    }
    // LibreOffice saves a typed TRUE or FALSE as the formula TRUE() or FALSE(): a constant, not a formula.
    if (!/^(TRUE|FALSE)\(\)$/i.test(formula)) cell.formula = `=${formula}`;
  }
  switch (type) {
    case 's': {
      const text = v === null ? undefined : ctx.strings[Number(v)];
      cell.value = text === undefined || text === '' ? null : text;
      return;
    }
    case 'inlineStr': {
      const isAt = body.indexOf('<is');
      const text = isAt >= 0 ? richText(isAt === 0 ? body : body.slice(isAt)) : '';
      cell.value = text === '' ? null : text;
      return;
    }
    case 'str':
    case 'e': {
      const text = v === null ? '' : unescapeExcel(unescapeXml(v));
      cell.value = text === '' ? null : text;
      return;
    }
    case 'b':
      cell.value = v === null ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
      return;
    case 'd': {
      const date = v === null ? null : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}${v.includes('T') ? '' : 'T00:00:00'}Z`);
      cell.value = date && !Number.isNaN(date.getTime()) ? date : null;
      return;
    }
    default: {
      if (v === null || v === '') return;
      const n = Number(v);
      if (!Number.isFinite(n)) return;
      cell.value = cell.style >= 0 && ctx.dateStyles[cell.style] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/** The text of an `<si>` or `<is>`: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
export function richText(xml: string): string {
  let text = '';
  let at = 0;
  for (;;) {
    const t = xml.indexOf('<t', at);
    if (t < 0) break;
    const next = xml.charCodeAt(t + 2);
    if (next !== 62 && next !== 32) {
      at = t + 2;
      continue;
    }
    const ph = xml.lastIndexOf('<rPh', t);
    const gt = xml.indexOf('>', t) + 1;
    if (xml.charCodeAt(gt - 2) === 47) {
      at = gt;
      continue;
    }
    const close = xml.indexOf('</t>', gt);
    if (ph < 0 || xml.lastIndexOf('</rPh>', t) > ph) text += xml.slice(gt, close);
    at = close + 4;
  }
  return unescapeExcel(unescapeXml(text));
}

/** An attribute of a short start tag, without a regular expression (the reader's hot path). */
export function quickAttr(tag: string, name: string): string | null {
  let at = tag.indexOf(` ${name}="`);
  let quote = '"';
  if (at < 0) {
    at = tag.indexOf(` ${name}='`);
    quote = "'";
    if (at < 0) {
      // Other blanks between attributes are legal, if rare; a tag with none of them simply lacks the attribute.
      if (tag.indexOf('\n') < 0 && tag.indexOf('\t') < 0 && tag.indexOf('\r') < 0 && tag.indexOf('= ') < 0 && tag.indexOf(' =') < 0) return null;
      const m = new RegExp(`[\\s]${name}\\s*=\\s*(["'])`).exec(tag);
      if (!m) return null;
      const start = m.index + m[0].length;
      const raw = tag.slice(start, tag.indexOf(m[1], start));
      return raw.indexOf('&') < 0 ? raw : unescapeXml(raw);
    }
  }
  const start = at + name.length + 3;
  const raw = tag.slice(start, tag.indexOf(quote, start));
  return raw.indexOf('&') < 0 ? raw : unescapeXml(raw);
}

function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) n = n * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) n = n * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  return n;
}

/**
 * A formula moved by (rows, cols), as Excel fills a shared formula: relative references move, `$` ones stay;
 * quoted text and sheet names are left alone.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let i = 0;
  const ref = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(!])/y;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    ref.lastIndex = i;
    const m = /[\w.]/.test(prev) ? null : ref.exec(formula);
    if (m) {
      const col = m[1] ? columnNumber(m[2].toUpperCase()) : columnNumber(m[2].toUpperCase()) + cols;
      const row = m[3] ? Number(m[4]) : Number(m[4]) + rows;
      out += `${m[1]}${columnLetters(Math.max(1, col))}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

// ——— The reader of opening: straight from the inflated bytes ———
// A sheet is read as bytes, not as one JavaScript string: no UTF-16 copy of the whole part, and each text value
// is decoded on its own (a slice of a large string would keep the whole sheet's text alive behind every name).

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQ = 61;
// Needles as bytes: a string needle is converted to a Buffer on every call.
const F_CLOSE = Buffer.from('</f>');
const IS_CLOSE = Buffer.from('</is>');
const SI_OPEN = Buffer.from('<si');
const SI_CLOSE = Buffer.from('</si>');
const RPH_CLOSE = Buffer.from('</rPh>');

const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  IsoDate,
}

/** The rows and formulas of a worksheet part, read from its bytes. */
export function readSheetBytes(buf: Buffer, ctx: SheetContext): { rows: Cell[][]; formulas: FormulaCell[] } {
  const rows: Cell[][] = [];
  const formulas: FormulaCell[] = [];
  const open = buf.indexOf('<sheetData');
  if (open < 0) return { rows, formulas };
  let i = buf.indexOf(GT, open) + 1;
  if (buf[i - 2] === SLASH) return { rows, formulas };
  const end = buf.indexOf('</sheetData>', i);
  const stop = end < 0 ? buf.length : end;
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const { strings, dateStyles, date1904 } = ctx;

  let rowIndex = -1;
  let colIndex = -1;
  let line: Cell[] | null = null;
  const commit = () => {
    if (line === null) return;
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = line;
    line = null;
  };

  while (i < stop) {
    if (buf[i] !== LT) {
      i++;
      continue;
    }
    const b1 = buf[i + 1];
    if (b1 === 114 /* r */ && buf[i + 2] === 111 && buf[i + 3] === 119 && isBlankOrEnd(buf[i + 4])) {
      commit();
      const tagEnd = buf.indexOf(GT, i);
      const r = attrInt(buf, i + 4, tagEnd, 114);
      rowIndex = r > 0 ? r - 1 : rowIndex + 1;
      colIndex = -1;
      i = tagEnd + 1;
      continue;
    }
    if (b1 !== 99 /* c */ || !isBlankOrEnd(buf[i + 2])) {
      i++;
      continue;
    }
    // A cell: its attributes, then its body up to </c>.
    const tagEnd = buf.indexOf(GT, i);
    let col = -1;
    let style = -1;
    let type = CellType.Number;
    for (let a = i + 2; a < tagEnd; ) {
      while (a < tagEnd && isBlank(buf[a])) a++;
      const nameStart = a;
      while (a < tagEnd && buf[a] !== EQ && !isBlank(buf[a]) && buf[a] !== SLASH) a++;
      const nameLength = a - nameStart;
      while (a < tagEnd && buf[a] !== QUOTE && buf[a] !== APOS) a++;
      if (a >= tagEnd) break;
      const quote = buf[a++];
      const valueStart = a;
      while (a < tagEnd && buf[a] !== quote) a++;
      const valueEnd = a++;
      if (nameLength !== 1) continue;
      const name = buf[nameStart];
      if (name === 114 /* r */) col = columnOfBytes(buf, valueStart, valueEnd);
      else if (name === 115 /* s */) style = intOfBytes(buf, valueStart, valueEnd);
      else if (name === 116 /* t */) type = typeOfBytes(buf, valueStart, valueEnd);
    }
    colIndex = col > 0 ? col - 1 : colIndex + 1;
    if (buf[tagEnd - 1] === SLASH) {
      i = tagEnd + 1;
      continue;
    }
    // The body: <f …>…</f>, <v>…</v>, <is>…</is>.
    let vStart = -1;
    let vEnd = -1;
    let formula: string | null = null;
    let inline: string | null = null;
    let j = tagEnd + 1;
    for (;;) {
      while (j < stop && buf[j] !== LT) j++;
      if (j >= stop) break;
      const c1 = buf[j + 1];
      if (c1 === SLASH && buf[j + 2] === 99 /* </c> */) {
        j += 4;
        break;
      }
      if (c1 === 118 /* v */ && (buf[j + 2] === GT || isBlank(buf[j + 2]))) {
        const gt = buf.indexOf(GT, j);
        if (buf[gt - 1] === SLASH) {
          j = gt + 1;
          continue;
        }
        vStart = gt + 1;
        vEnd = buf.indexOf(LT, vStart);
        j = vEnd + 4;
        continue;
      }
      if (c1 === 102 /* f */ && (buf[j + 2] === GT || isBlank(buf[j + 2]) || buf[j + 2] === SLASH)) {
        const gt = buf.indexOf(GT, j);
        const selfClosing = buf[gt - 1] === SLASH;
        const fEnd = selfClosing ? gt : buf.indexOf(F_CLOSE, gt);
        const text = selfClosing ? '' : xmlText(buf, gt + 1, fEnd);
        let f = text;
        const fTag = buf.toString('latin1', j, gt);
        if (fTag.indexOf('shared') >= 0 && quickAttr(fTag, 't') === 'shared') {
          const si = quickAttr(fTag, 'si') ?? '';
          if (text !== '') masters.set(si, { row: rowIndex, col: colIndex, text });
          else {
            const master = masters.get(si);
            f = master ? shiftFormula(master.text, rowIndex - master.row, colIndex - master.col) : '';
          }
        }
        // LibreOffice saves a typed TRUE or FALSE as the formula TRUE() or FALSE(): a constant, not a formula.
        if (!/^(TRUE|FALSE)\(\)$/i.test(f)) formula = `=${f}`;
        j = selfClosing ? gt + 1 : fEnd + 4;
        continue;
      }
      if (c1 === 105 /* i */ && buf[j + 2] === 115 /* is */) {
        const close = buf.indexOf(IS_CLOSE, j);
        inline = richTextBytes(buf, j, close);
        j = close + 5;
        continue;
      }
      j++;
    }
    i = j;

    let value: Cell = null;
    switch (type) {
      case CellType.Shared: {
        const text = vStart >= 0 ? strings[intOfBytes(buf, vStart, vEnd)] : undefined;
        if (text !== undefined && text !== '') value = text;
        break;
      }
      case CellType.Inline:
        if (inline) value = inline;
        break;
      case CellType.Str:
      case CellType.Error:
        if (vStart >= 0 && vEnd > vStart) value = unescapeExcel(xmlText(buf, vStart, vEnd)) || null;
        break;
      case CellType.Bool:
        if (vStart >= 0) value = vEnd === vStart + 1 ? buf[vStart] === 49 /* 1 */ : buf.toString('latin1', vStart, vEnd).trim().toLowerCase() === 'true';
        break;
      case CellType.IsoDate:
        if (vStart >= 0) {
          const v = buf.toString('latin1', vStart, vEnd);
          const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}${v.includes('T') ? '' : 'T00:00:00'}Z`);
          if (!Number.isNaN(date.getTime())) value = date;
        }
        break;
      default:
        if (vStart >= 0 && vEnd > vStart) {
          const n = numberOfBytes(buf, vStart, vEnd);
          if (Number.isFinite(n)) value = style >= 0 && dateStyles[style] ? serialToDate(n, date1904) : n;
        }
    }
    if (formula !== null) formulas.push({ row: rowIndex, col: colIndex, formula });
    if (value === null) continue;
    if (line === null) line = [];
    while (line.length < colIndex) line.push(null);
    line[colIndex] = value;
  }
  commit();
  // A row of formatted or merged cells reads as []: trailing ones go, unless a formula keeps them.
  const lastFormulaRow = formulas.reduce((max, f) => Math.max(max, f.row), -1);
  while (rows.length > lastFormulaRow + 1 && rows[rows.length - 1].length === 0) rows.pop();
  while (rows.length <= lastFormulaRow) rows.push([]);
  return { rows, formulas };
}

/** The shared strings table, from its bytes. */
export function readSharedStringsBytes(buf: Buffer | null): string[] {
  if (!buf) return [];
  const strings: string[] = [];
  let at = 0;
  for (;;) {
    const si = buf.indexOf(SI_OPEN, at);
    if (si < 0) break;
    const gt = buf.indexOf(GT, si);
    if (buf[gt - 1] === SLASH) {
      strings.push('');
      at = gt + 1;
      continue;
    }
    const close = buf.indexOf(SI_CLOSE, gt);
    strings.push(richTextBytes(buf, gt + 1, close));
    at = close + 5;
  }
  return strings;
}

/** The `<t>` runs between `from` and `to`, phonetic guides (`<rPh>`) left out. */
function richTextBytes(buf: Buffer, from: number, to: number): string {
  let text = '';
  let j = from;
  while (j < to) {
    if (buf[j] !== LT) {
      j++;
      continue;
    }
    if (buf[j + 1] === 114 && buf[j + 2] === 80 && buf[j + 3] === 104 /* <rPh */) {
      const close = buf.indexOf(RPH_CLOSE, j);
      j = close < 0 || close > to ? to : close + 6;
      continue;
    }
    if (buf[j + 1] === 116 /* t */ && (buf[j + 2] === GT || isBlank(buf[j + 2]))) {
      const gt = buf.indexOf(GT, j);
      if (buf[gt - 1] === SLASH) {
        j = gt + 1;
        continue;
      }
      const close = buf.indexOf(LT, gt + 1);
      text += xmlText(buf, gt + 1, close);
      j = close;
      continue;
    }
    j++;
  }
  return unescapeExcel(text);
}

function xmlText(buf: Buffer, from: number, to: number): string {
  const raw = buf.toString('utf8', from, to);
  return raw.indexOf('&') < 0 ? raw : unescapeXml(raw);
}

function isBlank(b: number): boolean {
  return b === 32 || b === 10 || b === 13 || b === 9;
}

function isBlankOrEnd(b: number): boolean {
  return b === 32 || b === GT || b === SLASH || b === 10 || b === 13 || b === 9;
}

/** The value of the one-letter attribute `name` in a start tag, as a whole number; -1 when absent. */
function attrInt(buf: Buffer, from: number, to: number, name: number): number {
  for (let a = from; a < to; a++) {
    if (buf[a] === name && isBlank(buf[a - 1])) {
      let b = a + 1;
      while (b < to && isBlank(buf[b])) b++;
      if (buf[b] !== EQ) continue;
      b++;
      while (b < to && buf[b] !== QUOTE && buf[b] !== APOS) b++;
      const quote = buf[b];
      const end = buf.indexOf(quote, b + 1);
      return intOfBytes(buf, b + 1, end);
    }
  }
  return -1;
}

function intOfBytes(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = buf[k] - 48;
    if (d < 0 || d > 9) return k === from ? -1 : n;
    n = n * 10 + d;
  }
  return n;
}

function numberOfBytes(buf: Buffer, from: number, to: number): number {
  // Whole numbers (days, counts) without building a string; anything else through Number().
  if (to - from <= 15) {
    let n = 0;
    let k = from;
    for (; k < to; k++) {
      const d = buf[k] - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (k === to) return n;
  }
  const text = buf.toString('latin1', from, to).trim();
  return text === '' ? NaN : Number(text);
}

function columnOfBytes(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const ch = buf[k];
    if (ch >= 65 && ch <= 90) n = n * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) n = n * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  return n;
}

function typeOfBytes(buf: Buffer, from: number, to: number): CellType {
  const length = to - from;
  const first = buf[from];
  if (length === 1) {
    if (first === 115) return CellType.Shared;
    if (first === 98) return CellType.Bool;
    if (first === 101) return CellType.Error;
    if (first === 100) return CellType.IsoDate;
    return CellType.Number;
  }
  if (length === 3 && first === 115) return CellType.Str;
  if (length === 9 && first === 105) return CellType.Inline;
  return CellType.Number;
}
