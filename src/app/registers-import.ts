// Appending rows to a pedagogue's register tab: from a CSV (`qamqor import <book.xlsx> <file.csv> --into movements|
// inspections|aid|plan`), each field read by its column's type, each row checked (required fields, dates of the school
// year, an IIN of a pupil the registry knows, not already there), appended under the tab's header in its columns; a
// row it cannot take comes back with its line and reason for the rejects file, as in the pupils import. A register
// adds its own checks and consequences through `RegisterImportHooks` (movements move the pupils' rows).
import { cellText, fold, looksLikeFormula } from '../domain/cells';
import { dmy } from '../domain/format';
import { RegistryError, rejectReasons, say } from '../domain/i18n';
import { choiceReader, knownPupils, readTyped, registerYear, type CellProblem, type RegisterValue } from '../domain/registers/read';
import { REGISTERS, readRegisterOf } from '../domain/registers/validate';
import { registerRejects, sayRegister } from '../domain/registers/words';
import { readRegistry, type Registry } from '../domain/registry/registry';
import type { Cell, WorkbookData } from '../domain/sheet';
import { matchFileColumns } from '../domain/table';
import { tabSpec, type Lang, type TabKey } from '../domain/template';
import { CELL_LIMIT, type ImportReject, type ImportTable } from './import-pupils';
import { appendRegisterRows, cellOf } from './registers-append';
import type { WorkbookChange } from './workbook-port';

export { appendRegisterRows, cellOf };

/** One CSV row read for a register: its values by column key (typed) and the cells they become. */
export interface RegisterImportRow {
  line: number;
  raw: readonly string[];
  values: Record<string, RegisterValue>;
  cells: Map<string, Cell>;
}

export interface RegisterImportHooks {
  /** The order rows are taken in (movements: by date, so each applies to the pupil as the one before left them). */
  order?(a: RegisterImportRow, b: RegisterImportRow): number;
  /** A register's own check of a row that read well: a reason refuses it; it may complete the row's cells. */
  accept?(row: RegisterImportRow): string | null;
  /** Changes beyond the appended rows, once every row is taken (movements: the pupils' rows moved). */
  after?(taken: readonly RegisterImportRow[]): WorkbookChange[];
}

export interface RegisterImportOptions {
  /** Today, YYYY-MM-DD. */
  today: string;
  /** Columns that make two rows the same: a row already in the tab (or earlier in the file) is refused. */
  sameRow?: readonly string[];
  /** Whether an IIN must name a pupil on the roll or in the archive (default true). */
  knownIinsOnly?: boolean;
  hooks?: RegisterImportHooks;
}

export interface RegisterImportResult {
  changes: WorkbookChange[];
  added: number;
  rejects: ImportReject[];
  ignoredColumns: string[];
  /** The tab's title, to say where the rows went. */
  tab: string;
  lang: Lang;
  /** Movements: how many rows were applied, by kind. */
  applied?: { left: number; transferred: number };
}

/** The rows of `key`'s CSV appended to its tab, checked; see the module's note. */
export function planRegisterImport(
  book: WorkbookData,
  table: ImportTable,
  key: TabKey,
  file: string,
  options: RegisterImportOptions,
  registry: Registry = readRegistry(book),
): RegisterImportResult {
  const lang = registry.lang;
  const spec = tabSpec(key);
  const def = REGISTERS[key] ?? {};
  const current = readRegisterOf(registry, key);
  if (current.error) throw current.error;
  const { columnAt, ignoredColumns } = matchFileColumns(table.header, spec.columns);
  for (const c of spec.columns) {
    if (c.required && !columnAt.has(c.key)) throw Object.assign(new RegistryError('csv_missing_column', { file, column: c.key }), { lang });
  }
  const known = knownPupils(registry);
  const window = registerYear(registry.settings.schoolYear);
  const header = (k: string) => spec.columns.find((c) => c.key === k)?.header[lang] ?? k;
  const readers = new Map(spec.columns.filter((c) => c.type === 'choice').map((c) => [c.key, choiceReader(c, def.choices?.[c.key])]));
  const sameKeys = options.sameRow ?? null;
  const existing = new Map<string, number>();
  if (sameKeys) for (const r of current.rows) existing.set(contentKey(sameKeys, (k) => r.values[k] ?? null), r.row);
  const inFile = new Map<string, number>();

  const rejects: ImportReject[] = [];
  const candidates: RegisterImportRow[] = [];
  for (const record of table.records) {
    const reject = (reason: string) => rejects.push({ line: record.line, raw: record.raw, reason });
    const text = (k: string) => {
      const at = columnAt.get(k);
      return at === undefined ? '' : (record.raw[at] ?? '').trim();
    };
    const long = spec.columns.find((c) => text(c.key).length > CELL_LIMIT);
    if (long) {
      reject(say(rejectReasons.too_long, lang, { column: header(long.key), length: text(long.key).length, limit: CELL_LIMIT }));
      continue;
    }
    const values: Record<string, RegisterValue> = {};
    const cells = new Map<string, Cell>();
    let problem: string | null = null;
    for (const c of spec.columns) {
      const t = text(c.key);
      if (t !== '' && looksLikeFormula(t)) {
        problem ??= sayRegister(registerRejects.formula, lang, { column: header(c.key), value: t });
        continue;
      }
      const read = readTyped(c, t === '' ? null : t, readers.get(c.key));
      if ('problem' in read) {
        problem ??= rejectText(read.problem, header(c.key), lang);
        continue;
      }
      values[c.key] = read.value;
      if (read.value !== null && read.value !== '') cells.set(c.key, cellOf(c, read.value));
    }
    if (problem) {
      reject(problem);
      continue;
    }
    const iinProblem = spec.columns
      .filter((c) => c.type === 'iin' && typeof values[c.key] === 'string')
      .find((c) => (options.knownIinsOnly ?? true) && !known.has(values[c.key] as string));
    if (iinProblem) {
      reject(sayRegister(registerRejects.unknown_pupil, lang, { value: values[iinProblem.key] as string }));
      continue;
    }
    const outside = window
      ? spec.columns.find((c) => c.type === 'date' && !(def.datesAnyYear ?? []).includes(c.key) && typeof values[c.key] === 'string' && ((values[c.key] as string) < window.from || (values[c.key] as string) > window.to))
      : undefined;
    if (outside && window) {
      reject(sayRegister(registerRejects.outside_year, lang, { column: header(outside.key), value: dmy(values[outside.key] as string), year: registry.settings.schoolYear!.name, from: dmy(window.from), to: dmy(window.to) }));
      continue;
    }
    // The pupil's name as the registry has it, for whoever reads the register.
    if (spec.columns.some((c) => c.key === 'full_name') && !cells.has('full_name') && typeof values.iin === 'string') {
      const name = known.get(values.iin)?.fullName;
      if (name) {
        cells.set('full_name', name);
        values.full_name = name;
      }
    }
    if (sameKeys) {
      const k = contentKey(sameKeys, (key) => values[key] ?? null);
      if (existing.has(k)) {
        reject(sayRegister(registerRejects.row_exists, lang, { tab: current.title, row: existing.get(k)! }));
        continue;
      }
      if (inFile.has(k)) {
        reject(sayRegister(registerRejects.row_in_file, lang, { line: inFile.get(k)! }));
        continue;
      }
      inFile.set(k, record.line);
    }
    candidates.push({ line: record.line, raw: record.raw, values, cells });
  }

  const hooks = options.hooks ?? {};
  if (hooks.order) candidates.sort(hooks.order);
  const taken: RegisterImportRow[] = [];
  for (const row of candidates) {
    const refused = hooks.accept?.(row) ?? null;
    if (refused) rejects.push({ line: row.line, raw: row.raw, reason: refused });
    else taken.push(row);
  }
  rejects.sort((a, b) => a.line - b.line);
  const changes: WorkbookChange[] = [];
  if (taken.length) {
    changes.push(...appendRegisterRows(registry, key, taken.map((r) => r.cells)));
    if (hooks.after) changes.push(...hooks.after(taken));
  }
  return { changes, added: taken.length, rejects, ignoredColumns, tab: current.title, lang };
}

function rejectText(p: CellProblem, column: string, lang: Lang): string {
  switch (p.code) {
    case 'missing_required':
      return sayRegister(registerRejects.missing, lang, { column });
    case 'invalid_date':
      return sayRegister(registerRejects.bad_date, lang, { column, value: p.value });
    case 'iin_format':
    case 'iin_checksum':
      return sayRegister(registerRejects.bad_iin, lang, { column, value: p.value });
    default:
      return sayRegister(registerRejects.bad_value, lang, { column, value: p.value, expected: p.expected ?? '' });
  }
}

function contentKey(keys: readonly string[], value: (key: string) => RegisterValue): string {
  return keys.map((k) => fold(cellText(value(k)))).join('\u0000');
}

