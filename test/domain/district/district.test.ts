// The district's pure parts: a passport tab read back exactly as `passportSheetRows` wrote it (either language, a
// school's own category, last year's columns), and the roll-up's rules (the year, names, the comparison).
import { buildPassport, withComparison } from '../../../src/domain/passport/passport';
import { passportSheetRows } from '../../../src/domain/passport/table';
import { compareSchoolNames, districtYear, isProblem, rollUpDistrict } from '../../../src/domain/district/roll-up';
import { readSchoolPassport, type SchoolPassport } from '../../../src/domain/district/school-passport';
import type { Registry } from '../../../src/domain/registry/registry';
import type { TabData } from '../../../src/domain/sheet';
import { defaultCatalogue, type Category, type Lang } from '../../../src/domain/template';

const own: Category = { ...defaultCatalogue[0]!, code: 'sport_talent', kk: 'Спорттағы дарынды', ru: 'Одарённые в спорте', kind: 'category', level: 'pupil' };
const catalogue = [...defaultCatalogue, own];

function pupil(className: string, family: string, categories: string[]) {
  return { className, familyKey: family, categories } as unknown as Registry['pupils'][number];
}

const pupils = [pupil('5А', 'f1', ['orphan', 'sport_talent']), pupil('6Ә', 'f1', ['large_family']), pupil('6Ә', 'f2', ['large_family', 'low_income'])];
const before = buildPassport('2024-2025', [pupil('5А', 'x', ['large_family'])], catalogue);

function tab(title: string, rows: TabData['rows']): TabData {
  return { id: title, key: null, title, rows, formulas: [] };
}

function categoriesTab(): TabData {
  return tab('Санаттар', [
    ['Коды', 'Атауы (қазақша)', 'Атауы (орысша)', 'Деңгейі (pupil / family)'],
    ...catalogue.map((c) => [c.code, c.kk, c.ru, c.level]),
  ]);
}

function school(lang: Lang, name: string, compared = true) {
  const now = buildPassport('2025-2026', pupils, catalogue, ['5А', '6Ә']);
  const passport = compared ? withComparison(now, before) : now;
  return { passport, tabs: { passport: tab('p', passportSheetRows(passport, catalogue, lang, name)), categories: categoriesTab() } };
}

describe('a school passport tab read back', () => {
  it.each(['kk', 'ru'] as const)('%s: this year, last year and a school\'s own category, as written', (lang) => {
    const { passport, tabs } = school(lang, '№ 9 мектеп');
    const read = readSchoolPassport(tabs, 'a.xlsx') as SchoolPassport;
    expect(isProblem(read)).toBe(false);
    expect(read.name).toBe('№ 9 мектеп');
    expect(read.schoolYear).toBe('2025-2026');
    expect([read.students, read.families]).toEqual([3, 2]);
    expect(read.categories).toEqual(passport.categories);
    expect(read.before?.schoolYear).toBe('2024-2025');
    expect(read.before?.categories.large_family).toEqual({ students: 1, families: 1 });
    expect(read.catalogue.map((c) => c.code)).toContain('sport_talent');
  });

  it('names a label its catalogue no longer has, and a workbook without a passport', () => {
    const { tabs } = school('kk', '№ 9 мектеп');
    expect(readSchoolPassport({ passport: tabs.passport }, 'a.xlsx')).toEqual({ source: 'a.xlsx', code: 'unknown_category', detail: 'Спорттағы дарынды' });
    expect(readSchoolPassport({}, 'b.xlsx')).toEqual({ source: 'b.xlsx', code: 'no_passport', detail: '' });
  });
});

describe('the roll-up', () => {
  const read = (lang: Lang, name: string, source: string, compared = true) => readSchoolPassport(school(lang, name, compared).tabs, source) as SchoolPassport;

  it('compares with last year only when every school shows it, and names those that do not', () => {
    const all = rollUpDistrict([read('kk', 'A', 'a'), read('ru', 'B', 'b')]);
    expect(all.compare?.schoolYear).toBe('2024-2025');
    expect(all.compare?.categories.large_family).toEqual({ students: 2, families: 2, studentsChangePct: 100, familiesChangePct: 100 });
    const some = rollUpDistrict([read('kk', 'A', 'a'), read('kk', 'B', 'b', false)]);
    expect(some.compare).toBeNull();
    expect(some.withoutLastYear).toEqual(['B']);
  });

  it('keeps the first school of a name, however it is spaced or cased, and the year most schools have', () => {
    const other = { ...read('kk', 'C', 'c'), schoolYear: '2024-2025' };
    const d = rollUpDistrict([read('kk', '«Мектеп»  № 1', 'a'), read('kk', 'мектеп № 1', 'b'), other]);
    expect(d.schools.map((s) => s.source)).toEqual(['a']);
    expect(d.problems.map((p) => [p.source, p.code])).toEqual([['b', 'duplicate_name'], ['c', 'other_year']]);
    expect(d.total.students).toBe(3);
    expect(districtYear([other, other, read('kk', 'D', 'd')])).toBe('2024-2025');
    expect(districtYear([other, read('kk', 'D', 'd')])).toBe('2025-2026');
  });

  it('orders school names with numbers as numbers', () => {
    expect(['№ 10 мектеп', '№ 2 мектеп', 'Ақбота', 'Әл-Фараби'].sort(compareSchoolNames)).toEqual(['Ақбота', 'Әл-Фараби', '№ 2 мектеп', '№ 10 мектеп']);
  });
});
