// What the demo school's social pedagogue types before making the reports: the aid register and the plan's done marks,
// the report notes (seed 001's narrative, from sheets-template/sample-notes.json) and a profile job for the risk group.
import sampleNotes from '../../sheets-template/sample-notes.json';
import { cellText, fold } from '../domain/cells';
import type { Registry } from '../domain/registry/registry';
import { cellAt, dataRows, mapTable } from '../domain/table';
import { tabSpec } from '../domain/template';
import { demoAidChanges } from './aid-demo';
import { demoPlanChanges } from './plan-demo';
import type { WorkbookChange } from './workbook-port';

export function demoReportChanges(registry: Registry): WorkbookChange[] {
  // The aid register's year and the plan half done on the demo's day (src/app/aid-demo.ts, plan-demo.ts).
  const changes: WorkbookChange[] = [...demoAidChanges(registry), ...demoPlanChanges(registry)];
  const notesTab = registry.tabs.notes;
  if (notesTab) {
    const values: Record<string, string | number> = sampleNotes[registry.lang];
    const map = mapTable(notesTab, tabSpec('notes').columns);
    const valueCol = map.columns.get('value')!;
    for (const { row, cells } of dataRows(notesTab, map)) {
      const value = values[cellText(cellAt(cells, map, 'key'))];
      if (value !== undefined) changes.push({ kind: 'writeCells', tab: { id: notesTab.id }, row: row - 1, col: valueCol, values: [[value]] });
    }
  }
  const reportsTab = registry.tabs.reports;
  if (reportsTab) {
    const map = mapTable(reportsTab, tabSpec('reports').columns);
    for (const { row, cells } of dataRows(reportsTab, map)) {
      if (fold(cellText(cellAt(cells, map, 'template'))) !== 'profile') continue;
      // Profiles are for case management: the demo asks for them for the risk group only.
      changes.push({ kind: 'writeCells', tab: { id: reportsTab.id }, row: row - 1, col: map.columns.get('active')!, values: [[true]] });
      changes.push({ kind: 'writeCells', tab: { id: reportsTab.id }, row: row - 1, col: map.columns.get('filter')!, values: [['risk_group']] });
    }
  }
  return changes;
}
