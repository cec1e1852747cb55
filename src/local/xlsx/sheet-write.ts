// Rewrites one worksheet part so that its cells hold the values the engine left: a cell whose value did not change
// keeps its bytes; a changed one keeps its style; formatting adds Qamqor's own column formats and validations
// without touching anyone else's (a validation of the school's own is only cut away from Qamqor's columns).
import type { ColumnFormat } from '../../app/workbook-port';
import type { Cell, TabData } from '../../domain/sheet';
import type { ColumnType } from '../../domain/template';
import { dateToSerial, scanSheet, sheetDataRange, type ScannedCell, type SheetContext } from './sheet';
import { DATE_FORMAT, type Styles } from './styles';
import { attr, columnLetters, decodeRange, elements, encodeRange, escapeText, excelText, findElement, innerOf, putElement, withAttr, type Rect } from './xml';

export const EMPTY_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>`;

/** The children of `<worksheet>` in the order the schema requires. */
const ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
const after = (name: string) => ORDER.slice(ORDER.indexOf(name) + 1);

/** Data validations reach this far down: a class list is never longer, and the file stays light. */
export const VALIDATION_LAST_ROW = 1000;
/** Excel refuses a list validation whose formula is longer than this. */
const LIST_FORMULA_MAX = 255;
const TEXT_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>(['iin', 'phone', 'text']);
const TYPE_WIDTH: Partial<Record<ColumnType, number>> = {
  iin: 15, date: 12, phone: 17, sex: 6, checkbox: 6, integer: 8, class: 8, school_year: 11, language: 8,
};

export interface SheetRewrite {
  /** What the engine holds for the tab now. */
  tab: TabData;
  /** Every merge goes (the tab was cleared and written anew). */
  cleared: boolean;
  /** The last formatting asked of the tab, if any since it was opened. */
  format?: { headerRow: number; columns: readonly ColumnFormat[] };
  styles: Styles;
  ctx: SheetContext;
}

export function rewriteSheet(xml: string, job: SheetRewrite): string {
  const { tab, styles, ctx } = job;
  const range = sheetDataRange(xml);
  if (range.open < 0) xml = putElement(xml, 'sheetData', '<sheetData/>', after('sheetData'), '</worksheet>');
  const data = range.open < 0 ? sheetDataRange(xml) : range;

  const existing = new Map<number, { tag: string; cells: Map<number, ScannedCell> }>();
  scanSheet(xml, ctx, (row) => {
    const known = existing.get(row.row);
    const cells = known?.cells ?? new Map<number, ScannedCell>();
    for (const cell of row.cells) cells.set(cell.col, cell);
    existing.set(row.row, { tag: known?.tag ?? row.tag, cells });
  });
  const formulaAt = new Set(tab.formulas.map((f) => f.row * 16_384 + f.col));
  const format = job.format;
  const formatted = new Map((format?.columns ?? []).map((c) => [c.col, c.type]));
  const columnStyles = readColumnStyles(xml);

  // Shared formulas whose master is written over: the other cells of the group get their own formula.
  const lostMasters = new Set<string>();
  const plan = new Map<number, { cell: ScannedCell | undefined; keep: boolean }[]>();
  const rowNumbers = new Set<number>([...existing.keys()]);
  tab.rows.forEach((line, r) => {
    if (line.length > 0) rowNumbers.add(r);
  });
  const written: Rect[] = [];
  for (const r of rowNumbers) {
    const cells = existing.get(r)?.cells;
    const line = tab.rows[r] ?? [];
    const cols = new Set<number>(cells ? cells.keys() : []);
    line.forEach((v, c) => {
      if (v !== null) cols.add(c);
    });
    const entries: { cell: ScannedCell | undefined; keep: boolean; col: number }[] = [];
    for (const c of [...cols].sort((a, b) => a - b)) {
      const cell = cells?.get(c);
      const target = line[c] ?? null;
      const hasFormula = formulaAt.has(r * 16_384 + c);
      const keep = cell !== undefined && (hasFormula ? cell.formula !== null : cell.formula === null && sameValue(cell.value, target));
      if (!keep && cell?.shared?.master) lostMasters.add(cell.shared.si);
      if (!keep && target !== null) written.push({ top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 });
      entries.push({ cell, keep, col: c });
    }
    plan.set(r, entries);
  }

  const parts: string[] = [];
  let maxRow = 0;
  let maxCol = 0;
  for (const r of [...rowNumbers].sort((a, b) => a - b)) {
    const rowInfo = existing.get(r);
    const rowStyle = rowInfo && attr(rowInfo.tag, 'customFormat') === '1' ? Number(attr(rowInfo.tag, 's') ?? -1) : -1;
    const out: string[] = [];
    for (const { cell, keep, col } of plan.get(r) as { cell: ScannedCell | undefined; keep: boolean; col: number }[]) {
      const target = tab.rows[r]?.[col] ?? null;
      const base = cell ? cell.style : rowStyle >= 0 ? rowStyle : columnStyles.get(col + 1) ?? -1;
      let style = base;
      if (!keep) {
        if (target instanceof Date && !styles.isDate(Math.max(base, 0))) style = styles.variant(base, { numFmt: DATE_FORMAT });
        else if (typeof target === 'number' && base >= 0 && styles.isDate(base)) style = styles.variant(base, { numFmt: null });
      }
      if (format) {
        const type = formatted.get(col);
        if (r === format.headerRow) style = styles.variant(style, { header: true });
        else if (r > format.headerRow && type && TEXT_TYPES.has(type) && (target === null || typeof target === 'string')) style = styles.variant(style, { numFmt: '@' });
        else if (r > format.headerRow && type === 'date' && target === null) style = styles.variant(style, { numFmt: DATE_FORMAT });
      }
      let text: string;
      if (keep && cell) {
        text = xml.slice(cell.start, cell.end);
        if (style !== cell.style) text = restyle(text, style);
        if (cell.shared && !cell.shared.master && lostMasters.has(cell.shared.si) && cell.formula) {
          text = text.replace(/<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>/, `<f>${escapeText(cell.formula.slice(1))}</f>`);
        }
      } else {
        text = cellXml(r, col, target, style, ctx.date1904);
        if (text === '') continue;
      }
      out.push(text);
      maxCol = Math.max(maxCol, col + 1);
    }
    let rowTag = rowInfo ? withAttr(rowInfo.tag.replace(/\/>$/, '>'), 'spans', null) : `<row r="${r + 1}">`;
    if (out.length === 0) {
      // A row that only had its number left carries nothing; one with a height or style of its own is kept.
      if (!rowInfo || !/\s(ht|s|hidden|customFormat|customHeight|outlineLevel)=/.test(rowInfo.tag)) continue;
      parts.push(rowTag.replace(/>$/, '/>'));
    } else {
      if (!rowTag.endsWith('>')) rowTag += '>';
      parts.push(rowTag, ...out, '</row>');
    }
    maxRow = Math.max(maxRow, r + 1);
  }

  let head = xml.slice(0, data.open);
  let tail = xml.slice(data.close);
  tail = putElement(tail, 'mergeCells', mergesAfter(tail, job.cleared ? null : written), after('mergeCells'), '</worksheet>');
  if (format) {
    head = putElement(head, 'sheetViews', frozenViews(head, format.headerRow + 1), after('sheetViews'), '');
    head = putElement(head, 'cols', columnsXml(head, tab, format.headerRow, format.columns, styles), after('cols'), '');
    tail = putElement(tail, 'dataValidations', validationsXml(tail, format.headerRow + 2, format.columns), after('dataValidations'), '</worksheet>');
    // Printed as a table prints: landscape A4, at most three pages across (a class tab's forty columns on one page
    // would be too small to read; before, it printed on five portrait pages), as many down as it takes, the header
    // row on each (print titles). A school's own print set-up is kept.
    if (!findElement(tail, 'pageSetup')) {
      tail = putElement(tail, 'pageSetup', '<pageSetup paperSize="9" orientation="landscape" fitToWidth="3" fitToHeight="0"/>', after('pageSetup'), '</worksheet>');
      head = fitToPage(head);
    }
  }
  const dimension = maxRow > 0 ? `<dimension ref="A1:${columnLetters(Math.max(maxCol, 1))}${maxRow}"/>` : '<dimension ref="A1"/>';
  head = putElement(head, 'dimension', dimension, after('dimension'), '');
  return `${head}<sheetData>${parts.join('')}</sheetData>${tail}`;
}

/** `<sheetPr>` asking the page set-up's fit-to-width be used (its `pageSetUpPr` comes last among its children). */
function fitToPage(head: string): string {
  const found = findElement(head, 'sheetPr');
  if (!found) return putElement(head, 'sheetPr', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', after('sheetPr'), '');
  const open = head.slice(found.start, found.openEnd).replace(/\/>$/, '>');
  let inner = innerOf(head, found, 'sheetPr');
  const pr = findElement(inner, 'pageSetUpPr');
  inner = pr ? inner.slice(0, pr.start) + withAttr(inner.slice(pr.start, pr.openEnd), 'fitToPage', '1') + inner.slice(pr.openEnd) : `${inner}<pageSetUpPr fitToPage="1"/>`;
  return `${head.slice(0, found.start)}${open}${inner}</sheetPr>${head.slice(found.end)}`;
}

function sameValue(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

function restyle(cellText: string, style: number): string {
  const close = cellText.indexOf('>') + 1;
  const tag = cellText.slice(0, close);
  return withAttr(tag, 's', style >= 0 ? String(style) : null) + cellText.slice(close);
}

const letterCache: string[] = [];
function ref(row: number, col: number): string {
  return `${letterCache[col] ?? (letterCache[col] = columnLetters(col + 1))}${row + 1}`;
}

/** A cell written so that what is read back is what was written: a string stays text (never a formula), a Date a date. */
function cellXml(row: number, col: number, value: Cell, style: number, date1904: boolean): string {
  const s = style >= 0 ? ` s="${style}"` : '';
  const r = ref(row, col);
  if (value === null) return s ? `<c r="${r}"${s}/>` : '';
  if (typeof value === 'string') {
    const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    return `<c r="${r}"${s} t="inlineStr"><is><t${space}>${excelText(value)}</t></is></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${r}"${s}><v>${dateToSerial(value, date1904)}</v></c>`;
  return `<c r="${r}"${s}><v>${value}</v></c>`;
}

/** The style each column gives a cell typed into it (`<col style>`), by 1-based column. */
function readColumnStyles(xml: string): Map<number, number> {
  const styles = new Map<number, number>();
  const found = findElement(xml, 'cols');
  if (!found) return styles;
  for (const col of elements(innerOf(xml, found, 'cols'), 'col')) {
    const style = attr(col, 'style');
    if (style === null) continue;
    const [min, max] = [Number(attr(col, 'min')), Number(attr(col, 'max'))];
    // A style set on every column to the end of the grid: only the first columns are ever written.
    for (let c = min; c <= Math.min(max, min + 200); c++) styles.set(c, Number(style));
  }
  return styles;
}

/** The merges that stay: those no written cell falls into (besides their top-left), none when the tab was cleared. */
function mergesAfter(tail: string, written: readonly Rect[] | null): string {
  const found = findElement(tail, 'mergeCells');
  if (!found || written === null) return '';
  const kept = elements(innerOf(tail, found, 'mergeCells'), 'mergeCell').filter((m) => {
    const range = decodeRange(attr(m, 'ref') ?? '');
    if (!range) return false;
    return !written.some((w) => w.top >= range.top && w.top <= range.bottom && w.left >= range.left && w.left <= range.right && !(w.top === range.top && w.left === range.left));
  });
  return kept.length > 0 ? `<mergeCells count="${kept.length}">${kept.join('')}</mergeCells>` : '';
}

/** The header rows frozen, in the first sheet view (its zoom, grid lines and selection flags kept). */
function frozenViews(head: string, frozenRows: number): string {
  const found = findElement(head, 'sheetViews');
  const views = found ? elements(innerOf(head, found, 'sheetViews'), 'sheetView') : [];
  const first = views[0] ?? '<sheetView workbookViewId="0"/>';
  const open = first.slice(0, first.indexOf('>') + 1).replace(/\/>$/, '>');
  const top = `A${frozenRows + 1}`;
  const view = `${open}<pane ySplit="${frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView>`;
  return `<sheetViews>${[view, ...views.slice(1)].join('')}</sheetViews>`;
}

/** Column widths and formats for Qamqor's columns; other columns' definitions kept, split where they overlap. */
function columnsXml(head: string, tab: TabData, headerRow: number, columns: readonly ColumnFormat[], styles: Styles): string {
  const found = findElement(head, 'cols');
  let cols = (found ? elements(innerOf(head, found, 'cols'), 'col') : []).map((text) => ({ min: Number(attr(text, 'min')), max: Number(attr(text, 'max')), text }));
  for (const format of columns) {
    const c = format.col + 1;
    const containing = cols.find((x) => x.min <= c && c <= x.max);
    const base = containing?.text ?? '<col/>';
    const numFmt = TEXT_TYPES.has(format.type) ? '@' : format.type === 'date' ? DATE_FORMAT : undefined;
    let text = withAttr(withAttr(withAttr(withAttr(base, 'min', String(c)), 'max', String(c)), 'width', String(columnWidth(tab, headerRow, format))), 'customWidth', '1');
    if (numFmt) text = withAttr(text, 'style', String(styles.variant(Number(attr(base, 'style') ?? -1), { numFmt })));
    const pieces: typeof cols = [];
    if (containing) {
      if (containing.min < c) pieces.push({ min: containing.min, max: c - 1, text: withAttr(containing.text, 'max', String(c - 1)) });
      if (containing.max > c) pieces.push({ min: c + 1, max: containing.max, text: withAttr(containing.text, 'min', String(c + 1)) });
    }
    cols = [...cols.filter((x) => x !== containing), ...pieces, { min: c, max: c, text }];
  }
  cols.sort((a, b) => a.min - b.min);
  return cols.length > 0 ? `<cols>${cols.map((x) => x.text).join('')}</cols>` : '';
}

/** Wide enough for the longest word of the header (it wraps) and the longest value of the first rows. */
function columnWidth(tab: TabData, headerRow: number, format: ColumnFormat): number {
  const headerText = String(tab.rows[headerRow]?.[format.col] ?? '');
  const longestWord = headerText.split(/\s+/).reduce((max, w) => Math.max(max, w.length), 0);
  let longestValue = 0;
  for (let r = headerRow + 1; r < Math.min(tab.rows.length, headerRow + 201); r++) {
    const value = tab.rows[r]?.[format.col] ?? null;
    if (value !== null) longestValue = Math.max(longestValue, value instanceof Date ? 10 : String(value).length);
  }
  const wanted = Math.max(TYPE_WIDTH[format.type] ?? 10, longestWord + 2, Math.min(longestValue, 50) + 2);
  return Math.min(wanted, 50);
}

/**
 * Qamqor's validations, one per formatted column from the first data row to row 1000. The workbook's other
 * validations keep every cell no later one claims: where two overlap (Excel never makes that, other tools do, and
 * Excel then "repairs" the file), the one set last wins, as Excel's own menu does; Qamqor's, set now, win in its columns.
 */
function validationsXml(tail: string, firstRow: number, columns: readonly ColumnFormat[]): string {
  const found = findElement(tail, 'dataValidations');
  const ours: string[] = [];
  const claimed: Rect[] = [];
  if (firstRow <= VALIDATION_LAST_ROW) {
    for (const format of columns) {
      const v = validationFor(format);
      const c = format.col + 1;
      // A formatted column without a rule of its own (text) is still Qamqor's: nobody else's rule stays there.
      claimed.push({ top: firstRow, bottom: VALIDATION_LAST_ROW, left: c, right: c });
      if (!v) continue;
      const letter = columnLetters(c);
      ours.push(`<dataValidation type="${v.type}"${v.operator ? ` operator="${v.operator}"` : ''} errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="${letter}${firstRow}:${letter}${VALIDATION_LAST_ROW}">${v.formulae.map((f, i) => `<formula${i + 1}>${escapeText(f)}</formula${i + 1}>`).join('')}</dataValidation>`);
    }
  }
  const existing = found ? elements(innerOf(tail, found, 'dataValidations'), 'dataValidation') : [];
  const kept: string[] = [];
  for (let i = existing.length - 1; i >= 0; i--) {
    const v = existing[i];
    let pieces = (attr(v, 'sqref') ?? '').split(/\s+/).flatMap((a) => {
      const r = decodeRange(a);
      return r ? [r] : [];
    });
    for (const taken of claimed) pieces = pieces.flatMap((p) => subtract(p, taken));
    if (pieces.length === 0) continue;
    claimed.push(...pieces);
    kept.unshift(v.replace(/^<dataValidation\b[^>]*>/, (tag) => withAttr(tag, 'sqref', pieces.map(encodeRange).join(' '))));
  }
  const all = [...kept, ...ours];
  return all.length > 0 ? `<dataValidations count="${all.length}">${all.join('')}</dataValidations>` : '';
}

/** `a` less `b`, as up to four rectangles (above, below, left, right of the overlap). */
function subtract(a: Rect, b: Rect): Rect[] {
  if (b.left > a.right || b.right < a.left || b.top > a.bottom || b.bottom < a.top) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** Warnings rather than refusals: the engine reads "ұл", "да", "11.12.2006" typed as text, and says what is wrong. */
function validationFor(format: ColumnFormat): { type: string; operator?: string; formulae: string[] } | null {
  const list = (values: readonly string[]) => {
    // A list formula cannot hold a comma inside a value, and Excel caps its length.
    if (values.length === 0 || values.some((v) => v.includes(','))) return null;
    const formula = `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
    return formula.length > LIST_FORMULA_MAX ? null : { type: 'list', formulae: [formula] };
  };
  switch (format.type) {
    case 'choice':
    case 'language':
      return list(format.allowed ?? []);
    case 'sex':
      // Both spellings import writes (ұл/қыз in a Kazakh registry, М/Ж in a Russian one), as the Sheets dropdown offers.
      return list(format.allowed?.length ? format.allowed : ['ұл', 'қыз', 'М', 'Ж']);
    case 'checkbox':
      return list(['TRUE', 'FALSE']);
    case 'date':
      // 1900-01-01 to 2100-12-31 as serial days.
      return { type: 'date', operator: 'between', formulae: ['1', '73415'] };
    case 'integer':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: ['0'] };
    default:
      return null;
  }
}

