// Set up or repair the registry from sheets-template/: creates what is missing, extends headers with
// the columns they lack, and leaves every cell a person typed where it is. Twice in a row changes nothing.
import { cellText } from '../domain/cells';
import { columnHints, say, words } from '../domain/i18n';
import { parseClassName } from '../domain/registry/class-name';
import { readClasses, surveyWorkbook } from '../domain/registry/registry';
import { defaultPlanRows } from '../domain/registers/plan';
import type { Cell, TabData, WorkbookData } from '../domain/sheet';
import { findHeader } from '../domain/table';
import { classColumns, defaultCatalogue, tabSpec, type Category, type ColumnSpec, type Lang, type TabKey, type TabSpec, singleTabKeys } from '../domain/template';
import type { ColumnFormat, ColumnHint, TabRef, WorkbookChange } from './workbook-port';

export interface SetupOptions {
  lang: Lang;
  /** Values for a settings tab created now, by setting key (school_name, school_year, director…). */
  settings?: Record<string, string>;
  /** Classes to list in a classes tab created now (ignored when the tab exists). */
  classes?: { name: string; teacher?: string; teacherEmail?: string; instructionLanguage?: string }[];
}

export interface SetupResult {
  changes: WorkbookChange[];
  /** Titles of the tabs created and of the tabs whose header got new columns. */
  created: string[];
  extended: string[];
}

export function classTabKey(className: string): string {
  return `class:${className}`;
}

export function headerRow(columns: readonly ColumnSpec[], lang: Lang): string[] {
  return columns.map((c) => c.header[lang]);
}

/**
 * How each column is kept, in the workbook's language: the dropdown of a sex column offers the language's own
 * spelling (ұл/қыз, М/Ж) — import writes that one, and the engine reads all of them — and a checkbox, where the
 * workbook has no real ones, is the language's иә/жоқ or да/нет. Said here rather than guessed by an adapter.
 */
export function columnFormats(columns: readonly ColumnSpec[], lang: Lang, options: { startCol?: number; catalogue?: readonly Category[] } = {}): ColumnFormat[] {
  const startCol = options.startCol ?? 0;
  return columns.map((c, i) => {
    const format: ColumnFormat = { col: startCol + i, type: c.type };
    if (c.allowed) format.allowed = c.allowed;
    else if (c.type === 'sex') format.allowed = [words.sexMale[lang], words.sexFemale[lang]];
    if (c.type === 'checkbox') format.flag = { yes: words.flagYes[lang], no: words.flagNo[lang] };
    const hint = columnHint(format, lang, options.catalogue ?? defaultCatalogue);
    if (hint) format.hint = hint;
    return format;
  });
}

/** The hint and warning of a typed column (sheets-template's types, worded in src/domain/i18n); none for free text. */
export function columnHint(format: ColumnFormat, lang: Lang, catalogue: readonly Category[]): ColumnHint | undefined {
  const texts = (columnHints as Partial<Record<string, (typeof columnHints)[keyof typeof columnHints]>>)[format.type];
  if (!texts) return undefined;
  const params = {
    values: (format.allowed ?? []).join(' / '),
    yes: format.flag?.yes ?? words.flagYes[lang],
    no: format.flag?.no ?? words.flagNo[lang],
    labels: catalogue.map((c) => c[lang]).join('; '),
  };
  const hint: ColumnHint = { title: say(texts.title, lang, params), prompt: say(texts.prompt, lang, params) };
  if ('errorTitle' in texts) hint.errorTitle = say(texts.errorTitle, lang, params);
  if ('error' in texts) hint.error = say(texts.error, lang, params);
  return hint;
}

function catalogueRow(c: Category): Cell[] {
  return [c.code, c.kk, c.ru, c.level, c.kind, c.res64Group ?? '', c.exclusiveGroup ?? '', c.requiresGuardian, c.countsChildren];
}

/** The rows a tab starts with, under its header. */
function initialRows(key: TabKey, lang: Lang, options: SetupOptions): Cell[][] {
  switch (key) {
    case 'settings':
      return tabSpec('settings').entries.map((e) => {
        const given: Record<string, string | undefined> = { ...options.settings, language: lang };
        return [e.key, e.label[lang], given[e.key] ?? e.default];
      });
    case 'classes':
      return (options.classes ?? []).map((c) => [c.name, c.teacher ?? '', c.teacherEmail ?? '', c.instructionLanguage ?? '']);
    case 'categories':
      return defaultCatalogue.map(catalogueRow);
    case 'plan':
      // The default annual plan of seed 002, kept in sheets-template/plan.json rather than as layout starter rows.
      return defaultPlanRows(lang);
    default:
      return starterRows(tabSpec(key), lang);
  }
}

/** The layout's starter rows of a tab (report notes, report jobs), in column order and the registry's language. */
function starterRows(spec: TabSpec, lang: Lang): Cell[][] {
  return spec.starterRows.map((row) =>
    spec.columns.map((c) => {
      const value = row[c.key];
      return value === undefined ? '' : typeof value === 'object' ? value[lang] : value;
    }),
  );
}

export function newTab(key: string, title: string, columns: readonly ColumnSpec[], lang: Lang, rows: Cell[][], catalogue: readonly Category[] = defaultCatalogue): WorkbookChange[] {
  const tab: TabRef = { key };
  if (columns.length === 0) return [{ kind: 'addTab', key, title }];
  return [
    { kind: 'addTab', key, title },
    { kind: 'writeCells', tab, row: 0, col: 0, values: [headerRow(columns, lang), ...rows] },
    { kind: 'formatTable', tab, headerRow: 0, columns: columnFormats(columns, lang, { catalogue }), frozenColumns: frozenColumns(columns) },
  ];
}

/** A class tab keeps the pupil's name in view while the forty columns right of it scroll; other tabs only their header. */
export function frozenColumns(columns: readonly ColumnSpec[]): number {
  return columns.findIndex((c) => c.key === 'full_name' && c.required) + 1;
}

/**
 * Where each column of `columns` sits in an existing tab once the header has the ones it lacks
 * appended after its last header cell (nothing moves), and the changes that append them.
 */
export function completeHeader(tab: TabData, columns: readonly ColumnSpec[], lang: Lang, catalogue: readonly Category[] = defaultCatalogue): { headerRow: number; columns: Map<string, number>; changes: WorkbookChange[] } {
  const found = findHeader(tab, columns);
  const headerAt = found?.headerRow ?? 0;
  const positions = new Map(found?.columns ?? []);
  const missing = columns.filter((c) => !positions.has(c.key));
  if (missing.length === 0) return { headerRow: headerAt, columns: positions, changes: [] };
  const header = tab.rows[headerAt] ?? [];
  let end = header.length;
  while (end > 0 && cellText(header[end - 1]) === '') end--;
  missing.forEach((c, i) => positions.set(c.key, end + i));
  const ref: TabRef = { id: tab.id };
  return {
    headerRow: headerAt,
    columns: positions,
    changes: [
      { kind: 'writeCells', tab: ref, row: headerAt, col: end, values: [headerRow(missing, lang)] },
      { kind: 'formatTable', tab: ref, headerRow: headerAt, columns: columnFormats(missing, lang, { startCol: end, catalogue }) },
    ],
  };
}

function extendHeader(tab: TabData, columns: readonly ColumnSpec[], lang: Lang, catalogue: readonly Category[]): WorkbookChange[] {
  return completeHeader(tab, columns, lang, catalogue).changes;
}


export function planSetup(book: WorkbookData, options: SetupOptions): SetupResult {
  const found = surveyWorkbook(book, options.lang);
  const lang = found.tabs.settings ? found.lang : options.lang;
  const changes: WorkbookChange[] = [];
  const created: string[] = [];
  const extended: string[] = [];

  for (const key of singleTabKeys()) {
    const spec = tabSpec(key);
    const existing = found.tabs[key];
    if (!existing) {
      changes.push(...newTab(key, spec.title[lang], spec.columns, lang, initialRows(key, lang, options), found.catalogue));
      created.push(spec.title[lang]);
      continue;
    }
    const more = extendHeader(existing, spec.columns, lang, found.catalogue);
    if (key === 'settings') more.push(...missingSettings(existing, lang));
    if (more.length) {
      changes.push(...more);
      extended.push(existing.title);
    }
  }

  const columns = classColumns(found.catalogue);
  const classNames = found.tabs.classes ? readClasses(found.tabs.classes).map((c) => c.name) : (options.classes ?? []).map((c) => c.name);
  const withTabs = new Set(found.classTabs.map((ct) => ct.className));
  for (const name of classNames) {
    const canonical = parseClassName(name)?.name;
    if (!canonical || withTabs.has(canonical)) continue;
    withTabs.add(canonical);
    changes.push(...newTab(classTabKey(canonical), canonical, columns, lang, [], found.catalogue));
    created.push(canonical);
  }
  for (const ct of found.classTabs) {
    const more = extendHeader(ct.tab, columns, lang, found.catalogue);
    if (more.length) {
      changes.push(...more);
      extended.push(ct.tab.title);
    }
  }
  return { changes, created, extended };
}

/** Settings a newer layout added: appended as rows so that the school sees and fills them. */
function missingSettings(tab: TabData, lang: Lang): WorkbookChange[] {
  const header = findHeader(tab, tabSpec('settings').columns);
  const keyCol = header?.columns.get('key') ?? 0;
  const have = new Set(tab.rows.map((r) => cellText(r[keyCol] ?? null)));
  const rows = tabSpec('settings').entries.filter((e) => !have.has(e.key)).map((e) => [e.key, e.label[lang], e.default]);
  return rows.length ? [{ kind: 'appendRows', tab: { id: tab.id }, values: rows }] : [];
}
