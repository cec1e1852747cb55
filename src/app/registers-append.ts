// Appending rows to a register tab in its columns, making the tab when the workbook has none: the one write every
// register shares (the CSV import, the movement dialog, the arrivals a pupils import logs).
import type { RegisterValue } from '../domain/registers/read';
import type { Registry } from '../domain/registry/registry';
import type { Cell } from '../domain/sheet';
import { tabSpec, type ColumnSpec, type TabKey } from '../domain/template';
import { completeHeader, newTab } from './setup';
import type { TabRef, WorkbookChange } from './workbook-port';

/**
 * Rows appended to a register tab, each value into its column wherever the pedagogue moved it; the tab is made
 * (header, formats, dropdowns) when the workbook has none, and its header completed when it lacks a column.
 */
export function appendRegisterRows(registry: Pick<Registry, 'tabs' | 'lang' | 'catalogue'>, key: TabKey, rows: readonly ReadonlyMap<string, Cell>[]): WorkbookChange[] {
  if (rows.length === 0) return [];
  const spec = tabSpec(key);
  const tab = registry.tabs[key];
  const lang = registry.lang;
  const changes: WorkbookChange[] = [];
  let positions: Map<string, number>;
  let ref: TabRef;
  if (tab) {
    const header = completeHeader(tab, spec.columns, lang, registry.catalogue);
    changes.push(...header.changes);
    positions = header.columns;
    ref = { id: tab.id };
  } else {
    changes.push(...newTab(key, spec.title[lang], spec.columns, lang, [], registry.catalogue));
    positions = new Map(spec.columns.map((c, i) => [c.key, i]));
    ref = { key };
  }
  const width = Math.max(...positions.values()) + 1;
  changes.push({
    kind: 'appendRows',
    tab: ref,
    values: rows.map((cells) => {
      const line: Cell[] = new Array(width).fill(null);
      for (const [k, cell] of cells) {
        const at = positions.get(k);
        if (at !== undefined) line[at] = cell;
      }
      return line;
    }),
  });
  return changes;
}

/** A value as the cell it becomes: a date as a date, a flag as a flag, a number as a number, the rest as text. */
export function cellOf(c: ColumnSpec, value: RegisterValue): Cell {
  if (c.type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}


/**
 * The arrivals of a pupils import logged in the movements tab: one `arrived` row per pupil whose `arrived_on` falls in
 * the school year (the pupils CSV's `arrived_on`, `arrived_from`).
 */
export function arrivalLogChanges(registry: Pick<Registry, 'tabs' | 'lang' | 'catalogue' | 'settings'>, arrivals: readonly { iin: string; fullName: string; className: string; arrivedOn: string; from: string }[]): WorkbookChange[] {
  const year = registry.settings.schoolYear;
  if (!year || arrivals.length === 0) return [];
  const from = `${year.start}-09-01`;
  const to = `${year.start + 1}-08-31`;
  const rows = arrivals
    .filter((a) => a.iin && a.arrivedOn > from && a.arrivedOn <= to)
    .map(
      (a) =>
        new Map<string, Cell>([
          ['date', new Date(`${a.arrivedOn}T00:00:00Z`)],
          ['iin', a.iin],
          ['full_name', a.fullName],
          ['kind', 'arrived'],
          ['class', a.className],
          ...(a.from ? ([['place', a.from]] as const) : []),
        ]),
    );
  return appendRegisterRows(registry, 'movements', rows);
}
