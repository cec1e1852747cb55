// The school's registry read from a workbook: settings, classes, catalogue and one row per pupil,
// each value parsed and its raw cell kept so that validation can say exactly what was written.
import { cellText, fold, isBlankCell, looksLikeFormula, parseDate, parseFlag, parseInteger, parseSex } from '../cells';
import { readCatalogue, type CatalogueProblem } from './catalogue';
import { compareClassNames, parseClassName } from './class-name';
import { normalizeIin, type Sex } from './iin';
import { RegistryError } from '../i18n';
import { readSettings, type SettingProblem, type Settings } from './settings';
import type { Cell, TabData, WorkbookData } from '../sheet';
import { cellAt, dataRows, headerScore, mapTable, type TableMap } from '../table';
import { classColumns, tabSpec, type Category, type ColumnSpec, type Lang, type TabKey, singleTabKeys } from '../template';

export interface ClassInfo {
  name: string;
  teacher: string;
  teacherEmail: string;
  row: number;
}

export interface Pupil {
  className: string;
  tab: string;
  row: number;
  fullName: string;
  /** The IIN with spaces removed, as written otherwise. */
  iin: string;
  birthDate: string | null;
  sex: Sex | null;
  familyId: string;
  /** Pupils sharing this key are one family, whatever their classes. */
  familyKey: string;
  childrenInFamily: number | null;
  guardian: string;
  /** How an orphan or a child without parental care is placed (guardianship, foster family…), as written. */
  placement: string;
  address: string;
  phone: string;
  notes: string;
  /** Codes of the catalogue, ticked in a column or written in "other categories". */
  categories: readonly string[];
  res64Council: boolean;
  /** Words in "other categories" that name no category of the catalogue. */
  unknownCategories: readonly string[];
  /** The row's cells as read; `rawCell` finds a column's cell in them. */
  cells: readonly Cell[];
  /** Column key → index in `cells`, shared by every pupil of the tab. */
  columnsAt: ReadonlyMap<string, number>;
  /** Keys of columns whose cell holds a formula or text that would run as one. */
  formulaColumns: readonly string[];
  /** Columns the layout does not know, as header → text: carried along, never dropped. */
  extra: Readonly<Record<string, string>>;
}

export interface ClassTab {
  className: string;
  tab: TabData;
  map: TableMap;
  columns: ColumnSpec[];
}

export interface Registry {
  lang: Lang;
  settings: Settings;
  catalogue: Category[];
  classes: ClassInfo[];
  classTabs: ClassTab[];
  pupils: Pupil[];
  /** Tabs of the layout found in the workbook, by layout key. */
  tabs: Partial<Record<TabKey, TabData>>;
  settingProblems: SettingProblem[];
  catalogueProblems: CatalogueProblem[];
}


/** Finds the layout's tabs by the key Qamqor gave them, then by their title in either language. */
export function locateTabs(book: WorkbookData): Partial<Record<TabKey, TabData>> {
  const found: Partial<Record<TabKey, TabData>> = {};
  for (const key of singleTabKeys()) {
    const spec = tabSpec(key);
    const titles = [spec.title.kk, spec.title.ru, key].map(fold);
    found[key] = book.tabs.find((t) => t.key === key) ?? book.tabs.find((t) => t.key === null && titles.includes(fold(t.title)));
  }
  return found;
}

const requiredCache = new WeakMap<readonly Category[], ColumnSpec[]>();

function requiredClassColumns(catalogue: readonly Category[]): ColumnSpec[] {
  let required = requiredCache.get(catalogue);
  if (!required) requiredCache.set(catalogue, (required = classColumns(catalogue).filter((c) => c.required)));
  return required;
}

/** The class a tab holds: from its key when Qamqor made it, else from a title like "5А" with pupil headers. */
export function classOfTab(tab: TabData, known: ReadonlySet<TabData>, catalogue: readonly Category[]): string | null {
  if (tab.key?.startsWith('class:')) return parseClassName(tab.title)?.name ?? tab.key.slice('class:'.length);
  if (tab.key !== null || known.has(tab)) return null;
  const name = parseClassName(tab.title);
  if (!name) return null;
  return headerScore(tab, requiredClassColumns(catalogue)) >= 2 ? name.name : null;
}

/** The workbook's shape without reading pupils: enough to set up or repair a registry that does not read yet. */
export interface Survey {
  lang: Lang;
  tabs: Partial<Record<TabKey, TabData>>;
  catalogue: Category[];
  classTabs: { className: string; tab: TabData }[];
}

export function surveyWorkbook(book: WorkbookData, fallbackLang: Lang): Survey & { settingsRead: ReturnType<typeof readSettings>; catalogueRead: ReturnType<typeof readCatalogue> } {
  const tabs = locateTabs(book);
  const settingsRead = readSettings(tabs.settings ?? null, fallbackLang);
  const lang = settingsRead.settings.language;
  const catalogueRead = readCatalogue(tabs.categories ?? null);
  const known = new Set(Object.values(tabs));
  const classTabs: Survey['classTabs'] = [];
  for (const tab of book.tabs) {
    const className = classOfTab(tab, known, catalogueRead.catalogue);
    if (className !== null) classTabs.push({ className, tab });
  }
  classTabs.sort((a, b) => compareClassNames(a.className, b.className));
  return { lang, tabs, catalogue: catalogueRead.catalogue, classTabs, settingsRead, catalogueRead };
}

export function readRegistry(book: WorkbookData, fallbackLang: Lang = 'kk'): Registry {
  const survey = surveyWorkbook(book, fallbackLang);
  const { lang, tabs, catalogue } = survey;
  if (survey.classTabs.length === 0 && !tabs.settings) throw new RegistryError('not_a_registry', { file: '' });
  const classes = tabs.classes ? readClasses(tabs.classes) : [];
  const columns = classColumns(catalogue);
  const classTabs: ClassTab[] = survey.classTabs.map(({ className, tab }) => {
    try {
      return { className, tab, map: mapTable(tab, columns), columns };
    } catch (e) {
      if (e instanceof RegistryError) e.lang = lang;
      throw e;
    }
  });
  const pupils = classTabs.flatMap((ct) => readPupils(ct, catalogue));
  return {
    lang,
    settings: survey.settingsRead.settings,
    catalogue,
    classes,
    classTabs,
    pupils,
    tabs,
    settingProblems: survey.settingsRead.problems,
    catalogueProblems: survey.catalogueRead.problems,
  };
}

export function readClasses(tab: TabData): ClassInfo[] {
  const map = mapTable(tab, tabSpec('classes').columns);
  const out: ClassInfo[] = [];
  for (const { row, cells } of dataRows(tab, map)) {
    const name = cellText(cellAt(cells, map, 'class'));
    if (!name) continue;
    out.push({
      name: parseClassName(name)?.name ?? name,
      teacher: cellText(cellAt(cells, map, 'teacher')),
      teacherEmail: cellText(cellAt(cells, map, 'teacher_email')),
      row,
    });
  }
  return out;
}

/** An IIN stored as a number lost its leading zero (everyone born 2000–2009): put it back. */
function readIin(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e12) return String(cell).padStart(12, '0');
  return normalizeIin(cellText(cell));
}


// Most pupils have no formula, unknown category or extra column: they share these empty values.
const NONE: readonly string[] = Object.freeze([]);
const NO_EXTRA: Readonly<Record<string, string>> = Object.freeze({});

function readPupils(ct: ClassTab, catalogue: readonly Category[]): Pupil[] {
  const { tab, map, columns } = ct;
  const find = categoryMatcher(catalogue);
  const formulaRows = new Map<number, Set<number>>();
  for (const f of tab.formulas) {
    if (!formulaRows.has(f.row)) formulaRows.set(f.row, new Set());
    formulaRows.get(f.row)!.add(f.col);
  }
  const at = map.columns;
  const col = (key: string) => at.get(key) ?? -1;
  const present = columns.filter((spec) => at.has(spec.key)).map((spec) => ({ key: spec.key, col: at.get(spec.key)! }));
  const categoryCols = catalogue.filter((c) => at.has(c.code)).map((c) => ({ code: c.code, col: at.get(c.code)! }));
  const [rowNoCol, nameCol, iinCol, birthCol, sexCol, familyCol, childrenCol, guardianCol, placementCol, addressCol, phoneCol, notesCol, res64Col, otherCol] = [
    'row_no', 'full_name', 'iin', 'birth_date', 'sex', 'family_id', 'children_in_family', 'guardian', 'placement', 'address', 'phone', 'notes', 'res64_council', 'other_categories',
  ].map(col);
  const cellOf = (cells: readonly Cell[], c: number): Cell => (c < 0 ? null : (cells[c] ?? null));
  const textOf = (cells: readonly Cell[], c: number): string => (c < 0 ? '' : cellText(cells[c] ?? null));
  const pupils: Pupil[] = [];
  // Pupils of large schools number in the hundred thousands: this loop avoids per-row allocations it can.
  for (let r = map.headerRow + 1; r < tab.rows.length; r++) {
    const cells = tab.rows[r];
    // Blank rows and rows holding only their pre-typed number are empty lines of the class list.
    // Unticked checkboxes are FALSE in every row Sheets shows them in, so FALSE alone is blank too.
    let filled = false;
    for (let c = 0; c < cells.length && !filled; c++) filled = c !== rowNoCol && !isBlankCell(cells[c]);
    if (!filled) continue;
    const row = r + 1;

    const formulaCols = formulaRows.get(r);
    let formulaColumns: string[] | null = null;
    for (const p of present) {
      const cell = cells[p.col];
      if (formulaCols?.has(p.col) || (typeof cell === 'string' && looksLikeFormula(cell))) (formulaColumns ??= []).push(p.key);
    }

    let codes: string[] = [];
    for (const c of categoryCols) if (parseFlag(cells[c.col] ?? null) === true) codes.push(c.code);
    let unknownCategories: string[] | null = null;
    const other = textOf(cells, otherCol);
    if (other) {
      const found = new Set(codes);
      unknownCategories = [];
      const listed = readCategoryList(other, find);
      for (const c of listed.categories) found.add(c.code);
      unknownCategories = listed.unknown;
      codes = catalogue.filter((c) => found.has(c.code)).map((c) => c.code);
    }
    let extra: Record<string, string> | null = null;
    for (const e of map.extra) {
      const value = cellText(cells[e.col] ?? null);
      if (value !== '') (extra ??= {})[e.header] = value;
    }

    const familyId = textOf(cells, familyCol);
    pupils.push({
      className: ct.className,
      tab: tab.title,
      row,
      fullName: textOf(cells, nameCol).replace(/\s{2,}/g, ' '),
      iin: readIin(cellOf(cells, iinCol)),
      birthDate: parseDate(cellOf(cells, birthCol)),
      sex: parseSex(cellOf(cells, sexCol)),
      familyId,
      // Family ids are unique per family: folded cheaply here, not through the memoised fold.
      familyKey: familyId ? `f:${familyId.toLowerCase().replace(/\s+/g, '')}` : `p:${ct.className}:${row}`,
      childrenInFamily: parseInteger(cellOf(cells, childrenCol)),
      guardian: textOf(cells, guardianCol),
      placement: textOf(cells, placementCol),
      address: textOf(cells, addressCol),
      phone: textOf(cells, phoneCol),
      notes: textOf(cells, notesCol),
      categories: codes,
      res64Council: parseFlag(cellOf(cells, res64Col)) === true,
      unknownCategories: unknownCategories ?? NONE,
      cells,
      columnsAt: at,
      formulaColumns: formulaColumns ?? NONE,
      extra: extra ?? NO_EXTRA,
    });
  }
  return pupils;
}

/** The cell a pupil's row holds in a column, by column key; null when the tab has no such column. */
export function rawCell(p: Pupil, key: string): Cell {
  const col = p.columnsAt.get(key);
  return col === undefined ? null : (p.cells[col] ?? null);
}

// ——— Categories typed as words ———
// A teacher writes categories in "other categories" as the categories tab names them, in Kazakh or Russian, or
// by code: whatever the case (Kazakh capitals included), with or without the abbreviation in brackets, with the
// Latin letters a keyboard without a Kazakh layout leaves for Kazakh ones (Жетiм with a Latin i).

/** Latin letters that stand for the Cyrillic ones they look like, in a word that has Cyrillic letters. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', c: 'с', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'һ', i: 'і', ə: 'ә', ɵ: 'ө',
};

/** A name folded for matching: case, spaces and punctuation as `fold` does, and Latin look-alikes made Cyrillic. */
export function categoryKey(text: string): string {
  const folded = fold(text);
  return /[а-яәғқңөұүһі]/.test(folded) ? folded.replace(/[aeocpxykmthiəɵ]/g, (ch) => LOOKALIKES[ch] ?? ch) : folded;
}

/** The names a category answers to: its code and labels first, then each label without its brackets and a bracketed abbreviation. */
function categoryNames(c: Category): { names: string[]; shorter: string[] } {
  const shorter: string[] = [];
  for (const label of [c.kk, c.ru]) {
    const bare = label.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (bare !== label && bare !== '') shorter.push(bare);
    for (const m of label.matchAll(/\(([^)\s]{2,8})\)/g)) if (m[1] === m[1].toUpperCase()) shorter.push(m[1]);
  }
  return { names: [c.code, c.kk, c.ru], shorter };
}

/**
 * Finds a category by what a person typed: its code, its label in either language, a label without its bracketed
 * part («Аз қамтылған»), or its abbreviation («ЕБҚ», «ООП»). A shorter name two categories share names neither.
 */
export function categoryMatcher(catalogue: readonly Category[]): (text: string) => Category | undefined {
  const byName = new Map<string, Category>();
  const shortNames = new Map<string, Category | null>();
  for (const c of catalogue) {
    const { names, shorter } = categoryNames(c);
    for (const name of names) if (!byName.has(categoryKey(name))) byName.set(categoryKey(name), c);
    for (const name of shorter) {
      const key = categoryKey(name);
      const had = shortNames.get(key);
      shortNames.set(key, had === undefined || had === c ? c : null);
    }
  }
  for (const [key, c] of shortNames) if (c && !byName.has(key)) byName.set(key, c);
  return (text) => byName.get(categoryKey(text));
}

/**
 * The categories of an "other categories" cell, separated by «;», «,» or line breaks. A comma inside a label a
 * school wrote («Жетім, қамқоршыда») does not split it: the longest run of comma-separated pieces that names a
 * category is taken first.
 */
export function readCategoryList(text: string, find: (text: string) => Category | undefined): { categories: Category[]; unknown: string[] } {
  const categories: Category[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[;\n]+/)) {
    const pieces = part.split(',').map((p) => p.trim());
    for (let i = 0; i < pieces.length; ) {
      let j = pieces.length;
      let found: Category | undefined;
      for (; j > i; j--) if ((found = pieces[i] === '' ? undefined : find(pieces.slice(i, j).join(', ')))) break;
      if (found) {
        categories.push(found);
        i = j;
      } else {
        if (pieces[i] !== '') unknown.push(pieces[i]);
        i++;
      }
    }
  }
  return { categories, unknown };
}

/** The category a mistyped word most likely meant («орфан», «Жетм»): a name a letter or two away; none when unclear. */
export function suggestCategory(catalogue: readonly Category[], typed: string): Category | undefined {
  const key = categoryKey(typed);
  if (key.length < 3) return undefined;
  let best: { c: Category; d: number } | undefined;
  let tie = false;
  for (const c of catalogue) {
    const { names, shorter } = categoryNames(c);
    const d = Math.min(...[...names, ...shorter].map((n) => editDistance(key, categoryKey(n))));
    if (!best || d < best.d) {
      best = { c, d };
      tie = false;
    } else if (d === best.d && c !== best.c) tie = true;
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(key.length / 5)));
  return best && best.d <= allowed && !tie ? best.c : undefined;
}

/** Levenshtein distance: letters inserted, removed or replaced. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
