// What each `qamqor` command takes (arguments, flags) and where its code is: main checks a command line against
// this table before anything heavy is loaded, and loads only the module of the command that was typed.
import type { CommandArgs, Output } from './context';

export type Command = (args: CommandArgs, io: Output) => Promise<number>;

/** Every flag any command takes. A flag means the same thing, and takes the same kind of value, for every command. */
export const FLAGS = {
  lang: { type: 'string' },
  year: { type: 'string' },
  school: { type: 'string' },
  json: { type: 'boolean' },
  write: { type: 'boolean' },
  compare: { type: 'string' },
  out: { type: 'string' },
  pupils: { type: 'string' },
  only: { type: 'string', multiple: true },
  draft: { type: 'boolean' },
  google: { type: 'string' },
  credentials: { type: 'string' },
  /** The registry a case file's pupils are looked up in (names and classes by IIN; nothing goes the other way). */
  registry: { type: 'string' },
  /** The day deadlines are counted on, YYYY-MM-DD (default: the computer's). */
  today: { type: 'string' },
  /** What a CSV is imported into: pupils (the default), or a tab of the case file; see IMPORT_TARGETS in commands/import.ts. */
  into: { type: 'string' },
  /** The case file's password (else the QAMQOR_CASES_PASSWORD variable). */
  password: { type: 'string' },
  /** Case ids, comma-separated: the documents of these cases only. */
  cases: { type: 'string' },
  /** A month, YYYY-MM: the social movement of that month (`movement`, `reports --only movement`). */
  month: { type: 'string' },
  /** A day, YYYY-MM-DD: the passport, lists and reports of the roll on that day (the pupils who were at school then). */
  'as-of': { type: 'string' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

export type FlagName = keyof typeof FLAGS;

/** A positional argument, named by its placeholder in messages.ts; a last one ending in `…` takes any number of words. */
export type ArgName = 'book' | 'csv' | 'district' | 'schools…' | 'cases…';

export interface CommandSpec {
  /** Positional arguments, all required, except a last one ending in `…` (any number: the command checks them). */
  args: readonly ArgName[];
  /**
   * Flags besides the ones every command takes (--lang, --help, --version), in the order the usage line shows them;
   * a common flag listed here is shown on the usage line because it means more for this command.
   */
  flags: readonly FlagName[];
  /** Flags the command cannot run without. */
  required?: readonly FlagName[];
  load(): Promise<Command>;
}

/** Flags every command takes. */
export const COMMON_FLAGS: readonly FlagName[] = ['lang'];

// Each loader is a dynamic import, so the bundle keeps each command (and exceljs, docx…) in a chunk of its own.
export const COMMANDS = {
  init: { args: ['book'], flags: ['lang', 'year', 'school'], load: () => import('./commands/init').then((m) => m.initCommand) },
  import: { args: ['book', 'csv'], flags: ['into', 'password'], load: () => import('./commands/import').then((m) => m.importCommand) },
  validate: { args: ['book'], flags: ['json', 'write'], load: () => import('./commands/validate').then((m) => m.validateCommand) },
  passport: {
    args: ['book'],
    flags: ['json', 'write', 'compare', 'as-of'],
    load: () => import('./commands/passport').then((m) => m.passportCommand),
  },
  snapshot: { args: ['book'], flags: [], load: () => import('./commands/snapshot').then((m) => m.snapshotCommand) },
  'new-year': { args: ['book'], flags: [], load: () => import('./commands/new-year').then((m) => m.newYearCommand) },
  reports: {
    args: ['book'],
    flags: ['out', 'lang', 'compare', 'only', 'draft', 'as-of', 'month', 'today'],
    required: ['out'],
    load: () => import('./commands/reports').then((m) => m.reportsCommand),
  },
  demo: { args: [], flags: ['out', 'lang', 'pupils'], load: () => import('./commands/demo').then((m) => m.demoCommand) },
  movement: { args: ['book'], flags: ['month', 'json'], required: ['month'], load: () => import('./commands/movement').then((m) => m.movementCommand) },
  inspections: { args: ['book'], flags: ['today', 'json'], load: () => import('./commands/inspections').then((m) => m.inspectionsCommand) },
  aid: { args: ['book'], flags: ['json'], load: () => import('./commands/aid').then((m) => m.aidCommand) },
  plan: { args: ['book'], flags: ['today', 'json'], load: () => import('./commands/plan').then((m) => m.planCommand) },
  // `cases init <cases.xlsx>`, `cases <cases.xlsx>`, `cases validate <cases.xlsx>`, `cases reports <cases.xlsx>`: the
  // subcommand is the first word; each takes its own flags of these (commands/cases.ts checks them).
  cases: {
    args: ['cases…'],
    flags: ['registry', 'today', 'json', 'password', 'out', 'cases', 'only', 'lang'],
    load: () => import('./commands/cases').then((m) => m.casesCommand),
  },
  district: {
    args: ['district', 'schools…'],
    flags: ['json', 'google', 'credentials', 'year', 'lang'],
    load: () => import('./commands/district').then((m) => m.districtCommand),
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export function commandSpec(name: string): CommandSpec | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
}

export function flagsOf(spec: CommandSpec): FlagName[] {
  return [...spec.flags, ...COMMON_FLAGS.filter((f) => !spec.flags.includes(f))];
}
