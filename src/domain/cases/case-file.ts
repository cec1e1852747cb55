// The confidential case file read from a workbook (sheets-template/cases.json): settings, cases, the support plan's
// actions, reviews, consents and the audit log, each value parsed and its row and cells kept for validation.
import * as z from 'zod';
import casesJson from '../../../sheets-template/cases.json';
import { cellText, fold, looksLikeFormula, parseDate, parseInteger } from '../cells';
import { RegistryError } from '../i18n';
import { normalizeIin } from '../registry/iin';
import { parseLanguage } from '../registry/settings';
import type { Cell, TabData, WorkbookData } from '../sheet';
import { cellAt, dataRows, mapTable, type TableMap } from '../table';
import { Layout, type Lang, type TabSpec } from '../template';
import { closureWords, reasonWords } from './words';

export const casesLayout: Layout = Layout.parse(casesJson);

export const CaseTabKey = z.enum(['case_settings', 'cases', 'case_actions', 'case_reviews', 'case_consents', 'case_audit']);
export type CaseTabKey = z.infer<typeof CaseTabKey>;

export const Reason = z.enum(['attendance', 'behaviour', 'performance', 'family', 'health', 'other']);
export type Reason = z.infer<typeof Reason>;
export const ClosureReason = z.enum(['goals_met', 'transferred', 'moved', 'graduated', 'referred', 'other']);
export type ClosureReason = z.infer<typeof ClosureReason>;

export function caseTabSpec(key: CaseTabKey): TabSpec {
  const spec = casesLayout.tabs.find((t) => t.key === key);
  if (!spec) throw new Error(`sheets-template/cases.json has no tab "${key}"`);
  return spec;
}

export const caseTabKeys: readonly CaseTabKey[] = CaseTabKey.options;

/** One data row of a case-file tab: where it is, its cells as read, and which of its columns hold a formula. */
export interface CaseRecord {
  tab: CaseTabKey;
  title: string;
  /** 1-based sheet row. */
  row: number;
  cells: readonly Cell[];
  map: TableMap;
  formulaColumns: ReadonlySet<string>;
}

export function recordCell(r: CaseRecord, key: string): Cell {
  return cellAt(r.cells, r.map, key);
}

export function recordText(r: CaseRecord, key: string): string {
  return cellText(recordCell(r, key));
}

export interface Case {
  record: CaseRecord;
  id: string;
  iin: string;
  /** As the pedagogue wrote it in the case file; the registry's name wins where it is known. */
  fullName: string;
  identifiedOn: string | null;
  identifiedBy: string;
  reason: Reason | null;
  openedOn: string | null;
  councilProtocol: string;
  curator: string;
  curatorOrder: string;
  curatorOrderDate: string | null;
  closedOn: string | null;
  closureReason: ClosureReason | null;
  reopenedOn: string | null;
}

export interface CaseAction {
  record: CaseRecord;
  caseId: string;
  action: string;
  area: Reason | null;
  /** `school` (or empty) for the school itself; otherwise the outside body's name as written. */
  provider: string;
  responsible: string;
  dueOn: string | null;
  doneOn: string | null;
  result: string;
}

export interface Review {
  record: CaseRecord;
  caseId: string;
  date: string | null;
  attendancePct: number | null;
  performance: number | null;
  behaviour: number | null;
  note: string;
}

export interface Consent {
  record: CaseRecord;
  iin: string;
  representative: string;
  relation: string;
  givenOn: string | null;
  purposes: string;
  withdrawnOn: string | null;
}

export interface AuditEntry {
  record: CaseRecord;
  at: string;
  user: string;
  action: string;
  caseId: string;
  detail: string;
}

/** The deadlines of DOMAIN.md, as the settings tab gives them. */
export interface CaseSettings {
  language: Lang;
  openingDays: number;
  firstActionDays: number;
  reviewDays: number;
}

export interface CaseSettingProblem {
  key: string;
  row: number;
  value: string;
}

export interface CaseFile {
  lang: Lang;
  settings: CaseSettings;
  tabs: Partial<Record<CaseTabKey, TabData>>;
  cases: Case[];
  actions: CaseAction[];
  reviews: Review[];
  consents: Consent[];
  audit: AuditEntry[];
  settingProblems: CaseSettingProblem[];
}

/** Finds the case file's tabs by the key Qamqor gave them, then by their title in either language. */
export function locateCaseTabs(book: WorkbookData): Partial<Record<CaseTabKey, TabData>> {
  const found: Partial<Record<CaseTabKey, TabData>> = {};
  for (const key of caseTabKeys) {
    const spec = caseTabSpec(key);
    const titles = [spec.title.kk, spec.title.ru, key].map(fold);
    const tab = book.tabs.find((t) => t.key === key) ?? book.tabs.find((t) => t.key === null && titles.includes(fold(t.title)));
    if (tab) found[key] = tab;
  }
  return found;
}

/** Whether a workbook is a case file: it has the cases tab (a registry never has). */
export function isCaseFile(book: WorkbookData): boolean {
  return locateCaseTabs(book).cases !== undefined;
}

/** A code as written: the code itself, or its Kazakh or Russian word («сабаққа қатысу», «посещаемость»). */
function readCode<T extends string>(text: string, words: Record<T, Record<Lang, string>>): T | null {
  const key = fold(text);
  if (key === '') return null;
  for (const [code, w] of Object.entries(words) as [T, Record<Lang, string>][]) {
    if (fold(code) === key || fold(w.kk) === key || fold(w.ru) === key) return code;
  }
  return null;
}

export function readReason(text: string): Reason | null {
  return readCode(text, reasonWords);
}

export function readClosureReason(text: string): ClosureReason | null {
  return readCode(text, closureWords);
}

/**
 * A percentage as people keep it: 85, "85", "85 %", or 0.85 in a cell Excel formats as a percentage.
 * Null when empty or not a number; the validator says which.
 */
export function readPercent(cell: Cell): number | null {
  if (typeof cell === 'number') return cell > 0 && cell < 1 ? Math.round(cell * 1000) / 10 : cell;
  const text = cellText(cell).replace(/\s*%$/, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** The data rows of a tab under its header, each as a record; a tab without its required columns throws. */
function records(key: CaseTabKey, tab: TabData | undefined, lang: Lang): CaseRecord[] {
  if (!tab) return [];
  let map: TableMap;
  try {
    map = mapTable(tab, caseTabSpec(key).columns);
  } catch (e) {
    if (e instanceof RegistryError) e.lang = lang;
    throw e;
  }
  const formulaRows = new Map<number, Set<number>>();
  for (const f of tab.formulas) {
    if (!formulaRows.has(f.row)) formulaRows.set(f.row, new Set());
    formulaRows.get(f.row)!.add(f.col);
  }
  const out: CaseRecord[] = [];
  for (const { row, cells } of dataRows(tab, map)) {
    const formulaColumns = new Set<string>();
    for (const [colKey, col] of map.columns) {
      const cell = cells[col] ?? null;
      if (formulaRows.get(row - 1)?.has(col) || (typeof cell === 'string' && looksLikeFormula(cell))) formulaColumns.add(colKey);
    }
    out.push({ tab: key, title: tab.title, row, cells, map, formulaColumns });
  }
  return out;
}

const date = (r: CaseRecord, key: string) => parseDate(recordCell(r, key));
const text = recordText;

export function readCaseSettings(tab: TabData | undefined, fallbackLang: Lang): { settings: CaseSettings; problems: CaseSettingProblem[] } {
  const spec = caseTabSpec('case_settings');
  const values = new Map<string, { value: string; row: number }>();
  if (tab) {
    const map = mapTable(tab, spec.columns.map((c) => ({ ...c, required: c.key === 'value' })));
    const byLabel = new Map<string, string>();
    for (const e of spec.entries) for (const label of [e.label.kk, e.label.ru, e.key]) byLabel.set(fold(label), e.key);
    for (const { row, cells } of dataRows(tab, map)) {
      const key = cellText(cellAt(cells, map, 'key')) || byLabel.get(fold(cellText(cellAt(cells, map, 'label')))) || '';
      if (key && !values.has(key)) values.set(key, { value: cellText(cellAt(cells, map, 'value')), row });
    }
  }
  const problems: CaseSettingProblem[] = [];
  const get = (key: string) => values.get(key)?.value || spec.entries.find((e) => e.key === key)!.default;
  const days = (key: string) => {
    const n = parseInteger(get(key));
    if (n === null || n <= 0) {
      problems.push({ key, row: values.get(key)?.row ?? 0, value: values.get(key)?.value ?? '' });
      return Number(spec.entries.find((e) => e.key === key)!.default);
    }
    return n;
  };
  const language = parseLanguage(get('language'));
  if (!language) problems.push({ key: 'language', row: values.get('language')?.row ?? 0, value: get('language') });
  return {
    settings: { language: language ?? fallbackLang, openingDays: days('opening_days'), firstActionDays: days('first_action_days'), reviewDays: days('review_days') },
    problems,
  };
}

/** Reads the whole case file. Throws `not_a_case_file` for a workbook without a cases tab (a registry, say). */
export function readCaseFile(book: WorkbookData, fallbackLang: Lang = 'kk'): CaseFile {
  const tabs = locateCaseTabs(book);
  if (!tabs.cases) throw new RegistryError('not_a_case_file', { file: '' });
  const { settings, problems } = readCaseSettings(tabs.case_settings, fallbackLang);
  const lang = settings.language;
  const iin = (r: CaseRecord) => {
    const cell = recordCell(r, 'iin');
    // An IIN typed as a number lost its leading zero (everyone born 2000–2009).
    return typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e12 ? String(cell).padStart(12, '0') : normalizeIin(cellText(cell));
  };
  return {
    lang,
    settings,
    tabs,
    settingProblems: problems,
    cases: records('cases', tabs.cases, lang).map((r) => ({
      record: r,
      id: text(r, 'case_id'),
      iin: iin(r),
      fullName: text(r, 'full_name').replace(/\s{2,}/g, ' '),
      identifiedOn: date(r, 'identified_on'),
      identifiedBy: text(r, 'identified_by'),
      reason: readReason(text(r, 'reason')),
      openedOn: date(r, 'opened_on'),
      councilProtocol: text(r, 'council_protocol'),
      curator: text(r, 'curator'),
      curatorOrder: text(r, 'curator_order'),
      curatorOrderDate: date(r, 'curator_order_date'),
      closedOn: date(r, 'closed_on'),
      closureReason: readClosureReason(text(r, 'closure_reason')),
      reopenedOn: date(r, 'reopened_on'),
    })),
    actions: records('case_actions', tabs.case_actions, lang).map((r) => ({
      record: r,
      caseId: text(r, 'case_id'),
      action: text(r, 'action'),
      area: readReason(text(r, 'area')),
      provider: text(r, 'provider'),
      responsible: text(r, 'responsible'),
      dueOn: date(r, 'due_on'),
      doneOn: date(r, 'done_on'),
      result: text(r, 'result'),
    })),
    reviews: records('case_reviews', tabs.case_reviews, lang).map((r) => ({
      record: r,
      caseId: text(r, 'case_id'),
      date: date(r, 'date'),
      attendancePct: readPercent(recordCell(r, 'attendance_pct')),
      performance: parseInteger(recordCell(r, 'performance')),
      behaviour: parseInteger(recordCell(r, 'behaviour')),
      note: text(r, 'note'),
    })),
    consents: records('case_consents', tabs.case_consents, lang).map((r) => ({
      record: r,
      iin: iin(r),
      representative: text(r, 'representative'),
      relation: text(r, 'relation'),
      givenOn: date(r, 'given_on'),
      purposes: text(r, 'purposes'),
      withdrawnOn: date(r, 'withdrawn_on'),
    })),
    audit: records('case_audit', tabs.case_audit, lang).map((r) => ({
      record: r,
      at: text(r, 'at'),
      user: text(r, 'user'),
      action: text(r, 'action'),
      caseId: text(r, 'case_id'),
      detail: text(r, 'detail'),
    })),
  };
}

/** Case ids are compared as people read them: «c-001» and «C-001 » are one case. */
export function caseKey(id: string): string {
  return id.trim().toUpperCase().replace(/\s+/g, '');
}
