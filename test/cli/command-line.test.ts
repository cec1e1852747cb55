// The command line as people type it: flags anywhere, help and version, mistakes refused in one language, files that
// cannot be used named with their path, the demo's folder guarded, report names that fit the file system.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { version } from '../../package.json';
import { planImport } from '../../src/app/import-pupils';
import { claimDemoFolder, DEMO_MARKER } from '../../src/cli/demo-folder';
import { tabSpec } from '../../src/domain/template';
import { fitName } from '../../src/local/report-files';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliRunner } from '../support/cli';
import { pupil } from '../support/workbook';

const today = new Date('2025-10-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'qamqor-line-'));
const run = cliRunner(today);
const book = join(dir, 'registry.xlsx');

/** Kazakh writes with every Russian letter and nine of its own; Russian text has none of the nine. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
/** Words of the Russian usage messages that no Kazakh one has. */
const RUSSIAN_WORDS = /Использование|Подробнее|неизвестный|не принимает|лишний|нужен|не указан|значение|может быть/;

function inKazakhOnly(text: string) {
  expect(text).toMatch(KAZAKH_LETTERS);
  expect(text).not.toMatch(RUSSIAN_WORDS);
}

function inRussianOnly(text: string) {
  expect(text).toMatch(/[а-я]/i);
  expect(text).not.toMatch(KAZAKH_LETTERS);
}

beforeAll(async () => {
  expect((await run('init', book, '--lang', 'kk', '--year', '2025-2026')).code).toBe(0);
});

describe('flags anywhere on the line', () => {
  it('--lang before the command name speaks that language', async () => {
    const result = await run('--lang', 'ru', 'validate', book);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Ошибок не найдено');
  });

  it('flags before, between and after the arguments, and --flag=value, all mean the same', async () => {
    for (const argv of [
      ['--json', 'validate', book],
      ['validate', '--json', book],
      ['validate', book, '--json'],
      ['--lang=kk', 'validate', book, '--json'],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toEqual([]);
    }
  });

  it('after --, a word that looks like a flag is a file name', async () => {
    const result = await run('validate', '--', '--json');
    expect(result.code).toBe(2);
    expect(result.err).toContain('«--json» файлы табылмады');
  });
});

describe('help and version', () => {
  it('qamqor --help lists every command and exits 0, in Kazakh unless --lang says otherwise', async () => {
    const kk = await run('--help');
    expect(kk.code).toBe(0);
    for (const name of ['init', 'import', 'validate', 'passport', 'snapshot', 'new-year', 'reports', 'demo']) expect(kk.out).toContain(`qamqor ${name}`);
    inKazakhOnly(kk.out);
    const ru = await run('-h', '--lang', 'ru');
    expect(ru.out).toContain('Использование:');
    inRussianOnly(ru.out);
  });

  it('qamqor validate --help gives that command\'s usage and options only, without opening any book', async () => {
    const result = await run('validate', 'no-such-book.xlsx', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Қолданылуы: qamqor validate <кітап\.xlsx> \[--json\]/);
    expect(result.out).toContain('--json');
    expect(result.out).toContain('1 — тізілімде қате бар');
    expect(result.out).not.toContain('qamqor reports');
    const ru = await run('--lang', 'ru', 'reports', '-h');
    expect(ru.out).toMatch(/^Использование: qamqor reports <книга\.xlsx> --out ПАПКА/);
    expect(ru.out).toContain('--only ОТЧЁТ');
    inRussianOnly(ru.out);
  });

  it('qamqor help COMMAND is the same as COMMAND --help', async () => {
    expect((await run('help', 'demo')).out).toBe((await run('demo', '--help')).out);
  });

  it('--version and -V print the version of package.json', async () => {
    expect(await run('--version')).toMatchObject({ code: 0, out: `qamqor ${version}` });
    expect(await run('validate', '-V')).toMatchObject({ code: 0, out: `qamqor ${version}` });
  });

  it('qamqor alone shows the usage on stderr with exit status 2', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('qamqor validate');
  });
});

describe('a mistyped command line is refused in one language, exit status 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag, with the nearest one', ['validate', book, '--jsn'], /белгісіз параметр: --jsn; мүмкін, --json\?/],
    ['a flag the command does not take', ['snapshot', book, '--json'], /snapshot командасы --json параметрін қабылдамайды/],
    ['a flag without its value', ['reports', book, '--out'], /--out параметрінің мәні берілмеген/],
    ['a flag whose value is another flag', ['reports', book, '--out', '--only', 'lists'], /--out параметрінің мәні берілмеген/],
    ['a value given to a flag that takes none', ['validate', book, '--json=yes'], /--json параметрі мән қабылдамайды/],
    ['an extra argument', ['validate', book, 'other.xlsx'], /артық аргумент: «other\.xlsx»/],
    ['a missing argument', ['import', book], /import командасына <оқушылар\.csv> керек/],
    ['a missing required flag', ['reports', book], /reports командасына --out БУМА керек/],
    ['a language that is not kk or ru', ['--lang', 'en', 'validate', book], /--lang мәні kk немесе ru болуы керек, берілгені: «en»/],
    ['a pupil count that is not a number', ['demo', '--pupils', 'many'], /--pupils мәні оң бүтін сан болуы керек/],
    ['a school year that is not one', ['init', join(dir, 'y.xlsx'), '--year', '2025'], /--year мәні 2025-2026 түріндегі оқу жылы болуы керек/],
    ['an unknown command, with the nearest one', ['valdate', book], /«valdate» деген команда жоқ; мүмкін, validate\?/],
  ];

  it.each(cases)('%s', async (_, argv, said) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(said);
    expect(result.err).not.toMatch(/ERR_PARSE_ARGS|Unknown option|argument/i);
    inKazakhOnly(result.err);
    expect(result.out).toBe('');
  });

  it('with --lang ru every word of the refusal is Russian, wherever --lang stands', async () => {
    for (const argv of [
      ['--lang', 'ru', 'snapshot', book, '--json', 'extra'],
      ['snapshot', '--json', book, 'extra', '--lang', 'ru'],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.err.split('\n')).toEqual([
        'команда snapshot не принимает параметр --json',
        'лишний аргумент: «extra»',
        'Использование: qamqor snapshot <книга.xlsx>',
        'Подробнее: qamqor snapshot --help',
      ]);
    }
  });

  it('a usage error found by the command itself keeps the workbook\'s language alone', async () => {
    const result = await run('reports', book, '--out', join(dir, 'never'), '--only', 'wizards');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--only wizards');
    inKazakhOnly(result.err);
  });
});

describe('a file that cannot be used is named with its path', () => {
  const blocker = join(dir, 'a-file');
  beforeAll(() => writeFileSync(blocker, 'not a folder'));

  it('in the language of --lang', async () => {
    const out = join(blocker, 'reports');
    const result = await run('reports', book, '--out', out, '--lang', 'ru');
    expect(result.code).toBe(2);
    expect(result.err).toBe(`часть пути «${out}» — файл, а не папка (ENOTDIR)`);
  });

  it('in Kazakh and Russian when the language is not known, never with a stack trace', async () => {
    const out = join(blocker, 'reports');
    const result = await run('reports', book, '--out', out);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual([
      `«${out}» жолының бір бөлігі бума емес, файл (ENOTDIR)`,
      `часть пути «${out}» — файл, а не папка (ENOTDIR)`,
    ]);
  });
});

describe('demo --out into a folder that is not the demo\'s own', () => {
  function foreignFolder(name: string): string {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'registry.xlsx'), 'the school\'s real registry');
    return folder;
  }

  it('without a terminal, refuses with exit status 2 and suggests another folder; nothing is written', async () => {
    const folder = foreignFolder('theirs');
    const result = await run('demo', '--out', folder, '--lang', 'ru', '--pupils', '40');
    expect(result.code).toBe(2);
    expect(result.err).toContain(`папка «${folder}» не пуста и создана не демо`);
    expect(result.err).toContain('--out ПАПКА');
    expect(readdirSync(folder)).toEqual(['registry.xlsx']);
  });

  it('on a terminal, asks in the user\'s language; "no" leaves the folder as it was', async () => {
    const folder = foreignFolder('asked');
    const result = await cliRunner(today, { answer: 'жоқ' })('demo', '--out', folder, '--pupils', '40');
    expect(result.asked).toEqual([expect.stringContaining(`«${folder}» бумасында басқа файлдар бар`)]);
    expect(result.code).toBe(2);
    expect(readdirSync(folder)).toEqual(['registry.xlsx']);
  });

  it('"yes" (да, иә, y) lets the demo take the folder and mark it as its own', async () => {
    for (const answer of ['да', 'Иә', 'y']) {
      const folder = foreignFolder(`yes-${answer}`);
      const asked: string[] = [];
      const ok = await claimDemoFolder(folder, 'kk', { out: () => {}, err: () => {}, ask: async (q) => (asked.push(q), answer) });
      expect([ok, asked.length, existsSync(join(folder, DEMO_MARKER))]).toEqual([true, 1, true]);
    }
  });

  it('its own earlier folder, a new folder and an empty one are taken without asking', async () => {
    const own = foreignFolder('own');
    writeFileSync(join(own, DEMO_MARKER), '');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const noQuestions = { out: () => {}, err: () => {}, ask: async () => { throw new Error('asked'); } };
    for (const folder of [own, empty, join(dir, 'new', 'deeper')]) expect(await claimDemoFolder(folder, 'kk', noQuestions)).toBe(true);
  });
});

describe('report file names fit the file system', () => {
  const bytes = (s: string) => Buffer.byteLength(s);

  it('a name is cut to 255 bytes of UTF-8 between two letters, its extension kept', () => {
    const cyrillic = 'Ә'.repeat(125);
    expect(bytes(`${cyrillic}.docx`)).toBe(255);
    expect(fitName(cyrillic, '.docx')).toBe(`${cyrillic}.docx`);
    const longer = fitName('Ж'.repeat(200), ' (2).docx');
    expect(longer).toBe(`${'Ж'.repeat(123)} (2).docx`);
    // An emoji made of several code points is kept whole or dropped whole, never split.
    const family = '👨‍👩‍👧';
    const cut = fitName('a'.repeat(240) + family.repeat(3), '.docx');
    expect(bytes(cut)).toBeLessThanOrEqual(255);
    expect(cut).toBe(`${'a'.repeat(240)}.docx`);
    expect(fitName(`${'б'.repeat(124)} .x`, '.docx')).toBe(`${'б'.repeat(124)}.docx`);
  });

  it('reports writes long Cyrillic names cut to fit, each one distinct', async () => {
    const longBook = join(dir, 'long-names.xlsx');
    expect((await run('init', longBook, '--lang', 'ru', '--year', '2025-2026')).code).toBe(0);
    const wb = await XlsxWorkbook.open(longBook);
    const a = pupil(5);
    const header = ['class', 'full_name', 'iin', 'birth_date', 'sex'];
    const raw = ['5А', 'Иванов Иван', a.iin, a.birth_date, 'M'] as string[];
    wb.apply(planImport(wb.read(), { header, records: [{ line: 2, raw, values: Object.fromEntries(header.map((h, j) => [h, raw[j]!])) }] }, 'pupils.csv', today).changes);
    const reportsTab = wb.read().tabs.find((t) => t.key === 'reports')!;
    const spec = tabSpec('reports');
    const row = (r: Record<string, string | boolean>) => spec.columns.map((c) => r[c.key] ?? '');
    const name = 'Я'.repeat(125);
    wb.apply([
      {
        kind: 'replaceRows',
        tab: { id: reportsTab.id },
        values: [
          spec.columns.map((c) => c.header.ru),
          row({ active: true, template: 'school-passport', scope: 'school', file_name: name }),
          row({ active: true, template: 'school-passport', scope: 'school', file_name: name }),
          row({ active: true, template: 'school-passport', scope: 'school', file_name: 'Ю'.repeat(150) }),
        ],
      },
    ]);
    await wb.save(longBook);
    const out = join(dir, 'long-out');
    const result = await run('reports', longBook, '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const made = readdirSync(out).sort();
    expect(made).toEqual([`${name} (2).docx`.replace(/^Я{125}/, 'Я'.repeat(123)), `${name}.docx`, `${'Ю'.repeat(125)}.docx`].sort());
    for (const file of made) expect(bytes(file)).toBeLessThanOrEqual(255);
  }, 60_000);
});
