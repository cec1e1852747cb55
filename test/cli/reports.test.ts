// `qamqor reports` end to end: the demo school's documents opened and read as a director would, in Kazakh and in
// Russian, and bad input (a template typo, a missing template, an empty class) named while the rest is still made.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatChange, pair } from '../../src/domain/format';
import { Passport } from '../../src/domain/passport/passport';
import { readRegistry, type Registry } from '../../src/domain/registry/registry';
import { defaultCatalogue, tabSpec, type Lang } from '../../src/domain/template';
import { docxBuilder, extractText } from '../../src/local/docx';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { demoReportChanges } from '../../src/app/demo-reports';
import { groupLabels } from '../../src/reports/models/words';
import { planImport } from '../../src/app/import-pupils';
import { demoXlsx } from '../support/demo-registry';
import { cliRunner } from '../support/cli';
import { pupil } from '../support/workbook';

const today = new Date('2026-05-20T08:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'qamqor-reports-'));

const run = cliRunner(today);

/** A category as count tables name it: the group («Дети-сироты») where the default name is a pupil's status. */
const group = (code: string, lang: Lang) => groupLabels[code]?.[lang] ?? defaultCatalogue.find((c) => c.code === code)![lang];

function docxFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? docxFiles(path) : name.endsWith('.docx') ? [path] : [];
  });
}

const SCRIPT = '<script>alert("Қ")</script>';
const orphanIn5 = pupil(5, {}, 'F');
const KAZAKH_ORPHAN = 'Әбдіғаппарова Ұлжан Іңкәрқызы';
const FORMULA = '=HYPERLINK("http://example.com/x","Иванов")';

describe('the demo school\'s reports, read as a director would', () => {
  const demo = join(dir, 'demo');
  const book = join(demo, 'registry.xlsx');
  const lastYear = join(demo, 'registry-2024-2025.xlsx');
  let registry: Registry;
  let passport: Passport;
  const texts: Record<Lang, Map<string, string>> = { kk: new Map(), ru: new Map() };

  beforeAll(async () => {
    mkdirSync(demo, { recursive: true });
    // Three more orphans whose names a careless renderer would spoil: markup, Kazakh letters only, a formula.
    const header = ['class', 'full_name', 'iin', 'birth_date', 'sex', 'categories', 'guardian'];
    const other = pupil(7, {}, 'F');
    const third = pupil(9);
    const rows = [
      ['5А', SCRIPT, orphanIn5.iin, orphanIn5.birth_date, 'F', 'orphan;free_meals', 'Қамқоршы Әже'],
      ['7А', KAZAKH_ORPHAN, other.iin, other.birth_date, 'F', 'no_parental_care', 'Ғаббасова Өркен'],
      ['9А', FORMULA, third.iin, third.birth_date, 'M', 'orphan', 'Иванова Анна'],
    ] as string[][];
    const orphans = { header, records: rows.map((raw, i) => ({ line: i + 2, raw, values: Object.fromEntries(header.map((h, j) => [h, raw[j]!])) })) };
    // The demo school of this year with its notes and reports tab as the demo fills them, and last year's school.
    await demoXlsx(book, { pupils: 300, language: 'kk' }, (wb) => {
      wb.apply(demoReportChanges(readRegistry(wb.read())));
      const imported = planImport(wb.read(), orphans, 'orphans.csv', today);
      expect(imported.rejects).toEqual([]);
      wb.apply(imported.changes);
    });
    await demoXlsx(lastYear, { pupils: 300, language: 'kk', schoolYear: '2024-2025', seed: 20240901 });
    registry = readRegistry((await XlsxWorkbook.open(book)).read());
    passport = Passport.parse(JSON.parse((await run('passport', book, '--json', '--compare', lastYear)).out));
    for (const lang of ['kk', 'ru'] as const) {
      const out = join(dir, `reports-${lang}`);
      // The demo school keeps its deliberate mistakes: its documents can only be drafts.
      const result = await run('reports', book, '--out', out, '--lang', lang, '--compare', lastYear, '--draft');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      for (const file of docxFiles(out)) texts[lang].set(file.slice(out.length + 1), extractText(readFileSync(file)));
    }
  }, 120_000);

  const find = (lang: Lang, pattern: RegExp): string => {
    const names = [...texts[lang].keys()].filter((n) => pattern.test(n));
    expect(names).toHaveLength(1);
    return texts[lang].get(names[0]!)!;
  };

  it.each(['kk', 'ru'] as const)('%s: leaves no placeholder anywhere, headers and footers included', (lang) => {
    expect(texts[lang].size).toBeGreaterThan(20);
    for (const [name, text] of texts[lang]) {
      expect([name, text.match(/\{\{|\}\}/)]).toEqual([name, null]);
      expect(text).toContain(`[header]\n${lang === 'kk' ? 'ЖОБА' : 'ПРОЕКТ'} · ${registry.settings.schoolName}`);
      expect(text).toMatch(/\[footer\]\n(Бет|Страница) 1/);
    }
  });

  // File names and folders are the reports tab's, written when the Kazakh registry was set up, whatever --lang.
  it.each(['kk', 'ru'] as const)('%s: makes one passport per class, the class in its file name', (lang) => {
    const passports = [...texts[lang].keys()].filter((n) => n.startsWith('Сынып паспорттары/'));
    const classes = Object.keys(passport.classes).filter((c) => passport.classes[c]!.students > 0);
    expect(passports).toHaveLength(classes.length);
    for (const c of classes) {
      const name = passports.find((p) => basename(p).startsWith(`${c} `) || basename(p).includes(` ${c} `));
      expect(name).toBeDefined();
      expect(texts[lang].get(name!)).toContain(c);
    }
  });

  it.each(['kk', 'ru'] as const)('%s: the school passport counts what the passport counts', (lang) => {
    const text = find(lang, /^(Мектептің әлеуметтік паспорты|Социальный паспорт школы)/);
    for (const c of defaultCatalogue.filter((x) => x.kind === 'category')) {
      const n = passport.categories[c.code]!;
      const row = text.split('\n').find((l) => l.split('\t')[1] === group(c.code, lang));
      expect([c.code, row?.split('\t').slice(2, 4)]).toEqual([c.code, [String(n.students), String(n.families)]]);
    }
    // The class tables' totals; the aid register's table (its total in tenge) is checked against `qamqor aid` in aid.test.ts.
    const total = text.split('\n').filter((l) => /^(Барлығы|Всего)\t/.test(l) && !l.includes('₸'));
    expect(total.map((l) => l.split('\t')[1]!.replace(/\s/g, ''))).toEqual([String(passport.students), String(passport.families)]);
  });

  it.each(['kk', 'ru'] as const)('%s: the class passport of 5А counts what the passport counts for 5А', (lang) => {
    const text = find(lang, /^Сынып паспорттары\/5А /);
    const figures = passport.classes['5А']!;
    for (const c of defaultCatalogue) {
      const row = text.split('\n').find((l) => l.split('\t')[1] === group(c.code, lang))!;
      expect([c.code, row.split('\t').slice(2, 4)]).toEqual([c.code, [String(figures.categories[c.code]!.students), String(figures.categories[c.code]!.families)]]);
    }
  });

  it.each(['kk', 'ru'] as const)('%s: the orphans list names every orphan and child without parental care', (lang) => {
    const text = find(lang, /(Жетім және|детей-сирот)/);
    const orphans = registry.pupils.filter((p) => p.categories.includes('orphan') || p.categories.includes('no_parental_care'));
    expect(orphans.length).toBeGreaterThan(2);
    const rows = text.split('\n').filter((l) => /^\d+\t/.test(l));
    expect(rows).toHaveLength(orphans.length);
    for (const p of orphans) expect(rows.some((r) => r.split('\t')[1] === p.fullName && r.split('\t')[2] === p.className)).toBe(true);
  });

  it.each(['kk', 'ru'] as const)('%s: the annual report\'s dynamics are the passport\'s comparison', (lang) => {
    const text = find(lang, /(талдауы|Анализ)/);
    const compare = passport.compare!;
    expect(compare.schoolYear).toBe('2024-2025');
    let compared = 0;
    for (const c of defaultCatalogue.filter((x) => x.kind === 'category')) {
      const row = text.split('\n').find((l) => l.split('\t')[0] === group(c.code, lang));
      const now = passport.categories[c.code]!;
      const before = compare.categories[c.code]!;
      if (now.students === 0 && before.students === 0) {
        expect(row).toBeUndefined();
        continue;
      }
      compared++;
      expect(row!.split('\t')).toEqual([
        group(c.code, lang), pair(before.students, before.families), pair(now.students, now.families),
        formatChange(before.studentsChangePct), formatChange(before.familiesChangePct),
      ]);
    }
    expect(compared).toBeGreaterThan(10);
    // The categories, their change, and the free meals of seed 001's figure 4.
    expect(text.match(/\[image\]/g)).toHaveLength(3);
    expect(text).toContain(lang === 'kk' ? 'Бір оқушының күндік ыстық тамағының құны – 603 ₸.' : 'Стоимость горячего питания одного учащегося в день – 603 ₸.');
  });

  it.each(['kk', 'ru'] as const)('%s: prints a formula, markup and Kazakh letters in a name as written', (lang) => {
    const orphans = find(lang, /(Жетім және|детей-сирот)/);
    expect(orphans).toContain(SCRIPT);
    expect(orphans).toContain(KAZAKH_ORPHAN);
    expect(orphans).toContain('Ғаббасова Өркен');
    expect(orphans).toContain(FORMULA);
    expect(find(lang, /^Сынып паспорттары\/9А /)).toContain(FORMULA);
    expect(find(lang, /^Сынып паспорттары\/5А /)).toContain(SCRIPT);
  });

  it('makes profiles of the risk group, as the demo\'s reports tab asks', () => {
    const profiles = [...texts.kk.keys()].filter((f) => f.startsWith('Оқушы профильдері/'));
    const risk = registry.pupils.filter((p) => p.categories.includes('risk_group'));
    expect(profiles.length).toBe(risk.length);
    for (const p of risk) expect(profiles).toContain(`Оқушы профильдері/${p.className} ${p.fullName}.docx`);
    expect([...texts.kk.keys()].filter((f) => f.startsWith('Тізімдер/'))).toHaveLength(11);
  });

  describe('a registry with errors', () => {
    it('gets no document to sign: the command says how many errors and where, and writes nothing', async () => {
      const out = join(dir, 'refused');
      const result = await run('reports', book, '--out', out);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^Тізілімде \d+ қате бар \(.+\): қол қойылатын құжаттар жасалмайды\. Қателерді «qamqor validate» көрсетеді/);
      expect(existsSync(out)).toBe(false);
      const ru = await run('reports', book, '--out', out, '--lang', 'ru');
      expect(ru.err).toMatch(/^В реестре есть ошибки — \d+ \(.+\): документы на подпись не создаются/);
    });

    it('gets drafts with --draft: every document says ЖОБА / ПРОЕКТ at the top of its pages', () => {
      for (const lang of ['kk', 'ru'] as const) {
        const word = lang === 'kk' ? 'ЖОБА' : 'ПРОЕКТ';
        expect(texts[lang].size).toBeGreaterThan(10);
        for (const [name, text] of texts[lang]) {
          const top = text.split('\n').slice(0, 2).join('\n');
          expect(`${name}: ${top}`).toContain(word);
        }
      }
    });
  });
});

describe('bad input is named and the rest is still made', () => {
  const book = join(dir, 'bad', 'registry.xlsx');

  beforeAll(async () => {
    const folder = join(dir, 'bad');
    mkdirSync(folder, { recursive: true });
    expect((await run('init', book, '--lang', 'ru', '--year', '2025-2026', '--school', 'Школа № 3')).code).toBe(0);
    const a = pupil(5);
    const header = ['class', 'full_name', 'iin', 'birth_date', 'sex', 'categories', 'guardian'];
    const raw = ['5А', 'Иванов Иван', a.iin, a.birth_date, 'M', 'orphan', 'Иванова Анна'] as string[];
    // A template with a typo, made as a teacher would edit one.
    writeFileSync(join(folder, 'мой отчёт.docx'), docxBuilder().paragraph('Школа: {{schol.name}}').paragraph('Учащихся: {{totals.students}}').build());
    const wb = await XlsxWorkbook.open(book);
    wb.apply(planImport(wb.read(), { header, records: [{ line: 2, raw, values: Object.fromEntries(header.map((h, j) => [h, raw[j]!])) }] }, 'pupils.csv', today).changes);
    const data = wb.read();
    const classes = data.tabs.find((t) => t.key === 'classes')!;
    const reports = data.tabs.find((t) => t.key === 'reports')!;
    const spec = tabSpec('reports');
    const row = (r: Record<string, string | boolean>) => spec.columns.map((c) => r[c.key] ?? '');
    wb.apply([
      { kind: 'appendRows', tab: { id: classes.id }, values: [['7Б']] },
      {
        kind: 'replaceRows',
        tab: { id: reports.id },
        values: [
          spec.columns.map((c) => c.header.ru),
          row({ active: true, template: 'мой отчёт.docx', scope: 'school' }),
          row({ active: true, template: 'нет-такого.docx', scope: 'school' }),
          row({ active: true, scope: 'class' }),
          row({ active: true, scope: 'category', filter: 'orphans' }),
        ],
      },
    ]);
    await wb.save(book);
  }, 60_000);

  it('names the template and its placeholder, the job row, the empty class; makes the other documents', async () => {
    const out = join(dir, 'bad-out');
    const result = await run('reports', book, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toContain('в классе 7Б нет учеников: его паспорт не создан');
    expect(result.err).toContain('В шаблоне «мой отчёт.docx» ошибок: 1');
    expect(result.err).toContain('«{{schol.name}}» ссылается на поле, которого нет в данных (может быть, «{{school.name}}»?)');
    expect(result.err).toContain('лист «Отчёты», строка 3: шаблон «нет-такого.docx» не найден');
    const made = docxFiles(out).map((f) => f.slice(out.length + 1)).sort();
    expect(made).toEqual(['class-passport 5А.docx', 'Список детей-сирот и детей, оставшихся без попечения родителей.docx']);
  });

  it('an unknown --only is a usage error', async () => {
    const result = await run('reports', book, '--out', join(dir, 'x'), '--only', 'wizards');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--only wizards');
  });
});

