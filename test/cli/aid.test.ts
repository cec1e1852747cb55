// `qamqor aid` and `qamqor plan` end to end on .xlsx files: the demo school's aid register and half-done plan, the
// annual report's aid table read back from the .docx and compared with `qamqor aid --json`, the new documents in both
// languages with no placeholder left, and a register filled from CSV (`import --into aid|plan`).
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoAidChanges } from '../../src/app/aid-demo';
import { demoPlanChanges, demoPlanDay } from '../../src/app/plan-demo';
import { AidSummary, defaultAidKinds } from '../../src/domain/registers/aid';
import { PlanReport } from '../../src/domain/registers/plan';
import { readRegistry } from '../../src/domain/registry/registry';
import { extractText } from '../../src/local/docx';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { demoXlsx } from '../support/demo-registry';
import { cliRunner } from '../support/cli';

const run = cliRunner(new Date('2026-06-10T09:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'qamqor-aid-'));

function docxFiles(root: string): string[] {
  return readdirSync(root).flatMap((f) => {
    const p = join(root, f);
    return statSync(p).isDirectory() ? docxFiles(p) : p.endsWith('.docx') ? [p] : [];
  });
}

/** «4 571 260 ₸» → 4571260. */
const number = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe.each(['kk', 'ru'] as const)('the demo school (%s)', (lang) => {
  const book = join(dir, `demo-${lang}.xlsx`);
  beforeAll(async () => {
    await demoXlsx(book, { language: lang, pupils: 400 }, (wb) => {
      wb.apply(demoAidChanges(readRegistry(wb.read())));
      wb.apply(demoPlanChanges(readRegistry(wb.read())));
    });
  }, 60_000);

  it('qamqor aid --json is DESIGN.md’s shape, every kind of the catalogue present', async () => {
    const r = await run('aid', book, '--json');
    expect(r.code).toBe(0);
    const summary = AidSummary.strict().parse(JSON.parse(r.out));
    expect(Object.keys(summary.kinds)).toEqual(defaultAidKinds.map((k) => k.code));
    expect(summary.total.records).toBeGreaterThan(100);
    for (const code of ['school_road', 'fund_cash', 'meals_fund', 'meals_tenant', 'gift', 'camp']) expect(summary.kinds[code]!.records).toBeGreaterThan(0);
    expect(Object.values(summary.sources).reduce((a, b) => a + b, 0)).toBe(summary.total.amount);
  });

  it('the annual report’s aid table says exactly what qamqor aid says', async () => {
    const summary = AidSummary.parse(JSON.parse((await run('aid', book, '--json')).out));
    const out = join(dir, `reports-${lang}`);
    const r = await run('reports', book, '--out', out, '--only', 'annual-report,school-passport', '--draft');
    expect(r.code).toBe(0);
    const texts = docxFiles(out).map((f) => extractText(readFileSync(f)));
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      const lines = text.split('\n');
      for (const k of defaultAidKinds) {
        const label = k[lang].charAt(0).toUpperCase() + k[lang].slice(1);
        const row = lines.find((l) => l.startsWith(`${label}\t`));
        expect(row).toBeDefined();
        const cells = row!.split('\t');
        const f = summary.kinds[k.code]!;
        // Annual report: kind, pupils, amount; school passport: kind, pupils, records, amount.
        expect(number(cells[1]!)).toBe(f.pupils);
        expect(number(cells[cells.length - 1]!)).toBe(f.amount);
        if (cells.length === 4) expect(number(cells[2]!)).toBe(f.records);
      }
      const total = lines.find((l) => /^(Барлығы|Всего)\t/.test(l) && l.includes('₸'))!;
      expect(number(total.split('\t')[1]!)).toBe(summary.total.pupils);
      expect(number(total.split('\t').at(-1)!)).toBe(summary.total.amount);
    }
  }, 60_000);

  it('writes the «Мектепке жол» report, the Resolution No. 64 payments and the plan, no placeholder left', async () => {
    const out = join(dir, `aid-docs-${lang}`);
    const r = await run('reports', book, '--out', out, '--only', 'aid,plan', '--draft');
    expect(r.code).toBe(0);
    const files = docxFiles(out);
    expect(files).toHaveLength(3);
    const summary = AidSummary.parse(JSON.parse((await run('aid', book, '--json')).out));
    for (const f of files) {
      const text = extractText(readFileSync(f));
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toMatch(lang === 'kk' ? /БЕКІТЕМІН/ : /УТВЕРЖДАЮ/);
      expect(text).toMatch(/_______________/);
    }
    const payments = extractText(readFileSync(files.find((f) => /64/.test(f))!));
    // Every fund_cash payment is a row with the parent who receives it.
    const rows = payments.split('\n').filter((l) => /^\d+\t/.test(l) && l.includes('₸'));
    expect(rows).toHaveLength(summary.kinds.fund_cash!.records);
    expect(rows.reduce((n, l) => n + number(l.split('\t')[6]!), 0)).toBe(summary.kinds.fund_cash!.amount);
    const plan = extractText(readFileSync(files.find((f) => /план|жоспар/i.test(f))!));
    expect(plan).toMatch(lang === 'kk' ? /Сыныптарға, мектепке әлеуметтік паспорттауды жүргізу/ : /Социальная паспортизация классов и школы/);
  }, 60_000);

  it('qamqor plan on the demo’s day: half done, some overdue, `all` due this month', async () => {
    const registry = readRegistry((await XlsxWorkbook.open(book)).read());
    const r = await run('plan', book, '--today', demoPlanDay(registry), '--json');
    expect(r.code).toBe(0);
    const plan = PlanReport.strict().parse(JSON.parse(r.out));
    expect(plan.items).toHaveLength(61);
    expect(plan.done).toBeGreaterThan(5);
    expect(plan.overdue).toBeGreaterThan(0);
    expect(plan.due).toBeGreaterThan(0);
    expect(plan.items.filter((i) => i.months.length === 9).every((i) => i.status !== 'overdue')).toBe(true);
    const text = await run('plan', book, '--today', demoPlanDay(registry));
    expect(text.out).toMatch(lang === 'kk' ? /мерзімі өтті \(\d+\):/ : /просрочено \(\d+\):/);
  });
});

describe('a register filled from CSV', () => {
  const book = join(dir, 'csv.xlsx');
  let iins: string[] = [];
  beforeAll(async () => {
    const school = await demoXlsx(book, { language: 'ru', pupils: 60, mistakes: false });
    iins = school.pupils.slice(0, 3).map((p) => p.iin);
  }, 60_000);

  it('imports aid rows, refuses an unknown kind and a date outside the year, and sums what it took', async () => {
    const csv = join(dir, 'aid.csv');
    writeFileSync(
      csv,
      [
        'date,iin,kind,amount,items,source,basis',
        `2025-09-02,${iins[0]},school_road,15000,рюкзак,ТОО «Береке»,заявление`,
        `05.09.2025,${iins[1]},акция «Дорога в школу»,20000,форма,ТОО «Береке»,заявление`,
        `2025-10-15,${iins[0]},fund_cash,46228,,Фонд всеобуча,протокол №2`,
        `2025-12-25,${iins[2]},gift,,подарок,Арендатор столовой,`,
        `2025-11-01,${iins[2]},bicycle,5000,,Фонд всеобуча,`,
        `2024-09-02,${iins[2]},school_road,7000,,ТОО «Береке»,`,
      ].join('\n'),
    );
    const imported = await run('import', book, csv, '--into', 'aid');
    expect(imported.code).toBe(1);
    expect(imported.out + imported.err).toMatch(/bicycle/);
    const r = await run('aid', book, '--json');
    const summary = AidSummary.parse(JSON.parse(r.out));
    expect(summary.kinds.school_road).toEqual({ pupils: 2, records: 2, amount: 35000 });
    expect(summary.kinds.fund_cash).toEqual({ pupils: 1, records: 1, amount: 46228 });
    expect(summary.kinds.gift).toEqual({ pupils: 1, records: 1, amount: 0 });
    expect(summary.total).toEqual({ pupils: 3, records: 4, amount: 81228 });
    expect(summary.sources).toEqual({ 'ТОО «Береке»': 35000, 'Фонд всеобуча': 46228, 'Арендатор столовой': 0 });
    const table = await run('aid', book);
    expect(table.out).toMatch(/Всего\s+3\s+4\s+81\s228/);
  });

  it('imports plan rows: a two-month item is due in its second month', async () => {
    const csv = join(dir, 'plan.csv');
    writeFileSync(csv, ['activity,direction,months,responsible,done_on', 'Рейд «Подросток»,III,10-11,Социальный педагог,', 'Неделя права,II,13,Социальный педагог,'].join('\n'));
    const imported = await run('import', book, csv, '--into', 'plan');
    expect(imported.code).toBe(1);
    const plan = PlanReport.parse(JSON.parse((await run('plan', book, '--today', '2025-11-05', '--json')).out));
    const raid = plan.items.find((i) => i.activity === 'Рейд «Подросток»')!;
    expect(raid).toMatchObject({ direction: 'III', months: ['10', '11'], status: 'due', doneOn: null });
    expect(plan.items.some((i) => i.activity === 'Неделя права')).toBe(false);
    expect(PlanReport.parse(JSON.parse((await run('plan', book, '--today', '2025-12-01', '--json')).out)).items.find((i) => i.activity === 'Рейд «Подросток»')!.status).toBe('overdue');
  });
});
