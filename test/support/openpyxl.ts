// A small registry decorated by hand and saved by openpyxl (scripts/decorate-with-openpyxl.py): a comment, a
// validation and conditional formatting of the school's own, a sheet with a chart; sheets renumbered by position.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoXlsx } from './demo-registry';

export const PYTHON = '/usr/bin/python3';

export function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export async function makeOpenpyxlBook(out: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qamqor-openpyxl-'));
  try {
    const source = join(dir, 'registry.xlsx');
    await demoXlsx(source, { pupils: 60, language: 'kk', schoolYear: '2025-2026' });
    execFileSync(PYTHON, [join(__dirname, '..', '..', 'scripts', 'decorate-with-openpyxl.py'), source, out], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
