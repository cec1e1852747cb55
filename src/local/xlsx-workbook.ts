// The workbook port over an .xlsx file: the offline registry. Opening reads each sheet's text straight into the
// engine's rows (no cell objects, no expanded validations); the values then live in a MemoryWorkbook, and saving
// rewrites only the sheets whose values changed, copying every other part of the file as the bytes it was. What
// Qamqor formatted each tab as is recorded in the meta sheet, so that any later save keeps the tab fitted.
// A Date's UTC fields are the cell's wall clock (Excel has no time zones), so UTC midnight is a whole day.
import { promises as fs } from 'node:fs';
import { lastUsedRow, MemoryWorkbook } from '../app/memory-workbook';
import type { TabRef, WorkbookChange, WorkbookPort } from '../app/workbook-port';
import { RegistryError, xlsxProblems, type XlsxProblem } from '../domain/i18n';
import type { Cell, TabData, WorkbookData } from '../domain/sheet';
import { writeFileAtomic } from './atomic-file';
import { layoutText, locateLayout, parseLayout, type SheetLayout } from './xlsx/layout';
import { XlsxPackage, type SheetEntry } from './xlsx/package';
import { readSheetBytes, type SheetContext } from './xlsx/sheet';
import { EMPTY_SHEET, rewriteSheet } from './xlsx/sheet-write';
import { columnLetters } from './xlsx/xml';
import { ZipFormatError } from './xlsx/zip';

/**
 * The hidden sheet where Qamqor remembers which tab is which, and how it formatted it: rows of
 * `sheetId | key | title | header signature | layout`.
 */
export const META_SHEET = '_qamqor';
/** Excel's grid, and the most characters a cell holds. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
export const MAX_CELL_TEXT = 32_767;

/** A tab the meta sheet names but that cannot be told apart from another one: writing could hit the wrong sheet. */
export interface UnplacedTab {
  key: string;
  title: string;
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly memory: MemoryWorkbook;
  private readonly entries = new Map<string, SheetEntry>();
  /** What Qamqor formatted each tab as, by tab id: read from the meta sheet, updated at each save. */
  private readonly layouts = new Map<string, SheetLayout>();
  private highestId: number;
  private changed = false;

  private constructor(
    private readonly pkg: XlsxPackage,
    data: WorkbookData,
    /** Tabs whose recorded identity and title disagree: no write is allowed while there is one. */
    readonly unplaced: readonly UnplacedTab[],
    metaRows: readonly Cell[][] = [],
  ) {
    const byKey = new Map(data.tabs.filter((t) => t.key !== null).map((t) => [t.key as string, t.id]));
    for (const row of metaRows) {
      const id = typeof row[1] === 'string' ? byKey.get(row[1]) : undefined;
      const layout = id === undefined ? null : parseLayout(row[4] ?? null);
      if (id !== undefined && layout) this.layouts.set(id, layout);
    }
    for (const s of pkg.sheets) if (s.worksheet && s.name !== META_SHEET) this.entries.set(String(s.sheetId), s);
    this.highestId = pkg.sheets.reduce((max, s) => Math.max(max, s.sheetId), 0);
    const others = new Set(pkg.sheets.filter((s) => !s.worksheet || s.name === META_SHEET).map((s) => s.name.toLowerCase()));
    this.memory = new MemoryWorkbook(data, {
      adopt: true,
      titleProblem: (title) => excelTitleProblem(title) ?? (others.has(title.toLowerCase()) ? 'another sheet of the file has it' : null),
      nextId: this.highestId + 1,
    });
  }

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(XlsxPackage.empty(), { tabs: [] }, []);
  }

  static async open(path: string): Promise<XlsxWorkbook> {
    let data: Buffer;
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile()) throw new RegistryError('not_xlsx', { file: path, reason: xlsxProblems.not_a_file });
      data = await fs.readFile(path);
    } catch (e) {
      if (isNodeError(e) && e.code === 'ENOENT') throw new RegistryError('file_missing', { file: path });
      throw e;
    }
    return XlsxWorkbook.fromBytes(data, path);
  }

  /** A workbook from the bytes of an .xlsx; `file` names it in messages. */
  static fromBytes(data: Buffer, file: string): XlsxWorkbook {
    const problem = signatureProblem(data);
    if (problem) throw new RegistryError('not_xlsx', { file, reason: xlsxProblems[problem] });
    let pkg: XlsxPackage;
    try {
      pkg = XlsxPackage.open(data);
    } catch (e) {
      throw new RegistryError('not_xlsx', { file, reason: xlsxProblems[e instanceof ZipFormatError ? e.code : 'no_workbook'] });
    }
    const ctx: SheetContext = { strings: pkg.sharedStrings(), dateStyles: pkg.styles.dateTable(), date1904: pkg.date1904 };
    const sheets = pkg.sheets.filter((s) => s.worksheet && s.name !== META_SHEET);
    if (sheets.length === 0) throw new RegistryError('not_xlsx', { file, reason: xlsxProblems.no_worksheets });
    const tabs: TabData[] = sheets.map((s) => {
      const bytes = s.part ? pkg.bytes(s.part) : null;
      const { rows, formulas } = bytes ? readSheetBytes(bytes, ctx) : { rows: [], formulas: [] };
      return { id: String(s.sheetId), key: null, title: s.name, rows, formulas };
    });
    const metaEntry = pkg.sheets.find((s) => s.name === META_SHEET && s.worksheet);
    const metaBytes = metaEntry?.part ? pkg.bytes(metaEntry.part) : null;
    const metaRows = metaBytes ? readSheetBytes(metaBytes, ctx).rows : [];
    const unplaced = metaBytes ? assignKeys(tabs, metaRows) : [];
    return new XlsxWorkbook(pkg, { tabs }, unplaced, metaRows);
  }

  read(): WorkbookData {
    return this.memory.read();
  }

  apply(changes: readonly WorkbookChange[]): void {
    if (changes.length === 0) return;
    if (this.unplaced.length > 0) throw new RegistryError('tab_unplaced', { tab: this.unplaced.map((u) => u.title).join('», «') });
    this.checkCells(changes);
    this.memory.apply(changes);
    this.changed = true;
  }

  /** Writes the file atomically: a crash leaves the old file whole. */
  async save(path: string): Promise<void> {
    await writeFileAtomic(path, this.toBuffer());
  }

  /** The .xlsx as bytes: sheets whose values changed rewritten, every other part copied as it was. */
  toBuffer(): Buffer {
    // Ids, keys and titles only: the cells are read in place (peek) for the few tabs that are rewritten.
    const tabs = this.memory.outline();
    if (!tabs.some((t) => this.entries.get(t.id)?.state !== 'hidden' && this.entries.get(t.id)?.state !== 'veryHidden')) {
      throw new Error('a workbook needs at least one visible tab before it can be saved');
    }
    const ctx: SheetContext = { strings: this.pkg.sharedStrings(), dateStyles: this.pkg.styles.dateTable(), date1904: this.pkg.date1904 };
    const live = new Set(tabs.map((t) => t.id));
    for (const [id, entry] of this.entries) {
      if (live.has(id)) continue;
      this.pkg.removeSheet(entry);
      this.entries.delete(id);
      this.layouts.delete(id);
    }
    const meta = this.pkg.sheets.find((s) => s.name === META_SHEET && s.worksheet);
    let anyChanged = false;
    for (const tab of tabs) {
      let entry = this.entries.get(tab.id);
      const fresh = !entry;
      if (!entry) {
        entry = this.pkg.addWorksheet(tab.title, Number(tab.id), EMPTY_SHEET);
        this.entries.set(tab.id, entry);
        this.highestId = Math.max(this.highestId, Number(tab.id));
      }
      entry.name = tab.title;
      const format = this.memory.formats.get(tab.id);
      if (!fresh && !format && !this.memory.written.has(tab.id)) continue;
      const xml = (entry.part && this.pkg.text(entry.part)) || EMPTY_SHEET;
      const data = this.memory.peek({ id: tab.id }) as TabData;
      // Where the columns formatted before are now (a teacher may have moved them, or typed title rows above).
      const recorded = this.layouts.get(tab.id);
      const layout = recorded ? locateLayout(data, recorded) : null;
      const result = rewriteSheet(xml, { tab: data, cleared: this.memory.cleared.has(tab.id), format, layout, styles: this.pkg.styles, ctx });
      this.pkg.setPart(entry.part as string, result.xml);
      if (result.layout) this.layouts.set(tab.id, result.layout);
      if (format) this.pkg.setPrintTitles(entry, format.headerRow + 1);
      anyChanged = true;
    }
    this.writeMeta(tabs, meta ?? null, ctx);
    // Tab order: as the file had them, new tabs after, the meta sheet last so that Excel never opens on it.
    const order = new Map(tabs.map((t, i) => [this.entries.get(t.id) as SheetEntry, i]));
    const rank = (s: SheetEntry) => (s.name === META_SHEET ? Number.MAX_SAFE_INTEGER : order.get(s) ?? -1);
    const positioned = this.pkg.sheets.map((s, i) => ({ s, i }));
    positioned.sort((a, b) => {
      const [ra, rb] = [rank(a.s), rank(b.s)];
      // Sheets that are not tabs (charts) keep their place relative to the tabs around them.
      if (ra < 0 || rb < 0) return a.i - b.i;
      return ra - rb;
    });
    this.pkg.sheets.splice(0, this.pkg.sheets.length, ...positioned.map((p) => p.s));
    const chunks = this.pkg.toChunks(anyChanged || this.changed);
    this.memory.forgetChanges();
    return Buffer.concat(chunks);
  }

  /** Records each keyed tab's id, title and header signature, so that the mapping survives renumbering and renames. */
  private writeMeta(tabs: readonly { id: string; key: string | null; title: string }[], existing: SheetEntry | null, ctx: SheetContext): void {
    const keyed = tabs.filter((t) => t.key !== null);
    if (!existing && keyed.length === 0) return;
    let entry = existing;
    if (!entry) {
      entry = this.pkg.addWorksheet(META_SHEET, ++this.highestId, EMPTY_SHEET);
    }
    entry.state = 'veryHidden';
    const rows: Cell[][] = keyed.map((t) => {
      const layout = this.layouts.get(t.id);
      const row: Cell[] = [Number(t.id), t.key, t.title, signature(this.memory.peek({ id: t.id }) as TabData)];
      return layout ? [...row, layoutText(layout)] : row;
    });
    const xml = (entry.part && this.pkg.text(entry.part)) || EMPTY_SHEET;
    const tab: TabData = { id: String(entry.sheetId), key: null, title: META_SHEET, rows, formulas: [] };
    this.pkg.setPart(entry.part as string, rewriteSheet(xml, { tab, cleared: true, styles: this.pkg.styles, ctx }).xml);
  }

  /** Refuses, before anything changes, a value Excel cannot hold, naming the tab and the cell. */
  private checkCells(changes: readonly WorkbookChange[]): void {
    const appended = new Map<string, number>();
    for (const change of changes) {
      if (change.kind !== 'writeCells' && change.kind !== 'replaceRows' && change.kind !== 'appendRows') continue;
      const tab = this.memory.peek(change.tab);
      let top = 0;
      if (change.kind === 'writeCells') top = change.row;
      else if (change.kind === 'appendRows' && tab) {
        const key = JSON.stringify(change.tab);
        top = appended.get(key) ?? lastUsedRow(tab) + 1;
        appended.set(key, top + change.values.length);
      }
      const left = change.kind === 'writeCells' ? change.col : 0;
      const width = change.values.reduce((max, line) => Math.max(max, Array.isArray(line) ? line.length : 0), 0);
      if (left + width > MAX_COLS || top + change.values.length > MAX_ROWS) {
        throw new Error(`${change.kind} reaches beyond Excel's ${MAX_ROWS} rows or ${MAX_COLS} columns`);
      }
      change.values.forEach((line, i) => {
        if (!Array.isArray(line)) return;
        line.forEach((value, j) => {
          if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
            throw new RegistryError('cell_too_long', { tab: tab?.title ?? titleOf(change.tab), cell: `${columnLetters(left + j + 1)}${top + i + 1}`, length: value.length, max: MAX_CELL_TEXT });
          }
        });
      });
    }
  }
}

function titleOf(ref: TabRef): string {
  return 'id' in ref ? ref.id : ref.key;
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

/** What a tab's first filled row says: enough to tell a class tab from the passport when their ids were shuffled. */
export function signature(tab: Pick<TabData, 'rows'>): string {
  const row = tab.rows.find((r) => r.some((c) => c !== null && c !== '')) ?? [];
  return row
    .filter((c) => c !== null && c !== '')
    .slice(0, 6)
    .map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c)))
    .join('|')
    .slice(0, 250);
}

/**
 * Gives each tab the key the meta sheet records for it. A record matches the sheet with its id and title; when
 * another program renumbered the sheets (LibreOffice, openpyxl) or a teacher renamed a tab, id and title point at
 * different sheets, and the header signature decides. What it cannot decide is returned: writing is then refused.
 */
export function assignKeys(tabs: TabData[], metaRows: readonly Cell[][]): UnplacedTab[] {
  const records = metaRows.flatMap((row) => {
    const [id, key, title, sig] = row;
    const sheetId = typeof id === 'number' ? id : Number(id);
    if (!Number.isInteger(sheetId) || typeof key !== 'string' || key === '') return [];
    return [{ id: String(sheetId), key, title: title === null || title === undefined ? null : String(title), sig: sig === null || sig === undefined ? null : String(sig) }];
  });
  const unplaced: UnplacedTab[] = [];
  const taken = new Set<TabData>();
  const usedKeys = new Set<string>();
  const give = (tab: TabData, key: string) => {
    tab.key = key;
    taken.add(tab);
    usedKeys.add(key);
  };
  const free = (t: TabData | undefined) => (t && !taken.has(t) ? t : undefined);
  // Thousands of class tabs in a large school: looked up by map, not by scanning the list for each record.
  const withId = new Map(tabs.map((t) => [t.id, t]));
  const withTitle = new Map<string, TabData>();
  for (const t of tabs) if (!withTitle.has(t.title)) withTitle.set(t.title, t);
  // Agreeing records first, so that a sheet they claim is not handed to a doubtful one.
  for (const r of records) {
    const candidate = withId.get(r.id);
    const tab = free(candidate && (r.title === null || candidate.title === r.title) ? candidate : undefined);
    if (tab && !usedKeys.has(r.key)) give(tab, r.key);
  }
  for (const r of records) {
    if (usedKeys.has(r.key)) continue;
    const byTitle = free(r.title === null ? undefined : withTitle.get(r.title));
    const byId = free(withId.get(r.id));
    const fits = (t: TabData | undefined) => t !== undefined && (r.sig === null || signature(t) === r.sig);
    let chosen: TabData | undefined;
    if (r.sig === null) chosen = byTitle ?? byId;
    else if (fits(byTitle) && !(byId && byId !== byTitle && fits(byId))) chosen = byTitle;
    else if (fits(byId) && !fits(byTitle)) chosen = byId;
    if (chosen) give(chosen, r.key);
    else if (byTitle || byId) unplaced.push({ key: r.key, title: r.title ?? byTitle?.title ?? byId?.title ?? r.key });
  }
  return unplaced;
}

/** Names the common impostors before the archive is read. */
function signatureProblem(data: Buffer): XlsxProblem | null {
  if (data.length === 0) return 'empty';
  // An OLE compound file: an old .xls, or an .xlsx saved with a password (Office encrypts it inside one).
  if (data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0) return 'old_xls';
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) return 'not_zip';
  return null;
}

/** Structural: errors thrown by Node's fs may come from another realm (test runners), where instanceof fails. */
function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && 'code' in e;
}
