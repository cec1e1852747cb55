// Rewrites one worksheet part so that its cells hold the values the engine left: a cell whose value did not change
// keeps its bytes; a changed one keeps its style; formatting adds Qamqor's own column formats, validations with
// their hints, frozen panes and the header's protection without touching anyone else's (a validation of the
// school's own is only cut away from Qamqor's columns). Every save refits the widths of the columns Qamqor formatted.
import type { ColumnFormat, ColumnHint } from '../../app/workbook-port';
import type { Cell, TabData } from '../../domain/sheet';
import type { ColumnType } from '../../domain/template';
import { fittedWidth, headerHeight, layoutOf, type SheetLayout } from './layout';
import { dateToSerial, scanSheet, sheetDataRange, type ScannedCell, type SheetContext } from './sheet';
import { DATE_FORMAT, type StyleChange, type Styles } from './styles';
import { attr, columnLetters, decodeRange, elements, encodeRange, escapeAttr, escapeText, excelText, findElement, innerOf, putElement, withAttr, type Rect } from './xml';

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
/** Columns of a word or two (a tick, a sex): centred, so they do not run into the right-aligned date beside them. */
const CENTERED: ReadonlySet<ColumnType> = new Set<ColumnType>(['checkbox', 'sex']);
/** What Excel shows of a validation's texts: longer ones make it "repair" the file. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;
/** Excel's grid is this wide: the columns right of the table are left unlocked to the end. */
const LAST_COLUMN = 16_384;
/** Excel's own width of a column nobody sized (Calibri 11), given to the unlocked columns right of the table. */
const DEFAULT_WIDTH = '9.140625';
/**
 * The protection every formatted sheet gets: no password (it guards the header against a slip, not against a
 * person), and everything a teacher does to a table still allowed — formatting, inserting, deleting and hiding rows
 * and columns (columns are found by header), sorting, filtering, comments. Only locked cells (the header) refuse.
 */
const SHEET_PROTECTION =
  '<sheetProtection sheet="1" objects="0" scenarios="0" formatCells="0" formatColumns="0" formatRows="0" insertColumns="0" insertRows="0" ' +
  'insertHyperlinks="0" deleteColumns="0" deleteRows="0" sort="0" autoFilter="0" pivotTables="0"/>';

export interface SheetRewrite {
  /** What the engine holds for the tab now. */
  tab: TabData;
  /** Every merge goes (the tab was cleared and written anew). */
  cleared: boolean;
  /** The last formatting asked of the tab, if any since it was opened: applied in full. */
  format?: { headerRow: number; columns: readonly ColumnFormat[]; frozenColumns?: number };
  /**
   * What Qamqor formatted the tab as before (this session, or as the file records it), where its columns are now:
   * widths refitted, ticks written as the workbook's word, written data cells left unlocked.
   */
  layout?: SheetLayout | null;
  styles: Styles;
  ctx: SheetContext;
}

export interface RewriteResult {
  xml: string;
  /** What the tab is formatted as now, with the widths and header height given: for the next save. */
  layout: SheetLayout | null;
}

export function rewriteSheet(xml: string, job: SheetRewrite): RewriteResult {
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
  const layout = format ? layoutOf(tab, format, job.layout ?? null) : job.layout ?? null;
  const typed = new Map((layout?.columns ?? []).map((c) => [c.col, c.type]));
  const flag = layout?.flag;
  const columnStyles = readColumnStyles(xml);
  const fitted = layout ? fitColumns(xml, tab, layout) : null;

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
      let target = tab.rows[r]?.[col] ?? null;
      const type = typed.get(col);
      // A tick written into a checkbox column of a workbook without real checkboxes is its word; an unticked box is
      // an empty cell, not a column of «жоқ». A TRUE a teacher typed is kept as it is (keep), never rewritten.
      if (!keep && type === 'checkbox' && flag && layout && r > layout.headerRow && typeof target === 'boolean') target = target ? flag.yes : null;
      if (!keep && !cell && target === null) continue;
      const base = cell ? cell.style : rowStyle >= 0 ? rowStyle : columnStyles.get(col + 1) ?? -1;
      let style = base;
      const change: StyleChange = {};
      if (!keep) {
        if (target instanceof Date && !styles.isDate(Math.max(base, 0))) change.numFmt = DATE_FORMAT;
        else if (typeof target === 'number' && base >= 0 && styles.isDate(base)) change.numFmt = null;
      }
      if (format && r === format.headerRow) change.header = true;
      else if (layout && type && r > layout.headerRow && (format || !keep)) {
        // A data cell of a Qamqor column: its column's format, and editable under the sheet's protection.
        if (TEXT_TYPES.has(type) && (target === null || typeof target === 'string')) change.numFmt = '@';
        else if (type === 'date' && target === null) change.numFmt = DATE_FORMAT;
        change.locked = false;
        if (CENTERED.has(type)) change.center = true;
      }
      if (Object.keys(change).length > 0) style = styles.variant(style, change);
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
    // The header wraps: its row is as tall as its tallest header, so that it never runs over the first pupil.
    if (fitted && layout && r === layout.headerRow) rowTag = withAttr(withAttr(rowTag, 'ht', String(fitted.headerHeight)), 'customHeight', '1');
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
    head = putElement(head, 'sheetViews', frozenViews(head, format.headerRow + 1, format.frozenColumns), after('sheetViews'), '');
    tail = putElement(tail, 'dataValidations', validationsXml(tail, format.headerRow + 2, format.columns), after('dataValidations'), '</worksheet>');
    // The header locked, the data cells not (their styles and the columns' own say so): a school's own protection
    // (a password it chose) is left as it is.
    if (!findElement(tail, 'sheetProtection')) tail = putElement(tail, 'sheetProtection', SHEET_PROTECTION, after('sheetProtection'), '</worksheet>');
    // Printed as a table prints: landscape A4, at most three pages across (a class tab's forty columns on one page
    // would be too small to read; before, it printed on five portrait pages), as many down as it takes, the header
    // row on each (print titles). A school's own print set-up is kept.
    if (!findElement(tail, 'pageSetup')) {
      tail = putElement(tail, 'pageSetup', '<pageSetup paperSize="9" orientation="landscape" fitToWidth="3" fitToHeight="0"/>', after('pageSetup'), '</worksheet>');
      head = fitToPage(head);
    }
  }
  if (fitted && layout) head = putElement(head, 'cols', columnsXml(head, layout, fitted.widths, format ? format.columns : null, styles), after('cols'), '');
  const dimension = maxRow > 0 ? `<dimension ref="A1:${columnLetters(Math.max(maxCol, 1))}${maxRow}"/>` : '<dimension ref="A1"/>';
  head = putElement(head, 'dimension', dimension, after('dimension'), '');
  const kept = layout && fitted ? { ...layout, headerHeight: fitted.headerHeight, columns: layout.columns.map((c) => ({ ...c, width: fitted.widths.get(c.col) })) } : null;
  return { xml: `${head}<sheetData>${parts.join('')}</sheetData>${tail}`, layout: kept };
}

/**
 * Each Qamqor column's width fitted to what it holds now, and the header row's height. A width or height Qamqor did
 * not set (a teacher widened the column, or another program saved the file) is never made smaller: only what is
 * needed is added, so a teacher's wider column stays and a name never gets cut. Qamqor's own may shrink back.
 */
function fitColumns(xml: string, tab: Readonly<TabData>, layout: SheetLayout): { widths: Map<number, number>; headerHeight: number } {
  const found = findElement(xml, 'cols');
  const cols = (found ? elements(innerOf(xml, found, 'cols'), 'col') : []).map((x) => ({ min: Number(attr(x, 'min')), max: Number(attr(x, 'max')), width: Number(attr(x, 'width') ?? NaN) }));
  const widths = new Map<number, number>();
  for (const c of layout.columns) {
    const needed = fittedWidth(tab, layout.headerRow, c.col, c.type, c.type === 'checkbox' ? layout.flag : undefined);
    const now = cols.find((x) => x.min <= c.col + 1 && c.col + 1 <= x.max)?.width ?? NaN;
    const ours = c.width !== undefined && Math.abs(now - c.width) < 0.01;
    widths.set(c.col, Number.isFinite(now) && !ours ? Math.max(now, needed) : needed);
  }
  const needed = headerHeight(tab, layout, widths);
  const row = new RegExp(`<row\\b[^>]*\\sr="${layout.headerRow + 1}"[^>]*>`).exec(xml)?.[0];
  const now = row && attr(row, 'customHeight') === '1' ? Number(attr(row, 'ht') ?? NaN) : NaN;
  const ours = layout.headerHeight !== undefined && Math.abs(now - layout.headerHeight) < 0.01;
  return { widths, headerHeight: Number.isFinite(now) && !ours ? Math.max(now, needed) : needed };
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

/**
 * The header rows frozen, and `frozenCols` columns left of the scroll (undefined: as many as the view has), in the
 * first sheet view (its zoom, grid lines and selection flags kept), with a selection per pane as Excel writes it.
 */
function frozenViews(head: string, frozenRows: number, frozenCols: number | undefined): string {
  const found = findElement(head, 'sheetViews');
  const views = found ? elements(innerOf(head, found, 'sheetViews'), 'sheetView') : [];
  const first = views[0] ?? '<sheetView workbookViewId="0"/>';
  const open = first.slice(0, first.indexOf('>') + 1).replace(/\/>$/, '>');
  const pane = findElement(first, 'pane');
  const had = pane ? Number(attr(first.slice(pane.start, pane.openEnd), 'xSplit') ?? 0) : 0;
  const cols = frozenCols ?? (Number.isInteger(had) && had > 0 ? had : 0);
  const cell = (col: number, row: number) => `${columnLetters(col + 1)}${row + 1}`;
  const top = cell(cols, frozenRows);
  const selection = (name: string, at: string) => `<selection pane="${name}" activeCell="${at}" sqref="${at}"/>`;
  const view =
    cols > 0
      ? `${open}<pane xSplit="${cols}" ySplit="${frozenRows}" topLeftCell="${top}" activePane="bottomRight" state="frozen"/>` +
        `${selection('topRight', cell(cols, 0))}${selection('bottomLeft', cell(0, frozenRows))}${selection('bottomRight', top)}</sheetView>`
      : `${open}<pane ySplit="${frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>${selection('bottomLeft', top)}</sheetView>`;
  return `<sheetViews>${[view, ...views.slice(1)].join('')}</sheetViews>`;
}

/**
 * Column widths for Qamqor's columns, and when the tab is being formatted their formats: the column's style gives a
 * cell typed later its number format and leaves it unlocked under the sheet's protection. The columns right of the
 * table are unlocked too, so that a teacher can add a column of her own and Excel lets a whole row be deleted.
 * Other columns' definitions are kept, split where they overlap.
 */
function columnsXml(head: string, layout: SheetLayout, widths: ReadonlyMap<number, number>, formats: readonly ColumnFormat[] | null, styles: Styles): string {
  const found = findElement(head, 'cols');
  let cols = (found ? elements(innerOf(head, found, 'cols'), 'col') : []).map((text) => ({ min: Number(attr(text, 'min')), max: Number(attr(text, 'max')), text }));
  const formatted = new Map((formats ?? []).map((f) => [f.col, f]));
  const place = (min: number, max: number, make: (base: string) => string) => {
    const containing = cols.find((x) => x.min <= min && min <= x.max);
    // min and max first, as Excel writes them: the tag stays familiar however often it is rewritten.
    const rest = withAttr(withAttr(containing?.text ?? '<col/>', 'min', null), 'max', null).slice('<col'.length);
    const text = make(`<col min="${min}" max="${max}"${rest}`);
    const pieces: typeof cols = [];
    if (containing) {
      if (containing.min < min) pieces.push({ min: containing.min, max: min - 1, text: withAttr(containing.text, 'max', String(min - 1)) });
      if (containing.max > max) pieces.push({ min: max + 1, max: containing.max, text: withAttr(containing.text, 'min', String(max + 1)) });
    }
    cols = [...cols.filter((x) => x !== containing), ...pieces, { min, max, text }];
  };
  for (const column of layout.columns) {
    const c = column.col + 1;
    const format = formatted.get(column.col);
    place(c, c, (base) => {
      let text = withAttr(withAttr(base, 'width', String(widths.get(column.col))), 'customWidth', '1');
      if (format) {
        const numFmt = TEXT_TYPES.has(format.type) ? '@' : format.type === 'date' ? DATE_FORMAT : undefined;
        const change: StyleChange = { ...(numFmt ? { numFmt } : {}), locked: false, ...(CENTERED.has(format.type) ? { center: true } : {}) };
        text = withAttr(text, 'style', String(styles.variant(Number(attr(base, 'style') ?? -1), change)));
      }
      return text;
    });
  }
  const last = Math.max(0, ...layout.columns.map((c) => c.col + 1));
  if (formats && last > 0 && last < LAST_COLUMN && !cols.some((x) => x.max > last)) {
    place(last + 1, LAST_COLUMN, (base) => withAttr(withAttr(base, 'width', DEFAULT_WIDTH), 'style', String(styles.variant(-1, { locked: false }))));
  }
  cols.sort((a, b) => a.min - b.min);
  return cols.length > 0 ? `<cols>${cols.map((x) => x.text).join('')}</cols>` : '';
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
      if (!v && !format.hint) continue;
      const letter = columnLetters(c);
      // A column with a hint and no rule (a phone, a list of categories) gets a validation that takes any value
      // (no type): it is how a spreadsheet shows a hint on entering the cell.
      const rule = v ? `type="${v.type}"${v.operator ? ` operator="${v.operator}"` : ''} errorStyle="warning" ` : '';
      const texts = hintAttributes(format.hint, v !== null);
      const formulae = v ? v.formulae.map((f, i) => `<formula${i + 1}>${escapeText(f)}</formula${i + 1}>`).join('') : '';
      const sqref = `sqref="${letter}${firstRow}:${letter}${VALIDATION_LAST_ROW}"`;
      ours.push(formulae ? `<dataValidation ${rule}allowBlank="1"${texts} ${sqref}>${formulae}</dataValidation>` : `<dataValidation ${rule}allowBlank="1"${texts} ${sqref}/>`);
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

/** The hint shown on entering a cell and the warning's texts, cut to what Excel takes (longer ones it "repairs" away). */
function hintAttributes(hint: ColumnHint | undefined, hasRule: boolean): string {
  let out = '';
  if (hint) out += ` showInputMessage="1" promptTitle="${escapeAttr(clip(hint.title, PROMPT_TITLE_MAX))}" prompt="${escapeAttr(clip(hint.prompt, PROMPT_MAX))}"`;
  if (hasRule) {
    out += ' showErrorMessage="1"';
    if (hint?.errorTitle) out += ` errorTitle="${escapeAttr(clip(hint.errorTitle, PROMPT_TITLE_MAX))}"`;
    if (hint?.error) out += ` error="${escapeAttr(clip(hint.error, ERROR_MAX))}"`;
  }
  return out;
}

/** `text` in at most `max` characters: cut after a whole word or list item, with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const at = Math.max(room.lastIndexOf('; '), room.lastIndexOf(', '), room.lastIndexOf(' '));
  return `${(at > max / 2 ? room.slice(0, at) : room).replace(/[\s;,:]+$/, '')}…`;
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
      // The workbook's words when the setup gave them; a format without them keeps what older files had.
      return list(format.flag ? [format.flag.yes, format.flag.no] : ['TRUE', 'FALSE']);
    case 'iin':
      // Twelve characters; that they are digits, with a valid check digit, is the engine's to say.
      return format.hint ? { type: 'textLength', operator: 'equal', formulae: ['12'] } : null;
    case 'date':
      // 1900-01-01 to 2100-12-31 as serial days.
      return { type: 'date', operator: 'between', formulae: ['1', '73415'] };
    case 'integer':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: ['0'] };
    default:
      return null;
  }
}

