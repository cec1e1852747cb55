// The annual plan as a document: the plan tab's activities under their six directions, with months, who is
// responsible and, for the done ones, the date; numbered through the whole plan.
import { readPlan, type Months } from '../../domain/registers/plan';
import { allYear, DIRECTIONS, directionNames, monthNames, type Direction } from '../../domain/registers/plan-words';
import type { Lang } from '../../domain/template';
import { count, dateText, schoolBlock, type ReportContext, type SchoolBlock } from './context';

export type PlanLine = { n: string; activity: string; months: string; responsible: string; done: string };

export type PlanDocModel = {
  school: SchoolBlock;
  plan: Record<Direction, { name: string; items: PlanLine[]; any: boolean }> & { total: string; done: string; has_items: boolean };
};

/** «Қыркүйек – қазан», «В течение года»: months as a plan prints them; the cell as written when it does not read. */
export function monthsText(months: Months | null, written: string, lang: Lang): string {
  if (!months) return written;
  const text = months.all
    ? allYear[lang]
    : months.months.length > 2 && months.months.every((m, i) => i === 0 || Number(m) === (Number(months.months[i - 1]) % 12) + 1)
      ? `${monthNames[months.months[0]!]![lang]} – ${monthNames[months.months[months.months.length - 1]!]![lang]}`
      : months.months.map((m) => monthNames[m]![lang]).join(months.months.length === 2 ? ' – ' : ', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function planDocModel(ctx: ReportContext): PlanDocModel {
  const rows = readPlan(ctx.registry).rows.filter((r) => r.activity);
  let n = 0;
  const directions = Object.fromEntries(
    DIRECTIONS.map((d) => {
      const items = rows
        .filter((r) => r.direction === d)
        .map((r) => ({ n: String(++n), activity: r.activity, months: monthsText(r.months, r.monthsText, ctx.lang), responsible: r.responsible, done: r.doneOn ? dateText(r.doneOn) : '' }));
      return [d, { name: `${d}. ${directionNames[d][ctx.lang]}`, items, any: items.length > 0 }];
    }),
  ) as Record<Direction, { name: string; items: PlanLine[]; any: boolean }>;
  return {
    school: schoolBlock(ctx),
    plan: { ...directions, total: count(n), done: count(rows.filter((r) => r.done).length), has_items: n > 0 },
  };
}
