// Live validation (onEdit, a simple trigger: SpreadsheetApp only, no authorization, 30 s): the rows just
// edited, a paste of many rows included, are checked and Qamqor's messages in their notes set or cleared.
// Three calls at most: the tab's values from its first row down to the last edited row (header included), the
// notes of the edited rows, and, when a message changes, those notes written back. Nothing a teacher typed is
// written, and her own note on a cell stays, under Qamqor's message as "Validate everything" puts it.
//
// A cell's background would be a fourth call: onEdit keeps to the note (the message is what a teacher needs)
// and leaves the colour to "Validate everything", which also clears a colour that an edit made stale. What
// onEdit cannot know without more reads, it leaves to "Validate everything" too: the school's own categories
// and settings (it checks with the default catalogue and thresholds), formulas (it sees their results), and
// problems across rows (duplicate IINs, families).
import { fold } from '../domain/cells';
import { readRegistry } from '../domain/registry/registry';
import { schoolYearOf } from '../domain/school-year';
import type { Cell, TabData, WorkbookData } from '../domain/sheet';
import { findHeader } from '../domain/table';
import { classColumns, defaultCatalogue, layout, tabSpec, type Lang } from '../domain/template';
import { checkContext, checkPupil, type IssueCode } from '../domain/registry/validate';
import { SIMPLE_TRIGGER_MS, retryPolicy, withRetry, type RetryPolicy } from './google-errors';
import type { EditEvent, GoogleServices } from './google-services';
import { markNote, marksOfTab, withMark } from './marks';
import { sheetWords } from './messages';

/** Checks that depend on what onEdit cannot read (the school's catalogue and thresholds). */
const NOT_LIVE: ReadonlySet<IssueCode> = new Set<IssueCode>(['large_family_size', 'unknown_category']);

/** Titles of the tabs that are never class tabs, folded: an edit there costs no call at all. */
const OWN_TITLES = new Set(
  [...layout.tabs.filter((t) => t.kind !== 'class').flatMap((t) => [t.title.kk, t.title.ru]), sheetWords.dashboard.kk, sheetWords.dashboard.ru].map(fold),
);

/** The language a tab's headers are written in. */
function headerLang(header: readonly Cell[]): Lang {
  const columns = classColumns(defaultCatalogue);
  const texts = new Set(header.filter((c): c is string => typeof c === 'string').map(fold));
  const score = (lang: Lang) => columns.filter((c) => fold(c.header[lang]) !== fold(c.header[lang === 'kk' ? 'ru' : 'kk']) && texts.has(fold(c.header[lang]))).length;
  return score('ru') > score('kk') ? 'ru' : 'kk';
}

export interface LiveResult {
  /** Cells marked, as "A1: message", for tests; empty when the edit was not in a class's rows. */
  marked: number;
  checkedRows: number;
}

/** A rate limit is waited out within the trigger's 30 s when Utilities is there to sleep. */
export function validateEdit(e: EditEvent, now: Date, services?: Pick<GoogleServices, 'Utilities' | 'now'>): LiveResult {
  const policy: RetryPolicy = services ? retryPolicy(services, now.getTime(), SIMPLE_TRIGGER_MS) : { now: () => 0, sleep: null, deadline: 0 };
  const none = { marked: 0, checkedRows: 0 };
  const range = e.range;
  const sheet = range.getSheet();
  const title = sheet.getName();
  if (OWN_TITLES.has(fold(title))) return none;
  const firstRow = range.getRow();
  const lastRow = firstRow + range.getNumRows() - 1;

  const values = withRetry(policy, () => sheet.getRange(`1:${lastRow}`).getValues(), true);
  const rows: Cell[][] = values.map((line) => line.map((c) => (c === '' ? null : (c as Cell))));
  const columns = classColumns(defaultCatalogue);
  const header = findHeader({ id: '', key: null, title, rows, formulas: [] }, columns);
  const required = columns.filter((c) => c.required && header?.columns.has(c.key)).length;
  if (!header || required < 2) return none;
  const top = Math.max(firstRow, header.headerRow + 2);
  if (top > lastRow) return none;

  const lang = headerLang(rows[header.headerRow]);
  const settings = tabSpec('settings');
  const settingsTab: TabData = {
    id: 'live-settings',
    key: 'settings',
    title: settings.title[lang],
    rows: [settings.columns.map((c) => c.header[lang]), ['school_year', '', schoolYearOf(now).name], ['language', '', lang]],
    formulas: [],
  };
  const tab: TabData = { id: String(sheet.getSheetId()), key: `class:${title}`, title, rows, formulas: [] };
  const book: WorkbookData = { tabs: [settingsTab, tab] };
  const registry = readRegistry(book, lang);
  const ct = registry.classTabs[0];
  const ctx = checkContext(registry, now);
  const edited = registry.pupils.filter((p) => p.row >= top && p.row <= lastRow);
  const issues = edited.flatMap((p) => checkPupil(p, ctx)).filter((i) => !NOT_LIVE.has(i.code));
  const marks = marksOfTab(ct, issues);

  const width = Math.max(...ct.map.columns.values()) + 1;
  const block = sheet.getRange(top, 1, lastRow - top + 1, width);
  const current = withRetry(policy, () => block.getNotes(), true);
  let changed = false;
  const notes = current.map((line, i) =>
    line.map((note, c) => {
      const next = withMark(markNote(marks.get(`${top + i - 1},${c}`) ?? [], lang), note) ?? '';
      if (next !== (note ?? '')) changed = true;
      return next;
    }),
  );
  // The same notes twice over is a write for nothing: the common edit (a clean row stays clean) costs two calls.
  if (changed) withRetry(policy, () => block.setNotes(notes), true);
  return { marked: marks.size, checkedRows: edited.length };
}
