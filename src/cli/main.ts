// The `qamqor` command: reads the command line, says what is wrong with it in one language, then loads and runs only
// the command that was typed. Whatever stops a command is said in the user's language, without a stack trace.
import { version } from '../../package.json';
import { RegistryError } from '../domain/i18n';
import type { Lang } from '../domain/template';
import { COMMANDS, commandSpec, FLAGS, flagsOf, type CommandSpec, type FlagName } from './commands';
import { checkCommandLine, closest, commandArgs, consoleOutput, readCommandLine, UsageError, watchOutputStreams, type Output, type UsageProblem } from './context';
import {
  cli,
  commandHelp,
  expectedValues,
  failureText,
  fileErrorAliases,
  fileErrors,
  flagHelp,
  helpText,
  placeholders,
  t,
  usageProblems,
} from './messages';

/** Exit status: 0 done, 1 the registry has errors (or rows were rejected), 2 the command could not run. */
export async function main(argv: string[], io: Output = consoleOutput, today = new Date()): Promise<number> {
  const line = readCommandLine(argv);
  // Before a workbook is open its language is unknown: --lang if given, else Kazakh, never a mix of the two.
  const lang = line.lang ?? 'kk';
  let name = line.command;
  let help = line.help;
  if (name === 'help') {
    help = true;
    name = line.positionals[0] ?? null;
  }
  if (help) {
    if (name === null) {
      io.out(usage(lang));
      return 0;
    }
    const spec = commandSpec(name);
    if (!spec) return unknownCommand(name, lang, io);
    io.out(commandHelpText(name, spec, lang));
    return 0;
  }
  if (line.version) {
    io.out(`qamqor ${version}`);
    return 0;
  }
  if (name === null) {
    for (const p of line.problems) io.err(problemText(p, lang));
    if (line.problems.length === 0) io.err(problemText({ code: 'no_command' }, lang));
    io.err(usage(lang));
    return 2;
  }
  const spec = commandSpec(name);
  if (!spec) return unknownCommand(name, lang, io);
  const problems = [...line.problems, ...checkCommandLine(line, name, spec)];
  if (problems.length > 0) {
    for (const p of problems) io.err(problemText(p, lang));
    io.err(`${t(helpText.usage, lang)} ${signature(name, spec, lang)}`);
    io.err(t(helpText.seeHelp, lang, { command: name }));
    return 2;
  }
  try {
    const command = await spec.load();
    return await command(commandArgs(line, today), io);
  } catch (e) {
    return failure(e, line.lang, io);
  }
}

/**
 * The entry of the built command (bin/qamqor.js): output whose reader went away (`| head`) ends quietly, and a
 * failure to write stdout (a full disk under `> file`) is said and turns the exit status to 2.
 */
export async function runCli(argv: string[]): Promise<void> {
  let outputLost = false;
  watchOutputStreams((e) => {
    outputLost = true;
    process.exitCode = 2;
    for (const l of ['kk', 'ru'] as const) consoleOutput.err(`${t(failureText.stdout, l)} (${e.code ?? e.message})`);
  });
  const code = await main(argv);
  process.exitCode = outputLost ? 2 : code;
}

function unknownCommand(name: string, lang: Lang, io: Output): number {
  io.err(problemText({ code: 'unknown_command', value: name, suggestion: closest(name, Object.keys(COMMANDS)) }, lang));
  io.err(usage(lang));
  return 2;
}

function usage(lang: Lang): string {
  const lines = Object.entries(COMMANDS).map(([name, spec]) => `  ${signature(name, spec, lang)}`);
  return [t(helpText.usage, lang), ...lines, t(helpText.usageNotes, lang)].join('\n');
}

/** `qamqor reports <кітап.xlsx> --out БУМА [--lang kk|ru] …`: required flags bare, the others in brackets. */
function signature(name: string, spec: CommandSpec, lang: Lang): string {
  const args = spec.args.map((a) => placeholders[a][lang]);
  const flags = spec.flags.map((f) => (spec.required?.includes(f) ? flagWithValue(f, lang) : `[${flagWithValue(f, lang)}]`));
  return ['qamqor', name, ...args, ...flags].join(' ');
}

function flagWithValue(flag: FlagName, lang: Lang): string {
  return FLAGS[flag].type === 'boolean' ? `--${flag}` : `--${flag} ${valueWord(flag, lang)}`;
}

/** What a flag's value looks like on a usage line ("БУМА", "kk|ru"). */
function valueWord(flag: FlagName, lang: Lang): string {
  return (placeholders as Record<string, Record<Lang, string> | undefined>)[flag]?.[lang] ?? '…';
}

function commandHelpText(name: string, spec: CommandSpec, lang: Lang): string {
  const about = commandHelp[name]?.[lang];
  const options: [string, string][] = flagsOf(spec).map((f) => [flagWithValue(f, lang), (flagHelp[`${name}.${f}`] ?? flagHelp[f])?.[lang] ?? '']);
  options.push(['-h, --help', t(helpText.helpFlag, lang)]);
  const width = Math.max(...options.map(([o]) => o.length)) + 2;
  return [
    `${t(helpText.usage, lang)} ${signature(name, spec, lang)}`,
    ...(about ? ['', about.about] : []),
    '',
    t(helpText.options, lang),
    ...options.map(([o, text]) => `  ${o.padEnd(width)}${text}`),
    '',
    t(helpText.exitCodes, lang, { one: about?.one ?? '' }),
  ].join('\n');
}

function problemText(p: UsageProblem, lang: Lang): string {
  switch (p.code) {
    case 'no_command':
      return t(usageProblems.no_command, lang);
    case 'unknown_command':
      return t(usageProblems.unknown_command, lang, { value: p.value, suggestion: p.suggestion ?? '' });
    case 'unknown_flag':
      return t(usageProblems.unknown_flag, lang, { flag: p.flag, suggestion: p.suggestion ?? '' });
    case 'flag_not_taken':
      return t(usageProblems.flag_not_taken, lang, { flag: p.flag, command: p.command });
    case 'missing_value':
      return t(usageProblems.missing_value, lang, { flag: `--${p.flag}`, example: valueWord(p.flag, lang) });
    case 'unexpected_value':
      return t(usageProblems.unexpected_value, lang, { flag: `--${p.flag}` });
    case 'repeated_flag':
      return t(usageProblems.repeated_flag, lang, { flag: `--${p.flag}` });
    case 'bad_value': {
      const expected = p.flag in expectedValues ? expectedValues[p.flag as keyof typeof expectedValues][lang] : '';
      return t(usageProblems.bad_value, lang, { flag: `--${p.flag}`, value: p.value, expected });
    }
    case 'missing_argument':
      return t(usageProblems.missing_argument, lang, { command: p.command, arg: placeholders[p.arg][lang] });
    case 'extra_argument':
      return t(usageProblems.extra_argument, lang, { command: p.command, value: p.value });
    case 'missing_flag':
      return t(usageProblems.missing_flag, lang, { command: p.command, flag: `--${p.flag}`, example: valueWord(p.flag, lang) });
  }
}

/** What stopped a command, said in `lang` when it is known, else in Kazakh and then in Russian. */
function failure(e: unknown, explicitLang: Lang | null, io: Output): number {
  const say = (lang: Lang | null, text: (l: Lang) => string) => {
    for (const l of lang ? [lang] : (['kk', 'ru'] as const)) io.err(text(l));
  };
  if (e instanceof RegistryError) {
    say(explicitLang ?? e.lang, (l) => e.text(l));
    return 2;
  }
  if (e instanceof UsageError) {
    // A command words its own usage errors in the workbook's language, which only it knows; its text tells which.
    const lang = e.lang ?? languageOf(e.message);
    if (lang) io.err(e.message);
    else io.err(t(cli.badOption, explicitLang ?? 'kk', { value: e.message }));
    return 2;
  }
  const { message, stack } = errorParts(e);
  if (fileErrorText(e, 'kk') !== null) say(explicitLang, (l) => fileErrorText(e, l)!);
  else say(explicitLang, (l) => t(failureText.internal, l, { value: message.split('\n')[0]! }));
  // The stack is for whoever fixes Qamqor, not for the school: only on request.
  if (process.env.QAMQOR_DEBUG && stack) io.err(stack);
  return 2;
}

// Errors are read by their fields, not by instanceof: Node's own errors may come from another realm (a vm, jest).
function errorParts(e: unknown): { message: string; stack: string | null } {
  const fields = typeof e === 'object' && e !== null ? (e as { message?: unknown; stack?: unknown }) : {};
  return {
    message: typeof fields.message === 'string' ? fields.message : String(e),
    stack: typeof fields.stack === 'string' ? fields.stack : null,
  };
}

/** A file-system error from Node (it carries a code and the path it failed on), in words; null for anything else. */
export function fileErrorText(e: unknown, lang: Lang): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const { code, path } = e as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || typeof path !== 'string') return null;
  const key = code in fileErrors ? (code as keyof typeof fileErrors) : (fileErrorAliases[code] ?? 'other');
  return t(fileErrors[key], lang, { path, code });
}

/** Kazakh and Russian share the Cyrillic alphabet; only Kazakh has these letters. */
function languageOf(text: string): Lang | null {
  if (!/\p{Script=Cyrillic}/u.test(text)) return null;
  return /[әғқңөұүһі]/i.test(text) ? 'kk' : 'ru';
}
