// `qamqor district` on files: the JSON of DESIGN.md on three generated schools, each school's figures those of its own
// `passport --json` and the total their sum; schools left out named (exit 1) while the others are still summed and
// the workbook still written; only the passport's sheets read; the district report in Kazakh and in Russian.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DistrictJson } from '../../src/domain/district/roll-up';
import { formatDecimal } from '../../src/domain/format';
import { Passport } from '../../src/domain/passport/passport';
import { openDistrictWorkbook, readSchoolFile } from '../../src/local/district-files';
import { extractText } from '../../src/local/docx';
import { XlsxPackage } from '../../src/local/xlsx/package';
import { ZipReader, writeZip, type ZipPart } from '../../src/local/xlsx/zip';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { sameDocx, templateBuilders, templateFileName, TEMPLATES_DIR } from '../../scripts/templates';
import { cliRunner } from '../support/cli';
import { writeDistrictSchool } from '../support/district-schools';

const run = cliRunner(new Date('2026-03-10T08:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'qamqor-district-'));
const file = (name: string) => join(dir, name);

const GOOD = ['s1.xlsx', 's2.xlsx', 's3.xlsx'].map(file);
const NAMES = ['№ 2 жалпы білім беретін мектеп', '№ 10 жалпы білім беретін мектеп', 'Общеобразовательная школа № 7'];

beforeAll(async () => {
  await writeDistrictSchool(GOOD[0]!, { name: NAMES[0]!, seed: 11, pupils: 150, lastYear: true });
  await writeDistrictSchool(GOOD[1]!, { name: NAMES[1]!, seed: 12, pupils: 120, lastYear: true });
  await writeDistrictSchool(GOOD[2]!, { name: NAMES[2]!, seed: 13, pupils: 130, language: 'ru', lastYear: true });
  await writeDistrictSchool(file('no-passport.xlsx'), { name: '№ 4 мектеп', seed: 14, pupils: 40, passport: false });
  await writeDistrictSchool(file('last-year.xlsx'), { name: '№ 5 мектеп', seed: 15, pupils: 40, schoolYear: '2024-2025' });
  // The same school sent twice under another file name, its name typed with other spacing and case.
  await writeDistrictSchool(file('again.xlsx'), { name: '№ 2  ЖАЛПЫ білім беретін мектеп', seed: 16, pupils: 40 });
}, 60_000);

async function passportOf(path: string): Promise<Passport> {
  const result = await run('passport', path, '--json');
  expect(result.code).toBe(0);
  return Passport.parse(JSON.parse(result.out));
}

describe('qamqor district --json', () => {
  let json: DistrictJson;

  beforeAll(async () => {
    const result = await run('district', file('district.xlsx'), ...GOOD, '--json');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    json = JSON.parse(result.out);
  });

  it('is exactly the shape of DESIGN.md', () => {
    expect(Object.keys(json)).toEqual(['schoolYear', 'schools', 'total']);
    expect(json.schoolYear).toBe('2025-2026');
    expect(DistrictJson.strict().parse(json)).toEqual(json);
    expect(Object.keys(json.schools).sort()).toEqual([...NAMES].sort());
    for (const figures of [...Object.values(json.schools), json.total]) {
      expect(Object.keys(figures)).toEqual(['students', 'families', 'categories']);
      for (const c of Object.values(figures.categories)) expect(Object.keys(c)).toEqual(['students', 'families']);
    }
  });

  it('gives each school the figures of its own `passport --json`, every category with zeros included', async () => {
    for (const [i, path] of GOOD.entries()) {
      const passport = await passportOf(path);
      const school = json.schools[NAMES[i]!]!;
      expect(school.students).toBe(passport.students);
      expect(school.families).toBe(passport.families);
      expect(school.categories).toEqual(passport.categories);
    }
  });

  it('sums the schools into the total, figure by figure', () => {
    const schools = Object.values(json.schools);
    const sum = (f: (s: (typeof schools)[number]) => number) => schools.reduce((n, s) => n + f(s), 0);
    expect(json.total.students).toBe(sum((s) => s.students));
    expect(json.total.families).toBe(sum((s) => s.families));
    for (const code of Object.keys(json.total.categories)) {
      expect(json.total.categories[code]).toEqual({ students: sum((s) => s.categories[code]!.students), families: sum((s) => s.categories[code]!.families) });
    }
    expect(json.total.students).toBe(150 + 120 + 130);
  });

  it('orders the schools by name, numbers as numbers', () => {
    const names = Object.keys(json.schools);
    expect(names.indexOf(NAMES[0]!)).toBe(names.indexOf(NAMES[1]!) - 1);
  });

  it('writes the district workbook: schools by categories, totals, a real chart, read back to the same district', async () => {
    const opened = await openDistrictWorkbook(file('district.xlsx'));
    expect(opened).not.toBeNull();
    expect(opened!.district.total).toEqual(json.total);
    expect(opened!.district.compare?.schoolYear).toBe('2024-2025');
    const book = (await XlsxWorkbook.open(file('district.xlsx'))).read();
    expect(book.tabs.map((t) => t.title)).toEqual(['Аудан', 'Мектептер', 'Деректер']);
    const schools = book.tabs[1]!.rows;
    expect(schools.slice(1, 4).map((r) => r[1])).toEqual(Object.keys(json.schools));
    expect(schools[4]!.slice(1, 4)).toEqual(['Барлығы', json.total.students, json.total.families]);
    const zip = new ZipReader(readFileSync(file('district.xlsx')));
    const chart = zip.text('xl/charts/chart1.xml')!;
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain("<c:f>'Аудан'!$A$5:$A$");
    expect(zip.text('xl/worksheets/_rels/sheet1.xml.rels') ?? '').toContain('../drawings/drawing1.xml');
  });
});

describe('schools that cannot be summed', () => {
  let result: Awaited<ReturnType<typeof run>>;
  const out = file('district-with-problems.xlsx');

  beforeAll(async () => {
    result = await run('district', out, GOOD[0]!, file('no-passport.xlsx'), GOOD[1]!, file('last-year.xlsx'), file('again.xlsx'), file('nowhere.xlsx'), GOOD[2]!, '--json');
  });

  it('are each named, with the file, in the language asked; the exit status is 1', () => {
    expect(result.code).toBe(1);
    expect(result.err).toContain(`«${file('no-passport.xlsx')}»: «Әлеуметтік паспорт» парағы жоқ`);
    expect(result.err).toContain(`«${file('last-year.xlsx')}» (№ 5 мектеп): паспорт 2024-2025 оқу жылына`);
    expect(result.err).toContain(`«${file('again.xlsx')}»: «№ 2 ЖАЛПЫ білім беретін мектеп» атты мектеп жиынтықта бұрыннан бар («${GOOD[0]}»)`);
    expect(result.err).toContain(`«${file('nowhere.xlsx')}»: файл табылмады`);
    expect(result.err).toContain('Жиынтыққа енгізілмеді: 4');
  });

  it('are left out of the total, which is that of the three good schools; the workbook is still written', async () => {
    const alone = JSON.parse((await run('district', file('alone.xlsx'), ...GOOD, '--json')).out) as DistrictJson;
    const json = JSON.parse(result.out) as DistrictJson;
    expect(json).toEqual(alone);
    const opened = await openDistrictWorkbook(out);
    expect(opened!.district.problems.map((p) => p.code)).toEqual(['no_passport', 'other_year', 'duplicate_name', 'unreadable_file']);
    const summary = (await XlsxWorkbook.open(out)).read().tabs[0]!.rows.map((r) => r.join(' | '));
    expect(summary).toContain('Файл немесе ids.txt жолы | Мектеп | Себебі');
    expect(summary).toContain(`${file('last-year.xlsx')} | № 5 мектеп | басқа оқу жылы (2024-2025)`);
  });

  it('--year makes another year the district\'s: then the others are the ones left out', async () => {
    const other = await run('district', file('old-district.xlsx'), ...GOOD, file('last-year.xlsx'), '--year', '2024-2025', '--json', '--lang', 'ru');
    expect(other.code).toBe(1);
    const json = JSON.parse(other.out) as DistrictJson;
    expect(json.schoolYear).toBe('2024-2025');
    expect(Object.keys(json.schools)).toEqual(['№ 5 мектеп']);
    expect(other.err).toContain(`«${GOOD[0]}» (${NAMES[0]}): паспорт составлен за 2025-2026 учебный год, а свод района — за 2024-2025 учебный год`);
  });
});

describe('what is read of a school', () => {
  it('is its passport, settings and categories sheets only: a class sheet that cannot even be inflated is never touched', async () => {
    const broken = file('broken-class-tab.xlsx');
    const zip = new ZipReader(readFileSync(GOOD[0]!));
    const pkg = XlsxPackage.open(readFileSync(GOOD[0]!));
    const classPart = pkg.sheets.find((s) => /^\d+[А-ЯӘҒҚҢӨҰҮҺІ]$/.test(s.name))!.part!;
    const parts: ZipPart[] = [...zip.entries].map(([name, entry]) =>
      name === classPart
        ? // Deflate-marked bytes that are no deflate stream: inflating them throws.
          { name, copy: { ...entry, compressedSize: 7 }, from: { raw: () => Buffer.from('garbage') } as unknown as ZipReader }
        : { name, copy: entry, from: zip },
    );
    writeFileSync(broken, Buffer.concat(writeZip(parts)));
    await expect(XlsxWorkbook.open(broken)).rejects.toThrow();
    const school = await readSchoolFile(broken);
    expect('code' in school ? school : school.name).toBe(NAMES[0]);
  });

  it('refuses to write over a file that is not a district workbook (a school typed first by mistake)', async () => {
    const victim = file('victim.xlsx');
    copyFileSync(GOOD[1]!, victim);
    const before = readFileSync(victim);
    const result = await run('district', victim, GOOD[0]!, GOOD[2]!);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`«${victim}» бар және ол аудан жиынтығы емес`);
    expect(readFileSync(victim).equals(before)).toBe(true);
  });

  it('needs schools or --google', async () => {
    const result = await run('district', file('empty.xlsx'), '--lang', 'ru');
    expect(result.code).toBe(2);
    expect(result.err).toContain('команде district нужны файлы школ (<школа.xlsx>…) или --google <ids.txt>');
  });

  it('--lang ru writes the workbook in Russian and says so in Russian', async () => {
    const result = await run('district', file('ru.xlsx'), ...GOOD, '--lang', 'ru');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Свод района записан');
    const book = (await XlsxWorkbook.open(file('ru.xlsx'))).read();
    expect(book.tabs.map((t) => t.title)).toEqual(['Район', 'Школы', 'Данные']);
  });
});

describe('the district report', () => {
  const out = file('reports');
  const texts = new Map<string, string>();
  let json: DistrictJson;

  beforeAll(async () => {
    const made = await run('district', file('for-report.xlsx'), ...GOOD, file('no-passport.xlsx'), '--json');
    json = JSON.parse(made.out);
    const result = await run('reports', file('for-report.xlsx'), '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    for (const name of readdirSync(out)) texts.set(name, extractText(readFileSync(join(out, name))));
  }, 60_000);

  it('is made in Kazakh and in Russian when no --lang is given', () => {
    expect([...texts.keys()].sort()).toEqual(['Аудандық талдамалық есеп 2025-2026.docx', 'Районный аналитический отчёт 2025-2026.docx']);
  });

  it.each([
    ['Аудандық талдамалық есеп 2025-2026.docx', 'Аудандық білім бөлімі', 'Аудандық білім бөлімінің басшысы', 'Барлығы', 'Жиынтыққа енгізілмеген мектептер'],
    ['Районный аналитический отчёт 2025-2026.docx', 'Районный отдел образования', 'Руководитель районного отдела образования', 'Всего', 'Школы, не включённые в свод'],
  ])('%s: no placeholder left, the department, each school, the totals, the schools left out, the signatures', (name, department, head, total, excluded) => {
    const text = texts.get(name)!;
    expect(text.match(/\{\{|\}\}/)).toBeNull();
    expect(text).toMatch(new RegExp(`^\\[header\\]\\n${department}`));
    for (const school of NAMES) expect(text).toContain(school);
    expect(text).toContain(formatDecimal(json.total.students));
    expect(text).toContain(total);
    expect(text).toContain(excluded);
    expect(text).toContain(file('no-passport.xlsx'));
    expect(text).toContain(head);
    expect(text).toContain('2024-2025');
  });

  it('--lang picks one language', async () => {
    const one = file('reports-ru');
    const result = await run('reports', file('for-report.xlsx'), '--out', one, '--lang', 'ru');
    expect(result.code).toBe(0);
    expect(readdirSync(one)).toEqual(['Районный аналитический отчёт 2025-2026.docx']);
  });

  it.each(['kk', 'ru'] as const)('%s: the committed template is what scripts/templates/district.ts builds', (lang) => {
    const path = join(TEMPLATES_DIR, templateFileName('district', lang));
    expect(existsSync(path)).toBe(true);
    expect(sameDocx(readFileSync(path), templateBuilders.district(lang))).toBe(true);
  });
});
