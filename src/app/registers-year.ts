// The registers at a new school year: each register tab starts the year empty, its rows moved first, every cell,
// to the register archive tab (one row per register row: the year, the register, its date and IIN, and every cell
// as "header: value"), as new-year keeps graduates' rows. Nothing is deleted that is not copied in the same batch.
import { cellText } from '../domain/cells';
import { readRegisterOf } from '../domain/registers/validate';
import { dateOf, textOf } from '../domain/registers/read';
import type { Registry } from '../domain/registry/registry';
import type { Cell } from '../domain/sheet';
import { registerTabKeys, tabSpec, type TabKey } from '../domain/template';
import { planNewYear } from './plan-year';
import { appendRegisterRows } from './registers-append';
import type { WorkbookChange } from './workbook-port';

/**
 * What new-year does with a register besides archiving it: `keep` leaves the tab as it is (a plan a school carries
 * over), a function plans its own changes instead (e.g. the plan's done marks cleared). Absent: archived and emptied.
 * (registers-C: the plan's entry.)
 */
export const NEW_YEAR_REGISTERS: Partial<Record<TabKey, 'keep' | ((registry: Registry, today: string) => WorkbookChange[])>> = {
  // Archived, then the school's own activities kept with their done marks cleared (src/app/plan-year.ts).
  plan: planNewYear,
};

/** The register archive rows and the emptied register tabs of the year `registry` is leaving. */
export function planRegistersNewYear(registry: Registry, today: string): WorkbookChange[] {
  const year = registry.settings.schoolYear?.name ?? '';
  const lang = registry.lang;
  const archived: Map<string, Cell>[] = [];
  const changes: WorkbookChange[] = [];
  for (const key of registerTabKeys()) {
    const tab = registry.tabs[key];
    if (!tab) continue;
    const rule = NEW_YEAR_REGISTERS[key];
    if (rule === 'keep') continue;
    if (typeof rule === 'function') {
      changes.push(...rule(registry, today));
      continue;
    }
    const table = readRegisterOf(registry, key);
    // A register whose header does not read is left alone: its rows could not be told from its title rows.
    if (!table.map || table.rows.length === 0) continue;
    const headers = (tab.rows[table.map.headerRow] ?? []).map((c) => cellText(c));
    const dateKey = table.spec.columns.find((c) => c.type === 'date')?.key;
    for (const r of table.rows) {
      const every = r.cells.map((c, i) => [headers[i] || `#${i + 1}`, cellText(c ?? null)] as const).filter(([, v]) => v !== '');
      archived.push(
        new Map<string, Cell>([
          ['school_year', year],
          ['register', tabSpec(key).title[lang]],
          ['date', dateKey && dateOf(r, dateKey) ? new Date(`${dateOf(r, dateKey)}T00:00:00Z`) : null],
          ['iin', textOf(r, 'iin') || null],
          ['row_data', every.map(([h, v]) => `${h}: ${v}`).join('; ')],
          ['archived_on', new Date(`${today}T00:00:00Z`)],
        ]),
      );
    }
    // Every row under the header emptied (values only: the tab's formats and dropdowns stay for the new year).
    const width = Math.max(1, ...tab.rows.map((row) => row.length));
    const from = table.map.headerRow + 1;
    const blank = Array.from({ length: tab.rows.length - from }, () => new Array<Cell>(width).fill(null));
    if (blank.length) changes.push({ kind: 'writeCells', tab: { id: tab.id }, row: from, col: 0, values: blank });
  }
  return [...appendRegisterRows(registry, 'register_archive', archived), ...changes];
}
