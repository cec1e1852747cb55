// The school's registry read from a workbook: settings, classes, catalogue and one row per pupil,
// each value parsed and its raw cell kept so that validation can say exactly what was written.
import { cellText, fold, looksLikeFormula, parseDate, parseFlag, parseInteger, parseSex } from './cells';
import { categoryFinder, readCatalogue, type CatalogueProblem } from './catalogue';
import { compareClassNames, parseClassName } from './class-name';
import { normalizeIin, type Sex } from './iin';
import { RegistryError } from './i18n';
import { readSettings, type SettingProblem, type Settings } from './settings';
import type { Cell, TabData, WorkbookData } from './sheet';
import { cellAt, dataRows, headerScore, mapTable, type TableMap } from './table';
import { classColumns, tabSpec, type Category, type ColumnSpec, type Lang, type TabKey } from './template';

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
  categories: string[];
  res64Council: boolean;
  /** Words in "other categories" that name no category of the catalogue. */
  unknownCategories: string[];
  /** The raw cell of each known column, by key. */
  raw: Record<string, Cell>;
  /** Keys of columns whose cell holds a formula or text that would run as one. */
  formulaColumns: string[];
  /** Columns the layout does not know, as header → text: carried along, never dropped. */
  extra: Record<string, string>;
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

const SINGLE_TABS: TabKey[] = ['settings', 'classes', 'categories', 'passport', 'passport_archive', 'archive', 'issues'];

/** Finds the layout's tabs by the key Qamqor gave them, then by their title in either language. */
export function locateTabs(book: WorkbookData): Partial<Record<TabKey, TabData>> {
  const found: Partial<Record<TabKey, TabData>> = {};
  for (const key of SINGLE_TABS) {
    const spec = tabSpec(key);
    const titles = [spec.title.kk, spec.title.ru, key].map(fold);
    found[key] = book.tabs.find((t) => t.key === key) ?? book.tabs.find((t) => t.key === null && titles.includes(fold(t.title)));
  }
  return found;
}

/** The class a tab holds: from its key when Qamqor made it, else from a title like "5А" with pupil headers. */
export function classOfTab(tab: TabData, known: ReadonlySet<TabData>, catalogue: readonly Category[]): string | null {
  if (tab.key?.startsWith('class:')) return parseClassName(tab.title)?.name ?? tab.key.slice('class:'.length);
  if (tab.key !== null || known.has(tab)) return null;
  const name = parseClassName(tab.title);
  if (!name) return null;
  return headerScore(tab, classColumns(catalogue).filter((c) => c.required)) >= 2 ? name.name : null;
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

function readPupils(ct: ClassTab, catalogue: readonly Category[]): Pupil[] {
  const { tab, map, columns } = ct;
  const find = categoryFinder(catalogue);
  const formulaRows = new Map<number, Set<number>>();
  for (const f of tab.formulas) {
    if (!formulaRows.has(f.row)) formulaRows.set(f.row, new Set());
    formulaRows.get(f.row)!.add(f.col);
  }
  const keyOfCol = new Map<number, string>();
  for (const [key, col] of map.columns) keyOfCol.set(col, key);
  const rowNoCol = map.columns.get('row_no');
  const pupils: Pupil[] = [];
  for (const { row, cells } of dataRows(tab, map)) {
    // A row holding only its pre-typed number is an empty line of the class list.
    if (!cells.some((c, col) => col !== rowNoCol && cellText(c) !== '')) continue;
    const raw: Record<string, Cell> = {};
    for (const spec of columns) raw[spec.key] = cellAt(cells, map, spec.key);
    const text = (key: string) => cellText(raw[key]);
    const formulaCols = formulaRows.get(row - 1);
    const formulaColumns = columns
      .filter((spec) => {
        const col = map.columns.get(spec.key);
        if (col === undefined) return false;
        return formulaCols?.has(col) || (typeof raw[spec.key] === 'string' && looksLikeFormula(raw[spec.key] as string));
      })
      .map((spec) => spec.key);

    const categories = new Set<string>();
    for (const c of catalogue) if (parseFlag(raw[c.code]) === true) categories.add(c.code);
    const unknownCategories: string[] = [];
    for (const token of text('other_categories').split(CATEGORY_SEPARATORS).map((t) => t.trim()).filter(Boolean)) {
      const c = find(token);
      if (c) categories.add(c.code);
      else unknownCategories.push(token);
    }
    const extra: Record<string, string> = {};
    for (const { col, header } of map.extra) if (cellText(cells[col] ?? null) !== '') extra[header] = cellText(cells[col] ?? null);

    const familyId = text('family_id');
    pupils.push({
      className: ct.className,
      tab: tab.title,
      row,
      fullName: text('full_name').replace(/\s+/g, ' '),
      iin: readIin(raw.iin),
      birthDate: parseDate(raw.birth_date),
      sex: parseSex(raw.sex),
      familyId,
      familyKey: familyId ? `f:${fold(familyId)}` : `p:${ct.className}:${row}`,
      childrenInFamily: parseInteger(raw.children_in_family),
      guardian: text('guardian'),
      address: text('address'),
      phone: text('phone'),
      notes: text('notes'),
      categories: catalogue.filter((c) => categories.has(c.code)).map((c) => c.code),
      res64Council: parseFlag(raw.res64_council) === true,
      unknownCategories,
      raw,
      formulaColumns,
      extra,
    });
  }
  return pupils;
}
