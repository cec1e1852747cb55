// "Set up or repair": the layout of sheets-template/ laid into the workbook (tabs, headers, typed
// columns), then the protections and the time zone. Twice in a row, the second run sends nothing.
// The e-mails it names as editors are checked first; one Google refuses is left out and named with its tab and row,
// and the rest of the set-up goes on.
import { planSetup, classTabKey } from '../app/setup';
import { parseClassName } from '../domain/registry/class-name';
import { readClasses, surveyWorkbook, type ClassInfo } from '../domain/registry/registry';
import { findHeader } from '../domain/table';
import { classColumns, singleTabKeys, tabSpec, type Lang } from '../domain/template';
import { failureKind, logFailure, type FailureKind } from './google-errors';
import { BatchRefused, type AnyChange } from './google-workbook';
import { say, ui } from './messages';
import { planProtections, splitEmails, teachersOf, type ProtectionTarget } from './protections';
import type { ActionContext } from './run-action';

/** Kazakhstan's zones (one offset, UTC+5, since 2024): a school in any of them keeps its own. */
const KAZAKH_ZONES = new Set(['Asia/Almaty', 'Asia/Aqtobe', 'Asia/Aqtau', 'Asia/Atyrau', 'Asia/Oral', 'Asia/Qostanay', 'Asia/Qyzylorda']);
/** Batches tried again, each without the addresses Google refused in the one before (a call each). */
const REFUSAL_ROUNDS = 3;
/** Refusals no address explains: waiting, the day's quota, a protection the user may not edit, the cell limit. */
const NOT_AN_ADDRESS: ReadonlySet<FailureKind> = new Set<FailureKind>(['rateLimit', 'dailyQuota', 'unavailable', 'timeout', 'tooLarge', 'protected']);
/** Problems listed in the dialog; the rest are counted. */
const LISTED = 30;

/** An address written where set-up takes editors from, that it could not use. */
export interface EmailProblem {
  tab: string;
  row: number;
  value: string;
  reason: 'syntax' | 'refused';
}

/** Where each address was written: a refused one is named by its tab and row. */
type Sources = Map<string, { tab: string; row: number }[]>;

export interface SetupPlan {
  changes: AnyChange[];
  created: number;
  extended: number;
  protected: number;
  problems: EmailProblem[];
  sources: Sources;
  pedagogue: string[];
}

export function planSheetsSetup(ctx: Pick<ActionContext, 'data' | 'lang' | 'workbook'>, excluded: ReadonlySet<string> = new Set()): SetupPlan {
  const { data, lang, workbook } = ctx;
  const setup = planSetup(data, { lang });
  const survey = surveyWorkbook(data, lang);
  const classes: ClassInfo[] = survey.tabs.classes ? readClasses(survey.tabs.classes) : [];
  const problems: EmailProblem[] = [];
  const sources: Sources = new Map();
  const take = (text: string, tab: string, row: number): string[] => {
    const { emails, invalid } = splitEmails(text);
    for (const value of invalid) problems.push({ tab, row, value, reason: 'syntax' });
    for (const e of emails) sources.set(e, [...(sources.get(e) ?? []), { tab, row }]);
    return emails.filter((e) => !excluded.has(e));
  };
  const settings = survey.settingsRead.settings;
  const settingsTitle = survey.tabs.settings?.title ?? tabSpec('settings').title[lang];
  const pedagogue = take(settings.values.social_pedagogue_email ?? '', settingsTitle, settings.rows.social_pedagogue_email ?? 0);
  const classesTitle = survey.tabs.classes?.title ?? tabSpec('classes').title[lang];
  for (const c of classes) take(c.teacherEmail, classesTitle, c.row);

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
    targets.push({ tab: { id: ct.tab.id }, existing: ct.tab, headerRow: findHeader(ct.tab, columns)?.headerRow ?? 0, teachers: teachersOf(classes, ct.className, excluded) });
  }
  for (const c of classes) {
    const name = parseClassName(c.name)?.name;
    if (!name || withTabs.has(name)) continue;
    withTabs.add(name);
    targets.push({ tab: { key: classTabKey(name) }, existing: null, headerRow: 0, teachers: teachersOf(classes, name, excluded) });
  }
  const protections = planProtections(targets, pedagogue, lang, (id) => workbook.extras(id));
  const changes: AnyChange[] = [...setup.changes, ...protections];
  if (!KAZAKH_ZONES.has(workbook.timeZone)) changes.push({ kind: 'timeZone', timeZone: 'Asia/Almaty' });
  return { changes, created: setup.created.length, extended: setup.extended.length, protected: protections.length, problems, sources, pedagogue };
}

/**
 * The addresses to blame for a refused protection: those Google's message names, else the class's teachers, else
 * the pedagogue's (a protection of the pedagogue's tabs names no one else).
 */
function blame(refused: BatchRefused, plan: SetupPlan, excluded: ReadonlySet<string>): string[] {
  const change = refused.change;
  if (change?.kind !== 'protect') return [];
  const editors = change.editors.map((e) => e.toLowerCase()).filter((e) => !excluded.has(e));
  const message = refused.message.toLowerCase();
  const named = editors.filter((e) => message.includes(e));
  if (named.length) return named;
  const teachers = editors.filter((e) => !plan.pedagogue.includes(e));
  return teachers.length ? teachers : editors;
}

export function setupAction(ctx: ActionContext): string {
  const { lang } = ctx;
  const excluded = new Set<string>();
  const refused: EmailProblem[] = [];
  let withoutProtections = false;
  let plan: SetupPlan;
  for (let round = 0; ; round++) {
    plan = planSheetsSetup(ctx, excluded);
    const changes = withoutProtections ? plan.changes.filter((c) => c.kind !== 'protect') : plan.changes;
    if (changes.length === 0) break;
    try {
      ctx.workbook.apply(changes);
      break;
    } catch (e) {
      if (!(e instanceof BatchRefused) || withoutProtections || NOT_AN_ADDRESS.has(failureKind(e))) throw e;
      // Refused for another request entirely: nothing to leave out.
      if (e.change !== null && e.change.kind !== 'protect') throw e;
      const culprits = blame(e, plan, excluded);
      if (culprits.length > 0 && round < REFUSAL_ROUNDS) {
        for (const email of culprits) {
          excluded.add(email);
          for (const at of plan.sources.get(email) ?? []) refused.push({ ...at, value: email, reason: 'refused' });
        }
        continue;
      }
      // Refused for a reason no address explains (or too many addresses): the layout goes in without protections.
      logFailure(ctx.services, 'qamqorSetup', e);
      withoutProtections = true;
    }
  }
  const problems = [...plan.problems, ...refused];
  const done =
    plan.changes.length === 0
      ? say(ui.setupNothing, lang)
      : say(ui.setupDone, lang, { created: plan.created, extended: plan.extended, protected: withoutProtections ? 0 : plan.protected });
  if (problems.length === 0 && !withoutProtections) return done;
  ctx.ui.alert(say(ui.setupReportTitle, lang), [done, ...(withoutProtections ? [say(ui.setupProtectionsSkipped, lang)] : []), ...problemLines(problems, lang)].join('\n\n'), ctx.ui.ButtonSet.OK);
  return '';
}

function problemLines(problems: readonly EmailProblem[], lang: Lang): string[] {
  if (problems.length === 0) return [];
  const lines = problems.slice(0, LISTED).map((p) =>
    say(ui.emailAt, lang, { tab: p.tab, row: p.row, value: p.value, reason: say(p.reason === 'syntax' ? ui.emailSyntax : ui.emailRefused, lang) }),
  );
  if (problems.length > LISTED) lines.push(say(ui.setupMore, lang, { count: problems.length - LISTED }));
  return [say(ui.setupEmailsIntro, lang), lines.join('\n')];
}
