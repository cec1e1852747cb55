// Puts the bench figures into README.md between its bench markers, so the README quotes what was measured.
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchRow } from './engine';
import type { DistrictRow } from './district';
import type { FileRow, Spread } from './files';

const MARKERS = {
  engine: ['<!-- bench:start -->', '<!-- bench:end -->'],
  files: ['<!-- bench-files:start -->', '<!-- bench-files:end -->'],
  district: ['<!-- bench-district:start -->', '<!-- bench-district:end -->'],
} as const;

export function benchTable(rows: readonly BenchRow[]): string {
  const google = rows.some((r) => r.googleCalls !== undefined);
  const head = ['action', 'pupils', 'tabs', 'engine ms', ...(google ? ['Google calls', 'modeled s', 'read KB'] : [])];
  const kb = (bytes: number | undefined) => (bytes === undefined ? '' : fmt(Math.round(bytes / 100) / 10));
  const lines = rows.map((r) => [
    r.detail ? `${r.action}: ${r.detail}` : r.action, r.pupils.toLocaleString('en-US'), r.tabs, r.engineMs,
    ...(google ? [r.googleCalls ?? '', r.modeledSeconds ?? '', kb(r.googleReadBytes)] : []),
  ]);
  return table(head, lines);
}

export function fileTable(rows: readonly FileRow[]): string {
  const s = (x: Spread, unit: string) => `${fmt(x.median)} ${unit} (${fmt(x.min)}–${fmt(x.max)})`;
  const head = ['command', 'pupils', 'file MB', 'wall, median (min–max)', 'peak RSS', 'floor: inflate + SAX', '× floor', 'peer: exceljs stream', '× peer'];
  const lines = rows.map((r) => [
    r.action,
    r.pupils ? r.pupils.toLocaleString('en-US') : '',
    r.fileMb || '',
    s(r.wallMs, 'ms'),
    s(r.rssMb, 'MB'),
    r.floorMs !== undefined ? `${fmt(r.floorMs)} ms, ${fmt(r.floorRssMb ?? 0)} MB` : r.note ?? '',
    r.toFloor ?? '',
    r.peerMs !== undefined ? `${fmt(r.peerMs)} ms, ${fmt(r.peerRssMb ?? 0)} MB` : '',
    r.toPeer ?? '',
  ]);
  return table(head, lines);
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : String(n);
}

function table(head: readonly string[], lines: readonly (readonly unknown[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

function replaceBetween(text: string, [start, end]: readonly [string, string], body: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return text;
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/** `qamqor district` at real size (bench/district.ts). */
export function districtTable(rows: readonly DistrictRow[]): string {
  const s = (x: Spread, unit: string) => `${fmt(x.median)} ${unit} (${fmt(x.min)}–${fmt(x.max)})`;
  const head = ['command', 'schools', 'pupils each', 'wall, median (min–max)', 'peak RSS', 'batchGet requests', 'most in flight', 'note'];
  const lines = rows.map((r) => [r.action, r.schools, r.pupils.toLocaleString('en-US'), s(r.wallMs, 'ms'), s(r.rssMb, 'MB'), r.requests ?? '', r.maxInFlight ?? '', r.note ?? '']);
  return table(head, lines);
}

export function updateReadme(path: string, engine: readonly BenchRow[], files: readonly FileRow[], district: readonly DistrictRow[] = []): void {
  let text = readFileSync(path, 'utf8');
  text = replaceBetween(text, MARKERS.engine, benchTable(engine));
  if (files.length > 0) text = replaceBetween(text, MARKERS.files, fileTable(files));
  if (district.length > 0) text = replaceBetween(text, MARKERS.district, districtTable(district));
  writeFileSync(path, text);
}
