// The workbook layout and default catalogue from sheets-template/, parsed once by their zod schemas.
// Every reader, validator, setup and the command line takes tabs and columns from here.
import * as z from 'zod';
import layoutJson from '../../sheets-template/layout.json';
import categoriesJson from '../../sheets-template/categories.json';

export const Lang = z.enum(['kk', 'ru']);
export type Lang = z.infer<typeof Lang>;

export const Text2 = z.object({ kk: z.string(), ru: z.string() });
export type Text2 = z.infer<typeof Text2>;

export const ColumnType = z.enum([
  'text', 'iin', 'date', 'sex', 'checkbox', 'integer', 'email', 'phone', 'class', 'choice',
  'category_list', 'school_year', 'language',
]);
export type ColumnType = z.infer<typeof ColumnType>;

export const ColumnSpec = z.object({
  key: z.string(),
  header: Text2,
  type: ColumnType,
  required: z.boolean().default(false),
  allowed: z.array(z.string()).optional(),
  /** Other headers schools really use for this column ("ФИО", "Т.А.Ә."). */
  aliases: z.array(z.string()).default([]),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const SettingSpec = z.object({
  key: z.string(),
  label: Text2,
  type: ColumnType,
  default: z.string(),
});
export type SettingSpec = z.infer<typeof SettingSpec>;

/** `register`: a pedagogue's register (movements, inspections, aid, plan), laid out like a table, read by src/domain/registers. */
export const TabKind = z.enum(['settings', 'table', 'class', 'output', 'register']);

export const TabSpec = z.object({
  key: z.string(),
  kind: TabKind,
  title: Text2,
  owner: z.enum(['pedagogue', 'teacher']),
  columns: z.array(ColumnSpec),
  trailingColumns: z.array(ColumnSpec).default([]),
  entries: z.array(SettingSpec).default([]),
  /** Rows a new tab starts with, by column key; a value may be worded per language. */
  starterRows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), Text2]))).default([]),
});
export type TabSpec = z.infer<typeof TabSpec>;

export const Layout = z.object({ tabs: z.array(TabSpec) });
export type Layout = z.infer<typeof Layout>;

export const Category = z.object({
  code: z.string().regex(/^[a-z0-9_]+$/, 'category codes are lower-case latin letters, digits and _'),
  level: z.enum(['pupil', 'family']),
  kind: z.enum(['category', 'support']).default('category'),
  kk: z.string().min(1),
  ru: z.string().min(1),
  res64Group: z.number().int().min(1).max(4).nullable().default(null),
  exclusiveGroup: z.string().nullable().default(null),
  requiresGuardian: z.boolean().default(false),
  countsChildren: z.boolean().default(false),
});
export type Category = z.infer<typeof Category>;

export const layout: Layout = Layout.parse(layoutJson);
export const defaultCatalogue: Category[] = z.array(Category).parse(categoriesJson.categories);

export type TabKey =
  | 'settings' | 'classes' | 'categories' | 'class' | 'passport' | 'passport_archive' | 'archive' | 'issues' | 'notes' | 'reports'
  | 'movements' | 'inspections' | 'aid' | 'aid_kinds' | 'plan' | 'register_archive';

/** The register tabs of the layout (kind `register`), in layout order. */
export function registerTabKeys(): TabKey[] {
  return layout.tabs.filter((t) => t.kind === 'register').map((t) => t.key as TabKey);
}

/** Every tab of the layout except the class-tab template, in layout order: the tabs setup makes once. */
export function singleTabKeys(): TabKey[] {
  return layout.tabs.filter((t) => t.kind !== 'class').map((t) => t.key as TabKey);
}

export function tabSpec(key: TabKey): TabSpec {
  const spec = layout.tabs.find((t) => t.key === key);
  if (!spec) throw new Error(`sheets-template/layout.json has no tab "${key}"`);
  return spec;
}

const classColumnsCache = new WeakMap<readonly Category[], ColumnSpec[]>();

/**
 * The columns of a class tab for a catalogue: the fixed ones, a checkbox per category, the trailing
 * ones. The same list is returned for the same catalogue, so per-list caches downstream hold.
 */
export function classColumns(catalogue: readonly Category[]): ColumnSpec[] {
  let columns = classColumnsCache.get(catalogue);
  if (!columns) {
    columns = buildClassColumns(catalogue);
    classColumnsCache.set(catalogue, columns);
  }
  return columns;
}

function buildClassColumns(catalogue: readonly Category[]): ColumnSpec[] {
  const spec = tabSpec('class');
  const categoryColumns: ColumnSpec[] = catalogue.map((c) => ({
    key: c.code,
    header: { kk: c.kk, ru: c.ru },
    type: 'checkbox',
    required: false,
    aliases: [c.code],
  }));
  return [...spec.columns, ...categoryColumns, ...spec.trailingColumns];
}
