// `qamqor cases`: the confidential case file. `cases init` lays out a new one (encrypted when a password is given);
// `cases <file>` shows every case's stage, curator, overdue items and next review (or DESIGN.md's JSON); `cases validate`
// lists its problems; `cases reports` writes its documents. The registry, when given, is only read, to name pupils.
import { basename, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { planNewCaseFile, registryLookup } from '../../app/cases';
import { isCaseDocumentKind, planCaseDocuments, type CaseDocumentKind } from '../../app/cases-documents';
import { auditStamp, type Actor } from '../../domain/cases/audit';
import type { CaseFile } from '../../domain/cases/case-file';
import { validateCaseFile, type CaseIssue } from '../../domain/cases/validate-cases';
import { casesReport, type CasesReport } from '../../domain/cases/view';
import { caseWords, overdueWords, stageWords } from '../../domain/cases/words';
import { RegistryError, words } from '../../domain/i18n';
import { dmy } from '../../domain/format';
import type { Registry } from '../../domain/registry/registry';
import type { Lang } from '../../domain/template';
import { casesPassword, openCaseFile, saveCaseFile } from '../../local/cases-file';
import { writeCaseDocuments } from '../../local/cases-documents';
import { formatTable } from '../../local/console-table';
import { withWorkbookLock } from '../../local/file-lock';
import { openRegistry } from '../../local/workbook-file';
import { XlsxWorkbook } from '../../local/xlsx-workbook';
import { existsSync } from 'node:fs';
import { cli, casesText, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';
import { isoDay } from './reports';

type Sub = 'init' | 'show' | 'validate' | 'reports';

/** The flags each subcommand takes (of those the `cases` command accepts); --lang and --today go with every one. */
const SUB_FLAGS: Record<Sub, readonly ('registry' | 'json' | 'password' | 'out' | 'cases' | 'only')[]> = {
  init: ['password'],
  show: ['registry', 'json', 'password'],
  validate: ['registry', 'json', 'password'],
  reports: ['registry', 'out', 'password', 'cases', 'only'],
};

export async function casesCommand(args: CommandArgs, io: Output): Promise<number> {
  const lang = args.lang ?? 'kk';
  const [first, ...rest] = args.positionals;
  const sub: Sub = first === 'init' || first === 'validate' || first === 'reports' ? first : 'show';
  const files = sub === 'show' ? args.positionals : rest;
  if (files.length === 0) throw new UsageError(t(casesText.missingFile, lang, { sub: sub === 'show' ? '' : sub }), lang);
  // `cases summary x.xlsx`: a subcommand mistyped, not a second file.
  if (sub === 'show' && files.length === 2) throw new UsageError(t(casesText.unknownSubcommand, lang, { value: files[0] }), lang);
  if (files.length > 1) throw new UsageError(t(casesText.extraArgument, lang, { value: files.slice(1).join(' ') }), lang);
  const given = { registry: args.registry !== undefined, json: args.json, password: args.password !== undefined, out: args.out !== undefined, cases: args.cases.length > 0, only: args.only.length > 0 };
  for (const [flag, isGiven] of Object.entries(given)) {
    if (isGiven && !(SUB_FLAGS[sub] as readonly string[]).includes(flag)) throw new UsageError(t(casesText.flagNotTaken, lang, { sub: sub === 'show' ? '<file>' : sub, flag: `--${flag}` }), lang);
  }
  const path = files[0];
  switch (sub) {
    case 'init':
      return withWorkbookLock(path, 'qamqor cases init', () => initCases(path, args, io));
    case 'show':
      return showCases(path, args, io);
    case 'validate':
      return validateCases(path, args, io);
    case 'reports':
      if (!args.registry) throw new UsageError(t(casesText.needsFlag, lang, { sub, flag: '--registry <book.xlsx>' }), lang);
      if (!args.out) throw new UsageError(t(casesText.needsFlag, lang, { sub, flag: '--out DIR' }), lang);
      return casesReports(path, args, io);
  }
}

/** Who changes the case file from this computer, and when: the audit's "who" and "when". */
export function localActor(): Actor {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // A user without a name in the system's database (a container's numeric uid): the variables may still tell.
    user = process.env.USER ?? process.env.USERNAME ?? '';
  }
  return { user, at: auditStamp(new Date()) };
}

async function initCases(path: string, args: CommandArgs, io: Output): Promise<number> {
  if (existsSync(path)) throw new RegistryError('file_exists', { file: path });
  const lang = args.lang ?? 'kk';
  const password = casesPassword(args.password);
  const workbook = XlsxWorkbook.create();
  const changes = planNewCaseFile(workbook.read(), lang, localActor());
  workbook.apply(changes);
  await saveCaseFile(workbook, path, password);
  const tabs = changes.flatMap((c) => (c.kind === 'addTab' ? [c.title] : []));
  io.out(t(casesText.initDone, lang, { file: basename(path), tabs: tabs.join(', '), encrypted: password ? 1 : '' }));
  return 0;
}

/** The case file and, when --registry is given, who the registry knows; the language is the file's unless --lang. */
async function openBoth(path: string, args: CommandArgs, io: Output): Promise<{ file: CaseFile; lang: Lang; registry: Registry | null }> {
  const opened = await openCaseFile(path, { password: casesPassword(args.password), lang: args.lang });
  const lang = args.lang ?? opened.file.lang;
  if (opened.passwordUnused) io.err(t(casesText.passwordUnused, lang, { file: basename(path) }));
  const registry = args.registry ? (await openRegistry(args.registry, lang)).registry : null;
  return { file: opened.file, lang, registry };
}

/** The file's problems, worded in `lang` (--lang, else the file's own). */
function checked(file: CaseFile, registry: Registry | null, today: string, lang: Lang): CaseIssue[] {
  return validateCaseFile({ ...file, lang }, { today, ...(registry ? { knownIins: registryLookup(registry).known } : {}) });
}

async function showCases(path: string, args: CommandArgs, io: Output): Promise<number> {
  const { file, lang, registry } = await openBoth(path, args, io);
  const today = isoDay(args.today);
  const report = casesReport(file, today, registry ? registryLookup(registry).lookup : undefined);
  const issues = checked(file, registry, today, lang);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (args.json) {
    io.out(JSON.stringify(report, null, 2));
    // stdout stays the JSON of DESIGN.md; what is wrong with the file goes beside it.
    if (issues.length) io.err(t(casesText.checked, lang, { errors, warnings: issues.length - errors }));
  } else {
    io.out(formatCases(report, lang, basename(path)));
    if (!registry) io.out(t(casesText.noRegistry, lang));
    io.out(t(casesText.checked, lang, { errors, warnings: issues.length - errors }));
  }
  return errors > 0 ? 1 : 0;
}

/** The cases as an aligned table in the file's language, under a line of counts. */
export function formatCases(report: CasesReport, lang: Lang, file: string): string {
  const heading = t(casesText.heading, lang, { file, today: dmy(report.today), open: report.open, closed: report.closed, overdue: report.overdue });
  if (report.cases.length === 0) return `${heading}\n${t(casesText.noCases, lang)}`;
  const w = (k: keyof typeof caseWords) => caseWords[k][lang];
  const rows = report.cases.map((c) => [
    c.id,
    c.full_name ?? '',
    c.class ?? '',
    stageWords[c.stage][lang],
    c.curator ?? '',
    c.nextReview ? dmy(c.nextReview) : '',
    c.overdue.map((k) => overdueWords[k][lang]).join(', '),
    c.consent ? w('yes') : w('no'),
  ]);
  return [heading, '', formatTable([w('id'), w('pupil'), w('classWord'), w('stage'), w('curator'), w('nextReview'), w('overdue'), w('consent')], rows)].join('\n');
}

async function validateCases(path: string, args: CommandArgs, io: Output): Promise<number> {
  const { file, lang, registry } = await openBoth(path, args, io);
  const issues = checked(file, registry, isoDay(args.today), lang);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (args.json) io.out(JSON.stringify(issues, null, 2));
  else io.out(formatCaseIssues(issues, lang, file.cases.length));
  return errors > 0 ? 1 : 0;
}

/** Issues grouped under their tab, as `qamqor validate` groups a registry's under its classes. */
function formatCaseIssues(issues: CaseIssue[], lang: Lang, cases: number): string {
  if (issues.length === 0) return t(casesText.clean, lang, { cases });
  const errors = issues.filter((i) => i.severity === 'error').length;
  const byTab = new Map<string, CaseIssue[]>();
  for (const i of issues) byTab.set(i.tab, [...(byTab.get(i.tab) ?? []), i]);
  const lines: string[] = [];
  for (const [tab, list] of byTab) {
    const e = list.filter((i) => i.severity === 'error').length;
    lines.push(t(cli.classHeading, lang, { tab, errors: e, warnings: list.length - e }));
    for (const i of list) {
      const text = i.message.startsWith(`«${tab}», `) ? i.message.slice(tab.length + 4) : i.message;
      lines.push(`  ${i.severity === 'error' ? '✗' : '!'} ${text}  [${i.code}${i.severity === 'warning' ? `, ${words.warning[lang]}` : ''}]`);
    }
    lines.push('');
  }
  lines.push(t(casesText.summary, lang, { errors, warnings: issues.length - errors, cases }));
  return lines.join('\n');
}

async function casesReports(path: string, args: CommandArgs, io: Output): Promise<number> {
  const { file, lang, registry } = await openBoth(path, args, io);
  const only = args.only;
  const unknownOnly = only.filter((w) => !isCaseDocumentKind(w));
  if (unknownOnly.length) throw new UsageError(t(casesText.unknownOnly, lang, { value: unknownOnly.join(', ') }), lang);
  const plan = planCaseDocuments(file, registry!, { lang, today: isoDay(args.today), cases: args.cases, only: only as CaseDocumentKind[] });
  if (plan.unknownCases.length) throw new UsageError(t(casesText.unknownCaseIds, lang, { value: plan.unknownCases.join(', ') }), lang);
  if (plan.documents.length === 0) {
    io.out(t(casesText.documentsNone, lang));
    return 0;
  }
  const outDir = resolve(args.out!);
  const written = writeCaseDocuments(plan.documents, outDir);
  for (const f of written) io.out(t(cli.reportWritten, lang, { file: basename(f) }));
  io.out(t(casesText.documentsDone, lang, { count: written.length, dir: outDir }));
  if (plan.noProfile.length) io.err(t(cli.problemLine, lang, { severity: words.warning[lang], value: t(casesText.noProfile, lang, { value: plan.noProfile.join(', ') }) }));
  return 0;
}
