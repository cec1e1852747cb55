// The dashboard's chart data: categories by pupils and families, and each category this year against
// the archived previous year. Plain rows, so that any spreadsheet (or a report) can chart them.
import type { Passport } from './passport';
import type { Cell } from '../sheet';
import type { Category, Lang } from '../template';
import { words } from '../i18n';

export interface DashboardTable {
  /** 0-based row of the table's header; its data rows follow. */
  headerRow: number;
  rows: number;
  /** Number of columns, the first holding the category. */
  cols: number;
}

export interface Dashboard {
  rows: Cell[][];
  categories: DashboardTable;
  /** Present when the passport has a previous year to compare with. */
  dynamics: DashboardTable | null;
}

/** Categories (not support) with at least one pupil now or last year, in catalogue order; all of them if none has. */
function shownCategories(p: Passport, catalogue: readonly Category[]): Category[] {
  const counted = catalogue.filter((c) => c.kind === 'category');
  const some = counted.filter((c) => (p.categories[c.code]?.students ?? 0) > 0 || (p.compare?.categories[c.code]?.students ?? 0) > 0);
  return some.length > 0 ? some : counted;
}

export function dashboardData(p: Passport, catalogue: readonly Category[], lang: Lang, title: string): Dashboard {
  const shown = shownCategories(p, catalogue);
  const rows: Cell[][] = [[title], []];
  const categories: DashboardTable = { headerRow: rows.length, rows: shown.length, cols: 3 };
  rows.push([words.category[lang], words.students[lang], words.families[lang]]);
  for (const c of shown) rows.push([c[lang], p.categories[c.code]?.students ?? 0, p.categories[c.code]?.families ?? 0]);
  let dynamics: DashboardTable | null = null;
  if (p.compare) {
    rows.push([]);
    dynamics = { headerRow: rows.length, rows: shown.length, cols: 3 };
    rows.push([words.category[lang], p.compare.schoolYear, p.schoolYear]);
    for (const c of shown) rows.push([c[lang], p.compare.categories[c.code]?.students ?? 0, p.categories[c.code]?.students ?? 0]);
  }
  return { rows, categories, dynamics };
}
