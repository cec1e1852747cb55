// Importing a CSV into a tab of the case file (`qamqor import <cases.xlsx> <file.csv> --into cases|actions|reviews|
// consents`): each row checked, appended under the tab's header in its columns, recorded in the audit tab; a row it
// cannot take comes back with its line and reason for the rejects file, as in the pupils import.
import { cellText, fold, parseDate } from '../domain/cells';
import { caseKey, caseTabSpec, locateCaseTabs, readCaseFile, readClosureReason, readPercent, readReason, type CaseTabKey } from '../domain/cases/case-file';
import type { Actor, AuditNote } from '../domain/cases/audit';
import { auditWords, caseRejectReasons, sayCase } from '../domain/cases/words';
import { RegistryError, rejectReasons, say } from '../domain/i18n';
import { checkIin, normalizeIin } from '../domain/registry/iin';
import type { Cell, WorkbookData } from '../domain/sheet';
import { matchFileColumns } from '../domain/table';
import type { ColumnSpec, Lang } from '../domain/template';
import { auditChange, planCasesSetup } from './cases';
import { completeHeader } from './setup';
import { CELL_LIMIT, type ImportReject, type ImportTable } from './import-pupils';
import type { TabRef, WorkbookChange } from './workbook-port';

export const CASE_IMPORT_TARGETS = { cases: 'cases', actions: 'case_actions', reviews: 'case_reviews', consents: 'case_consents' } as const satisfies Record<string, CaseTabKey>;
export type CaseImportTarget = keyof typeof CASE_IMPORT_TARGETS;

export interface CaseImportResult {
  changes: WorkbookChange[];
  /** Rows appended to the tab. */
  added: number;
  rejects: ImportReject[];
  ignoredColumns: string[];
  /** The tab's title, for saying where the rows went. */
  tab: string;
  lang: Lang;
}

/** What makes two rows the same, by tab: importing one file twice adds nothing twice. */
const SAME_ROW: Record<Exclude<CaseImportTarget, 'cases'>, readonly string[]> = {
  actions: ['case_id', 'action', 'due_on'],
  reviews: ['case_id', 'date'],
  consents: ['iin', 'representative', 'given_on'],
};

export function planCaseImport(book: WorkbookData, table: ImportTable, target: CaseImportTarget, file: string, actor: Actor): CaseImportResult {
  const caseFile = readCaseFile(book);
  const lang = caseFile.lang;
  const tabKey = CASE_IMPORT_TARGETS[target];
  const spec = caseTabSpec(tabKey);
  const tabTitle = caseFile.tabs[tabKey]?.title ?? spec.title[lang];
  const casesTitle = caseFile.tabs.cases?.title ?? caseTabSpec('cases').title[lang];
  const { columnAt, ignoredColumns } = matchFileColumns(table.header, spec.columns);
  for (const c of spec.columns) if (c.required && !columnAt.has(c.key)) throw Object.assign(new RegistryError('csv_missing_column', { file, column: c.key }), { lang });

  // What is already there: case ids (for a case added twice, or a plan row of no case) and each tab's rows by content.
  const casesById = new Map(caseFile.cases.filter((c) => c.id).map((c) => [caseKey(c.id), c.record.row]));
  const existing = new Map<string, number>();
  const rowsOf = { cases: [], actions: caseFile.actions, reviews: caseFile.reviews, consents: caseFile.consents }[target];
  const sameKeys = target === 'cases' ? null : SAME_ROW[target];
  if (sameKeys) for (const r of rowsOf) existing.set(contentKey(sameKeys, (k) => cellText(recordValue(r.record.cells, r.record.map.columns, k))), r.record.row);
  const inFile = new Map<string, number>();

  const rows: { cells: Map<string, Cell>; note: AuditNote }[] = [];
  const rejects: ImportReject[] = [];
  for (const record of table.records) {
    const reject = (reason: string) => rejects.push({ line: record.line, raw: record.raw, reason });
    const value = (key: string) => {
      const at = columnAt.get(key);
      return at === undefined ? '' : (record.raw[at] ?? '').trim();
    };
    const header = (key: string) => spec.columns.find((c) => c.key === key)!.header[lang];
    const long = spec.columns.find((c) => value(c.key).length > CELL_LIMIT);
    if (long) {
      reject(say(rejectReasons.too_long, lang, { column: header(long.key), length: value(long.key).length, limit: CELL_LIMIT }));
      continue;
    }
    const cells = new Map<string, Cell>();
    let problem: string | null = null;
    for (const c of spec.columns) {
      const text = value(c.key);
      if (text === '') {
        if (c.required) problem ??= sayCase(caseRejectReasons.missing, lang, { column: header(c.key) });
        continue;
      }
      const cell = typedCell(c, text);
      if ('problem' in cell) problem ??= sayCase(caseRejectReasons[cell.problem], lang, { column: header(c.key), value: text, expected: (c.allowed ?? ['0–100']).join(', ') });
      else cells.set(c.key, cell.value);
    }
    if (problem) {
      reject(problem);
      continue;
    }
    const text = (key: string) => cellText(cells.get(key) ?? null);
    const id = text('case_id');
    if (target === 'cases') {
      const there = casesById.get(caseKey(id));
      const before = inFile.get(caseKey(id));
      if (there !== undefined) {
        reject(sayCase(caseRejectReasons.case_exists, lang, { value: id, tab: casesTitle, row: there }));
        continue;
      }
      if (before !== undefined) {
        reject(sayCase(caseRejectReasons.case_in_file, lang, { value: id, line: before }));
        continue;
      }
      inFile.set(caseKey(id), record.line);
    } else {
      if (target !== 'consents' && !casesById.has(caseKey(id))) {
        reject(sayCase(caseRejectReasons.no_case, lang, { value: id, tab: casesTitle }));
        continue;
      }
      const key = contentKey(sameKeys!, text);
      if (existing.has(key)) {
        reject(sayCase(caseRejectReasons.row_exists, lang, { tab: tabTitle, row: existing.get(key)! }));
        continue;
      }
      if (inFile.has(key)) {
        reject(sayCase(caseRejectReasons.row_in_file, lang, { line: inFile.get(key)! }));
        continue;
      }
      inFile.set(key, record.line);
    }
    const note: AuditNote =
      target === 'consents'
        ? { action: sayCase(auditWords.importedConsent, lang, { iin: text('iin'), file, line: record.line }) }
        : { action: sayCase(auditWords.imported, lang, { tab: tabTitle, file, line: record.line }), caseId: id };
    rows.push({ cells, note });
  }

  const changes: WorkbookChange[] = [];
  if (rows.length > 0) {
    // A tab or a column the file lacks is laid out first, recorded like any change.
    const setup = planCasesSetup(book, lang);
    changes.push(...setup.changes);
    const tab = locateCaseTabs(book)[tabKey];
    // The same positions the setup's header changes give the columns it appends (completeHeader decides both).
    const positions = tab ? completeHeader(tab, spec.columns, lang).columns : new Map(spec.columns.map((c, i) => [c.key, i]));
    const width = Math.max(...positions.values()) + 1;
    const ref: TabRef = tab ? { id: tab.id } : { key: tabKey };
    changes.push({
      kind: 'appendRows',
      tab: ref,
      values: rows.map(({ cells }) => {
        const line: Cell[] = new Array(width).fill(null);
        for (const [key, cell] of cells) line[positions.get(key)!] = cell;
        return line;
      }),
    });
    const notes: AuditNote[] = [];
    if (setup.created.length || setup.extended.length) notes.push({ action: sayCase(auditWords.repaired, lang, { tabs: [...setup.created, ...setup.extended].join(', ') }) });
    notes.push(...rows.map((r) => r.note));
    changes.push(...auditChange(locateCaseTabs(book).case_audit ? book : { tabs: [] }, notes, actor));
  }
  return { changes, added: rows.length, rejects, ignoredColumns, tab: tabTitle, lang };
}

function recordValue(cells: readonly Cell[], columns: ReadonlyMap<string, number>, key: string): Cell {
  const col = columns.get(key);
  return col === undefined ? null : (cells[col] ?? null);
}

function contentKey(keys: readonly string[], text: (key: string) => string): string {
  return keys.map((k) => (k === 'case_id' ? caseKey(text(k)) : fold(text(k)))).join('\u0000');
}

/** A CSV field as the cell it becomes: a date as a date, a score as a number, a code as its code; or what is wrong. */
function typedCell(c: ColumnSpec, text: string): { value: Cell } | { problem: 'bad_date' | 'bad_value' | 'bad_iin' } {
  switch (c.type) {
    case 'date': {
      const iso = parseDate(text);
      return iso ? { value: new Date(`${iso}T00:00:00Z`) } : { problem: 'bad_date' };
    }
    case 'iin': {
      const iin = normalizeIin(text);
      return checkIin(iin).ok ? { value: iin } : { problem: 'bad_iin' };
    }
    case 'integer': {
      const pct = readPercent(text);
      return pct !== null && pct >= 0 && pct <= 100 ? { value: pct } : { problem: 'bad_value' };
    }
    case 'choice': {
      if (c.key === 'reason' || c.key === 'area') return orProblem(readReason(text));
      if (c.key === 'closure_reason') return orProblem(readClosureReason(text));
      return c.allowed?.includes(text) ? { value: /^\d+$/.test(text) ? Number(text) : text } : { problem: 'bad_value' };
    }
    default:
      return { value: text };
  }
}

function orProblem(code: string | null): { value: Cell } | { problem: 'bad_value' } {
  return code === null ? { problem: 'bad_value' } : { value: code };
}

