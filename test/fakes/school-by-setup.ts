// A school's workbook made the way a school really gets it: a new spreadsheet, Qamqor's set-up, the pedagogue's
// settings and class list typed in, set-up again (class tabs with their typed columns formatted down to row 1000,
// validations, protections), then the teachers typing their pupils. What the bench and the byte counts run on.
import { runMenuItem } from '../../src/apps-script/menu';
import { TAB_KEY } from '../../src/apps-script/google-workbook';
import { cellText } from '../../src/domain/cells';
import type { Cell, WorkbookData } from '../../src/domain/sheet';
import { fakeGoogle, type FakeGoogle, type FakeGoogleOptions } from './google';
import { key } from './sheets-cells';

/**
 * `school` says what is typed: its settings tab (school year, name, pedagogue's e-mail), its classes tab, and its
 * class tabs' pupils (by header, so the columns land where set-up put them). `until` stops early: 'classes' before
 * the set-up that lays out the class tabs, 'setup' after it — the workbook as set-up leaves it, no pupil yet.
 */
export function schoolBySetup(school: WorkbookData, options: FakeGoogleOptions & { until?: 'classes' | 'setup' } = {}): FakeGoogle {
  const { until, ...rest } = options;
  const google = fakeGoogle({ locale: 'kk_KZ', ...rest, tabs: [{ title: 'Sheet1', rows: [] }] });
  const run = (fn: string) => {
    runMenuItem(google, fn);
    google.endExecution();
  };
  run('qamqorSetup');
  const typeByKey = (tabKey: string, rows: Cell[][], match: (typed: Cell[], existing: Cell[]) => boolean) => {
    const sheet = sheetKeyed(google, tabKey);
    const existing = google.state.values(sheet.title) as Cell[][];
    rows.slice(1).forEach((line, i) => {
      const at = existing.findIndex((e, r) => r > 0 && match(line, e));
      google.state.type(sheet.title, at > 0 ? at : i + 1, 0, [line]);
    });
  };
  const settings = school.tabs.find((t) => t.key === 'settings');
  if (settings) typeByKey('settings', settings.rows, (typed, existing) => cellText(typed[0] ?? null) === cellText(existing[0] ?? null));
  const classes = school.tabs.find((t) => t.key === 'classes');
  if (classes) typeByKey('classes', classes.rows, () => false);
  if (until !== 'classes') run('qamqorSetup');
  if (until === undefined) typePupils(google, school);
  google.log.reset();
  return google;
}

/** The teachers type their pupils into the class tabs set-up made, each value under its header. */
export function typePupils(google: FakeGoogle, school: WorkbookData): void {
  for (const tab of school.tabs.filter((t) => t.key?.startsWith('class:'))) {
    const sheet = sheetKeyed(google, tab.key!);
    const header = (google.state.values(sheet.title)[0] ?? []).map((h) => cellText(h as Cell));
    const columns = (tab.rows[0] ?? []).map((h) => header.indexOf(cellText(h)));
    const rows = tab.rows.slice(1).map((line) => {
      const out: Cell[] = Array.from({ length: header.length }, () => null);
      line.forEach((v, j) => {
        if (columns[j]! >= 0) out[columns[j]!] = v;
      });
      return out;
    });
    google.state.type(sheet.title, 1, 0, rows);
  }
}

function sheetKeyed(google: FakeGoogle, tabKey: string) {
  const sheet = google.state.sheets.find((s) => s.metadata.some((m) => m.metadataKey === TAB_KEY && m.metadataValue === tabKey));
  if (!sheet) throw new Error(`set-up made no tab "${tabKey}"`);
  return sheet;
}

/** How many cells of the workbook carry a format but no value: what a read asking for formats brings back. */
export function formattedEmptyCells(google: FakeGoogle): number {
  let n = 0;
  for (const sheet of google.state.sheets) {
    const seen = new Set<string>();
    for (const l of sheet.layers) {
      if (l.value === null) continue;
      for (let r = l.top; r < l.bottom; r++) for (let c = l.left; c < l.right; c++) if (!sheet.cells.get(key(r, c))?.value) seen.add(key(r, c));
    }
    n += seen.size;
  }
  return n;
}
