// `qamqor new-year`: archive the passport, graduates to the archive tab, every class one grade up.
import { currentPassport } from '../../app/build-passport';
import { planNewYear, type NewYearPlan } from '../../app/new-year';
import type { Lang } from '../../domain/template';
import { openRegistry } from '../../local/workbook-file';
import { cli, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function newYearCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('new-year <book.xlsx>');
  const { workbook, registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  const plan = planNewYear(registry, currentPassport(registry), args.today);
  workbook.apply(plan.changes);
  await workbook.save(bookPath);
  io.out(describeNewYear(plan, lang));
  return 0;
}

export function describeNewYear(plan: NewYearPlan, lang: Lang): string {
  return t(cli.newYearDone, lang, {
    from: plan.fromYear,
    to: plan.toYear,
    graduates: plan.graduates.reduce((s, g) => s + g.pupils, 0),
    graduateClasses: plan.graduates.map((g) => g.className).join(', '),
    promoted: plan.promoted.length,
  });
}
