// fakeGoogle({ ... }): the fake Google services as one object, composed from the modules of test/fakes/
// around one CallLog: Sheets and SpreadsheetApp (google-sheets.ts), Drive (google-drive.ts), Docs (google-docs-api.ts)
// and DocumentApp (google-docs.ts) over Drive's documents, Utilities, PropertiesService and Charts
// (google-utilities.ts), LockService and HtmlService here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoogleServices, HtmlOutput, HtmlServiceLike, LockServiceLike } from '../../src/apps-script/google-services';
import type { TabData } from '../../src/domain/sheet';
import { CallLog } from './call-log';
import { fakeDocumentApp } from './google-docs';
import { fakeDocs } from './google-docs-api';
import { FakeDrive } from './google-drive';
import { FakeSpreadsheetState, fakeSheets, fakeSpreadsheetApp, type UiScript } from './google-sheets';
import { fakeCharts, fakeUtilities, FakeProperties, type FakeChart } from './google-utilities';
import { latencyOf } from './latency';

export interface FakeGoogleOptions {
  tabs?: (Pick<TabData, 'title' | 'rows'> & Partial<Pick<TabData, 'key' | 'formulas'>>)[];
  locale?: string;
  timeZone?: string;
  /** Answers to alerts with buttons, in order. */
  answers?: string[];
  now?: Date;
  /**
   * 'modeled': the clock moves by the modeled latency of every call made (test/fakes/latency.ts), from `now`, so a
   * long run meets the time limit as it would in Apps Script; 'fixed' (the default): it stands at `now`.
   */
  clock?: 'fixed' | 'modeled';
}

/**
 * The document lock: held by one execution at a time; the end of an execution releases it, as in Apps Script. A
 * second execution's tryLock waits its whole timeout (the clock moves on) and gets false while the first holds it.
 */
export class FakeLock {
  holder: string | null = null;
  /** The execution the next tryLock speaks for. */
  execution = 'run-1';
  /** Milliseconds executions spent waiting for the lock. */
  waited = 0;

  constructor(
    private readonly log: CallLog,
    private readonly wait: (ms: number) => void = () => {},
  ) {}

  service(): LockServiceLike {
    return {
      getDocumentLock: () => ({
        tryLock: (timeoutInMillis: number) => {
          this.log.hit('Lock.tryLock');
          if (this.holder !== null && this.holder !== this.execution) {
            const ms = Math.max(0, Number(timeoutInMillis) || 0);
            this.waited += ms;
            this.wait(ms);
            return false;
          }
          this.holder = this.execution;
          return true;
        },
        releaseLock: () => {
          this.log.hit('Lock.releaseLock');
          if (this.holder === this.execution) this.holder = null;
        },
      }),
    };
  }
}

export function fakeHtmlService(): HtmlServiceLike {
  return {
    createHtmlOutput: (html: string) => {
      const output: HtmlOutput & { html: string; title: string } = {
        html,
        title: '',
        setWidth: () => output,
        setHeight: () => output,
        setTitle: (title: string) => {
          output.title = title;
          return output;
        },
      };
      return output;
    },
  };
}

/** The default report templates as the bundle carries them: base64 .docx by "name.lang". */
export function diskTemplates(nameLang: string): string | null {
  // From the repository, whether this file runs from test/fakes or bundled into dist/ (npm run bench).
  for (const dir of [join(__dirname, '../../sheets-template/reports'), join(process.cwd(), 'sheets-template/reports')]) {
    const file = join(dir, `${nameLang}.docx`);
    if (existsSync(file)) return readFileSync(file).toString('base64');
  }
  return null;
}

export type FakeGoogle = Required<
  Pick<GoogleServices, 'Sheets' | 'LockService' | 'HtmlService' | 'Docs' | 'DocumentApp' | 'Drive' | 'Utilities' | 'Charts' | 'PropertiesService' | 'Session' | 'templates'>
> & {
  SpreadsheetApp: ReturnType<typeof fakeSpreadsheetApp>;
  now: () => Date;
  log: CallLog;
  state: FakeSpreadsheetState;
  /** Spreadsheets the script created (the case file), by id. */
  spreadsheets: Map<string, FakeSpreadsheetState>;
  drive: FakeDrive;
  properties: FakeProperties;
  /** Charts drawn by the Charts service, in order. */
  charts: FakeChart[];
  lock: FakeLock;
  ui: UiScript;
  /** Ends the current execution: its lock goes, as when an Apps Script run returns. */
  endExecution(): void;
  /** Moves the clock on (to the next day, say). */
  advance(ms: number): void;
  /** The services alone, as main.ts would find them as globals. */
  globals(): Record<string, unknown>;
};

export function fakeGoogle(options: FakeGoogleOptions = {}): FakeGoogle {
  const log = new CallLog();
  const state = new FakeSpreadsheetState(log);
  if (options.locale) state.locale = options.locale;
  if (options.timeZone) state.timeZone = options.timeZone;
  for (const tab of options.tabs ?? []) state.seedTab(tab);
  const ui: UiScript = { answers: [...(options.answers ?? [])], alerts: [], dialogs: [], menus: [], sidebars: [] };
  let run = 1;
  const start = (options.now ?? new Date('2025-10-01T06:00:00Z')).getTime();
  let shift = 0;
  // The modeled clock adds up every call ever made, whatever CallLog.reset() does to the counts.
  let elapsed = 0;
  if (options.clock === 'modeled') log.listen((method) => (elapsed += latencyOf(method)));
  const now = () => new Date(start + shift + Math.round(elapsed * 1000));
  const lock = new FakeLock(log, (ms) => (shift += ms));
  // Drive's day, for the daily limit of documents: the calendar day in Kazakhstan (UTC+5).
  const drive = new FakeDrive(log, () => new Date(now().getTime() + 5 * 3_600_000).toISOString().slice(0, 10));
  const properties = new FakeProperties(log);
  // The person at the keyboard owns her user properties and what the script creates in her Drive.
  properties.user = () => state.user;
  drive.user = () => state.user;
  // Spreadsheets the script creates through Drive (the case file): a fresh one has Google's one empty sheet.
  const spreadsheets = new Map<string, FakeSpreadsheetState>();
  drive.onSpreadsheet = (file) => {
    const made = new FakeSpreadsheetState(log);
    made.id = file.id;
    made.title = file.name;
    made.owner = state.user;
    made.user = state.user;
    made.locale = state.locale;
    made.seedTab({ title: 'Sheet1', rows: [] });
    spreadsheets.set(file.id, made);
  };
  const charts: FakeChart[] = [];
  const google = {
    SpreadsheetApp: fakeSpreadsheetApp(state, ui),
    Sheets: fakeSheets(state, spreadsheets),
    LockService: lock.service(),
    HtmlService: fakeHtmlService(),
    Docs: fakeDocs(drive, log),
    DocumentApp: fakeDocumentApp(drive, log),
    Drive: drive.service(),
    // Utilities.sleep moves the fake clock: a retry's backoff is time the execution no longer has.
    Utilities: {
      ...fakeUtilities(log),
      sleep: (ms: number) => {
        log.hit('Utilities.sleep');
        shift += ms;
      },
    },
    // The user the script runs for is the state's `user` (the owner unless a test says otherwise).
    Session: {
      getActiveUser: () => {
        log.hit('Session.getActiveUser');
        return { getEmail: () => state.user };
      },
      getEffectiveUser: () => {
        log.hit('Session.getEffectiveUser');
        return { getEmail: () => state.user };
      },
    },
    Charts: fakeCharts(log, charts),
    PropertiesService: properties.service(),
    templates: diskTemplates,
    now,
    log,
    state,
    spreadsheets,
    drive,
    properties,
    charts,
    lock,
    ui,
    advance(ms: number) {
      shift += ms;
    },
    endExecution() {
      if (lock.holder === lock.execution) lock.holder = null;
      lock.execution = `run-${++run}`;
    },
    globals() {
      return {
        SpreadsheetApp: google.SpreadsheetApp, Sheets: google.Sheets, LockService: google.LockService, HtmlService: google.HtmlService,
        Docs: google.Docs, DocumentApp: google.DocumentApp, Drive: google.Drive, Utilities: google.Utilities, Charts: google.Charts, PropertiesService: google.PropertiesService,
        Session: google.Session,
      };
    },
  };
  return google;
}
