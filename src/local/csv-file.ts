// Reading the pupils CSV as Excel really saves it (UTF-8 or ANSI, `,` `;` or tab, multi-line cells)
// and writing back the rows the import refused, so that they can be fixed and imported again.
import * as fs from 'fs';
import * as nodePath from 'path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based physical line where the record starts in the file. */
  line: number;
  /** Header name → trimmed field; '' when the row is short. Columns with an empty header name are left out. */
  values: Record<string, string>;
  /** The fields as written (only the blanks around a field are dropped), including those beyond the header. */
  raw: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  encoding: 'utf-8' | 'windows-1251' | 'utf-16le';
  delimiter: ',' | ';' | '\t';
}

/** A file the parser cannot make sense of (an unbalanced quote, say); `line` is where the faulty record starts. */
export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`line ${line}: ${reason}`, options);
    this.name = 'CsvFileError';
  }
}

const DELIMITERS: readonly CsvTable['delimiter'][] = [',', ';', '\t'];

const COMMON_OPTIONS = {
  relax_column_count: true,
  skip_empty_lines: true,
  // Tolerates `Иванов, "5А"` typed by hand; the value inside quotes keeps its own spaces.
  trim: true,
  // `Ахметов "Али"` typed without surrounding quotes is read as written instead of refused.
  relax_quotes: true,
  // The BOM is gone already: decodeCsv removed it.
  bom: false,
  // Files glued together from different machines mix line endings; csv-parse otherwise locks onto the first it
  // meets and reads the other kind as part of a value.
  record_delimiter: ['\r\n', '\n', '\r'],
};

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  // Excel's "Unicode text" export: UTF-16LE with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  // Excel's "CSV UTF-8": a BOM declares the encoding, so a stray bad byte becomes U+FFFD rather than a switch to ANSI.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Plain "CSV" from Excel on a Russian or Kazakh Windows is ANSI, i.e. cp1251. Cyrillic text is practically never
    // valid UTF-8 by accident. cp1251 has no ә ғ қ ң ө ұ ү һ (Excel writes `?` for them), so Kazakh names
    // arrive intact only in UTF-8 or UTF-16 files; nothing can be recovered here.
    return { text: iconv.decode(Buffer.from(bytes), 'win1251'), encoding: 'windows-1251' };
  }
}

export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  // csv-parse counts in UTF-8 bytes, so the offsets below are taken in the same buffer it reads.
  const buf = Buffer.from(text, 'utf8');
  const delimiter = detectDelimiter(buf);

  // csv-parse's own `info.lines` counts a CRLF inside a quoted cell as two lines and is the line where a record
  // ends, so record starts are worked out from the byte offset where each record ends (`bytes`), which is exact.
  const parsed: { fields: string[]; end: number }[] = [];
  try {
    parse(buf, {
      ...COMMON_OPTIONS,
      delimiter,
      on_record: (fields: string[], context) => {
        parsed.push({ fields, end: context.bytes });
        return null;
      },
    });
  } catch (err) {
    const lastEnd = parsed.length > 0 ? parsed[parsed.length - 1]!.end : 0;
    const line = startLines(buf, [lastEnd, buf.length])[1]!;
    // csv-parse's "at line N" can disagree with ours (see above); the reason stays, the number is ours.
    const reason = err instanceof Error ? err.message.replace(/ at line \d+/g, '') : String(err);
    throw new CsvFileError(line, reason, { cause: err });
  }

  const lines = startLines(buf, [0, ...parsed.map((p) => p.end)]);
  const rows = parsed
    .map((p, i) => ({ fields: p.fields, line: lines[i + 1]! }))
    // Excel saves rows that only ever had formatting as `;;;;`; they carry nothing.
    .filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) return { header: [], records: [], encoding, delimiter };

  const header = rows[0]!.fields.map((f) => f.trim());
  const records = rows.slice(1).map(({ fields, line }): CsvRecord => {
    // No prototype: a column called `__proto__` or `constructor` must be just a column.
    const values: Record<string, string> = Object.create(null);
    header.forEach((name, i) => {
      // A trailing delimiter in the header makes nameless columns; a repeated name keeps its first column.
      if (name === '' || name in values) return;
      values[name] = (fields[i] ?? '').trim();
    });
    return { line, values, raw: fields };
  });
  return { header, records, encoding, delimiter };
}

export function readCsvFile(path: string): CsvTable {
  return parseCsv(fs.readFileSync(path));
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
  rejects: { line: number; raw: string[]; reason: string }[],
): string {
  const { header, delimiter } = table;
  // Re-importing a rejects file must not pile up `line,reason,line,reason`: the old pair is replaced.
  const n = header.length;
  const dropped = n >= 2 && header[n - 2] === 'line' && header[n - 1] === 'reason' ? new Set([n - 2, n - 1]) : new Set<number>();
  // Fields beyond the header keep their position under nameless columns, so nothing of the row is lost.
  const width = Math.max(n, ...rejects.map((r) => r.raw.length));
  const kept = Array.from({ length: width }, (_, i) => i).filter((i) => !dropped.has(i));

  const rows = [
    [...kept.map((i) => header[i] ?? ''), 'line', 'reason'],
    ...rejects.map((r) => [...kept.map((i) => r.raw[i] ?? ''), String(r.line), r.reason]),
  ];
  const out = rejectsPath(csvPath);
  writeCsvFile(out, rows, delimiter);
  return out;
}

/** Writes rows as a CSV that Excel opens with Cyrillic and Kazakh letters intact (UTF-8 with a BOM, CRLF). */
export function writeCsvFile(path: string, rows: string[][], delimiter: CsvTable['delimiter'] = ','): void {
  const text = rows.map((row) => row.map((f) => quoteField(f, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  fs.writeFileSync(path, '\ufeff' + text, 'utf8');
}

// The reader trims outside quotes, so a value with its own outer blanks is quoted to keep them.
function quoteField(field: string, delimiter: string): string {
  const needs = field.includes(delimiter) || /["\r\n]/.test(field) || field !== field.trim();
  return needs ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The candidate that splits the header record into the most fields; ties go to the earlier one, `,` first. */
function detectDelimiter(buf: Buffer): CsvTable['delimiter'] {
  let best: CsvTable['delimiter'] = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    try {
      // `to: 1` stops after the header, so a broken row further down does not disqualify a candidate.
      const [first] = parse(buf, { ...COMMON_OPTIONS, delimiter, to: 1 });
      count = first?.length ?? 0;
    } catch {
      // A quoted header field read with the wrong delimiter fails: that candidate is simply not it.
    }
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/**
 * For each record region `[ends[i-1], ends[i])` the line of its first visible character: a region also holds the
 * empty lines skipped before its record. Element 0 is the line at `ends[0]`; regions are read in order.
 */
function startLines(buf: Buffer, ends: number[]): number[] {
  const result: number[] = [];
  let line = 1 + countBreaks(buf.subarray(0, ends[0]).toString('utf8'));
  result.push(line);
  for (let i = 1; i < ends.length; i++) {
    const region = buf.subarray(ends[i - 1], ends[i]).toString('utf8');
    const first = region.search(/\S/);
    result.push(line + countBreaks(first < 0 ? region : region.slice(0, first)));
    line += countBreaks(region);
  }
  return result;
}

function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
