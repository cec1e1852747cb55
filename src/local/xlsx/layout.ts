// What Qamqor formatted a sheet as, kept with the workbook (in its meta sheet) so that every later save keeps the
// sheet fitted to what it holds: columns found again by their header text (a teacher may move them), widths fitted
// to the values, ticks written as the workbook's word. And the rough text metrics the widths are computed with.
import type { ColumnFormat } from '../../app/workbook-port';
import { cellText } from '../../domain/cells';
import type { Cell, TabData } from '../../domain/sheet';
import type { ColumnType } from '../../domain/template';

export interface SheetLayout {
  /** 0-based row of the header. */
  headerRow: number;
  frozenColumns?: number;
  /** The words of the sheet's checkbox columns (one workbook, one language). */
  flag?: { yes: string; no: string };
  /** The header row's height as Qamqor last set it, in points: a different one was set by a person. */
  headerHeight?: number;
  columns: LayoutColumn[];
}

export interface LayoutColumn {
  /** 0-based, where the column is now. */
  col: number;
  /** The header as written when it was formatted: how the column is found again. */
  header: string;
  type: ColumnType;
  /** The width Qamqor last gave it, in characters: a different one was set by a person. */
  width?: number;
}

/** Widths by type, in characters: enough for a typical value (an IIN, a date) whatever the header. */
export const TYPE_WIDTH: Partial<Record<ColumnType, number>> = {
  iin: 15, date: 12, phone: 17, sex: 6, checkbox: 6, integer: 6, class: 8, school_year: 11, language: 6, text: 10,
};
/** A column is never made wider than this: longer text is cut on screen, as a teacher expects of a long note. */
export const MAX_WIDTH = 60;
/** Points per line of the header's wrapped text (Calibri 11: Excel's default row is 15 points high). */
const LINE_POINTS = 15;
/** A header wraps onto at most this many lines, when a column this wide is enough for it. */
const HEADER_LINES = 3;
const HEADER_WIDTH_MAX = 24;

/** The layout of a fresh format: the columns asked for, and those formatted before that it does not name. */
export function layoutOf(tab: Readonly<TabData>, format: { headerRow: number; columns: readonly ColumnFormat[]; frozenColumns?: number }, before: SheetLayout | null): SheetLayout {
  const header = tab.rows[format.headerRow] ?? [];
  const columns = new Map<number, LayoutColumn>();
  if (before && before.headerRow === format.headerRow) for (const c of before.columns) columns.set(c.col, c);
  for (const f of format.columns) {
    const old = columns.get(f.col);
    columns.set(f.col, { col: f.col, header: cellText(header[f.col] ?? null), type: f.type, ...(old?.width !== undefined ? { width: old.width } : {}) });
  }
  const flag = format.columns.find((c) => c.flag)?.flag ?? before?.flag;
  const frozen = format.frozenColumns ?? before?.frozenColumns;
  return {
    headerRow: format.headerRow,
    ...(frozen !== undefined ? { frozenColumns: frozen } : {}),
    ...(flag ? { flag } : {}),
    ...(before?.headerHeight !== undefined ? { headerHeight: before.headerHeight } : {}),
    columns: [...columns.values()].sort((a, b) => a.col - b.col),
  };
}

/**
 * The recorded layout where its columns are now: the header row is the recorded one if it still holds most of the
 * recorded headers, else the first of the top rows that does (title rows were inserted); each column is where its
 * header is. A column whose header is gone is left alone. Null when the header cannot be found.
 */
export function locateLayout(tab: Readonly<TabData>, layout: SheetLayout): SheetLayout | null {
  const named = layout.columns.filter((c) => c.header !== '');
  const score = (r: number) => {
    const row = tab.rows[r] ?? [];
    return named.filter((c) => cellText(row[c.col] ?? null) === c.header || row.some((v) => cellText(v) === c.header)).length;
  };
  const enough = Math.max(1, Math.ceil(named.length / 2));
  const candidates = [layout.headerRow, ...Array.from({ length: 10 }, (_, r) => r).filter((r) => r !== layout.headerRow)];
  const headerRow = candidates.find((r) => score(r) >= enough);
  if (headerRow === undefined) return null;
  const row = tab.rows[headerRow] ?? [];
  const taken = new Set<number>();
  const columns: LayoutColumn[] = [];
  for (const c of layout.columns) {
    let at = c.header === '' ? (headerRow === layout.headerRow ? c.col : -1) : cellText(row[c.col] ?? null) === c.header ? c.col : row.findIndex((v, i) => !taken.has(i) && cellText(v) === c.header);
    if (at >= 0 && taken.has(at)) at = -1;
    if (at < 0) continue;
    taken.add(at);
    columns.push({ ...c, col: at });
  }
  return { ...layout, headerRow, columns: columns.sort((a, b) => a.col - b.col) };
}

/** The layout as the meta sheet keeps it: one JSON text per sheet. */
export function layoutText(layout: SheetLayout): string {
  return JSON.stringify({
    r: layout.headerRow,
    ...(layout.frozenColumns !== undefined ? { z: layout.frozenColumns } : {}),
    ...(layout.flag ? { f: [layout.flag.yes, layout.flag.no] } : {}),
    ...(layout.headerHeight !== undefined ? { h: layout.headerHeight } : {}),
    c: layout.columns.map((c) => [c.col, c.header, c.type, c.width ?? null]),
  });
}

/** A layout read back from the meta sheet; null for anything else (an older file, a cell someone edited). */
export function parseLayout(cell: Cell): SheetLayout | null {
  if (typeof cell !== 'string' || !cell.startsWith('{')) return null;
  try {
    const raw = JSON.parse(cell) as { r?: unknown; z?: unknown; f?: unknown; h?: unknown; c?: unknown };
    if (!isIndex(raw.r) || !Array.isArray(raw.c)) return null;
    const columns: LayoutColumn[] = [];
    for (const item of raw.c as unknown[]) {
      if (!Array.isArray(item)) return null;
      const [col, header, type, width] = item as unknown[];
      if (!isIndex(col) || typeof header !== 'string' || typeof type !== 'string') return null;
      columns.push({ col, header, type: type as ColumnType, ...(typeof width === 'number' && width > 0 ? { width } : {}) });
    }
    const flag = Array.isArray(raw.f) && raw.f.length === 2 && raw.f.every((w) => typeof w === 'string') ? { yes: raw.f[0] as string, no: raw.f[1] as string } : undefined;
    return {
      headerRow: raw.r,
      ...(isIndex(raw.z) ? { frozenColumns: raw.z } : {}),
      ...(flag ? { flag } : {}),
      ...(typeof raw.h === 'number' && raw.h > 0 ? { headerHeight: raw.h } : {}),
      columns,
    };
  } catch {
    return null;
  }
}

function isIndex(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

// ——— Text metrics ———
// Excel measures a column in widths of the digit 0 of the default font (Calibri 11 here). Letters are counted
// against it from Calibri's advance widths, roughly: Cyrillic and Kazakh letters like Latin ones of the same shape,
// narrow ones (і, l, punctuation) at half, wide ones (ж, ш, щ, ы, ю, м, w) at one and a half. Carlito, which
// LibreOffice puts in Calibri's place, has the same metrics; Arial's are close.

const NARROW = [...' iljfrtіI.,:;\'"!|()[]-/\\`'];
const WIDE_LOWER = [...'mwжшщыюфм'];
const WIDE_UPPER = [...'MWЖШЩЫЮФМДОQGCDHNUӨ'];
/** Widths of the Latin, Cyrillic and Kazakh letters (all below U+0500), looked up by code: a school's every name is measured. */
const WIDTHS = (() => {
  const table = new Float32Array(0x500).fill(1);
  for (let code = 0; code < 0x500; code++) {
    const ch = String.fromCharCode(code);
    if (ch !== ch.toLowerCase()) table[code] = 1.2;
  }
  for (const ch of NARROW) table[ch.charCodeAt(0)] = 0.5;
  for (const ch of WIDE_LOWER) table[ch.charCodeAt(0)] = 1.45;
  for (const ch of WIDE_UPPER) table[ch.charCodeAt(0)] = 1.5;
  return table;
})();

/**
 * The width of `text` on one line, in digit widths. Bold text is about 5% wider in Calibri; counted 12% wider, as
 * DejaVu Sans, which LibreOffice puts in Calibri's place where Carlito is missing, is wider still in bold.
 */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair (an emoji) adds nothing: the pair counts once.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    width += code < 0x500 ? WIDTHS[code] : 1;
  }
  return bold ? width * 1.12 : width;
}

/** The text a cell shows: a date as 31.05.2026, a tick as its word. */
function shown(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return '00.00.0000';
  return String(value);
}

/**
 * The width a column needs, in characters: its header's longest word (the header wraps, a word does not), its
 * longest value (every row: a class list is short, and a long name cut on screen is what a teacher complained
 * of), its type's minimum; at most MAX_WIDTH.
 */
export function fittedWidth(tab: Readonly<TabData>, headerRow: number, col: number, type: ColumnType, flag?: { yes: string }): number {
  const header = cellText(tab.rows[headerRow]?.[col] ?? null);
  const longestWord = header.split(/\s+/).reduce((max, w) => Math.max(max, textWidth(w, true)), 0);
  // A long header in a narrow column (a category's name over its ticks) would stand five lines tall: the column
  // widens until it takes three, within reason.
  let headerWidth = longestWord + 2;
  while (headerWidth < HEADER_WIDTH_MAX && wrappedLines(header, headerWidth) > HEADER_LINES) headerWidth += 0.5;
  let longestValue = 0;
  for (let r = headerRow + 1; r < tab.rows.length; r++) {
    const value = tab.rows[r]?.[col] ?? null;
    if (value === null) continue;
    const text = typeof value === 'boolean' && flag ? (value ? flag.yes : '') : shown(value);
    // No character is wider than 1.5: a text that short cannot be the longest, and is not measured (a school of
    // a hundred thousand pupils saves in the same time).
    if (text.length * 1.5 <= longestValue) continue;
    // The longest text on a line of its own: a note written on several lines is as wide as its widest line.
    for (const line of text.split('\n')) longestValue = Math.max(longestValue, textWidth(line));
    if (longestValue >= MAX_WIDTH) break;
  }
  // Excel adds five pixels of padding to the characters; half a character more keeps the last letter off the border.
  const wanted = Math.max(TYPE_WIDTH[type] ?? 8, headerWidth, longestValue + 1.5);
  return Math.round(Math.min(wanted, MAX_WIDTH) * 4) / 4;
}

/** How many lines a header takes when wrapped at word boundaries in a column of `width` characters. */
export function wrappedLines(text: string, width: number): number {
  // A character of padding each side: the text never touches the next header.
  const room = Math.max(1, width - 2);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word, true);
      const space = line === 0 ? 0 : textWidth(' ', true);
      if (line > 0 && line + space + w > room) {
        lines++;
        line = w;
      } else line += space + w;
    }
  }
  return Math.max(1, lines);
}

/** The header row's height in points: its tallest wrapped header, so that no header runs into the first pupil's row. */
export function headerHeight(tab: Readonly<TabData>, layout: SheetLayout, widths: ReadonlyMap<number, number>): number {
  const header = tab.rows[layout.headerRow] ?? [];
  let lines = 1;
  for (const c of layout.columns) lines = Math.max(lines, wrappedLines(cellText(header[c.col] ?? null), widths.get(c.col) ?? TYPE_WIDTH[c.type] ?? 8));
  return lines * LINE_POINTS + 3;
}
