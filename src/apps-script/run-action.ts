// One menu action as Apps Script runs it: the document lock first, one read, the action, one write, a toast.
// A problem a person can fix (a missing column) is said in the workbook's language; nothing personal is logged.
import { RegistryError } from '../domain/i18n';
import type { WorkbookData } from '../domain/sheet';
import type { Lang } from '../domain/template';
import type { GoogleServices, GSpreadsheet, GUi } from './google-services';
import { GoogleWorkbook } from './google-workbook';
import { say, ui } from './messages';
import { localeLang, workbookLang } from './workbook-lang';

export interface ActionContext {
  services: GoogleServices;
  spreadsheet: GSpreadsheet;
  ui: GUi;
  workbook: GoogleWorkbook;
  /** The workbook as read once, under the lock. */
  data: WorkbookData;
  lang: Lang;
  now: Date;
}

/** An action returns the toast that reports what it did. */
export type Action = (ctx: ActionContext) => string;

/** How long a second action waits for the first before it says the workbook is busy. */
const LOCK_WAIT_MS = 5_000;

export function runAction(services: GoogleServices, action: Action): void {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const gui = services.SpreadsheetApp.getUi();
  if (!services.Sheets) {
    gui.alert('Qamqor', `${ui.noSheetsService.kk()}\n\n${ui.noSheetsService.ru()}`, gui.ButtonSet.OK);
    return;
  }
  // Held to the end of the run: Apps Script releases it when the script returns, which saves a call.
  const lock = services.LockService?.getDocumentLock() ?? null;
  if (lock && !lock.tryLock(LOCK_WAIT_MS)) {
    const lang = localeLang(spreadsheet.getSpreadsheetLocale());
    spreadsheet.toast(say(ui.busy, lang), 'Qamqor', 10);
    return;
  }
  const workbook = new GoogleWorkbook(services.Sheets, spreadsheet.getId());
  const data = workbook.read();
  const lang = workbookLang(data, workbook.locale);
  const now = services.now ? services.now() : new Date();
  let message: string;
  try {
    message = action({ services, spreadsheet, ui: gui, workbook, data, lang, now });
  } catch (e) {
    if (e instanceof RegistryError) {
      gui.alert('Qamqor', say(ui.failed, lang, { reason: e.text(e.lang ?? lang) }), gui.ButtonSet.OK);
      return;
    }
    throw e;
  }
  if (message) spreadsheet.toast(message, 'Qamqor', 10);
}
