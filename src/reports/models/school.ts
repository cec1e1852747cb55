// The school-scope model, read by both the school social passport and seed 001's annual analytical report (so a
// template of either may use any of it): figures, dynamics, charts, aid and meals (from the aid register), the
// plan's done activities by direction, registers, notes. No names.
import { changePct, dmy, formatChange, formatShare, pair } from '../../domain/format';
import type { ClassPassport, Counts } from '../../domain/passport/passport';
import type { Category } from '../../domain/template';
import type { ChartSpec } from '../charts/svg';
import type { ImageValue } from '../doc-tree';
import { res64Eligible } from '../../domain/registry/res64';
import { AID, aidSummary, readAid, type AidFigures } from '../../domain/registers/aid';
import { doneByDirection, readPlan } from '../../domain/registers/plan';
import { DIRECTIONS, type Direction } from '../../domain/registers/plan-words';
import { count, groupLabel, schoolBlock, tenge, word, type ReportContext, type SchoolBlock } from './context';
import { noteNumber } from './notes';
import { countPhrases, reportWords } from './words';

/** Turns a chart into a picture for the document; a renderer without pictures returns null (the paragraph goes). */
export type ChartPainter = (chart: ChartSpec) => ImageValue | null;

export const noCharts: ChartPainter = () => null;

/** One category of the catalogue with this year's figures and, when there is a comparison, last year's. */
export type CategoryLine = {
  code: string;
  label: string;
  /** "оқушы" / "отбасы": whether the category belongs to the pupil or to the family. */
  level: string;
  is_family: boolean;
  is_support: boolean;
  students: string;
  families: string;
  /** "135/78": pupils/families, as the seeds write a category. */
  pair: string;
  /** Share of the school's pupils: "12,5 %". */
  share: string;
  has_pupils: boolean;
  before_students: string;
  before_families: string;
  before_pair: string;
  /** "+66 %", "−40,6 %", "—" when there were none last year; empty without a comparison. */
  students_change: string;
  families_change: string;
};

/** A class (or the total) as a row of the classes-by-categories table: per category code, pupils, families, pair. */
export type ClassRow = {
  name: string;
  teacher: string;
  students: string;
  families: string;
  count: Record<string, string>;
  family_count: Record<string, string>;
  pair: Record<string, string>;
};

export type DynamicsLine = {
  code: string;
  label: string;
  now_pair: string;
  before_pair: string;
  now_students: string;
  before_students: string;
  students_change: string;
  families_change: string;
};

export type SchoolModel = {
  school: SchoolBlock;
  totals: { students: string; families: string; boys: string; girls: string; classes: string };
  has_compare: boolean;
  years: { now: string; before: string };
  /** Categories (kind "category") in catalogue order, zeros included. */
  categories: CategoryLine[];
  /** Support given (free meals, universal-education fund aid). */
  support: CategoryLine[];
  /** By category code: pupils, families, "pupils/families" — for `{{count.orphan}}` in running text. */
  count: Record<string, string>;
  family_count: Record<string, string>;
  pair: Record<string, string>;
  classes: ClassRow[];
  total: ClassRow;
  /** Categories with pupils this year or last, compared (empty without a comparison). */
  dynamics: DynamicsLine[];
  charts: { categories: ImageValue | null; dynamics: ImageValue | null; meals: ImageValue | null };
  /**
   * Numbers of the tables and figures in the order the annual report prints them, so that a figure left out (no
   * comparison, no chart) leaves no gap: `{{numbers.figure_meals}}-сурет`, «Рис. {{numbers.figure_meals}}».
   */
  numbers: Record<'table_passport' | 'table_aid' | 'table_swot' | 'figure_categories' | 'figure_dynamics' | 'figure_meals', string>;
  /** Counts said with their nouns (and verbs), agreeing in Russian: «обучался 1 учащийся», «из 21 семьи». */
  said: Record<keyof typeof countPhrases, string>;
  meals: {
    now: string;
    before: string;
    /** How many more or fewer than last year, without sign. */
    difference: string;
    change: string;
    increased: boolean;
    decreased: boolean;
    cost: string;
    has_cost: boolean;
    /** Pupils given free meals paid by the universal-education fund, and by the canteen's tenant (aid register). */
    fund: string;
    tenant: string;
    has_tenant: boolean;
    /** Whether the aid register holds any meals record: then who pays is said. */
    has_register: boolean;
  };
  /**
   * The aid register's year (`qamqor aid`): every kind of the catalogue with its pupils, records and amount, and the
   * figures the annual report names. Only «Мектепке жол» applications (a count of papers, not of help given) and the
   * cost of one meal are figures of the notes tab.
   */
  aid: {
    /** Applications received in the «Мектепке жол» campaign (notes tab); "—" when not written. */
    applications: string;
    has_applications: boolean;
    /** Pupils helped in the «Мектепке жол» campaign (kind school_road), and its amount. */
    road: string;
    road_amount: string;
    /** Sponsors' money: the amount of kind sponsor. */
    sponsor_money: string;
    has_sponsor: boolean;
    /** Pupils given money (fund_cash), things (fund_material) and food (food) help. */
    financial: string;
    material: string;
    food: string;
    /** Pupils given money from the universal-education fund under Resolution No. 64 (fund_cash). */
    fund: string;
    /** Pupils given holiday gifts (gift). */
    gifts: string;
    has_gifts: boolean;
    /** The campaign is spoken of: applications written, or a school_road or sponsor record. */
    has_road: boolean;
    kinds: AidKindLine[];
    total: { pupils: string; records: string; amount: string };
    has_any: boolean;
  };
  /** The annual plan: the activities marked done, by direction (I–VI), one line each, for the sections of the report. */
  plan: { events: Record<Direction, string>; done: string; total: string; has_plan: boolean };
  registers: { school: string; risk: string; police: string; any: boolean };
  /** Orphans and children without parental care together, as section II counts them. */
  orphans_and_no_care: string;
  /** Pupils eligible under Resolution No. 64 (groups 1–5), whether or not they got aid yet. */
  res64: { eligible: string; any: boolean };
  /** Orphans on the housing queue (notes tab), and pupils sent to summer camps (aid register, kind camp). */
  housing_queue: string;
  has_housing_queue: boolean;
  camps: string;
  has_camps: boolean;
  /** Families of social status (any family-level category) and pupils of any social category, for sections V–VI. */
  social: { families: string; students: string; share: string };
  /** Every note of the notes tab by key, as written (numbers as "60 000"). */
  notes: Record<string, string>;
  has_swot: boolean;
};

const ZERO: Counts = { students: 0, families: 0 };

/** One kind of the aid catalogue as a row of the aid table: the same figures as `qamqor aid`. */
export type AidKindLine = { code: string; label: string; pupils: string; records: string; amount: string };

export function categoryLine(ctx: ReportContext, c: Category, now: Counts, total: number, before: Counts | null, compared: boolean): CategoryLine {
  const b = before ?? ZERO;
  return {
    code: c.code,
    label: groupLabel(ctx, c.code),
    level: word(ctx, c.level === 'family' ? 'familyLevel' : 'pupilLevel'),
    is_family: c.level === 'family',
    is_support: c.kind === 'support',
    students: count(now.students),
    families: count(now.families),
    pair: pair(now.students, now.families),
    share: formatShare(now.students, total),
    has_pupils: now.students > 0,
    before_students: compared ? count(b.students) : '',
    before_families: compared ? count(b.families) : '',
    before_pair: compared ? pair(b.students, b.families) : '',
    students_change: compared ? formatChange(changePct(now.students, b.students)) : '',
    families_change: compared ? formatChange(changePct(now.families, b.families)) : '',
  };
}

function classRow(ctx: ReportContext, name: string, teacher: string, c: ClassPassport): ClassRow {
  const row: ClassRow = { name, teacher, students: count(c.students), families: count(c.families), count: {}, family_count: {}, pair: {} };
  for (const cat of ctx.registry.catalogue) {
    const n = c.categories[cat.code] ?? ZERO;
    row.count[cat.code] = count(n.students);
    row.family_count[cat.code] = count(n.families);
    row.pair[cat.code] = pair(n.students, n.families);
  }
  return row;
}

export function schoolModel(ctx: ReportContext, paint: ChartPainter = noCharts): SchoolModel {
  const p = ctx.passport;
  const compare = p.compare ?? null;
  const lines = ctx.registry.catalogue.map((c) =>
    categoryLine(ctx, c, p.categories[c.code] ?? ZERO, p.students, compare?.categories[c.code] ?? null, compare !== null),
  );
  const byCode = (field: 'students' | 'families' | 'pair') => Object.fromEntries(lines.map((l) => [l.code, l[field]]));
  const teachers = new Map(ctx.registry.classes.map((c) => [c.name, c.teacher]));
  const classes = Object.entries(p.classes).map(([name, c]) => classRow(ctx, name, teachers.get(name) ?? '', c));
  const total = classRow(ctx, word(ctx, 'total'), '', p);
  const students = (code: string) => p.categories[code]?.students ?? 0;

  const dynamicsCats = compare
    ? ctx.registry.catalogue.filter((c) => c.kind === 'category' && (students(c.code) > 0 || (compare.categories[c.code]?.students ?? 0) > 0))
    : [];
  const dynamics: DynamicsLine[] = dynamicsCats.map((c) => {
    const now = p.categories[c.code] ?? ZERO;
    const before = compare!.categories[c.code]!;
    return {
      code: c.code,
      label: groupLabel(ctx, c.code),
      now_pair: pair(now.students, now.families),
      before_pair: pair(before.students, before.families),
      now_students: count(now.students),
      before_students: count(before.students),
      students_change: formatChange(before.studentsChangePct),
      families_change: formatChange(before.familiesChangePct),
    };
  });

  const mealsNow = students('free_meals');
  const mealsBefore = compare ? (compare.categories.free_meals?.students ?? 0) : null;
  const notes = ctx.notes;
  const cost = noteNumber(notes, 'meal_cost');
  const aid = aidSummary(ctx.registry);
  const kind = (code: string): AidFigures => aid.kinds[code] ?? { pupils: 0, records: 0, amount: 0 };
  const tenant = kind(AID.mealsTenant).pupils;
  const mealsRecorded = kind(AID.mealsFund).records + kind(AID.mealsTenant).records > 0;
  const applications = noteNumber(notes, 'road_applications');
  const eligible = res64Eligible(ctx.registry.pupils, ctx.registry.catalogue).length;
  const housingQueue = noteNumber(notes, 'orphans_housing_queue');
  const camps = kind(AID.camp).pupils;
  const done = doneByDirection(ctx.registry);
  const planRows = ctx.registry.tabs.plan ? readPlan(ctx.registry).rows.filter((r) => r.activity).length : 0;
  const socialCodes = new Set(ctx.registry.catalogue.filter((c) => c.kind === 'category').map((c) => c.code));
  const familyCodes = new Set(ctx.registry.catalogue.filter((c) => c.kind === 'category' && c.level === 'family').map((c) => c.code));
  const socialPupils = ctx.registry.pupils.filter((x) => x.categories.some((code) => socialCodes.has(code)));
  const socialFamilies = new Set(ctx.registry.pupils.filter((x) => x.categories.some((code) => familyCodes.has(code))).map((x) => x.familyKey));
  const charts = {
    categories: compare || lines.some((l) => l.has_pupils) ? paint(categoriesChart(ctx)) : null,
    dynamics: dynamics.some((d) => d.students_change !== '—') ? paint(dynamicsChart(ctx)) : null,
    meals: mealsNow > 0 || (mealsBefore ?? 0) > 0 ? paint(mealsChart(ctx, mealsNow, mealsBefore)) : null,
  };
  const hasRoad = applications !== null || kind(AID.road).records + kind(AID.sponsor).records > 0;
  const hasAid = aid.total.records > 0;
  const hasSwot = ['swot_strengths', 'swot_weaknesses', 'swot_opportunities', 'swot_threats'].some((k) => (notes.text[k] ?? '') !== '');
  const numbers = numbering(
    ['table_passport', true], ['table_aid', hasAid], ['table_swot', hasSwot],
  );
  const figureNumbers = numbering(['figure_categories', charts.categories !== null], ['figure_dynamics', charts.dynamics !== null], ['figure_meals', charts.meals !== null]);
  const saidAs = (key: keyof typeof countPhrases, n: number) => countPhrases[key][ctx.lang](n);
  const pupilsTotal = ctx.registry.pupils.length;
  const classesTotal = Object.keys(p.classes).length;
  const text = notes.text;
  const labels = new Map(readAid(ctx.registry).kinds.map((k) => [k.code, capitalized(k[ctx.lang])]));

  return {
    school: schoolBlock(ctx),
    totals: {
      students: count(p.students),
      families: count(p.families),
      boys: count(ctx.registry.pupils.filter((x) => x.sex === 'M').length),
      girls: count(ctx.registry.pupils.filter((x) => x.sex === 'F').length),
      classes: count(Object.keys(p.classes).length),
    },
    has_compare: compare !== null,
    years: { now: p.schoolYear, before: compare?.schoolYear ?? '' },
    categories: lines.filter((l) => !l.is_support),
    support: lines.filter((l) => l.is_support),
    count: byCode('students'),
    family_count: byCode('families'),
    pair: byCode('pair'),
    classes,
    total,
    dynamics,
    charts,
    numbers: { ...numbers, ...figureNumbers } as SchoolModel['numbers'],
    said: {
      students: saidAs('students', p.students),
      studied: saidAs('studied', p.students),
      in_classes: saidAs('in_classes', classesTotal),
      from_families: saidAs('from_families', p.families),
      meals_now: saidAs('meals_now', mealsNow),
      meals_before: saidAs('meals_before', mealsBefore ?? 0),
      meals_difference: saidAs('meals_difference', Math.abs(mealsNow - (mealsBefore ?? mealsNow))),
      tenant: saidAs('tenant', tenant),
      fund: saidAs('fund', kind(AID.fundCash).pupils),
      road: saidAs('road', kind(AID.road).pupils),
      gifts: saidAs('gifts', kind(AID.gift).pupils),
      eligible: saidAs('eligible', eligible),
    },
    meals: {
      now: count(mealsNow),
      before: mealsBefore === null ? '' : count(mealsBefore),
      difference: mealsBefore === null ? '' : count(Math.abs(mealsNow - mealsBefore)),
      change: mealsBefore === null ? '' : formatChange(changePct(mealsNow, mealsBefore)),
      increased: mealsBefore !== null && mealsNow > mealsBefore,
      decreased: mealsBefore !== null && mealsNow < mealsBefore,
      cost: tenge(cost),
      has_cost: cost !== null,
      fund: count(kind(AID.mealsFund).pupils),
      tenant: count(tenant),
      has_tenant: tenant > 0,
      has_register: mealsRecorded,
    },
    aid: {
      applications: applications === null ? word(ctx, 'none') : count(applications),
      has_applications: applications !== null,
      road: count(kind(AID.road).pupils),
      road_amount: tenge(kind(AID.road).amount),
      sponsor_money: tenge(kind(AID.sponsor).amount),
      has_sponsor: kind(AID.sponsor).amount > 0,
      financial: count(kind(AID.fundCash).pupils),
      material: count(kind(AID.fundMaterial).pupils),
      food: count(kind(AID.food).pupils),
      fund: count(kind(AID.fundCash).pupils),
      gifts: count(kind(AID.gift).pupils),
      has_gifts: kind(AID.gift).pupils > 0,
      has_road: hasRoad,
      kinds: Object.entries(aid.kinds).map(([code, f]) => ({ code, label: labels.get(code) ?? code, pupils: count(f.pupils), records: count(f.records), amount: tenge(f.amount) })),
      total: { pupils: count(aid.total.pupils), records: count(aid.total.records), amount: tenge(aid.total.amount) },
      has_any: hasAid,
    },
    plan: {
      events: Object.fromEntries(DIRECTIONS.map((d) => [d, done[d].map((r) => `– ${r.activity}${r.doneOn ? ` (${dmy(r.doneOn)})` : ''}`).join('\n')])) as Record<Direction, string>,
      done: count(DIRECTIONS.reduce((n, d) => n + done[d].length, 0)),
      total: count(planRows),
      has_plan: planRows > 0,
    },
    registers: {
      school: count(students('school_register')),
      risk: count(students('risk_group')),
      police: count(students('police_register')),
      any: students('school_register') + students('risk_group') + students('police_register') > 0,
    },
    orphans_and_no_care: count(students('orphan') + students('no_parental_care')),
    res64: { eligible: count(eligible), any: eligible > 0 },
    housing_queue: housingQueue === null ? '' : count(housingQueue),
    has_housing_queue: housingQueue !== null,
    camps: count(camps),
    has_camps: camps > 0,
    social: { families: count(socialFamilies.size), students: count(socialPupils.length), share: formatShare(socialPupils.length, pupilsTotal) },
    notes: { ...text },
    has_swot: hasSwot,
  };
}

/** A catalogue name opening a table row: «Акция «Дорога в школу»» (the catalogue writes it as a phrase, lower-case). */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Numbers 1, 2, 3… for the items present, in order; an absent item gets an empty number. */
function numbering<K extends string>(...items: [K, boolean][]): Record<K, string> {
  let n = 0;
  return Object.fromEntries(items.map(([key, present]) => [key, present ? String(++n) : ''])) as Record<K, string>;
}

const COLORS = { before: '#9AA5B1', now: '#2B6CB0', up: '#2B6CB0', down: '#DD6B20' };

/** Figure 1 of seed 001: pupils per category this year against last year, "pupils/families" at each bar. */
export function categoriesChart(ctx: ReportContext): ChartSpec {
  const p = ctx.passport;
  const compare = p.compare;
  const cats = ctx.registry.catalogue.filter(
    (c) => c.kind === 'category' && ((p.categories[c.code]?.students ?? 0) > 0 || (compare?.categories[c.code]?.students ?? 0) > 0),
  );
  const series = compare
    ? [{ name: compare.schoolYear, color: COLORS.before }, { name: p.schoolYear, color: COLORS.now }]
    : [{ name: p.schoolYear, color: COLORS.now }];
  return {
    kind: 'grouped-bars',
    title: reportWords.chartCategoriesTitle[ctx.lang],
    series,
    rows: cats.map((c) => {
      const now = p.categories[c.code] ?? ZERO;
      const before = compare?.categories[c.code] ?? ZERO;
      const values = compare ? [before.students, now.students] : [now.students];
      const texts = compare ? [pair(before.students, before.families), pair(now.students, now.families)] : [pair(now.students, now.families)];
      return { label: groupLabel(ctx, c.code), values, texts };
    }),
  };
}

/** Figure 2 of seed 001: the change of each category's pupils against last year, in %. */
export function dynamicsChart(ctx: ReportContext): ChartSpec {
  const p = ctx.passport;
  const rows: { label: string; value: number; text: string }[] = [];
  for (const c of ctx.registry.catalogue) {
    const pct = p.compare?.categories[c.code]?.studentsChangePct;
    if (c.kind !== 'category' || pct === null || pct === undefined) continue;
    if ((p.categories[c.code]?.students ?? 0) === 0 && (p.compare?.categories[c.code]?.students ?? 0) === 0) continue;
    rows.push({ label: groupLabel(ctx, c.code), value: pct, text: formatChange(pct) });
  }
  return { kind: 'change-bars', title: reportWords.chartDynamicsTitle[ctx.lang], rows, colors: { up: COLORS.up, down: COLORS.down } };
}

/** Figure 4 of seed 001: pupils given free hot meals from the universal-education fund, last year and this. */
export function mealsChart(ctx: ReportContext, now: number, before: number | null): ChartSpec {
  const p = ctx.passport;
  const series = before === null ? [{ name: p.schoolYear, color: COLORS.now }] : [{ name: p.compare!.schoolYear, color: COLORS.before }, { name: p.schoolYear, color: COLORS.now }];
  const values = before === null ? [now] : [before, now];
  return {
    kind: 'grouped-bars',
    title: reportWords.chartMealsTitle[ctx.lang],
    series,
    rows: [{ label: groupLabel(ctx, 'free_meals'), values, texts: values.map(count) }],
  };
}
