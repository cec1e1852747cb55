// Reading the pupils CSV as Excel really saves it (UTF-8, ANSI or UTF-16; `,` `;` or tab; multi-line cells), streamed so
// that a large file is never held whole, and writing back the rows the import refused, so they can be fixed and imported again.
import * as fs from 'fs';
import * as nodePath from 'path';
import { pipeline } from 'stream/promises';
import iconv from 'iconv-lite';
import { CsvError, parse as parseStream } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { RegistryError } from '../domain/i18n';

export interface CsvRecord {
  /** 1-based physical line where the record starts in the file. */
  line: number;
  /**
   * The fields as written, including those beyond the header: only the blanks around a field are dropped, and the
   * formula guard `'` that `writeCsvFile` adds. `recordValues` gives them by header name.
   */
  raw: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  encoding: 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
  delimiter: ',' | ';' | '\t';
}

type Encoding = CsvTable['encoding'];
type Delimiter = CsvTable['delimiter'];
type Chunks = AsyncIterable<Uint8Array>;

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

const COMMON_OPTIONS = {
  relax_column_count: true,
  skip_empty_lines: true,
  // Tolerates `Иванов, "5А"` typed by hand; the value inside quotes keeps its own spaces.
  trim: true,
  // `Ахметов "Али"` typed without surrounding quotes is read as written instead of refused.
  relax_quotes: true,
  // The BOM is gone already: the decoder removed it.
  bom: false,
  // Files glued together from different machines mix line endings; csv-parse otherwise locks onto the first it
  // meets and reads the other kind as part of a value.
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** The header is looked for in this much of the file's start. */
const HEAD_BYTES = 64 * 1024;

/**
 * Reads the CSV at `path`, twice: once to settle its encoding and delimiter, once to parse it. Nothing is
 * kept but the records' fields, so memory follows the data, not the file's text.
 * Throws RegistryError, worded for the user with the path, when the file is missing, a folder, unreadable,
 * of mixed encodings or badly quoted.
 */
export async function readCsvFile(path: string): Promise<CsvTable> {
  try {
    return await parseChunks(() => fs.createReadStream(path), path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RegistryError('file_missing', { file: path });
    if (code === 'EISDIR') throw new RegistryError('csv_is_folder', { file: path });
    if (code === 'EACCES' || code === 'EPERM') throw new RegistryError('file_unreadable', { file: path });
    throw e;
  }
}

/** The same reading for bytes in memory, whole or in the chunks a stream would give; `file` names them in errors. */
export function parseCsv(bytes: Uint8Array | readonly Uint8Array[], file = 'CSV'): Promise<CsvTable> {
  const chunks = bytes instanceof Uint8Array ? [bytes] : bytes;
  return parseChunks(async function* () {
    yield* chunks;
  }, file);
}

async function parseChunks(open: () => Chunks, file: string): Promise<CsvTable> {
  const { encoding, delimiter } = await sniff(open(), file);
  return parseRecords(open(), encoding, delimiter, file);
}

/** Header name → trimmed field; '' when the row is short. Columns with an empty header name are left out. */
export function recordValues(header: readonly string[], record: CsvRecord): Record<string, string> {
  // No prototype: a column called `__proto__` or `constructor` must be just a column.
  const values: Record<string, string> = Object.create(null);
  header.forEach((name, i) => {
    // A trailing delimiter in the header makes nameless columns; a repeated name keeps its first column.
    if (name === '' || name in values) return;
    values[name] = (record.raw[i] ?? '').trim();
  });
  return values;
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding. A file is read in one encoding or not at all: a guess that is right for most lines and wrong for one
// puts mojibake into the registry (a class tab «5РЂ»), which is worse than a refusal naming the line to fix.

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1251': 'Windows-1251',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

interface Scanner {
  feed(bytes: Uint8Array): void;
  /** The encoding, or the first line that does not fit the one the file is in. */
  finish(): { encoding: Encoding } | { badLine: number; encoding: Encoding };
}

async function sniff(chunks: Chunks, file: string): Promise<{ encoding: Encoding; delimiter: Delimiter }> {
  const head: Buffer[] = [];
  let headLength = 0;
  let scanner: Scanner | null = null;
  for await (const chunk of chunks) {
    const bytes = asBuffer(chunk);
    if (headLength < HEAD_BYTES) {
      head.push(bytes);
      headLength += bytes.length;
    }
    if (scanner) scanner.feed(bytes);
    // A BOM is up to 3 bytes: the scanner is chosen once that many have arrived, and reads them then.
    else if (headLength >= 3) scanner = startScanner(head);
  }
  const verdict = (scanner ?? startScanner(head)).finish();
  if ('badLine' in verdict) {
    throw new RegistryError('csv_mixed_encoding', { file, line: verdict.badLine, encoding: ENCODING_NAMES[verdict.encoding] });
  }
  const text = iconv.getDecoder(verdict.encoding).write(Buffer.concat(head));
  return { encoding: verdict.encoding, delimiter: detectDelimiter(Buffer.from(text, 'utf8')) };
}

function startScanner(head: readonly Buffer[]): Scanner {
  const scanner = scannerFor(Buffer.concat(head));
  for (const bytes of head) scanner.feed(bytes);
  return scanner;
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function scannerFor(start: Buffer): Scanner {
  // Excel's "Unicode text" export is UTF-16LE with a BOM; other tools write big-endian.
  if (start[0] === 0xff && start[1] === 0xfe) return new Utf16Scanner(true);
  if (start[0] === 0xfe && start[1] === 0xff) return new Utf16Scanner(false);
  return new ByteScanner(start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf);
}

/**
 * UTF-8 or Windows-1251, judged line by line. Plain "CSV" from Excel on a Russian or Kazakh Windows is
 * cp1251, and Cyrillic in cp1251 is practically never valid UTF-8; but a cp1251 line can hold a byte pair that
 * happens to be (Пё = CF B8), so a line counts as cp1251 when more of its bytes are invalid UTF-8 than form
 * valid sequences. The file is UTF-8 when every line is valid UTF-8, cp1251 when no line reads as UTF-8, and
 * refused otherwise, at the first line that disagrees with most of the others. A BOM declares UTF-8, so then
 * every line must be. A zero byte (UTF-16 without its BOM, or a binary file) is refused in either.
 */
class ByteScanner implements Scanner {
  private line = 1;
  private afterCR = false;
  /** Continuation bytes still expected, and the range the next one must fall in (Unicode, Table 3-7). */
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  // The current line: valid multi-byte sequences, invalid bytes, a zero byte.
  private valid = 0;
  private invalid = 0;
  private zero = false;
  // The whole file so far.
  private utf8Lines = 0;
  private cp1251Lines = 0;
  private firstInvalid = 0;
  private firstUtf8 = 0;
  private firstZero = 0;
  private skip: number;

  constructor(private readonly bom: boolean) {
    this.skip = bom ? 3 : 0;
  }

  feed(bytes: Uint8Array): void {
    let i = 0;
    if (this.skip > 0) {
      i = Math.min(this.skip, bytes.length);
      this.skip -= i;
    }
    for (const n = bytes.length; i < n; i++) {
      const b = bytes[i]!;
      if (this.need > 0) {
        if (b >= this.lo && b <= this.hi) {
          this.lo = 0x80;
          this.hi = 0xbf;
          if (--this.need === 0) this.valid++;
          continue;
        }
        // A sequence cut short: the lead byte was invalid, and this byte starts afresh.
        this.invalid++;
        this.need = 0;
        this.lo = 0x80;
        this.hi = 0xbf;
      }
      if (b < 0x80) {
        if (b === 0x0d) {
          this.endLine();
          this.afterCR = true;
          continue;
        }
        if (b === 0x0a) {
          if (!this.afterCR) this.endLine();
        } else if (b === 0) this.zero = true;
        this.afterCR = false;
        continue;
      }
      this.afterCR = false;
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        this.need = 2;
        if (b === 0xe0) this.lo = 0xa0;
        else if (b === 0xed) this.hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.need = 3;
        if (b === 0xf0) this.lo = 0x90;
        else if (b === 0xf4) this.hi = 0x8f;
      } else this.invalid++;
    }
  }

  private endLine(): void {
    if (this.need > 0) {
      this.invalid++;
      this.need = 0;
      this.lo = 0x80;
      this.hi = 0xbf;
    }
    if (this.zero && !this.firstZero) this.firstZero = this.line;
    if (this.invalid > 0 && !this.firstInvalid) this.firstInvalid = this.line;
    if (this.valid > this.invalid) {
      this.utf8Lines++;
      if (!this.firstUtf8) this.firstUtf8 = this.line;
    } else if (this.invalid > 0) this.cp1251Lines++;
    this.valid = this.invalid = 0;
    this.zero = false;
    this.line++;
  }

  finish(): ReturnType<Scanner['finish']> {
    this.endLine();
    if (this.firstZero) return { badLine: this.firstZero, encoding: 'utf-8' };
    if (!this.firstInvalid) return { encoding: 'utf-8' };
    if (this.bom) return { badLine: this.firstInvalid, encoding: 'utf-8' };
    if (this.utf8Lines === 0) return { encoding: 'windows-1251' };
    return this.utf8Lines >= this.cp1251Lines
      ? { badLine: this.firstInvalid, encoding: 'utf-8' }
      : { badLine: this.firstUtf8, encoding: 'windows-1251' };
  }
}

/**
 * UTF-16 after its BOM: whole code units, surrogates in pairs, no zero. Bytes of an 8-bit text read as UTF-16
 * pair up into CJK ideographs, Hangul syllables or private-use characters, which a Kazakh school's pupil list
 * does not hold: such a line is text of another encoding glued on.
 */
class Utf16Scanner implements Scanner {
  private line = 1;
  private afterCR = false;
  private skip = 2;
  private odd: number | null = null;
  private highSurrogate = false;
  private firstBad = 0;

  constructor(private readonly littleEndian: boolean) {}

  feed(bytes: Uint8Array): void {
    let i = 0;
    if (this.skip > 0) {
      i = Math.min(this.skip, bytes.length);
      this.skip -= i;
    }
    if (this.odd !== null && i < bytes.length) {
      this.unit(this.pair(this.odd, bytes[i]!));
      this.odd = null;
      i++;
    }
    const n = bytes.length;
    for (; i + 1 < n; i += 2) this.unit(this.pair(bytes[i]!, bytes[i + 1]!));
    if (i < n) this.odd = bytes[i]!;
  }

  private pair(first: number, second: number): number {
    return this.littleEndian ? first | (second << 8) : (first << 8) | second;
  }

  private unit(u: number): void {
    if (this.highSurrogate && (u < 0xdc00 || u > 0xdfff)) this.bad();
    if (u === 0x0d) {
      this.line++;
      this.afterCR = true;
      this.highSurrogate = false;
      return;
    }
    if (u === 0x0a && !this.afterCR) this.line++;
    this.afterCR = false;
    if (u >= 0xd800 && u <= 0xdbff) {
      this.highSurrogate = true;
      return;
    }
    if (u >= 0xdc00 && u <= 0xdfff) {
      if (!this.highSurrogate) this.bad();
    } else if (u === 0 || (u >= 0x2e80 && u <= 0xa4cf) || (u >= 0xac00 && u <= 0xd7ff) || (u >= 0xe000 && u <= 0xfaff)) {
      this.bad();
    }
    this.highSurrogate = false;
  }

  private bad(): void {
    if (!this.firstBad) this.firstBad = this.line;
  }

  finish(): ReturnType<Scanner['finish']> {
    if (this.odd !== null || this.highSurrogate) this.bad();
    const encoding = this.littleEndian ? 'utf-16le' : 'utf-16be';
    return this.firstBad ? { badLine: this.firstBad, encoding } : { encoding };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing.

async function parseRecords(chunks: Chunks, encoding: Encoding, delimiter: Delimiter, file: string): Promise<CsvTable> {
  const lines = new LineTracker();
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  /** Where the last record csv-parse gave ends, in the UTF-8 bytes it reads. */
  let lastEnd = 0;
  const parser = parseStream({
    ...COMMON_OPTIONS,
    delimiter,
    // Called as each record is parsed, in step with the bytes `lines` has seen. Records are kept here, compact;
    // nothing goes down the stream, whose last step only drains it so that the pipeline ends.
    on_record: (fields: string[], context) => {
      const line = lines.startOf(lastEnd);
      lastEnd = context.bytes;
      // Excel saves rows that only ever had formatting as `;;;;`; they carry nothing.
      if (!fields.some((f) => f.trim() !== '')) return null;
      for (let i = 0; i < fields.length; i++) fields[i] = unguard(fields[i]!);
      if (header === null) header = fields.map((f) => f.trim());
      else records.push({ line, raw: fields });
      return null;
    },
  });
  async function* toUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
    // csv-parse reads UTF-8; iconv-lite's decoder keeps a character split between chunks and drops the BOM.
    const decoder = iconv.getDecoder(encoding);
    for await (const chunk of source) {
      const text = decoder.write(asBuffer(chunk));
      if (text) yield lines.seen(Buffer.from(text, 'utf8'));
    }
    const rest = decoder.end();
    if (rest) yield lines.seen(Buffer.from(rest, 'utf8'));
  }
  try {
    await pipeline(chunks, toUtf8, parser, async (source: AsyncIterable<unknown>) => {
      for await (const _ of source);
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // csv-parse's own "at line N" counts a CRLF inside a quoted cell as two lines: the line given is ours, where
    // the faulty record starts.
    const line = lines.startOf(lastEnd);
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') throw new RegistryError('csv_quote_not_closed', { file, line });
    if (err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
      throw new RegistryError('csv_text_after_quote', { file, line });
    }
    throw new RegistryError('csv_malformed', { file, line, reason: err.message.replace(/ at line \d+/g, '') });
  }
  return { header: header ?? [], records, encoding, delimiter };
}

/**
 * Lines of the UTF-8 text as csv-parse reads it. csv-parse tells where each record ends (a byte offset); the
 * record starts on the first line after the previous one's end that shows anything, since the blank lines it
 * skips belong to no record. Only the lines not yet passed by the parser are remembered.
 */
class LineTracker {
  private line = 1;
  private afterCR = false;
  private shown = false;
  private offset = 0;
  /** Offset of the first visible byte of each line that has one, and that line's number. */
  private starts: number[] = [];
  private numbers: number[] = [];
  private next = 0;

  seen(bytes: Buffer): Buffer {
    for (let i = 0, n = bytes.length; i < n; i++) {
      const b = bytes[i]!;
      if (b === 0x0d || (b === 0x0a && !this.afterCR)) {
        this.line++;
        this.shown = false;
      } else if (!this.shown && b !== 0x0a && b !== 0x20 && b !== 0x09 && b !== 0x0b && b !== 0x0c) {
        this.shown = true;
        this.starts.push(this.offset + i);
        this.numbers.push(this.line);
      }
      this.afterCR = b === 0x0d;
    }
    this.offset += bytes.length;
    return bytes;
  }

  /** The line of the first visible character at or after `offset`. */
  startOf(offset: number): number {
    while (this.next < this.starts.length && this.starts[this.next]! < offset) this.next++;
    const line = this.next < this.numbers.length ? this.numbers[this.next]! : this.line;
    if (this.next > 1024 && this.next * 2 > this.starts.length) {
      this.starts.splice(0, this.next);
      this.numbers.splice(0, this.next);
      this.next = 0;
    }
    return line;
  }
}

/** The candidate that splits the header record into the most fields; ties go to the earlier one, `,` first. */
function detectDelimiter(head: Buffer): Delimiter {
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    try {
      // `to: 1` stops after the header, so a broken row further down does not disqualify a candidate.
      const [first] = parseSync(head, { ...COMMON_OPTIONS, delimiter, to: 1 });
      count = first?.length ?? 0;
    } catch {
      // A quoted header field read with the wrong delimiter fails: that candidate is simply not it.
    }
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing.

/**
 * Excel runs a cell that begins with one of these as a formula (`=HYPERLINK(…)`, `+cmd|…`), so a field written for
 * Excel that begins with one gets a leading `'` and shows as text (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function guard(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

/**
 * Undoes `guard` when a file this program wrote (a rejects file, fixed and imported again) is read: a field
 * beginning with `'` and then one of the formula characters loses the `'`. Excel itself never writes such a field
 * (a `'` typed first in a cell only marks it as text and is not saved), so a hand-made CSV loses nothing real.
 */
function unguard(field: string): string {
  return field.charCodeAt(0) === 0x27 && FORMULA_START.test(field.slice(1, 2)) ? field.slice(1) : field;
}

/** Beside the CSV, same extension: `pupils.csv` → `pupils.rejects.csv`. */
export function rejectsPath(csvPath: string): string {
  const ext = nodePath.extname(csvPath);
  return `${csvPath.slice(0, csvPath.length - ext.length)}.rejects${ext || '.csv'}`;
}

/**
 * Writes the refused records, untouched, with their source line and the reason, in the source's delimiter and as
 * UTF-8 with a BOM (without it Excel shows Cyrillic as mojibake). Returns the path written.
 */
export function writeRejects(
  csvPath: string,
  table: Pick<CsvTable, 'header' | 'delimiter'>,
  rejects: readonly { line: number; raw: readonly string[]; reason: string }[],
): string {
  const { header, delimiter } = table;
  // Re-importing a rejects file must not pile up `line,reason,line,reason`: the old pair is replaced.
  const n = header.length;
  const dropped = n >= 2 && header[n - 2] === 'line' && header[n - 1] === 'reason' ? new Set([n - 2, n - 1]) : new Set<number>();
  // Fields beyond the header keep their position under nameless columns, so nothing of the row is lost.
  const width = rejects.reduce((w, r) => Math.max(w, r.raw.length), n);
  const kept = Array.from({ length: width }, (_, i) => i).filter((i) => !dropped.has(i));

  const rows = [
    [...kept.map((i) => header[i] ?? ''), 'line', 'reason'],
    ...rejects.map((r) => [...kept.map((i) => r.raw[i] ?? ''), String(r.line), r.reason]),
  ];
  const out = rejectsPath(csvPath);
  writeCsvFile(out, rows, delimiter);
  return out;
}

/**
 * Writes rows as a CSV that Excel opens with Cyrillic and Kazakh letters intact (UTF-8 with a BOM, CRLF) and
 * with no field run as a formula.
 */
export function writeCsvFile(path: string, rows: readonly (readonly string[])[], delimiter: Delimiter = ','): void {
  const text = rows.map((row) => row.map((f) => quoteField(guard(f), delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  fs.writeFileSync(path, '\ufeff' + text, 'utf8');
}

// The reader trims outside quotes, so a value with its own outer blanks is quoted to keep them.
function quoteField(field: string, delimiter: string): string {
  const needs = field.includes(delimiter) || /["\r\n]/.test(field) || field !== field.trim();
  return needs ? `"${field.replace(/"/g, '""')}"` : field;
}
