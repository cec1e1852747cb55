// `npm run bench`: the figures of bench/engine.ts written to bench/results.json (the README quotes them);
// later parts add the Google call counts of each action to the same rows. It runs as an esbuild bundle
// (dist/bench.cjs), the way Apps Script runs the engine, without the per-closure wrappers tsx adds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineRows } from './engine';
import { googleRows, reportsRows } from './google';
import { updateReadme } from './readme';

// Engine rows first; then each action in Sheets, with its calls to Google and modeled seconds.
const rows = [...engineRows(), ...googleRows(), ...reportsRows()];
const root = join(__dirname, '..');
const file = join(root, 'bench', 'results.json');
writeFileSync(file, JSON.stringify(rows, null, 2) + '\n');
for (const r of rows) console.log(`${(r.detail ? `${r.action}: ${r.detail}` : r.action).padEnd(10)} ${String(r.pupils).padStart(7)} pupils ${String(r.tabs).padStart(5)} tabs  ${String(r.engineMs).padStart(8)} ms`);
updateReadme(join(root, 'README.md'), rows);
console.log(`→ ${file}, README.md`);
