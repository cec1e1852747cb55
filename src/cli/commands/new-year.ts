// `qamqor new-year`: archive the passport, graduates to the archive tab, every class one grade up.
import { basename } from 'node:path';
import { currentPassport } from '../../app/build-passport';
import { planNewYear, type NewYearPlan } from '../../app/new-year';
import { fileNotes, say } from '../../domain/i18n';
import type { Lang } from '../../domain/template';
import { writeBackupCopy } from '../../local/atomic-file';
import { withWorkbookLock } from '../../local/file-lock';
import { openRegistry } from '../../local/workbook-file';
import { cli, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function newYearCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('new-year <book.xlsx>');
  return withWorkbookLock(bookPath, 'qamqor new-year', () => newYearIn(bookPath, args, io));
}

async function newYearIn(bookPath: string, args: CommandArgs, io: Output): Promise<number> {
  const { workbook, registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  // The plan refuses a year that has already begun, before anything is copied or changed.
  const plan = planNewYear(registry, currentPassport(registry), args.today);
  // Last year's book as it was comes first: whatever happens next, the school still has it whole.
  const backup = await writeBackupCopy(bookPath, `before-${plan.fromYear}`);
  workbook.apply(plan.changes);
  await workbook.save(bookPath);
  io.out(describeNewYear(plan, lang));
  io.out(say(fileNotes.backup_written, lang, { file: basename(backup) }));
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
