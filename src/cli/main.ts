// The `qamqor` command: dispatches to a command; a problem the user can fix is said in their language.
import { RegistryError } from '../domain/i18n';
import type { Lang } from '../domain/template';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { newYearCommand } from './commands/new-year';
import { passportCommand } from './commands/passport';
import { reportsCommand } from './commands/reports';
import { snapshotCommand } from './commands/snapshot';
import { validateCommand } from './commands/validate';
import { consoleOutput, parseCommandArgs, UsageError, type CommandArgs, type Output } from './context';
import { cli, t } from './messages';

type Command = (args: CommandArgs, io: Output) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  import: importCommand,
  validate: validateCommand,
  passport: passportCommand,
  snapshot: snapshotCommand,
  'new-year': newYearCommand,
  reports: reportsCommand,
  demo: demoCommand,
};

/** Exit status: 0 done, 1 the registry has errors (or rows were rejected), 2 the command could not run. */
export async function main(argv: string[], io: Output = consoleOutput, today = new Date()): Promise<number> {
  const [name, ...rest] = argv;
  const langAt = rest.indexOf('--lang');
  const explicitLang: Lang | null = langAt >= 0 && (rest[langAt + 1] === 'kk' || rest[langAt + 1] === 'ru') ? (rest[langAt + 1] as Lang) : null;
  const langHint: Lang = explicitLang ?? 'kk';
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(t(cli.usage, langHint));
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(t(cli.unknownCommand, langHint, { value: name }));
    io.err(t(cli.usage, langHint));
    return 2;
  }
  try {
    return await command(parseCommandArgs(rest, today), io);
  } catch (e) {
    if (e instanceof RegistryError) {
      // Said in the workbook's language when it is known, else in both.
      const lang = explicitLang ?? e.lang;
      io.err(lang ? e.text(lang) : `${e.text('kk')}\n${e.text('ru')}`);
      return 2;
    }
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(t(cli.badOption, langHint, { value: e.message }));
      io.err(t(cli.usage, langHint));
      return 2;
    }
    throw e;
  }
}
