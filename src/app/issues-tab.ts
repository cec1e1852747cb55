// The issues tab: every problem validation found, a row each, in the registry's language. Written by "Validate
// everything" in Sheets (which adds a link to each cell) and by `qamqor validate --write` offline.
import { words } from '../domain/i18n';
import type { Registry } from '../domain/registry/registry';
import type { Cell } from '../domain/sheet';
import { classColumns, tabSpec, type Lang } from '../domain/template';
import type { Issue } from '../domain/registry/validate';
import type { WorkbookChange } from './workbook-port';

const ISSUES_KEY = 'issues';

/** The header and one row per issue, in the order of `issues`: row i + 1 is issue i. */
export function issueRows(registry: Registry, issues: readonly Issue[], lang: Lang): Cell[][] {
  const spec = tabSpec('issues');
  const headers = new Map(classColumns(registry.catalogue).map((c) => [c.key, c.header[lang]]));
  const rows: Cell[][] = [spec.columns.map((c) => c.header[lang])];
  for (const issue of issues) {
    const values: Record<string, Cell> = {
      severity: issue.severity === 'error' ? words.error[lang] : words.warning[lang],
      class: issue.class ?? issue.tab,
      row: issue.row,
      column: issue.column ? headers.get(issue.column) ?? issue.column : '',
      full_name: issue.full_name ?? '',
      message: issue.message,
      code: issue.code,
    };
    rows.push(spec.columns.map((c) => values[c.key] ?? ''));
  }
  return rows;
}

/** The issues tab made (when the registry has none) and filled anew with `rows`. */
export function writeIssues(registry: Registry, rows: Cell[][], lang: Lang): { tab: { id: string } | { key: string }; changes: WorkbookChange[] } {
  const existing = registry.tabs.issues;
  const tab = existing ? { id: existing.id } : { key: ISSUES_KEY };
  const changes: WorkbookChange[] = existing ? [] : [{ kind: 'addTab', key: ISSUES_KEY, title: tabSpec('issues').title[lang] }];
  changes.push({ kind: 'replaceRows', tab, values: rows });
  return { tab, changes };
}
