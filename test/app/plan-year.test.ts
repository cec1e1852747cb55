// The annual plan at a new school year (the plan's entry of the registers' new-year hook): last year's plan goes to the
// register archive with its done dates, every cell; the plan tab keeps the school's own activities, done marks cleared;
// an empty plan gets the default plan of seed 002. Through the whole new-year use case, on a set-up workbook.
import { currentPassport } from '../../src/app/build-passport';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planNewYear } from '../../src/app/new-year';
import { planSetup } from '../../src/app/setup';
import { defaultPlan, planReport, readPlan } from '../../src/domain/registers/plan';
import { readRegistry } from '../../src/domain/registry/registry';
import { tabSpec } from '../../src/domain/template';
import { book, pupil } from '../support/workbook';

const today = new Date('2026-05-31T00:00:00Z');

function setUp(): MemoryWorkbook {
  const wb = new MemoryWorkbook(book('kk', { '5А': [pupil(5)], '11А': [pupil(11)] }));
  wb.apply(planSetup(wb.read(), { lang: 'kk' }).changes);
  return wb;
}

function markDone(wb: MemoryWorkbook, rows: Record<number, string>): void {
  const registry = readRegistry(wb.read());
  const { table } = readPlan(registry);
  const col = table.map!.columns.get('done_on')!;
  wb.apply(Object.entries(rows).map(([row, date]) => ({ kind: 'writeCells' as const, tab: { id: table.tab!.id }, row: Number(row) - 1, col, values: [[new Date(`${date}T00:00:00Z`)]] })));
}

describe('the plan at a new school year', () => {
  it('archives last year’s plan with its done dates and keeps the activities for the new year, undone', () => {
    const wb = setUp();
    // The school edits its plan: one activity of its own at the end.
    const plan = readRegistry(wb.read()).tabs.plan!;
    wb.apply([{ kind: 'appendRows', tab: { id: plan.id }, values: [['«Жасыл мектеп» акциясы', 'V', '04', 'Әлеуметтік педагог', null]] }]);
    markDone(wb, { 2: '2025-09-05', 3: '2025-09-15', 63: '2026-04-22' });
    const before = readRegistry(wb.read());
    expect(planReport(before, '2026-05-31').done).toBe(3);

    wb.apply(planNewYear(before, currentPassport(before), today).changes);
    const after = readRegistry(wb.read());
    expect(after.settings.schoolYear?.name).toBe('2026-2027');
    const next = planReport(after, '2026-09-10');
    expect(next.items).toHaveLength(62);
    expect(next.done).toBe(0);
    expect(next.items.at(-1)).toMatchObject({ activity: '«Жасыл мектеп» акциясы', direction: 'V', months: ['04'], status: 'later' });
    // Every activity of last year in the register archive, its done date in the date column and in the row's text.
    const archive = wb.read().tabs.find((t) => t.key === 'register_archive')!;
    const rows = archive.rows.slice(1).filter((r) => r.some((c) => c !== null && c !== ''));
    expect(rows).toHaveLength(62);
    expect(rows.every((r) => r[0] === '2025-2026' && r[1] === tabSpec('plan').title.kk)).toBe(true);
    const done = rows.filter((r) => r[2] instanceof Date);
    expect(done.map((r) => (r[2] as Date).toISOString().slice(0, 10))).toEqual(['2025-09-05', '2025-09-15', '2026-04-22']);
    expect(String(done[2]![4])).toContain('«Жасыл мектеп» акциясы');
  });

  it('lays out the default plan in a plan tab left empty', () => {
    const wb = setUp();
    const registry = readRegistry(wb.read());
    const { table } = readPlan(registry);
    const blank = table.rows.map(() => new Array(5).fill(null));
    wb.apply([{ kind: 'writeCells', tab: { id: table.tab!.id }, row: 1, col: 0, values: blank }]);
    const empty = readRegistry(wb.read());
    expect(readPlan(empty).rows.filter((r) => r.activity)).toHaveLength(0);
    wb.apply(planNewYear(empty, currentPassport(empty), today).changes);
    const after = readRegistry(wb.read());
    expect(planReport(after, '2026-09-10').items.map((i) => i.activity)).toEqual(defaultPlan.map((a) => a.activity.kk));
  });
});
