// The case file's documents: each template committed as `npm run templates` makes it, asking only for what its model
// offers, rendered in both languages with no placeholder left and marked confidential; the pupil profile's case
// fields filled from the latest review and the plan, the rest left to write by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseTemplateBuilders, type CaseTemplateName } from '../../scripts/templates/cases';
import { sameDocx, TEMPLATES_DIR, templateFileName } from '../../scripts/templates';
import { CASE_DOCUMENTS, planCaseDocuments, type CaseDocument } from '../../src/app/cases-documents';
import { readCaseFile } from '../../src/domain/cases/case-file';
import { readRegistry } from '../../src/domain/registry/registry';
import { checkDocxTemplate, extractText, renderDocx } from '../../src/local/docx';
import { profileModel } from '../../src/reports/models/profile';
import { reportContext } from '../../src/reports/models/context';
import { currentPassport } from '../../src/app/build-passport';
import { caseBook, d, school } from '../domain/cases/fixture';

const TODAY = '2025-11-20';
const LANGS = ['kk', 'ru'] as const;

function documents(lang: 'kk' | 'ru', settings: Record<string, string> = {}): { docs: CaseDocument[]; pupils: string[] } {
  const { registry, pupils } = school(lang);
  const iin = pupils.map((p) => String(p.iin));
  const file = readCaseFile(caseBook({
    cases: [
      { case_id: 'C-001', iin: iin[0], identified_on: d('2025-11-15'), reason: 'attendance' },
      { case_id: 'C-002', iin: iin[1], identified_on: d('2025-09-05'), identified_by: 'Сынып жетекшісі', reason: 'attendance', opened_on: d('2025-09-15'), council_protocol: '1', curator: 'Сейітова А.Б.' },
      { case_id: 'C-003', iin: iin[3], identified_on: d('2025-09-01'), reason: 'health', opened_on: d('2025-09-05'), council_protocol: '1', curator: 'Омаров Б.', curator_order: '98', curator_order_date: d('2025-09-19'), closed_on: d('2025-11-05'), closure_reason: 'goals_met' },
    ],
    actions: [
      { case_id: 'C-002', action: 'SMS ата-анаға', area: 'attendance', provider: 'school', responsible: 'Сынып жетекшісі', due_on: d('2025-11-01') },
      { case_id: 'C-002', action: 'Емханаға жолдама', area: 'health', provider: 'Қалалық емхана', due_on: d('2025-10-01'), done_on: d('2025-10-02'), result: 'невропатолог қарады' },
      { case_id: 'C-003', action: 'Дәрігер кеңесі', area: 'health', provider: 'school', due_on: d('2025-09-20'), done_on: d('2025-09-18') },
    ],
    reviews: [
      { case_id: 'C-002', date: d('2025-10-10'), attendance_pct: 70, performance: 3, behaviour: 3, note: 'жақсаруда' },
      { case_id: 'C-002', date: d('2025-11-10'), attendance_pct: 85, performance: 4, behaviour: 4 },
      { case_id: 'C-003', date: d('2025-10-05'), attendance_pct: 80, performance: 3, behaviour: 4 },
      { case_id: 'C-003', date: d('2025-11-01'), attendance_pct: 96, performance: 4, behaviour: 5 },
    ],
    settings,
  }, lang));
  const plan = planCaseDocuments(file, readRegistry(registry), { lang, today: TODAY });
  return { docs: plan.documents, pupils: pupils.map((p) => String(p.full_name)) };
}

describe('the case templates', () => {
  it.each(Object.keys(caseTemplateBuilders).flatMap((name) => LANGS.map((lang) => [name, lang] as const)))('%s (%s) is what `npm run templates` makes, with no syntax problem', (name, lang) => {
    const path = join(TEMPLATES_DIR, templateFileName(name as CaseTemplateName, lang));
    expect(existsSync(path)).toBe(true);
    expect(sameDocx(readFileSync(path), caseTemplateBuilders[name as CaseTemplateName](lang))).toBe(true);
    expect(checkDocxTemplate(readFileSync(path))).toEqual([]);
  });
});

describe.each(LANGS)('the documents of a case file (%s)', (lang) => {
  const { docs, pupils } = documents(lang);

  it('makes each kind for the cases it is for', () => {
    expect(docs.map((d) => `${d.kind}:${d.caseId ?? '-'}`)).toEqual([
      'profile:C-001', 'protocol:C-002', 'plan:C-002', 'profile:C-002', 'summary:C-003', 'order:-', 'meeting:-',
    ]);
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(Object.keys(CASE_DOCUMENTS)));
  });

  it.each(Object.keys(CASE_DOCUMENTS))('%s: asks only for what its model offers, renders with no placeholder left, confidential', (kind) => {
    for (const doc of docs.filter((d) => d.kind === kind)) {
      const template = readFileSync(join(TEMPLATES_DIR, `${doc.template}.${lang}.docx`));
      expect(checkDocxTemplate(template, doc.model)).toEqual([]);
      const text = extractText(renderDocx(template, doc.model, { template: doc.template }));
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toMatch(lang === 'kk' ? /\[header\][^[]*Құпия/ : /\[header\][^[]*Конфиденциально/);
      expect(text).toMatch(/_______________/);
    }
  });

  it('fills the plan, the summary, the order and the meeting report from the case file', () => {
    const text = (kind: string) => {
      const doc = docs.find((d) => d.kind === kind)!;
      return extractText(renderDocx(readFileSync(join(TEMPLATES_DIR, `${doc.template}.${lang}.docx`)), doc.model, { template: doc.template }));
    };
    const plan = text('plan');
    expect(plan).toContain('SMS ата-анаға');
    expect(plan).toContain(pupils[1]);
    // An outside body and no consent: the plan says the child's data are not passed on.
    expect(plan).toContain(lang === 'kk' ? 'деректері сырттағы ұйымдарға берілмейді' : 'данные ребёнка сторонним организациям не передаются');
    const summary = text('summary');
    expect(summary).toContain(lang === 'kk' ? 'мақсаттарға қол жеткізілді' : 'цели достигнуты');
    expect(summary).toContain('80\u00a0% → 96\u00a0%');
    // The order names the open case whose curator no order has fixed, not the one already ordered.
    const order = text('order');
    expect(order).toContain('Сейітова А.Б.');
    expect(order).not.toContain('Омаров Б.');
    const meeting = text('meeting');
    expect(meeting).toContain('C-002');
    expect(meeting).toContain(lang === 'kk' ? 'шаралар мерзімі өтті' : 'просрочены мероприятия');
    expect(meeting).not.toContain('C-003');
    const protocol = text('protocol');
    expect(protocol).toContain(lang === 'kk' ? 'ҚАУЛЫ ЕТТІ' : 'ПОСТАНОВИЛИ');
    expect(protocol).toContain('25.09.2025'); // the plan due 10 days after the opening
  });

  it('fills the profile case fields from the latest review and the plan; the rest is written by hand', () => {
    const profile = docs.find((d) => d.kind === 'profile' && d.caseId === 'C-002')!.model.pupil as Record<string, string>;
    const from = lang === 'kk' ? '(10.11.2025 шолуы бойынша)' : '(по обзору от 10.11.2025)';
    expect(profile.attendance).toBe(`85\u00a0% ${from}`);
    expect(profile.behaviour).toBe(`4 ${from}`);
    expect(profile.performance).toBe(`4 ${from}`);
    expect(profile.health).toContain('Емханаға жолдама');
    expect(profile.reason).toContain('C-002');
    // Not in the case file: relations in class, the housing act (no inspections register yet), the characteristic.
    expect([profile.relations, profile.housing_act, profile.characteristic]).toEqual(['', '', '']);
    // A case without a review: the three measures stay empty, as a profile made from the registry alone.
    const bare = docs.find((d) => d.kind === 'profile' && d.caseId === 'C-001')!.model.pupil as Record<string, string>;
    expect([bare.attendance, bare.behaviour, bare.performance, bare.health]).toEqual(['', '', '', '']);
  });
});

it('the registry profile without a case is as it was: its seven case fields empty', () => {
  const { registry } = school();
  const reg = readRegistry(registry);
  const ctx = reportContext(reg, currentPassport(reg), { today: TODAY });
  const pupil = profileModel(ctx, reg.pupils[0]).pupil;
  expect([pupil.attendance, pupil.behaviour, pupil.performance, pupil.health, pupil.relations, pupil.housing_act, pupil.characteristic]).toEqual(['', '', '', '', '', '', '']);
});
