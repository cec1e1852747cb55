// Validation of the registry: every problem of every row, each with its code, place and a message in
// the registry's language. Row checks stand alone (live validation of an edit uses them); the
// cross-row checks (duplicate IINs, families) need the whole school.
import * as z from 'zod';
import { cellText, parseDate, parseFlag, parseInteger } from '../cells';
import { dmy } from '../format';
import { compareClassNames, parseClassName } from './class-name';
import { issueMessages, say, where, words, type MessageCode } from '../i18n';
import { checkIin } from './iin';
import { rawCell, suggestCategory, type Pupil, type Registry } from './registry';
import { ageOnFirstSeptember, expectedAgeRange } from '../school-year';
import { classColumns, tabSpec, type Category, type ColumnSpec, type Lang } from '../template';
import { registerIssues } from '../registers/validate';

export const IssueCode = z.enum([
  'iin_format', 'iin_checksum', 'iin_birth_date_mismatch', 'iin_sex_mismatch', 'duplicate_iin',
  'missing_required', 'invalid_date', 'exclusive_categories', 'guardian_missing', 'family_inconsistent',
  'large_family_size', 'age_grade_mismatch', 'unknown_category', 'unknown_class', 'formula_in_cell',
  'invalid_value', 'invalid_setting', 'invalid_category_row',
  // The pedagogue's registers (src/domain/registers/validate.ts).
  'unknown_pupil', 'date_outside_year', 'unknown_aid_kind',
]);
export type IssueCode = z.infer<typeof IssueCode>;

export const Issue = z.object({
  code: IssueCode,
  severity: z.enum(['error', 'warning']),
  class: z.string().nullable(),
  tab: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  iin: z.string().nullable(),
  full_name: z.string().nullable(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

// A large family below the threshold is an error, not a warning: it would stand on the signed list of large families.
const WARNINGS: ReadonlySet<IssueCode> = new Set<IssueCode>(['guardian_missing', 'family_inconsistent', 'age_grade_mismatch', 'unknown_class']);

/** What the checks need to know besides the pupil. */
export interface CheckContext {
  lang: Lang;
  catalogue: readonly Category[];
  byCode: ReadonlyMap<string, Category>;
  columns: ReadonlyMap<string, ColumnSpec>;
  /** The columns checked on every row, split once: required ones, and typed ones (checkbox, number). */
  required: readonly ColumnSpec[];
  typed: readonly ColumnSpec[];
  largeFamilyThreshold: number;
  schoolYearStart: number | null;
  knownClasses: ReadonlySet<string> | null;
  /** Today as YYYY-MM-DD, and the earliest birth date a pupil can have. */
  todayIso: string;
  earliestBirth: string;
}

export function checkContext(registry: Registry, today = new Date()): CheckContext {
  const list = classColumns(registry.catalogue);
  const columns = new Map(list.map((c) => [c.key, c]));
  return {
    required: list.filter((c) => c.required),
    typed: list.filter((c) => c.type === 'checkbox' || (c.type === 'integer' && c.key !== 'row_no')),
    lang: registry.lang,
    catalogue: registry.catalogue,
    byCode: new Map(registry.catalogue.map((c) => [c.code, c])),
    columns,
    largeFamilyThreshold: registry.settings.largeFamilyThreshold,
    schoolYearStart: registry.settings.schoolYear?.start ?? null,
    knownClasses: registry.tabs.classes ? new Set(registry.classes.map((c) => c.name)) : null,
    todayIso: today.toISOString().slice(0, 10),
    earliestBirth: `${today.getUTCFullYear() - 30}-01-01`,
  };
}

type Detail = { code: IssueCode; column?: string; message?: MessageCode; params?: Record<string, string | number> };

function toIssue(ctx: CheckContext, p: Pick<Pupil, 'className' | 'tab' | 'row' | 'iin' | 'fullName'> | null, tab: string, row: number | null, d: Detail): Issue {
  const column = d.column ? ctx.columns.get(d.column) ?? null : null;
  const header = column ? column.header[ctx.lang] : d.column ?? '';
  const text = say(issueMessages[d.message ?? (d.code as MessageCode)], ctx.lang, { column: header, ...d.params });
  const place = say(where, ctx.lang, { tab, row: row ?? '', column: header });
  return {
    code: d.code,
    severity: WARNINGS.has(d.code) ? 'warning' : 'error',
    class: p?.className ?? null,
    tab,
    row,
    column: d.column ?? null,
    iin: p?.iin || null,
    full_name: p?.fullName || null,
    message: `${place}: ${text}`,
  };
}

const label = (c: Category, lang: Lang) => c[lang];
/** What almost every row returns; shared so that a clean school of 100,000 allocates nothing for it. */
const NO_ISSUES: readonly Issue[] = Object.freeze([]);
const NO_FORMULAS: ReadonlySet<string> = new Set();

/** Everything wrong with one pupil's row on its own. */
export function checkPupil(p: Pupil, ctx: CheckContext): readonly Issue[] {
  const out: Detail[] = [];
  const shown = (key: string) => cellText(rawCell(p, key));
  const formula = p.formulaColumns.length > 0 ? new Set(p.formulaColumns) : NO_FORMULAS;
  for (const key of p.formulaColumns) out.push({ code: 'formula_in_cell', column: key, params: { value: shown(key) } });

  for (const spec of ctx.required) {
    if (shown(spec.key) === '' && !formula.has(spec.key)) out.push({ code: 'missing_required', column: spec.key });
  }

  if (p.iin && !formula.has('iin')) {
    const iin = checkIin(p.iin);
    if (!iin.ok) {
      const message: MessageCode = iin.reason === 'format' ? 'iin_format' : iin.reason === 'date' ? 'iin_date' : 'iin_checksum';
      out.push({ code: iin.reason === 'checksum' ? 'iin_checksum' : 'iin_format', column: 'iin', message, params: { value: shown('iin') } });
    } else {
      if (p.birthDate && p.birthDate !== iin.birthDate) {
        out.push({ code: 'iin_birth_date_mismatch', column: 'birth_date', params: { expected: dmy(iin.birthDate), value: dmy(p.birthDate) } });
      }
      if (p.sex && p.sex !== iin.sex) {
        out.push({ code: 'iin_sex_mismatch', column: 'sex', params: { expected: iin.sex === 'M' ? words.male[ctx.lang] : words.female[ctx.lang], value: shown('sex') } });
      }
    }
  }

  const birth = shown('birth_date');
  if (birth !== '' && !formula.has('birth_date')) {
    if (!p.birthDate) out.push({ code: 'invalid_date', column: 'birth_date', params: { value: birth } });
    else if (!plausibleBirthDate(p.birthDate, ctx)) out.push({ code: 'invalid_date', column: 'birth_date', message: 'implausible_date', params: { value: dmy(p.birthDate) } });
  }
  // A pupil who joined during the year: the day must read (the roll on a date counts from it).
  const arrived = shown('arrived_on');
  if (arrived !== '' && !formula.has('arrived_on') && parseDate(rawCell(p, 'arrived_on')) === null) out.push({ code: 'invalid_date', column: 'arrived_on', params: { value: arrived } });
  if (shown('sex') !== '' && !p.sex && !formula.has('sex')) {
    out.push({ code: 'invalid_value', column: 'sex', params: { value: shown('sex'), expected: words.sexValues[ctx.lang] } });
  }
  for (const spec of ctx.typed) {
    const cell = rawCell(p, spec.key);
    // Ticked or empty checkboxes and typed numbers are the usual case and need no reading.
    if (cell === null || cell === '' || typeof cell === 'boolean' || typeof cell === 'number' || formula.has(spec.key)) {
      if (typeof cell !== 'number' || spec.type !== 'integer' || Number.isInteger(cell)) continue;
    }
    const value = cellText(cell);
    if (value === '') continue;
    if (spec.type === 'checkbox' && parseFlag(cell) === null) {
      out.push({ code: 'invalid_value', column: spec.key, params: { value, expected: words.yesNo[ctx.lang] } });
    } else if (spec.type === 'integer' && parseInteger(cell) === null) {
      out.push({ code: 'invalid_value', column: spec.key, params: { value, expected: words.wholeNumber[ctx.lang] } });
    }
  }

  for (const token of p.unknownCategories) {
    // Said with the catalogue's labels, which a teacher types, and the one she most likely meant.
    const near = suggestCategory(ctx.catalogue, token);
    out.push({ code: 'unknown_category', column: 'other_categories', message: near ? 'unknown_category_near' : 'unknown_category_label', params: { value: token, near: near ? label(near, ctx.lang) : '' } });
  }

  const ticked = p.categories.map((code) => ctx.byCode.get(code)!);
  if (ticked.length > 1) {
    const groups = new Map<string, Category[]>();
    for (const c of ticked) if (c.exclusiveGroup) groups.set(c.exclusiveGroup, [...(groups.get(c.exclusiveGroup) ?? []), c]);
    for (const together of groups.values()) {
      if (together.length > 1) {
        out.push({ code: 'exclusive_categories', column: together[1].code, params: { value: together.map((c) => label(c, ctx.lang)).join(' + ') } });
      }
    }
  }
  if (!p.guardian) {
    const needing = ticked.find((c) => c.requiresGuardian);
    if (needing) out.push({ code: 'guardian_missing', column: 'guardian', params: { value: label(needing, ctx.lang) } });
  }
  if (p.childrenInFamily !== null && p.childrenInFamily < ctx.largeFamilyThreshold) {
    const counted = ticked.find((c) => c.countsChildren);
    if (counted) out.push({ code: 'large_family_size', column: 'children_in_family', params: { value: p.childrenInFamily, expected: ctx.largeFamilyThreshold } });
  }

  const grade = parseClassName(p.className)?.grade;
  if (grade !== undefined && p.birthDate && ctx.schoolYearStart !== null && plausibleBirthDate(p.birthDate, ctx)) {
    const age = ageOnFirstSeptember(p.birthDate, { start: ctx.schoolYearStart, name: '' });
    const range = expectedAgeRange(grade);
    if (age < range.min || age > range.max) {
      out.push({ code: 'age_grade_mismatch', column: 'birth_date', params: { value: age, grade, expected: `${range.min + 1}–${range.max - 1}` } });
    }
  }
  return out.length === 0 ? NO_ISSUES : out.map((d) => toIssue(ctx, p, p.tab, p.row, d));
}

/** Problems that only show across rows: one IIN in two places, a family whose children disagree. */
export function checkAcrossPupils(pupils: readonly Pupil[], ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  const byIin = groupBy(pupils, (p) => (p.iin.length === 12 && /^\d{12}$/.test(p.iin) ? p.iin : null));
  for (const list of byIin) {
    for (const p of list) {
      const others = list.filter((o) => o !== p).map((o) => say(where, ctx.lang, { tab: o.tab, row: o.row })).join('; ');
      out.push(toIssue(ctx, p, p.tab, p.row, { code: 'duplicate_iin', column: 'iin', params: { value: p.iin, other: others } }));
    }
  }

  const families = groupBy(pupils, (p) => (p.familyId ? p.familyKey : null));
  const familyCategories = new Map(ctx.catalogue.filter((c) => c.level === 'family').map((c) => [c.code, c]));
  for (const members of families) {
    // Count each family category among the members; most families agree, so this is all they cost.
    let counts: Map<string, number> | null = null;
    for (const m of members) {
      for (const code of m.categories) if (familyCategories.has(code)) (counts ??= new Map()).set(code, (counts.get(code) ?? 0) + 1);
    }
    if (!counts) continue;
    for (const [code, n] of counts) {
      if (n === members.length) continue;
      const c = familyCategories.get(code)!;
      const named = (flagged: boolean) => members.filter((m) => m.categories.includes(code) === flagged).map((m) => `${m.fullName} (${m.className})`).join(', ');
      const [flagged, unflagged] = [named(true), named(false)];
      // Every member sees it, in every class: a class teacher cannot tell from her own tab which side is wrong.
      for (const m of members) {
        out.push(toIssue(ctx, m, m.tab, m.row, { code: 'family_inconsistent', column: code, params: { value: c[ctx.lang], with: flagged, without: unflagged } }));
      }
    }
  }
  return out;
}

/**
 * The groups of two or more pupils sharing a key (null: no key). Singletons, the vast majority,
 * are kept without an array of their own.
 */
function groupBy(pupils: readonly Pupil[], keyOf: (p: Pupil) => string | null): Pupil[][] {
  const first = new Map<string, Pupil | Pupil[]>();
  const groups: Pupil[][] = [];
  for (const p of pupils) {
    const key = keyOf(p);
    if (key === null) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, p);
    else if (Array.isArray(seen)) seen.push(p);
    else {
      const group = [seen, p];
      first.set(key, group);
      groups.push(group);
    }
  }
  return groups;
}

/** Problems of the workbook itself: settings, catalogue rows, class tabs missing from the classes tab. */
export function checkWorkbook(registry: Registry, ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  const settingsTab = registry.tabs.settings?.title ?? tabSpec('settings').title[ctx.lang];
  for (const sp of registry.settingProblems) {
    const entry = tabSpec('settings').entries.find((e) => e.key === sp.key);
    out.push(toIssue(ctx, null, settingsTab, sp.row || null, {
      code: 'invalid_setting',
      params: { column: entry?.label[ctx.lang] ?? sp.key, value: sp.value, expected: words[sp.expected][ctx.lang] },
    }));
  }
  const catalogueTab = registry.tabs.categories?.title ?? tabSpec('categories').title[ctx.lang];
  for (const cp of registry.catalogueProblems) {
    out.push(toIssue(ctx, null, catalogueTab, cp.row, { code: 'invalid_category_row', params: { value: cp.value } }));
  }
  const classesTab = registry.tabs.classes?.title ?? tabSpec('classes').title[ctx.lang];
  for (const c of registry.classes) {
    if (!parseClassName(c.name)) out.push(toIssue(ctx, null, classesTab, c.row, { code: 'unknown_class', message: 'bad_class_name', column: 'class', params: { value: c.name } }));
  }
  if (ctx.knownClasses) {
    for (const ct of registry.classTabs) {
      if (!ctx.knownClasses.has(ct.className)) {
        out.push(toIssue(ctx, null, ct.tab.title, null, { code: 'unknown_class', params: { value: ct.className } }));
      }
    }
  }
  return out;
}

export function validateRegistry(registry: Registry, today = new Date()): Issue[] {
  const ctx = checkContext(registry, today);
  const issues = [
    ...checkWorkbook(registry, ctx),
    ...pupilIssues(registry.pupils, ctx),
    ...checkAcrossPupils(registry.pupils, ctx),
  ];
  // The pedagogue's registers after the class tabs, in their own order (sortIssues keeps them last).
  return [...sortIssues(issues, ctx), ...registerIssues(registry, ctx.todayIso)];
}

function pupilIssues(pupils: readonly Pupil[], ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  for (const p of pupils) {
    const found = checkPupil(p, ctx);
    if (found.length) out.push(...found);
  }
  return out;
}

export function sortIssues(issues: Issue[], ctx: Pick<CheckContext, 'columns'>): Issue[] {
  const order = new Map([...ctx.columns.keys()].map((k, i) => [k, i]));
  return issues.sort(
    (a, b) =>
      (a.class === null ? -1 : 0) - (b.class === null ? -1 : 0) ||
      compareClassNames(a.class ?? a.tab, b.class ?? b.tab) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (order.get(a.column ?? '') ?? -1) - (order.get(b.column ?? '') ?? -1),
  );
}

function plausibleBirthDate(iso: string, ctx: CheckContext): boolean {
  return iso >= ctx.earliestBirth && iso <= ctx.todayIso;
}
