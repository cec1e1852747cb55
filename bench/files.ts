// What a user waits for: each command run as a fresh process on an .xlsx file, from start-up to its answer, with
// its peak memory (min/median/max of several runs), beside a floor (inflate + SAX parse of the same sheets) and a
// peer reader (exceljs streaming) measured in the same run, so the ratios hold on a noisy machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoAidChanges } from '../src/app/aid-demo';
import { demoPlanChanges } from '../src/app/plan-demo';
import { applyDemoRegisters } from '../src/app/demo-registers';
import { generateSchool } from '../src/app/demo-school';
import { readInspections } from '../src/domain/registers/inspections';
import { readMovements } from '../src/domain/registers/movements';
import { makeIin } from '../src/domain/registry/iin';
import { aidSummary } from '../src/domain/registers/aid';
import { readRegistry } from '../src/domain/registry/registry';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { demoXlsx } from '../test/support/demo-registry';

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface FileRow {
  action: string;
  pupils: number;
  /** The .xlsx on disk, in MB. */
  fileMb: number;
  runs: number;
  wallMs: Spread;
  rssMb: Spread;
  floorMs?: number;
  floorRssMb?: number;
  inflateMs?: number;
  peer?: string;
  peerMs?: number;
  peerRssMb?: number;
  /** Median wall time over the floor's, and over the peer's. */
  toFloor?: number;
  toPeer?: number;
  note?: string;
}

const root = join(__dirname, '..');
const bin = join(root, 'bin', 'qamqor.js');
const hook = join(root, 'bench', 'peak-rss.cjs');
const SIZES = [1_000, 10_000, 100_000];

interface Run {
  ms: number;
  rssMb: number;
  status: number | null;
  stdout: string;
}

/** One fresh `node` process, timed from spawn to exit; its peak RSS comes back on fd 3 through the preloaded hook. */
function runNode(args: string[]): Run {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', hook, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(String(child.output[3] ?? '').trim()) / 1024;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.slice(0, 500)}`);
  return { ms, rssMb: rss, status: child.status, stdout: child.stdout };
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { min: round(sorted[0]), median: round(sorted[Math.floor(sorted.length / 2)]), max: round(sorted[sorted.length - 1]) };
}

function repeat(runs: number, fn: () => Run): { wall: Spread; rss: Spread } {
  const results = Array.from({ length: runs }, fn);
  return { wall: spread(results.map((r) => r.ms)), rss: spread(results.map((r) => r.rssMb)) };
}

/** A generated school's registry, made once per bench run the way `qamqor demo` makes it. */
export async function book(dir: string, pupils: number): Promise<string> {
  const path = join(dir, `school-${pupils}.xlsx`);
  if (!existsSync(path)) await demoXlsx(path, { pupils, language: 'kk', schoolYear: '2025-2026' });
  return path;
}

export async function fileRows(log: (line: string) => void = () => {}): Promise<FileRow[]> {
  const dir = join(tmpdir(), 'qamqor-bench');
  mkdirSync(dir, { recursive: true });
  const rows: FileRow[] = [];

  const help = repeat(7, () => runNode([bin, '--help']));
  rows.push({ action: 'qamqor --help', pupils: 0, fileMb: 0, runs: 7, wallMs: help.wall, rssMb: help.rss, note: 'start-up alone' });
  log(`--help ${help.wall.median} ms`);

  for (const pupils of SIZES) {
    const path = await book(dir, pupils);
    const fileMb = Math.round((statSync(path).size / 1e6) * 10) / 10;
    const runs = pupils >= 100_000 ? 3 : 5;
    const floor = repeat(runs, () => runNode([join(root, 'bench', 'floor.cjs'), path, 'sax']));
    const inflate = repeat(runs, () => runNode([join(root, 'bench', 'floor.cjs'), path, 'inflate']));
    const peer = repeat(pupils >= 100_000 ? 1 : runs, () => runNode([join(root, 'bench', 'peer.cjs'), path]));
    for (const [action, args] of [
      ['validate --json', ['validate', path, '--json']],
      ['passport --json', ['passport', path, '--json']],
    ] as const) {
      const measured = repeat(runs, () => runNode([bin, ...args]));
      rows.push({
        action,
        pupils,
        fileMb,
        runs,
        wallMs: measured.wall,
        rssMb: measured.rss,
        floorMs: floor.wall.median,
        floorRssMb: floor.rss.median,
        inflateMs: inflate.wall.median,
        peer: 'exceljs stream',
        peerMs: peer.wall.median,
        peerRssMb: peer.rss.median,
        toFloor: Math.round((measured.wall.median / floor.wall.median) * 100) / 100,
        toPeer: Math.round((measured.wall.median / peer.wall.median) * 100) / 100,
      });
      log(`${action} ${pupils}: ${measured.wall.median} ms, ${measured.rss.median} MB (floor ${floor.wall.median} ms, peer ${peer.wall.median} ms)`);
    }

    rows.push(...(await aidPlanRows(dir, path, pupils, runs, log)));
    rows.push(...(await registerRows(dir, path, pupils, runs, log)));

    if (pupils === 1_000) {
      const out = join(dir, 'reports-1000');
      const reports = repeat(3, () => {
        rmSync(out, { recursive: true, force: true });
        // Drafts: the demo school keeps its deliberate mistakes, and without --draft the command only refuses.
        return runNode([bin, 'reports', path, '--out', out, '--draft']);
      });
      rows.push({ action: 'reports --draft', pupils, fileMb, runs: 3, wallMs: reports.wall, rssMb: reports.rss, note: 'every default report as .docx' });
      log(`reports 1000: ${reports.wall.median} ms`);
    }

    if (pupils === 100_000) {
      const csv = join(dir, 'arrivals-30.csv');
      writeFileSync(csv, arrivalsCsv(30));
      const target = join(dir, 'import-target.xlsx');
      const imported = repeat(3, () => {
        copyFileSync(path, target);
        return runNode([bin, 'import', target, csv]);
      });
      const validate = rows.find((r) => r.action === 'validate --json' && r.pupils === pupils) as FileRow;
      rows.push({
        action: 'import 30 rows',
        pupils,
        fileMb,
        runs: 3,
        wallMs: imported.wall,
        rssMb: imported.rss,
        note: `${(imported.wall.median / validate.wallMs.median).toFixed(2)}× the validate read of the same book`,
      });
      log(`import 30 rows into ${pupils}: ${imported.wall.median} ms`);
    }
  }
  return rows;
}

/**
 * The pedagogue's aid register and annual plan (`qamqor aid --json`, `qamqor plan --json`) on the school's book with the
 * demo's year of aid records (they grow with the school: every first grader of a poor family gets «Мектепке жол» help)
 * and its plan half done, made once from the school's book.
 */
export async function aidPlanRows(dir: string, schoolBook: string, pupils: number, runs: number, log: (line: string) => void = () => {}): Promise<FileRow[]> {
  const path = join(dir, `school-${pupils}-aid-plan.xlsx`);
  if (!existsSync(path)) {
    const workbook = await XlsxWorkbook.open(schoolBook);
    workbook.apply(demoAidChanges(readRegistry(workbook.read())));
    workbook.apply(demoPlanChanges(readRegistry(workbook.read())));
    await workbook.save(path);
  }
  const fileMb = Math.round((statSync(path).size / 1e6) * 10) / 10;
  const records = aidSummary(readRegistry((await XlsxWorkbook.open(path)).read())).total.records;
  const out: FileRow[] = [];
  for (const [action, args, note] of [
    ['aid --json', ['aid', path, '--json'], `${records.toLocaleString('en-US')} aid records`],
    ['plan --json', ['plan', path, '--today', '2025-11-20', '--json'], 'the default plan, 61 activities'],
  ] as const) {
    const measured = repeat(runs, () => runNode([bin, ...args]));
    out.push({ action, pupils, fileMb, runs, wallMs: measured.wall, rssMb: measured.rss, note });
    log(`${action} ${pupils}: ${measured.wall.median} ms, ${measured.rss.median} MB (${note})`);
  }
  return out;
}

/**
 * The roll over time and the housing acts (`qamqor movement --month --json`, `qamqor inspections --json`, `qamqor
 * passport --as-of --json`) on the school's book with the demo's year of arrivals, departures, transfers and acts
 * (src/app/demo-registers.ts: they grow with the school), made once from it; beside the floor and the peer of that book.
 */
export async function registerRows(dir: string, schoolBook: string, pupils: number, runs: number, log: (line: string) => void = () => {}): Promise<FileRow[]> {
  const path = join(dir, `school-${pupils}-registers.xlsx`);
  if (!existsSync(path)) {
    const workbook = await XlsxWorkbook.open(schoolBook);
    applyDemoRegisters(workbook, generateSchool({ pupils, language: 'kk', schoolYear: '2025-2026' }), new Date('2026-06-01T00:00:00Z'));
    await workbook.save(path);
  }
  const fileMb = Math.round((statSync(path).size / 1e6) * 10) / 10;
  const registry = readRegistry((await XlsxWorkbook.open(path)).read());
  const movements = readMovements(registry).length;
  const acts = readInspections(registry).length;
  const floor = repeat(runs, () => runNode([join(root, 'bench', 'floor.cjs'), path, 'sax']));
  const peer = repeat(pupils >= 100_000 ? 1 : runs, () => runNode([join(root, 'bench', 'peer.cjs'), path]));
  const out: FileRow[] = [];
  for (const [action, args, note] of [
    ['movement --month --json', ['movement', path, '--month', '2026-01', '--json'], `${movements.toLocaleString('en-US')} movements in the year`],
    ['inspections --json', ['inspections', path, '--today', '2026-02-20', '--json'], `${acts.toLocaleString('en-US')} acts`],
    ['passport --as-of --json', ['passport', path, '--as-of', '2025-12-15', '--json'], 'the roll on 15.12.2025'],
  ] as const) {
    const measured = repeat(runs, () => runNode([bin, ...args]));
    out.push({
      action,
      pupils,
      fileMb,
      runs,
      wallMs: measured.wall,
      rssMb: measured.rss,
      floorMs: floor.wall.median,
      floorRssMb: floor.rss.median,
      peer: 'exceljs stream',
      peerMs: peer.wall.median,
      peerRssMb: peer.rss.median,
      toFloor: Math.round((measured.wall.median / floor.wall.median) * 100) / 100,
      toPeer: Math.round((measured.wall.median / peer.wall.median) * 100) / 100,
      note,
    });
    log(`${action} ${pupils}: ${measured.wall.median} ms, ${measured.rss.median} MB (floor ${floor.wall.median} ms, peer ${peer.wall.median} ms; ${note})`);
  }
  return out;
}

/** Thirty new pupils, valid IINs, in a class the generated school has. */
function arrivalsCsv(n: number): string {
  const lines = ['class,full_name,iin,birth_date,sex,family_id,categories'];
  for (let i = 0; i < n; i++) {
    const birth = `2014-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    const sex = i % 2 === 0 ? 'M' : 'F';
    let iin: string | null = null;
    for (let serial = 700 + i; iin === null; serial += 50) iin = makeIin(birth, sex, serial);
    lines.push(`5А,Жаңа Оқушы ${i},${iin},${birth},${sex},arrival-${i},${i % 5 === 0 ? 'low_income' : ''}`);
  }
  return lines.join('\n') + '\n';
}
