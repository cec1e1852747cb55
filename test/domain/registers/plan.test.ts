// The annual plan on hand-made tabs: DESIGN.md's JSON and status rules (done / due / overdue / later; `all` never
// overdue; an item spanning two months; the August before the year), months as people write them, and the default
// plan of seed 002 in both languages.
import { calendarMonths, defaultPlan, defaultPlanRows, parseMonths, PlanReport, planReport } from '../../../src/domain/registers/plan';
import { readRegistry } from '../../../src/domain/registry/registry';
import { schoolYear } from '../../../src/domain/school-year';
import type { Cell } from '../../../src/domain/sheet';
import { tabSpec, type Lang } from '../../../src/domain/template';
import { validateRegistry } from '../../../src/domain/registry/validate';
import { book, pupil, tab } from '../../support/workbook';

function planBook(lang: Lang, rows: Record<string, Cell>[]) {
  const spec = tabSpec('plan');
  const data = book(lang, { '5А': [pupil(5)] });
  data.tabs.push(tab(spec.title[lang], [spec.columns.map((c) => c.header[lang]), ...rows.map((r) => spec.columns.map((c) => r[c.key] ?? null))], 'plan'));
  return readRegistry(data);
}

const rows: Record<string, Cell>[] = [
  { activity: 'Жоспар құру', direction: 'I', months: '09', responsible: 'Әлеуметтік педагог', done_on: '2025-09-05' },
  { activity: 'Картотека', direction: 'I', months: '09-10', responsible: 'Әлеуметтік педагог' },
  { activity: 'Анкета', direction: 'VI', months: '11', responsible: 'Әлеуметтік педагог' },
  { activity: 'Рейд', direction: 'V', months: 'all', responsible: 'Әлеуметтік педагог' },
  { activity: '«Мектепке жол»', direction: 'ІІ', months: '08-09', responsible: 'Әлеуметтік педагог' },
  { activity: 'Лагерь', direction: 'II', months: '06-08', responsible: 'Әлеуметтік педагог' },
  { activity: 'Жаңа жыл', direction: 'II', months: 12, responsible: 'Әлеуметтік педагог', done_on: '✓' },
];

describe('qamqor plan --json, on a hand-made plan', () => {
  it('follows DESIGN.md: a two-month item is due in its second month and overdue after it', () => {
    const r = planReport(planBook('kk', rows), '2025-10-15');
    expect(() => PlanReport.strict().parse(r)).not.toThrow();
    expect(Object.keys(r)).toEqual(['schoolYear', 'today', 'done', 'due', 'overdue', 'items']);
    expect(Object.keys(r.items[0]!)).toEqual(['row', 'activity', 'direction', 'months', 'responsible', 'doneOn', 'status']);
    expect(r.items.map((i) => [i.row, i.status])).toEqual([[2, 'done'], [3, 'due'], [4, 'later'], [5, 'due'], [6, 'overdue'], [7, 'later'], [8, 'done']]);
    expect(r.items[1]).toEqual({ row: 3, activity: 'Картотека', direction: 'I', months: ['09', '10'], responsible: 'Әлеуметтік педагог', doneOn: null, status: 'due' });
    expect(r.items[0]!.doneOn).toBe('2025-09-05');
    expect(r.items[4]!.direction).toBe('II');
    expect(r.items[3]!.months).toEqual(['09', '10', '11', '12', '01', '02', '03', '04', '05']);
    expect([r.schoolYear, r.today, r.done, r.due, r.overdue]).toEqual(['2025-2026', '2025-10-15', 2, 2, 1]);
    const later = planReport(planBook('kk', rows), '2025-11-01');
    expect(later.items[1]!.status).toBe('overdue');
    expect(later.items[2]!.status).toBe('due');
  });

  it('never makes `all` overdue, and counts a filled done_on as done even when it is no date', () => {
    const june = planReport(planBook('ru', rows), '2026-06-10');
    expect(june.items[3]!.status).toBe('later');
    expect(june.items[5]!.status).toBe('due');
    expect(june.items[6]!.status).toBe('done');
    expect(june.items[6]!.doneOn).toBeNull();
    expect(planReport(planBook('ru', rows), '2026-09-01').items[5]!.status).toBe('overdue');
  });

  it('is before and after the school year where the calendar says so', () => {
    const y = schoolYear(2025);
    expect(calendarMonths(parseMonths('08-09')!, y)).toEqual(['2025-08', '2025-09']);
    expect(calendarMonths(parseMonths('06-08')!, y)).toEqual(['2026-06', '2026-07', '2026-08']);
    expect(calendarMonths(parseMonths('12-01')!, y)).toEqual(['2025-12', '2026-01']);
    expect(planReport(planBook('kk', rows), '2025-08-20').items[4]!.status).toBe('due');
  });

  it('reads months as people write them', () => {
    expect(parseMonths('Қыркүйек – қазан')).toEqual({ all: false, months: ['09', '10'] });
    expect(parseMonths('Маусым, шілде, тамыз')).toEqual({ all: false, months: ['06', '07', '08'] });
    expect(parseMonths('сентябрь-октябрь')).toEqual({ all: false, months: ['09', '10'] });
    expect(parseMonths('9')).toEqual({ all: false, months: ['09'] });
    expect(parseMonths(9)).toEqual({ all: false, months: ['09'] });
    expect(parseMonths('Жыл бойы')).toEqual({ all: true });
    expect(parseMonths('В течение года')).toEqual({ all: true });
    expect(parseMonths('ALL')).toEqual({ all: true });
    expect(parseMonths('13')).toBeNull();
    expect(parseMonths('бір кезде')).toBeNull();
  });

  it('validation names months that do not read and a done date outside the plan year', () => {
    const bad = planBook('kk', [...rows, { activity: 'X', direction: 'VII', months: 'кейін', done_on: '2024-05-01' }]);
    const issues = validateRegistry(bad, new Date('2025-10-15T00:00:00Z')).filter((i) => i.tab === tabSpec('plan').title.kk);
    expect(issues.map((i) => [i.code, i.row, i.column]).sort()).toEqual([
      ['date_outside_year', 9, 'done_on'],
      // The tick of row 8 is done all the same, and validation asks for the date.
      ['invalid_date', 8, 'done_on'],
      ['invalid_value', 9, 'direction'],
      ['invalid_value', 9, 'months'],
    ]);
    // The August campaign's done date is within the plan's year.
    const august = planBook('kk', [{ activity: '«Мектепке жол»', direction: 'II', months: '08-09', done_on: '2025-08-28' }]);
    expect(validateRegistry(august).filter((i) => i.tab === tabSpec('plan').title.kk)).toEqual([]);
  });
});

describe('the default plan (seed 002)', () => {
  it('holds every activity of seed 002’s tables in both languages, each with a direction and months that read', () => {
    // 35 activities of the main plan, 6 with the nurse, 10 with the class teachers, 10 with the psychologist.
    expect(defaultPlan).toHaveLength(61);
    for (const a of defaultPlan) {
      expect(a.activity.kk).not.toBe('');
      expect(a.activity.ru).not.toBe('');
      expect(a.activity.ru).not.toMatch(/[әғқңөұүһі]/i);
      expect(parseMonths(a.months)).not.toBeNull();
    }
    expect(new Set(defaultPlan.map((a) => a.direction))).toEqual(new Set(['I', 'II', 'III', 'IV', 'V', 'VI']));
  });

  it('is laid out in the workbook’s language, and reads back without a problem', () => {
    for (const lang of ['kk', 'ru'] as const) {
      const rowsOf = defaultPlanRows(lang);
      const spec = tabSpec('plan');
      const data = book(lang, { '5А': [pupil(5)] });
      data.tabs.push(tab(spec.title[lang], [spec.columns.map((c) => c.header[lang]), ...rowsOf], 'plan'));
      const reg = readRegistry(data);
      const report = planReport(reg, '2025-09-15');
      expect(report.items).toHaveLength(61);
      expect(report.items[0]!.activity).toBe(defaultPlan[0]!.activity[lang]);
      expect(validateRegistry(reg).filter((i) => i.tab === spec.title[lang])).toEqual([]);
    }
  });
});
