// The Qamqor menu: one table of items, each naming the top-level function Apps Script calls and the
// action behind it. Adding an item ("Generate reports") is one line here plus one wrapper in
// entry-points.js, e.g. `function qamqorReports() { Qamqor.menu('qamqorReports'); }`.
import { readSettings } from '../domain/settings';
import type { Cell, TabData } from '../domain/sheet';
import { tabSpec, type Lang } from '../domain/template';
import type { GoogleServices } from './google-services';
import { showHelp } from './help';
import { say, ui } from './messages';
import { passportAction } from './passport-action';
import { showPlaceholders, showReportsSidebar } from './reports/sidebar';
import { runAction, type Action } from './run-action';
import { setupAction } from './setup-action';
import { validateAction } from './validate-action';
import { localeLang } from './workbook-lang';
import { archiveAction, newYearAction } from './year-actions';

export interface MenuItem {
  /** The top-level function of dist/Code.js the item calls. */
  functionName: string;
  label: Record<Lang, () => string>;
  /** A workbook action run under the lock, or a dialog that needs neither lock nor read. */
  run: { action: Action } | { dialog: (services: GoogleServices, lang: Lang) => void };
  /** A separator goes above the item. */
  separated?: boolean;
}

export const MENU: readonly MenuItem[] = [
  { functionName: 'qamqorSetup', label: ui.menuSetup, run: { action: setupAction } },
  { functionName: 'qamqorValidate', label: ui.menuValidate, run: { action: validateAction }, separated: true },
  { functionName: 'qamqorPassport', label: ui.menuPassport, run: { action: passportAction } },
  { functionName: 'qamqorReports', label: ui.menuReports, run: { dialog: showReportsSidebar }, separated: true },
  { functionName: 'qamqorPlaceholders', label: ui.menuPlaceholders, run: { dialog: showPlaceholders } },
  { functionName: 'qamqorArchive', label: ui.menuArchive, run: { action: archiveAction }, separated: true },
  { functionName: 'qamqorNewYear', label: ui.menuNewYear, run: { action: newYearAction } },
  { functionName: 'qamqorHelp', label: ui.menuHelp, run: { dialog: showHelp }, separated: true },
];

/** Rows of the settings tab that onOpen reads: enough for every entry of the layout and a title above. */
const SETTINGS_ROWS = 30;

/**
 * The menu's language: the settings tab's, else the spreadsheet's locale. onOpen runs as a simple trigger
 * (no authorization, 30 s): SpreadsheetApp only, a few calls.
 */
export function menuLang(services: GoogleServices): Lang {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const spec = tabSpec('settings');
  for (const title of [spec.title.kk, spec.title.ru]) {
    const sheet = spreadsheet.getSheetByName(title);
    if (!sheet) continue;
    try {
      const rows = sheet.getRange(`1:${SETTINGS_ROWS}`).getValues() as Cell[][];
      const tab: TabData = { id: String(sheet.getSheetId()), key: 'settings', title, rows: rows.map((r) => r.map((c) => (c === '' ? null : c))), formulas: [] };
      const language = readSettings(tab, 'kk').settings.values.language;
      if (language) return readSettings(tab, 'kk').settings.language;
    } catch {
      // A settings tab shorter than the rows read, or one whose header no longer reads: the locale decides.
    }
    break;
  }
  return localeLang(spreadsheet.getSpreadsheetLocale());
}

export function openMenu(services: GoogleServices): void {
  const lang = menuLang(services);
  const menu = services.SpreadsheetApp.getUi().createMenu(say(ui.menuTitle, lang));
  for (const item of MENU) {
    if (item.separated) menu.addSeparator();
    menu.addItem(item.label[lang](), item.functionName);
  }
  menu.addToUi();
}

export function runMenuItem(services: GoogleServices, functionName: string): void {
  const item = MENU.find((i) => i.functionName === functionName);
  if (!item) throw new Error(`no menu item calls ${functionName}`);
  if ('action' in item.run) runAction(services, item.run.action);
  else item.run.dialog(services, menuLang(services));
}
