// The roll over time on the command line, on real .xlsx files: pupils with an arrival, then a CSV of movements
// (a transfer and a departure in one month) applied by `import --into movements`; `movement --json`, `passport
// --as-of --json` and `inspections --json` exactly as DESIGN.md; the monthly movement report in both languages.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonthMovement } from '../../src/domain/registers/movements';
import { InspectionsReport } from '../../src/domain/registers/inspections';
import { Passport } from '../../src/domain/passport/passport';
import { extractText } from '../../src/local/docx';
import { readFileSync } from 'node:fs';
import { cliRunner } from '../support/cli';
import { P } from '../domain/registers/fixture';

const dir = mkdtempSync(join(tmpdir(), 'qamqor-movement-'));
const run = cliRunner(new Date(2025, 11, 15));
const book = join(dir, 'registry.xlsx');

function csv(name: string, rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\n') + '\n');
  return path;
}

const sexOf = (p: Record<string, unknown>) => (p.sex === 'ұл' ? 'M' : 'F');

beforeAll(async () => {
  expect((await run('init', book, '--year', '2025-2026', '--school', '№ 7 мектеп')).code).toBe(0);
  const pupils = csv('pupils.csv', [
    ['class', 'full_name', 'iin', 'birth_date', 'sex', 'categories', 'guardian', 'arrived_on', 'arrived_from'],
    ['5А', String(P.aruzhan.full_name), String(P.aruzhan.iin), String(P.aruzhan.birth_date), sexOf(P.aruzhan), 'orphan', 'Әбенова Гүлнар', '', ''],
    ['5А', String(P.bauyrzhan.full_name), String(P.bauyrzhan.iin), String(P.bauyrzhan.birth_date), sexOf(P.bauyrzhan), 'large_family', '', '', ''],
    ['5А', String(P.erlan.full_name), String(P.erlan.iin), String(P.erlan.birth_date), sexOf(P.erlan), '', '', '', ''],
    ['5Б', String(P.dana.full_name), String(P.dana.iin), String(P.dana.birth_date), sexOf(P.dana), 'disability', '', '', ''],
    ['6А', String(P.maksat.full_name), String(P.maksat.iin), String(P.maksat.birth_date), sexOf(P.maksat), 'low_income', '', '', ''],
    ['6А', String(P.nurlan.full_name), String(P.nurlan.iin), String(P.nurlan.birth_date), sexOf(P.nurlan), '', '', '2025-10-05', 'Шымкент, № 40 мектеп'],
  ]);
  expect((await run('import', book, pupils)).code).toBe(0);
  const moves = csv('movements.csv', [
    ['date', 'iin', 'kind', 'class', 'place', 'reason', 'order'],
    ['10.10.2025', String(P.erlan.iin), 'transferred', '5Б', '', 'ата-анасының өтініші', '№ 41'],
    ['2025-10-20', String(P.maksat.iin), 'left', '', 'Алматы, № 12 мектеп', 'отбасы көшті', '№ 45'],
  ]);
  const imported = await run('import', book, moves, '--into', 'movements');
  expect(imported.err).toBe('');
  expect(imported.out).toContain('«Оқушылар қозғалысы» парағына 2 жол қосылды');
  expect(imported.code).toBe(0);
  const acts = csv('acts.csv', [
    ['date', 'iin', 'commission', 'conclusion', 'housing', 'sanitary'],
    ['2025-09-20', String(P.aruzhan.iin), 'Серікова А.; Омарова Б.', 'қанағаттанарлық', 'own', 'good'],
    ['2025-11-15', String(P.aruzhan.iin), 'Серікова А.; Омарова Б.', 'жақсы', 'меншікті', 'жақсы'],
  ]);
  expect((await run('import', book, acts, '--into', 'inspections')).code).toBe(0);
}, 60_000);

describe('qamqor movement', () => {
  it('prints DESIGN.md\'s JSON for a month with a transfer and a departure', async () => {
    const r = await run('movement', book, '--month', '2025-10', '--json');
    expect(r.code).toBe(0);
    const json = MonthMovement.parse(JSON.parse(r.out));
    expect(Object.keys(JSON.parse(r.out))).toEqual(['month', 'classes', 'school', 'events']);
    expect(json.classes).toEqual({
      '5А': { start: 3, arrived: 0, left: 0, transferredIn: 0, transferredOut: 1, end: 2 },
      '5Б': { start: 1, arrived: 0, left: 0, transferredIn: 1, transferredOut: 0, end: 2 },
      '6А': { start: 1, arrived: 1, left: 1, transferredIn: 0, transferredOut: 0, end: 1 },
    });
    expect(json.school).toEqual({ start: 5, arrived: 1, left: 1, end: 5 });
    expect(json.events.map((e) => [e.date, e.kind, e.class, e.toClass])).toEqual([
      ['2025-10-05', 'arrived', '6А', null],
      ['2025-10-10', 'transferred', '5А', '5Б'],
      ['2025-10-20', 'left', '6А', null],
    ]);
  });

  it('prints the tables in the workbook\'s language, or Russian with --lang ru', async () => {
    const kk = await run('movement', book, '--month', '2025-10');
    expect(kk.out).toContain('Ай басында');
    expect(kk.out).toContain(P.maksat.full_name as string);
    const ru = await run('movement', book, '--month', '2025-10', '--lang', 'ru');
    expect(ru.out).toContain('На начало');
    expect(ru.out).toContain('выбыл');
  });

  it('refuses a month that is no month or outside the school year, and a missing --month', async () => {
    expect((await run('movement', book, '--month', '2025-13')).code).toBe(2);
    const outside = await run('movement', book, '--month', '2024-10');
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('2025-2026');
    expect((await run('movement', book)).code).toBe(2);
  });
});

describe('qamqor passport --as-of', () => {
  it('is the passport of the roll on that day: a leaver counted up to the day they left', async () => {
    const on = async (day: string) => Passport.parse(JSON.parse((await run('passport', book, '--as-of', day, '--json')).out));
    const before = await on('2025-10-20');
    const after = await on('2025-10-21');
    expect([before.students, after.students]).toEqual([6, 5]);
    expect(before.categories.low_income).toEqual({ students: 1, families: 1 });
    expect(after.categories.low_income).toEqual({ students: 0, families: 0 });
    expect((await on('2025-10-04')).classes['5А'].students).toBe(3);
    expect((await on('2025-10-04')).students).toBe(5);
    expect((await run('passport', book, '--as-of', '2025-02-30')).code).toBe(2);
  });
});

describe('qamqor reports --as-of', () => {
  it('makes the documents of the roll on that day, dated that day: a leaver still in, a later arrival not yet', async () => {
    const out = join(dir, 'as-of');
    const r = await run('reports', book, '--out', out, '--only', 'school-passport', '--as-of', '2025-10-04', '--lang', 'ru');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [file] = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.docx'));
    const text = extractText(readFileSync(join(out, file!)));
    expect(text).toContain('04.10.2025');
    // 5А with Ерлан, 5Б, 6А with Мақсат and without Нұрлан (arrived 05.10): five pupils.
    expect(text).toContain('Учащихся – 5 (мальчиков – 3, девочек – 2)');
  });
});

describe('qamqor inspections', () => {
  it('prints DESIGN.md\'s JSON', async () => {
    const r = await run('inspections', book, '--today', '2025-12-15', '--json');
    expect(r.code).toBe(0);
    const json = InspectionsReport.parse(JSON.parse(r.out));
    expect(json).toMatchObject({ schoolYear: '2025-2026', today: '2025-12-15', required: 3, overdue: 0 });
    expect(json.pupils[0]).toEqual({ iin: P.aruzhan.iin, full_name: P.aruzhan.full_name, class: '5А', required: 2, done: 2, nextDue: '2026-05-31', overdue: false });
    const january = InspectionsReport.parse(JSON.parse((await run('inspections', book, '--today', '2026-01-05', '--json')).out));
    expect(january.overdue).toBe(2);
  });
});

describe('qamqor reports --only movement', () => {
  it.each(['kk', 'ru'] as const)('writes the school\'s and each class\'s movement report of the month in %s, no placeholder left', async (lang) => {
    const out = join(dir, `reports-${lang}`);
    const r = await run('reports', book, '--out', out, '--only', 'movement', '--month', '2025-10', '--lang', lang);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.docx'));
    expect(files).toHaveLength(4);
    for (const f of files) {
      const text = extractText(readFileSync(join(out, f)));
      expect(text).not.toMatch(/\{\{|\}\}/);
    }
    const school = files.find((f) => !/[56][АБ]/.test(f.replace(/^.*[\\/]/, '')))!;
    const text = extractText(readFileSync(join(out, school)));
    expect(text).toContain(lang === 'kk' ? '2025 жылғы қазан' : 'октябрь 2025 г.');
    expect(text).toContain(P.maksat.full_name as string);
    expect(text).toContain('Алматы, № 12 мектеп');
  });

  it('writes the inspection schedule and one act per act', async () => {
    const out = join(dir, 'acts');
    const r = await run('reports', book, '--out', out, '--only', 'inspections', '--today', '2025-12-15');
    expect(r.code).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.docx'));
    expect(files).toHaveLength(3);
    for (const f of files) expect(extractText(readFileSync(join(out, f)))).not.toMatch(/\{\{|\}\}/);
  });
});
