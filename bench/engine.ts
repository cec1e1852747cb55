// Time of the pure engine (read the registry, validate; read, build the passport) at growing school sizes.
import { performance } from 'node:perf_hooks';
import { currentPassport } from '../src/app/build-passport';
import { demoImportTable } from '../src/app/demo-csv';
import { generateSchool } from '../src/app/demo-school';
import { planImport } from '../src/app/import-pupils';
import { MemoryWorkbook } from '../src/app/memory-workbook';
import { planSetup } from '../src/app/setup';
import { readRegistry } from '../src/domain/registry/registry';
import type { WorkbookData } from '../src/domain/sheet';
import { validateRegistry } from '../src/domain/registry/validate';

export interface BenchRow {
  action: string;
  pupils: number;
  tabs: number;
  engineMs: number;
  googleCalls?: number;
  modeledSeconds?: number;
  /**
   * Characters of JSON the Google reads returned (what the fake computes as Google would send it, formatted empty
   * cells included when a read asks for formats): a figure beside the calls, because one call can bring megabytes.
   */
  googleReadBytes?: number;
  /** What was measured, where the action alone does not say (the reports' rows). */
  detail?: string;
  documents?: number;
  steps?: number;
}

const SIZES = [1_000, 10_000, 100_000];
const today = new Date('2025-10-01T00:00:00Z');

/** A generated school laid out and imported exactly as `qamqor demo` does, held in memory. */
export function schoolWorkbook(pupils: number): WorkbookData {
  const school = generateSchool({ pupils });
  const wb = new MemoryWorkbook();
  wb.apply(planSetup(wb.read(), { lang: 'kk', settings: { school_year: school.schoolYear, school_name: school.schoolName }, classes: school.classes }).changes);
  wb.apply(planImport(wb.read(), demoImportTable(school), 'bench.csv', today).changes);
  return wb.read();
}

/** The median of `runs` timings after one warm-up run. */
function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

export function engineRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const pupils of SIZES) {
    const book = schoolWorkbook(pupils);
    const tabs = book.tabs.length;
    const runs = pupils >= 100_000 ? 5 : 11;
    rows.push({ action: 'validate', pupils, tabs, engineMs: median(runs, () => validateRegistry(readRegistry(book), today)) });
    rows.push({ action: 'passport', pupils, tabs, engineMs: median(runs, () => currentPassport(readRegistry(book))) });
  }
  return rows;
}

