// The Qamqor menu: one table of items, each naming the top-level function Apps Script calls, the action behind it
// and who may run it. Adding an item ("Generate reports") is one line here plus one wrapper in entry-points.js,
// e.g. `function qamqorReports() { Qamqor.menu('qamqorReports'); }`.
import type { SchoolYear } from '../domain/school-year';
import { readSettings } from '../domain/registry/settings';
import type { Cell, TabData } from '../domain/sheet';
import { tabSpec, type Lang } from '../domain/template';
import { failureMessage, logFailure } from './google-errors';
import type { GoogleServices } from './google-services';
import { showHelp } from './help';
import { casesUi, registersUi, say, ui } from './messages';
import { caseFileAction, caseNoticeText, caseSidebarAction } from './cases';
import { planNoticeText } from './plan-notice';
import { inspectionsAction, inspectionsNoticeText } from './inspections';
import { movementDialogAction } from './movements';
import { passportAction } from './passport-action';
import { pedagogueEmails } from './protections';
import { showPlaceholders, showReportsSidebar } from './reports/sidebar';
import { roleOf, whoRuns, type Role } from './roles';
import { runAction, type Action, type Who } from './run-action';
import { setupAction } from './setup-action';
import { validateAction, validateMineAction } from './validate-action';
import { localeLang } from './workbook-lang';
import { archiveAction, newYearAction } from './year-actions';

export interface MenuItem {
  /** The top-level function of dist/Code.js the item calls. */
  functionName: string;
  label: Record<Lang, () => string>;
  /** A workbook action run under the lock, or a dialog that needs neither lock nor read. */
  run: { action: Action } | { dialog: (services: GoogleServices, lang: Lang) => void };
  /** The pedagogue's items write to tabs only the pedagogue may edit; a teacher's touch only her own class. */
  who: Who;
  /** A separator goes above the item. */
  separated?: boolean;
}

export const MENU: readonly MenuItem[] = [
  { functionName: 'qamqorSetup', label: ui.menuSetup, run: { action: setupAction }, who: 'pedagogue' },
  { functionName: 'qamqorValidate', label: ui.menuValidate, run: { action: validateAction }, who: 'pedagogue', separated: true },
  { functionName: 'qamqorValidateMine', label: ui.menuValidateMine, run: { action: validateMineAction }, who: 'anyone' },
  { functionName: 'qamqorPassport', label: ui.menuPassport, run: { action: passportAction }, who: 'pedagogue' },
  // The roll over time and the housing acts (src/apps-script/movements.ts, inspections.ts).
  { functionName: 'qamqorMovementDialog', label: registersUi.menuMovement, run: { action: movementDialogAction }, who: 'pedagogue', separated: true },
  { functionName: 'qamqorInspections', label: registersUi.menuInspections, run: { action: inspectionsAction }, who: 'pedagogue' },
  { functionName: 'qamqorReports', label: ui.menuReports, run: { dialog: showReportsSidebar }, who: 'pedagogue', separated: true },
  { functionName: 'qamqorPlaceholders', label: ui.menuPlaceholders, run: { dialog: showPlaceholders }, who: 'pedagogue' },
  { functionName: 'qamqorArchive', label: ui.menuArchive, run: { action: archiveAction }, who: 'pedagogue', separated: true },
  { functionName: 'qamqorNewYear', label: ui.menuNewYear, run: { action: newYearAction }, who: 'pedagogue' },
  // The confidential case file: a spreadsheet of its own, the pedagogue's alone; a teacher's menu shows nothing of it.
  { functionName: 'qamqorCases', label: casesUi.menuCases, run: { action: caseFileAction }, who: 'pedagogue', separated: true },
  { functionName: 'qamqorCaseSidebar', label: casesUi.menuCaseSidebar, run: { action: caseSidebarAction }, who: 'pedagogue' },
  { functionName: 'qamqorHelp', label: ui.menuHelp, run: { dialog: showHelp }, who: 'anyone', separated: true },
];

/** Rows of the settings tab that onOpen reads: enough for every entry of the layout and a title above. */
const SETTINGS_ROWS = 30;

/**
 * The menu's language (the settings tab's, else the spreadsheet's locale) and the pedagogue's e-mails. onOpen runs
 * as a simple trigger (no authorization, 30 s): SpreadsheetApp only, a few calls.
 */
export function menuSettings(services: GoogleServices): { lang: Lang; pedagogue: string[]; schoolYear?: SchoolYear | null } {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const spec = tabSpec('settings');
  for (const title of [spec.title.kk, spec.title.ru]) {
    const sheet = spreadsheet.getSheetByName(title);
    if (!sheet) continue;
    try {
      const rows = sheet.getRange(`1:${SETTINGS_ROWS}`).getValues() as Cell[][];
      const tab: TabData = { id: String(sheet.getSheetId()), key: 'settings', title, rows: rows.map((r) => r.map((c) => (c === '' ? null : c))), formulas: [] };
      const { settings } = readSettings(tab, 'kk');
      const pedagogue = pedagogueEmails(settings.values);
      // The school year places the plan's months on the calendar for the open-time notice.
      const schoolYear = settings.schoolYear;
      if (settings.values.language) return { lang: settings.language, pedagogue, schoolYear };
      return { lang: localeLang(spreadsheet.getSpreadsheetLocale()), pedagogue, schoolYear };
    } catch {
      // A settings tab shorter than the rows read, or one whose header no longer reads: the locale decides.
    }
    break;
  }
  return { lang: localeLang(spreadsheet.getSpreadsheetLocale()), pedagogue: [] };
}

/**
 * The items a person sees. A teacher sees hers; the pedagogue, and anyone Google does not name (a simple trigger
 * outside the owner's domain is not told who opened the workbook), see all, and each action checks again when run.
 */
export function menuItems(role: Role): MenuItem[] {
  return MENU.filter((i) => role === 'pedagogue' || i.who === 'anyone');
}

export function openMenu(services: GoogleServices): void {
  const { lang, pedagogue, schoolYear = null } = menuSettings(services);
  // With no pedagogue named the workbook is not set up yet: nobody to tell apart.
  const role = pedagogue.length === 0 ? 'pedagogue' : roleOf(services, whoRuns(services, false), pedagogue);
  const menu = services.SpreadsheetApp.getUi().createMenu(say(ui.menuTitle, lang));
  let first = true;
  for (const item of menuItems(role)) {
    if (item.separated && !first) menu.addSeparator();
    menu.addItem(item.label[lang](), item.functionName);
    first = false;
  }
  menu.addToUi();
  // The pedagogue's overdue cases, from her own user properties, and her plan's month, from the plan tab: one toast
  // (a second would hide the first). A teacher reads neither: the calls are saved.
  if (role === 'pedagogue') {
    const now = services.now ? services.now() : new Date();
    const notices = [caseNoticeText(services, lang, now), planNoticeText(services, lang, now, schoolYear), inspectionsNoticeText(services, lang, now)].filter((t): t is string => t !== null);
    if (notices.length) {
      try {
        services.SpreadsheetApp.getActiveSpreadsheet().toast(notices.join(' '), 'Qamqor', 10);
      } catch {
        // A toast Google refuses in this trigger leaves the menu as it is.
      }
    }
  }
}

export function runMenuItem(services: GoogleServices, functionName: string): void {
  const item = MENU.find((i) => i.functionName === functionName);
  if (!item) throw new Error(`no menu item calls ${functionName}`);
  if ('action' in item.run) {
    runAction(services, item.run.action, { name: functionName, who: item.who, label: item.label });
    return;
  }
  const gui = services.SpreadsheetApp.getUi();
  let lang: Lang | null = null;
  try {
    const settings = menuSettings(services);
    lang = settings.lang;
    if (item.who === 'pedagogue') {
      const user = whoRuns(services, true);
      if (roleOf(services, user, settings.pedagogue) !== 'pedagogue') {
        gui.alert('Qamqor', say(ui.roleRefused, lang, { action: item.label[lang](), pedagogue: settings.pedagogue.join(', '), user }), gui.ButtonSet.OK);
        return;
      }
    }
    item.run.dialog(services, lang);
  } catch (e) {
    // A dialog writes nothing: what failed is said, and logged.
    logFailure(services, functionName, e);
    gui.alert('Qamqor', failureMessage(e, lang ?? localeLang(services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale())), gui.ButtonSet.OK);
  }
}
