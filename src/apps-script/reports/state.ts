// What a reports run remembers between executions, in the workbook's document properties: the run (started, done,
// stopped), one record per document (its Doc and PDF, when, in which run), today's count against the daily limit,
// the folders and templates Qamqor made. Read with one call at the start of an execution, written with one call
// per document (write-ahead: the copy about to be filled is recorded before it is filled) and one at the end.
import type { Lang } from '../../domain/template';
import type { GProperties } from '../google-services';

const PREFIX = 'qamqor.reports.';
const KEYS = {
  run: `${PREFIX}run`,
  messages: `${PREFIX}messages`,
  quota: `${PREFIX}quota`,
  folders: `${PREFIX}folders`,
  templates: `${PREFIX}templates`,
  imports: `${PREFIX}imports`,
  limit: `${PREFIX}dailyLimit`,
} as const;
const DOC = `${PREFIX}doc:`;

/** Google Docs a consumer account may create a day (1,500 on Workspace: set `qamqor.reports.dailyLimit`). */
export const DEFAULT_DAILY_LIMIT = 250;
/** Properties hold at most 9 KB a value: messages are cut to stay well under. */
const VALUE_BUDGET = 8_000;

export type Message = { severity: 'error' | 'warning'; text: Record<Lang, string>; row?: number | null };

export interface RunState {
  id: string;
  /** The workbook's language when the run last stepped: what the sidebar's polls speak. */
  lang: Lang;
  /** ISO time the run started. */
  started: string;
  finished: boolean;
  /** Drafts: made over a registry with errors, each marked «ЖОБА» / «ПРОЕКТ» (the pedagogue ticked it). */
  draft: boolean;
  /** Why the last execution stopped before the end: its time ran out, or the day's limit was reached. */
  stopped: 'time' | 'quota' | null;
  total: number;
  done: number;
  /** The document being made now, for the sidebar. */
  current: string;
}

export interface DocRecord {
  /** The Doc; empty when it could not be made. */
  id: string;
  pdf?: string;
  name: string;
  /** ISO time it was made. */
  at: string;
  run: string;
  ok: boolean;
  /** Why it was not made, in both languages. */
  message?: Record<Lang, string>;
}

export interface Quota {
  day: string;
  created: number;
}

export class ReportState {
  run: RunState | null;
  messages: Message[];
  quota: Quota;
  readonly folders: Record<string, string>;
  readonly templates: Record<string, string>;
  /** Templates a person made, imported into Qamqor's folder: by source id, the copy and the run it was made for. */
  readonly imports: Record<string, { id: string; run: string }>;
  readonly dailyLimit: number;
  private readonly records = new Map<string, DocRecord>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly store: GProperties,
    all: Record<string, string>,
  ) {
    const json = <T>(key: string, fallback: T): T => {
      try {
        return all[key] ? (JSON.parse(all[key]!) as T) : fallback;
      } catch {
        return fallback;
      }
    };
    this.run = json<RunState | null>(KEYS.run, null);
    this.messages = json<Message[]>(KEYS.messages, []);
    this.quota = json<Quota>(KEYS.quota, { day: '', created: 0 });
    this.folders = json<Record<string, string>>(KEYS.folders, {});
    this.templates = json<Record<string, string>>(KEYS.templates, {});
    this.imports = json<Record<string, { id: string; run: string }>>(KEYS.imports, {});
    this.dailyLimit = Number(all[KEYS.limit]) > 0 ? Number(all[KEYS.limit]) : DEFAULT_DAILY_LIMIT;
    for (const [k, v] of Object.entries(all)) {
      if (!k.startsWith(DOC)) continue;
      try {
        this.records.set(k.slice(DOC.length), unpack(JSON.parse(v)));
      } catch {
        // A record that does not read is as good as none: the document is made again.
      }
    }
  }

  static load(store: GProperties): ReportState {
    return new ReportState(store, store.getProperties());
  }

  record(key: string): DocRecord | undefined {
    return this.records.get(key);
  }

  setRecord(key: string, record: DocRecord): void {
    this.records.set(key, record);
    this.dirty.add(DOC + key);
  }

  /** Records of one run. */
  recordsOf(runId: string): Map<string, DocRecord> {
    return new Map([...this.records].filter(([, r]) => r.run === runId));
  }

  touch(what: 'run' | 'messages' | 'quota' | 'folders' | 'templates' | 'imports'): void {
    this.dirty.add(KEYS[what]);
  }

  /** Docs that may still be created today; `today` is YYYY-MM-DD in the workbook's time zone. */
  left(today: string): number {
    if (this.quota.day !== today) this.quota = { day: today, created: 0 };
    return Math.max(0, this.dailyLimit - this.quota.created);
  }

  created(today: string): void {
    this.left(today);
    this.quota.created++;
    this.touch('quota');
  }

  addMessage(message: Message): void {
    if (this.messages.some((m) => m.text.kk === message.text.kk)) return;
    this.messages.push(message);
    this.touch('messages');
  }

  /** Writes what changed in one call; nothing when nothing changed. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const out: Record<string, string> = {};
    for (const k of this.dirty) {
      if (k.startsWith(DOC)) out[k] = JSON.stringify(pack(this.records.get(k.slice(DOC.length))!));
      else if (k === KEYS.run) out[k] = JSON.stringify(this.run);
      else if (k === KEYS.messages) out[k] = this.messagesValue();
      else if (k === KEYS.quota) out[k] = JSON.stringify(this.quota);
      else if (k === KEYS.folders) out[k] = JSON.stringify(this.folders);
      else if (k === KEYS.templates) out[k] = JSON.stringify(this.templates);
      else if (k === KEYS.imports) out[k] = JSON.stringify(this.imports);
    }
    this.store.setProperties(out);
    this.dirty.clear();
  }

  /** The messages that fit in one property, oldest first; a long list keeps its first ones, which name the cause. */
  private messagesValue(): string {
    const kept: Message[] = [];
    for (const m of this.messages) {
      const cut = { ...m, text: { kk: clip(m.text.kk), ru: clip(m.text.ru) } };
      if (utf8Length(JSON.stringify([...kept, cut])) > VALUE_BUDGET) break;
      kept.push(cut);
    }
    return JSON.stringify(kept);
  }
}

/**
 * A record as stored: an array, about 150 bytes, since a workbook keeps one per document it ever made and a store
 * holds 500 KB (some 3,000 documents).
 */
type Packed = [id: string, pdf: string, name: string, at: number, run: string, ok: 0 | 1, message?: Record<Lang, string>];

function pack(r: DocRecord): Packed {
  const out: Packed = [r.id, r.pdf ?? '', r.name, Date.parse(r.at), r.run, r.ok ? 1 : 0];
  if (r.message) out.push(r.message);
  return out;
}

function unpack(p: Packed): DocRecord {
  const r: DocRecord = { id: p[0], name: p[2], at: new Date(p[3]).toISOString(), run: p[4], ok: p[5] === 1 };
  if (p[1]) r.pdf = p[1];
  if (p[6]) r.message = p[6];
  return r;
}

function clip(text: string): string {
  return text.length > 600 ? `${text.slice(0, 599)}…` : text;
}

/** Bytes of a string in UTF-8 (Apps Script has no TextEncoder). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The progress the sidebar polls, read without the lock while a step runs. */
export function readRun(store: GProperties): { run: RunState | null; messages: Message[] } {
  const parse = <T>(v: string | null, fallback: T): T => {
    try {
      return v ? (JSON.parse(v) as T) : fallback;
    } catch {
      return fallback;
    }
  };
  // Two small reads rather than the whole store, which holds a record per document.
  return { run: parse<RunState | null>(store.getProperty(KEYS.run), null), messages: parse<Message[]>(store.getProperty(KEYS.messages), []) };
}
