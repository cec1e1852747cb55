// The case file in Google: a spreadsheet the script creates for the social pedagogue (Drive, drive.file), shared with
// nobody — checked at every opening —, found again through her user properties; its menu items and open-time notice.
import { planCasesRepair, planNewCaseFile, registryLookup } from '../app/cases';
import { MemoryWorkbook } from '../app/memory-workbook';
import { auditStamp } from '../domain/cases/audit';
import { readCaseFile } from '../domain/cases/case-file';
import { caseStates, type CaseState } from '../domain/cases/view';
import { caseWords, overdueWords, reasonWords, stageWords } from '../domain/cases/words';
import { dmy } from '../domain/format';
import { readRegistry, type Registry } from '../domain/registry/registry';
import type { Lang } from '../domain/template';
import { EXECUTION_MS, failureKind, retryingDrive, retryingSheets, retryPolicy } from './google-errors';
import type { DriveAdvanced, DriveFile, GoogleServices, GProperties, PropertiesServiceLike } from './google-services';
import { GoogleWorkbook } from './google-workbook';
import { casesUi, escapeHtml, say } from './messages';
import { whoRuns } from './roles';
import { Refusal, type ActionContext } from './run-action';

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
/** What each check of the file asks Drive: whether it is there, and who else may open it. */
const FILE_FIELDS = 'id,name,trashed,permissions(type,role,emailAddress,domain)';

/**
 * What the pedagogue's user properties keep of a registry's case file: its id, and for each open case the first day it
 * counts as overdue (dates only: no name, no IIN, no case id), so the open-time notice counts overdue cases without
 * opening the file — which a simple trigger may not do.
 */
export interface CaseFileNote {
  id: string;
  /** The day the case file was last read. */
  read: string;
  overdueFrom: string[];
}

export const notePropertyKey = (registryId: string) => `qamqor.cases.${registryId}`;

/** PropertiesService's store of the person running the script: another person's script run never sees it. */
export function userProperties(services: Pick<GoogleServices, 'PropertiesService'>): GProperties | null {
  const service = services.PropertiesService as (PropertiesServiceLike & { getUserProperties?: () => GProperties }) | undefined;
  return service?.getUserProperties ? service.getUserProperties() : null;
}

export function readNote(store: GProperties, registryId: string): CaseFileNote | null {
  const text = store.getProperty(notePropertyKey(registryId));
  if (!text) return null;
  try {
    const note = JSON.parse(text) as Partial<CaseFileNote>;
    return typeof note.id === 'string' ? { id: note.id, read: String(note.read ?? ''), overdueFrom: Array.isArray(note.overdueFrom) ? note.overdueFrom.map(String) : [] } : null;
  } catch {
    return null;
  }
}

/** The day as the script's time zone (the manifest's, Asia/Almaty) sees it. */
function dayOf(now: Date): string {
  return auditStamp(now).slice(0, 10);
}

/** Everyone but the owner who may open the file: a person, a group, a domain, anyone with the link. */
function othersOf(file: DriveFile): string[] {
  return (file.permissions ?? []).filter((p) => p.role !== 'owner').map((p) => p.emailAddress ?? p.domain ?? p.type ?? '?');
}

/** The case file Drive still has, or null when it was deleted or trashed (then a new one is made). */
function findFile(drive: DriveAdvanced, id: string): DriveFile | null {
  try {
    const file = drive.Files.get(id, { fields: FILE_FIELDS });
    return file.trashed ? null : file;
  } catch (e) {
    if (failureKind(e) === 'notFound' || /not found/i.test(e instanceof Error ? e.message : String(e))) return null;
    throw e;
  }
}

interface Opened {
  states: CaseState[];
  id: string;
  created: boolean;
}

/**
 * Opens the pedagogue's case file of this registry, making it when there is none: laid out from cases.json, its
 * creation (or repair) the first rows of its audit tab, who being the e-mail of the person at the keyboard. Refuses,
 * before reading a cell of it, a file that anyone else may open.
 */
function openCaseFile(ctx: ActionContext, create: boolean): Opened {
  const { services, lang } = ctx;
  const store = userProperties(services);
  if (!store || !services.Drive || !services.Sheets) throw new Refusal(say(casesUi.noServices, lang));
  const policy = retryPolicy(services, ctx.now.getTime(), EXECUTION_MS);
  const drive = retryingDrive(services.Drive, policy);
  const registryId = ctx.spreadsheet.getId();
  const note = readNote(store, registryId);
  const registry: Registry = readRegistry(ctx.data, lang);
  let file = note ? findFile(drive, note.id) : null;
  let created = false;
  if (!file) {
    if (!create) throw new Refusal(say(casesUi.noFile, lang));
    file = drive.Files.create(
      { name: say(casesUi.fileName, lang, { school: registry.settings.schoolName }), mimeType: SPREADSHEET, appProperties: { qamqorCases: registryId.slice(0, 100) } },
      undefined,
      { fields: FILE_FIELDS },
    );
    created = true;
    const others = othersOf(file);
    if (others.length) {
      // A domain that shares new files by default: the empty file goes to the trash before anything is written to it.
      drive.Files.update({ trashed: true }, file.id!);
      throw new Refusal(say(casesUi.sharedNew, lang, { who: others.join(', ') }));
    }
  }
  const others = othersOf(file);
  if (others.length) throw new Refusal(say(casesUi.shared, lang, { who: others.join(', ') }));
  const id = file.id!;
  const workbook = new GoogleWorkbook(retryingSheets(services.Sheets, policy), id);
  const data = workbook.read();
  const actor = { user: ctx.user || whoRuns(services, true), at: auditStamp(ctx.now) };
  const changes = created ? planNewCaseFile(data, lang, actor) : planCasesRepair(data, lang, actor);
  // The cases are computed from the read and the changes in memory: no second read of what was just written.
  const memory = new MemoryWorkbook(data);
  if (changes.length) {
    workbook.apply(changes);
    memory.apply(changes);
  }
  const caseFile = readCaseFile(memory.read(), lang);
  const today = dayOf(ctx.now);
  const states = caseStates(caseFile, today, registryLookup(registry).lookup);
  const fresh: CaseFileNote = { id, read: today, overdueFrom: states.flatMap((s) => (s.deadlines.overdueFrom ? [s.deadlines.overdueFrom] : [])) };
  store.setProperties({ [notePropertyKey(registryId)]: JSON.stringify(fresh) });
  return { states, id, created };
}

function counts(states: readonly CaseState[]): { open: number; closed: number; overdue: number } {
  const open = states.filter((s) => s.stage !== 'closed');
  return { open: open.length, closed: states.length - open.length, overdue: open.filter((s) => s.deadlines.overdue.length > 0).length };
}

/** Menu: «Case file: open» — made the first time, then its link and counts. */
export function caseFileAction(ctx: ActionContext): string {
  const { lang, services } = ctx;
  const opened = openCaseFile(ctx, true);
  const c = counts(opened.states);
  const url = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(opened.id)}/edit`;
  const html = [
    opened.created ? `<p>${escapeHtml(say(casesUi.created, lang))}</p>` : '',
    `<p>${escapeHtml(say(casesUi.opened, lang, c))}</p>`,
    `<p><a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(say(casesUi.openLink, lang))}</a></p>`,
  ].join('\n');
  if (services.HtmlService) ctx.ui.showModalDialog(services.HtmlService.createHtmlOutput(html).setWidth(420).setHeight(opened.created ? 220 : 140), say(casesUi.dialogTitle, lang));
  return say(casesUi.toast, lang, c);
}

/** Menu: «Case sidebar» — each case's stage, next review, overdue items and actions, one case shown at a time. */
export function caseSidebarAction(ctx: ActionContext): string {
  const { lang, services } = ctx;
  const opened = openCaseFile(ctx, false);
  if (services.HtmlService) ctx.ui.showSidebar(services.HtmlService.createHtmlOutput(caseSidebarHtml(opened.states, lang, dayOf(ctx.now))).setTitle(say(casesUi.sidebarTitle, lang)));
  return say(casesUi.toast, lang, counts(opened.states));
}

/** The sidebar's page: every text escaped; the open cases first, then the closed; a list picks the case shown. */
export function caseSidebarHtml(states: readonly CaseState[], lang: Lang, today: string): string {
  const e = escapeHtml;
  const w = (k: keyof typeof caseWords) => e(caseWords[k][lang]);
  const ordered = [...states.filter((s) => s.stage !== 'closed'), ...states.filter((s) => s.stage === 'closed')];
  if (ordered.length === 0) return `<p>${e(say(casesUi.noCases, lang))}</p>`;
  const name = (s: CaseState) => s.pupil?.fullName ?? s.case.fullName;
  const options = ordered
    .map((s, i) => `<option value="${i}">${e(s.case.id)} — ${e(name(s))}${s.pupil ? ` (${e(s.pupil.className)})` : ''}${s.deadlines.overdue.length ? ' ⚠' : ''}</option>`)
    .join('');
  const sections = ordered
    .map((s, i) => {
      const rows: [string, string][] = [
        [w('stage'), stageWords[s.stage][lang]],
        [w('reason'), s.case.reason ? reasonWords[s.case.reason][lang] : ''],
        [w('curator'), s.case.curator],
        [w('nextReview'), s.deadlines.nextReview ? dmy(s.deadlines.nextReview) : ''],
        [w('overdue'), s.deadlines.overdue.map((k) => overdueWords[k][lang]).join(', ') || caseWords.none[lang]],
        [w('consent'), s.consent ? caseWords.yes[lang] : caseWords.no[lang]],
      ];
      const actions = s.actions.length
        ? `<ul>${s.actions
            .map((a) => {
              const when = a.doneOn ? say(casesUi.done, lang, { date: dmy(a.doneOn) }) : a.dueOn ? say(casesUi.due, lang, { date: dmy(a.dueOn) }) : '';
              const late = !a.doneOn && a.dueOn !== null && a.dueOn < today ? ' ⚠' : '';
              return `<li>${e(a.action)}${a.provider ? ` — ${e(a.provider)}` : ''}${when ? ` <span class="when">(${e(when)})</span>` : ''}${late}</li>`;
            })
            .join('')}</ul>`
        : `<p>${e(say(casesUi.noActions, lang))}</p>`;
      return `<section id="case-${i}"${i === 0 ? '' : ' hidden'}><h3>${e(s.case.id)} — ${e(name(s))}</h3><table>${rows
        .map(([k, v]) => `<tr><th>${k}</th><td>${e(v)}</td></tr>`)
        .join('')}</table><h4>${w('actions')}</h4>${actions}</section>`;
    })
    .join('\n');
  return `<style>body{font:13px Arial,sans-serif}th{text-align:left;padding-right:8px;vertical-align:top}select{width:100%}.when{color:#555}</style>
<select onchange="for(var s of document.querySelectorAll('section'))s.hidden=s.id!=='case-'+this.value">${options}</select>
${sections}`;
}

/**
 * The open-time notice (simple onOpen, pedagogue only): how many cases are overdue today, counted from her user
 * properties alone — a simple trigger may not open another file — and said only when some are. Two calls.
 */
export function caseNotice(services: GoogleServices, lang: Lang, now: Date): void {
  const text = caseNoticeText(services, lang, now);
  if (text) services.SpreadsheetApp.getActiveSpreadsheet().toast(text, 'Qamqor', 10);
}

/** The notice's sentence, or null when no case is overdue (or the properties do not open): one toast may carry more. */
export function caseNoticeText(services: GoogleServices, lang: Lang, now: Date): string | null {
  try {
    const store = userProperties(services);
    if (!store) return null;
    const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
    const note = readNote(store, spreadsheet.getId());
    if (!note) return null;
    const today = dayOf(now);
    const count = note.overdueFrom.filter((d) => d <= today).length;
    return count > 0 ? say(casesUi.notice, lang, { count }) : null;
  } catch {
    // The menu matters more than the notice: a property store Google does not open in this trigger says nothing.
    return null;
  }
}
