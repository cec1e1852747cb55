// `qamqor reports`: every document the reports tab asks for (or the defaults) as .docx under --out, a progress
// bar on a terminal and a line per document otherwise; what could not be made is named and the rest still made.
import { dirname, relative, resolve } from 'node:path';
import { passportWithDynamics } from '../../app/build-passport';
import { planReports, signingBlockers } from '../../app/reports';
import { RegistryError, words } from '../../domain/i18n';
import type { Passport } from '../../domain/passport/passport';
import type { Registry } from '../../domain/registry/registry';
import type { Lang } from '../../domain/template';
import { readMovements } from '../../domain/registers/movements';
import { registryOn } from '../../domain/registers/roll';
import { writeReports } from '../../local/report-files';
import { checkAsOf } from './passport';
import { openRegistry } from '../../local/workbook-file';
import { cli, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function reportsCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath || !args.out) throw new UsageError('reports <book.xlsx> --out DIR');
  let opened: Awaited<ReturnType<typeof openRegistry>>;
  try {
    opened = await openRegistry(bookPath, args.lang);
  } catch (e) {
    // A district workbook (`qamqor district`) is no school registry: it has its own report.
    if (e instanceof RegistryError && e.code === 'not_a_registry') {
      const code = await (await import('./district-report')).districtReports(bookPath, args, io);
      if (code !== null) return code;
    }
    throw e;
  }
  const { registry } = opened;
  const lang = args.lang ?? registry.lang;
  const lastYear = args.compare ? (await openRegistry(args.compare, lang)).registry : undefined;
  // --as-of: the documents of the roll on that day (who was at school, in that day's class), dated that day.
  if (args.asOf) checkAsOf(args.asOf, registry.settings.schoolYear, lang);
  const passport = passportWithDynamics(registry, lastYear, args.asOf);
  const subject = args.asOf ? registryOn(registry, readMovements(registry), args.asOf) : registry;
  const run = makeReports(subject, passport, {
    io,
    lang,
    documentLang: args.lang,
    outDir: resolve(args.out),
    baseDir: dirname(resolve(bookPath)),
    only: args.only,
    today: args.asOf ?? isoDay(args.today),
    draft: args.draft,
    month: args.month,
  });
  return run.code;
}

export interface MakeReportsOptions {
  io: Output;
  /** The language spoken to the user. */
  lang: Lang;
  /** Every document in this language; otherwise each job's own, else the workbook's. */
  documentLang?: Lang;
  outDir: string;
  baseDir: string;
  only: string[];
  today: string;
  /** No line per document and no summary: the demo says it in its own words. */
  quiet?: boolean;
  /** Made even though the registry has errors, each marked «ЖОБА» / «ПРОЕКТ» in its header. */
  draft?: boolean;
  /** YYYY-MM: the month of the movement reports. */
  month?: string;
}

/** Plans, writes and reports; exit status 0 when every document was made, 1 when some were not. */
export function makeReports(registry: Registry, passport: Passport, options: MakeReportsOptions): { code: number; written: string[] } {
  const { io, lang } = options;
  // A document a director signs must not rest on a registry with errors (an orphan on two exclusive lists…).
  const { errors, tabs } = options.draft ? { errors: 0, tabs: [] } : signingBlockers(registry, options.today);
  if (errors > 0) {
    io.err(t(cli.reportsRefusedErrors, lang, { count: errors, tabs: tabs.slice(0, 8).join(', ') + (tabs.length > 8 ? '…' : '') }));
    return { code: 1, written: [] };
  }
  const plan = planReports(registry, passport, { today: options.today, lang: options.documentLang, only: options.only, month: options.month });
  if (plan.unmatched.length > 0) throw new UsageError(t(cli.reportsUnknownOnly, lang, { value: plan.unmatched.join(', ') }));
  const severity = (s: 'error' | 'warning') => words[s][lang];
  for (const p of plan.problems) io.err(t(cli.problemLine, lang, { severity: severity(p.severity), value: p.message[lang] }));
  if (plan.documents.length === 0) {
    io.out(t(cli.reportsNothing, lang));
    return { code: plan.problems.some((p) => p.severity === 'error') ? 1 : 0, written: [] };
  }

  const result = writeReports(plan, {
    draft: options.draft ?? false,
    outDir: options.outDir,
    baseDir: options.baseDir,
    onDocument: (done, total, _doc, file) => {
      const name = file ? relative(options.outDir, file) : '';
      if (io.status) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        io.status(t(cli.reportsProgress, lang, { bar: `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`, done, total, name }));
        if (done === total) io.status('');
      } else if (file && !options.quiet) io.out(t(cli.reportWritten, lang, { file: name }));
    },
  });
  if (result.failed > 0) io.err(t(cli.reportsFailed, lang, { count: result.failed }));
  for (const p of result.problems) io.err(t(cli.problemLine, lang, { severity: severity(p.severity), value: p.message[lang] }));
  if (result.pdfAsked) io.out(t(cli.reportsPdf, lang));
  if (!options.quiet) io.out(t(cli.reportsDone, lang, { count: result.written.length, dir: options.outDir }));
  const failed = result.failed > 0 || plan.problems.some((p) => p.severity === 'error') || result.problems.some((p) => p.severity === 'error');
  return { code: failed ? 1 : 0, written: result.written };
}

/** The date on the computer's calendar, YYYY-MM-DD: documents are dated as the person sees the day. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
