// The part of Google's services Qamqor uses, as narrow interfaces: the real globals are handed in by
// main.ts, the fakes of test/fakes/ implement the same shapes, and nothing else reaches for a global.
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import type { drive_v3 } from 'googleapis/build/src/apis/drive';
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
  getNotes(): string[][];
  setNotes(notes: (string | null)[][]): GRange;
}

export interface GSheet {
  getName(): string;
  getSheetId(): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): GRange;
  getRange(a1Notation: string): GRange;
  /** From A1 to the last row and column holding a value (a 1×1 range on an empty sheet). */
  getDataRange(): GRange;
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
  showSidebar(userInterface: unknown): void;
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
  /** The owner, who may always edit everything; null for a workbook in a shared drive. */
  getOwner(): GUser | null;
}

export interface GUser {
  /** '' when Google does not tell (a simple trigger run by someone outside the owner's domain). */
  getEmail(): string;
}

/** Who runs the script: the active user (the person at the keyboard) and the effective one (whose rights it uses). */
export interface SessionLike {
  getActiveUser(): GUser;
  getEffectiveUser(): GUser;
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

export interface HtmlOutput {
  setWidth(w: number): HtmlOutput;
  setHeight(h: number): HtmlOutput;
  setTitle(title: string): HtmlOutput;
}

export interface HtmlServiceLike {
  createHtmlOutput(html: string): HtmlOutput;
}

/** Everything an action may use; onEdit and onOpen get by with SpreadsheetApp alone. */
export interface GoogleServices {
  SpreadsheetApp: SpreadsheetAppLike;
  Sheets?: SheetsAdvanced;
  LockService?: LockServiceLike;
  HtmlService?: HtmlServiceLike;
  /** Reports: templates read and copies filled through the Docs advanced service (v1), pictures put in with DocumentApp, files handled by the Drive advanced service (v3). */
  Docs?: DocsAdvanced;
  DocumentApp?: DocumentAppLike;
  Drive?: DriveAdvanced;
  Utilities?: UtilitiesLike;
  Charts?: ChartsLike;
  PropertiesService?: PropertiesServiceLike;
  /** The default report templates as base64 .docx by "name.lang" (bundled by the build; read from disk by tests). */
  templates?: (nameLang: string) => string | null;
  /** Who runs the script (needs the userinfo.email scope, hence absent from a simple trigger's view). */
  Session?: SessionLike;
  /** Where failures are logged (Apps Script's console, kept in the executions log); a test listens. */
  console?: { error(...data: unknown[]): void };
  /** The clock; a test pins it. */
  now?: () => Date;
}

/** The event of a simple onEdit trigger: only what Qamqor reads of it. */
export interface EditEvent {
  range: GRange;
  value?: unknown;
  oldValue?: unknown;
}

// ---------------------------------------------------------------------------------------------------------------
// Reports: Drive, Docs, DocumentApp, Utilities, Charts, PropertiesService (only what the reports renderer calls).

/** A Blob: bytes are Java's signed bytes (-128…127). */
export interface GBlob {
  getBytes(): number[];
  getContentType(): string | null;
  getName(): string | null;
  setName(name: string): GBlob;
}

export interface UtilitiesLike {
  newBlob(data: number[], contentType?: string, name?: string): GBlob;
  base64Decode(encoded: string): number[];
  formatDate(date: Date, timeZone: string, format: string): string;
  /** Waits (a retry's backoff); optional so that a fake without a clock still fits. */
  sleep?(milliseconds: number): void;
}

/**
 * A Drive API v3 file resource, Google's own type (googleapis' drive_v3); `appProperties` (private to Qamqor: which
 * workbook and which document a file was made for) narrowed to what Drive stores, strings.
 */
export interface DriveFile extends drive_v3.Schema$File {
  appProperties?: Record<string, string> | null;
}

/** The Drive advanced service (REST API v3): it honours the drive.file scope and converts .docx into Google Docs. */
export interface DriveAdvanced {
  Files: {
    create(resource: DriveFile, mediaData?: GBlob, optionalArgs?: { fields?: string }): DriveFile;
    copy(resource: DriveFile, fileId: string, optionalArgs?: { fields?: string }): DriveFile;
    get(fileId: string, optionalArgs?: { fields?: string }): DriveFile;
    list(optionalArgs: { q: string; fields?: string; pageSize?: number; pageToken?: string }): { files?: DriveFile[]; nextPageToken?: string };
    update(resource: DriveFile, fileId: string, mediaData?: GBlob, optionalArgs?: { fields?: string }): DriveFile;
    /** A Google Doc's content in another format (a PDF); without alt 'media' the service refuses to return it. */
    export(fileId: string, mimeType: string, optionalArgs: { alt: 'media' }): GBlob;
  };
}

/**
 * The Docs advanced service (REST API v1): a template is read once per execution (`get`), each copy filled with one
 * `batchUpdate`; requests and answers are Google's own types (googleapis' docs_v1).
 */
export interface DocsAdvanced {
  Documents: {
    get(documentId: string, optionalArgs?: { fields?: string }): docs_v1.Schema$Document;
    batchUpdate(resource: docs_v1.Schema$BatchUpdateDocumentRequest, documentId: string): docs_v1.Schema$BatchUpdateDocumentResponse;
  };
}

/** DocumentApp.ElementType values are opaque enum objects: compared by identity with the service's own. */
export type GElementType = unknown;

export interface GElement {
  getType(): GElementType;
  asParagraph(): GParagraph;
  asListItem(): GParagraph;
  asTable(): GTable;
}

export interface GContainer {
  getNumChildren(): number;
  getChild(childIndex: number): GElement;
}

export interface GSection extends GContainer {
  appendParagraph(paragraph: GParagraph): GParagraph;
  appendListItem(listItem: GParagraph): GParagraph;
  appendTable(table: GTable): GTable;
  /** Every paragraph and list item of the section, those in tables included, in reading order. */
  getParagraphs(): GParagraph[];
}

export interface GBody extends GSection {
  getPageWidth(): number;
  getPageHeight(): number;
  getMarginLeft(): number;
  getMarginRight(): number;
  getMarginTop(): number;
  getMarginBottom(): number;
  setPageWidth(v: number): GBody;
  setPageHeight(v: number): GBody;
  setMarginLeft(v: number): GBody;
  setMarginRight(v: number): GBody;
  setMarginTop(v: number): GBody;
  setMarginBottom(v: number): GBody;
}

/** A Paragraph or a ListItem: Qamqor uses only what the two share. */
export interface GParagraph {
  appendInlineImage(image: GBlob): GInlineImage;
  removeFromParent(): unknown;
  copy(): GParagraph;
}

export interface GTable {
  copy(): GTable;
}

export interface GInlineImage {
  setWidth(width: number): GInlineImage;
  setHeight(height: number): GInlineImage;
}

/** DocumentApp: pictures into a filled copy, and a person's template imported into one of Qamqor's Docs. */
export interface GDocument {
  getName(): string;
  getBody(): GBody;
  getHeader(): GSection | null;
  getFooter(): GSection | null;
  addHeader(): GSection;
  addFooter(): GSection;
  saveAndClose(): void;
}

export interface DocumentAppLike {
  openById(id: string): GDocument;
  ElementType: {
    PARAGRAPH: GElementType;
    LIST_ITEM: GElementType;
    TABLE: GElementType;
  };
}

export interface GProperties {
  getProperties(): Record<string, string>;
  getProperty(key: string): string | null;
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): GProperties;
  deleteProperty(key: string): GProperties;
}

export interface PropertiesServiceLike {
  getDocumentProperties(): GProperties;
}

export interface GDataTableBuilder {
  addColumn(type: unknown, label: string): GDataTableBuilder;
  addRow(values: (string | number)[]): GDataTableBuilder;
  build(): unknown;
}

export interface GBarChartBuilder {
  setDataTable(table: unknown): GBarChartBuilder;
  setTitle(title: string): GBarChartBuilder;
  setColors(colors: string[]): GBarChartBuilder;
  setDimensions(width: number, height: number): GBarChartBuilder;
  setLegendPosition(position: unknown): GBarChartBuilder;
  setStacked(): GBarChartBuilder;
  build(): { getAs(contentType: string): GBlob };
}

/** The Charts service: charts drawn server-side from data, no scope needed. */
export interface ChartsLike {
  newDataTable(): GDataTableBuilder;
  newBarChart(): GBarChartBuilder;
  ColumnType: { STRING: unknown; NUMBER: unknown };
  Position: { BOTTOM: unknown; NONE: unknown };
}
