// "Validate everything": every problem of the registry on the issues tab, each with a link to its cell,
// and the marks on the class tabs brought up to date, in one batch. "Validate my class": a teacher's own
// class tabs marked, nothing else written (the issues tab is the pedagogue's).
import { issueRows, writeIssues } from '../app/issues-tab';
import { fold } from '../domain/cells';
import { readRegistry, type Registry } from '../domain/registry/registry';
import { tabSpec } from '../domain/template';
import { validateRegistry, type Issue } from '../domain/registry/validate';
import type { AnyChange } from './google-workbook';
import { planMarks } from './marks';
import { say, sheetWords, ui } from './messages';
import { emailsIn } from './protections';
import { Refusal, type ActionContext } from './run-action';

/** "C7" for 0-based (6, 2). */
export function a1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/**
 * A link to one cell of the workbook. Absolute: Sheets keeps a relative "#gid=…" inside a text run as typed, and it
 * opens nowhere once the text is copied or the workbook opened on a phone.
 */
export function cellUrl(spreadsheetId: string, sheetId: string, cell: string): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId}&range=${cell}`;
}

export function planValidation(registry: Registry, issues: readonly Issue[], ctx: Pick<ActionContext, 'lang' | 'workbook' | 'spreadsheet'>): AnyChange[] {
  const { lang } = ctx;
  const spreadsheetId = ctx.spreadsheet.getId();
  const rows = issueRows(registry, issues, lang);
  // In Sheets each row also links to its cell, in a column of its own.
  const linkCol = rows[0].length;
  rows[0] = [...rows[0], sheetWords.link[lang]];
  const links: Extract<AnyChange, { kind: 'links' }>['cells'] = [];
  const tabsByTitle = new Map(registry.classTabs.map((ct) => [ct.tab.title, ct]));
  issues.forEach((issue, i) => {
    const ct = tabsByTitle.get(issue.tab);
    const col = issue.column ? ct?.map.columns.get(issue.column) : undefined;
    if (ct && issue.row !== null) {
      const cell = a1(issue.row - 1, col ?? 0);
      links.push({ row: i + 1, col: linkCol, text: `${ct.tab.title}!${cell}`, uri: cellUrl(spreadsheetId, ct.tab.id, cell) });
    }
  });
  const written = writeIssues(registry, rows, lang);
  const tab = written.tab;
  const changes: AnyChange[] = [...written.changes];
  if (links.length) changes.push({ kind: 'links', tab, cells: links });
  for (const ct of registry.classTabs) changes.push(...planMarks(ct, issues, ctx.workbook.extras(ct.tab.id), lang));
  return changes;
}

export function validateAction(ctx: ActionContext): string {
  const registry = readRegistry(ctx.data, ctx.lang);
  const issues = validateRegistry(registry, ctx.now);
  ctx.workbook.apply(planValidation(registry, issues, ctx));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const counts = { pupils: registry.pupils.length, classes: registry.classTabs.length };
  if (issues.length === 0) return say(ui.validateClean, ctx.lang, counts);
  return say(ui.validateDone, ctx.lang, { ...counts, errors, warnings: issues.length - errors, tab: registry.tabs.issues?.title ?? tabSpec('issues').title[ctx.lang] });
}

/**
 * The classes whose teacher is the person running it (the classes tab's e-mails), marked as "Validate everything"
 * marks them: problems across classes (an IIN met elsewhere) included, other classes' tabs untouched.
 */
export function validateMineAction(ctx: ActionContext): string {
  const { lang, user } = ctx;
  if (!user) throw new Refusal(say(ui.userUnknown, lang));
  const registry = readRegistry(ctx.data, lang);
  const mine = new Set(registry.classes.filter((c) => emailsIn(c.teacherEmail).includes(user)).map((c) => fold(c.name)));
  const tabs = registry.classTabs.filter((ct) => mine.has(fold(ct.className)));
  if (tabs.length === 0) throw new Refusal(say(ui.notATeacher, lang, { user, tab: registry.tabs.classes?.title ?? tabSpec('classes').title[lang] }));
  const issues = validateRegistry(registry, ctx.now);
  const titles = new Set(tabs.map((ct) => ct.tab.title));
  const own = issues.filter((i) => titles.has(i.tab));
  ctx.workbook.apply(tabs.flatMap((ct) => planMarks(ct, issues, ctx.workbook.extras(ct.tab.id), lang)));
  const errors = own.filter((i) => i.severity === 'error').length;
  const counts = {
    classes: tabs.map((ct) => ct.className).join(', '),
    count: tabs.length,
    pupils: registry.pupils.filter((p) => titles.has(p.tab)).length,
  };
  if (own.length === 0) return say(ui.validateMineClean, lang, counts);
  return say(ui.validateMineDone, lang, { ...counts, errors, warnings: own.length - errors });
}
