// The passport laid out for people: the classes-by-categories table of the passport tab and the
// per-category summary with the share of the school and the change against last year.
import { formatChange, formatShare, pair } from '../format';
import { words } from '../i18n';
import type { Passport } from './passport';
import type { Cell } from '../sheet';
import type { Category, Lang } from '../template';

export interface CategoryLine {
  code: string;
  label: string;
  students: number;
  families: number;
  share: string;
  lastYear: string;
  studentsChange: string;
  familiesChange: string;
}

/** One line per category of the catalogue, in catalogue order. */
export function categoryLines(p: Passport, catalogue: readonly Category[], lang: Lang): CategoryLine[] {
  return catalogue.map((c) => {
    const now = p.categories[c.code] ?? { students: 0, families: 0 };
    const before = p.compare?.categories[c.code];
    return {
      code: c.code,
      label: c[lang],
      students: now.students,
      families: now.families,
      share: formatShare(now.students, p.students),
      lastYear: before ? pair(before.students, before.families) : '',
      studentsChange: before ? formatChange(before.studentsChangePct) : '',
      familiesChange: before ? formatChange(before.familiesChangePct) : '',
    };
  });
}

/** The passport tab: a title, the category summary, then classes by categories (pupils and families). */
export function passportSheetRows(p: Passport, catalogue: readonly Category[], lang: Lang, schoolName: string): Cell[][] {
  const w = (k: keyof typeof words) => words[k][lang];
  const title = `${lang === 'kk' ? 'Әлеуметтік паспорт' : 'Социальный паспорт'}: ${schoolName} — ${p.schoolYear}`;
  const rows: Cell[][] = [[title], [`${w('students')}: ${p.students}`, `${w('families')}: ${p.families}`], []];
  const compareTitle = p.compare ? `${w('lastYear')} (${p.compare.schoolYear})` : '';
  rows.push([w('category'), w('students'), w('families'), w('shareOfSchool'), ...(p.compare ? [compareTitle, `${w('change')}: ${w('students')}`, `${w('change')}: ${w('families')}`] : [])]);
  for (const l of categoryLines(p, catalogue, lang)) {
    rows.push([l.label, l.students, l.families, l.share, ...(p.compare ? [l.lastYear, l.studentsChange, l.familiesChange] : [])]);
  }
  rows.push([]);
  const header: Cell[] = [w('classWord'), w('students'), w('families')];
  for (const c of catalogue) header.push(`${c[lang]}: ${w('students')}`, `${c[lang]}: ${w('families')}`);
  rows.push(header);
  const line = (name: string, x: { students: number; families: number; categories: Passport['categories'] }): Cell[] => [
    name,
    x.students,
    x.families,
    ...catalogue.flatMap((c) => [x.categories[c.code]?.students ?? 0, x.categories[c.code]?.families ?? 0]),
  ];
  for (const [name, cls] of Object.entries(p.classes)) rows.push(line(name, cls));
  rows.push(line(w('total'), p));
  return rows;
}
