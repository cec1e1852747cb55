// The Google side of each action: calls that reach Google and the bytes its reads return, counted on the fake
// services at 1, 10 and 100 class tabs — on the workbook as set-up leaves it, then with 25 pupils a class — and the
// seconds they would take in Apps Script; and the reports: the calls of one document of each kind, and a whole
// school's run, with the documents one execution makes.
//
// The latency model is test/fakes/latency.ts (DESIGN.md's figures for Sheets, a lock, a toast, a menu: 0.3 s a
// get, 0.4 s a batchUpdate, 0.11 s a range read, 0.27 s a range write, 0.1 s any other call; Drive, DocumentApp
// and PropertiesService as documented there); plus the engine's own time as measured here in Node.
import { performance } from 'node:perf_hooks';
import { validateEdit } from '../src/apps-script/live-validation';
import { runMenuItem } from '../src/apps-script/menu';
import { reportsStep } from '../src/apps-script/reports/run';
import type { Cell } from '../src/domain/sheet';
import { tabSpec } from '../src/domain/template';
import { fakeGoogle, type FakeGoogle } from '../test/fakes/google';
import { modeledSeconds } from '../test/fakes/latency';
import { schoolData, schoolOf } from '../test/apps-script/school';
import { schoolBySetup, typePupils } from '../test/fakes/school-by-setup';
import type { BenchRow } from './engine';

export { modeledSeconds };

const TAB_COUNTS = [1, 10, 100];
const now = new Date('2025-10-01T06:00:00Z');


interface Measured {
  engineMs: number;
  byMethod: Record<string, number>;
  googleReadBytes: number;
}

/** One action as the pedagogue runs it from the menu (or onEdit, on a teacher's edit): its calls, bytes read and time. */
function measure(google: FakeGoogle, action: string): Measured {
  google.log.reset();
  const start = performance.now();
  if (action === 'onEdit') {
    const sheet = google.state.sheets.find((s) => s.metadata.some((m) => m.metadataValue?.startsWith('class:')))!;
    const range = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet.title)!.getRange(2, 3, 1, 1);
    google.log.reset();
    validateEdit({ range }, now, google);
  } else {
    runMenuItem(google, { setup: 'qamqorSetup', validate: 'qamqorValidate', passport: 'qamqorPassport' }[action]!);
  }
  // The fakes' own time (building a read's answer, applying a batch) is Google's, modeled by the latencies.
  const engineMs = Math.round((performance.now() - start - google.log.fakeMs) * 10) / 10;
  const result = { engineMs, byMethod: google.log.byMethod(), googleReadBytes: google.log.bytes() };
  google.endExecution();
  return result;
}

function row(action: string, pupils: number, tabs: number, m: Measured, detail?: string): BenchRow {
  const googleCalls = Object.values(m.byMethod).reduce((s, n) => s + n, 0);
  return { action, ...(detail ? { detail } : {}), pupils, tabs, engineMs: m.engineMs, googleCalls, modeledSeconds: modeledSeconds(m.byMethod, m.engineMs), googleReadBytes: m.googleReadBytes };
}

/**
 * Each school is made as a school makes it (test/fakes/school-by-setup.ts): a new spreadsheet, set-up, the settings
 * and the class list typed, set-up again — measured: it lays out the class tabs, typed columns formatted down to row
 * 1000 — then validate and passport on the workbook as set-up leaves it (no pupil yet), then the teachers type their
 * pupils and each action runs again.
 */
export function googleRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const classes of TAB_COUNTS) {
    const data = schoolOf(classes);
    const pupils = data.tabs.filter((t) => t.key?.startsWith('class:')).reduce((s, t) => s + t.rows.length - 1, 0);
    const google = schoolBySetup(data, { locale: 'kk_KZ', now, until: 'classes' });
    // The owner lays the class tabs out (only the owner may edit the protections the first set-up made, before the
    // settings named a pedagogue); the social pedagogue named there runs the menu from then on.
    rows.push(row('setup', 0, classes, measure(google, 'setup'), 'lays out the class tabs'));
    google.state.user = 'pedagogue@school.kz';
    for (const action of ['validate', 'passport']) rows.push(row(action, 0, classes, measure(google, action), 'as set-up leaves it'));
    typePupils(google, data);
    for (const action of ['setup', 'validate', 'passport', 'onEdit']) rows.push(row(action, pupils, classes, measure(google, action), action === 'setup' ? 'again, pupils typed in' : undefined));
  }
  rows.push(pastedBlock(500));
  return rows;
}

/** A class list of `size` rows pasted at once into one tab: onEdit checks them all within a simple trigger's 30 s. */
function pastedBlock(size: number): BenchRow {
  const full = schoolData(2500);
  const classTabs = full.tabs.filter((t) => t.key?.startsWith('class:'));
  const tab = { ...classTabs[0]!, rows: [classTabs[0]!.rows[0]!, ...classTabs.flatMap((t) => t.rows.slice(1)).slice(0, size)] };
  const google = fakeGoogle({ tabs: full.tabs.filter((t) => !t.key?.startsWith('class:')).concat(tab), locale: 'kk_KZ', now });
  const range = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab.title)!.getRange(2, 1, size, tab.rows[0]!.length);
  google.log.reset();
  const start = performance.now();
  validateEdit({ range }, now, google);
  const engineMs = Math.round((performance.now() - start) * 10) / 10;
  const byMethod = google.log.byMethod();
  const googleCalls = Object.values(byMethod).reduce((s, n) => s + n, 0);
  return { action: 'onEdit', detail: `a pasted block of ${size} rows`, pupils: size, tabs: 1, engineMs, googleCalls, modeledSeconds: modeledSeconds(byMethod, engineMs), googleReadBytes: google.log.bytes() };
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

/** Sets a column of the reports tab's job rows: `values` by sheet row (1-based), every other job inactive. */
function jobs(google: FakeGoogle, active: Record<number, Record<string, string | boolean>>): void {
  const title = tabSpec('reports').title.kk;
  const sheet = google.state.sheetByTitle(title)!;
  const rows = google.state.values(title) as Cell[][];
  const header = rows[0] as string[];
  const col = (key: string) => header.indexOf(tabSpec('reports').columns.find((c) => c.key === key)!.header.kk);
  for (let r = 2; r <= rows.length; r++) {
    const set = { active: false, ...(active[r] ?? {}) };
    for (const [key, value] of Object.entries(set)) {
      sheet.cells.set(`${r - 1},${col(key)}`, { value: typeof value === 'boolean' ? { boolValue: value } : { stringValue: value } });
    }
  }
}

/** Steps until the run is done, as the sidebar takes them; calls and Node time of all of them, documents per step. */
function runReports(google: FakeGoogle): { byMethod: Record<string, number>; engineMs: number; steps: number; documents: number; perStep: number[]; readBytes: number } {
  google.log.reset();
  const start = performance.now();
  const perStep: number[] = [];
  let documents = 0;
  for (;;) {
    const p = reportsStep(google);
    google.endExecution();
    perStep.push(p.made - documents);
    documents = p.made;
    if (p.stopped !== 'time' || perStep.length > 100) break;
  }
  const engineMs = Math.round((performance.now() - start - google.log.fakeMs) * 10) / 10;
  return { byMethod: google.log.byMethod(), engineMs, steps: perStep.length, documents, perStep, readBytes: google.log.bytes() };
}

/** A reports row: a document kind's cost, or a whole school's run, and how many documents one execution makes. */
export interface ReportsRow extends BenchRow {
  /** Documents one execution makes within its budget (4.5 of Apps Script's 6 minutes for starting documents). */
  documentsPerExecution?: number;
}

/** Sheet rows of the starter jobs (sheets-template/layout.json). */
/** Sheet rows of the reports tab's starter jobs, found by template or list (row 2 is the first job). */
function jobRow(find: (job: Record<string, unknown>) => boolean): number {
  return tabSpec('reports').starterRows.findIndex(find) + 2;
}
const JOB = {
  annual: jobRow((j) => j.template === 'annual-report'),
  schoolPassport: jobRow((j) => j.template === 'school-passport'),
  classes: jobRow((j) => j.template === 'class-passport'),
  specialNeeds: jobRow((j) => j.filter === 'special_needs'),
  profiles: jobRow((j) => j.template === 'profile'),
} as const;
/** What a step spends on starting documents (src/apps-script/reports/run.ts): the rest of the 6 minutes is margin. */
const STEP_BUDGET_S = 270;
/** The calls one document costs: its copy, its batch, its pictures and PDF, what it replaces; not what an execution reads once. */
const PER_DOCUMENT = /^(Drive\.Files\.(copy|update|export|create)|Docs\.Documents\.batchUpdate|DocumentApp\.|Document\.|Body\.|HeaderSection\.|FooterSection\.|Paragraph\.|ListItem\.|InlineImage\.)/;

/**
 * One document of a kind in a 100-class school (2,500 pupils), as a re-run makes it (templates and folders there, the
 * previous document to replace): its calls, and the Node time of a step making it less that of a step making none.
 */
function perDocument(kind: string, active: (google: FakeGoogle) => Record<number, Record<string, string | boolean>>): ReportsRow {
  // Without the demo's deliberate mistakes: documents to sign are made only over a registry without errors.
  const data = schoolOf(100, false);
  const google = schoolBySetup(data, { locale: 'kk_KZ', now, clock: 'modeled' });
  jobs(google, active(google));
  runReports(google);
  // Each run remakes the document (a finished run starts over): the middle of three, against the middle of three
  // runs making nothing, so that the reading of the workbook both do cancels out.
  const middle = (runs: ReturnType<typeof runReports>[]) => [...runs].sort((a, b) => a.engineMs - b.engineMs)[1]!;
  const made = middle([runReports(google), runReports(google), runReports(google)]);
  jobs(google, {});
  const idle = middle([runReports(google), runReports(google), runReports(google)]);
  const byMethod = Object.fromEntries(Object.entries(made.byMethod).filter(([m]) => PER_DOCUMENT.test(m)));
  const engineMs = Math.max(0, Math.round((made.engineMs - idle.engineMs) * 10) / 10);
  const googleCalls = Object.values(byMethod).reduce((s, n) => s + n, 0);
  const seconds = modeledSeconds(byMethod, engineMs);
  const pupils = data.tabs.filter((t) => t.key?.startsWith('class:')).reduce((s, t) => s + t.rows.length - 1, 0);
  return {
    action: 'reports', detail: `${kind}, per document (${Math.floor(STEP_BUDGET_S / seconds)} an execution)`, pupils, tabs: 100, engineMs, googleCalls,
    modeledSeconds: seconds, googleReadBytes: 0, documents: made.documents, documentsPerExecution: Math.floor(STEP_BUDGET_S / seconds),
  };
}

function firstClass(google: FakeGoogle): string {
  return google.state.sheets.map((s) => s.metadata.find((m) => m.metadataValue?.startsWith('class:'))?.metadataValue).find(Boolean)!.slice('class:'.length);
}

function aPupil(google: FakeGoogle): string {
  const tab = google.state.sheets.find((s) => s.metadata.some((m) => m.metadataValue?.startsWith('class:')))!;
  const iin = (google.state.values(tab.title)[0] as string[]).indexOf('ЖСН');
  return String(google.state.values(tab.title)[1]![iin]);
}

/** A whole school's first run of the default jobs (templates converted, folders made): all of it, step after step. */
function wholeSchool(classes: number): ReportsRow {
  const data = schoolOf(classes, false);
  const google = schoolBySetup(data, { locale: 'kk_KZ', now, clock: 'modeled' });
  const run = runReports(google);
  const pupils = data.tabs.filter((t) => t.key?.startsWith('class:')).reduce((s, t) => s + t.rows.length - 1, 0);
  const googleCalls = Object.values(run.byMethod).reduce((s, n) => s + n, 0);
  const documentsPerExecution = Math.max(...run.perStep);
  return {
    action: 'reports', detail: `whole school, ${run.documents} documents in ${run.steps} steps (up to ${documentsPerExecution} an execution)`, pupils, tabs: classes,
    engineMs: run.engineMs, googleCalls, modeledSeconds: modeledSeconds(run.byMethod, run.engineMs), googleReadBytes: run.readBytes, documents: run.documents, steps: run.steps,
    documentsPerExecution,
  };
}

export function reportsRows(): ReportsRow[] {
  return [
    perDocument('class passport', (g) => ({ [JOB.classes]: { active: true, filter: firstClass(g) } })),
    perDocument('class passport + PDF', (g) => ({ [JOB.classes]: { active: true, filter: firstClass(g), pdf: true } })),
    perDocument('list', () => ({ [JOB.specialNeeds]: { active: true } })),
    perDocument('pupil profile', (g) => ({ [JOB.profiles]: { active: true, filter: aPupil(g) } })),
    perDocument('school passport', () => ({ [JOB.schoolPassport]: { active: true } })),
    perDocument('annual report, with its charts', () => ({ [JOB.annual]: { active: true } })),
    wholeSchool(100),
  ];
}
