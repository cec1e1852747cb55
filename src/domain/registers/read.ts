// Reading a pedagogue's register tab (movements, inspections, aid, plan) into typed rows, each cell read by its
// column's type with its problem kept, so that every register reads and validates the same way.
//
// The register infrastructure, for whoever adds a register:
// - layout: a tab of `"kind": "register"`, `"owner": "pedagogue"` in sheets-template/layout.json (TabKey in
//   src/domain/template.ts; `registerTabKeys()` lists them). Setup and repair lay it out like any table (header,
//   formats, dropdowns from column types, starter rows) and protect it for the pedagogue: nothing to add.
// - reading: `readRegister(registry, key, choices?)` here → `RegisterTable` of `RegisterRow`s (`values` typed by the
//   column type: dates ISO, IINs of 12 digits, choice codes, booleans, integers, class names; `problems` per cell).
//   `choices` gives the words a choice column also accepts (see src/domain/registers/words.ts).
//   `knownPupils(registry)` is who an IIN may name: the roll and the archive (for `unknown_pupil`).
//   `registerYear(registry)` is the window a register's dates must fall in (for `date_outside_year`).
// - validation: src/domain/registers/validate.ts, `registerIssues(registry, today)` called by `validateRegistry`; a
//   register adds its words and own checks as an entry of `REGISTERS` there (a `RegisterDefinition`, below): the
//   per-cell problems, `unknown_pupil` (an IIN on neither the roll nor the archive) and `date_outside_year` (its
//   `date` columns, 1 September – 31 August) come for free. `readRegisterOf(registry, key)` reads a tab with its words.
// - import: src/app/registers-import.ts, `planRegisterImport(book, table, key, file, options)` appends CSV rows under
//   the tab's header with a rejects list (`hooks`: `order`, `accept` a row or refuse it, `after` for what else the
//   rows change — movements move the pupils); src/app/registers.ts `REGISTER_IMPORTS` says what makes a row the same
//   per register, `planRegisterImportInto` dispatches; `qamqor import … --into <key>` (src/cli/commands/import.ts →
//   src/cli/commands/registers-import.ts). `appendRegisterRows(registry, key, rows)` (src/app/registers-append.ts) is
//   the one write: rows by column key, the tab made or its header completed when needed.
// - new year: src/app/registers-year.ts, `planRegistersNewYear(registry, today)` (called by planNewYear) moves each
//   register's rows to the `register_archive` tab (every cell as "header: value") and empties the tab;
//   `NEW_YEAR_REGISTERS` there says `keep` or plans a register's own changes instead (the plan's choice).
// - the roll on a day: src/domain/registers/roll.ts `rollOn(registry, movements, date)`; `rollSource` once for many days.
import { cellText, fold, looksLikeFormula, parseDate, parseFlag, parseInteger } from '../cells';
import { parseClassName } from '../registry/class-name';
import { RegistryError } from '../i18n';
import { checkIin, normalizeIin } from '../registry/iin';
import type { Registry } from '../registry/registry';
import type { Cell, TabData } from '../sheet';
import { cellAt, dataRows, mapTable, type TableMap } from '../table';
import { tabSpec, type ColumnSpec, type Lang, type TabKey, type TabSpec } from '../template';

/** What can be wrong with one cell of a register, whatever the register. */
export type CellProblemCode = 'missing_required' | 'invalid_date' | 'invalid_value' | 'formula_in_cell' | 'iin_format' | 'iin_checksum';

export interface CellProblem {
  code: CellProblemCode;
  column: string;
  /** The cell as a person sees it. */
  value: string;
  /** For invalid_value: what the column takes. */
  expected?: string;
}

export type RegisterValue = string | number | boolean | null;

export interface RegisterRow {
  /** 1-based sheet row. */
  row: number;
  cells: readonly Cell[];
  /** Column key → the value read by the column's type; null when empty or unreadable (then `problems` says which). */
  values: Readonly<Record<string, RegisterValue>>;
  problems: readonly CellProblem[];
}

export interface RegisterTable {
  key: TabKey;
  spec: TabSpec;
  /** The tab as found; null when the workbook has none yet. */
  tab: TabData | null;
  /** The tab's title, or the layout's in the registry's language when there is no tab. */
  title: string;
  map: TableMap | null;
  rows: RegisterRow[];
  /** The tab's header does not read (a required column missing): no row could be read. */
  error: RegistryError | null;
}

/** Words a choice column accepts besides its codes, by column key then code: `{ kind: { left: { kk: 'кетті', ru: 'выбыл' } } }`. */
export type ChoiceWords = Readonly<Record<string, Readonly<Record<string, Readonly<Record<Lang, string | readonly string[]>>>>>>;

/** A text → the code it names in a choice column: the code itself or one of its words in either language. */
export function choiceReader(spec: ColumnSpec, words: ChoiceWords[string] | undefined): (text: string) => string | null {
  const byName = new Map<string, string>();
  for (const code of spec.allowed ?? []) {
    byName.set(fold(code), code);
    for (const lang of ['kk', 'ru'] as const) {
      const w = words?.[code]?.[lang];
      for (const word of w === undefined ? [] : typeof w === 'string' ? [w] : w) byName.set(fold(word), code);
    }
  }
  return (text) => byName.get(fold(text)) ?? null;
}

/** An IIN as written: a number lost its leading zero (everyone born 2000–2009) and gets it back. */
export function readIinCell(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e12) return String(cell).padStart(12, '0');
  return normalizeIin(cellText(cell));
}

/** Each value of a CSV field or a cell read by its column type: the value, or the problem. */
export function readTyped(spec: ColumnSpec, cell: Cell, choice?: (text: string) => string | null): { value: RegisterValue } | { problem: CellProblem } {
  const text = cellText(cell);
  const problem = (code: CellProblemCode, expected?: string) => ({ problem: { code, column: spec.key, value: text, ...(expected ? { expected } : {}) } });
  if (text === '' || (spec.type === 'checkbox' && cell === false)) {
    if (spec.required) return problem('missing_required');
    return { value: spec.type === 'checkbox' ? false : null };
  }
  switch (spec.type) {
    case 'date': {
      const iso = parseDate(cell);
      return iso ? { value: iso } : problem('invalid_date');
    }
    case 'iin': {
      const iin = readIinCell(cell);
      const check = checkIin(iin);
      if (check.ok) return { value: iin };
      return problem(check.reason === 'checksum' ? 'iin_checksum' : 'iin_format');
    }
    case 'choice': {
      const code = (choice ?? choiceReader(spec, undefined))(text);
      return code === null ? problem('invalid_value', (spec.allowed ?? []).join(' / ')) : { value: code };
    }
    case 'checkbox': {
      const flag = parseFlag(cell);
      return flag === null ? problem('invalid_value', 'TRUE / FALSE') : { value: flag };
    }
    case 'integer': {
      const n = parseInteger(cell);
      return n === null ? problem('invalid_value', '0, 1, 2…') : { value: n };
    }
    case 'class': {
      const name = parseClassName(text);
      return name ? { value: name.name } : problem('invalid_value', '5А, 10Ә…');
    }
    default:
      return { value: text };
  }
}

/** The tab of a register in the workbook, found as every layout tab is (stable key, then title in either language). */
export function registerTab(registry: Pick<Registry, 'tabs'>, key: TabKey): TabData | null {
  return registry.tabs[key] ?? null;
}

/**
 * Reads a register tab: every data row under its header, each cell typed by its column. A tab whose header lacks a
 * required column reads as no rows and its `error` (validation says it; a command that needs the rows throws it).
 */
export function readRegister(registry: Pick<Registry, 'tabs' | 'lang'>, key: TabKey, choices: ChoiceWords = {}): RegisterTable {
  const spec = tabSpec(key);
  const tab = registerTab(registry, key);
  const title = tab?.title ?? spec.title[registry.lang];
  const empty: RegisterTable = { key, spec, tab, title, map: null, rows: [], error: null };
  if (!tab) return empty;
  let map: TableMap;
  try {
    map = mapTable(tab, spec.columns);
  } catch (e) {
    if (!(e instanceof RegistryError)) throw e;
    e.lang = registry.lang;
    return { ...empty, error: e };
  }
  const readers = new Map(spec.columns.filter((c) => c.type === 'choice').map((c) => [c.key, choiceReader(c, choices[c.key])]));
  const formulaCells = new Set(tab.formulas.map((f) => `${f.row}:${f.col}`));
  const present = spec.columns.filter((c) => c.required || map.columns.has(c.key));
  const rows: RegisterRow[] = [];
  for (const { row, cells } of dataRows(tab, map)) {
    const values: Record<string, RegisterValue> = {};
    const problems: CellProblem[] = [];
    for (const c of present) {
      const col = map.columns.get(c.key);
      const cell = col === undefined ? null : (cells[col] ?? null);
      if (col !== undefined && (formulaCells.has(`${row - 1}:${col}`) || (typeof cell === 'string' && looksLikeFormula(cell)))) {
        problems.push({ code: 'formula_in_cell', column: c.key, value: cellText(cell) });
        values[c.key] = null;
        continue;
      }
      const read = readTyped(c, cell, readers.get(c.key));
      if ('problem' in read) {
        problems.push(read.problem);
        values[c.key] = null;
      } else values[c.key] = read.value;
    }
    rows.push({ row, cells, values, problems });
  }
  return { key, spec, tab, title, map, rows, error: null };
}

/** A register row's value as text ('' when empty). */
export function textOf(r: RegisterRow, key: string): string {
  const v = r.values[key];
  return v === null || v === undefined ? '' : String(v);
}

/** A register row's date value (YYYY-MM-DD) or null. */
export function dateOf(r: RegisterRow, key: string): string | null {
  const v = r.values[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

// ——— The archive of pupils who left (graduates at new-year, leavers during the year) ———

export interface ArchivedPupil {
  row: number;
  schoolYear: string;
  className: string;
  reason: string;
  fullName: string;
  iin: string;
  birthDate: string | null;
  sex: string;
  familyId: string;
  categories: readonly string[];
  /** The day the pupil left during the year (a departure); null for graduates archived by new-year. */
  leftOn: string | null;
  place: string;
  order: string;
  /** The day the pupil had joined during the year, when they had. */
  arrivedOn: string | null;
  archivedOn: string | null;
  rowData: string;
}

/** Every row of the archive tab; none when the workbook has no archive or its header does not read. */
export function readArchive(registry: Pick<Registry, 'tabs'>): ArchivedPupil[] {
  const tab = registry.tabs.archive;
  if (!tab) return [];
  let map: TableMap;
  try {
    map = mapTable(tab, tabSpec('archive').columns);
  } catch {
    // An archive without its header holds nobody Qamqor can name; validation of the archive is not this reader's.
    return [];
  }
  const text = (cells: readonly Cell[], key: string) => cellText(cellAt(cells, map, key));
  const date = (cells: readonly Cell[], key: string) => parseDate(cellAt(cells, map, key));
  const out: ArchivedPupil[] = [];
  for (const { row, cells } of dataRows(tab, map)) {
    out.push({
      row,
      schoolYear: text(cells, 'school_year'),
      className: parseClassName(text(cells, 'class'))?.name ?? text(cells, 'class'),
      reason: text(cells, 'reason'),
      fullName: text(cells, 'full_name'),
      iin: readIinCell(cellAt(cells, map, 'iin')),
      birthDate: date(cells, 'birth_date'),
      sex: text(cells, 'sex'),
      familyId: text(cells, 'family_id'),
      categories: text(cells, 'categories').split(/[;,]+/).map((c) => c.trim()).filter(Boolean),
      leftOn: date(cells, 'left_on'),
      place: text(cells, 'place'),
      order: text(cells, 'order'),
      arrivedOn: date(cells, 'arrived_on'),
      archivedOn: date(cells, 'archived_on'),
      rowData: text(cells, 'row_data'),
    });
  }
  return out;
}

export interface KnownPupil {
  iin: string;
  fullName: string;
  className: string;
  /** On the roll now (a class tab), or in the archive (left or graduated). */
  where: 'roll' | 'archive';
}

/** Who an IIN in a register may name: every pupil on the roll, then every pupil of the archive. */
export function knownPupils(registry: Pick<Registry, 'pupils' | 'tabs'>, archive: readonly ArchivedPupil[] = readArchive(registry)): Map<string, KnownPupil> {
  const known = new Map<string, KnownPupil>();
  for (const p of registry.pupils) if (p.iin && !known.has(p.iin)) known.set(p.iin, { iin: p.iin, fullName: p.fullName, className: p.className, where: 'roll' });
  for (const a of archive) if (a.iin && !known.has(a.iin)) known.set(a.iin, { iin: a.iin, fullName: a.fullName, className: a.className, where: 'archive' });
  return known;
}

/**
 * The days a register's dates may fall on for a school year: 1 September to 31 August, the school year and the
 * summer after it (departures and transfers are ordered in June–August too; new-year opens from 1 May).
 */
export function registerYear(year: { start: number } | null): { from: string; to: string } | null {
  return year ? { from: `${year.start}-09-01`, to: `${year.start + 1}-08-31` } : null;
}

// ——— What a register adds to the shared reading and validation ———

/** What a register's own check may say about its rows; the shared checks are done before it. */
export interface RegisterCheckContext {
  registry: Registry;
  table: RegisterTable;
  known: ReadonlyMap<string, KnownPupil>;
  lang: Lang;
  /** Today, YYYY-MM-DD. */
  today: string;
  /** Adds an issue on a row (or the tab, row null) and a column key, worded by `message` with `params`. */
  issue(row: RegisterRow | null, code: string, column: string | null, message: Record<Lang, (p: Record<string, string | number>) => string>, params?: Record<string, string | number>, severity?: 'error' | 'warning'): void;
}

export interface RegisterDefinition {
  /** Words its choice columns take besides their codes. */
  choices?: ChoiceWords;
  /** Date columns that need not fall within the school year (all others must). */
  datesAnyYear?: readonly string[];
  /** Its own checks, after the shared ones. */
  check?(ctx: RegisterCheckContext): void;
}
