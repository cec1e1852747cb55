// The seconds each call to Google is assumed to take in Apps Script: the model behind bench/results.json's
// modeledSeconds and behind the fake clock that lets tests run into the 6-minute limit.
//
// Sheets and SpreadsheetApp figures are DESIGN.md's ("Apps Script, as it really is"). A document made from a
// template costs about 4 s there, the Drive copy dominating: copy 2 s, then the filling — one Docs API batchUpdate,
// taken as 1 s whatever its size, a read of a template 0.5 s; pictures through DocumentApp add open 0.5 s and save
// 0.5 s; a PDF adds about 3 s (export 2 s, upload 1 s). DocumentApp's calls on elements work on the document the
// script has open and are taken as 10 ms each. The Docs API and element figures are assumptions to be measured on a
// real account (see docs/reports-google.md). Builders, Blobs and Utilities are in-process: no cost.
export const LATENCY: Record<string, number> = {
  'Sheets.Spreadsheets.get': 0.3,
  'Sheets.Spreadsheets.batchUpdate': 0.4,
  'Range.getValues': 0.11,
  'Range.setNotes': 0.27,
  'Drive.Files.copy': 2,
  'Drive.Files.create': 1,
  'Drive.Files.get': 0.3,
  'Drive.Files.list': 0.3,
  'Drive.Files.update': 0.3,
  'Drive.Files.export': 2,
  'Docs.Documents.get': 0.5,
  'Docs.Documents.batchUpdate': 1,
  'DocumentApp.openById': 0.5,
  'Document.saveAndClose': 0.5,
  'Chart.getAs': 1,
  'Properties.getProperties': 0.05,
  'Properties.getProperty': 0.05,
  'Properties.setProperties': 0.05,
  'Properties.deleteProperty': 0.05,
};

/** DocumentApp's calls on a document's elements: Body.getChild, Paragraph.appendInlineImage, Table.copy… */
export const ELEMENT_CALL = 0.01;
/** Any other call that reaches Google (a lock, a toast, a menu, a sidebar). */
export const OTHER_CALL = 0.1;

const ELEMENT_CLASSES = /^(Document|Body|HeaderSection|FooterSection|Paragraph|ListItem|Table|Element|InlineImage)\./;
const FREE = /^(Utilities|Blob|Charts|DataTableBuilder|BarChartBuilder)\./;

/** Builders, Blobs and Utilities run inside the script: counted by the log, yet no call reaches Google. */
export function inProcess(method: string): boolean {
  return FREE.test(method);
}

export function latencyOf(method: string): number {
  return LATENCY[method] ?? (inProcess(method) ? 0 : ELEMENT_CLASSES.test(method) ? ELEMENT_CALL : OTHER_CALL);
}

/** Seconds the calls would take, plus the engine's own time. */
export function modeledSeconds(byMethod: Record<string, number>, engineMs = 0): number {
  const calls = Object.entries(byMethod).reduce((s, [m, n]) => s + n * latencyOf(m), 0);
  return Math.round((calls + engineMs / 1000) * 10) / 10;
}
