// The Google side of each action: calls that reach Google, counted on the fake services, at 1, 10 and
// 100 class tabs (25 pupils a class), and the seconds they would take in Apps Script.
//
// The latency model (DESIGN.md, "Apps Script, as it really is"): Sheets.Spreadsheets.get 0.3 s (one
// batchGet-sized read), Sheets.Spreadsheets.batchUpdate 0.4 s, a SpreadsheetApp range write 0.27 s
// (100 written in a loop take 27 s), a range read 0.11 s (100 in a loop take 11 s), any other call (lock,
// toast, menu, sheet lookup) 0.1 s; plus the engine's own time as measured here in Node.
import { performance } from 'node:perf_hooks';
import { validateEdit } from '../src/apps-script/live-validation';
import { runMenuItem } from '../src/apps-script/menu';
import type { TabData, WorkbookData } from '../src/domain/sheet';
import { fakeGoogle } from '../test/fakes/google';
import { schoolData } from '../test/apps-script/school';
import type { BenchRow } from './engine';

const LATENCY: Record<string, number> = {
  'Sheets.Spreadsheets.get': 0.3,
  'Sheets.Spreadsheets.batchUpdate': 0.4,
  'Range.getValues': 0.11,
  'Range.setNotes': 0.27,
};
const OTHER_CALL = 0.1;
const TAB_COUNTS = [1, 10, 100];
const now = new Date('2025-10-01T06:00:00Z');

export function modeledSeconds(byMethod: Record<string, number>, engineMs: number): number {
  const calls = Object.entries(byMethod).reduce((s, [m, n]) => s + n * (LATENCY[m] ?? OTHER_CALL), 0);
  return Math.round((calls + engineMs / 1000) * 10) / 10;
}

/** The 2,500-pupil school cut down to its first `classes` class tabs, the classes tab listing only those. */
function schoolOf(classes: number): WorkbookData {
  const full = schoolData(2500);
  const classTabs = full.tabs.filter((t) => t.key?.startsWith('class:')).slice(0, classes);
  const names = new Set(classTabs.map((t) => t.key!.slice('class:'.length)));
  const tabs: TabData[] = full.tabs
    .filter((t) => !t.key?.startsWith('class:') || classTabs.includes(t))
    .map((t) => (t.key === 'classes' ? { ...t, rows: t.rows.filter((r, i) => i === 0 || names.has(String(r[0]))) } : t));
  return { tabs };
}

function measure(data: WorkbookData, action: string): { engineMs: number; byMethod: Record<string, number> } {
  const google = fakeGoogle({ tabs: data.tabs, locale: 'kk_KZ', now });
  // Set up once first, as a school would have: the other actions then run on a protected registry.
  if (action !== 'setup') {
    runMenuItem(google, 'qamqorSetup');
    google.endExecution();
  }
  google.log.reset();
  const start = performance.now();
  if (action === 'onEdit') {
    const tab = data.tabs.find((t) => t.key?.startsWith('class:'))!;
    const range = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab.title)!.getRange(2, 3, 1, 1);
    google.log.reset();
    validateEdit({ range }, now);
  } else {
    runMenuItem(google, { setup: 'qamqorSetup', validate: 'qamqorValidate', passport: 'qamqorPassport' }[action]!);
  }
  const engineMs = Math.round((performance.now() - start) * 10) / 10;
  return { engineMs, byMethod: google.log.byMethod() };
}

export function googleRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const classes of TAB_COUNTS) {
    const data = schoolOf(classes);
    const pupils = data.tabs.filter((t) => t.key?.startsWith('class:')).reduce((s, t) => s + t.rows.length - 1, 0);
    for (const action of ['setup', 'validate', 'passport', 'onEdit']) {
      const { engineMs, byMethod } = measure(data, action);
      const googleCalls = Object.values(byMethod).reduce((s, n) => s + n, 0);
      rows.push({ action, pupils, tabs: classes, engineMs, googleCalls, modeledSeconds: modeledSeconds(byMethod, engineMs) });
    }
  }
  return rows;
}
