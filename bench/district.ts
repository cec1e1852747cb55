// The district at real size: 100 generated schools of 1,000 pupils, each with its passport tab written as
// `qamqor passport --write` writes it (compared with last year), rolled up by `qamqor district` as a fresh process
// from the files, and from a local Sheets server answering each batchGet in 300 ms, as Google does (DESIGN.md).
// Wall time from spawn to exit and peak RSS, as bench/files.ts measures. Alone: `npx tsx bench/district.ts`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schoolTabs } from '../src/local/district-files';
import { XlsxPackage } from '../src/local/xlsx/package';
import { cachedDistrictSchool } from '../test/support/district-schools';
import { sheetValues, startSheetsServer } from '../test/support/sheets-server';
import type { Spread } from './files';

export interface DistrictRow {
  action: string;
  schools: number;
  /** Pupils of each school. */
  pupils: number;
  runs: number;
  wallMs: Spread;
  rssMb: Spread;
  /** Google side: values.batchGet requests per run, and the most answered at once. */
  requests?: number;
  maxInFlight?: number;
  note?: string;
}

const root = join(__dirname, '..');
const bin = join(root, 'bin', 'qamqor.js');
const hook = join(root, 'bench', 'peak-rss.cjs');
const SCHOOLS = 100;
const PUPILS = 1_000;
/** DESIGN.md: a Sheets read costs about 0.3 s. */
const GOOGLE_LATENCY_MS = 300;

interface Run {
  ms: number;
  rssMb: number;
}

/** One fresh `node` process, asynchronously, so that the local server in this process can answer it. */
function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', hook, ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let rss = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (rss += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (status !== 0) reject(new Error(`${args.join(' ')} failed (${status}): ${stderr.slice(0, 500)}`));
      else resolve({ ms, rssMb: Number(rss.trim()) / 1024 });
    });
  });
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { min: round(sorted[0]!), median: round(sorted[Math.floor(sorted.length / 2)]!), max: round(sorted[sorted.length - 1]!) };
}

async function repeat(runs: number, fn: () => Promise<Run>): Promise<{ wall: Spread; rss: Spread }> {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await fn());
  return { wall: spread(results.map((r) => r.ms)), rss: spread(results.map((r) => r.rssMb)) };
}

/** The schools, made once and kept in the temp folder: about a minute the first time. */
async function schools(dir: string, log: (line: string) => void): Promise<string[]> {
  const paths: string[] = [];
  const started = Date.now();
  for (let i = 1; i <= SCHOOLS; i++) {
    const path = join(dir, `school-${String(i).padStart(3, '0')}.xlsx`);
    await cachedDistrictSchool(path, { name: `№ ${i} жалпы білім беретін мектеп`, seed: 1000 + i, pupils: PUPILS, lastYear: true });
    paths.push(path);
  }
  log(`${SCHOOLS} schools of ${PUPILS} pupils ready in ${dir} (${Date.now() - started} ms)`);
  return paths;
}

export async function districtRows(log: (line: string) => void = () => {}): Promise<DistrictRow[]> {
  const dir = join(tmpdir(), 'qamqor-bench-district');
  mkdirSync(dir, { recursive: true });
  const paths = await schools(dir, log);
  // The bundle is built before the first timed run, so that no run pays for a rebuild.
  spawnSync(process.execPath, [bin, '--version'], { cwd: root, stdio: 'ignore' });
  const rows: DistrictRow[] = [];

  const out = join(dir, 'district.xlsx');
  const files = await repeat(5, () => runNode([bin, 'district', out, ...paths, '--json']));
  rows.push({ action: 'district --json, from .xlsx files', schools: SCHOOLS, pupils: PUPILS, runs: 5, wallMs: files.wall, rssMb: files.rss, note: 'passport, settings and categories sheets of each file' });
  log(`district from files: ${files.wall.median} ms, ${files.rss.median} MB`);

  // The server holds each school's three tabs as Sheets would return them; class tabs are never asked for.
  const server = await startSheetsServer();
  try {
    const ids: string[] = [];
    paths.forEach((path, i) => {
      const id = `bench-school-${String(i + 1).padStart(3, '0')}-spreadsheet`;
      const tabs = Object.values(schoolTabs(XlsxPackage.open(readFileSync(path)))).filter((t) => t !== undefined);
      server.spreadsheets.set(id, { tabs: sheetValues({ tabs }) });
      ids.push(id);
    });
    const idsFile = join(dir, 'ids.txt');
    const keyFile = join(dir, 'key.json');
    writeFileSync(idsFile, ids.join('\n') + '\n');
    writeFileSync(keyFile, JSON.stringify(server.serviceAccount));
    server.delayMs = GOOGLE_LATENCY_MS;
    const env = { ...process.env, QAMQOR_SHEETS_ROOT_URL: `${server.url}/` };
    const before = server.log.length;
    const google = await repeat(3, () => runNode([bin, 'district', join(dir, 'district-google.xlsx'), '--google', idsFile, '--credentials', keyFile, '--json'], env));
    const requests = server.log.slice(before).filter((r) => r.kind === 'batchGet').length / 3;
    rows.push({
      action: 'district --google --json, local Sheets server',
      schools: SCHOOLS,
      pupils: PUPILS,
      runs: 3,
      wallMs: google.wall,
      rssMb: google.rss,
      requests,
      maxInFlight: server.maxInFlight(),
      note: `each batchGet answered in ${GOOGLE_LATENCY_MS} ms; token included`,
    });
    log(`district from Sheets: ${google.wall.median} ms, ${google.rss.median} MB, ${requests} requests, ${server.maxInFlight()} in flight`);
  } finally {
    await server.close();
  }
  return rows;
}

// `npx tsx bench/district.ts`: the rows alone, without the rest of the bench.
if (process.argv[1] && /district\.ts$/.test(process.argv[1])) {
  districtRows((line) => console.log(line)).then(
    (rows) => console.log(JSON.stringify(rows, null, 2)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
