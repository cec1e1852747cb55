// `qamqor init`: a new, empty registry laid out from sheets-template/.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { planSetup } from '../../app/setup';
import { RegistryError } from '../../domain/i18n';
import { parseSchoolYear, schoolYearOf } from '../../domain/school-year';
import { withWorkbookLock } from '../../local/file-lock';
import { XlsxWorkbook } from '../../local/xlsx-workbook';
import { cli, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function initCommand(args: CommandArgs, io: Output): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('init <book.xlsx>');
  // Under the lock, two inits of one name cannot both find it free and both save.
  return withWorkbookLock(file, 'qamqor init', () => initInto(file, args, io));
}

async function initInto(file: string, args: CommandArgs, io: Output): Promise<number> {
  if (existsSync(file)) throw new RegistryError('file_exists', { file });
  const lang = args.lang ?? 'kk';
  const year = args.year === undefined ? schoolYearOf(args.today) : parseSchoolYear(args.year);
  if (!year) throw new UsageError(`--year ${args.year}`);
  const workbook = XlsxWorkbook.create();
  const plan = planSetup(workbook.read(), { lang, settings: { school_year: year.name, school_name: args.school ?? '' } });
  workbook.apply(plan.changes);
  await workbook.save(file);
  io.out(t(cli.initDone, lang, { file: basename(file), year: year.name, tabs: plan.created.join(', ') }));
  return 0;
}
