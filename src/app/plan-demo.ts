// The demo school's annual plan, half done on the demo's day (20 November, the case file's day): most activities of
// September and October marked done on plausible dates, every fourth left undone (overdue), half of November's done.
import { calendarMonths, readPlan } from '../domain/registers/plan';
import type { Registry } from '../domain/registry/registry';
import type { WorkbookChange } from './workbook-port';

/** The demo's day, YYYY-MM-DD: the plan is looked at on it (`qamqor plan --today`), as the case file is. */
export function demoPlanDay(registry: Pick<Registry, 'settings'>): string {
  return `${registry.settings.schoolYear?.start ?? 2025}-11-20`;
}

export function demoPlanChanges(registry: Registry): WorkbookChange[] {
  const tab = registry.tabs.plan;
  const year = registry.settings.schoolYear;
  if (!tab || !year) return [];
  const { table, rows } = readPlan(registry);
  const doneCol = table.map?.columns.get('done_on');
  if (doneCol === undefined) return [];
  const today = demoPlanDay(registry);
  const changes: WorkbookChange[] = [];
  let before = 0;
  let november = 0;
  for (const r of rows) {
    if (r.done || !r.months || r.months.all) continue;
    const months = calendarMonths(r.months, year);
    const last = months[months.length - 1]!;
    let done: string | null = null;
    if (`${last}-31` < today.slice(0, 7) + '-01') {
      // Every fourth of the finished ones is left undone: the overdue items the pedagogue sees on opening.
      if (before++ % 4 !== 3) done = `${last}-${String(10 + (before % 15)).padStart(2, '0')}`;
    } else if (months.includes(today.slice(0, 7))) {
      if (november++ % 2 === 0) done = `${today.slice(0, 7)}-${String(5 + november).padStart(2, '0')}`;
    }
    if (done) changes.push({ kind: 'writeCells', tab: { id: tab.id }, row: r.read.row - 1, col: doneCol, values: [[new Date(`${done}T00:00:00Z`)]] });
  }
  return changes;
}
