// The bundle's entry: the one place that finds Google's services as globals and hands them to the code.
// esbuild wraps this module in an IIFE named Qamqor; entry-points.js holds the top-level functions that
// Apps Script calls by name and that delegate here.
import bundledTemplates from 'qamqor:default-templates';
import type {
  ChartsLike, DocsAdvanced, DocumentAppLike, DriveAdvanced, EditEvent, GoogleServices, HtmlServiceLike, LockServiceLike, PropertiesServiceLike,
  SessionLike, SheetsAdvanced, SpreadsheetAppLike, UtilitiesLike,
} from './google-services';
import { logFailure } from './google-errors';
import { validateEdit } from './live-validation';
import { MENU, openMenu, runMenuItem } from './menu';
import { recordMovement, type MovementForm } from './movements';
import { reportsProgress as progressOf, reportsStep as stepOf, type Progress } from './reports/run';

declare const SpreadsheetApp: SpreadsheetAppLike;
declare const Sheets: SheetsAdvanced | undefined;
declare const LockService: LockServiceLike | undefined;
declare const HtmlService: HtmlServiceLike | undefined;
declare const Docs: DocsAdvanced | undefined;
declare const DocumentApp: DocumentAppLike | undefined;
declare const Drive: DriveAdvanced | undefined;
declare const Utilities: UtilitiesLike | undefined;
declare const Charts: ChartsLike | undefined;
declare const PropertiesService: PropertiesServiceLike | undefined;
declare const Session: SessionLike | undefined;

/** Looked up at each call, never at load: a simple trigger has no Sheets service, and a test swaps the fakes. */
function services(): GoogleServices {
  return {
    SpreadsheetApp,
    Sheets: typeof Sheets === 'undefined' ? undefined : Sheets,
    LockService: typeof LockService === 'undefined' ? undefined : LockService,
    HtmlService: typeof HtmlService === 'undefined' ? undefined : HtmlService,
    Docs: typeof Docs === 'undefined' ? undefined : Docs,
    DocumentApp: typeof DocumentApp === 'undefined' ? undefined : DocumentApp,
    Drive: typeof Drive === 'undefined' ? undefined : Drive,
    Utilities: typeof Utilities === 'undefined' ? undefined : Utilities,
    Charts: typeof Charts === 'undefined' ? undefined : Charts,
    PropertiesService: typeof PropertiesService === 'undefined' ? undefined : PropertiesService,
    Session: typeof Session === 'undefined' ? undefined : Session,
    console: typeof console === 'undefined' ? undefined : console,
    templates: (nameLang) => bundledTemplates[nameLang] ?? null,
  };
}

/** Simple trigger: builds the menu only (30 s, no authorization, not run for viewers). */
export function onOpen(): void {
  openMenu(services());
}

/** Simple trigger: live validation of the edited rows. A failure is logged: nobody is there to read a dialog. */
export function onEdit(e: EditEvent): void {
  if (!e || !e.range) return;
  const google = services();
  try {
    validateEdit(e, new Date(), google);
  } catch (error) {
    logFailure(google, 'onEdit', error);
  }
}

/** A menu item, by the name of the top-level function it called. */
export function menu(functionName: string): void {
  runMenuItem(services(), functionName);
}

/** The reports sidebar's step: one execution's worth of documents, and where the run stands. */
export function reportsStep(draft?: boolean): Progress {
  return stepOf(services(), { draft: draft === true });
}

/** Polled by the reports sidebar while a step runs. */
export function reportsProgress(): Progress {
  return progressOf(services());
}

/** The movement dialog's answer (google.script.run): applied under the lock, what happened handed back. */
export function movementSave(form: MovementForm): { ok: boolean; message: string } {
  return recordMovement(services(), form);
}

/** The function names the menu calls: the bundle test checks each has its top-level wrapper. */
export const menuFunctions: string[] = MENU.map((i) => i.functionName);
