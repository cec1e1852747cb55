// `qamqor import` on CSV files that must not garble the registry: refused whole, or imported once and only once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readRegistry } from '../../src/domain/registry/registry';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliRunner } from '../support/cli';

const today = new Date('2025-10-01T00:00:00Z');
const run = cliRunner(today);

let dir: string;
let book: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qamqor-import-'));
  book = join(dir, 'registry.xlsx');
  expect((await run('init', book, '--lang', 'ru', '--year', '2025-2026')).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pupils = async () => readRegistry((await XlsxWorkbook.open(book)).read()).pupils.map((p) => [p.className, p.fullName]);

describe('qamqor import', () => {
  it('refuses a file of mixed encodings, saying where in the workbook language, and writes nothing', async () => {
    const csv = join(dir, 'pupils.csv');
    writeFileSync(csv, Buffer.concat([Buffer.from('class,full_name\n5А,Иванов Иван\n'), iconv.encode('5Б,Петров Пётр\n', 'win1251'), Buffer.from('6А,Сидоров\n')]));
    const before = readFileSync(book);
    const result = await run('import', book, csv);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `файл «${csv}» записан в кодировке UTF-8, но его строка 3 ей не соответствует (повреждённый байт или текст в другой кодировке); ничего не импортировано. Сохраните файл в Excel заново в формате «CSV UTF-8»`,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'pupils.rejects.csv'))).toBe(false);
  });

  it('refuses a folder and a badly quoted file by name, in the language asked for', async () => {
    const folder = await run('import', book, dir, '--lang', 'kk');
    expect([folder.code, folder.err]).toEqual([2, `«${dir}» — файл емес, қалта; CSV файлын көрсетіңіз`]);
    const csv = join(dir, 'pupils.csv');
    writeFileSync(csv, 'class,full_name\n5А,"Иванов\n');
    const quoted = await run('import', book, csv);
    expect([quoted.code, quoted.err]).toEqual([2, `в файле «${csv}» не закрыта кавычка в записи, начинающейся в строке 2; ничего не импортировано`]);
    expect(await pupils()).toEqual([]);
  });

  it('adds nobody twice when the same file without IINs is imported again', async () => {
    const csv = join(dir, 'pupils.csv');
    writeFileSync(csv, 'class,full_name,birth_date\n5А,Семёнов Пётр,15.03.2014\n5А,Ахметова Айгерім,\n');
    expect((await run('import', book, csv)).code).toBe(0);
    const again = await run('import', book, csv);
    expect(again.code).toBe(1);
    expect(again.out).toContain('строка 2: строка без ИИН совпадает по ФИО, дате рождения и классу с учеником, который уже есть в реестре: 5А, строка 2');
    expect(again.out).toContain('строка 3: строка без ИИН совпадает');
    expect(await pupils()).toEqual([
      ['5А', 'Семёнов Пётр'],
      ['5А', 'Ахметова Айгерім'],
    ]);
  });

  it('writes a rejects file Excel shows as text, which imports again once fixed', async () => {
    const csv = join(dir, 'pupils.csv');
    writeFileSync(csv, 'class,full_name,phone\n,=HYPERLINK("http://x";"Иванов"),+7 701 123 4567\n');
    expect((await run('import', book, csv)).code).toBe(1);
    const rejects = join(dir, 'pupils.rejects.csv');
    const text = readFileSync(rejects, 'utf8');
    expect(text).toContain(`,"'=HYPERLINK(""http://x"";""Иванов"")",'+7 701 123 4567,2,`);
    // Fixed as a person would in Excel: the class filled in, the rest left as it was.
    writeFileSync(rejects, text.replace('\r\n,', '\r\n5А,'));
    expect((await run('import', book, rejects)).code).toBe(0);
    const [imported] = readRegistry((await XlsxWorkbook.open(book)).read()).pupils;
    expect([imported!.fullName, imported!.phone]).toEqual(['=HYPERLINK("http://x";"Иванов")', '+7 701 123 4567']);
  });
});
