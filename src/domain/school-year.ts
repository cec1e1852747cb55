// School years ("2025-2026", 1 September to 31 May) and the pupil's expected age for a grade.

export interface SchoolYear {
  start: number;
  name: string;
}

/** Reads "2025-2026", "2025/2026", "2025–2026" or "2025-26"; null when it is none of these. */
export function parseSchoolYear(text: string): SchoolYear | null {
  const m = /^\s*(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (end !== start + 1) return null;
  return schoolYear(start);
}

export function schoolYear(start: number): SchoolYear {
  return { start, name: `${start}-${start + 1}` };
}

export function nextSchoolYear(year: SchoolYear): SchoolYear {
  return schoolYear(year.start + 1);
}

export function previousSchoolYear(year: SchoolYear): SchoolYear {
  return schoolYear(year.start - 1);
}

/** The school year a date falls in: from 1 September on it is the year starting then. */
export function schoolYearOf(date: Date): SchoolYear {
  const y = date.getUTCFullYear();
  return schoolYear(date.getUTCMonth() >= 8 ? y : y - 1);
}

/**
 * The date a document about `year` bears, YYYY-MM-DD: the school's own setting when it has one, else the year's
 * last day (31 May) or today, whichever is earlier. A report for 2025-2026 made in December 2026 is so dated
 * within 2025-2026, and ages in it are those of that day (DOMAIN.md, "Report date").
 */
export function reportDate(year: SchoolYear | null, setting: string | null, today: string): string {
  if (setting) return setting;
  if (!year) return today;
  const lastDay = `${year.start + 1}-05-31`;
  return today < lastDay ? today : lastDay;
}

/** Full years of age on 1 September of the school year. */
export function ageOnFirstSeptember(birthDate: string, year: SchoolYear): number {
  const y = Number(birthDate.slice(0, 4));
  const m = Number(birthDate.slice(5, 7));
  const d = Number(birthDate.slice(8, 10));
  let age = year.start - y;
  if (m > 9 || (m === 9 && d > 1)) age -= 1;
  return age;
}

/** The usual age range for a grade: grade + 6, one year younger or two older (late start, repeated year). */
export function expectedAgeRange(grade: number): { min: number; max: number } {
  return { min: grade + 5, max: grade + 8 };
}
