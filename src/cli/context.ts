// What every command gets: its arguments, the output streams and the language it speaks; and the reading of the
// command line as people type it (flags anywhere, before the command name too), each mistake kept as a problem to say.
import { isatty } from 'node:tty';
import { parseSchoolYear } from '../domain/school-year';
import type { Lang } from '../domain/template';
import { FLAGS, flagsOf, type ArgName, type CommandSpec, type FlagName } from './commands';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A line rewritten in place (a progress bar); only where a person watches a terminal. */
  status?(text: string): void;
  /** A question answered on the terminal; absent when no one can answer (a script, a pipe, a scheduled task). */
  ask?(question: string): Promise<string>;
}

/** Set when a reader closed our output early (`qamqor … | head`): what is left to say has no one to read it. */
const closed = { out: false, err: false };

export const consoleOutput: Output = {
  out: (text) => write(process.stdout, 'out', `${text}\n`),
  err: (text) => write(process.stderr, 'err', `${text}\n`),
  ...(process.stderr.isTTY ? { status: (text: string) => write(process.stderr, 'err', `\r\x1b[K${fitLine(text, process.stderr.columns)}`) } : {}),
  // isatty, not process.stdin.isTTY: touching process.stdin would open the stream on every run.
  ...(isatty(0) ? { ask: askOnTerminal } : {}),
};

function write(stream: NodeJS.WriteStream, which: keyof typeof closed, text: string): void {
  if (closed[which]) return;
  try {
    stream.write(text);
  } catch {
    closed[which] = true;
  }
}

/**
 * Output whose reader went away ends quietly instead of with Node's stack trace; any other failure to write stdout
 * (a full disk under `> file`) is handed to `onFailure`, as the output the user asked for is then incomplete.
 */
export function watchOutputStreams(onFailure: (error: NodeJS.ErrnoException) => void): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    closed.out = true;
    if (e.code !== 'EPIPE') onFailure(e);
  });
  process.stderr.on('error', () => {
    closed.err = true;
  });
}

/** A status line cut to the terminal's width: a line that wrapped could no longer be rewritten in place. */
function fitLine(text: string, columns: number | undefined): string {
  const width = (columns || 80) - 1; // 0 where the terminal has no size (a pty without one)
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}

/** The question goes to stderr, so that stdout stays the command's own output; end of input or Ctrl+C answers nothing. */
async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    rl.on('close', () => {
      if (!answered) process.stderr.write('\n');
      resolve('');
    });
    rl.on('SIGINT', () => rl.close());
    rl.question(`${question} `, (answer) => {
      answered = true;
      resolve(answer); // before close(), whose event would settle the promise with no answer
      rl.close();
    });
  });
}

export interface CommandArgs {
  positionals: string[];
  lang?: Lang;
  year?: string;
  school?: string;
  json: boolean;
  write: boolean;
  compare?: string;
  out?: string;
  pupils?: number;
  /** `--only`, repeatable or comma-separated. */
  only: string[];
  /** `--draft`: reports made even though the registry has errors, marked as drafts. */
  draft: boolean;
  today: Date;
  /** `--google ids.txt`: the district's schools as Google Sheets spreadsheets. */
  google?: string;
  /** `--credentials key.json`: the service account's key (else GOOGLE_APPLICATION_CREDENTIALS). */
  credentials?: string;
  /** `--registry book.xlsx`: where a case file's pupils are named (by IIN). */
  registry?: string;
  /** `--into TARGET`: what a CSV is imported into (pupils when absent). */
  into?: string;
  /** `--password`: the case file's password, as typed. */
  password?: string;
  /** `--cases C-001,C-002`: chosen cases, repeatable or comma-separated. */
  cases: string[];
  /** `--month YYYY-MM`, as typed (checked to be a month). */
  month?: string;
  /** `--as-of YYYY-MM-DD`: the day whose roll is counted. */
  asOf?: string;
}

/** A mistake on the command line, said by main in the user's language (messages.ts `usageProblems`). */
export type UsageProblem =
  | { code: 'no_command' }
  | { code: 'unknown_command'; value: string; suggestion: string | null }
  | { code: 'unknown_flag'; flag: string; suggestion: string | null }
  | { code: 'flag_not_taken'; flag: string; command: string }
  | { code: 'missing_value'; flag: FlagName }
  | { code: 'unexpected_value'; flag: FlagName }
  | { code: 'repeated_flag'; flag: FlagName }
  | { code: 'bad_value'; flag: FlagName; value: string }
  | { code: 'missing_argument'; command: string; arg: ArgName }
  | { code: 'extra_argument'; command: string; value: string }
  | { code: 'missing_flag'; command: string; flag: FlagName };

export interface CommandLine {
  /** The first word that is not a flag or a flag's value. */
  command: string | null;
  /** The words after the command name. */
  positionals: string[];
  values: { [F in FlagName]?: string | boolean | string[] };
  /** The flags as typed, in order, for the command's check. */
  given: FlagName[];
  help: boolean;
  version: boolean;
  /** `--lang` when it is kk or ru: the language of everything said before a workbook is open. */
  lang: Lang | null;
  problems: UsageProblem[];
}

const SHORT: Record<string, 'help' | 'version'> = { '-h': 'help', '-V': 'version' };

/**
 * Reads the words of a command line the same way for every command: `--flag value`, `--flag=value`, `-h`, `-V`,
 * `--` ending the flags. Flags may come before the command name, so a flag's kind (takes a value or not) is the same
 * for every command; which command takes which flag is checked afterwards by `checkCommandLine`.
 */
export function readCommandLine(argv: readonly string[]): CommandLine {
  const line: CommandLine = { command: null, positionals: [], values: {}, given: [], help: false, version: false, lang: null, problems: [] };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (SHORT[word]) {
      line[SHORT[word]] = true;
      continue;
    }
    if (!word.startsWith('-') || word === '-') {
      words.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.startsWith('--') ? word.slice(2, eq < 0 ? undefined : eq) : null;
    if (name === 'help' || name === 'version') {
      line[name] = true;
      continue;
    }
    if (name === null || !Object.prototype.hasOwnProperty.call(FLAGS, name)) {
      line.problems.push({ code: 'unknown_flag', flag: eq < 0 ? word : word.slice(0, eq), suggestion: closest(name ?? word.replace(/^-+/, ''), [...Object.keys(FLAGS), 'help', 'version'], '--') });
      continue;
    }
    const flag = name as FlagName;
    const spec: { type: 'string' | 'boolean'; multiple?: boolean } = FLAGS[flag];
    let value: string | true;
    if (spec.type === 'boolean') {
      if (eq >= 0) {
        line.problems.push({ code: 'unexpected_value', flag });
        continue;
      }
      value = true;
    } else if (eq >= 0) {
      value = word.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      // A next word that is itself a flag means the value was forgotten (`--out --lang ru`), not that it is "--lang".
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        line.problems.push({ code: 'missing_value', flag });
        continue;
      }
      value = next;
      i++;
    }
    line.given.push(flag);
    if (spec.multiple) {
      line.values[flag] = [...((line.values[flag] as string[] | undefined) ?? []), value as string];
    } else if (flag in line.values && line.values[flag] !== value) {
      line.problems.push({ code: 'repeated_flag', flag });
    } else {
      line.values[flag] = value;
    }
  }
  line.command = words[0] ?? null;
  line.positionals = words.slice(1);
  for (const problem of badValues(line.values)) line.problems.push(problem);
  const lang = line.values.lang;
  if (lang === 'kk' || lang === 'ru') line.lang = lang;
  return line;
}

function badValues(values: CommandLine['values']): UsageProblem[] {
  const bad: UsageProblem[] = [];
  const { lang, year, pupils } = values;
  if (typeof lang === 'string' && lang !== 'kk' && lang !== 'ru') bad.push({ code: 'bad_value', flag: 'lang', value: lang });
  if (typeof year === 'string' && !parseSchoolYear(year)) bad.push({ code: 'bad_value', flag: 'year', value: year });
  if (typeof pupils === 'string' && !/^[1-9]\d{0,6}$/.test(pupils.trim())) bad.push({ code: 'bad_value', flag: 'pupils', value: pupils });
  const day = values.today;
  if (typeof day === 'string' && localDay(day) === null) bad.push({ code: 'bad_value', flag: 'today', value: day });
  const asOf = values['as-of'];
  if (typeof asOf === 'string' && localDay(asOf) === null) bad.push({ code: 'bad_value', flag: 'as-of', value: asOf });
  const month = values.month;
  if (typeof month === 'string' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month.trim())) bad.push({ code: 'bad_value', flag: 'month', value: month });
  return bad;
}

/** The command's own rules: the flags it takes, its arguments, the flags it cannot do without. */
export function checkCommandLine(line: CommandLine, command: string, spec: CommandSpec): UsageProblem[] {
  const problems: UsageProblem[] = [];
  const takes = new Set(flagsOf(spec));
  for (const flag of new Set(line.given)) if (!takes.has(flag)) problems.push({ code: 'flag_not_taken', flag: `--${flag}`, command });
  // A last argument ending in `…` takes any number of words; the command itself says when it needs at least one.
  const variadic = spec.args.length > 0 && spec.args[spec.args.length - 1]!.endsWith('…');
  const fixed = variadic ? spec.args.slice(0, -1) : spec.args;
  if (!variadic) for (const extra of line.positionals.slice(spec.args.length)) problems.push({ code: 'extra_argument', command, value: extra });
  for (const arg of fixed.slice(line.positionals.length)) problems.push({ code: 'missing_argument', command, arg });
  const saidMissing = new Set(line.problems.flatMap((p) => (p.code === 'missing_value' ? [p.flag] : [])));
  for (const flag of spec.required ?? []) if (line.values[flag] === undefined && !saidMissing.has(flag)) problems.push({ code: 'missing_flag', command, flag });
  return problems;
}

export function commandArgs(line: CommandLine, today: Date): CommandArgs {
  const v = line.values;
  const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return {
    positionals: line.positionals,
    lang: line.lang ?? undefined,
    year: text(v.year),
    school: text(v.school),
    json: v.json === true,
    write: v.write === true,
    draft: v.draft === true,
    compare: text(v.compare),
    out: text(v.out),
    pupils: v.pupils === undefined ? undefined : Number(v.pupils),
    only: ((v.only as string[] | undefined) ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean),
    today: (typeof v.today === 'string' ? localDay(v.today) : null) ?? today,
    google: text(v.google),
    credentials: text(v.credentials),
    registry: text(v.registry),
    into: text(v.into),
    password: text(v.password),
    cases: (text(v.cases) ?? '').split(',').map((x) => x.trim()).filter(Boolean),
    month: text(v.month)?.trim(),
    asOf: text(v['as-of'])?.trim(),
  };
}

/** `--today 2025-11-20` as the computer's midnight of that day (so that its calendar day is that day); null when not a date. */
export function localDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

/** The nearest known word to a mistyped one (two typing slips at most), for "did you mean". */
export function closest(word: string, known: readonly string[], prefix = ''): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k);
    if (d < bestDistance && d < Math.max(2, k.length / 2)) {
      best = k;
      bestDistance = d;
    }
  }
  return best === null ? null : `${prefix}${best}`;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * A command typed wrongly, found by the command itself. Its text is either a whole sentence in the user's language
 * (then `lang` says which) or a bare piece of the command line (`--only wizards`), which main words for the user.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly lang?: Lang,
  ) {
    super(message);
  }
}
