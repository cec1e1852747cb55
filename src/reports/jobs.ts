// Report jobs as data: each row of the reports tab (or of the layout's defaults) says which template makes which
// documents, in which language, under which name; planning turns it into documents, naming problems by row.
import { cellText, fold, parseFlag } from '../domain/cells';
import { parseClassName } from '../domain/registry/class-name';
import { categoryFinder } from '../domain/registry/catalogue';
import { normalizeIin } from '../domain/registry/iin';
import type { Pupil } from '../domain/registry/registry';
import { parseLanguage } from '../domain/registry/settings';
import type { Cell, TabData } from '../domain/sheet';
import { cellAt, dataRows, mapTable } from '../domain/table';
import { tabSpec, type Lang } from '../domain/template';
import type { DocTree } from './doc-tree';
import { fillTemplate, TemplateError } from './grammar';
import type { ModelObject } from './model';
import { classPassportModel } from './models/class-passport';
import type { ReportContext } from './models/context';
import { defaultListKeys, defaultLists, listModel, listOf, type ListSpec } from './models/lists';
import { res64PaymentsModel, roadModel } from './models/aid';
import { planDocModel } from './models/plan';
import { profileModel } from './models/profile';
import { actModel, actsOfYear, movementClassModel, movementSchoolModel, scheduleModel, type ActModel } from './models/registers';
import type { InspectionAct } from '../domain/registers/inspections';
import { noCharts, schoolModel, type ChartPainter } from './models/school';
import { jobMessages, jobPlace, type JobMessageCode } from './models/words';

export const SCOPES = ['school', 'class', 'category', 'pupil'] as const;
export type Scope = (typeof SCOPES)[number];

/** The default templates (sheets-template/reports/NAME.LANG.docx) and the scope each is made for. */
export const defaultTemplates = {
  'annual-report': 'school',
  'school-passport': 'school',
  'class-passport': 'class',
  list: 'category',
  'list-orphans': 'category',
  'list-families': 'category',
  'list-registers': 'category',
  'list-res64': 'category',
  'list-meals': 'category',
  profile: 'pupil',
  // The pedagogue's registers: the «Мектепке жол» report and the Resolution No. 64 payments from the aid register, the annual plan.
  'aid-road': 'school',
  'aid-res64': 'school',
  plan: 'school',
  // The roll over time and the housing-condition acts: the monthly movement report of each class and of the school,
  // the inspection schedule, and one act per act of the inspections tab (pupil scope: the pupils' acts).
  'movement-class': 'class',
  'movement-school': 'school',
  'inspection-schedule': 'school',
  'inspection-act': 'pupil',
} as const satisfies Record<string, Scope>;

/** Words `--only` takes for a group of templates, besides their names. */
export const templateGroups: Partial<Record<DefaultTemplateName, readonly string[]>> = {
  'movement-class': ['movement', 'movements'],
  'movement-school': ['movement', 'movements'],
  'inspection-schedule': ['inspections'],
  'inspection-act': ['inspections', 'acts'],
  'aid-road': ['aid', 'road'],
  'aid-res64': ['aid', 'payments'],
};

export type DefaultTemplateName = keyof typeof defaultTemplates;

export const defaultTemplateNames = Object.keys(defaultTemplates) as DefaultTemplateName[];

/** One row of the reports tab, as written. */
export interface Job {
  /** 1-based row of the reports tab; null for a default job (the workbook has no reports tab). */
  row: number | null;
  active: boolean;
  template: string;
  scope: string;
  filter: string;
  language: Lang | null;
  fileName: string;
  folder: string;
  pdf: boolean;
}

export type TemplateRef = { kind: 'default'; name: DefaultTemplateName } | { kind: 'custom'; ref: string };

export type Subject =
  | { kind: 'school' }
  | { kind: 'class'; className: string }
  | { kind: 'list'; list: ListSpec }
  | { kind: 'pupil'; pupil: Pupil }
  /** One housing-condition inspection act (src/reports/models/registers.ts). */
  | { kind: 'act'; act: InspectionAct };

/** One document to make. */
export interface PlannedDocument {
  job: Job;
  /** Stable across runs ("row 5|class:5А"): a renderer records each document's status and link by it. */
  key: string;
  scope: Scope;
  subject: Subject;
  template: TemplateRef;
  lang: Lang;
  folder: string;
}

export interface JobProblem {
  code: JobMessageCode;
  /** An error: documents were not made; a warning: nothing was wrong with the job itself. */
  severity: 'error' | 'warning';
  job: Job | null;
  message: Record<Lang, string>;
}

// -------------------------------------------------------------------------------------------------------------
// Reading jobs

/** The layout's starter rows of the reports tab, as jobs: what Qamqor makes when a workbook has no reports tab. */
export function defaultJobs(lang: Lang): Job[] {
  const spec = tabSpec('reports');
  return spec.starterRows.map((row) => {
    const value = (key: string): Cell => {
      const v = row[key];
      return v === undefined ? null : typeof v === 'object' ? v[lang] : v;
    };
    return jobFrom(null, (key) => value(key));
  });
}

function jobFrom(row: number | null, value: (key: string) => Cell): Job {
  const text = (key: string) => cellText(value(key));
  const language = text('language');
  return {
    row,
    active: parseFlag(value('active')) === true,
    template: text('template'),
    scope: text('scope'),
    filter: text('filter'),
    language: language ? parseLanguage(language) : null,
    fileName: text('file_name'),
    folder: text('folder'),
    pdf: parseFlag(value('pdf')) === true,
  };
}

/** The jobs of the reports tab; null when the workbook has none (or it cannot be read: a problem says so). */
export function readJobs(tab: TabData | undefined): { jobs: Job[] | null; problems: JobProblem[] } {
  if (!tab) return { jobs: null, problems: [] };
  let map;
  try {
    map = mapTable(tab, tabSpec('reports').columns);
  } catch (e) {
    const value = e instanceof Error ? e.message : String(e);
    return { jobs: null, problems: [problem('bad_tab', 'warning', null, { kk: `«${tab.title}»`, ru: `«${tab.title}»` }, { value })] };
  }
  const jobs: Job[] = [];
  for (const { row, cells } of dataRows(tab, map)) jobs.push(jobFrom(row, (key) => cellAt(cells, map, key)));
  return { jobs, problems: [] };
}

/** A problem worded in both languages; `place` (the job's row) is itself worded per language. */
export function problem(
  code: JobMessageCode,
  severity: JobProblem['severity'],
  job: Job | null,
  place: Record<Lang, string>,
  p: { value?: string; scope?: string } = {},
): JobProblem {
  const say = (lang: Lang) => jobMessages[code][lang]({ value: '', scope: '', ...p, place: place[lang] });
  return { code, severity, job, message: { kk: say('kk'), ru: say('ru') } };
}

/** "«Есептер» парағы, 5-жол" for a row of the tab; the template or list for a default job. */
export function placeOf(job: Job, tabTitle: Record<Lang, string>): Record<Lang, string> {
  if (job.row === null) {
    const name = job.template || job.filter || job.scope;
    return { kk: `«${name}»`, ru: `«${name}»` };
  }
  return { kk: jobPlace.kk({ tab: tabTitle.kk, row: job.row }), ru: jobPlace.ru({ tab: tabTitle.ru, row: job.row }) };
}

// -------------------------------------------------------------------------------------------------------------
// Planning documents

export function parseScope(text: string): Scope | null {
  const t = fold(text);
  return (SCOPES as readonly string[]).includes(t) ? (t as Scope) : null;
}

/** A default template's name as a person may write it: "Class-Passport", "class-passport.kk.docx". */
export function defaultTemplateName(text: string): DefaultTemplateName | null {
  const t = text.trim().toLowerCase().replace(/\.docx$/, '').replace(/\.(kk|ru)$/, '').replace(/[\s_]+/g, '-');
  return t in defaultTemplates ? (t as DefaultTemplateName) : null;
}

export interface PlanOptions {
  /** Every document in this language, whatever the jobs say (the command line's --lang). */
  lang?: Lang;
  /** The reports tab's title in both languages, for naming rows in messages. */
  tabTitle?: Record<Lang, string>;
}

/** The documents one job makes, and what is wrong with it. */
export function planJob(ctx: ReportContext, job: Job, options: PlanOptions = {}): { documents: PlannedDocument[]; problems: JobProblem[] } {
  const tabTitle = options.tabTitle ?? tabSpec('reports').title;
  const place = placeOf(job, tabTitle);
  const problems: JobProblem[] = [];
  const fail = (code: JobMessageCode, p: { value?: string; scope?: string } = {}, severity: JobProblem['severity'] = 'error') =>
    problems.push(problem(code, severity, job, place, p));
  const explicit = job.template ? defaultTemplateName(job.template) : null;
  const scope = parseScope(job.scope) ?? (job.scope === '' && explicit ? defaultTemplates[explicit] : null);
  if (!scope) {
    fail('bad_scope', { value: job.scope });
    return { documents: [], problems };
  }
  const lang = options.lang ?? job.language ?? ctx.registry.lang;
  const jobKey = job.row === null ? `default:${job.template || job.filter || scope}` : `row ${job.row}`;

  const templateFor = (fallback: DefaultTemplateName | null): TemplateRef | null => {
    if (!job.template) {
      if (fallback) return { kind: 'default', name: fallback };
      fail('no_template', { scope });
      return null;
    }
    if (explicit) {
      if (defaultTemplates[explicit] !== scope) {
        fail('template_scope', { value: job.template, scope });
        return null;
      }
      return { kind: 'default', name: explicit };
    }
    return { kind: 'custom', ref: job.template };
  };
  const documents: PlannedDocument[] = [];
  const add = (subjectKey: string, subject: Subject, template: TemplateRef) =>
    documents.push({ job, key: `${jobKey}|${subjectKey}`, scope, subject, template, lang, folder: job.folder });

  switch (scope) {
    case 'school': {
      const template = templateFor(null);
      if (template) add('school', { kind: 'school' }, template);
      break;
    }
    case 'class': {
      const template = templateFor('class-passport');
      if (!template) break;
      const wanted = job.filter ? splitFilter(job.filter) : ctx.classNames;
      for (const word of wanted) {
        const name = parseClassName(word)?.name;
        if (!name || !ctx.byClass.has(name)) {
          fail('bad_filter', { value: word });
          continue;
        }
        // A class without pupils would print an empty passport: said, and left out.
        if (ctx.byClass.get(name)!.length === 0) fail('empty_class', { value: name }, 'warning');
        else add(`class:${name}`, { kind: 'class', className: name }, template);
      }
      break;
    }
    case 'category': {
      const lists: ListSpec[] = [];
      if (!job.filter) lists.push(...defaultListKeys.map((key) => ({ key, ...defaultLists[key] })));
      else {
        const found = listOf(job.filter, ctx.registry.catalogue);
        if ('unknown' in found) fail('bad_filter', { value: found.unknown });
        else lists.push(found.list);
      }
      for (const list of lists) {
        const template = templateFor(list.template);
        if (!template) break;
        add(`category:${list.key}`, { kind: 'list', list }, template);
      }
      break;
    }
    case 'pupil': {
      const template = templateFor('profile');
      if (!template) break;
      if (template.kind === 'default' && template.name === 'inspection-act') {
        // One document per act of the year; a filter keeps the acts of the pupils it names.
        const named = job.filter ? new Set(pupilsOf(ctx, job.filter, (word) => fail('bad_filter', { value: word })).map((p) => p.iin)) : null;
        const seenActs = new Map<string, number>();
        for (const act of actsOfYear(ctx.registry)) {
          if (named && !named.has(act.iin)) continue;
          const id = `${act.iin}:${act.date}`;
          const n = (seenActs.get(id) ?? 0) + 1;
          seenActs.set(id, n);
          add(`act:${id}${n > 1 ? `:${n}` : ''}`, { kind: 'act', act }, template);
        }
        break;
      }
      const pupils = pupilsOf(ctx, job.filter, (word) => fail('bad_filter', { value: word }));
      if (pupils.length === 0 && problems.length === 0) fail('no_pupils', { value: job.filter }, 'warning');
      // The IIN names a pupil across runs and new years; one written twice (a copied row) cannot, so class and row do.
      const seen = new Map<string, number>();
      for (const p of ctx.registry.pupils) if (p.iin) seen.set(p.iin, (seen.get(p.iin) ?? 0) + 1);
      for (const p of pupils) {
        const id = p.iin && seen.get(p.iin) === 1 ? p.iin : `${p.className}/${p.row}`;
        add(`pupil:${id}`, { kind: 'pupil', pupil: p }, template);
      }
      break;
    }
  }
  return { documents, problems };
}

function splitFilter(filter: string): string[] {
  return filter.split(/[;,\n]+/).map((w) => w.trim()).filter(Boolean);
}

/** Pupils a pupil-scope filter names: by class, by category, by IIN (any class, any category, any IIN). */
function pupilsOf(ctx: ReportContext, filter: string, unknown: (word: string) => void): Pupil[] {
  if (!filter) return ctx.pupils;
  const classes = new Set<string>();
  const codes = new Set<string>();
  const iins = new Set<string>();
  const find = categoryFinder(ctx.registry.catalogue);
  for (const word of splitFilter(filter)) {
    const iin = normalizeIin(word);
    const cls = parseClassName(word)?.name;
    if (/^\d{12}$/.test(iin)) iins.add(iin);
    else if (cls && ctx.byClass.has(cls)) classes.add(cls);
    else if (find(word)) codes.add(find(word)!.code);
    else unknown(word);
  }
  return ctx.pupils.filter(
    (p) =>
      (classes.size === 0 || classes.has(p.className)) &&
      (codes.size === 0 || p.categories.some((c) => codes.has(c))) &&
      (iins.size === 0 || iins.has(p.iin)),
  );
}

// -------------------------------------------------------------------------------------------------------------
// Models and file names

/** The model a document is filled with. `ctx` must be in the document's language. */
export function documentModel(doc: PlannedDocument, ctx: ReportContext, paint: ChartPainter = noCharts): ModelObject {
  switch (doc.subject.kind) {
    case 'school':
      return schoolDocumentModel(doc.template, ctx, paint);
    case 'class':
      if (doc.template.kind === 'default' && doc.template.name === 'movement-class') return movementClassModel(ctx, doc.subject.className);
      return classPassportModel(ctx, doc.subject.className);
    case 'act':
      return actModel(ctx, doc.subject.act);
    case 'list':
      return listModel(ctx, doc.subject.list);
    case 'pupil':
      return profileModel(ctx, doc.subject.pupil);
  }
}

/**
 * A school-scope document's model: the registers' own documents have theirs; the annual report, the school passport
 * and a school's own template share the school model.
 */
export function schoolDocumentModel(template: TemplateRef, ctx: ReportContext, paint: ChartPainter = noCharts): ModelObject {
  if (template.kind === 'default') {
    if (template.name === 'aid-road') return roadModel(ctx);
    if (template.name === 'aid-res64') return res64PaymentsModel(ctx);
    if (template.name === 'plan') return planDocModel(ctx);
    if (template.name === 'movement-school') return movementSchoolModel(ctx);
    if (template.name === 'inspection-schedule') return scheduleModel(ctx);
  }
  return schoolModel(ctx, paint);
}

/** What a job's file name is when its pattern is empty or wrong. */
function defaultFileName(doc: PlannedDocument, model: ModelObject): string {
  const base = doc.template.kind === 'default' ? doc.template.name : doc.template.ref.replace(/^.*[\\/]/, '').replace(/\.docx$/i, '');
  switch (doc.subject.kind) {
    case 'school':
      return base;
    case 'class':
      return `${base} ${doc.subject.className}`;
    case 'list':
      return String((model.list as ModelObject).title);
    case 'pupil':
      return `${doc.subject.pupil.className} ${doc.subject.pupil.fullName}`;
    case 'act': {
      const pupil = (model as ActModel).pupil;
      return `${base} ${doc.subject.act.date} ${pupil.class} ${pupil.full_name}`.trim();
    }
  }
}

/**
 * The document's file name without extension: the job's pattern filled from the model with the template grammar
 * ("{{class.name}} сыныбының паспорты"), made safe for every file system. A bad pattern gives the default name and a problem.
 */
export function documentFileName(doc: PlannedDocument, model: ModelObject, tabTitle: Record<Lang, string> = tabSpec('reports').title): { name: string; problem: JobProblem | null } {
  let name = defaultFileName(doc, model);
  let found: JobProblem | null = null;
  if (doc.job.fileName) {
    const tree: DocTree<null> = {
      sections: [{ kind: 'body', variant: 'default', ref: null, blocks: [{ type: 'paragraph', ref: null, runs: [{ text: doc.job.fileName, ref: null }] }] }],
    };
    try {
      const filled = fillTemplate(tree, model, { template: doc.job.fileName });
      const block = filled.sections[0]!.blocks[0];
      name = block && block.type === 'paragraph' ? block.runs.map((r) => r.text).join('') : '';
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      found = problem('bad_file_name', 'warning', doc.job, placeOf(doc.job, tabTitle), { value: e.problems.map((p) => p.placeholder).join(', ') });
    }
  }
  return { name: safeFileName(name) || safeFileName(defaultFileName(doc, model)) || 'document', problem: found };
}

/** Characters no file system takes, line breaks and ends of dots and spaces removed; at most 150 characters. */
export function safeFileName(name: string): string {
  const clean = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return clean.length > 150 ? clean.slice(0, 150).trim() : clean;
}
