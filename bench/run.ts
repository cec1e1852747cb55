// `npm run bench`: what users wait for (each command on an .xlsx file, start-up included, beside a floor and a
// peer: bench/files.ts), then the engine alone and the Google side's calls (bench/engine.ts, bench/google.ts).
// Everything goes to bench/results.json and the README's tables. Runs as an esbuild bundle (dist/bench.cjs).
// `npm run bench -- --engine-only` skips the file rows (minutes at 100,000 pupils).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { districtRows, type DistrictRow } from './district';
import { engineRows } from './engine';
import { fileRows, type FileRow } from './files';
import { googleRows, reportsRows } from './google';
import { updateReadme } from './readme';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const file = join(root, 'bench', 'results.json');
  // --engine-only keeps the file rows of the last full run, so results.json always holds both.
  const files = process.argv.includes('--engine-only') ? previousFileRows(file) : await fileRows((line) => console.log(line));
  // The district (100 schools of 1,000 pupils, bench/district.ts): also kept from the last full run by --engine-only.
  const district = process.argv.includes('--engine-only') ? previousDistrictRows(file) : await districtRows((line) => console.log(line));
  // Engine rows; then each action in Sheets, with its calls to Google and modeled seconds.
  const engine = [...engineRows(), ...googleRows(), ...reportsRows()];
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 2 ** 30) };
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), machine, files, district, engine }, null, 2) + '\n');
  for (const r of engine) console.log(`${(r.detail ? `${r.action}: ${r.detail}` : r.action).padEnd(10)} ${String(r.pupils).padStart(7)} pupils ${String(r.tabs).padStart(5)} tabs  ${String(r.engineMs).padStart(8)} ms`);
  updateReadme(join(root, 'README.md'), engine, files, district);
  console.log(`→ ${file}, README.md`);
}

function previousDistrictRows(file: string): DistrictRow[] {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { district?: DistrictRow[] }).district ?? [];
  } catch {
    return [];
  }
}

function previousFileRows(file: string): FileRow[] {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { files?: FileRow[] }).files ?? [];
  } catch {
    return [];
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
