// `qamqor validate`: every problem of the registry, grouped by class, or as the JSON array of DESIGN.md.
import { issueRows, writeIssues } from '../../app/issues-tab';
import { validateRegistry, type Issue } from '../../domain/registry/validate';
import { words } from '../../domain/i18n';
import { tabSpec, type Lang } from '../../domain/template';
import { withWorkbookLock } from '../../local/file-lock';
import { openRegistry } from '../../local/workbook-file';
import { cli, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function validateCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('validate <book.xlsx>');
  if (args.write) return withWorkbookLock(bookPath, 'qamqor validate --write', () => validateBook(bookPath, args, io));
  return validateBook(bookPath, args, io);
}

async function validateBook(bookPath: string, args: CommandArgs, io: Output): Promise<number> {
  const { workbook, registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  const issues = validateRegistry(args.lang && args.lang !== registry.lang ? { ...registry, lang } : registry, args.today);
  if (args.write) {
    // The issues tab speaks the registry's language, whatever --lang the messages use.
    const registryIssues = lang === registry.lang ? issues : validateRegistry(registry, args.today);
    workbook.apply(writeIssues(registry, issueRows(registry, registryIssues, registry.lang), registry.lang).changes);
    await workbook.save(bookPath);
  }
  if (args.json) io.out(JSON.stringify(issues, null, 2));
  else io.out(formatIssues(issues, lang, registry.pupils.length, registry.classTabs.length));
  if (args.write && !args.json) io.out(t(cli.passportWritten, lang, { tab: registry.tabs.issues?.title ?? tabSpec('issues').title[registry.lang] }));
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}

/** Issues grouped under their tab, each line starting with its row, then the summary. */
export function formatIssues(issues: Issue[], lang: Lang, pupils: number, classes: number): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (issues.length === 0) return t(cli.validateClean, lang, { pupils, classes });
  const byTab = new Map<string, Issue[]>();
  for (const i of issues) byTab.set(i.tab, [...(byTab.get(i.tab) ?? []), i]);
  const lines: string[] = [];
  for (const [tab, list] of byTab) {
    const e = list.filter((i) => i.severity === 'error').length;
    lines.push(t(cli.classHeading, lang, { tab, errors: e, warnings: list.length - e }));
    for (const i of list) {
      // The message starts with its place ("5А, 7-жол, …: "); under the tab heading the tab is implied.
      const text = i.message.startsWith(`${tab}, `) ? i.message.slice(tab.length + 2) : i.message;
      lines.push(`  ${i.severity === 'error' ? '✗' : '!'} ${text}  [${i.code}${i.severity === 'warning' ? `, ${words.warning[lang]}` : ''}]`);
    }
    lines.push('');
  }
  lines.push(t(cli.validateSummary, lang, { errors, warnings: issues.length - errors, pupils, classes }));
  return lines.join('\n');
}
