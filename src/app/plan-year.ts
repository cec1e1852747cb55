// The annual plan at a new school year (registers-A's new-year hook, NEW_YEAR_REGISTERS.plan): last year's plan,
// done marks and all, goes to the register archive, every cell, like every register's rows; the plan tab keeps the
// school's own activities (it edits its plan once, not every year) with the done marks cleared for the new year. A plan
// tab without a single activity gets the default plan of seed 002.
import { cellText } from '../domain/cells';
import { dateOf } from '../domain/registers/read';
import { defaultPlanRows, readPlan } from '../domain/registers/plan';
import type { Registry } from '../domain/registry/registry';
import type { Cell } from '../domain/sheet';
import { tabSpec } from '../domain/template';
import { appendRegisterRows } from './registers-append';
import type { WorkbookChange } from './workbook-port';

export function planNewYear(registry: Registry, today: string): WorkbookChange[] {
  const tab = registry.tabs.plan;
  if (!tab) return [];
  const { table, rows } = readPlan(registry);
  // A plan whose header does not read is left as it is: its rows could not be told from its title rows.
  if (!table.map) return [];
  const activities = rows.filter((r) => r.activity);
  if (activities.length === 0) {
    return [{ kind: 'writeCells', tab: { id: tab.id }, row: table.map.headerRow + 1, col: 0, values: defaultPlanRows(registry.lang) }];
  }
  const year = registry.settings.schoolYear?.name ?? '';
  const headers = (tab.rows[table.map.headerRow] ?? []).map((c) => cellText(c));
  const archived = rows.map((r) => {
    const every = r.read.cells.map((c, i) => [headers[i] || `#${i + 1}`, cellText(c ?? null)] as const).filter(([, v]) => v !== '');
    const done = dateOf(r.read, 'done_on');
    return new Map<string, Cell>([
      ['school_year', year],
      ['register', tabSpec('plan').title[registry.lang]],
      ['date', done ? new Date(`${done}T00:00:00Z`) : null],
      ['iin', null],
      ['row_data', every.map(([h, v]) => `${h}: ${v}`).join('; ')],
      ['archived_on', new Date(`${today}T00:00:00Z`)],
    ]);
  });
  const doneCol = table.map.columns.get('done_on');
  const cleared: WorkbookChange[] =
    doneCol === undefined
      ? []
      : rows.filter((r) => r.done).map((r) => ({ kind: 'writeCells', tab: { id: tab.id }, row: r.read.row - 1, col: doneCol, values: [[null]] }));
  return [...appendRegisterRows(registry, 'register_archive', archived), ...cleared];
}
