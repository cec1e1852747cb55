// The case file's use cases over the workbook port: lay it out (or repair it) from sheets-template/cases.json, record
// every change in its audit tab, and look its cases up in the registry — by IIN only: nothing goes the other way.
import { cellText, fold } from '../domain/cells';
import { caseTabKeys, caseTabSpec, locateCaseTabs } from '../domain/cases/case-file';
import { auditRows, type Actor, type AuditNote } from '../domain/cases/audit';
import type { PupilFacts, PupilLookup } from '../domain/cases/view';
import { auditWords, sayCase } from '../domain/cases/words';
import type { Registry } from '../domain/registry/registry';
import type { Cell, TabData, WorkbookData } from '../domain/sheet';
import { cellAt, dataRows, findHeader, mapTable } from '../domain/table';
import { tabSpec, type Lang } from '../domain/template';
import { columnFormats, completeHeader, headerRow } from './setup';
import type { TabRef, WorkbookChange } from './workbook-port';

export interface CasesSetupResult {
  changes: WorkbookChange[];
  created: string[];
  extended: string[];
  /** The case file's language: its settings' when it has them, else the one asked for. */
  lang: Lang;
}

/** A tab nobody has written in and Qamqor did not make: the "Sheet1" Google puts in every new spreadsheet. */
function blankTab(book: WorkbookData): TabData | null {
  if (book.tabs.length !== 1) return null;
  const tab = book.tabs[0];
  return tab.key === null && tab.formulas.length === 0 && tab.rows.every((r) => r.every((c) => cellText(c) === '')) ? tab : null;
}

/**
 * The changes that make `book` a case file: every tab of cases.json that is missing (the first one taking the place of
 * a new spreadsheet's blank tab), every column a tab lacks appended after its header, settings a newer layout added.
 * Nothing a person typed moves. Twice in a row changes nothing.
 */
export function planCasesSetup(book: WorkbookData, lang: Lang): CasesSetupResult {
  const found = locateCaseTabs(book);
  const fileLang = found.case_settings ? settingsLang(found.case_settings) ?? lang : lang;
  const changes: WorkbookChange[] = [];
  const created: string[] = [];
  const extended: string[] = [];
  let blank = Object.keys(found).length === 0 ? blankTab(book) : null;
  for (const key of caseTabKeys) {
    const spec = caseTabSpec(key);
    const existing = found[key];
    if (!existing) {
      const title = spec.title[fileLang];
      const ref: TabRef = { key };
      if (blank) {
        changes.push({ kind: 'renameTab', tab: { id: blank.id }, title, key });
        blank = null;
      } else changes.push({ kind: 'addTab', key, title });
      const rows: Cell[][] = key === 'case_settings' ? spec.entries.map((e) => [e.key, e.label[fileLang], e.key === 'language' ? fileLang : e.default]) : [];
      changes.push({ kind: 'writeCells', tab: ref, row: 0, col: 0, values: [headerRow(spec.columns, fileLang), ...rows] });
      changes.push({ kind: 'formatTable', tab: ref, headerRow: 0, columns: columnFormats(spec.columns, fileLang) });
      created.push(title);
      continue;
    }
    const more = completeHeader(existing, spec.columns, fileLang).changes;
    if (key === 'case_settings') more.push(...missingSettings(existing, fileLang));
    if (more.length) {
      changes.push(...more);
      extended.push(existing.title);
    }
  }
  return { changes, created, extended, lang: fileLang };
}

function settingsLang(tab: TabData): Lang | null {
  try {
    const map = mapTable(tab, caseTabSpec('case_settings').columns);
    for (const { cells } of dataRows(tab, map)) {
      if (cellText(cellAt(cells, map, 'key')) !== 'language') continue;
      const value = fold(cellText(cellAt(cells, map, 'value')));
      return value.startsWith('ru') || value.startsWith('рус') ? 'ru' : value.startsWith('kk') || value.startsWith('қаз') ? 'kk' : null;
    }
  } catch {
    // A settings tab without its header: repaired by the setup, read in the language asked for.
  }
  return null;
}

function missingSettings(tab: TabData, lang: Lang): WorkbookChange[] {
  const spec = caseTabSpec('case_settings');
  const header = findHeader(tab, spec.columns);
  const keyCol = header?.columns.get('key') ?? 0;
  const have = new Set(tab.rows.map((r) => cellText(r[keyCol] ?? null)));
  const rows = spec.entries.filter((e) => !have.has(e.key)).map((e) => [e.key, e.label[lang], e.default]);
  return rows.length ? [{ kind: 'appendRows', tab: { id: tab.id }, values: rows }] : [];
}

/**
 * The change that records `notes` in the audit tab: rows appended under whatever it holds, never a row rewritten.
 * `book` is the case file as read before the batch; a tab the same batch creates is named by its key.
 */
export function auditChange(book: WorkbookData, notes: readonly AuditNote[], actor: Actor): WorkbookChange[] {
  if (notes.length === 0) return [];
  const tab = locateCaseTabs(book).case_audit;
  const map = tab ? findHeader(tab, caseTabSpec('case_audit').columns) : null;
  const ref: TabRef = tab ? { id: tab.id } : { key: 'case_audit' };
  return [{ kind: 'appendRows', tab: ref, values: auditRows(notes, actor, map) }];
}

/** `qamqor cases init` and the Google menu's "create": a new case file laid out, its creation the first audit row. */
export function planNewCaseFile(book: WorkbookData, lang: Lang, actor: Actor): WorkbookChange[] {
  const setup = planCasesSetup(book, lang);
  // The audit tab is created in this batch: its rows go under the header written a moment before.
  return [...setup.changes, ...auditChange({ tabs: [] }, [{ action: sayCase(auditWords.created, setup.lang) }], actor)];
}

/** A repair of an existing case file, recorded in its audit tab; nothing when nothing is missing. */
export function planCasesRepair(book: WorkbookData, lang: Lang, actor: Actor): WorkbookChange[] {
  const setup = planCasesSetup(book, lang);
  if (setup.changes.length === 0) return [];
  const tabs = [...setup.created, ...setup.extended].join(', ');
  const audited = locateCaseTabs(book).case_audit ? book : { tabs: [] };
  return [...setup.changes, ...auditChange(audited, [{ action: sayCase(auditWords.repaired, setup.lang, { tabs }) }], actor)];
}

/**
 * Who the registry knows, by IIN: the pupils on its roll (name and class) and those in its archive (left or
 * graduated), so that a case of a pupil who left is not reported as unknown. Only IINs are matched.
 */
export function registryLookup(registry: Registry): { lookup: PupilLookup; known: Set<string> } {
  const byIin = new Map<string, PupilFacts>();
  for (const p of registry.pupils) if (p.iin && !byIin.has(p.iin)) byIin.set(p.iin, { fullName: p.fullName, className: p.className });
  const known = new Set(byIin.keys());
  const archive = registry.tabs.archive;
  if (archive) {
    try {
      const map = mapTable(archive, tabSpec('archive').columns);
      for (const { cells } of dataRows(archive, map)) {
        const iin = cellText(cellAt(cells, map, 'iin')).replace(/\s+/g, '');
        if (iin) known.add(iin.padStart(12, '0'));
      }
    } catch {
      // An archive without its header holds nobody Qamqor can name.
    }
  }
  return { lookup: (iin) => byIin.get(iin) ?? null, known };
}
