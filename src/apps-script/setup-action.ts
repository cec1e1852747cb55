// "Set up or repair": the layout of sheets-template/ laid into the workbook (tabs, headers, typed
// columns), then the protections and the time zone. Twice in a row, the second run sends nothing.
import { planSetup, classTabKey } from '../app/setup';
import { parseClassName } from '../domain/class-name';
import { readClasses, surveyWorkbook, type ClassInfo } from '../domain/registry';
import { findHeader } from '../domain/table';
import { classColumns, singleTabKeys, tabSpec } from '../domain/template';
import type { AnyChange } from './google-workbook';
import { say, ui } from './messages';
import { pedagogueEmails, planProtections, teachersOf, type ProtectionTarget } from './protections';
import type { ActionContext } from './run-action';

/** Kazakhstan's zones (one offset, UTC+5, since 2024): a school in any of them keeps its own. */
const KAZAKH_ZONES = new Set(['Asia/Almaty', 'Asia/Aqtobe', 'Asia/Aqtau', 'Asia/Atyrau', 'Asia/Oral', 'Asia/Qostanay', 'Asia/Qyzylorda']);

export function planSheetsSetup(ctx: Pick<ActionContext, 'data' | 'lang' | 'workbook'>): { changes: AnyChange[]; created: number; extended: number; protected: number } {
  const { data, lang, workbook } = ctx;
  const setup = planSetup(data, { lang });
  const survey = surveyWorkbook(data, lang);
  const classes: ClassInfo[] = survey.tabs.classes ? readClasses(survey.tabs.classes) : [];
  const targets: ProtectionTarget[] = [];
  for (const key of singleTabKeys()) {
    const spec = tabSpec(key);
    if (spec.owner !== 'pedagogue') continue;
    const existing = survey.tabs[key] ?? null;
    targets.push({ tab: existing ? { id: existing.id } : { key }, existing, headerRow: null, teachers: [] });
  }
  const columns = classColumns(survey.catalogue);
  const withTabs = new Set<string>();
  for (const ct of survey.classTabs) {
    withTabs.add(ct.className);
    targets.push({ tab: { id: ct.tab.id }, existing: ct.tab, headerRow: findHeader(ct.tab, columns)?.headerRow ?? 0, teachers: teachersOf(classes, ct.className) });
  }
  for (const c of classes) {
    const name = parseClassName(c.name)?.name;
    if (!name || withTabs.has(name)) continue;
    withTabs.add(name);
    targets.push({ tab: { key: classTabKey(name) }, existing: null, headerRow: 0, teachers: teachersOf(classes, name) });
  }
  const protections = planProtections(targets, pedagogueEmails(survey.settingsRead.settings.values), lang, (id) => workbook.extras(id));
  const changes: AnyChange[] = [...setup.changes, ...protections];
  if (!KAZAKH_ZONES.has(workbook.timeZone)) changes.push({ kind: 'timeZone', timeZone: 'Asia/Almaty' });
  return { changes, created: setup.created.length, extended: setup.extended.length, protected: protections.length };
}

export function setupAction(ctx: ActionContext): string {
  const plan = planSheetsSetup(ctx);
  if (plan.changes.length === 0) return say(ui.setupNothing, ctx.lang);
  ctx.workbook.apply(plan.changes);
  return say(ui.setupDone, ctx.lang, { created: plan.created, extended: plan.extended, protected: plan.protected });
}
