// The workbook port held in memory: the reference adapter for use-case tests and Apps Script tests.
// Pure TypeScript (no Node API). A batch runs on a working copy and is committed whole or not at all.
import type { Cell, FormulaCell, TabData, WorkbookData } from '../domain/sheet';
import type { ColumnFormat, TabRef, WorkbookChange, WorkbookPort } from './workbook-port';

/** What the last `formatTable` asked of a tab. */
export interface TableFormat {
  headerRow: number;
  columns: ColumnFormat[];
  frozenColumns?: number;
}

export interface MemoryWorkbookOptions {
  /**
   * Why the spreadsheet being modelled refuses a tab title, or null when it accepts it. Other adapters
   * pass their own rules (Excel's 31 characters…) to run a batch here as a dry run before touching a file.
   * An empty title and a title already in use (case-insensitively, as Excel and Sheets compare) are always refused.
   */
  titleProblem?: (title: string) => string | null;
  /** The id the next new tab takes, when the modelled workbook numbers its tabs itself; never below the default. */
  nextId?: number;
  /**
   * The initial tabs are taken as they are, not copied: an adapter that has just read them, cell by cell as the
   * memory keeps them, hands them over without a second copy of a large school.
   */
  adopt?: boolean;
}

export class MemoryWorkbook implements WorkbookPort {
  private tabs: TabData[];
  private nextId: number;
  private readonly titleProblem: (title: string) => string | null;
  private readonly formatsByTab = new Map<string, TableFormat>();
  /** The last `formatTable` of each tab, by tab id: the only trace formatting leaves in memory. */
  readonly formats: ReadonlyMap<string, TableFormat> = this.formatsByTab;
  /** Ids of the tabs whose cells a batch wrote since the last `forgetChanges`: what a saving adapter rewrites. */
  readonly written = new Set<string>();
  /** Ids of the tabs cleared by `replaceRows` since the last `forgetChanges`. */
  readonly cleared = new Set<string>();

  constructor(initial?: WorkbookData, options: MemoryWorkbookOptions = {}) {
    this.titleProblem = options.titleProblem ?? (() => null);
    this.tabs = options.adopt ? [...(initial?.tabs ?? [])] : (initial?.tabs ?? []).map(normalizedTab);
    const ids = new Set<string>();
    for (const tab of this.tabs) {
      if (ids.has(tab.id)) throw new Error(`the initial workbook has two tabs with id "${tab.id}"`);
      ids.add(tab.id);
    }
    // Ids count on from the largest numeric one, so an id once seen never names another tab.
    const fromIds = 1 + this.tabs.reduce((max, t) => (/^\d+$/.test(t.id) ? Math.max(max, Number(t.id)) : max), 0);
    this.nextId = Math.max(fromIds, options.nextId ?? 0);
  }

  read(): WorkbookData {
    return { tabs: this.tabs.map(copyTab) };
  }

  apply(changes: readonly WorkbookChange[]): void {
    const batch = new Batch(this.tabs, this.nextId, this.formatsByTab, this.titleProblem);
    for (const change of changes) batch.apply(change);
    this.tabs = batch.tabs;
    this.nextId = batch.nextId;
    this.formatsByTab.clear();
    for (const [id, format] of batch.formats) this.formatsByTab.set(id, format);
    for (const tab of batch.written) this.written.add(tab.id);
    for (const tab of batch.cleared) this.cleared.add(tab.id);
  }

  /** The tabs in order, by identity only: what a saving adapter needs to lay out the file without copying every cell. */
  outline(): { id: string; key: string | null; title: string }[] {
    return this.tabs.map((t) => ({ id: t.id, key: t.key, title: t.title }));
  }

  /** The tab itself, not a copy, for an adapter writing it out; null when there is none. */
  peek(ref: TabRef): Readonly<TabData> | null {
    return ('id' in ref ? this.tabs.find((t) => t.id === ref.id) : this.tabs.find((t) => t.key === ref.key)) ?? null;
  }

  /** The changes are saved: from now on only new ones count. */
  forgetChanges(): void {
    this.written.clear();
    this.cleared.clear();
    this.formatsByTab.clear();
  }
}

/** One `apply` in progress: tabs are copied the first time the batch changes them (copy on write). */
class Batch {
  readonly tabs: TabData[];
  readonly formats: Map<string, TableFormat>;
  readonly written = new Set<TabData>();
  readonly cleared = new Set<TabData>();
  private readonly copied = new Set<TabData>();

  constructor(
    tabs: readonly TabData[],
    public nextId: number,
    formats: ReadonlyMap<string, TableFormat>,
    private readonly titleProblem: (title: string) => string | null,
  ) {
    this.tabs = [...tabs];
    this.formats = new Map(formats);
  }

  apply(change: WorkbookChange): void {
    switch (change.kind) {
      case 'addTab': {
        this.checkKey(change.key, null);
        this.checkTitle(change.title, null);
        const tab: TabData = { id: String(this.nextId++), key: change.key, title: change.title, rows: [], formulas: [] };
        this.tabs.push(tab);
        this.copied.add(tab);
        return;
      }
      case 'renameTab': {
        const tab = this.mutable(change.tab);
        this.checkTitle(change.title, tab);
        if (change.key !== undefined) {
          this.checkKey(change.key, tab);
          tab.key = change.key;
        }
        tab.title = change.title;
        return;
      }
      case 'removeTab': {
        const tab = this.resolve(change.tab);
        this.tabs.splice(this.tabs.indexOf(tab), 1);
        this.formats.delete(tab.id);
        return;
      }
      case 'writeCells': {
        checkIndex(change.row, 'row');
        checkIndex(change.col, 'col');
        writeRect(this.touch(change.tab), change.row, change.col, change.values);
        return;
      }
      case 'appendRows': {
        const tab = this.touch(change.tab);
        writeRect(tab, lastUsedRow(tab) + 1, 0, change.values);
        return;
      }
      case 'replaceRows': {
        const tab = this.touch(change.tab);
        this.cleared.add(tab);
        tab.rows = [];
        tab.formulas = [];
        writeRect(tab, 0, 0, change.values);
        return;
      }
      case 'formatTable': {
        const tab = this.resolve(change.tab);
        checkIndex(change.headerRow, 'headerRow');
        for (const column of change.columns) checkIndex(column.col, 'col');
        this.formats.set(tab.id, {
          headerRow: change.headerRow,
          columns: change.columns.map((c) => ({ ...c, ...(c.allowed ? { allowed: [...c.allowed] } : {}) })),
          ...(change.frozenColumns !== undefined ? { frozenColumns: change.frozenColumns } : {}),
        });
        return;
      }
      default: {
        const unknown: never = change;
        throw new Error(`unknown workbook change ${JSON.stringify(unknown)}`);
      }
    }
  }

  resolve(ref: TabRef): TabData {
    const tab = 'id' in ref ? this.tabs.find((t) => t.id === ref.id) : this.tabs.find((t) => t.key === ref.key);
    if (!tab) throw new Error(`no tab with ${'id' in ref ? `id "${ref.id}"` : `key "${ref.key}"`} in the workbook`);
    return tab;
  }

  private touch(ref: TabRef): TabData {
    const tab = this.mutable(ref);
    this.written.add(tab);
    return tab;
  }

  private mutable(ref: TabRef): TabData {
    const tab = this.resolve(ref);
    if (this.copied.has(tab)) return tab;
    const copy: TabData = { ...tab, rows: tab.rows.map((r) => [...r]), formulas: tab.formulas.map((f) => ({ ...f })) };
    this.tabs[this.tabs.indexOf(tab)] = copy;
    this.copied.add(copy);
    return copy;
  }

  private checkTitle(title: string, self: TabData | null): void {
    const problem =
      typeof title !== 'string' || title.trim() === ''
        ? 'it is empty'
        : this.tabs.some((t) => t !== self && t.title.toLowerCase() === title.toLowerCase())
          ? 'another tab has it'
          : this.titleProblem(title);
    if (problem) throw new Error(`invalid tab title "${title}": ${problem}`);
  }

  private checkKey(key: string, self: TabData | null): void {
    if (typeof key !== 'string' || key === '') throw new Error(`invalid tab key "${key}"`);
    if (this.tabs.some((t) => t !== self && t.key === key)) throw new Error(`another tab already has the key "${key}"`);
  }
}

/** Writes `values` from (row, col); each row writes its own cells only, so a shorter row leaves the rest of its line. */
function writeRect(tab: TabData, row: number, col: number, values: readonly (readonly Cell[])[]): void {
  if (!Array.isArray(values) || !values.every(Array.isArray)) throw new Error('cell values must be an array of rows');
  const cells = values.map((r) => Array.from({ length: r.length }, (_, j) => storedCell(r[j])));
  const written = (r: number, c: number) => r >= row && r < row + cells.length && c >= col && c < col + cells[r - row].length;
  tab.formulas = tab.formulas.filter((f) => !written(f.row, f.col));
  cells.forEach((line, i) => {
    if (line.length === 0) return;
    while (tab.rows.length <= row + i) tab.rows.push([]);
    const target = tab.rows[row + i];
    while (target.length < col + line.length) target.push(null);
    for (let j = 0; j < line.length; j++) target[col + j] = line[j];
    trimEnd(target);
  });
  trimRows(tab);
}

/** A value as the memory keeps it; anything a real spreadsheet could not hold is refused here, before any write. */
function storedCell(value: Cell | undefined): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a cell cannot hold the number ${value}`);
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('a cell cannot hold an invalid Date');
    return new Date(value.getTime());
  }
  throw new Error(`a cell cannot hold ${JSON.stringify(value)}`);
}

function checkIndex(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a 0-based whole number, not ${n}`);
}

/** The last row holding a value or a formula, -1 when the tab is empty. */
export function lastUsedRow(tab: Readonly<TabData>): number {
  let last = tab.rows.length - 1;
  while (last >= 0 && tab.rows[last].length === 0) last--;
  for (const f of tab.formulas) last = Math.max(last, f.row);
  return last;
}

function trimEnd(line: Cell[]): void {
  while (line.length > 0 && line[line.length - 1] === null) line.pop();
}

function trimRows(tab: TabData): void {
  const keep = lastUsedRow(tab) + 1;
  if (tab.rows.length > keep) tab.rows.length = keep;
}

function normalizedTab(tab: TabData): TabData {
  const copy: TabData = {
    id: String(tab.id),
    key: tab.key ?? null,
    title: tab.title,
    rows: tab.rows.map((r) => Array.from({ length: r.length }, (_, j) => storedCell(r[j]))),
    formulas: tab.formulas.map(normalizedFormula),
  };
  for (const line of copy.rows) trimEnd(line);
  trimRows(copy);
  return copy;
}

/** Formulas are spelt as Sheets shows them, with their leading "=". */
function normalizedFormula(f: FormulaCell): FormulaCell {
  return { row: f.row, col: f.col, formula: f.formula.startsWith('=') ? f.formula : `=${f.formula}` };
}

function copyTab(tab: TabData): TabData {
  return {
    id: tab.id,
    key: tab.key,
    title: tab.title,
    rows: tab.rows.map((r) => r.map((c) => (c instanceof Date ? new Date(c.getTime()) : c))),
    formulas: tab.formulas.map((f) => ({ ...f })),
  };
}
