// The qamqor command end to end on real files in a temporary folder, as a school would run it.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Passport } from '../../src/domain/passport/passport';
import { Issue } from '../../src/domain/registry/validate';
import { defaultCatalogue } from '../../src/domain/template';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { readRegistry } from '../../src/domain/registry/registry';
import { cliRunner } from '../support/cli';
import { pupil } from '../support/workbook';

const today = new Date('2025-10-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'qamqor-cli-'));

const run = cliRunner(today);

const a = pupil(5, {}, 'F');
const b = pupil(5);
const c = pupil(9);

describe('a school year on the command line', () => {
  const book = join(dir, 'registry.xlsx');

  it('init makes an empty registry and refuses to overwrite one', async () => {
    const made = await run('init', book, '--lang', 'ru', '--year', '2025-2026', '--school', 'Школа № 1');
    expect(made.code).toBe(0);
    expect(made.out).toContain('создан новый реестр');
    const again = await run('init', book, '--lang', 'ru');
    expect(again.code).toBe(2);
    expect(again.err).toContain('уже существует');
  });

  it('import reads a semicolon-separated Windows-1251 file and keeps the rows it cannot place', async () => {
    const csv = [
      'Класс;ФИО;ИИН;Дата рождения;Пол;family_id;categories;Опекун',
      `5А;Иванова Мария Петровна;${a.iin};15.03.2014;Ж;F1;large_family;`,
      `5а;Петров Иван Сергеевич;${b.iin};2014-03-15;М;F1;large_family;`,
      `;Без Класса;${c.iin};2010-03-15;М;;;`,
      `9Б;Сидоров Олег;${c.iin};15.03.2010;М;;orphan;Сидорова Анна`,
    ].join('\r\n');
    const csvPath = join(dir, 'pupils.csv');
    writeFileSync(csvPath, iconv.encode(csv, 'win1251'));
    const result = await run('import', book, csvPath);
    expect(result.code).toBe(1);
    expect(result.out).toContain('3 ученика размещены в 2 классах');
    expect(result.out).toContain('строка 4: не указан класс');
    const rejects = readFileSync(join(dir, 'pupils.rejects.csv'), 'utf8');
    expect(rejects).toContain('Без Класса');
    const registry = readRegistry((await XlsxWorkbook.open(book)).read());
    expect(registry.pupils.map((p) => [p.className, p.fullName])).toEqual([
      ['5А', 'Иванова Мария Петровна'],
      ['5А', 'Петров Иван Сергеевич'],
      ['9Б', 'Сидоров Олег'],
    ]);
  });

  it('validate gives the JSON array of DESIGN.md and exit status 0 on a clean registry', async () => {
    const result = await run('validate', book, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([]);
  });

  it('passport --json counts a family once across its children and lists every category', async () => {
    const result = await run('passport', book, '--json');
    const p = Passport.parse(JSON.parse(result.out));
    expect(p).toMatchObject({ schoolYear: '2025-2026', students: 3, families: 2 });
    expect(Object.keys(p.categories)).toEqual(defaultCatalogue.map((x) => x.code));
    expect(p.categories.large_family).toEqual({ students: 2, families: 1 });
    expect(p.classes['5А'].categories.large_family).toEqual({ students: 2, families: 1 });
    expect(p.compare).toBeUndefined();
  });

  it('passport prints aligned tables and --write stores it in the passport tab', async () => {
    const result = await run('passport', book, '--write');
    expect(result.out).toContain('Многодетная семья');
    expect(result.out).toMatch(/5А\s+2\s+1/);
    const tab = (await XlsxWorkbook.open(book)).read().tabs.find((t) => t.title === 'Социальный паспорт')!;
    expect(tab.rows[0][0]).toBe('Социальный паспорт: Школа № 1 — 2025-2026');
  });

  it('new-year archives the passport and moves classes up; next year the passport shows the dynamics', async () => {
    // The new year opens from 1 May of the calendar year it begins in.
    const moved = await cliRunner(new Date('2026-05-25T00:00:00Z'))('new-year', book);
    expect(moved.code).toBe(0);
    expect(moved.out).toContain('2025-2026 → 2026-2027');
    const result = await run('passport', book, '--json');
    const p = Passport.parse(JSON.parse(result.out));
    expect(Object.keys(p.classes)).toEqual(['6А', '10Б']);
    expect(p.compare?.schoolYear).toBe('2025-2026');
    expect(p.compare?.categories.orphan).toEqual({ students: 1, families: 1, studentsChangePct: 0, familiesChangePct: 0 });
  });
});

describe('comparing with last year\'s workbook', () => {
  it('--compare takes last year from another file', async () => {
    const last = join(dir, 'last.xlsx');
    const now = join(dir, 'now.xlsx');
    await run('init', last, '--year', '2024-2025');
    await run('init', now, '--year', '2025-2026');
    const lastCsv = join(dir, 'last.csv');
    writeFileSync(lastCsv, `class,full_name,iin,birth_date,sex,categories\n4А,Әлиев Әли,${b.iin},2014-03-15,M,asp\n4А,Сейітова Әсел,${a.iin},2014-03-15,F,asp\n`);
    await run('import', last, lastCsv);
    const nowCsv = join(dir, 'now.csv');
    writeFileSync(nowCsv, `\ufeffclass,full_name,iin,birth_date,sex,categories\n5А,Әлиев Әли,${b.iin},2014-03-15,M,asp\n`);
    await run('import', now, nowCsv);
    const p = Passport.parse(JSON.parse((await run('passport', now, '--json', '--compare', last)).out));
    expect(p.compare).toMatchObject({ schoolYear: '2024-2025' });
    expect(p.compare!.categories.asp).toEqual({ students: 2, families: 2, studentsChangePct: -50, familiesChangePct: -50 });
  });
});

describe('bad input', () => {
  it('a workbook that is not a registry is named, in both languages when its language is unknown', async () => {
    const path = join(dir, 'budget.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Бюджет').addRow(['статья', 'сумма']);
    await wb.xlsx.writeFile(path);
    const result = await run('validate', path);
    expect(result.code).toBe(2);
    expect(result.err).toContain('«budget.xlsx» әлеуметтік тізілім емес');
    expect(result.err).toContain('«budget.xlsx» не является социальным реестром');
  });

  it('a class tab without its IIN column is named with the tab and the column, in the workbook language', async () => {
    const path = join(dir, 'broken.xlsx');
    await run('init', path, '--lang', 'kk');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.addWorksheet('7Ә');
    sheet.addRow(['Оқушының аты-жөні', 'Туған күні', 'Жынысы']);
    sheet.addRow(['Әлиев Әли', '01.01.2013', 'ұл']);
    await wb.xlsx.writeFile(path);
    const result = await run('validate', path);
    expect(result.code).toBe(2);
    expect(result.err).toBe('«7Ә» парағында міндетті «ЖСН» бағаны жоқ (тақырып жолында 1-жол)');
  });

  it('an unreadable date is reported with its tab, row and column, and the row is kept', async () => {
    const path = join(dir, 'dates.xlsx');
    await run('init', path, '--lang', 'ru', '--year', '2025-2026');
    const csv = join(dir, 'dates.csv');
    writeFileSync(csv, `class,full_name,iin,birth_date,sex\n5А,Иванов Иван,${b.iin},15 марта,M\n`);
    await run('import', path, csv);
    const issues = Issue.array().parse(JSON.parse((await run('validate', path, '--json')).out));
    expect(issues.map((i) => [i.code, i.class, i.row, i.column])).toEqual([['invalid_date', '5А', 2, 'birth_date']]);
    expect(issues[0].message).toBe('5А, строка 2, столбец «Дата рождения»: «15 марта» не читается как дата; запишите в виде ДД.ММ.ГГГГ');

    // --write puts the same problem on the registry's issues tab, for the pedagogue who opens the workbook.
    const written = await run('validate', path, '--write');
    expect(written.code).toBe(1);
    expect(written.out).toMatch(/лист «Ошибки» обновлён/);
    const tab = (await XlsxWorkbook.open(path)).read().tabs.find((t) => t.key === 'issues')!;
    expect(tab.rows).toHaveLength(2);
    expect(tab.rows[1]).toEqual(expect.arrayContaining(['5А', 2, 'Дата рождения', 'Иванов Иван', issues[0].message, 'invalid_date']));
  });

  it('a missing file and an unknown command say so', async () => {
    expect((await run('validate', join(dir, 'nope.xlsx'), '--lang', 'ru')).err).toContain('не найден');
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('frobnicate');
  });
});

describe('demo', () => {
  it('writes the registry of a generated school and prints validation and the passport', async () => {
    const out = join(dir, 'demo');
    const result = await run('demo', '--out', out, '--pupils', '200', '--lang', 'ru');
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'registry.xlsx'))).toBe(true);
    // Marked as the demo's own: the next demo into it replaces it without asking (test/cli/command-line.test.ts).
    expect(existsSync(join(out, '.qamqor-demo'))).toBe(true);
    expect(result.out).toContain('iin_checksum');
    expect(result.out).toContain('Социальный паспорт');
    const passport = Passport.parse(JSON.parse(readFileSync(join(out, 'passport.json'), 'utf8')));
    // The roll as it stands: the 200 generated pupils, and the year's arrivals and departures (arrivals.csv, movements.csv).
    const lines = (file: string) => readFileSync(join(out, file), 'utf8').trim().split('\n').slice(1);
    const left = lines('movements.csv').filter((l) => l.includes(',left,')).length;
    expect(passport.students).toBe(200 + lines('arrivals.csv').length - left);
    // The workbook's issues tab holds what validation.json holds, a row each.
    const validation = JSON.parse(readFileSync(join(out, 'validation.json'), 'utf8')) as unknown[];
    const issuesTab = (await XlsxWorkbook.open(join(out, 'registry.xlsx'))).read().tabs.find((t) => t.key === 'issues')!;
    expect(validation.length).toBeGreaterThan(0);
    expect(issuesTab.rows).toHaveLength(validation.length + 1);
    expect(passport.compare?.schoolYear).toBe('2024-2025');
    // Every report of the reports tab, as .docx (test/cli/reports.test.ts reads them).
    expect(result.out).toMatch(/отчёты: \d+ документ(а|ов)?/);
    expect(existsSync(join(out, 'reports', 'Анализ социально-педагогической работы за 2025-2026 учебный год.docx'))).toBe(true);
  }, 60_000);
});
