// The category catalogue as the school keeps it on its categories tab: the defaults plus its own rows.
import { cellText, fold, parseFlag, parseInteger } from '../cells';
import { Category, defaultCatalogue, tabSpec } from '../template';
import type { TabData } from '../sheet';
import { cellAt, dataRows, mapTable } from '../table';

export interface CatalogueProblem {
  row: number;
  value: string;
}

/** Reads the categories tab; without one, the default catalogue. A bad row is reported, not guessed. */
export function readCatalogue(tab: TabData | null): { catalogue: Category[]; problems: CatalogueProblem[] } {
  if (!tab) return { catalogue: defaultCatalogue, problems: [] };
  const map = mapTable(tab, tabSpec('categories').columns);
  const catalogue: Category[] = [];
  const problems: CatalogueProblem[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of dataRows(tab, map)) {
    const text = (key: string) => cellText(cellAt(cells, map, key));
    const group = text('res64_group');
    const parsed = Category.safeParse({
      code: text('code').toLowerCase(),
      level: text('level').toLowerCase(),
      kind: text('kind').toLowerCase() || 'category',
      kk: text('label_kk'),
      ru: text('label_ru'),
      res64Group: group === '' ? null : parseInteger(group) ?? -1,
      exclusiveGroup: text('exclusive_group') || null,
      requiresGuardian: parseFlag(cellAt(cells, map, 'requires_guardian')) ?? false,
      countsChildren: parseFlag(cellAt(cells, map, 'counts_children')) ?? false,
    });
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      problems.push({ row, value: `${text('code') || '?'} (${fields})` });
    } else if (seen.has(parsed.data.code)) {
      problems.push({ row, value: `${parsed.data.code} ×2` });
    } else {
      seen.add(parsed.data.code);
      catalogue.push(parsed.data);
    }
  }
  return { catalogue, problems };
}

/** Finds a category by its code or by its label in either language, as typed by a person. */
export function categoryFinder(catalogue: readonly Category[]): (text: string) => Category | undefined {
  const byName = new Map<string, Category>();
  for (const c of catalogue) for (const name of [c.code, c.kk, c.ru]) byName.set(fold(name), c);
  return (text) => byName.get(fold(text));
}
