// The housing-condition acts in Sheets: the pedagogue's menu item showing who is overdue and who is due within 30
// days (a sidebar, every text escaped), and the open-time notice. A simple onOpen may neither read the class tabs
// cheaply (a call per tab) nor open a sidebar (that needs authorization), so the notice counts from a note the
// pedagogue's own runs leave in her user properties: how many pupils' next act falls due on each date (dates and
// counts only, no name, no IIN). One property read at opening; said in the toast of the case file's and the plan's.
import { inspectionsOf } from '../app/inspections';
import { auditStamp } from '../domain/cases/audit';
import { dmy } from '../domain/format';
import { addDays, dueSoon, type InspectionNeed } from '../domain/registers/inspections';
import { readRegistry, type Registry } from '../domain/registry/registry';
import type { Lang } from '../domain/template';
import { userProperties } from './cases';
import type { GoogleServices } from './google-services';
import { escapeHtml, registersUi, say } from './messages';
import type { ActionContext } from './run-action';

/** What the notice needs: the day it was computed, and the number of pupils whose next act is due on each day. */
export interface InspectionsNote {
  read: string;
  due: Record<string, number>;
}

export const inspectionsNoteKey = (registryId: string) => `qamqor.inspections.${registryId}`;

/** The day as the script's time zone (the manifest's, Asia/Almaty) sees it. */
export function dayOf(now: Date): string {
  return auditStamp(now).slice(0, 10);
}

export function noteOf(needs: readonly InspectionNeed[], today: string): InspectionsNote {
  const due: Record<string, number> = {};
  for (const n of needs) if (n.nextDue) due[n.nextDue] = (due[n.nextDue] ?? 0) + 1;
  return { read: today, due };
}

export function parseNote(text: string | null | undefined): InspectionsNote | null {
  if (!text) return null;
  try {
    const note = JSON.parse(text) as Partial<InspectionsNote>;
    if (typeof note.read !== 'string' || typeof note.due !== 'object' || note.due === null) return null;
    const due: Record<string, number> = {};
    for (const [d, n] of Object.entries(note.due)) if (/^\d{4}-\d{2}-\d{2}$/.test(d) && Number.isInteger(n)) due[d] = n as number;
    return { read: note.read, due };
  } catch {
    return null;
  }
}

/** Overdue pupils and pupils due within 30 days on `today`, counted from a note. */
export function noteCounts(note: InspectionsNote, today: string): { overdue: number; soon: number } {
  const horizon = addDays(today, 30);
  let overdue = 0;
  let soon = 0;
  for (const [d, n] of Object.entries(note.due)) {
    if (d < today) overdue += n;
    else if (d <= horizon) soon += n;
  }
  return { overdue, soon };
}

/** Leaves the pedagogue's note for the next opening; a store Google does not open here is no reason to fail the action. */
export function keepNote(services: Pick<GoogleServices, 'PropertiesService'>, registryId: string, needs: readonly InspectionNeed[], today: string): void {
  const store = userProperties(services);
  if (store) store.setProperties({ [inspectionsNoteKey(registryId)]: JSON.stringify(noteOf(needs, today)) });
}

/**
 * The open-time notice's sentence (simple onOpen, pedagogue only): housing acts overdue and due within 30 days,
 * counted on today from the note her last run left; null when there is none or nothing to say. One property read.
 */
export function inspectionsNoticeText(services: GoogleServices, lang: Lang, now: Date): string | null {
  try {
    const store = userProperties(services);
    if (!store) return null;
    const note = parseNote(store.getProperty(inspectionsNoteKey(services.SpreadsheetApp.getActiveSpreadsheet().getId())));
    if (!note) return null;
    const counts = noteCounts(note, dayOf(now));
    return counts.overdue + counts.soon > 0 ? say(registersUi.notice, lang, counts) : null;
  } catch {
    // The menu matters more than the notice: a property store Google does not open in this trigger says nothing.
    return null;
  }
}

/** Menu: «Housing acts: due dates» — the overdue and the due-within-30-days pupils in a sidebar. */
export function inspectionsAction(ctx: ActionContext): string {
  const { lang, services } = ctx;
  const registry: Registry = readRegistry(ctx.data, lang);
  const today = dayOf(ctx.now);
  const { needs } = inspectionsOf(registry, today);
  keepNote(services, ctx.spreadsheet.getId(), needs, today);
  const { overdue, soon } = dueSoon(needs, today);
  if (services.HtmlService) {
    ctx.ui.showSidebar(services.HtmlService.createHtmlOutput(inspectionsSidebarHtml(needs, lang, today)).setTitle(say(registersUi.sidebarTitle, lang)));
  }
  return say(registersUi.toast, lang, { overdue: overdue.length, soon: soon.length });
}

/** The sidebar's page: the overdue, then the due within 30 days, each pupil's class, name and due date; escaped. */
export function inspectionsSidebarHtml(needs: readonly InspectionNeed[], lang: Lang, today: string): string {
  const e = escapeHtml;
  const { overdue, soon } = dueSoon(needs, today);
  const list = (items: readonly InspectionNeed[]) =>
    items.length === 0
      ? `<p class="none">${e(say(registersUi.nothing, lang))}</p>`
      : `<table>${items.map((n) => `<tr><td>${e(n.class)}</td><td>${e(n.full_name)}</td><td class="d">${e(n.nextDue ? dmy(n.nextDue) : '')}</td></tr>`).join('')}</table>`;
  const complete = needs.filter((n) => n.nextDue === null).length;
  return `<style>body{font:13px Arial,sans-serif}h3{margin:12px 0 4px}td{padding:2px 6px 2px 0;vertical-align:top}.d{white-space:nowrap;color:#a00}.none{color:#555}</style>
<p>${e(say(registersUi.summary, lang, { today: dmy(today), required: needs.length, complete }))}</p>
<h3>${e(say(registersUi.overdueHeading, lang, { count: overdue.length }))}</h3>
${list(overdue)}
<h3>${e(say(registersUi.soonHeading, lang, { count: soon.length }))}</h3>
${list(soon)}`;
}
