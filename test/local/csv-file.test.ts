import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import iconv from 'iconv-lite';
import { RegistryError } from '../../src/domain/i18n';
import { parseCsv, readCsvFile, recordValues, rejectsPath, writeCsvFile, writeRejects, type CsvTable } from '../../src/local/csv-file';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const cp1251 = (text: string) => new Uint8Array(iconv.encode(text, 'win1251'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const BOM = '\ufeff';
/** Each record by header name, as plain objects for comparison. */
const values = (table: CsvTable) => table.records.map((r) => ({ ...recordValues(table.header, r) }));

/** The RegistryError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qamqor-csv-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('encodings', () => {
  const kazakh = 'class,full_name,iin\n5Ә,Әбілқасымова Ғалия Құрманқызы,050101600123\n10І,Нұрұлы Өмірзақ Үмбетұлы һ,060202500456\n';

  it('reads UTF-8 without a BOM, Kazakh letters exactly', async () => {
    const table = await parseCsv(utf8(kazakh));
    expect(table.encoding).toBe('utf-8');
    expect(table.header).toEqual(['class', 'full_name', 'iin']);
    expect(values(table).map((v) => v.full_name)).toEqual(['Әбілқасымова Ғалия Құрманқызы', 'Нұрұлы Өмірзақ Үмбетұлы һ']);
    expect(values(table)[1]!.class).toBe('10І');
  });

  it('strips the UTF-8 BOM so the first header is a clean name', async () => {
    const table = await parseCsv(utf8(BOM + kazakh));
    expect(table.encoding).toBe('utf-8');
    expect(table.header[0]).toBe('class');
    expect(values(table)[0]).toEqual({ class: '5Ә', full_name: 'Әбілқасымова Ғалия Құрманқызы', iin: '050101600123' });
  });

  it('reads a semicolon-separated Windows-1251 file from Excel with Russian names', async () => {
    const bytes = cp1251('class;full_name;guardian\r\n7Б;Иванова Мария Сергеевна;Иванов Сергей Петрович\r\n8А;Ёлкин Юрий;\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const table = await parseCsv(bytes);
    expect(table.encoding).toBe('windows-1251');
    expect(table.delimiter).toBe(';');
    expect(values(table)).toEqual([
      { class: '7Б', full_name: 'Иванова Мария Сергеевна', guardian: 'Иванов Сергей Петрович' },
      { class: '8А', full_name: 'Ёлкин Юрий', guardian: '' },
    ]);
  });

  it('reads Windows-1251 names whose letter pairs happen to be valid UTF-8 (Пётр, Фёдоров, Ділназ)', async () => {
    // П+ё is CF B8, Д+і is C4 B3: each a valid two-byte UTF-8 sequence inside an otherwise cp1251 line.
    const table = await parseCsv(cp1251('class;full_name\r\n7Б;Фёдоров Пётр\r\n8А;Сёмина Ділназ\r\n'));
    expect(table.encoding).toBe('windows-1251');
    expect(values(table).map((v) => v.full_name)).toEqual(['Фёдоров Пётр', 'Сёмина Ділназ']);
  });

  it('reads Excel "Unicode text": UTF-16LE with a BOM, tab-separated', async () => {
    const text = 'class\tfull_name\r\n5Ә\tҚасымов Ұлан\r\n';
    const table = await parseCsv(concat(Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')));
    expect(table.encoding).toBe('utf-16le');
    expect(table.delimiter).toBe('\t');
    expect(table.header).toEqual(['class', 'full_name']);
    expect(values(table)[0]).toEqual({ class: '5Ә', full_name: 'Қасымов Ұлан' });
  });

  it('reads UTF-16BE with a BOM', async () => {
    const table = await parseCsv(concat(Buffer.from([0xfe, 0xff]), Buffer.from('class,full_name\r\n5Ә,Қасымов Ұлан 😀\r\n', 'utf16le').swap16()));
    expect(table.encoding).toBe('utf-16be');
    expect(values(table)[0]).toEqual({ class: '5Ә', full_name: 'Қасымов Ұлан 😀' });
  });

  it('reads the same whatever chunks the file arrives in, letters and line breaks split between them', async () => {
    const text = 'class;full_name;notes\r\n5Ә;Әбілқасымова;"a\r\nb"\r\n\r\n6Б;Ёлкин;x\r\n';
    for (const bytes of [utf8(BOM + text), cp1251(text.replace(/Ә/g, 'А').replace(/ә/g, 'а')), concat(Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'))]) {
      const whole = await parseCsv(bytes);
      for (const size of [1, 2, 3, 5]) {
        const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
        expect(await parseCsv(chunks)).toEqual(whole);
      }
      expect(whole.records.map((r) => r.line)).toEqual([2, 5]);
    }
  });

  describe('a file that is not wholly in one encoding is refused, naming the first line that does not fit', () => {
    it('a UTF-8 file with one bad byte, instead of being read as Windows-1251', async () => {
      const bytes = concat(utf8('class,full_name\n5А,Иванов Иван\n5А,Пет'), Buffer.from([0xd0]), utf8('ров Пётр\n6Б,Сидоров\n'));
      const error = await refusal(parseCsv(bytes, 'pupils.csv'));
      expect(error.code).toBe('csv_mixed_encoding');
      expect(error.params).toEqual({ file: 'pupils.csv', line: 3, encoding: 'UTF-8' });
    });

    it('one bad byte in a class name, in a file whose only other non-ASCII letters are valid UTF-8', async () => {
      // Read as cp1251 this became a class tab «5РЂ».
      const bytes = concat(utf8('class,full_name\n5А,Ivanov\n5'), Buffer.from([0xd0, 0x80, 0xff]), utf8(',Petrov\n'));
      expect((await refusal(parseCsv(bytes))).params).toMatchObject({ line: 3, encoding: 'UTF-8' });
    });

    it('a UTF-8 BOM followed by Windows-1251 text', async () => {
      const error = await refusal(parseCsv(concat(utf8(BOM + 'class,full_name\n'), cp1251('5А,Иванов\n'))));
      expect(error.params).toMatchObject({ line: 2, encoding: 'UTF-8' });
    });

    it('UTF-8 and Windows-1251 lines in one file: the line that differs from most of the others', async () => {
      const mostlyUtf8 = concat(utf8('class,full_name\n5А,Иванов\n'), cp1251('6Б,Петров\n'), utf8('7В,Сидоров\n'));
      expect((await refusal(parseCsv(mostlyUtf8))).params).toMatchObject({ line: 3, encoding: 'UTF-8' });
      const mostlyCp1251 = concat(cp1251('class,full_name\n5А,Иванов\n6Б,Петров\n'), utf8('7В,Сидоров\n'));
      expect((await refusal(parseCsv(mostlyCp1251))).params).toMatchObject({ line: 4, encoding: 'Windows-1251' });
    });

    it('UTF-16 with 8-bit text glued on, or an odd byte at the end', async () => {
      const unicode = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('class\tfull_name\r\n5Ә\tҚасымов\r\n', 'utf16le')]);
      expect((await refusal(parseCsv(concat(unicode, utf8('6Б\tПетров\r\n'))))).params).toMatchObject({ line: 3, encoding: 'UTF-16' });
      expect((await refusal(parseCsv(concat(unicode, Buffer.from([0x41]))))).params).toMatchObject({ line: 3 });
    });

    it('a zero byte: UTF-16 saved without its BOM is not text of any 8-bit encoding', async () => {
      const error = await refusal(parseCsv(new Uint8Array(Buffer.from('class,full_name\r\n5А,Иванов\r\n', 'utf16le'))));
      expect(error.params).toMatchObject({ line: 1 });
    });

    it('says so in Kazakh and in Russian, with the file and the line', async () => {
      const error = await refusal(parseCsv(concat(utf8(BOM + 'class\n'), cp1251('5А\n')), 'pupils.csv'));
      expect(error.text('kk')).toBe(
        '«pupils.csv» файлы UTF-8 кодтауында, бірақ оның 2-жолы бұл кодтауға сәйкес келмейді (бүлінген байт немесе басқа кодтаудағы мәтін); ештеңе импортталмады. Файлды Excel-де «CSV UTF-8» түрінде қайта сақтаңыз',
      );
      expect(error.text('ru')).toContain('файл «pupils.csv» записан в кодировке UTF-8, но его строка 2');
    });
  });
});

describe('delimiters and columns', () => {
  it('reads a tab-separated file', async () => {
    const table = await parseCsv(utf8('class\tfull_name\tphone\n5А\tАхметов Али\t+7 701 123 45 67\n'));
    expect(table.delimiter).toBe('\t');
    expect(values(table)[0]).toEqual({ class: '5А', full_name: 'Ахметов Али', phone: '+7 701 123 45 67' });
  });

  it('picks the delimiter that splits the header into the most fields, ignoring those inside quotes', async () => {
    expect((await parseCsv(utf8('"full_name;x",class\nA;B,5А\n'))).delimiter).toBe(',');
    expect((await parseCsv(utf8('full_name;class;notes\n"Ахметов, Али";5А;a,b,c,d,e\n'))).delimiter).toBe(';');
  });

  it('maps columns by header name whatever their order, trimming names and values', async () => {
    const table = await parseCsv(utf8(' iin , class ,full_name\n 050101600123 ,5А,  Ахметов  Али \n'));
    expect(table.header).toEqual(['iin', 'class', 'full_name']);
    expect(values(table)[0]).toEqual({ iin: '050101600123', class: '5А', full_name: 'Ахметов  Али' });
  });

  it("gives '' for the columns a short row lacks and keeps extra fields in raw", async () => {
    const table = await parseCsv(utf8('class;full_name;phone\n5А;Ахметов Али\n6Б;Серікова Айгерім;8777;extra\n'));
    expect(values(table)[0]).toEqual({ class: '5А', full_name: 'Ахметов Али', phone: '' });
    expect(table.records[0]!.raw).toEqual(['5А', 'Ахметов Али']);
    expect(values(table)[1]).toEqual({ class: '6Б', full_name: 'Серікова Айгерім', phone: '8777' });
    expect(table.records[1]!.raw).toEqual(['6Б', 'Серікова Айгерім', '8777', 'extra']);
  });

  it('treats a column called __proto__ as an ordinary column', async () => {
    const table = await parseCsv(utf8('__proto__,class\nx,5А\n'));
    const row = recordValues(table.header, table.records[0]!);
    expect(row['__proto__']).toBe('x');
    expect(row.class).toBe('5А');
  });
});

describe('quoting and lines', () => {
  it('reads quoted fields holding the delimiter, quotes and newlines', async () => {
    const csv = 'class;full_name;address;categories;notes\r\n' + '5А;"Ахметов ""Али""";"г. Алматы,\r\nул. Абая; 10";"orphan;free_meals";"a,b"\r\n';
    expect(values(await parseCsv(utf8(csv)))[0]).toEqual({
      class: '5А',
      full_name: 'Ахметов "Али"',
      address: 'г. Алматы,\r\nул. Абая; 10',
      categories: 'orphan;free_meals',
      notes: 'a,b',
    });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('numbers records by the physical line they start on, past multi-line cells and blank lines (%s)', async (_name, eol) => {
    const lines = [
      '', //                      1: blank before the header
      'class,full_name,notes', // 2
      '5А,Ахметов Али,"one', //   3
      'two', //                   4
      'three"', //                5
      '', //                      6
      '   ', //                   7: spaces only
      ',,', //                    8: an Excel row with only formatting
      '6Б,Серікова Айгерім,', //  9
      '7В,"Multi', //             10
      'line",x', //               11
      '8Г,Last,', //              12
    ];
    const table = await parseCsv(utf8(lines.join(eol) + eol));
    expect(table.header).toEqual(['class', 'full_name', 'notes']);
    expect(table.records.map((r) => [r.line, r.raw[0]])).toEqual([
      [3, '5А'],
      [9, '6Б'],
      [10, '7В'],
      [12, '8Г'],
    ]);
    expect(values(table)[0]!.notes).toBe(`one${eol}two${eol}three`);
  });

  it('reads a last line without a trailing newline, and mixed line endings', async () => {
    const table = await parseCsv(utf8('class,full_name\r\n5А,A\n6Б,B\r\n7В,C'));
    expect(table.records.map((r) => [r.line, ...r.raw])).toEqual([
      [2, '5А', 'A'],
      [3, '6Б', 'B'],
      [4, '7В', 'C'],
    ]);
  });

  it('keeps quotes typed inside an unquoted field', async () => {
    expect(values(await parseCsv(utf8('class,full_name\n5А,Ахметов "Али"\n')))[0]!.full_name).toBe('Ахметов "Али"');
  });

  it('gives an empty table for an empty file', async () => {
    expect(await parseCsv(new Uint8Array())).toMatchObject({ header: [], records: [] });
    expect(await parseCsv(utf8(BOM + '\r\n\r\n'))).toMatchObject({ header: [], records: [] });
  });

  it('refuses an unbalanced quote, naming the file and the line where the broken record starts', async () => {
    const csv = 'class,full_name\r\n5А,"A\r\nB"\r\n6Б,ok\r\n\r\n7В,"broken\r\n8Г,next\r\n';
    const error = await refusal(parseCsv(utf8(csv), 'pupils.csv'));
    expect(error.code).toBe('csv_quote_not_closed');
    expect(error.params).toEqual({ file: 'pupils.csv', line: 6 });
    expect(error.text('kk')).toBe('«pupils.csv» файлының 6-жолында басталған жазбадағы тырнақша жабылмаған; ештеңе импортталмады');
    expect(error.text('ru')).toBe('в файле «pupils.csv» не закрыта кавычка в записи, начинающейся в строке 6; ничего не импортировано');
  });

  it('refuses text after a closing quote, naming the record', async () => {
    const error = await refusal(parseCsv(utf8('a,b\n1,2\n3,"4"x\n')));
    expect(error.code).toBe('csv_text_after_quote');
    expect(error.params).toMatchObject({ line: 3 });
  });

  it('numbers the lines of a file far larger than one read, as it streams', async () => {
    const csvPath = path.join(dir, 'big.csv');
    const rows = Array.from({ length: 20_000 }, (_, i) => (i % 1000 === 7 ? `5А;"Ахметов ${i}\r\nекінші жол";${i}` : `5А;Әлиев ${i};${i}`));
    fs.writeFileSync(csvPath, `class;full_name;n\r\n${rows.join('\r\n')}\r\n`);
    let line = 2;
    const expected = rows.map((_, i) => {
      const at = line;
      line += i % 1000 === 7 ? 2 : 1;
      return `${at}:${i}`;
    });
    expect((await readCsvFile(csvPath)).records.map((r) => `${r.line}:${r.raw[2]}`)).toEqual(expected);
  });
});

describe('the file itself', () => {
  it('refuses a missing file, a folder and an unreadable file, naming the path in Kazakh and Russian', async () => {
    const missing = await refusal(readCsvFile(path.join(dir, 'pupils.csv')));
    expect(missing.code).toBe('file_missing');
    expect(missing.text('ru')).toBe(`файл «${path.join(dir, 'pupils.csv')}» не найден`);

    const folder = await refusal(readCsvFile(dir));
    expect(folder.code).toBe('csv_is_folder');
    expect(folder.text('kk')).toBe(`«${dir}» — файл емес, қалта; CSV файлын көрсетіңіз`);
    expect(folder.text('ru')).toBe(`«${dir}» — это папка, а не файл; укажите CSV-файл`);

    // Root reads any file whatever its mode, so the system's refusal is simulated (on the module object itself:
    // the `import * as` namespace cannot be spied on).
    const locked = path.join(dir, 'locked.csv');
    fs.writeFileSync(locked, 'class\n5А\n');
    jest.spyOn(jest.requireActual<typeof fs>('fs'), 'createReadStream').mockImplementation(
      () =>
        new Readable({
          read() {
            this.destroy(Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES' }));
          },
        }) as fs.ReadStream,
    );
    const unreadable = await refusal(readCsvFile(locked));
    expect(unreadable.code).toBe('file_unreadable');
    expect(unreadable.text('kk')).toContain(`«${locked}» файлын оқуға рұқсат жоқ`);
    expect(unreadable.text('ru')).toContain(`нет права на чтение файла «${locked}»`);
  });
});

describe('rejects file', () => {
  it('is named beside the CSV', () => {
    expect(rejectsPath('/data/pupils.csv')).toBe('/data/pupils.rejects.csv');
    expect(rejectsPath('pupils.txt')).toBe('pupils.rejects.txt');
    expect(rejectsPath('pupils')).toBe('pupils.rejects.csv');
  });

  it('round-trips through the reader with the values untouched, their lines and reasons, and starts with a BOM', async () => {
    const csvPath = path.join(dir, 'pupils.csv');
    const source =
      'class;full_name;iin;address\r\n' +
      '5А;Әбілқасымова Ғалия;050101600123;ok\r\n' +
      '5А;"Ахметов ""Али""";12345;"Алматы;\r\nул. Абая"\r\n' +
      '6Б;Серікова;=1+1;  \r\n' +
      '7В;Short\r\n' +
      '8Г;Long;1;2;extra\r\n';
    fs.writeFileSync(csvPath, source, 'utf8');
    const table = await readCsvFile(csvPath);
    const rejected = table.records.slice(1).map((r, i) => ({ line: r.line, raw: r.raw, reason: `причина ${i}: "bad"; see, notes` }));

    const written = writeRejects(csvPath, table, rejected);
    expect(written).toBe(path.join(dir, 'pupils.rejects.csv'));
    const bytes = fs.readFileSync(written);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const back = await readCsvFile(written);
    expect(back.delimiter).toBe(';');
    expect(back.header).toEqual(['class', 'full_name', 'iin', 'address', '', 'line', 'reason']);
    expect(values(back).map((v) => [v.line, v.reason])).toEqual([
      ['3', 'причина 0: "bad"; see, notes'],
      ['5', 'причина 1: "bad"; see, notes'],
      ['6', 'причина 2: "bad"; see, notes'],
      ['7', 'причина 3: "bad"; see, notes'],
    ]);
    expect(values(back)[0]).toMatchObject({ full_name: 'Ахметов "Али"', iin: '12345', address: 'Алматы;\r\nул. Абая' });
    expect(values(back)[1]).toMatchObject({ iin: '=1+1', address: '' });
    expect(values(back)[2]).toMatchObject({ class: '7В', full_name: 'Short', iin: '', address: '' });
    expect(back.records[3]!.raw.slice(0, 5)).toEqual(['8Г', 'Long', '1', '2', 'extra']);
  });

  it('shows Excel every field that would run as a formula as text, with a leading quote, and reads it back as it was', async () => {
    const csvPath = path.join(dir, 'pupils.csv');
    const risky = ['=HYPERLINK("http://x","y")', '+7 701 123 4567', '-2+3', '@SUM(A1)', '\tcmd', '\rnote', "'plain", 'ok'];
    writeCsvFile(csvPath, [risky.map((_, i) => `c${i}`), risky], ';');
    const text = fs.readFileSync(csvPath, 'utf8');
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")";'+7 701 123 4567;'-2+3;'@SUM(A1);'\tcmd;"'\rnote";'plain;ok`);
    // Not one field of the data row begins with a character Excel would take for a formula.
    expect(text.split('\r\n')[1]!.split(';').filter((f) => /^"?[=+\-@\t\r]/.test(f))).toEqual([]);
    expect((await readCsvFile(csvPath)).records[0]!.raw).toEqual(risky);
  });

  it('replaces, not repeats, the line and reason columns when a rejects file is itself re-imported', async () => {
    const first = path.join(dir, 'pupils.csv');
    fs.writeFileSync(first, 'class,full_name\n5А,A\n');
    const table = await readCsvFile(first);
    const rejects = writeRejects(first, table, [{ line: 2, raw: table.records[0]!.raw, reason: 'one' }]);

    const again = await readCsvFile(rejects);
    const second = writeRejects(rejects, again, [{ line: again.records[0]!.line, raw: again.records[0]!.raw, reason: 'two' }]);
    const back = await readCsvFile(second);
    expect(back.header).toEqual(['class', 'full_name', 'line', 'reason']);
    expect(values(back)[0]).toEqual({ class: '5А', full_name: 'A', line: '2', reason: 'two' });
  });
});
