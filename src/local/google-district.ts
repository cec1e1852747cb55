// The district from Google Sheets: each school's passport read with ONE `spreadsheets.values.batchGet` (the passport,
// settings and categories tabs, never a class tab), through googleapis with a service account's read-only key.
// googleapis is loaded here, on this path only, so that every other command starts as fast as before.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { sheets_v4 } from 'googleapis';
import { readSchoolPassport, type SchoolTabs, type SourceProblem } from '../domain/district/school-passport';
import type { SchoolSource } from '../domain/district/roll-up';
import type { TabData } from '../domain/sheet';
import { tabSpec, type Lang } from '../domain/template';

export const SHEETS_READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';
/** Where gtoken (googleapis' service-account flow) always sends the signed assertion. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** Requests in flight at once: Sheets answers each in about 0.3 s, so ten keep a hundred schools near three seconds. */
export const DEFAULT_CONCURRENCY = 10;
/** Quota (429) and server (5xx) errors are waited out this many times, doubling from the base delay, before giving up. */
const MAX_RETRIES = 6;
const MAX_DELAY_MS = 32_000;
const RETRIED = new Set([429, 500, 502, 503, 504]);
const NETWORK_RETRIED = new Set(['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** One line of ids.txt: a spreadsheet to read, and the language its tabs are titled in when the line says it. */
export interface SchoolLine {
  source: string;
  spreadsheetId: string;
  lang: Lang | null;
}

/** Why the Google path cannot run at all (no key, a bad key, a key Google refuses): said by the command, exit 2. */
export class GoogleSetupError extends Error {
  constructor(
    readonly code: 'no_credentials' | 'bad_credentials' | 'auth_failed' | 'ids_unreadable',
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${code}: ${file}: ${detail}`);
  }
}

/**
 * ids.txt: one spreadsheet id or its URL a line, optionally followed by `kk` or `ru` (the language of that workbook's
 * tab titles); `#` starts a comment; blank lines are skipped. A line that is neither is named, never guessed.
 * The entries keep the file's order: a school's place in the district does not depend on how fast Google answered.
 */
export function parseIdsText(text: string, file: string): (SchoolLine | SourceProblem)[] {
  const entries: (SchoolLine | SourceProblem)[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const source = `${basename(file)}:${i + 1}`;
    const [first = '', second, ...rest] = line.split(/\s+/);
    const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]{10,})/.exec(first)?.[1];
    const id = fromUrl ?? (/^[A-Za-z0-9_-]{10,}$/.test(first) ? first : null);
    const lang = second === undefined ? null : second === 'kk' || second === 'ru' ? second : undefined;
    if (!id || lang === undefined || rest.length > 0) entries.push({ source, code: 'bad_line', detail: line });
    else entries.push({ source, spreadsheetId: id, lang });
  });
  return entries;
}

interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  private_key_id?: string;
  token_uri?: string;
}

async function readKey(file: string): Promise<ServiceAccountKey> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new GoogleSetupError('bad_credentials', file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  let key: Partial<ServiceAccountKey> & { type?: string };
  try {
    key = JSON.parse(text);
  } catch {
    throw new GoogleSetupError('bad_credentials', file, 'JSON');
  }
  if (key.type !== 'service_account' || !key.client_email || !key.private_key) {
    throw new GoogleSetupError('bad_credentials', file, `type: ${key.type ?? '—'}`);
  }
  return key as ServiceAccountKey;
}

export interface GoogleReadOptions {
  /** The service account's key file (JSON as Google Cloud gives it). */
  keyFile: string;
  /** The language of a line that does not say it: the district's. */
  defaultLang: Lang;
  /** Sheets API root, for tests against a local server (QAMQOR_SHEETS_ROOT_URL); Google's by default. */
  rootUrl?: string;
  concurrency?: number;
  /** The first wait after a quota or server error; doubled each time (QAMQOR_SHEETS_BACKOFF_MS, for tests). */
  backoffMs?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A title quoted for A1 notation: 'Әлеуметтік паспорт' (a quote inside is doubled). */
function quoted(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

const TAB_KEYS = ['passport', 'settings', 'categories'] as const;

/** The ranges one school costs: whole tabs (Sheets returns only the rows that hold something), in the line's language. */
export function schoolRanges(lang: Lang): string[] {
  return TAB_KEYS.map((key) => quoted(tabSpec(key).title[lang]));
}

type Fetched = { kind: 'values'; ranges: sheets_v4.Schema$ValueRange[] } | { kind: 'missing_range'; message: string } | { kind: 'failed'; problem: SourceProblem };

/**
 * Reads every line's passport, ten requests in flight; each line gives a passport or a named problem, in line order.
 * The access token is fetched once, first: a key Google refuses stops the run before any school is asked.
 */
export async function readSchoolsFromGoogle(lines: readonly SchoolLine[], options: GoogleReadOptions): Promise<{ sources: SchoolSource[]; serviceAccount: string; requests: number }> {
  const key = await readKey(options.keyFile);
  const { sheets, auth } = await import('googleapis/build/src/apis/sheets/index.js');
  const jwt = new auth.JWT({
    email: key.client_email,
    key: key.private_key,
    keyId: key.private_key_id,
    scopes: [SHEETS_READONLY_SCOPE],
    // Node's own fetch (Node 20+), not node-fetch, which gaxios would load with a dynamic ESM import on first use.
    transporterOptions: { fetchImplementation: fetch },
  });
  // googleapis always posts the signed assertion to Google's token endpoint; the key file's own `token_uri` (the same
  // in every key Google issues) is honoured, which is also how the tests run the whole flow against a local server.
  const tokenUri = key.token_uri;
  if (tokenUri && tokenUri !== GOOGLE_TOKEN_URL) {
    jwt.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URL) config.url = new URL(tokenUri);
        return config;
      },
    });
  }
  try {
    await jwt.authorize();
  } catch (e) {
    throw new GoogleSetupError('auth_failed', options.keyFile, errorText(e));
  }
  const api = sheets({ version: 'v4', auth: jwt, ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}) });
  const backoff = options.backoffMs ?? 1000;
  let requests = 0;

  const batchGet = async (line: SchoolLine, lang: Lang): Promise<Fetched> => {
    for (let attempt = 0; ; attempt++) {
      requests++;
      try {
        const res = await api.spreadsheets.values.batchGet(
          { spreadsheetId: line.spreadsheetId, ranges: schoolRanges(lang), valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'ROWS', fields: 'valueRanges(range,values)' },
          // Retries are ours (bounded, with Retry-After honoured), so that a quota error is counted and said.
          { retry: false, timeout: 60_000 },
        );
        return { kind: 'values', ranges: res.data.valueRanges ?? [] };
      } catch (e) {
        const status = statusOf(e);
        const code = (e as { code?: unknown }).code;
        const retriable = (status !== null && RETRIED.has(status)) || (status === null && typeof code === 'string' && NETWORK_RETRIED.has(code));
        if (retriable && attempt < MAX_RETRIES) {
          await sleep(retryDelay(e, attempt, backoff));
          continue;
        }
        if (status === 400 && /Unable to parse range/i.test(errorText(e))) return { kind: 'missing_range', message: errorText(e) };
        if (status === 404) return failed(line, 'not_found', '404');
        if (status === 403) return failed(line, 'no_access', key.client_email);
        if (status === 429) return failed(line, 'quota', '429');
        return failed(line, 'google_error', `${status ?? code ?? ''} ${errorText(e)}`.trim());
      }
    }
  };

  const readLine = async (line: SchoolLine): Promise<SchoolSource> => {
    const first = line.lang ?? options.defaultLang;
    let lang = first;
    let fetched = await batchGet(line, lang);
    // Sheets refuses the whole batch when one title is missing, so a workbook titled in the other language costs a
    // second request; a line that says its language (`ru`, `kk`) always costs one.
    if (fetched.kind === 'missing_range' && line.lang === null) {
      lang = first === 'kk' ? 'ru' : 'kk';
      const other = await batchGet(line, lang);
      if (other.kind !== 'missing_range') fetched = other;
      else lang = first;
    }
    if (fetched.kind === 'failed') return fetched.problem;
    if (fetched.kind === 'missing_range') {
      const passport = tabSpec('passport').title[lang];
      // Google names the range it could not place: the passport tab, or the settings or categories tab beside it.
      const missing = /Unable to parse range:\s*'?(.*?)'?(?:!.*)?$/i.exec(fetched.message.trim())?.[1]?.replace(/''/g, "'") ?? passport;
      return missing === passport ? { source: line.source, code: 'no_passport', detail: '' } : { source: line.source, code: 'unreadable_passport', detail: `«${missing}»` };
    }
    const tabs: SchoolTabs = {};
    TAB_KEYS.forEach((k, i) => {
      const title = tabSpec(k).title[lang];
      const values = (fetched as { ranges: sheets_v4.Schema$ValueRange[] }).ranges[i]?.values ?? [];
      const tab: TabData = { id: title, key: k, title, rows: values.map((r) => r.map((c: unknown) => (c === null || c === undefined ? null : (c as string | number | boolean)))), formulas: [] };
      tabs[k] = tab;
    });
    return readSchoolPassport(tabs, line.source, lang);
  };

  const sources: SchoolSource[] = new Array(lines.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < lines.length) {
      const i = next++;
      sources[i] = await readLine(lines[i]!);
      options.onProgress?.(++done, lines.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, lines.length) }, worker));
  return { sources, serviceAccount: key.client_email, requests };
}

function failed(line: SchoolLine, code: SourceProblem['code'], detail: string): Fetched {
  return { kind: 'failed', problem: { source: line.source, code, detail } };
}

function statusOf(e: unknown): number | null {
  const x = e as { status?: unknown; response?: { status?: unknown } };
  const status = x.response?.status ?? x.status;
  return typeof status === 'number' ? status : null;
}

/** Google's own words for an error (its JSON `error.message`), else the error's message. */
function errorText(e: unknown): string {
  const x = e as { response?: { data?: { error?: { message?: unknown } | string; error_description?: unknown } }; message?: unknown };
  const data = x.response?.data;
  if (data && typeof data.error === 'object' && typeof data.error.message === 'string') return data.error.message;
  if (data && typeof data.error_description === 'string') return data.error_description;
  if (data && typeof data.error === 'string') return data.error;
  return typeof x.message === 'string' ? x.message.split('\n')[0]! : String(e);
}

/** Exponential backoff with jitter, or what the server's Retry-After asks, bounded. */
function retryDelay(e: unknown, attempt: number, base: number): number {
  const headers = (e as { response?: { headers?: { get?: (name: string) => string | null } | Record<string, string> } }).response?.headers;
  const header = headers && typeof (headers as { get?: unknown }).get === 'function' ? (headers as { get: (n: string) => string | null }).get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  const asked = header && /^\d+$/.test(header) ? Number(header) * 1000 : null;
  const exponential = base * 2 ** attempt + Math.random() * base;
  return Math.min(asked ?? exponential, MAX_DELAY_MS);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
