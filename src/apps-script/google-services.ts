// The part of Google's services Qamqor uses, as narrow interfaces: the real globals are handed in by
// main.ts, the fakes of test/fakes/ implement the same shapes, and nothing else reaches for a global.
import type { SheetsSpreadsheet, SheetsRequest, BatchUpdateResponse } from './sheets-api';

/** The Sheets advanced service (REST API v4): one read and one write per action. */
export interface SheetsAdvanced {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: { fields?: string; includeGridData?: boolean; ranges?: string[] }): SheetsSpreadsheet;
    batchUpdate(resource: { requests: SheetsRequest[]; includeSpreadsheetInResponse?: boolean }, spreadsheetId: string): BatchUpdateResponse;
  };
}

export type CellValue = string | number | boolean | Date;

export interface GRange {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getSheet(): GSheet;
  getValues(): CellValue[][];
  setNotes(notes: (string | null)[][]): GRange;
}

export interface GSheet {
  getName(): string;
  getSheetId(): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): GRange;
  getRange(a1Notation: string): GRange;
}

export interface GMenu {
  addItem(caption: string, functionName: string): GMenu;
  addSeparator(): GMenu;
  addToUi(): void;
}

export interface GUi {
  createMenu(caption: string): GMenu;
  alert(title: string, prompt: string, buttons: unknown): unknown;
  showModalDialog(userInterface: unknown, title: string): void;
  ButtonSet: { OK: unknown; YES_NO: unknown };
  Button: { YES: unknown; NO: unknown; OK: unknown };
}

export interface GSpreadsheet {
  getId(): string;
  getName(): string;
  getSheetByName(name: string): GSheet | null;
  getSpreadsheetLocale(): string;
  toast(msg: string, title?: string, timeoutSeconds?: number): void;
  /** A copy of the whole workbook in the owner's Drive (the backup before a new school year). */
  copy(name: string): { getId(): string; getUrl(): string };
}

export interface SpreadsheetAppLike {
  getActiveSpreadsheet(): GSpreadsheet;
  getUi(): GUi;
}

export interface GLock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface LockServiceLike {
  getDocumentLock(): GLock | null;
}

export interface HtmlServiceLike {
  createHtmlOutput(html: string): { setWidth(w: number): unknown; setHeight(h: number): unknown };
}

/** Everything an action may use; onEdit and onOpen get by with SpreadsheetApp alone. */
export interface GoogleServices {
  SpreadsheetApp: SpreadsheetAppLike;
  Sheets?: SheetsAdvanced;
  LockService?: LockServiceLike;
  HtmlService?: HtmlServiceLike;
  /** The clock; a test pins it. */
  now?: () => Date;
}

/** The event of a simple onEdit trigger: only what Qamqor reads of it. */
export interface EditEvent {
  range: GRange;
  value?: unknown;
  oldValue?: unknown;
}
