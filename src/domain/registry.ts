// The school's registry read from a workbook: settings, classes, catalogue and one row per pupil,
// each value parsed and its raw cell kept so that validation can say exactly what was written.
import { cellText, fold, isBlankCell, looksLikeFormula, parseDate, parseFlag, parseInteger, parseSex } from './cells';
import { categoryFinder, readCatalogue, type CatalogueProblem } from './catalogue';
import { compareClassNames, parseClassName } from './class-name';
import { normalizeIin, type Sex } from './iin';
import { RegistryError } from './i18n';
import { readSettings, type SettingProblem, type Settings } from './settings';
import type { Cell, TabData, WorkbookData } from './sheet';
import { cellAt, dataRows, headerScore, mapTable, type TableMap } from './table';
import { classColumns, tabSpec, type Category, type ColumnSpec, type Lang, type TabKey, singleTabKeys } from './template';

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

const CATEGORY_SEPARATORS = /[;,\n]+/;

// Most pupils have no formula, unknown category or extra column: they share these empty values.
const NONE: readonly string[] = Object.freeze([]);
const NO_EXTRA: Readonly<Record<string, string>> = Object.freeze({});

function readPupils(ct: ClassTab, catalogue: readonly Category[]): Pupil[] {
  const { tab, map, columns } = ct;
  const find = categoryFinder(catalogue);
  const formulaRows = new Map<number, Set<number>>();
  for (const f of tab.formulas) {
    if (!formulaRows.has(f.row)) formulaRows.set(f.row, new Set());
    formulaRows.get(f.row)!.add(f.col);
  }
  const at = map.columns;
  const col = (key: string) => at.get(key) ?? -1;
  const present = columns.filter((spec) => at.has(spec.key)).map((spec) => ({ key: spec.key, col: at.get(spec.key)! }));
  const categoryCols = catalogue.filter((c) => at.has(c.code)).map((c) => ({ code: c.code, col: at.get(c.code)! }));
  const [rowNoCol, nameCol, iinCol, birthCol, sexCol, familyCol, childrenCol, guardianCol, addressCol, phoneCol, notesCol, res64Col, otherCol] = [
    'row_no', 'full_name', 'iin', 'birth_date', 'sex', 'family_id', 'children_in_family', 'guardian', 'address', 'phone', 'notes', 'res64_council', 'other_categories',
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
      for (const token of other.split(CATEGORY_SEPARATORS).map((t) => t.trim()).filter(Boolean)) {
        const c = find(token);
        if (c) found.add(c.code);
        else unknownCategories.push(token);
      }
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
