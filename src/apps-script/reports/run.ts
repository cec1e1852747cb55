// "Generate reports" as Apps Script runs it: the sidebar calls one step after another, each a separate execution
// under the 6-minute limit. A step takes the lock, reads the workbook once, plans the documents, makes those the
// run has not made yet until its time budget or the day's limit of new Docs is reached, and writes each job's
// status, links and time back in one batch. A document is a Drive copy of its template filled by one Docs API
// batchUpdate (pictures and a PDF cost a few calls more); the one it replaces, found by its tag, goes to the trash.
// State lives in document properties, so a closed sidebar, a timeout or the day's limit lose nothing: choosing
// "Generate reports" again continues where the run stopped, and only a finished run makes a re-run start over
// (replacing every document, never duplicating one).
import { passportWithDynamics } from '../../app/build-passport';
import { planReports, signingBlockers, type ReportsPlan } from '../../app/reports';
import { reportWords } from '../../reports/models/words';
import { RegistryError } from '../../domain/i18n';
import { readRegistry, type Registry } from '../../domain/registry/registry';
import { safeFileName, placeOf, problem, type PlannedDocument } from '../../reports/jobs';
import { UnsupportedTemplate } from '../../reports/docs-batch';
import { TemplateError } from '../../reports/template-error';
import { tabSpec, type Lang } from '../../domain/template';
import type { GoogleServices } from '../google-services';
import {
  EXECUTION_MS, failureKind, failureMessage, logFailure, retryingDocs, retryingDocumentApp, retryingDrive, retryingSheets, retryPolicy,
} from '../google-errors';
import { GoogleWorkbook } from '../google-workbook';
import { say, ui } from '../messages';
import { localeLang, workbookLang } from '../workbook-lang';
import { GoogleCharts } from './charts';
import { docUrl, DriveFiles, fileUrl, folderUrl, isQuotaError, QuotaReached, REPORTS_FOLDER, ROOT_FOLDER, type TaggedFile } from './drive';
import type { BlobOf } from './images';
import { blobMaker, fillGoogleTemplate, planRendering, renderInto, type LoadedTemplate, type Rendering } from './render';
import { ReportState, readRun, type DocRecord, type RunState } from './state';
import { statusChanges } from './status';
import { TemplateMissing, Templates } from './templates';

/** What the sidebar shows after each step and each poll. */
export interface Progress {
  lang: Lang;
  total: number;
  done: number;
  made: number;
  failed: number;
  finished: boolean;
  /** The step stopped early: 'time' — the sidebar starts the next step; 'quota' — the run waits for tomorrow. */
  stopped: 'time' | 'quota' | null;
  /** Another action holds the lock: the sidebar tries again shortly. */
  busy: boolean;
  /** Nothing can be made at all (a missing service, a registry that does not read). */
  error: string | null;
  /** Final documents refused: the registry has errors; the sidebar offers to make drafts instead. */
  blocked: boolean;
  current: string;
  summary: string;
  messages: string[];
  /** Documents made in this run (the first 200), with their links. */
  documents: { name: string; url: string; pdf: string | null }[];
  folder: string | null;
}

export interface StepOptions {
  /** Make the documents even though the registry has errors, each marked «ЖОБА» / «ПРОЕКТ». */
  draft?: boolean;
  /**
   * When to stop starting documents, from the step's start: Apps Script ends a run at 6 minutes; 4.5 leaves room
   * for the document under way, a PDF, and the final writes.
   */
  budgetMs?: number;
}

const BUDGET_MS = 270_000;
const LOCK_WAIT_MS = 2_000;
/**
 * What a document costs whatever its size (the copy, a batchUpdate call, the trash of the one it replaces), pictures
 * (open, save) and a PDF (export, upload) on top; the requests of its batch are timed as the step goes.
 */
const FIXED_MS = 3_500;
const IMAGES_MS = 1_500;
const PDF_MS = 3_000;
/** A first guess of one request of a batch, until the step has timed one document. */
const FIRST_MS_PER_REQUEST = 1;
/** Progress and records are written this often while a step runs (the sidebar polls them), not per document. */
const SAVE_EVERY_MS = 30_000;
const SHOWN_DOCUMENTS = 200;

/**
 * One step, with every failure of a Google call caught here, at its edge: what the step finished is recorded
 * (document properties, written as each document is made), and the sidebar shows what happened in the workbook's
 * language; Google's technical text goes to the execution log.
 */
export function reportsStep(services: GoogleServices, options: StepOptions = {}): Progress {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  let lang: Lang | null = null;
  try {
    return stepWithin(services, options, (l) => (lang = l));
  } catch (e) {
    logFailure(services, 'qamqorReportsStep', e);
    let l: Lang = 'kk';
    try {
      l = lang ?? localeLang(spreadsheet.getSpreadsheetLocale());
    } catch {
      // Not even the locale: Kazakh, the layout's default.
    }
    return errorProgress(l, failureMessage(e, l));
  }
}

function stepWithin(services: GoogleServices, options: StepOptions, langKnown: (lang: Lang) => void): Progress {
  const clock = () => (services.now ? services.now() : new Date());
  const started = clock();
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  if (!services.Sheets || !services.Drive || !services.Docs || !services.DocumentApp || !services.Utilities || !services.PropertiesService) {
    const lang = localeLang(spreadsheet.getSpreadsheetLocale());
    return errorProgress(lang, say(ui.noReportServices, lang));
  }
  // A rate limit is waited out (exponential backoff) while the step has time left; the day's quota is not.
  const policy = retryPolicy(services, started.getTime(), EXECUTION_MS);
  const Sheets = retryingSheets(services.Sheets, policy);
  const Drive = retryingDrive(services.Drive, policy);
  const Docs = retryingDocs(services.Docs, policy);
  const DocumentApp = retryingDocumentApp(services.DocumentApp, policy);
  const { Utilities, PropertiesService } = services;
  const lock = services.LockService?.getDocumentLock() ?? null;
  if (lock && !lock.tryLock(LOCK_WAIT_MS)) {
    const now = reportsProgress(services);
    return { ...now, busy: true, summary: say(ui.reportsBusy, now.lang) };
  }

  const workbook = new GoogleWorkbook(Sheets, spreadsheet.getId());
  const data = workbook.read();
  const lang = workbookLang(data, workbook.locale);
  langKnown(lang);
  let registry: Registry;
  let plan: ReportsPlan;
  const timeZone = workbook.timeZone || 'Asia/Almaty';
  const today = Utilities.formatDate(started, timeZone, 'yyyy-MM-dd');
  try {
    registry = readRegistry(data, lang);
    plan = planReports(registry, passportWithDynamics(registry), { today });
  } catch (e) {
    if (e instanceof RegistryError) return errorProgress(lang, say(ui.failed, lang, { reason: e.text(e.lang ?? lang) }));
    throw e;
  }
  const props = PropertiesService.getDocumentProperties();
  const state = ReportState.load(props);
  // A run under way keeps what it started as; a new one makes documents to sign only over a registry without errors.
  const running = state.run as RunState | null;
  const draft = running && !running.finished ? running.draft : options.draft === true;
  if (!draft) {
    const { errors, tabs } = signingBlockers(registry, today);
    if (errors > 0) {
      const shown = tabs.slice(0, 8).join(', ') + (tabs.length > 8 ? '…' : '');
      return { ...errorProgress(lang, say(ui.reportsRefusedErrors, lang, { count: errors, tabs: shown, tab: tabSpec('issues').title[lang] })), blocked: true };
    }
  }
  const step = new Step({ ...services, Drive, Docs, DocumentApp, Utilities }, state, plan, registry, {
    lang, today, clock, started, budgetMs: options.budgetMs ?? BUDGET_MS, book: spreadsheet.getId(), draft,
  });
  const progress = step.run();
  workbook.apply(
    statusChanges({
      registry,
      documents: plan.documents,
      records: state.recordsOf(step.runState.id),
      messages: state.messages,
      finished: step.runState.finished,
      lang,
      time: (iso) => Utilities.formatDate(new Date(iso), timeZone, 'dd.MM.yyyy HH:mm'),
    }),
  );
  return progress;
}

/** The run as the last step left it, for the sidebar to poll while a step is under way (no lock, two reads). */
export function reportsProgress(services: GoogleServices): Progress {
  const lang = (): Lang => localeLang(services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  if (!services.PropertiesService) return errorProgress(lang(), say(ui.noReportServices, lang()));
  const { run, messages } = readRun(services.PropertiesService.getDocumentProperties());
  if (!run) {
    const l = lang();
    return { ...emptyProgress(l), summary: say(ui.reportsStarting, l) };
  }
  const l = run.lang;
  const summary = run.current ? `${say(ui.reportsCount, l, { done: run.done, total: run.total })}. ${say(ui.reportsMaking, l, { name: run.current })}` : say(ui.reportsCount, l, { done: run.done, total: run.total });
  return {
    ...emptyProgress(l),
    total: run.total,
    done: run.done,
    finished: run.finished,
    stopped: run.stopped,
    current: run.current,
    summary,
    messages: messages.map((m) => m.text[l]),
  };
}

interface StepContext {
  lang: Lang;
  today: string;
  clock: () => Date;
  started: Date;
  budgetMs: number;
  book: string;
  draft: boolean;
}

type ReportServices = GoogleServices & Required<Pick<GoogleServices, 'Drive' | 'Docs' | 'DocumentApp' | 'Utilities'>>;

/** A document ready to be made: everything but the calls to Google. */
interface Ready {
  doc: PlannedDocument;
  name: string;
  template: LoadedTemplate;
  rendering: Rendering;
}

class Step {
  readonly runState: RunState;
  private readonly files: DriveFiles;
  private readonly templates: Templates;
  private readonly charts: GoogleCharts;
  private readonly blobOf: BlobOf;
  /** The slowest rate seen in this step, per request of a batch. */
  private msPerRequest = FIRST_MS_PER_REQUEST;
  private madeHere = 0;
  private savedAt: number;
  private readonly year: string;

  constructor(
    private readonly services: ReportServices,
    private readonly state: ReportState,
    private readonly plan: ReportsPlan,
    private readonly registry: Registry,
    private readonly ctx: StepContext,
  ) {
    const previous = state.run as RunState | null;
    if (previous && !previous.finished) {
      this.runState = { ...previous, lang: ctx.lang, stopped: null };
    } else {
      // A new run: last run's messages go; its records stay, to find what this run replaces.
      // The run's id is short: every document's record carries it.
      this.runState = {
        id: ctx.started.getTime().toString(36), started: ctx.started.toISOString(), finished: false, draft: ctx.draft, stopped: null,
        total: 0, done: 0, current: '', lang: ctx.lang,
      };
      state.messages = [];
      state.touch('messages');
    }
    state.run = this.runState;
    state.touch('run');
    this.files = new DriveFiles(services.Drive, state, ctx.book);
    this.templates = new Templates(services, this.files, state, this.runState.id, () => this.reserve());
    this.charts = new GoogleCharts(services.Charts);
    this.blobOf = blobMaker(services.Utilities, this.charts);
    this.year = registry.settings.schoolYear?.name ?? plan.context(registry.lang).passport.schoolYear;
    this.savedAt = ctx.started.getTime();
  }

  private get now(): Date {
    return this.ctx.clock();
  }

  run(): Progress {
    const { state, plan, runState: run, ctx } = this;
    for (const p of plan.problems) state.addMessage({ severity: p.severity, text: p.message, row: p.job?.row ?? null });
    const todo = plan.documents.filter((d) => state.record(d.key)?.run !== run.id);
    run.total = plan.documents.length;
    run.done = run.total - todo.length;
    let stopped: RunState['stopped'] = null;
    for (const doc of todo) {
      if (state.left(ctx.today) <= 0) {
        stopped = 'quota';
        break;
      }
      try {
        const ready = this.prepare(doc);
        if (ready) {
          // Each document must fit in what is left of the execution; the first of a step is always tried.
          const elapsed = this.now.getTime() - ctx.started.getTime();
          if (this.madeHere > 0 && elapsed + this.estimateMs(ready) > ctx.budgetMs) {
            stopped = 'time';
            break;
          }
          this.make(ready);
        }
      } catch (e) {
        // Google still saying "too often" after the step's waiting: the next step (the sidebar starts it) goes on.
        if (failureKind(e) === 'rateLimit') stopped = 'time';
        else if (isQuotaError(e)) stopped = 'quota';
        else {
          // What this step finished stays recorded.
          state.touch('run');
          state.flush();
          throw e;
        }
        break;
      }
      run.done++;
      this.saveNowAndThen();
    }
    run.finished = run.done >= run.total;
    run.stopped = run.finished ? null : stopped;
    run.current = '';
    state.touch('run');
    state.flush();
    return this.progress();
  }

  /**
   * Progress for the sidebar's polls, and what is made so far, every half minute. An execution killed in between
   * loses at most that: its documents are unrecorded, so the next step makes them again and trashes the copies it
   * finds by their tag.
   */
  private saveNowAndThen(): void {
    const now = this.now.getTime();
    if (now - this.savedAt < SAVE_EVERY_MS) return;
    this.state.touch('run');
    this.state.flush();
    this.savedAt = now;
  }

  /** One more Google Doc today, or QuotaReached. */
  private reserve(): void {
    if (this.state.left(this.ctx.today) <= 0) throw new QuotaReached();
    this.state.created(this.ctx.today);
  }

  private overheadMs(ready: Ready): number {
    return FIXED_MS + (ready.rendering.images.length > 0 ? IMAGES_MS : 0) + (ready.doc.job.pdf ? PDF_MS : 0);
  }

  private estimateMs(ready: Ready): number {
    return this.overheadMs(ready) + ready.rendering.requests * this.msPerRequest;
  }

  /**
   * The document's model, name, template and requests, before anything is copied: a template with a typo costs no
   * Doc and no call, and the size of the batch tells how long making it will take. Null when it cannot be made
   * (recorded with why).
   */
  private prepare(doc: PlannedDocument): Ready | null {
    const { state, runState: run } = this;
    const model = this.plan.model(doc, this.charts.paint);
    const named = this.plan.fileName(doc, model);
    if (named.problem) state.addMessage({ severity: named.problem.severity, text: named.problem.message, row: doc.job.row });
    const name = named.name;
    run.current = name;
    try {
      const template = this.templates.load(doc.template, doc.lang);
      try {
        const filled = fillGoogleTemplate(template, model, run.draft ? reportWords.draft[doc.lang] : undefined);
        return { doc, name, template, rendering: planRendering(template, filled) };
      } catch (e) {
        if (e instanceof UnsupportedTemplate) this.failed(doc, name, unsupported(e, template.name));
        else throw e;
        return null;
      }
    } catch (e) {
      if (e instanceof TemplateMissing) this.failed(doc, name, this.missing(doc, e));
      else if (e instanceof TemplateError) this.failed(doc, name, e.messages);
      else if (isQuotaError(e) || failureKind(e) === 'rateLimit') throw e;
      else this.failed(doc, name, googleFailure(this.services, name, e));
      return null;
    }
  }

  private failed(doc: PlannedDocument, name: string, message: Record<Lang, string>): void {
    this.state.setRecord(doc.key, { id: '', name, at: this.now.toISOString(), run: this.runState.id, ok: false, message });
    this.state.addMessage({ severity: 'error', text: message, row: doc.job.row });
  }

  private make(ready: Ready): void {
    const { services, state, runState: run } = this;
    const { doc, name, template, rendering } = ready;
    const t0 = this.now.getTime();
    const previous = state.record(doc.key);
    let id = '';
    let folder = '';
    let pdf: string | undefined;
    try {
      folder = this.files.folder([ROOT_FOLDER, REPORTS_FOLDER, safeFileName(this.year) || '—', ...subfolders(doc.folder)]);
      this.reserve();
      id = this.files.copy(template.id, name, folder, doc.key);
      renderInto(services, id, rendering, this.blobOf);
      if (doc.job.pdf) pdf = this.files.pdf(this.files.exportPdf(id), `${name}.pdf`, folder, `${doc.key}|pdf`, this.previousPdf(doc.key, previous));
    } catch (e) {
      // A half-made copy never stays behind, nor takes the place of the previous document.
      if (id) this.files.trash(id);
      if (isQuotaError(e) || failureKind(e) === 'rateLimit') throw e;
      return this.failed(doc, name, googleFailure(this.services, name, e));
    }
    // Replaced only now that the new one is whole: what this workbook tagged with the key (a copy an execution killed
    // before recording it included), and the recorded document.
    for (const old of this.previousFiles(doc.key, previous)) if (old !== id && old !== pdf) this.files.trash(old);
    const record: DocRecord = { id, name, at: this.now.toISOString(), run: run.id, ok: true };
    if (pdf) record.pdf = pdf;
    state.setRecord(doc.key, record);
    // The first document timed replaces the guess; later ones only raise it (the slowest seen decides).
    if (rendering.requests > 0) {
      const rate = Math.max(0.1, (this.now.getTime() - t0 - this.overheadMs(ready)) / rendering.requests);
      this.msPerRequest = this.madeHere === 0 ? rate : Math.max(this.msPerRequest, rate);
    }
    this.madeHere++;
  }

  /** The PDF a new one replaces in place: the recorded one when still tagged, else the first tagged one. */
  private previousPdf(key: string, previous: DocRecord | undefined): TaggedFile | null {
    const tagged = this.files.tagged(`${key}|pdf`);
    return tagged.find((f) => f.id === previous?.pdf) ?? tagged[0] ?? null;
  }

  private previousFiles(key: string, previous: DocRecord | undefined): string[] {
    const ids = [...this.files.tagged(key), ...this.files.tagged(`${key}|pdf`)].map((f) => f.id);
    if (previous?.ok) ids.push(previous.id, previous.pdf ?? '');
    return [...new Set(ids.filter(Boolean))];
  }

  private missing(doc: PlannedDocument, e: TemplateMissing): Record<Lang, string> {
    const found = problem('unknown_template', 'error', doc.job, placeOf(doc.job, this.plan.tabTitle), { value: e.value });
    if (!e.byName) return found.message;
    return { kk: found.message.kk + say(ui.templateHiddenHint, 'kk'), ru: found.message.ru + say(ui.templateHiddenHint, 'ru') };
  }

  private progress(): Progress {
    const { state, runState: run, ctx } = this;
    const lang = ctx.lang;
    const records = state.recordsOf(run.id);
    const ordered = this.plan.documents.map((d) => records.get(d.key)).filter((r): r is DocRecord => !!r);
    const made = ordered.filter((r) => r.ok);
    const failed = ordered.length - made.length;
    const folderId = state.folders[[ROOT_FOLDER, REPORTS_FOLDER, safeFileName(this.year) || '—'].join('/')] ?? null;
    const tab = this.registry.tabs.reports?.title ?? tabSpec('reports').title[lang];
    let summary: string;
    if (run.total === 0) summary = say(ui.reportsNothing, lang, { tab });
    else if (run.finished) summary = say(ui.reportsDone, lang, { made: made.length, failed, folder: `${ROOT_FOLDER}/${REPORTS_FOLDER}/${this.year}`, tab });
    else if (run.stopped === 'quota') {
      const created = state.quota.created;
      summary = say(ui.reportsQuota, lang, { limit: state.dailyLimit, created, left: run.total - run.done });
    } else summary = say(ui.reportsContinuing, lang, { done: run.done, total: run.total });
    return {
      ...emptyProgress(lang),
      total: run.total,
      done: run.done,
      made: made.length,
      failed,
      finished: run.finished,
      stopped: run.stopped,
      summary,
      messages: state.messages.map((m) => m.text[lang]),
      documents: made.slice(0, SHOWN_DOCUMENTS).map((r) => ({ name: r.name, url: docUrl(r.id), pdf: r.pdf ? fileUrl(r.pdf) : null })),
      folder: folderId ? folderUrl(folderId) : null,
    };
  }
}

/** A job's folder column, "Сынып паспорттары" or "Тізімдер/2025", as folder names. */
function subfolders(folder: string): string[] {
  return folder.split(/[\\/]+/).map(safeFileName).filter(Boolean);
}

/** A template the Docs API cannot copy, named with what to change. */
function unsupported(e: UnsupportedTemplate, template: string): Record<Lang, string> {
  const line = e.what === 'nested_table_in_loop' ? ui.templateTableInLoop : ui.templateImageInVariant;
  return { kk: say(line, 'kk', { name: template }), ru: say(line, 'ru', { name: template }) };
}

/** Google refused something for this document: said in both languages with what to do; Google's own text is logged. */
function googleFailure(services: GoogleServices, name: string, e: unknown): Record<Lang, string> {
  logFailure(services, 'qamqorReportsStep', e);
  const line = (lang: Lang) => say(ui.reportsFailedOne, lang, { name, reason: failureMessage(e, lang) });
  return { kk: line('kk'), ru: line('ru') };
}

function emptyProgress(lang: Lang): Progress {
  return {
    lang, total: 0, done: 0, made: 0, failed: 0, finished: false, stopped: null, busy: false, error: null, blocked: false, current: '', summary: '',
    messages: [], documents: [], folder: null,
  };
}

function errorProgress(lang: Lang, error: string): Progress {
  return { ...emptyProgress(lang), error, summary: error };
}
