// A small school whose every figure is known: the fixed data of the report model tests and of the corpus.
// Names hold Kazakh letters, a formula, markup and braces; a police register carries a note that must never print.
import { withComparison, buildPassport, type Passport, type PassportFigures } from '../../src/domain/passport/passport';
import { readRegistry, type Registry } from '../../src/domain/registry/registry';
import type { Cell } from '../../src/domain/sheet';
import { defaultPlanRows } from '../../src/domain/registers/plan';
import { tabSpec, type Lang } from '../../src/domain/template';
import { book, pupil, tab, type PupilInput } from '../support/workbook';

export const TODAY = '2026-05-25';
export const POLICE_NOTE = 'велосипед ұрлығы 12.03.2026';
export const FORMULA_NAME = '=HYPERLINK("http://example.com","Иванов")';
export const SCRIPT_NAME = '<script>alert("x")</script> Әлиұлы';
export const BRACES_NAME = 'Тестов {{school.name}} Ұлы';

const yes = true;

function classes(): Record<string, PupilInput[]> {
  return {
    '5А': [
      pupil(5, { full_name: 'Әбенов Әлихан Серікұлы', orphan: yes, guardian: 'Әбенова Гүлмира Қайратқызы', free_meals: yes, vseobuch_aid: yes, address: 'Абай даңғылы, 5-үй' }),
      pupil(5, { full_name: 'Ахметова Айгерім Нұрланқызы', large_family: yes, asp: yes, family_id: 'F1', children_in_family: 5, free_meals: yes }, 'F'),
      pupil(5, { full_name: FORMULA_NAME, half_orphan: yes, incomplete_family: yes }),
      pupil(5, { full_name: 'Бекова Ұлжан Ерланқызы', disability: yes, sen: yes, home_schooled: yes }, 'F'),
      pupil(5, { full_name: 'Аязбаев Дәурен' }),
    ],
    '5Ә': [
      pupil(5, { full_name: 'Ахметов Нұрсұлтан Нұрланұлы', large_family: yes, asp: yes, family_id: 'F1', children_in_family: 5 }),
      pupil(5, { full_name: SCRIPT_NAME, no_parental_care: yes, kandas: yes, guardian: 'Қамқоршы <b>Ана</b>' }),
      pupil(5, { full_name: 'Ғалымов Ерлан Асқарұлы', low_income: yes, incomplete_family: yes, free_meals: yes }),
      pupil(5, { full_name: 'Жұмабаев Тимур Болатұлы', step_parent: yes, res64_council: yes }),
      pupil(5, { full_name: BRACES_NAME, emergency: yes }),
    ],
    '9Б': [
      pupil(9, { full_name: 'Сидоров Олег Петрович', police_register: yes, school_register: yes, risk_group: yes, notes: POLICE_NOTE }),
      pupil(9, { full_name: 'Өтегенова Інжу Маратқызы', dysfunctional_family: yes, risk_group: yes, disabled_parent: yes }, 'F'),
      pupil(9, { full_name: 'Иванов Иван Иванович' }),
    ],
    '11А': [],
  };
}

export const NOTES: Record<string, Cell> = {
  passport_comment: 'Жаңа мектеп ашылды.',
  rights_events: 'Бірінші шара.\nЕкінші шара.',
  road_applications: 57,
  meal_cost: '603 тг',
  swot_strengths: 'Күшті 1\nКүшті 2',
  swot_threats: 'Қауіп',
  recommendations: '1. Бірінші.\n2. Екінші.',
  my_own_key: 'Өз жазбам',
};

function notesTab(lang: Lang, notes: Record<string, Cell>): ReturnType<typeof tab> {
  const spec = tabSpec('notes');
  const rows: Cell[][] = [spec.columns.map((c) => c.header[lang])];
  for (const [key, value] of Object.entries(notes)) rows.push([key, '', '', value]);
  return tab(spec.title[lang], rows, 'notes');
}

export const LAST_YEAR: PassportFigures = {
  schoolYear: '2024-2025',
  students: 12,
  families: 11,
  categories: {
    orphan: { students: 2, families: 2 },
    half_orphan: { students: 1, families: 1 },
    large_family: { students: 3, families: 2 },
    asp: { students: 1, families: 1 },
    low_income: { students: 4, families: 3 },
    police_register: { students: 0, families: 0 },
    risk_group: { students: 3, families: 3 },
    free_meals: { students: 5, families: 5 },
  },
  classes: {},
};

export interface Fixture {
  registry: Registry;
  passport: Passport;
}

/** The aid register of the fixture school, by class and place in it: every figure of it is known. */
function aidRows(cls: Record<string, PupilInput[]>): Record<string, Cell>[] {
  const iin = (c: string, i: number) => cls[c]![i]!.iin;
  const fund = 'ЖББҚ';
  const sponsor = '«Береке» ЖШС';
  const tenant = 'Асхана арендаторы';
  return [
    { date: '2025-09-02', iin: iin('5А', 0), kind: 'school_road', amount: 25000, items: 'мектеп формасы', source: sponsor, basis: 'өтініш' },
    { date: '2025-09-03', iin: iin('5А', 1), kind: 'school_road', amount: 12000, items: 'кеңсе тауарлары', source: sponsor, basis: 'өтініш' },
    { date: '2025-09-10', iin: iin('5Ә', 0), kind: 'sponsor', amount: 30000, source: sponsor },
    { date: '2025-09-02', iin: iin('5А', 1), kind: 'meals_fund', items: 'тегін ыстық тамақ', source: fund },
    { date: '2025-09-02', iin: iin('5Ә', 2), kind: 'meals_tenant', items: 'тегін ыстық тамақ', source: tenant },
    { date: '2025-10-15', iin: iin('5А', 0), kind: 'fund_cash', amount: 46228, source: fund, basis: 'Қамқоршылық кеңесінің хаттамасы №2' },
    { date: '2026-02-10', iin: iin('5А', 1), kind: 'fund_cash', amount: 46228, source: fund, basis: 'Қамқоршылық кеңесінің хаттамасы №5' },
    { date: '2025-12-25', iin: iin('5Ә', 2), kind: 'gift', items: 'жаңа жылдық сыйлық', source: tenant },
    { date: '2026-06-15', iin: iin('9Б', 1), kind: 'camp', amount: 35000, items: 'жолдама', source: fund },
  ];
}

function registerTab(key: 'aid' | 'plan', lang: Lang, rows: Cell[][]): ReturnType<typeof tab> {
  const spec = tabSpec(key);
  return tab(spec.title[lang], [spec.columns.map((c) => c.header[lang]), ...rows], key);
}

/** The default plan with four activities marked done (directions I, II, VI and V). */
function planRows(lang: Lang): Cell[][] {
  const rows = defaultPlanRows(lang);
  const doneAt = tabSpec('plan').columns.findIndex((c) => c.key === 'done_on');
  const done: Record<number, string> = { 0: '2025-09-05', 1: '2025-09-15', 11: '2025-11-20', 13: '2026-05-20' };
  return rows.map((r, i) => (done[i] ? r.map((v, j) => (j === doneAt ? done[i]! : v)) : r));
}

export function fixture(lang: Lang, options: { notes?: Record<string, Cell> | null; compare?: boolean; registers?: boolean } = {}): Fixture {
  const cls = classes();
  const data = book(lang, cls, {
    school_name: lang === 'kk' ? '№ 7 мектеп-гимназия' : 'Школа-гимназия № 7',
    social_pedagogue: 'Сейітова Әсел Бекқызы',
    director: 'Нұрланов Ғалым Ержанұлы',
  });
  const notes = options.notes === undefined ? NOTES : options.notes;
  if (notes) data.tabs.push(notesTab(lang, notes));
  if (options.registers !== false) {
    const spec = tabSpec('aid');
    data.tabs.push(registerTab('aid', lang, aidRows(cls).map((r) => spec.columns.map((c) => r[c.key] ?? null))), registerTab('plan', lang, planRows(lang)));
  }
  const registry = readRegistry(data);
  const now = buildPassport('2025-2026', registry.pupils, registry.catalogue, registry.classes.map((c) => c.name));
  return { registry, passport: options.compare === false ? now : withComparison(now, LAST_YEAR) };
}
