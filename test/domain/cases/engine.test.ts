// The case engine on hand-made case files: a stage for every case from what is filled in, every overdue kind on its
// day, the next review, consent in force, and DESIGN.md's JSON exactly; validation codes with their place and words.
import { registryLookup } from '../../../src/app/cases';
import { readCaseFile } from '../../../src/domain/cases/case-file';
import { consentOn } from '../../../src/domain/cases/consent';
import { addDays } from '../../../src/domain/cases/deadlines';
import { validateCaseFile } from '../../../src/domain/cases/validate-cases';
import { casesReport, CasesReport } from '../../../src/domain/cases/view';
import { readRegistry } from '../../../src/domain/registry/registry';
import { caseBook, d, school } from './fixture';

const TODAY = '2025-11-20';

function fixture() {
  const { registry, pupils } = school();
  const [p1, p2, p3, p4, p5, p6] = pupils.map((p) => String(p.iin));
  const rows = {
    cases: [
      { case_id: 'C-001', iin: p1, identified_on: d('2025-11-15'), identified_by: 'Сынып жетекшісі', reason: 'attendance' },
      { case_id: 'C-002', iin: p2, identified_on: d('2025-10-01'), reason: 'behaviour' },
      { case_id: 'C-003', iin: p3, identified_on: d('2025-10-25'), reason: 'performance', opened_on: d('2025-11-01'), council_protocol: '3', curator: 'Сейітова А.' },
      { case_id: 'C-004', iin: p4, identified_on: d('2025-09-20'), reason: 'family', opened_on: d('2025-10-01'), curator: 'Омаров Б.' },
      { case_id: 'C-005', iin: p5, identified_on: d('2025-09-05'), reason: 'attendance', opened_on: d('2025-09-15'), curator: 'Сейітова А.' },
      { case_id: 'C-006', iin: p6, identified_on: d('2025-09-01'), reason: 'health', opened_on: d('2025-09-05'), closed_on: d('2025-11-05'), closure_reason: 'goals_met' },
      // Closed, then reopened: open again, its review counted from the reopening.
      { case_id: 'C-007', iin: p1, identified_on: d('2025-09-01'), reason: 'other', opened_on: d('2025-09-03'), closed_on: d('2025-10-01'), closure_reason: 'moved', reopened_on: d('2025-10-20'), curator: 'Омаров Б.' },
    ],
    actions: [
      { case_id: 'C-004', action: 'Отбасына бару', area: 'family', provider: 'school', responsible: 'Омаров Б.', due_on: d('2025-10-10'), done_on: d('2025-10-09') },
      { case_id: 'C-004', action: 'Қосымша сабақтар', area: 'performance', provider: 'school', due_on: d('2025-11-30') },
      { case_id: 'C-005', action: 'SMS ата-анаға', area: 'attendance', provider: 'school', due_on: d('2025-11-01') },
      { case_id: 'C-005', action: 'Емханаға жолдама', area: 'health', provider: 'Қалалық емхана', due_on: d('2025-12-05') },
    ],
    reviews: [
      { case_id: 'C-005', date: d('2025-10-10'), attendance_pct: 70, performance: 3, behaviour: 3, note: 'жақсаруда' },
      { case_id: 'C-005', date: d('2025-11-10'), attendance_pct: 85, performance: 3, behaviour: 4 },
      { case_id: 'C-006', date: d('2025-10-05'), attendance_pct: 95, performance: 4, behaviour: 5 },
    ],
    consents: [
      { iin: p5, representative: 'Қасымова Гүлнар', relation: 'анасы', given_on: d('2025-09-16'), purposes: 'емхана, ПМПК' },
      { iin: p4, representative: 'Иванова Мария', relation: 'мать', given_on: d('2025-09-01'), withdrawn_on: d('2025-10-15') },
    ],
  };
  return { file: readCaseFile(caseBook(rows)), registry: readRegistry(registry), pupils, rows };
}

describe('stages, deadlines, consent: `qamqor cases --json`', () => {
  const { file, registry, pupils } = fixture();
  const { lookup } = registryLookup(registry);
  const report = casesReport(file, TODAY, lookup);
  const byId = Object.fromEntries(report.cases.map((c) => [c.id, c]));

  it('has exactly the shape of DESIGN.md', () => {
    expect(CasesReport.strict().safeParse(report).success).toBe(true);
    expect(Object.keys(report)).toEqual(['today', 'open', 'closed', 'overdue', 'cases']);
    expect(Object.keys(report.cases[0])).toEqual(['id', 'iin', 'full_name', 'class', 'stage', 'curator', 'overdue', 'nextReview', 'consent']);
    expect(report.today).toBe(TODAY);
  });

  it('derives every stage from what is filled in', () => {
    expect(report.cases.map((c) => [c.id, c.stage])).toEqual([
      ['C-001', 'identified'], ['C-002', 'identified'], ['C-003', 'opened'], ['C-004', 'plan'], ['C-005', 'monitoring'], ['C-006', 'closed'], ['C-007', 'opened'],
    ]);
    expect([report.open, report.closed]).toEqual([6, 1]);
  });

  it('counts every overdue kind on its day, and nothing before it', () => {
    expect(byId['C-001'].overdue).toEqual([]); // identified 15.11: opening due 25.11
    expect(byId['C-002'].overdue).toEqual(['opening']); // due 11.10
    expect(byId['C-003'].overdue).toEqual(['plan']); // opened 01.11, no action by 11.11
    expect(byId['C-004'].overdue).toEqual(['review']); // opened 01.10, no review by 31.10; an action due 30.11 is not late
    expect(byId['C-005'].overdue).toEqual(['actions']); // SMS due 01.11 not done
    expect(byId['C-006'].overdue).toEqual([]); // closed
    expect(byId['C-007'].overdue).toEqual(['plan', 'review']); // reopened 20.10: review due 19.11
    expect(report.overdue).toBe(5);
    const tomorrow = casesReport(file, '2025-11-26', lookup);
    expect(tomorrow.cases.find((c) => c.id === 'C-001')!.overdue).toEqual(['opening']);
    const earlier = casesReport(file, '2025-11-11', lookup);
    expect(earlier.cases.find((c) => c.id === 'C-003')!.overdue).toEqual([]); // the 10th day itself is in time
  });

  it('gives the next review from the latest review, else the opening; none before opening or after closing', () => {
    expect(byId['C-001'].nextReview).toBeNull();
    expect(byId['C-003'].nextReview).toBe('2025-12-01');
    expect(byId['C-004'].nextReview).toBe('2025-10-31');
    expect(byId['C-005'].nextReview).toBe('2025-12-10');
    expect(byId['C-006'].nextReview).toBeNull();
    expect(byId['C-007'].nextReview).toBe(addDays('2025-10-20', 30));
  });

  it('takes name and class from the registry by IIN, the curator from the case', () => {
    expect(byId['C-001']).toMatchObject({ full_name: 'Әбенов Нұрлан Серікұлы', class: '7А', iin: pupils[0].iin, curator: null });
    expect(byId['C-005']).toMatchObject({ full_name: 'Қасымова Дана', class: '5Б', curator: 'Сейітова А.' });
    const without = casesReport(file, TODAY);
    expect(without.cases[0]).toMatchObject({ full_name: null, class: null });
  });

  it('says whether a consent is in force today: given, not withdrawn', () => {
    expect(byId['C-005'].consent).toBe(true);
    expect(byId['C-004'].consent).toBe(false); // withdrawn 15.10
    expect(consentOn(file.consents, String(pupils[3].iin), '2025-10-01')?.representative).toBe('Иванова Мария');
    expect(consentOn(file.consents, String(pupils[4].iin), '2025-09-15')).toBeNull(); // given the day after
  });

  it('deadlines are settings: a school that opens within 20 days has no opening overdue on 20.11', () => {
    const { rows } = fixture();
    const wider = readCaseFile(caseBook({ ...rows, settings: { opening_days: '60' } }));
    expect(casesReport(wider, TODAY).cases.find((c) => c.id === 'C-002')!.overdue).toEqual([]);
  });
});

describe('validation of the case file', () => {
  it('is clean on a file without mistakes (only the consent warning it really has)', () => {
    const { file, registry } = fixture();
    const issues = validateCaseFile(file, { today: TODAY, knownIins: registryLookup(registry).known });
    expect(issues.map((i) => i.code)).toEqual([]);
  });

  it('names each mistake with its code, tab, row and column, in the file language', () => {
    const { registry, pupils, rows } = fixture();
    const stranger = '061211600012'; // valid, but not a pupil of this school
    const bad = {
      ...rows,
      cases: [
        ...rows.cases,
        { case_id: 'C-008', iin: String(pupils[1].iin), identified_on: d('2025-09-01'), reason: 'behaviour', opened_on: d('2025-09-02'), closed_on: d('2025-10-01') },
        { case_id: 'C-009', iin: stranger, identified_on: d('2025-11-01'), reason: 'family' },
        { case_id: 'C-001', iin: String(pupils[2].iin), identified_on: 'ертең', reason: 'лень' },
      ],
      actions: [
        ...rows.actions,
        { case_id: 'C-099', action: 'Жоқ іс', provider: 'school' },
        { case_id: 'C-004', action: 'ПДН инспекторымен әңгіме', area: 'behaviour', provider: 'Ювеналдық полиция', due_on: d('2025-11-25') },
        { case_id: 'C-003', action: '=HYPERLINK("http://x")', provider: 'school' },
      ],
      reviews: [...rows.reviews, { case_id: 'C-005', date: d('2025-11-15'), attendance_pct: 140, performance: 7, behaviour: 3 }],
    };
    const file = readCaseFile(caseBook(bad));
    const issues = validateCaseFile(file, { today: TODAY, knownIins: registryLookup(registry).known });
    const codes = issues.map((i) => `${i.code}:${i.row}:${i.column}`);
    expect(codes).toEqual(expect.arrayContaining([
      'closure_reason_missing:9:closure_reason',
      'unknown_pupil:10:iin',
      'duplicate_case:2:case_id',
      'duplicate_case:11:case_id',
      'invalid_date:11:identified_on',
      'invalid_value:11:reason',
      'unknown_case:6:case_id',
      'consent_missing:7:provider',
      'formula_in_cell:8:action',
      'invalid_value:5:attendance_pct',
      'invalid_value:5:performance',
    ]));
    const byCode = (code: string) => issues.find((i) => i.code === code)!;
    expect(byCode('closure_reason_missing')).toMatchObject({ severity: 'error', tab: 'Істер', case_id: 'C-008' });
    expect(byCode('closure_reason_missing').message).toBe('«Істер», 9-жол, «Жабылу себебі» бағаны: іс жабылған, бірақ жабылу себебі жазылмаған');
    expect(byCode('unknown_case').message).toBe('«Қолдау жоспары», 6-жол, «Іс №» бағаны: «C-099» ісі «Істер» парағында жоқ');
    expect(byCode('unknown_pupil')).toMatchObject({ severity: 'error', iin: stranger });
    expect(byCode('consent_missing')).toMatchObject({ severity: 'warning', case_id: 'C-004' });
    expect(byCode('consent_missing').message).toContain('25.11.2025');
    // Without a registry nobody is unknown.
    expect(validateCaseFile(file, { today: TODAY }).some((i) => i.code === 'unknown_pupil')).toBe(false);
  });

  it('speaks Russian in a Russian case file', () => {
    const { rows } = fixture();
    const file = readCaseFile(caseBook({ ...rows, cases: [...rows.cases, { case_id: 'C-010', iin: rows.cases[0].iin, identified_on: d('2025-09-01'), reason: 'other', closed_on: d('2025-10-01') }] }, 'ru'));
    const issue = validateCaseFile(file, { today: TODAY }).find((i) => i.code === 'closure_reason_missing')!;
    expect(issue.message).toBe('«Дела», строка 9, столбец «Причина закрытия»: дело закрыто, но не указана причина закрытия');
  });

  it('an outside body with a consent in force on the action day raises nothing; a consent withdrawn before it does', () => {
    const { rows } = fixture();
    const file = readCaseFile(caseBook({ ...rows, actions: [...rows.actions, { case_id: 'C-004', action: 'Жолдама', provider: 'ПМПК', done_on: d('2025-10-10') }] }));
    // C-004's consent ran 01.09–15.10: an action done 10.10 is covered.
    expect(validateCaseFile(file, { today: TODAY }).filter((i) => i.code === 'consent_missing')).toEqual([]);
    const late = readCaseFile(caseBook({ ...rows, actions: [...rows.actions, { case_id: 'C-004', action: 'Жолдама', provider: 'ПМПК', done_on: d('2025-10-20') }] }));
    expect(validateCaseFile(late, { today: TODAY }).filter((i) => i.code === 'consent_missing')).toHaveLength(1);
  });
});
