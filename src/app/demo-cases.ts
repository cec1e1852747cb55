// The demo school's case file: eight cases of pupils on a register or in the risk group, one or two at each stage
// and each kind of overdue item on the demo's day, entered the way a pedagogue would — CSV tables imported into the
// case file, each row audited. Deterministic: the same school gives the same cases.
import { parseClassName } from '../domain/registry/class-name';
import { checkIin } from '../domain/registry/iin';
import type { Actor } from '../domain/cases/audit';
import type { WorkbookData } from '../domain/sheet';
import { planCaseImport, type CaseImportTarget } from './cases-import';
import type { DemoPupil, DemoSchool } from './demo-school';
import type { ImportTable } from './import-pupils';
import type { WorkbookChange } from './workbook-port';

/** The day the demo's case file is looked at: 20 November of the school year, so its overdue items never drift. */
export function demoCasesDay(school: Pick<DemoSchool, 'schoolYear'>): string {
  return `${school.schoolYear.slice(0, 4)}-11-20`;
}

type Row = Record<string, string>;

/** What the pedagogue types, in the school's language. */
const TEXT = {
  kk: {
    teacher: 'Сынып жетекшісі', psychologist: 'Психолог', inspector: 'Мектеп инспекторы', nurse: 'Медбике', subject: 'Пән мұғалімі',
    curators: ['Жақсыбекова Ә.Т.', 'Омаров Б.С.', 'Ким Е.В.'],
    homeVisit: 'Отбасына бару, тұрмыс жағдайын тексеру', homeVisitDone: 'акт жасалды, ата-анамен әңгіме',
    extraLessons: 'Математикадан қосымша сабақтар (аптасына 2 рет)',
    sms: 'Сабаққа келмеген әр күні ата-анаға SMS',
    sessions: 'Психологпен жеке кездесулер (4 рет)', sessionsDone: 'мотивациясы артты',
    clinic: 'Қалалық емханаға жолдама (невропатолог)', clinicBody: '№ 2 қалалық емхана',
    police: 'Ювеналдық полиция инспекторымен профилактикалық әңгіме', policeBody: 'Ювеналдық полиция бөлімі',
    meals: 'Тегін ыстық тамаққа құжаттар', mealsDone: 'тамақ қарашадан бастап',
    note1: 'қатысуы жақсаруда, үй тапсырмасын орындамайды', note2: 'бір апта бойы сабақтан қалмады', note3: 'мақсаттарға қол жеткізілді',
    mother: 'анасы', father: 'әкесі', purposes: 'емханаға, ПМПК-ға жолдама',
  },
  ru: {
    teacher: 'Классный руководитель', psychologist: 'Психолог', inspector: 'Школьный инспектор', nurse: 'Медсестра', subject: 'Учитель-предметник',
    curators: ['Жаксыбекова А.Т.', 'Омаров Б.С.', 'Ким Е.В.'],
    homeVisit: 'Посещение семьи, обследование условий', homeVisitDone: 'составлен акт, беседа с родителями',
    extraLessons: 'Дополнительные занятия по математике (2 раза в неделю)',
    sms: 'SMS родителям в каждый день пропуска',
    sessions: 'Индивидуальные встречи с психологом (4)', sessionsDone: 'мотивация выросла',
    clinic: 'Направление в городскую поликлинику (невролог)', clinicBody: 'Городская поликлиника № 2',
    police: 'Профилактическая беседа с инспектором ювенальной полиции', policeBody: 'Отдел ювенальной полиции',
    meals: 'Документы на бесплатное горячее питание', mealsDone: 'питание с ноября',
    note1: 'посещаемость растёт, домашние задания не выполняет', note2: 'за неделю ни одного пропуска', note3: 'цели достигнуты',
    mother: 'мать', father: 'отец', purposes: 'направление в поликлинику, ПМПК',
  },
};

/** Pupils a case file would hold: on a register or in the risk group, with a valid IIN (the demo's mistakes aside). */
function candidates(school: DemoSchool): DemoPupil[] {
  const seen = new Set<string>();
  const ok = school.pupils.filter((p) => {
    const fine = checkIin(p.iin).ok && !seen.has(p.iin);
    seen.add(p.iin);
    return fine;
  });
  const flagged = ok.filter((p) => p.categories.some((c) => c === 'risk_group' || c === 'school_register' || c === 'police_register'));
  // A small school has few of them: the others are taken from grades 5 and up first, where accompaniment mostly is.
  const older = ok.filter((p) => !flagged.includes(p) && (parseClassName(p.class)?.grade ?? 0) >= 5);
  return [...flagged, ...older, ...ok.filter((p) => !flagged.includes(p) && !older.includes(p))].slice(0, 8);
}

/** The four tables of the demo's cases, as CSV files a pedagogue would import: header and rows. */
export function demoCaseTables(school: DemoSchool): Record<CaseImportTarget, Row[]> {
  const w = TEXT[school.language];
  const y = Number(school.schoolYear.slice(0, 4));
  const day = (md: string) => `${y}-${md}`;
  // A school too small for eight cases (`demo --pupils 5`) gets as many as it has pupils: the rest are left out below.
  const none = { iin: '', guardian: '', full_name: '' } as DemoPupil;
  const kids = candidates(school);
  const [a, b, c, d, e, f, g, h] = Array.from({ length: 8 }, (_, i) => kids[i] ?? none);
  const [cur1, cur2, cur3] = w.curators;
  const cases: Row[] = [
    // identified days ago: nothing due yet
    { case_id: 'C-001', iin: a.iin, identified_on: day('11-14'), identified_by: w.teacher, reason: 'attendance' },
    // identified, no council for weeks: opening overdue
    { case_id: 'C-002', iin: b.iin, identified_on: day('10-27'), identified_by: w.psychologist, reason: 'behaviour' },
    // opened, no plan yet: plan overdue
    { case_id: 'C-003', iin: c.iin, identified_on: day('10-20'), identified_by: w.teacher, reason: 'performance', opened_on: day('11-03'), council_protocol: '4', curator: cur3 },
    // a plan, no review: review overdue
    { case_id: 'C-004', iin: d.iin, identified_on: day('09-22'), identified_by: w.teacher, reason: 'family', opened_on: day('10-02'), council_protocol: '2', curator: cur2, curator_order: '112', curator_order_date: day('10-06') },
    // monitoring, one action late
    { case_id: 'C-005', iin: e.iin, identified_on: day('09-08'), identified_by: w.teacher, reason: 'attendance', opened_on: day('09-16'), council_protocol: '1', curator: cur1, curator_order: '98', curator_order_date: day('09-19') },
    // monitoring, on time; an outside body without consent (a warning)
    { case_id: 'C-006', iin: f.iin, identified_on: day('09-10'), identified_by: w.inspector, reason: 'behaviour', opened_on: day('09-16'), council_protocol: '1', curator: cur2, curator_order: '98', curator_order_date: day('09-19') },
    // closed, goals met
    { case_id: 'C-007', iin: g.iin, identified_on: day('09-03'), identified_by: w.teacher, reason: 'attendance', opened_on: day('09-09'), council_protocol: '1', curator: cur1, curator_order: '98', curator_order_date: day('09-19'), closed_on: day('11-10'), closure_reason: 'goals_met' },
    // closed: the family moved away
    { case_id: 'C-008', iin: h.iin, identified_on: day('09-15'), identified_by: w.teacher, reason: 'family', opened_on: day('09-23'), council_protocol: '2', curator: cur3, closed_on: day('10-30'), closure_reason: 'moved' },
  ];
  const actions: Row[] = [
    { case_id: 'C-004', action: w.homeVisit, area: 'family', provider: 'school', responsible: cur2, due_on: day('10-10'), done_on: day('10-09'), result: w.homeVisitDone },
    { case_id: 'C-004', action: w.extraLessons, area: 'performance', provider: 'school', responsible: w.subject, due_on: day('11-28') },
    { case_id: 'C-005', action: w.sms, area: 'attendance', provider: 'school', responsible: w.teacher, due_on: day('10-31') },
    { case_id: 'C-005', action: w.sessions, area: 'behaviour', provider: 'school', responsible: w.psychologist, due_on: day('10-20'), done_on: day('10-18'), result: w.sessionsDone },
    { case_id: 'C-005', action: w.clinic, area: 'health', provider: w.clinicBody, responsible: w.nurse, due_on: day('12-05') },
    { case_id: 'C-006', action: w.police, area: 'behaviour', provider: w.policeBody, responsible: w.inspector, due_on: day('11-25') },
    { case_id: 'C-006', action: w.meals, area: 'family', provider: 'school', responsible: cur2, due_on: day('10-15'), done_on: day('10-14'), result: w.mealsDone },
    { case_id: 'C-007', action: w.sms, area: 'attendance', provider: 'school', responsible: w.teacher, due_on: day('09-20'), done_on: day('09-19') },
    { case_id: 'C-008', action: w.homeVisit, area: 'family', provider: 'school', responsible: cur3, due_on: day('10-05'), done_on: day('10-03'), result: w.homeVisitDone },
  ];
  const reviews: Row[] = [
    { case_id: 'C-005', date: day('10-15'), attendance_pct: '68', performance: '3', behaviour: '3', note: w.note1 },
    { case_id: 'C-005', date: day('11-14'), attendance_pct: '84', performance: '3', behaviour: '4', note: w.note2 },
    { case_id: 'C-006', date: day('10-20'), attendance_pct: '92', performance: '3', behaviour: '2' },
    { case_id: 'C-006', date: day('11-18'), attendance_pct: '95', performance: '3', behaviour: '3' },
    { case_id: 'C-007', date: day('10-06'), attendance_pct: '74', performance: '3', behaviour: '4' },
    { case_id: 'C-007', date: day('11-05'), attendance_pct: '97', performance: '4', behaviour: '5', note: w.note3 },
    { case_id: 'C-008', date: day('10-20'), attendance_pct: '80', performance: '3', behaviour: '4' },
  ];
  const consents: Row[] = [
    { iin: e.iin, representative: guardianOf(e, w.mother), relation: w.mother, given_on: day('09-17'), purposes: w.purposes },
    { iin: g.iin, representative: guardianOf(g, w.father), relation: w.father, given_on: day('09-10'), purposes: w.purposes, withdrawn_on: day('11-12') },
  ];
  const kept = new Set(cases.filter((r) => r.iin).map((r) => r.case_id));
  const ofKept = (rows: Row[]) => rows.filter((r) => kept.has(r.case_id));
  return { cases: ofKept(cases), actions: ofKept(actions), reviews: ofKept(reviews), consents: consents.filter((r) => r.iin) };
}

function guardianOf(p: DemoPupil, relation: string): string {
  return p.guardian || `${p.full_name.split(' ')[0]} (${relation})`;
}

/** A table as `planCaseImport` reads a CSV. */
function asTable(rows: Row[]): ImportTable {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { header, records: rows.map((r, i) => ({ line: i + 2, raw: header.map((k) => r[k] ?? '') })) };
}

/** The imports of the four tables, in order, applied one after the other to `apply`'s workbook. */
export function importDemoCases(school: DemoSchool, read: () => WorkbookData, apply: (changes: WorkbookChange[]) => void, actor: Actor): void {
  const tables = demoCaseTables(school);
  for (const target of ['cases', 'actions', 'reviews', 'consents'] as const) {
    if (tables[target].length === 0) continue;
    const result = planCaseImport(read(), asTable(tables[target]), target, `demo-${target}.csv`, actor);
    if (result.rejects.length) throw new Error(`the demo's ${target} were refused: ${result.rejects.map((r) => r.reason).join('; ')}`);
    apply(result.changes);
  }
}
