// Reading the values people really leave in cells: checkboxes as TRUE/FALSE, "иә"/"да"/"жоқ"/"нет",
// dates as Date, text or spreadsheet serials, sex in three alphabets, formulas typed as text.
import type { Cell } from './sheet';
import { isoDate, isRealDate, type Sex } from './registry/iin';

/** The text a person sees in a cell, trimmed; dates as YYYY-MM-DD, booleans as TRUE/FALSE. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateToIso(cell) ?? '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell);
  // Most cells are already clean: skip the allocation of replace/trim for them.
  const n = cell.length;
  if (n === 0 || (cell.charCodeAt(0) > 32 && cell.charCodeAt(n - 1) > 32 && cell.indexOf('\u00a0') < 0)) return cell;
  return cell.replace(/\u00a0/g, ' ').trim();
}

/** Nothing a person wrote: empty, spaces, or an unticked checkbox. */
export function isBlankCell(cell: Cell): boolean {
  if (cell === null || cell === false || cell === '') return true;
  return typeof cell === 'string' && cellText(cell) === '';
}

const folded = new Map<string, string>();

/**
 * Folds case, spacing and punctuation so that headers and words match however they were typed.
 * Plain toLowerCase is right for Kazakh (no locale-specific casing, unlike Turkish) and much faster.
 * Cell words repeat endlessly (иә, TRUE, headers), so results are memoised.
 */
export function fold(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = text
      .normalize('NFC')
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[\s\u00a0]+/g, ' ')
      .replace(/[«»"'`.,:;()\[\]]/g, '')
      .trim();
    if (folded.size > 20_000) folded.clear();
    folded.set(text, out);
  }
  return out;
}

const TRUE_WORDS = new Set(['true', 'истина', '1', 'иә', 'ия', 'иа', 'ие', 'да', 'yes', 'y', 'д', 'и', '+', '✓', '✔', '☑', 'x', 'х', 'v', 'бар', 'есть']);
const FALSE_WORDS = new Set(['false', 'ложь', '0', 'жоқ', 'жок', 'нет', 'no', 'n', 'н', '-', '—', '–', '☐', '']);

/** A checkbox or yes/no cell: true, false, or null when the text is neither. */
export function parseFlag(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (cell === null || cell === '') return false;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const word = fold(cellText(cell));
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

const MALE = new Set(['m', 'м', 'male', 'муж', 'мужской', 'ер', 'е', 'ұл', 'ул', 'ер бала']);
const FEMALE = new Set(['f', 'ж', 'female', 'жен', 'женский', 'әйел', 'әй', 'қ', 'қыз', 'кыз', 'қыз бала']);

export function parseSex(cell: Cell): Sex | null {
  const word = fold(cellText(cell));
  if (MALE.has(word)) return 'M';
  if (FEMALE.has(word)) return 'F';
  return null;
}

/** Days between the spreadsheet epoch (30.12.1899) and the Unix epoch. */
const SERIAL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;

/**
 * A date as YYYY-MM-DD, or null when the cell holds no readable date. A Date is rounded to the
 * nearest UTC day, because Sheets hands back midnight in the workbook's time zone (Almaty, UTC+5).
 */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) return dateToIso(cell);
  if (typeof cell === 'number') return serialToIso(cell);
  const text = cellText(cell).replace(/\s*(ж\.?|жыл|г\.?|года?)$/i, '');
  if (text === '') return null;
  let m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return checked(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  if (m) return checked(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{2})$/.exec(text);
  if (m) return checked(twoDigitYear(+m[3]), +m[2], +m[1]);
  if (/^\d{5}(\.\d+)?$/.test(text)) return serialToIso(Number(text));
  return null;
}

const isoByDay = new Map<number, string>();

export function dateToIso(date: Date): string | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  const day = Math.round(t / DAY_MS);
  // A school's pupils are born on a few thousand distinct days: each is spelt once.
  let iso = isoByDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoByDay.size > 50_000) isoByDay.clear();
    isoByDay.set(day, iso);
  }
  return iso;
}

function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return dateToIso(new Date((Math.floor(serial) - SERIAL_EPOCH_OFFSET) * DAY_MS));
}

function checked(y: number, m: number, d: number): string | null {
  return isRealDate(y, m, d) ? isoDate(y, m, d) : null;
}

/** Pupils' birth years: a two-digit year is of this century unless that would lie in the future. */
function twoDigitYear(yy: number): number {
  const thisYear = new Date().getUTCFullYear() % 100;
  return yy <= thisYear ? 2000 + yy : 1900 + yy;
}

/** A whole number, or null when the cell is empty or holds anything else. */
export function parseInteger(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const text = cellText(cell);
  return /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * True when text would run as a formula if a spreadsheet parsed it: "=…", or "+", "-", "@" followed
 * by a function call ("+IMPORTXML(", "@SUM("). A phone number "+7 701 123 4567" is not.
 */
export function looksLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  // Fast exit for the common case: a cell that starts with a letter or digit.
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64 && first > 32) return false;
  const t = text.trimStart();
  if (t.length > 1 && t[0] === '=') return true;
  return /^[+\-@]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(t);
}
