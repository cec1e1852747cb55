// fakeGoogle({ ... }): the fake Google services as one object, composed from the modules of test/fakes/
// around one CallLog. Later fakes (DriveApp, DocumentApp) add a field here and a module beside.
import type { GoogleServices, HtmlServiceLike, LockServiceLike } from '../../src/apps-script/google-services';
import type { TabData } from '../../src/domain/sheet';
import { CallLog } from './call-log';
import { FakeSpreadsheetState, fakeSheets, fakeSpreadsheetApp, type UiScript } from './google-sheets';

export interface FakeGoogleOptions {
  tabs?: (Pick<TabData, 'title' | 'rows'> & Partial<Pick<TabData, 'key' | 'formulas'>>)[];
  locale?: string;
  timeZone?: string;
  /** Answers to alerts with buttons, in order. */
  answers?: string[];
  now?: Date;
}

/** The document lock: held by one execution at a time; the end of an execution releases it, as in Apps Script. */
export class FakeLock {
  holder: string | null = null;
  /** The execution the next tryLock speaks for. */
  execution = 'run-1';

  constructor(private readonly log: CallLog) {}

  service(): LockServiceLike {
    return {
      getDocumentLock: () => ({
        tryLock: () => {
          this.log.hit('Lock.tryLock');
          if (this.holder !== null && this.holder !== this.execution) return false;
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
      const output = { html, setWidth: () => output, setHeight: () => output };
      return output;
    },
  };
}

export type FakeGoogle = Required<Pick<GoogleServices, 'Sheets' | 'LockService' | 'HtmlService'>> & {
  SpreadsheetApp: ReturnType<typeof fakeSpreadsheetApp>;
  now: () => Date;
  log: CallLog;
  state: FakeSpreadsheetState;
  lock: FakeLock;
  ui: UiScript;
  /** Ends the current execution: its lock goes, as when an Apps Script run returns. */
  endExecution(): void;
  /** The services alone, as main.ts would find them as globals. */
  globals(): Record<string, unknown>;
};

export function fakeGoogle(options: FakeGoogleOptions = {}): FakeGoogle {
  const log = new CallLog();
  const state = new FakeSpreadsheetState(log);
  if (options.locale) state.locale = options.locale;
  if (options.timeZone) state.timeZone = options.timeZone;
  for (const tab of options.tabs ?? []) state.seedTab(tab);
  const ui: UiScript = { answers: [...(options.answers ?? [])], alerts: [], dialogs: [], menus: [] };
  const lock = new FakeLock(log);
  let run = 1;
  const google = {
    SpreadsheetApp: fakeSpreadsheetApp(state, ui),
    Sheets: fakeSheets(state),
    LockService: lock.service(),
    HtmlService: fakeHtmlService(),
    now: () => options.now ?? new Date('2025-10-01T06:00:00Z'),
    log,
    state,
    lock,
    ui,
    endExecution() {
      if (lock.holder === lock.execution) lock.holder = null;
      lock.execution = `run-${++run}`;
    },
    globals() {
      return { SpreadsheetApp: google.SpreadsheetApp, Sheets: google.Sheets, LockService: google.LockService, HtmlService: google.HtmlService };
    },
  };
  return google;
}
