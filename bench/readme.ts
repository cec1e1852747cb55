// Puts the bench figures into README.md between its bench markers, so the README quotes what was measured.
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchRow } from './engine';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function benchTable(rows: readonly BenchRow[]): string {
  const google = rows.some((r) => r.googleCalls !== undefined);
  const head = ['action', 'pupils', 'tabs', 'engine ms', ...(google ? ['Google calls', 'modeled s'] : [])];
  const lines = rows.map((r) => [r.detail ? `${r.action}: ${r.detail}` : r.action, r.pupils.toLocaleString('en-US'), r.tabs, r.engineMs, ...(google ? [r.googleCalls ?? '', r.modeledSeconds ?? ''] : [])]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

export function updateReadme(path: string, rows: readonly BenchRow[]): void {
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) return;
  writeFileSync(path, `${text.slice(0, from + START.length)}\n${benchTable(rows)}\n${text.slice(to)}`);
}
