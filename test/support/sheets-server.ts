// A local stand-in for Google on 127.0.0.1, for the real googleapis client: the OAuth token endpoint of a service
// account (the RS256 assertion checked against the key's public half, its scope kept) and the Sheets API v4
// `spreadsheets.values.batchGet`, answering as Google does (a missing tab fails the whole batch with 400, 404 for an
// unknown spreadsheet, 403 without access, 429 when told to). Every request is logged, with how many were in flight.
import { generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cell, WorkbookData } from '../../src/domain/sheet';

export type SheetValues = (string | number | boolean)[][];

export interface FakeSpreadsheet {
  /** Tab title → values as Sheets holds them. */
  tabs: Record<string, SheetValues>;
  /** Who may read it: false answers 403 as Google does for a workbook not shared with the account. */
  shared?: boolean;
  /** Statuses to answer with before answering for real (e.g. [429]: one quota error, then the values). */
  failFirst?: number[];
}

export interface LoggedRequest {
  kind: 'token' | 'batchGet' | 'other';
  spreadsheetId?: string;
  ranges?: string[];
  status: number;
  /** Requests being answered when this one arrived, itself included. */
  inFlight: number;
  scope?: string;
  authorization?: string;
}

export interface SheetsServer {
  url: string;
  spreadsheets: Map<string, FakeSpreadsheet>;
  log: LoggedRequest[];
  maxInFlight(): number;
  /** Milliseconds each batchGet waits before it answers, as Google's ~0.3 s does. */
  delayMs: number;
  /** A throwaway service account's key file, as Google Cloud gives it, its token_uri on this server. */
  serviceAccount: Record<string, string>;
  close(): Promise<void>;
}

/** A workbook's tabs as Sheets would return them with UNFORMATTED_VALUE: dates as serials, no trailing blanks. */
export function sheetValues(book: WorkbookData): Record<string, SheetValues> {
  const value = (c: Cell): string | number | boolean => (c === null ? '' : c instanceof Date ? c.getTime() / 86_400_000 + 25_569 : c);
  return Object.fromEntries(
    book.tabs.map((t) => {
      const rows = t.rows.map((r) => {
        const line = r.map(value);
        while (line.length > 0 && line[line.length - 1] === '') line.pop();
        return line;
      });
      while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
      return [t.title, rows];
    }),
  );
}

function googleError(res: ServerResponse, status: number, message: string, reason: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify({ error: { code: status, message, status: reason } }));
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The tab an A1 range names: `'Title'!A1:B2`, `'Title'`, `Title!A:C`. */
function tabOf(range: string): string {
  const quoted = /^'((?:[^']|'')*)'(?:!.*)?$/.exec(range);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  return range.split('!')[0]!;
}

export async function startSheetsServer(): Promise<SheetsServer> {
  // A fresh RSA key for each server: the private half goes into the key file, the public half checks assertions.
  const { privateKey, publicKey: key } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const tokens = new Set<string>();
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const log: LoggedRequest[] = [];
  let inFlight = 0;
  let max = 0;
  const state = { delayMs: 0 };

  const server = createServer((req, res) => {
    inFlight++;
    max = Math.max(max, inFlight);
    const entry: LoggedRequest = { kind: 'other', status: 0, inFlight };
    log.push(entry);
    res.on('finish', () => {
      inFlight--;
      entry.status = res.statusCode;
    });
    handle(req, res, entry).catch((e) => googleError(res, 500, String(e), 'INTERNAL'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, entry: LoggedRequest): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/token') {
      entry.kind = 'token';
      const form = new URLSearchParams(await body(req));
      const assertion = form.get('assertion') ?? '';
      const [h, p, s] = assertion.split('.');
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || !h || !p || !s) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_request', error_description: 'bad grant' }));
        return;
      }
      const signed = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { scope?: string; exp?: number; iss?: string };
      entry.scope = claims.scope;
      if (!signed || !claims.exp || claims.exp * 1000 < Date.now()) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }));
        return;
      }
      const token = `ya29.test-${randomBytes(12).toString('hex')}`;
      tokens.add(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: 'Bearer' }));
      return;
    }
    const m = /^\/v4\/spreadsheets\/([^/]+)\/values:batchGet$/.exec(url.pathname);
    if (req.method !== 'GET' || !m) {
      googleError(res, 404, 'Not found', 'NOT_FOUND');
      return;
    }
    entry.kind = 'batchGet';
    const id = decodeURIComponent(m[1]!);
    entry.spreadsheetId = id;
    entry.ranges = url.searchParams.getAll('ranges');
    entry.authorization = req.headers.authorization;
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) {
      googleError(res, 401, 'Request had invalid authentication credentials.', 'UNAUTHENTICATED');
      return;
    }
    const book = spreadsheets.get(id);
    if (!book) {
      googleError(res, 404, 'Requested entity was not found.', 'NOT_FOUND');
      return;
    }
    const failure = book.failFirst?.shift();
    if (failure !== undefined) {
      googleError(res, failure, failure === 429 ? "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'" : 'Internal error encountered.', failure === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL');
      return;
    }
    if (book.shared === false) {
      googleError(res, 403, 'The caller does not have permission', 'PERMISSION_DENIED');
      return;
    }
    const valueRanges = [];
    for (const range of entry.ranges) {
      const title = tabOf(range);
      const values = book.tabs[title];
      // Sheets refuses the whole batch over one range it cannot place.
      if (!values) {
        googleError(res, 400, `Unable to parse range: ${range}`, 'INVALID_ARGUMENT');
        return;
      }
      const width = Math.max(0, ...values.map((r) => r.length));
      const a1 = `'${title.replace(/'/g, "''")}'!A1:${String.fromCharCode(64 + Math.min(26, Math.max(1, width)))}${Math.max(1, values.length)}`;
      valueRanges.push(values.length > 0 ? { range: a1, majorDimension: 'ROWS', values } : { range: a1, majorDimension: 'ROWS' });
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify({ spreadsheetId: id, valueRanges }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    serviceAccount: {
      type: 'service_account',
      project_id: 'qamqor-test',
      private_key_id: randomBytes(8).toString('hex'),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: 'district-reader@qamqor-test.iam.gserviceaccount.com',
      client_id: '100000000000000000001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: `${url}/token`,
    },
    spreadsheets,
    log,
    maxInFlight: () => max,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
