// How numbers, dates and percentages are written for people (the same in Kazakh and Russian).
/** DD.MM.YYYY, as dates are written in documents and messages. */
export function dmy(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** (now − before) / before × 100 rounded to one decimal; null where there was nothing before. */
export function changePct(now: number, before: number): number | null {
  if (before === 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}

/** "+66 %", "−40,6 %", "0 %", "—" for none: a decimal comma and a real minus, as in the seeds. */
export function formatChange(pct: number | null): string {
  if (pct === null) return '—';
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '';
  return `${sign}${formatDecimal(Math.abs(pct))} %`;
}

/** 1234567.5 → "1 234 567,5": thin grouping and a decimal comma in both languages. */
export function formatDecimal(n: number, digits = 1): string {
  const fixed = Number.isInteger(n) ? String(n) : n.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '');
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return frac ? `${grouped},${frac}` : grouped;
}

/** Share of a whole as "12,5 %". */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '0 %' : `${formatDecimal(Math.round((part / whole) * 1000) / 10)} %`;
}

/** "135/78": pupils and families, as the seeds write a category's figures. */
export function pair(students: number, families: number): string {
  return `${students}/${families}`;
}
