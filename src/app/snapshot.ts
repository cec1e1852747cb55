// Archiving this year's passport inside the workbook, so that next year's dynamics need nothing else.
// A second snapshot of the same year replaces the first; other years' rows are kept as they are.
import { readPassportArchive, passportArchiveRows } from '../domain/passport/archive';
import type { Passport } from '../domain/passport/passport';
import type { Registry } from '../domain/registry/registry';
import type { Cell } from '../domain/sheet';
import { findHeader } from '../domain/table';
import { tabSpec } from '../domain/template';
import { headerRow } from './setup';
import type { WorkbookChange } from './workbook-port';

export interface SnapshotPlan {
  changes: WorkbookChange[];
  /** True when this year was archived before and has been replaced. */
  replaced: boolean;
}

export function planSnapshot(registry: Registry, passport: Passport, today: Date): SnapshotPlan {
  const spec = tabSpec('passport_archive');
  const tab = registry.tabs.passport_archive;
  const fresh = passportArchiveRows(passport, today.toISOString().slice(0, 10));
  if (!tab) {
    return {
      replaced: false,
      changes: [
        { kind: 'addTab', key: spec.key, title: spec.title[registry.lang] },
        { kind: 'replaceRows', tab: { key: spec.key }, values: [headerRow(spec.columns, registry.lang), ...fresh] },
      ],
    };
  }
  const thisYear = new Set(readPassportArchive(tab).get(passport.schoolYear)?.rows ?? []);
  const headerAt = findHeader(tab, spec.columns)?.headerRow ?? 0;
  const kept: Cell[][] = tab.rows.filter((_, i) => i <= headerAt || !thisYear.has(i + 1));
  return { replaced: thisYear.size > 0, changes: [{ kind: 'replaceRows', tab: { id: tab.id }, values: [...kept, ...fresh] }] };
}
