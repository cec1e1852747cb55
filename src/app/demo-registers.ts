// The demo school's year of movements and housing acts, imported as its pedagogue would: a CSV of pupils who arrived
// during the year (with `arrived_on`), a CSV of departures and transfers spread from September to May (applied by
// `import --into movements`), and a CSV of inspection acts — most first-half acts made, some missing (overdue after
// 31 December), part of the second half-year's. Deterministic: the same school gives the same year.
import { parseClassName } from '../domain/registry/class-name';
import { checkIin } from '../domain/registry/iin';
import { inspectionsOf } from './inspections';
import { readRegistry, type Registry } from '../domain/registry/registry';
import { demoRegisterWords } from '../domain/registers/words';
import { demoCsvRows } from './demo-csv';
import { generateSchool, type DemoSchool } from './demo-school';
import { planImport, type ImportTable } from './import-pupils';
import { planMovementsImport } from './movements';
import { planRegisterImportInto } from './registers';
import type { WorkbookPort } from './workbook-port';

/** The day the demo's `inspections.json` is taken on: 20 February, when the first half-year's acts are overdue. */
export function demoInspectionsDay(registry: Pick<Registry, 'settings'>): string {
  return `${(registry.settings.schoolYear?.start ?? 2025) + 1}-02-20`;
}

/** The month of the demo's `movement.json`: January, which the demo gives an arrival, a departure and a transfer. */
export function demoMovementMonth(registry: Pick<Registry, 'settings'>): string {
  return `${(registry.settings.schoolYear?.start ?? 2025) + 1}-01`;
}

/** mulberry32: the same numbers on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dmy = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** A school day (Monday to Friday) between two days, inclusive. */
function schoolDay(rnd: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  let t = a + Math.floor(rnd() * ((b - a) / 86_400_000 + 1)) * 86_400_000;
  while ([0, 6].includes(new Date(t).getUTCDay())) t -= 86_400_000;
  return iso(Math.max(t, a));
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

export function table(rows: string[][]): ImportTable {
  const [header, ...records] = rows;
  return { header: header!, records: records.map((raw, i) => ({ line: i + 2, raw })) };
}

/** The months of the school year whose days movements fall on: September to May. */
function monthRange(start: number, k: number): { from: string; to: string } {
  const y = k < 4 ? start : start + 1;
  const m = ((8 + k) % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-${k === 0 ? '08' : '01'}`, to: `${y}-${mm}-${k === 8 ? '25' : String(last)}` };
}

/** Pupils who join during the year: another generated school's, in this school's classes, arriving September to May. */
export function demoArrivalRows(school: DemoSchool, registry: Registry): string[][] {
  const year = registry.settings.schoolYear!.start;
  const rnd = random(year * 7 + 11);
  const count = Math.max(1, Math.round(school.pupils.length * 0.015));
  const others = generateSchool({ pupils: Math.max(40, count * 4), language: school.language, schoolYear: school.schoolYear, seed: 20250915, mistakes: false });
  const taken = new Set(registry.pupils.map((p) => p.iin));
  const classes = new Set(registry.classTabs.map((ct) => ct.className));
  const [header, ...rows] = demoCsvRows(others);
  const at = (key: string) => header!.indexOf(key);
  const w = demoRegisterWords[registry.lang];
  const chosen = rows.filter((r) => classes.has(r[at('class')]!) && checkIin(r[at('iin')]!).ok && !taken.has(r[at('iin')]!)).slice(0, count);
  const january = demoMovementMonth(registry);
  return [
    [...header!, 'arrived_on', 'arrived_from'],
    ...chosen.map((r, i) => {
      const out = [...r];
      // A family of its own: another school's family code would join two unrelated families.
      out[at('family_id')] = '';
      const month = i === 0 ? { from: `${january}-12`, to: `${january}-23` } : monthRange(year, Math.floor(rnd() * 9));
      return [...out, schoolDay(rnd, month.from, month.to), pick(rnd, w.arrivedFrom)];
    }),
  ];
}

/**
 * Departures and transfers of the year: pupils with a valid, unique IIN (never the demo's deliberate mistakes, never
 * those the case file follows), each moved once; transfers between parallel classes of one grade.
 */
export function demoMovementRows(registry: Registry, arrived: ReadonlySet<string>): string[][] {
  const year = registry.settings.schoolYear!.start;
  const rnd = random(year * 13 + 5);
  const w = demoRegisterWords[registry.lang];
  const count = new Map<string, number>();
  for (const p of registry.pupils) count.set(p.iin, (count.get(p.iin) ?? 0) + 1);
  const movable = registry.pupils.filter(
    (p) => checkIin(p.iin).ok && count.get(p.iin) === 1 && !arrived.has(p.iin) && !p.categories.some((c) => c === 'risk_group' || c === 'school_register' || c === 'police_register'),
  );
  // A shuffled list of candidates, taken in order: nobody moves twice.
  const order = movable.map((p) => ({ p, k: rnd() })).sort((a, b) => a.k - b.k).map((x) => x.p);
  const departures = Math.max(1, Math.round(registry.pupils.length * 0.02));
  const transfers = Math.max(1, Math.round(registry.pupils.length * 0.008));
  const byGrade = new Map<number, string[]>();
  for (const ct of registry.classTabs) {
    const grade = parseClassName(ct.className)?.grade;
    if (grade === undefined) continue;
    byGrade.set(grade, [...(byGrade.get(grade) ?? []), ct.className]);
  }
  const january = demoMovementMonth(registry);
  const rows: string[][] = [['date', 'iin', 'kind', 'class', 'place', 'reason', 'order']];
  let n = 40;
  const orderText = (date: string) => w.order.replace('{n}', String(n++)).replace('{date}', dmy(date));
  let i = 0;
  for (let d = 0; d < departures && i < order.length; d++) {
    const p = order[i++]!;
    const month = d === 0 ? { from: `${january}-12`, to: `${january}-30` } : monthRange(year, Math.floor(rnd() * 9));
    const date = schoolDay(rnd, month.from, month.to);
    // A college takes pupils from grade 9 on.
    const senior = (parseClassName(p.className)?.grade ?? 0) >= 9;
    const fits = (text: string) => senior || !/колледж/i.test(text);
    rows.push([date, p.iin, 'left', '', pick(rnd, w.leftTo.filter(fits)), pick(rnd, w.leftReasons.filter(fits)), orderText(date)]);
  }
  let made = 0;
  for (; i < order.length && made < transfers; i++) {
    const p = order[i]!;
    const grade = parseClassName(p.className)?.grade;
    const parallel = (grade === undefined ? [] : byGrade.get(grade) ?? []).filter((c) => c !== p.className);
    if (parallel.length === 0) continue;
    const month = made === 0 ? { from: `${january}-12`, to: `${january}-30` } : monthRange(year, Math.floor(rnd() * 9));
    const date = schoolDay(rnd, month.from, month.to);
    rows.push([date, p.iin, 'transferred', pick(rnd, parallel), '', pick(rnd, w.transferReasons), orderText(date)]);
    made++;
  }
  return rows;
}

/**
 * The year's housing acts of the pupils who need them (as `qamqor inspections` says at the end of May): 85 % of the
 * first half-year's made between September and December, the rest missing (overdue from 1 January); 60 % of the
 * second half-year's, January to May. The commission: the social pedagogue and the class teacher.
 */
export function demoActRows(registry: Registry): string[][] {
  const year = registry.settings.schoolYear!;
  const rnd = random(year.start * 17 + 3);
  const w = demoRegisterWords[registry.lang];
  const { needs } = inspectionsOf(registry, `${year.start + 1}-05-31`);
  const teachers = new Map(registry.classes.map((c) => [c.name, c.teacher]));
  const header = ['date', 'iin', 'commission', 'parents', 'family', 'housing', 'rooms', 'area', 'heating', 'water', 'sanitary', 'own_bed', 'study_place', 'clothing', 'climate', 'conclusion', 'recommendations'];
  const rows: string[][] = [header];
  const yes = registry.lang === 'kk' ? 'иә' : 'да';
  const no = registry.lang === 'kk' ? 'жоқ' : 'нет';
  for (const need of needs) {
    const pupil = need.stint.pupil;
    for (const due of need.dues) {
      const first = due.due.endsWith('-12-31');
      if (rnd() >= (first ? 0.85 : 0.6)) continue;
      const from = need.stint.arrivedOn && need.stint.arrivedOn > due.from ? need.stint.arrivedOn : due.from;
      const date = first ? schoolDay(rnd, from < `${year.start}-09-10` ? `${year.start}-09-10` : from, `${year.start}-12-25`) : schoolDay(rnd, from < `${year.start + 1}-01-15` ? `${year.start + 1}-01-15` : from, `${year.start + 1}-05-20`);
      const r = rnd();
      const sanitary = r < 0.55 ? 'good' : r < 0.93 ? 'satisfactory' : 'poor';
      const housing = pick(rnd, ['own', 'own', 'own', 'rented', 'rented', 'municipal']);
      const rooms = 1 + Math.floor(rnd() * 4);
      const commission = [`${registry.settings.socialPedagogue || '—'}, ${w.pedagogue}`, `${teachers.get(need.class) || '—'}, ${w.teacher}`].join('; ');
      rows.push([
        date, pupil.iin, commission, pupil.guardian || w.parentsUnknown, pick(rnd, w.family), housing, String(rooms), String(rooms * 16 + Math.floor(rnd() * 20)),
        pick(rnd, w.heating), pick(rnd, w.water), sanitary, rnd() < 0.92 ? yes : no, rnd() < 0.88 ? yes : no, sanitary === 'poor' ? no : rnd() < 0.93 ? yes : no,
        pick(rnd, w.climate), w.conclusion[sanitary], sanitary === 'good' ? '' : pick(rnd, w.recommendations),
      ]);
    }
  }
  return rows;
}

export interface DemoRegisters {
  arrivals: string[][];
  movements: string[][];
  acts: string[][];
}

/**
 * The year applied to a registry as its pedagogue would: the arrivals CSV imported with the pupils import, the
 * movements CSV with `--into movements`, the acts with `--into inspections`. Returns the three CSVs' rows.
 */
export function applyDemoRegisters(workbook: WorkbookPort, school: DemoSchool, today: Date): DemoRegisters {
  const todayIso = today.toISOString().slice(0, 10);
  const arrivals = demoArrivalRows(school, readRegistry(workbook.read()));
  // Arrival days are all past for the pupils import (it keeps a future date as typed): the year's last day is "today".
  const year = readRegistry(workbook.read()).settings.schoolYear!;
  const yearEnd = new Date(`${year.start + 1}-05-31T00:00:00Z`);
  workbook.apply(planImport(workbook.read(), table(arrivals), 'arrivals.csv', today > yearEnd ? today : yearEnd).changes);
  const arrived = new Set(arrivals.slice(1).map((r) => r[arrivals[0]!.indexOf('iin')]!));
  const movements = demoMovementRows(readRegistry(workbook.read()), arrived);
  workbook.apply(planMovementsImport(workbook.read(), table(movements), 'movements.csv', todayIso).changes);
  const acts = demoActRows(readRegistry(workbook.read()));
  workbook.apply(planRegisterImportInto(workbook.read(), table(acts), 'inspections', 'inspections.csv', todayIso).changes);
  return { arrivals, movements, acts };
}
