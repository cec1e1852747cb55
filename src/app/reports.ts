// The reports action: which documents to make (the reports tab's jobs, or the defaults), each one's model in
// its language, and every problem named with its job row. Renderers (.docx offline, Google Docs) fill them.
import { fold } from '../domain/cells';
import type { Passport } from '../domain/passport/passport';
import { wholeRegistry } from '../domain/registers/roll';
import type { Registry } from '../domain/registry/registry';
import { validateRegistry } from '../domain/registry/validate';
import { tabSpec, type Lang } from '../domain/template';
import {
  defaultJobs, documentFileName, documentModel, planJob, readJobs, templateGroups, type Job, type JobProblem, type PlannedDocument, type Scope,
} from '../reports/jobs';
import type { ModelObject } from '../reports/model';
import { reportContext, type ReportContext } from '../reports/models/context';
import type { ChartPainter } from '../reports/models/school';

/**
 * What stands between the registry and documents a director signs: its errors (an orphan on two exclusive lists,
 * a large family of three…) and the tabs that hold them. Final documents wait until there are none; drafts do not.
 */
export function signingBlockers(registry: Registry, today: string): { errors: number; tabs: string[] } {
  // The whole registry is checked, even for documents of the roll on a day (--as-of).
  const errors = validateRegistry(wholeRegistry(registry), new Date(`${today}T00:00:00Z`)).filter((i) => i.severity === 'error');
  return { errors: errors.length, tabs: [...new Set(errors.map((i) => i.tab))] };
}

export interface ReportsOptions {
  /** YYYY-MM-DD: the date the documents carry, and the day ages are counted on. */
  today: string;
  /** Every document in this language, whatever the jobs say. */
  lang?: Lang;
  /**
   * Only these reports: a scope (school, class, category, pupil), its plural (classes, lists, profiles), a template
   * name (class-passport, list-orphans…) or a list (orphans, res64…). Matching jobs run even when not ticked active.
   */
  only?: string[];
  /** YYYY-MM: the month of the movement reports (default: the month of the document date). */
  month?: string;
}

export interface ReportsPlan {
  documents: PlannedDocument[];
  problems: JobProblem[];
  /** Words of `only` that matched no job: the caller says so. */
  unmatched: string[];
  /** The reports tab's title, for naming job rows in messages. */
  tabTitle: Record<Lang, string>;
  /** The context of a language, computed once. */
  context(lang: Lang): ReportContext;
  /** The model of a document, in its language; charts drawn by `paint`. */
  model(doc: PlannedDocument, paint?: ChartPainter): ModelObject;
  fileName(doc: PlannedDocument, model: ModelObject): { name: string; problem: JobProblem | null };
}

const ALIASES: Record<string, Scope> = {
  schools: 'school',
  classes: 'class',
  lists: 'category',
  categories: 'category',
  pupils: 'pupil',
  profiles: 'pupil',
  passports: 'class',
};

function matches(word: string, doc: PlannedDocument): boolean {
  const w = fold(word).replace(/[\s_]+/g, '-');
  const forms = [w, w.replace(/-/g, '_')];
  const names = [doc.scope, doc.template.kind === 'default' ? doc.template.name : fold(doc.template.ref)];
  if (doc.subject.kind === 'list') names.push(doc.subject.list.key);
  if (doc.subject.kind === 'class') names.push(fold(doc.subject.className));
  if (doc.template.kind === 'default') names.push(...(templateGroups[doc.template.name] ?? []));
  return forms.some((f) => names.includes(f) || ALIASES[f] === doc.scope);
}

export function planReports(registry: Registry, passport: Passport, options: ReportsOptions): ReportsPlan {
  const contexts = new Map<Lang, ReportContext>();
  const context = (lang: Lang): ReportContext => {
    let ctx = contexts.get(lang);
    // The movement reports' month rides with the context (src/reports/models/registers.ts, RegisterReportContext).
    if (!ctx) contexts.set(lang, (ctx = { ...reportContext(registry, passport, { lang, today: options.today }), ...(options.month ? { month: options.month } : {}) }));
    return ctx;
  };
  const base = context(registry.lang);
  const schoolModels = new Map<Lang, { paint: ChartPainter | undefined; model: ModelObject }>();
  const tab = registry.tabs.reports;
  const tabTitle = tab ? { kk: tab.title, ru: tab.title } : tabSpec('reports').title;
  const read = readJobs(tab);
  const problems: JobProblem[] = [...read.problems];
  const fromTab = read.jobs && read.jobs.length > 0 ? read.jobs : null;

  const only = options.only?.map((w) => w.trim()).filter(Boolean) ?? [];
  const run = (jobs: Job[], words: string[]): { documents: PlannedDocument[]; matched: Set<string> } => {
    const documents: PlannedDocument[] = [];
    const matched = new Set<string>();
    for (const job of jobs) {
      if (words.length === 0 && !job.active) continue;
      const planned = planJob(base, job, { lang: options.lang, tabTitle });
      const chosen = words.length === 0 ? planned.documents : planned.documents.filter((d) => {
        const by = words.filter((w) => matches(w, d));
        by.forEach((w) => matched.add(w));
        return by.length > 0;
      });
      // A job's problems matter when it was asked for: active, or named by --only.
      if (words.length === 0 || chosen.length > 0 || (planned.documents.length === 0 && words.some((w) => jobNamed(w, job)))) {
        problems.push(...planned.problems);
      }
      documents.push(...chosen);
    }
    return { documents, matched };
  };

  const first = run(fromTab ?? defaultJobs(registry.lang), only);
  let documents = first.documents;
  let unmatched = only.filter((w) => !first.matched.has(w));
  // Asked for something the reports tab has no row for (say, profiles): the default job of it.
  if (fromTab && unmatched.length > 0) {
    const more = run(defaultJobs(registry.lang), unmatched);
    documents = [...documents, ...more.documents];
    unmatched = unmatched.filter((w) => !more.matched.has(w));
  }
  return {
    documents,
    problems,
    unmatched,
    tabTitle,
    context,
    model: (doc, paint) => {
      // The annual report and the school passport share one school model (and its charts): made once per language.
      // The registers' documents (aid, plan) have models of their own, made each time.
      if (doc.subject.kind !== 'school' || (doc.template.kind === 'default' && ['aid-road', 'aid-res64', 'plan', 'movement-school', 'inspection-schedule'].includes(doc.template.name))) {
        return documentModel(doc, context(doc.lang), paint);
      }
      let cached = schoolModels.get(doc.lang);
      if (!cached || cached.paint !== paint) schoolModels.set(doc.lang, (cached = { paint, model: documentModel(doc, context(doc.lang), paint) }));
      return cached.model;
    },
    fileName: (doc, model) => documentFileName(doc, model, tabTitle),
  };
}

function jobNamed(word: string, job: Job): boolean {
  const w = fold(word);
  return fold(job.template) === w || fold(job.scope) === w || fold(job.filter) === w;
}
