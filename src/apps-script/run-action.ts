// One menu action as Apps Script runs it: the document lock, one read (which also tells who may edit what), the
// action, one write, a toast.
// Every failure stops here, at the action's edge: said in the workbook's language with what to do, Google's technical
// text kept in the execution log (without pupils' data); a batch is all or nothing, so a refusal leaves nothing half done.
import { RegistryError } from '../domain/i18n';
import { surveyWorkbook } from '../domain/registry/registry';
import type { WorkbookData } from '../domain/sheet';
import type { Lang } from '../domain/template';
import { EXECUTION_MS, failureMessage, logFailure, retryingSheets, retryPolicy } from './google-errors';
import type { GoogleServices, GSpreadsheet, GUi } from './google-services';
import { GoogleWorkbook } from './google-workbook';
import { say, ui } from './messages';
import { pedagogueEmails, PROTECTION_PREFIX } from './protections';
import { roleOf, whoRuns, type Role } from './roles';
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
  /** The e-mail of the person running the action, lower-cased; '' when Google does not tell. */
  user: string;
  role: Role;
}

/** An action returns the toast that reports what it did. */
export type Action = (ctx: ActionContext) => string;

/** Who may run an action: 'pedagogue' (the social pedagogue or the owner) or 'anyone' who can edit the workbook. */
export type Who = 'pedagogue' | 'anyone';

export interface RunOptions {
  /** The top-level function that started the run, for the log. */
  name: string;
  who: Who;
  /** The action as the menu names it, for a refusal. */
  label: Record<Lang, () => string>;
  /**
   * A dialog's call (google.script.run): what it did, or why not, is handed back to the dialog to show in place of
   * an alert (which would close it) and of the toast.
   */
  answer?: (ok: boolean, text: string) => void;
}

/** A refusal worded for the person: said as it is, nothing written. */
export class Refusal extends Error {
  constructor(readonly text: string) {
    super(text);
    this.name = 'Refusal';
  }
}

/** How long a second action waits for the first before it says the workbook is busy. */
const LOCK_WAIT_MS = 5_000;

export function runAction(services: GoogleServices, action: Action, options: RunOptions = { name: 'action', who: 'pedagogue', label: ui.menuTitle }): void {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const gui = services.SpreadsheetApp.getUi();
  if (!services.Sheets) {
    gui.alert('Qamqor', `${ui.noSheetsService.kk()}\n\n${ui.noSheetsService.ru()}`, gui.ButtonSet.OK);
    return;
  }
  const now = services.now ? services.now() : new Date();
  let lang: Lang | null = null;
  const language = () => lang ?? (lang = localeLang(spreadsheet.getSpreadsheetLocale()));
  let message: string;
  try {
    // Held to the end of the run: Apps Script releases it when the script returns, which saves a call.
    const lock = services.LockService?.getDocumentLock() ?? null;
    if (lock && !lock.tryLock(LOCK_WAIT_MS)) {
      if (options.answer) options.answer(false, say(ui.busy, language()));
      else spreadsheet.toast(say(ui.busy, language()), 'Qamqor', 10);
      return;
    }
    const policy = retryPolicy(services, now.getTime(), EXECUTION_MS);
    const workbook = new GoogleWorkbook(retryingSheets(services.Sheets, policy), spreadsheet.getId());
    const data = workbook.read();
    lang = workbookLang(data, workbook.locale);
    const pedagogue = pedagogueOf(data, lang);
    // The read already says whether this person may edit the pedagogue's tabs: no call to ask who they are.
    const canEdit = mayEditPedagogueTabs(workbook, data);
    const user = canEdit === true && options.who === 'pedagogue' ? '' : whoRuns(services, true);
    const role: Role = canEdit === true ? 'pedagogue' : canEdit === false ? 'teacher' : roleOf(services, user, pedagogue);
    if (options.who === 'pedagogue' && canEdit === false && user && pedagogue.includes(user)) {
      // Named in the settings after set-up protected the tabs: only the owner's next set-up can give the right.
      throw new Refusal(say(ui.pedagogueNotYetEditor, lang, { user }));
    }
    if (options.who === 'pedagogue' && role !== 'pedagogue') {
      throw new Refusal(say(ui.roleRefused, lang, { action: options.label[lang](), pedagogue: pedagogue.join(', '), user }));
    }
    message = action({ services, spreadsheet, ui: gui, workbook, data, lang, now, user, role });
  } catch (e) {
    const tell = options.answer ? (text: string) => options.answer!(false, text) : (text: string) => gui.alert('Qamqor', text, gui.ButtonSet.OK);
    if (e instanceof Refusal) {
      tell(e.text);
    } else if (e instanceof RegistryError) {
      tell(say(ui.failed, language(), { reason: e.text(e.lang ?? language()) }));
    } else {
      logFailure(services, options.name, e);
      tell(failureMessage(e, language()));
    }
    return;
  }
  if (options.answer) {
    options.answer(true, message);
    return;
  }
  try {
    if (message) spreadsheet.toast(message, 'Qamqor', 10);
  } catch (e) {
    // The work is done and written; only its report did not show.
    logFailure(services, options.name, e);
  }
}

/**
 * Whether the person running may edit the tabs set-up gave the pedagogue alone, as Google says in the read
 * (`requestingUserCanEdit` of Qamqor's protection of the settings tab: true for the owner and the editors it
 * names); undefined before set-up has protected them, when only the e-mails can tell.
 */
export function mayEditPedagogueTabs(workbook: GoogleWorkbook, data: WorkbookData): boolean | undefined {
  const settings = data.tabs.find((t) => t.key === 'settings');
  if (!settings) return undefined;
  const whole = (workbook.extras(settings.id)?.protectedRanges ?? []).find(
    (p) => p.description?.startsWith(PROTECTION_PREFIX) && p.range.startRowIndex === undefined && p.range.endRowIndex === undefined,
  );
  // Google leaves a false field out of its answer: a protection read without it is one this person may not edit.
  return whole ? whole.requestingUserCanEdit === true : undefined;
}

/** The social pedagogue's e-mails as the settings give them; none when the settings do not read. */
export function pedagogueOf(data: WorkbookData, lang: Lang): string[] {
  try {
    return pedagogueEmails(surveyWorkbook(data, lang).settingsRead.settings.values);
  } catch {
    return [];
  }
}
