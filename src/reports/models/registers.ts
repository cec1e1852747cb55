// The documents of the pedagogue's registers: the monthly social movement report of a class and of the school (seed
// 002: «ай сайын сыныптың әлеуметтік қозғалысы туралы есеп»), the housing-condition inspection act (one per act) and
// the inspection schedule (who needs an act, by when, by whom). Computed from the whole registry even when the
// documents are made on the roll of a day (`--as-of`): a month's movement is about every pupil who moved in it.
import { compareClassNames } from '../../domain/registry/class-name';
import { compareText } from '../../domain/collate';
import { dmy } from '../../domain/format';
import { addDays, inspectionNeeds, readInspections, type InspectionAct, type InspectionNeed } from '../../domain/registers/inspections';
import { monthDays, monthMovement, readMovements, type MonthMovement } from '../../domain/registers/movements';
import { readArchive, registerYear, type ArchivedPupil } from '../../domain/registers/read';
import { rollSource, wholeRegistry, type RollSource } from '../../domain/registers/roll';
import { housingLabels, monthTitle, movementKindLabels, registerDocWords, sanitaryLabels } from '../../domain/registers/words';
import type { Pupil, Registry } from '../../domain/registry/registry';

import { count, dateText, label, schoolBlock, type ReportContext, type SchoolBlock } from './context';

/** What the registers' documents take besides the report context: the month of the movement report. */
export type RegisterReportContext = ReportContext & { month?: string };

/**
 * The month a movement report is about: `--month`, else the month of the document date (the report date of the
 * school year: a report made after the year ended is about its last month, May).
 */
export function reportMonth(ctx: ReportContext): string {
  return (ctx as RegisterReportContext).month ?? ctx.today.slice(0, 7);
}

/** Computed once per registry: the roll over the year, the acts, the archive. */
const sources = new WeakMap<Registry, { source: RollSource; acts: InspectionAct[]; archive: ArchivedPupil[] }>();

function registersOf(ctx: ReportContext) {
  const registry = wholeRegistry(ctx.registry);
  let found = sources.get(registry);
  if (!found) {
    const archive = readArchive(registry);
    sources.set(registry, (found = { source: rollSource(registry, readMovements(registry), archive), acts: readInspections(registry), archive }));
  }
  return { registry, ...found };
}

const w = (ctx: ReportContext, key: keyof typeof registerDocWords) => registerDocWords[key][ctx.lang];

// ——— The monthly movement report ———

export type MovementFigures = { start: string; arrived: string; left: string; transferred_in: string; transferred_out: string; end: string };

export type MovementLine = {
  n: string;
  date: string;
  kind: string;
  full_name: string;
  class: string;
  /** Where from (arrival), where to (departure), the other class (transfer). */
  place: string;
  reason: string;
};

export type MonthBlock = { title: string; from: string; to: string };

export type MovementClassModel = {
  school: SchoolBlock;
  month: MonthBlock;
  class: MovementFigures & { name: string; teacher: string };
  events: MovementLine[];
  has_events: boolean;
};

export type MovementSchoolModel = {
  school: SchoolBlock;
  month: MonthBlock;
  classes: (MovementFigures & { name: string })[];
  total: MovementFigures;
  events: MovementLine[];
  has_events: boolean;
};

function monthBlock(ctx: ReportContext, month: string): MonthBlock {
  const days = monthDays(month)!;
  return { title: monthTitle(month, ctx.lang), from: dmy(days.first), to: dmy(days.last) };
}

function figures(c: { start: number; arrived: number; left: number; transferredIn?: number; transferredOut?: number; end: number }): MovementFigures {
  return {
    start: count(c.start),
    arrived: count(c.arrived),
    left: count(c.left),
    transferred_in: count(c.transferredIn ?? 0),
    transferred_out: count(c.transferredOut ?? 0),
    end: count(c.end),
  };
}

function movementOf(ctx: ReportContext): MonthMovement {
  const month = reportMonth(ctx);
  const { source } = registersOf(ctx);
  return monthMovement(source, month);
}

function lines(ctx: ReportContext, events: MonthMovement['events'], withClass: boolean): MovementLine[] {
  return events.map((e, i) => ({
    n: String(i + 1),
    date: dmy(e.date),
    kind: movementKindLabels[e.kind][ctx.lang],
    full_name: e.full_name,
    class: e.class,
    place: e.kind === 'transferred' ? (withClass ? `${e.class} → ${e.toClass}` : `${e.class} → ${e.toClass}`) : e.place,
    reason: e.reason,
  }));
}

export function movementClassModel(ctx: ReportContext, className: string): MovementClassModel {
  const movement = movementOf(ctx);
  const c = movement.classes[className] ?? { start: 0, arrived: 0, left: 0, transferredIn: 0, transferredOut: 0, end: 0 };
  const events = movement.events.filter((e) => e.class === className || e.toClass === className);
  return {
    school: schoolBlock(ctx),
    month: monthBlock(ctx, movement.month),
    class: { name: className, teacher: ctx.registry.classes.find((k) => k.name === className)?.teacher ?? '', ...figures(c) },
    events: lines(ctx, events, false),
    has_events: events.length > 0,
  };
}

export function movementSchoolModel(ctx: ReportContext): MovementSchoolModel {
  const movement = movementOf(ctx);
  const sum = (k: 'transferredIn' | 'transferredOut') => Object.values(movement.classes).reduce((s, c) => s + c[k], 0);
  return {
    school: schoolBlock(ctx),
    month: monthBlock(ctx, movement.month),
    classes: Object.entries(movement.classes).map(([name, c]) => ({ name, ...figures(c) })),
    total: figures({ ...movement.school, transferredIn: sum('transferredIn'), transferredOut: sum('transferredOut') }),
    events: lines(ctx, movement.events, true),
    has_events: movement.events.length > 0,
  };
}

// ——— The inspection act ———

export type ActModel = {
  school: SchoolBlock;
  act: {
    date: string;
    commission: { member: string }[];
    parents: string;
    family: string;
    housing: string;
    rooms: string;
    area: string;
    heating: string;
    water: string;
    sanitary: string;
    own_bed: string;
    study_place: string;
    clothing: string;
    climate: string;
    conclusion: string;
    recommendations: string;
    has_recommendations: boolean;
  };
  pupil: { full_name: string; birth_date: string; class: string; address: string; guardian: string; categories: string };
};

/** The registry's facts of an act's pupil: on the roll now, else in the archive; null when neither knows the IIN. */
export function actPupil(registry: Registry, archive: readonly ArchivedPupil[], iin: string): Pupil | ArchivedPupil | null {
  return registry.pupils.find((p) => p.iin === iin) ?? archive.find((a) => a.iin === iin) ?? null;
}

export function actModel(ctx: ReportContext, act: InspectionAct): ActModel {
  const { registry, archive } = registersOf(ctx);
  const who = actPupil(registry, archive, act.iin);
  const yesNo = (v: boolean | null) => (v === null ? w(ctx, 'notRecorded') : v ? w(ctx, 'yes') : w(ctx, 'no'));
  const or = (text: string) => text || w(ctx, 'notRecorded');
  const isPupil = (x: Pupil | ArchivedPupil | null): x is Pupil => x !== null && 'columnsAt' in x;
  const categories = who ? who.categories.map((c) => label(ctx, c)).join(', ') : '';
  return {
    school: schoolBlock(ctx),
    act: {
      date: dmy(act.date),
      commission: act.commission.split(/[;\n]+/).map((m) => m.trim()).filter(Boolean).map((member) => ({ member })),
      parents: or(act.parents),
      family: or(act.family),
      housing: act.housing ? housingLabels[act.housing][ctx.lang] : or(act.housingText),
      rooms: act.rooms === null ? w(ctx, 'notRecorded') : String(act.rooms),
      area: or(act.area),
      heating: or(act.heating),
      water: or(act.water),
      sanitary: act.sanitary ? sanitaryLabels[act.sanitary][ctx.lang] : or(act.sanitaryText),
      own_bed: yesNo(act.ownBed),
      study_place: yesNo(act.studyPlace),
      clothing: yesNo(act.clothing),
      climate: or(act.climate),
      conclusion: or(act.conclusion),
      recommendations: act.recommendations,
      has_recommendations: act.recommendations !== '',
    },
    pupil: {
      full_name: who?.fullName || act.fullName,
      birth_date: dateText(who?.birthDate ?? null),
      class: who?.className ?? '',
      address: isPupil(who) ? who.address : '',
      guardian: isPupil(who) ? who.guardian : '',
      categories,
    },
  };
}

/** The acts a job of the reports tab makes documents of: every act of the school year, by pupil then date. */
export function actsOfYear(registry: Registry): InspectionAct[] {
  const whole = wholeRegistry(registry);
  const window = registerYear(whole.settings.schoolYear);
  return readInspections(whole).filter((a) => !window || (a.date >= window.from && a.date <= window.to));
}

// ——— The inspection schedule ———

export type ScheduleLine = {
  n: string;
  full_name: string;
  class: string;
  categories: string;
  /** The due dates of the year's acts: «31.12.2025, 31.05.2026». */
  due: string;
  /** The acts done, by date: «20.09.2025». */
  done: string;
  /** What is next: «31.05.2026», or «мерзімі өтті: 31.12.2025». */
  next: string;
  overdue: boolean;
  responsible: string;
};

export type ScheduleModel = {
  school: SchoolBlock;
  schedule: {
    today: string;
    required: string;
    overdue: string;
    soon: string;
    lines: ScheduleLine[];
    has_lines: boolean;
    has_overdue: boolean;
  };
};

export function scheduleModel(ctx: ReportContext): ScheduleModel {
  const { registry, source, acts } = registersOf(ctx);
  const year = registry.settings.schoolYear;
  const needs: InspectionNeed[] = year ? inspectionNeeds(source, acts, registry.catalogue, year, ctx.today) : [];
  const teachers = new Map(registry.classes.map((c) => [c.name, c.teacher]));
  const pedagogue = registry.settings.socialPedagogue;
  const horizon = addDays(ctx.today, 30);
  const sorted = [...needs].sort((a, b) => compareClassNames(a.class, b.class) || compareText(a.full_name, b.full_name));
  return {
    school: schoolBlock(ctx),
    schedule: {
      today: dmy(ctx.today),
      required: count(needs.length),
      overdue: count(needs.filter((n) => n.overdue).length),
      soon: count(needs.filter((n) => n.nextDue !== null && n.nextDue >= ctx.today && n.nextDue <= horizon).length),
      lines: sorted.map((n, i) => ({
        n: String(i + 1),
        full_name: n.full_name,
        class: n.class,
        categories: n.statuses.map((c) => label(ctx, c)).join(', '),
        due: n.dues.map((d) => dmy(d.due)).join(', '),
        done: n.acts.map((a) => dmy(a.date)).join(', '),
        next: n.nextDue ? (n.overdue ? `${w(ctx, 'overdue')}: ${dmy(n.nextDue)}` : dmy(n.nextDue)) : '—',
        overdue: n.overdue,
        responsible: [teachers.get(n.class) ? `${teachers.get(n.class)} (${w(ctx, 'classTeacher')})` : '', pedagogue ? `${pedagogue} (${w(ctx, 'pedagogue')})` : w(ctx, 'pedagogue')].filter(Boolean).join(', '),
      })),
      has_lines: needs.length > 0,
      has_overdue: needs.some((n) => n.overdue),
    },
  };
}


