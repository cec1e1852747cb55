// Google's failures as Qamqor handles them: what kind a failure is, a rate limit waited out with exponential backoff
// within the execution's time, and, at an action's edge, a message in the workbook's language and a log line that
// keeps Google's technical text without any pupil's data.
import type { Lang } from '../domain/template';
import type { DocsAdvanced, DocumentAppLike, DriveAdvanced, GoogleServices, SheetsAdvanced } from './google-services';
import { say, ui } from './messages';

export type FailureKind =
  /** Too many calls in a short time: worth waiting and trying again. */
  | 'rateLimit'
  /** A quota for the day ("Service invoked too many times for one day"): nothing to do until tomorrow. */
  | 'dailyQuota'
  /** A write to a range the user may not edit. */
  | 'protected'
  /** The user or the script lacks a permission (a scope, access to the file). */
  | 'permission'
  /** Google is down or the workbook busy: worth trying again in a few minutes. */
  | 'unavailable'
  /** Google did not answer in time: the batch may or may not have been applied. */
  | 'timeout'
  /** The workbook is at Google's size limit. */
  | 'tooLarge'
  | 'notFound'
  | 'other';

const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Ordered: "too many times for one day" is a daily quota before it is "too many times". */
const KINDS: readonly [FailureKind, RegExp][] = [
  ['dailyQuota', /too many times for one day|dailyLimitExceeded/i],
  [
    'rateLimit',
    /rate ?limit exceeded|rateLimitExceeded|too many times in a short time|too many requests|(?<!\[)\b429\b(?!\])|RESOURCE_EXHAUSTED|quota exceeded for quota metric|per minute per user|too many LockService operations/i,
  ],
  ['protected', /protected cell or object|protected range|protected sheet/i],
  ['timeout', /timed out|deadline exceeded|Exceeded maximum execution time/i],
  ['tooLarge', /limit of \d+ cells|above the limit|Argument too large|too large/i],
  ['permission', /permission|PERMISSION_DENIED|Access denied|Authorization is required|insufficient authentication scopes|(?<!\[)\b403\b(?!\])/i],
  ['notFound', /Requested entity was not found|not found|(?<!\[)\b404\b(?!\])/i],
  [
    'unavailable',
    /service (is )?(currently )?unavailable|Service error|Backend Error|Internal error|server error|failed while accessing document|Lock timeout|try again later|(?<!\[)\b50[0-4]\b(?!\])/i,
  ],
];

export function failureKind(e: unknown): FailureKind {
  const message = text(e);
  for (const [kind, pattern] of KINDS) if (pattern.test(message)) return kind;
  return 'other';
}

/** When to give up waiting: an execution's clock and deadline, and how it sleeps. */
export interface RetryPolicy {
  now(): number;
  /** Absent where the service is (a test without Utilities): then nothing is retried. */
  sleep: ((ms: number) => void) | null;
  /** The time by which the execution must have finished what it does after this call. */
  deadline: number;
}

/** Apps Script ends a menu action or a sidebar step at 6 minutes, a simple trigger at 30 s. */
export const EXECUTION_MS = 360_000;
export const SIMPLE_TRIGGER_MS = 30_000;
/** Left at the end of an execution for what follows the last call: a write, a toast, a record. */
const RESERVE_MS = 20_000;
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 32_000;

/** The policy of an execution that started at `started` and may run `limitMs`. */
export function retryPolicy(services: Pick<GoogleServices, 'Utilities' | 'now'>, started: number, limitMs: number): RetryPolicy {
  const utilities = services.Utilities;
  return {
    now: () => (services.now ? services.now() : new Date()).getTime(),
    sleep: utilities?.sleep ? (ms) => utilities.sleep!(ms) : null,
    deadline: started + limitMs - Math.min(RESERVE_MS, limitMs / 3),
  };
}

/**
 * A call, tried again after 1, 2, 4… s (a quarter more at random, so that two executions do not retry in step) while
 * Google says it is called too often and the execution has time to wait. A read is also retried when Google is briefly
 * unavailable; a write is not, as it may have been applied.
 */
export function withRetry<T>(policy: RetryPolicy, call: () => T, idempotent: boolean): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return call();
    } catch (e) {
      const kind = failureKind(e);
      if (!(kind === 'rateLimit' || (idempotent && kind === 'unavailable')) || !policy.sleep) throw e;
      const wait = Math.round(Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** attempt) * (1 + Math.random() / 4));
      if (policy.now() + wait > policy.deadline) throw e;
      policy.sleep(wait);
    }
  }
}

/** The Sheets advanced service with every call retried under the policy. */
export function retryingSheets(sheets: SheetsAdvanced, policy: RetryPolicy): SheetsAdvanced {
  const s = sheets.Spreadsheets;
  return {
    Spreadsheets: {
      get: (id, args) => withRetry(policy, () => s.get(id, args), true),
      batchUpdate: (resource, id) => withRetry(policy, () => s.batchUpdate(resource, id), false),
    },
  };
}

/** The Drive advanced service with every call retried: a refused copy or upload was not made, so trying again is safe. */
export function retryingDrive(drive: DriveAdvanced, policy: RetryPolicy): DriveAdvanced {
  const f = drive.Files;
  return {
    Files: {
      create: (resource, media, args) => withRetry(policy, () => f.create(resource, media, args), false),
      copy: (resource, id, args) => withRetry(policy, () => f.copy(resource, id, args), false),
      get: (id, args) => withRetry(policy, () => f.get(id, args), true),
      list: (args) => withRetry(policy, () => f.list(args), true),
      // Qamqor updates only to trash a file: the same update twice is the same.
      update: (resource, id, media, args) => withRetry(policy, () => f.update(resource, id, media, args), true),
      export: (id, mimeType, args) => withRetry(policy, () => f.export(id, mimeType, args), true),
    },
  };
}

/** The Docs advanced service: a read retried; a batch only when refused for its rate, as it was then not applied. */
export function retryingDocs(docs: DocsAdvanced, policy: RetryPolicy): DocsAdvanced {
  const d = docs.Documents;
  return {
    Documents: {
      get: (id, args) => withRetry(policy, () => d.get(id, args), true),
      batchUpdate: (resource, id) => withRetry(policy, () => d.batchUpdate(resource, id), false),
    },
  };
}

export function retryingDocumentApp(documentApp: DocumentAppLike, policy: RetryPolicy): DocumentAppLike {
  return { openById: (id) => withRetry(policy, () => documentApp.openById(id), true), ElementType: documentApp.ElementType };
}

const MESSAGES: Record<FailureKind, (typeof ui)[keyof typeof ui]> = {
  rateLimit: ui.googleRateLimit,
  dailyQuota: ui.googleDailyQuota,
  protected: ui.googleProtected,
  permission: ui.googlePermission,
  unavailable: ui.googleUnavailable,
  timeout: ui.googleTimeout,
  tooLarge: ui.googleTooLarge,
  notFound: ui.googleNotFound,
  other: ui.googleOther,
};

/** What a person reads when Google refused: what happened to the workbook and what to do. */
export function failureMessage(e: unknown, lang: Lang): string {
  return say(MESSAGES[failureKind(e)], lang);
}

/**
 * Google's own text of a failure, for the execution log: what Google quotes (a value, a title) is masked and long
 * digit runs (an IIN, a phone) are hidden, so that no pupil's data reaches the log.
 */
export function redact(message: string): string {
  return message
    .replace(/"[^"]*"|«[^»]*»|“[^”]*”|'[^']*'/g, '"…"')
    .replace(/\d[\d\s-]{5,}\d/g, '#')
    .slice(0, 500);
}

/** One log line per failure at an action's edge; Apps Script keeps console.error in the executions log. */
export function logFailure(services: Pick<GoogleServices, 'console'>, where: string, e: unknown): void {
  const log = services.console ?? (typeof console === 'undefined' ? undefined : console);
  // A refused batch carries Google's own exception: its name is the one worth logging.
  const root = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const name = root instanceof Error ? root.name : typeof root;
  log?.error(`Qamqor ${where}: ${failureKind(e)}: ${name}: ${redact(text(e))}`);
}
