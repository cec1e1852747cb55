// `qamqor plan`: the annual plan on a day (--today, default the computer's): what is done, due this month, overdue
// and later, as a list in the workbook's language or as DESIGN.md's JSON. Only reads the book.
import { dmy } from '../../domain/format';
import { planReport, type PlanItem } from '../../domain/registers/plan';
import { planText, statusWords } from '../../domain/registers/plan-words';
import { tabSpec, type Lang } from '../../domain/template';
import { openRegisterTabs } from './aid';
import { UsageError, type CommandArgs, type Output } from '../context';

/** The computer's calendar day, YYYY-MM-DD (--today is already that day's midnight). */
function dayOf(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function planCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('plan <book.xlsx>');
  const registry = await openRegisterTabs(bookPath, ['settings', 'plan'], args.lang);
  const report = planReport(registry, dayOf(args.today));
  if (args.json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  const lang = args.lang ?? registry.lang;
  const say = (line: Record<Lang, (p: Record<string, string | number>) => string>, p: Record<string, string | number> = {}) => line[lang](p);
  io.out(say(planText.heading, { school: registry.settings.schoolName, year: report.schoolYear, today: dmy(report.today), total: report.items.length }));
  if (report.items.length === 0) {
    io.out(say(planText.noPlan, { tab: registry.tabs.plan?.title ?? tabSpec('plan').title[lang] }));
    return 0;
  }
  // What needs doing first: the overdue, then this month's; the done and the later ones are counted only.
  for (const status of ['overdue', 'due'] as const) {
    const items = report.items.filter((i) => i.status === status);
    if (items.length === 0) continue;
    io.out('');
    io.out(`${statusWords[status][lang]} (${items.length}):`);
    for (const i of items) io.out(line(i));
  }
  io.out('');
  io.out(say(planText.summary, { done: report.done, due: report.due, overdue: report.overdue, later: report.items.filter((i) => i.status === 'later').length }));
  return 0;
}

function line(i: PlanItem): string {
  const months = i.months.length === 9 && i.months[0] === '09' && i.months[8] === '05' ? 'all' : i.months.length > 1 ? `${i.months[0]}-${i.months[i.months.length - 1]}` : (i.months[0] ?? '?');
  return `  ${String(i.row).padStart(3)}  ${i.direction.padEnd(3)} ${months.padEnd(5)}  ${i.activity}`;
}
