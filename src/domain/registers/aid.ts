// The aid register: one row per help given to one pupil, its kinds from the school's aid catalogue (the aid_kinds
// tab, DOMAIN.md's ten by default), and the year's sums by kind and by source that `qamqor aid --json` prints.
import * as z from 'zod';
import { cellText, fold } from '../cells';
import type { Registry } from '../registry/registry';
import type { SchoolYear } from '../school-year';
import { cellAt, dataRows, mapTable, type TableMap } from '../table';
import { tabSpec } from '../template';
import { issueMessages } from '../i18n';
import { dateOf, readRegister, registerYear, textOf, type RegisterDefinition, type RegisterRow, type RegisterTable } from './read';

export const AidKind = z.object({
  code: z.string().regex(/^[a-z0-9_]+$/, 'aid kind codes are lower-case latin letters, digits and _'),
  kk: z.string().min(1),
  ru: z.string().min(1),
});
export type AidKind = z.infer<typeof AidKind>;

/** DOMAIN.md's aid catalogue: the starter rows of the aid_kinds tab, so that one place holds it. */
export const defaultAidKinds: AidKind[] = tabSpec('aid_kinds').starterRows.map((r) =>
  AidKind.parse({ code: r.code, kk: r.label_kk, ru: r.label_ru }),
);

/** The kinds the annual report names by code (a school's own kinds are summed, listed and printed all the same). */
export const AID = {
  road: 'school_road',
  fundCash: 'fund_cash',
  fundMaterial: 'fund_material',
  food: 'food',
  mealsFund: 'meals_fund',
  mealsTenant: 'meals_tenant',
  sponsor: 'sponsor',
  gift: 'gift',
  camp: 'camp',
  textbooks: 'textbooks',
} as const;

export interface AidKindProblem {
  row: number;
  column: string;
  /** What is wrong: a code that is no code, a label missing, a code twice. */
  value: string;
}

/** The school's aid catalogue: its aid_kinds tab, else the defaults. A bad row is reported, not guessed. */
export function readAidKinds(registry: Pick<Registry, 'tabs'>): { kinds: AidKind[]; problems: AidKindProblem[] } {
  const tab = registry.tabs.aid_kinds;
  if (!tab) return { kinds: defaultAidKinds, problems: [] };
  let map: TableMap;
  try {
    map = mapTable(tab, tabSpec('aid_kinds').columns);
  } catch {
    // A catalogue whose header does not read: the register is still read against the defaults (validation of the
    // header is the layout's, reported by set-up and repaired by it).
    return { kinds: defaultAidKinds, problems: [] };
  }
  const kinds: AidKind[] = [];
  const problems: AidKindProblem[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of dataRows(tab, map)) {
    const text = (key: string) => cellText(cellAt(cells, map, key));
    const parsed = AidKind.safeParse({ code: text('code').toLowerCase(), kk: text('label_kk'), ru: text('label_ru') });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = issue.path[0] === 'kk' ? 'label_kk' : issue.path[0] === 'ru' ? 'label_ru' : 'code';
      problems.push({ row, column, value: text('code') || '?' });
    } else if (seen.has(parsed.data.code)) {
      problems.push({ row, column: 'code', value: `${parsed.data.code} ×2` });
    } else {
      seen.add(parsed.data.code);
      kinds.push(parsed.data);
    }
  }
  return { kinds, problems };
}

/** An aid kind by its code or its name in either language, as a person types it. */
export function aidKindFinder(kinds: readonly AidKind[]): (text: string) => AidKind | undefined {
  const byName = new Map<string, AidKind>();
  for (const k of kinds) for (const name of [k.code, k.kk, k.ru]) byName.set(fold(name), k);
  return (text) => byName.get(fold(text));
}

export interface AidRecord {
  /** 1-based sheet row of the aid tab. */
  row: number;
  /** YYYY-MM-DD, or null when the date does not read. */
  date: string | null;
  /** 12 digits, or null when the IIN does not read. */
  iin: string | null;
  fullName: string;
  /** The catalogue's code, or null when the kind names none (then `kindText` is what was written). */
  kind: string | null;
  kindText: string;
  /** Whole tenge; null when empty (things, meals) or unreadable. */
  amount: number | null;
  items: string;
  source: string;
  basis: string;
  /** The register's row as read, with its per-cell problems. */
  read: RegisterRow;
}

export interface AidRegister {
  table: RegisterTable;
  kinds: AidKind[];
  kindProblems: AidKindProblem[];
  records: AidRecord[];
}

const registers = new WeakMap<object, AidRegister>();

/** The aid tab read against the school's catalogue; computed once per registry (reports and validation share it). */
export function readAid(registry: Pick<Registry, 'tabs' | 'lang'>): AidRegister {
  let found = registers.get(registry.tabs);
  if (found) return found;
  const { kinds, problems } = readAidKinds(registry);
  const table = readRegister(registry, 'aid');
  const find = aidKindFinder(kinds);
  const records = table.rows.map((r): AidRecord => {
    const kindText = textOf(r, 'kind');
    const amount = r.values.amount;
    return {
      row: r.row,
      date: dateOf(r, 'date'),
      iin: textOf(r, 'iin') || null,
      fullName: textOf(r, 'full_name'),
      kind: kindText ? (find(kindText)?.code ?? null) : null,
      kindText,
      amount: typeof amount === 'number' ? amount : null,
      items: textOf(r, 'items'),
      source: textOf(r, 'source'),
      basis: textOf(r, 'basis'),
      read: r,
    };
  });
  found = { table, kinds, kindProblems: problems, records };
  registers.set(registry.tabs, found);
  return found;
}

/** Whether a record is counted for the year: dated within it, of a known kind, for a pupil whose IIN reads. */
export function countedIn(record: AidRecord, window: { from: string; to: string } | null): boolean {
  if (record.date === null || record.iin === null || record.kind === null) return false;
  return window === null || (record.date >= window.from && record.date <= window.to);
}

export const AidFigures = z.object({
  /** Distinct pupils (IINs). */
  pupils: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  /** Whole tenge; records without an amount add nothing. */
  amount: z.number().int().nonnegative(),
});
export type AidFigures = z.infer<typeof AidFigures>;

/** `qamqor aid --json`, exactly as DESIGN.md gives it. */
export const AidSummary = z.object({
  schoolYear: z.string(),
  kinds: z.record(z.string(), AidFigures),
  total: AidFigures,
  sources: z.record(z.string(), z.number().int()),
});
export type AidSummary = z.infer<typeof AidSummary>;

/**
 * The year's aid: only records dated within the school year's register window (1 September to 31 August, the
 * summer camps after it included: `registerYear`, the window `date_outside_year` checks) count; a record validation
 * refuses (no readable date or IIN, a kind the catalogue lacks) counts nowhere. `kinds` holds every code of the
 * catalogue, zeros included; `sources` sums the amount by source as written (trimmed; a record without source is in
 * no source).
 */
export function summarizeAid(records: readonly AidRecord[], kinds: readonly AidKind[], year: SchoolYear | null): AidSummary {
  const window = registerYear(year);
  const byKind = new Map<string, { pupils: Set<string>; records: number; amount: number }>();
  for (const k of kinds) byKind.set(k.code, { pupils: new Set(), records: 0, amount: 0 });
  const total = { pupils: new Set<string>(), records: 0, amount: 0 };
  const sources = new Map<string, number>();
  for (const r of records) {
    if (!countedIn(r, window)) continue;
    const k = byKind.get(r.kind!)!;
    const amount = r.amount ?? 0;
    for (const sum of [k, total]) {
      sum.pupils.add(r.iin!);
      sum.records += 1;
      sum.amount += amount;
    }
    if (r.source) sources.set(r.source, (sources.get(r.source) ?? 0) + amount);
  }
  const figures = (s: { pupils: Set<string>; records: number; amount: number }): AidFigures => ({ pupils: s.pupils.size, records: s.records, amount: s.amount });
  return {
    schoolYear: year?.name ?? '',
    kinds: Object.fromEntries(kinds.map((k) => [k.code, figures(byKind.get(k.code)!)])),
    total: figures(total),
    sources: Object.fromEntries(sources),
  };
}

/** The registry's aid summary for its school year (settings), as `qamqor aid` and the annual report compute it. */
export function aidSummary(registry: Pick<Registry, 'tabs' | 'lang' | 'settings'>): AidSummary {
  const { records, kinds } = readAid(registry);
  return summarizeAid(records, kinds, registry.settings.schoolYear ?? null);
}

/** The counted records of the year, in date then row order (the documents list them). */
export function recordsOfYear(registry: Pick<Registry, 'tabs' | 'lang' | 'settings'>): AidRecord[] {
  const window = registerYear(registry.settings.schoolYear ?? null);
  return readAid(registry)
    .records.filter((r) => countedIn(r, window))
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.row - b.row));
}

/**
 * The aid register's own check, after the shared ones (cells, `unknown_pupil`, `date_outside_year`): a kind that is
 * neither a code nor a name of the school's aid catalogue is `unknown_aid_kind` — the record counts nowhere until the
 * kind is corrected or added to the aid_kinds tab.
 */
export const aidRegister: RegisterDefinition = {
  check({ registry, table, issue }) {
    const find = aidKindFinder(readAidKinds(registry).kinds);
    for (const r of table.rows) {
      const kind = textOf(r, 'kind');
      if (kind && !find(kind)) issue(r, 'unknown_aid_kind', 'kind', issueMessages.unknown_aid_kind, { value: kind });
    }
  },
};
