// `qamqor snapshot`: this year's passport archived inside the workbook, for next year's dynamics.
import { currentPassport } from '../../app/build-passport';
import { planSnapshot } from '../../app/snapshot';
import { tabSpec } from '../../domain/template';
import { withWorkbookLock } from '../../local/file-lock';
import { openRegistry } from '../../local/workbook-file';
import { cli, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function snapshotCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('snapshot <book.xlsx>');
  return withWorkbookLock(bookPath, 'qamqor snapshot', () => snapshotInto(bookPath, args, io));
}

async function snapshotInto(bookPath: string, args: CommandArgs, io: Output): Promise<number> {
  const { workbook, registry } = await openRegistry(bookPath, args.lang);
  const lang = args.lang ?? registry.lang;
  const passport = currentPassport(registry);
  const plan = planSnapshot(registry, passport, args.today);
  workbook.apply(plan.changes);
  await workbook.save(bookPath);
  const tab = registry.tabs.passport_archive?.title ?? tabSpec('passport_archive').title[registry.lang];
  io.out(t(cli.snapshotDone, lang, { year: passport.schoolYear, tab, replaced: plan.replaced ? 1 : '' }));
  return 0;
}
