// The aid register on hand-made tabs: DESIGN.md's JSON (every catalogue code, zeros included; distinct pupils; sums by
// source as written), records outside the school year ignored, kinds by code or name, a school's own kind, and the
// validation code `unknown_aid_kind`.
import { AidSummary, aidSummary, defaultAidKinds } from '../../../src/domain/registers/aid';
import { readRegistry } from '../../../src/domain/registry/registry';
import type { Cell, WorkbookData } from '../../../src/domain/sheet';
import { tabSpec, type Lang } from '../../../src/domain/template';
import { validateRegistry } from '../../../src/domain/registry/validate';
import { book, pupil, tab } from '../../support/workbook';

const a = pupil(5);
const b = pupil(5, {}, 'F');
const c = pupil(7);

function aidTab(lang: Lang, rows: Record<string, Cell>[]) {
  const spec = tabSpec('aid');
  return tab(spec.title[lang], [spec.columns.map((col) => col.header[lang]), ...rows.map((r) => spec.columns.map((col) => r[col.key] ?? null))], 'aid');
}

function kindsTab(lang: Lang, extra: [string, string, string][] = []) {
  const spec = tabSpec('aid_kinds');
  const rows: Cell[][] = [spec.columns.map((col) => col.header[lang]), ...defaultAidKinds.map((k) => [k.code, k.kk, k.ru]), ...extra];
  return tab(spec.title[lang], rows, 'aid_kinds');
}

function registry(lang: Lang, rows: Record<string, Cell>[], extraKinds: [string, string, string][] = []) {
  const data: WorkbookData = book(lang, { '5А': [a, b], '7Б': [c] });
  data.tabs.push(aidTab(lang, rows), kindsTab(lang, extraKinds));
  return readRegistry(data);
}

const rows: Record<string, Cell>[] = [
  { date: '2025-09-02', iin: a.iin, kind: 'school_road', amount: 15000, items: 'рюкзак, дәптерлер', source: 'Демеуші «Береке» ЖШС', basis: 'өтініш' },
  { date: '05.09.2025', iin: b.iin, kind: 'school_road', amount: '20000', source: 'Демеуші «Береке» ЖШС' },
  // The same pupil twice in one kind: two records, one pupil.
  { date: '2025-10-10', iin: a.iin, kind: 'fund_cash', amount: 46228, source: 'ЖББҚ', basis: 'Қамқоршылық кеңесінің хаттамасы №2' },
  { date: '2026-03-10', iin: a.iin, kind: 'fund_cash', amount: 46228, source: 'ЖББҚ' },
  // Things without an amount, the kind by its Russian name.
  { date: '2025-12-25', iin: c.iin, kind: 'праздничные подарки («Забота», Новый год)', items: 'тәтті сыйлық', source: 'Асхана арендаторы' },
  // A summer camp in July counts for the school year that ended in May (the register's window runs to 31 August).
  { date: '2026-07-01', iin: b.iin, kind: 'camp', amount: 30000, source: 'ЖББҚ' },
  // Outside the school year: ignored.
  { date: '2025-08-20', iin: c.iin, kind: 'school_road', amount: 99999, source: 'Демеуші «Береке» ЖШС' },
  { date: '2026-09-01', iin: c.iin, kind: 'food', amount: 88888, source: 'ЖББҚ' },
  // An unknown kind: counted nowhere, reported.
  { date: '2025-11-11', iin: c.iin, kind: 'velosiped', amount: 77777, source: 'ЖББҚ' },
];

describe('qamqor aid --json, on a hand-made register', () => {
  const summary = aidSummary(registry('kk', rows));

  it('has exactly the shape of DESIGN.md', () => {
    expect(() => AidSummary.strict().parse(summary)).not.toThrow();
    expect(Object.keys(summary)).toEqual(['schoolYear', 'kinds', 'total', 'sources']);
    expect(summary.schoolYear).toBe('2025-2026');
  });

  it('lists every code of the catalogue, zeros included, in catalogue order', () => {
    expect(Object.keys(summary.kinds)).toEqual(defaultAidKinds.map((k) => k.code));
    expect(summary.kinds.textbooks).toEqual({ pupils: 0, records: 0, amount: 0 });
    expect(summary.kinds.food).toEqual({ pupils: 0, records: 0, amount: 0 });
  });

  it('counts distinct pupils, records and whole tenge per kind, only within the school year', () => {
    expect(summary.kinds.school_road).toEqual({ pupils: 2, records: 2, amount: 35000 });
    expect(summary.kinds.fund_cash).toEqual({ pupils: 1, records: 2, amount: 92456 });
    expect(summary.kinds.gift).toEqual({ pupils: 1, records: 1, amount: 0 });
    expect(summary.kinds.camp).toEqual({ pupils: 1, records: 1, amount: 30000 });
    expect(summary.total).toEqual({ pupils: 3, records: 6, amount: 35000 + 92456 + 30000 });
  });

  it('sums the amount by source as written', () => {
    expect(summary.sources).toEqual({ 'Демеуші «Береке» ЖШС': 35000, 'ЖББҚ': 92456 + 30000, 'Асхана арендаторы': 0 });
  });

  it('is the same in a Russian workbook', () => {
    expect(aidSummary(registry('ru', rows))).toEqual(summary);
  });

  it('takes a kind the school added to its catalogue', () => {
    const own = aidSummary(registry('kk', [...rows, { date: '2026-01-15', iin: b.iin, kind: 'Велосипед', amount: 50000, source: 'Әкімдік' }], [['bicycle', 'Велосипед', 'Велосипед']]));
    expect(own.kinds.bicycle).toEqual({ pupils: 1, records: 1, amount: 50000 });
    expect(Object.keys(own.kinds).at(-1)).toBe('bicycle');
  });

  it('validation names the unknown kind and the dates outside the year', () => {
    const issues = validateRegistry(registry('kk', rows), new Date('2026-05-01T00:00:00Z'));
    const aidIssues = issues.filter((i) => i.tab === tabSpec('aid').title.kk);
    expect(aidIssues.filter((i) => i.code === 'unknown_aid_kind').map((i) => [i.row, i.column])).toEqual([[10, 'kind']]);
    expect(aidIssues.find((i) => i.code === 'unknown_aid_kind')!.message).toMatch(/velosiped/);
    expect(aidIssues.filter((i) => i.code === 'date_outside_year').map((i) => i.row).sort()).toEqual([8, 9]);
  });

  it('a workbook without an aid tab sums to zeros over the default catalogue', () => {
    const empty = aidSummary(readRegistry(book('kk', { '5А': [pupil(5)] })));
    expect(empty.total).toEqual({ pupils: 0, records: 0, amount: 0 });
    expect(Object.keys(empty.kinds)).toHaveLength(10);
    expect(empty.sources).toEqual({});
  });
});
