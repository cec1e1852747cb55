// The Kazakh individual identification number (ИИН / ЖСН): parsing, check digit, birth date and sex.
// Pure; used by validation, the demo generator and the tests.

export type Sex = 'M' | 'F';

export type IinCheck =
  | { ok: true; birthDate: string; sex: Sex }
  | { ok: false; reason: 'format' | 'date' | 'checksum' };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** Strips the spaces and dashes people type inside an IIN; returns the text otherwise untouched. */
export function normalizeIin(raw: string): string {
  return /^\d{12}$/.test(raw) ? raw : raw.replace(/[\s\u00a0-]/g, '');
}

/** The check digit of the first 11 digits, or null when no digit is possible (both passes give 10). */
export function iinCheckDigit(first11: string): number | null {
  const first = weightedSum(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedSum(first11, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  return sum % 11;
}

const CENTURY: Record<string, { base: number; sex: Sex }> = {
  '1': { base: 1800, sex: 'M' },
  '2': { base: 1800, sex: 'F' },
  '3': { base: 1900, sex: 'M' },
  '4': { base: 1900, sex: 'F' },
  '5': { base: 2000, sex: 'M' },
  '6': { base: 2000, sex: 'F' },
};

/** Birth date (YYYY-MM-DD) and sex encoded in digits 1–7, or null when they are not a real date. */
export function iinBirthData(iin: string): { birthDate: string; sex: Sex } | null {
  const century = CENTURY[iin[6]];
  if (!century) return null;
  const year = century.base + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (!isRealDate(year, month, day)) return null;
  return { birthDate: isoDate(year, month, day), sex: century.sex };
}

/** Checks an IIN as written: format first, then the encoded date, then the check digit. */
export function checkIin(raw: string): IinCheck {
  const iin = normalizeIin(raw);
  if (!/^\d{12}$/.test(iin)) return { ok: false, reason: 'format' };
  const data = iinBirthData(iin);
  if (!data) return { ok: false, reason: 'date' };
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return { ok: false, reason: 'checksum' };
  return { ok: true, ...data };
}

/**
 * Builds a valid IIN for a birth date, sex and serial (0–9999), or null for the rare serials whose
 * check digit does not exist; callers try the next serial.
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const [y, m, d] = birthDate.split('-').map(Number);
  const centuryIndex = Math.floor(y / 100) - 18; // 1800s → 0, 1900s → 1, 2000s → 2
  if (centuryIndex < 0 || centuryIndex > 2) throw new RangeError(`IIN century out of range: ${birthDate}`);
  const digit7 = 1 + centuryIndex * 2 + (sex === 'F' ? 1 : 0);
  const first11 =
    pad2(y % 100) + pad2(m) + pad2(d) + String(digit7) + String(serial).padStart(4, '0');
  const check = iinCheckDigit(first11);
  return check === null ? null : first11 + String(check);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
