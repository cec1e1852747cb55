import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import iconv from 'iconv-lite';
import { CsvFileError, decodeCsv, parseCsv, readCsvFile, rejectsPath, writeRejects } from '../../src/local/csv-file';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const BOM = '\ufeff';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qamqor-csv-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('encodings', () => {
  const kazakh = 'class,full_name,iin\n5Ә,Әбілқасымова Ғалия Құрманқызы,050101600123\n10І,Нұрұлы Өмірзақ Үмбетұлы һ,060202500456\n';

  it('reads UTF-8 without a BOM, Kazakh letters exactly', () => {
    const table = parseCsv(utf8(kazakh));
    expect(table.encoding).toBe('utf-8');
    expect(table.header).toEqual(['class', 'full_name', 'iin']);
    expect(table.records.map((r) => r.values.full_name)).toEqual([
      'Әбілқасымова Ғалия Құрманқызы',
      'Нұрұлы Өмірзақ Үмбетұлы һ',
    ]);
    expect(table.records[1]!.values.class).toBe('10І');
  });

  it('strips the UTF-8 BOM so the first header is a clean name', () => {
    const table = parseCsv(utf8(BOM + kazakh));
    expect(table.encoding).toBe('utf-8');
    expect(table.header[0]).toBe('class');
    expect(table.records[0]!.values).toEqual({ class: '5Ә', full_name: 'Әбілқасымова Ғалия Құрманқызы', iin: '050101600123' });
  });

  it('reads a semicolon-separated Windows-1251 file from Excel with Russian names', () => {
    const text = 'class;full_name;guardian\r\n7Б;Иванова Мария Сергеевна;Иванов Сергей Петрович\r\n8А;Ёлкин Юрий;\r\n';
    const bytes = new Uint8Array(iconv.encode(text, 'win1251'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const table = parseCsv(bytes);
    expect(table.encoding).toBe('windows-1251');
    expect(table.delimiter).toBe(';');
    expect(table.records.map((r) => r.values)).toEqual([
      { class: '7Б', full_name: 'Иванова Мария Сергеевна', guardian: 'Иванов Сергей Петрович' },
      { class: '8А', full_name: 'Ёлкин Юрий', guardian: '' },
    ]);
  });

  it('reads Excel "Unicode text": UTF-16LE with a BOM, tab-separated', () => {
    const text = 'class\tfull_name\r\n5Ә\tҚасымов Ұлан\r\n';
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const table = parseCsv(bytes);
    expect(table.encoding).toBe('utf-16le');
    expect(table.delimiter).toBe('\t');
    expect(table.header).toEqual(['class', 'full_name']);
    expect(table.records[0]!.values).toEqual({ class: '5Ә', full_name: 'Қасымов Ұлан' });
  });

  it('decodeCsv returns text without any BOM', () => {
    expect(decodeCsv(utf8(BOM + 'a')).text).toBe('a');
    expect(decodeCsv(new Uint8Array(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).text).toBe('a');
  });
});

describe('delimiters and columns', () => {
  it('reads a tab-separated file', () => {
    const table = parseCsv(utf8('class\tfull_name\tphone\n5А\tАхметов Али\t+7 701 123 45 67\n'));
    expect(table.delimiter).toBe('\t');
    expect(table.records[0]!.values).toEqual({ class: '5А', full_name: 'Ахметов Али', phone: '+7 701 123 45 67' });
  });

  it('picks the delimiter that splits the header into the most fields, ignoring those inside quotes', () => {
    expect(parseCsv(utf8('"full_name;x",class\nA;B,5А\n')).delimiter).toBe(',');
    expect(parseCsv(utf8('full_name;class;notes\n"Ахметов, Али";5А;a,b,c,d,e\n')).delimiter).toBe(';');
  });

  it('maps columns by header name whatever their order, trimming names and values', () => {
    const table = parseCsv(utf8(' iin , class ,full_name\n 050101600123 ,5А,  Ахметов  Али \n'));
    expect(table.header).toEqual(['iin', 'class', 'full_name']);
    expect(table.records[0]!.values).toEqual({ iin: '050101600123', class: '5А', full_name: 'Ахметов  Али' });
  });

  it("gives '' for the columns a short row lacks and keeps extra fields in raw only", () => {
    const table = parseCsv(utf8('class;full_name;phone\n5А;Ахметов Али\n6Б;Серікова Айгерім;8777;extra\n'));
    expect(table.records[0]!.values).toEqual({ class: '5А', full_name: 'Ахметов Али', phone: '' });
    expect(table.records[0]!.raw).toEqual(['5А', 'Ахметов Али']);
    expect(table.records[1]!.values).toEqual({ class: '6Б', full_name: 'Серікова Айгерім', phone: '8777' });
    expect(table.records[1]!.raw).toEqual(['6Б', 'Серікова Айгерім', '8777', 'extra']);
  });

  it('treats a column called __proto__ as an ordinary column', () => {
    const table = parseCsv(utf8('__proto__,class\nx,5А\n'));
    expect(table.records[0]!.values['__proto__']).toBe('x');
    expect(table.records[0]!.values.class).toBe('5А');
  });
});

describe('quoting and lines', () => {
  it('reads quoted fields holding the delimiter, quotes and newlines', () => {
    const csv = 'class;full_name;address;categories;notes\r\n' + '5А;"Ахметов ""Али""";"г. Алматы,\r\nул. Абая; 10";"orphan;free_meals";"a,b"\r\n';
    const table = parseCsv(utf8(csv));
    expect(table.records[0]!.values).toEqual({
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
  ])('numbers records by the physical line they start on, past multi-line cells and blank lines (%s)', (_name, eol) => {
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
    const table = parseCsv(utf8(lines.join(eol) + eol));
    expect(table.header).toEqual(['class', 'full_name', 'notes']);
    expect(table.records.map((r) => [r.line, r.values.class])).toEqual([
      [3, '5А'],
      [9, '6Б'],
      [10, '7В'],
      [12, '8Г'],
    ]);
    expect(table.records[0]!.values.notes).toBe(`one${eol}two${eol}three`);
  });

  it('reads a last line without a trailing newline, and mixed line endings', () => {
    const table = parseCsv(utf8('class,full_name\r\n5А,A\n6Б,B\r\n7В,C'));
    expect(table.records.map((r) => [r.line, r.values.class, r.values.full_name])).toEqual([
      [2, '5А', 'A'],
      [3, '6Б', 'B'],
      [4, '7В', 'C'],
    ]);
  });

  it('keeps quotes typed inside an unquoted field', () => {
    const table = parseCsv(utf8('class,full_name\n5А,Ахметов "Али"\n'));
    expect(table.records[0]!.values.full_name).toBe('Ахметов "Али"');
  });

  it('gives an empty table for an empty file', () => {
    expect(parseCsv(new Uint8Array())).toMatchObject({ header: [], records: [] });
    expect(parseCsv(utf8(BOM + '\r\n\r\n'))).toMatchObject({ header: [], records: [] });
  });

  it('refuses an unbalanced quote, naming the line where the broken record starts', () => {
    const csv = 'class,full_name\r\n5А,"A\r\nB"\r\n6Б,ok\r\n\r\n7В,"broken\r\n8Г,next\r\n';
    let error: unknown;
    try {
      parseCsv(utf8(csv));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as CsvFileError).line).toBe(6);
    expect((error as Error).message).toMatch(/^line 6: .*quote/i);
  });

  it('refuses text after a closing quote, naming the record', () => {
    expect(() => parseCsv(utf8('a,b\n1,2\n3,"4"x\n'))).toThrow(/^line 3: /);
  });
});

describe('rejects file', () => {
  it('is named beside the CSV', () => {
    expect(rejectsPath('/data/pupils.csv')).toBe('/data/pupils.rejects.csv');
    expect(rejectsPath('pupils.txt')).toBe('pupils.rejects.txt');
    expect(rejectsPath('pupils')).toBe('pupils.rejects.csv');
  });

  it('round-trips through parseCsv with the values untouched, their lines and reasons, and starts with a BOM', () => {
    const csvPath = path.join(dir, 'pupils.csv');
    const source =
      'class;full_name;iin;address\r\n' +
      '5А;Әбілқасымова Ғалия;050101600123;ok\r\n' +
      '5А;"Ахметов ""Али""";12345;"Алматы;\r\nул. Абая"\r\n' +
      '6Б;Серікова;=1+1;  \r\n' +
      '7В;Short\r\n' +
      '8Г;Long;1;2;extra\r\n';
    fs.writeFileSync(csvPath, source, 'utf8');
    const table = readCsvFile(csvPath);
    const rejected = table.records.slice(1).map((r, i) => ({ line: r.line, raw: r.raw, reason: `причина ${i}: "bad"; see, notes` }));

    const written = writeRejects(csvPath, table, rejected);
    expect(written).toBe(path.join(dir, 'pupils.rejects.csv'));
    const bytes = fs.readFileSync(written);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const back = parseCsv(bytes);
    expect(back.delimiter).toBe(';');
    expect(back.header).toEqual(['class', 'full_name', 'iin', 'address', '', 'line', 'reason']);
    expect(back.records.map((r) => [r.values.line, r.values.reason])).toEqual([
      ['3', 'причина 0: "bad"; see, notes'],
      ['5', 'причина 1: "bad"; see, notes'],
      ['6', 'причина 2: "bad"; see, notes'],
      ['7', 'причина 3: "bad"; see, notes'],
    ]);
    expect(back.records[0]!.values).toMatchObject({ full_name: 'Ахметов "Али"', iin: '12345', address: 'Алматы;\r\nул. Абая' });
    expect(back.records[1]!.values).toMatchObject({ iin: '=1+1', address: '' });
    expect(back.records[2]!.values).toMatchObject({ class: '7В', full_name: 'Short', iin: '', address: '' });
    expect(back.records[3]!.raw.slice(0, 5)).toEqual(['8Г', 'Long', '1', '2', 'extra']);
  });

  it('replaces, not repeats, the line and reason columns when a rejects file is itself re-imported', () => {
    const first = path.join(dir, 'pupils.csv');
    fs.writeFileSync(first, 'class,full_name\n5А,A\n');
    const table = readCsvFile(first);
    const rejects = writeRejects(first, table, [{ line: 2, raw: table.records[0]!.raw, reason: 'one' }]);

    const again = readCsvFile(rejects);
    const second = writeRejects(rejects, again, [{ line: again.records[0]!.line, raw: again.records[0]!.raw, reason: 'two' }]);
    const back = readCsvFile(second);
    expect(back.header).toEqual(['class', 'full_name', 'line', 'reason']);
    expect(back.records[0]!.values).toEqual({ class: '5А', full_name: 'A', line: '2', reason: 'two' });
  });
});
