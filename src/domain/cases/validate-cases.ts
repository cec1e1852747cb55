// Validation of the case file: every cell by its column's type (required, dates, codes, scores, IINs, formulas), then
// what only shows across rows and files (a plan row for a case that does not exist, a case for a pupil the registry
// does not know, a closure without its reason, an outside body without the representative's consent).
import * as z from 'zod';
import { cellText, parseDate } from '../cells';
import { dmy } from '../format';
import { checkIin } from '../registry/iin';
import type { Lang } from '../template';
import { caseKey, caseTabKeys, caseTabSpec, readClosureReason, readPercent, readReason, recordCell, recordText, type CaseFile, type CaseRecord, type CaseTabKey } from './case-file';
import { actionDay, bySchool, consentOn } from './consent';
import { caseIssueMessages, casePlace, closureWords, reasonWords, sayCase } from './words';

export const CaseIssueCode = z.enum([
  'missing_required', 'invalid_date', 'invalid_value', 'iin_format', 'iin_checksum', 'formula_in_cell', 'invalid_setting',
  'unknown_case', 'unknown_pupil', 'duplicate_case', 'closure_reason_missing', 'date_order', 'consent_missing',
]);
export type CaseIssueCode = z.infer<typeof CaseIssueCode>;

export const CaseIssue = z.object({
  code: CaseIssueCode,
  severity: z.enum(['error', 'warning']),
  tab: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  case_id: z.string().nullable(),
  iin: z.string().nullable(),
  message: z.string(),
});
export type CaseIssue = z.infer<typeof CaseIssue>;

const WARNINGS: ReadonlySet<CaseIssueCode> = new Set<CaseIssueCode>(['consent_missing']);

/** Dates that may lie ahead: a plan's due date is the only one written before it happens. */
const FUTURE_ALLOWED = new Set(['due_on']);

type MessageKey = keyof typeof caseIssueMessages;

/** What the checks need besides the file: who the registry knows (roll and archive), when given, and today. */
export interface CaseCheckOptions {
  today: string;
  /** IINs on the registry's roll or in its archive; absent when no registry was given (then no `unknown_pupil`). */
  knownIins?: ReadonlySet<string>;
}

export function validateCaseFile(file: CaseFile, options: CaseCheckOptions): CaseIssue[] {
  const lang = file.lang;
  const out: CaseIssue[] = [];
  const issue = (code: CaseIssueCode, r: CaseRecord | null, column: string | null, params: Record<string, string | number> = {}, message: MessageKey = code as MessageKey) => {
    const tabKey: CaseTabKey = r?.tab ?? 'case_settings';
    const spec = caseTabSpec(tabKey);
    const header = column ? spec.columns.find((c) => c.key === column)?.header[lang] ?? column : '';
    const tab = r?.title ?? file.tabs[tabKey]?.title ?? spec.title[lang];
    const place = sayCase(casePlace, lang, { tab, row: r?.row ?? 0, column: header });
    const caseId = r && r.map.columns.has('case_id') ? recordText(r, 'case_id') || null : null;
    const iin = r && r.map.columns.has('iin') ? recordText(r, 'iin') || null : null;
    out.push({
      code,
      severity: WARNINGS.has(code) ? 'warning' : 'error',
      tab,
      row: r?.row ?? null,
      column,
      case_id: caseId,
      iin,
      message: `${place}: ${sayCase(caseIssueMessages[message], lang, { column: header, ...params })}`,
    });
  };

  for (const p of file.settingProblems) {
    const entry = caseTabSpec('case_settings').entries.find((e) => e.key === p.key);
    const tab = file.tabs.case_settings?.title ?? caseTabSpec('case_settings').title[lang];
    const place = sayCase(casePlace, lang, { tab, row: p.row, column: entry?.label[lang] ?? p.key });
    out.push({
      code: 'invalid_setting', severity: 'error', tab, row: p.row || null, column: p.key, case_id: null, iin: null,
      message: `${place}: ${sayCase(caseIssueMessages.invalid_value, lang, { value: p.value, expected: p.key === 'language' ? 'kk / ru' : '1, 2, 3…' })}`,
    });
  }

  const all: CaseRecord[] = [
    ...file.cases.map((c) => c.record), ...file.actions.map((a) => a.record), ...file.reviews.map((r) => r.record), ...file.consents.map((c) => c.record),
  ];
  for (const r of all) checkCells(r, lang, options.today, issue);

  const seen = new Map<string, CaseRecord>();
  for (const c of file.cases) {
    if (!c.id) continue;
    const first = seen.get(caseKey(c.id));
    if (first) {
      issue('duplicate_case', c.record, 'case_id', { value: c.id, other: sayCase(casePlace, lang, { tab: first.title, row: first.row }) });
      issue('duplicate_case', first, 'case_id', { value: c.id, other: sayCase(casePlace, lang, { tab: c.record.title, row: c.record.row }) });
    } else seen.set(caseKey(c.id), c.record);
    if (c.closedOn !== null && recordText(c.record, 'closure_reason') === '') issue('closure_reason_missing', c.record, 'closure_reason');
    const order: [string | null, string, string | null, string][] = [
      [c.openedOn, 'opened_on', c.identifiedOn, 'identified_on'],
      [c.closedOn, 'closed_on', c.openedOn ?? c.identifiedOn, c.openedOn ? 'opened_on' : 'identified_on'],
    ];
    for (const [later, laterKey, earlier, earlierKey] of order) {
      if (later !== null && earlier !== null && later < earlier) {
        const header = caseTabSpec('cases').columns.find((col) => col.key === earlierKey)!.header[lang];
        issue('date_order', c.record, laterKey, { value: dmy(later), other: header, before: dmy(earlier) });
      }
    }
    if (options.knownIins && c.iin && checkIin(c.iin).ok && !options.knownIins.has(c.iin)) issue('unknown_pupil', c.record, 'iin', { value: c.iin });
  }

  const casesTitle = file.tabs.cases?.title ?? caseTabSpec('cases').title[lang];
  const byId = new Map(file.cases.filter((c) => c.id).map((c) => [caseKey(c.id), c]));
  for (const row of [...file.actions, ...file.reviews]) {
    if (row.caseId && !byId.has(caseKey(row.caseId))) issue('unknown_case', row.record, 'case_id', { value: row.caseId, cases: casesTitle });
  }
  for (const a of file.actions) {
    const c = byId.get(caseKey(a.caseId));
    if (!c || bySchool(a)) continue;
    const day = actionDay(a, options.today);
    if (!consentOn(file.consents, c.iin, day)) issue('consent_missing', a.record, 'provider', { value: a.provider, date: dmy(day) });
  }
  return sortCaseIssues(out);
}

/** Each cell by its column's type: what is required, what must read as a date, a code, a score or an IIN. */
function checkCells(
  r: CaseRecord,
  lang: Lang,
  today: string,
  issue: (code: CaseIssueCode, r: CaseRecord, column: string, params?: Record<string, string | number>, message?: MessageKey) => void,
): void {
  for (const spec of caseTabSpec(r.tab).columns) {
    if (!r.map.columns.has(spec.key) && !spec.required) continue;
    const cell = recordCell(r, spec.key);
    const text = cellText(cell);
    if (r.formulaColumns.has(spec.key)) {
      issue('formula_in_cell', r, spec.key, { value: text });
      continue;
    }
    if (text === '') {
      if (spec.required) issue('missing_required', r, spec.key);
      continue;
    }
    switch (spec.type) {
      case 'date': {
        const iso = parseDate(cell);
        if (iso === null) issue('invalid_date', r, spec.key, { value: text });
        else if (iso > today && !FUTURE_ALLOWED.has(spec.key)) issue('invalid_date', r, spec.key, { value: dmy(iso) }, 'future_date');
        break;
      }
      case 'iin': {
        const check = checkIin(text);
        if (!check.ok) issue(check.reason === 'checksum' ? 'iin_checksum' : 'iin_format', r, spec.key, { value: text });
        break;
      }
      case 'choice': {
        const known = spec.key === 'reason' || spec.key === 'area' ? readReason(text) : spec.key === 'closure_reason' ? readClosureReason(text) : spec.allowed?.includes(text) ? text : null;
        if (known === null) issue('invalid_value', r, spec.key, { value: text, expected: expectedValues(spec.key, spec.allowed ?? [], lang) });
        break;
      }
      case 'integer': {
        const pct = readPercent(cell);
        if (pct === null || pct < 0 || pct > 100) issue('invalid_value', r, spec.key, { value: text, expected: '0–100' });
        break;
      }
      default:
        break;
    }
  }
}

/** A code column's values as a person may write them: the code and its word in the file's language. */
function expectedValues(key: string, allowed: readonly string[], lang: Lang): string {
  const words: Record<string, Record<Lang, string>> | null = key === 'reason' || key === 'area' ? reasonWords : key === 'closure_reason' ? closureWords : null;
  return allowed.map((code) => (words?.[code] ? `${code} (${words[code][lang]})` : code)).join(', ');
}

const TAB_ORDER = new Map(caseTabKeys.map((k, i) => [k, i]));

export function sortCaseIssues(issues: CaseIssue[]): CaseIssue[] {
  const tabRank = (tab: string) => {
    const key = caseTabKeys.find((k) => caseTabSpec(k).title.kk === tab || caseTabSpec(k).title.ru === tab);
    return key ? TAB_ORDER.get(key)! : 99;
  };
  return issues.sort((a, b) => tabRank(a.tab) - tabRank(b.tab) || (a.row ?? 0) - (b.row ?? 0));
}
