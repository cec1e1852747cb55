// What every command gets: its arguments, the output streams and the language it speaks.
import { parseArgs } from 'node:util';
import type { Lang } from '../domain/template';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A line rewritten in place (a progress bar); only where a person watches a terminal. */
  status?(text: string): void;
}

export const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(`\r\x1b[K${fitLine(text, process.stderr.columns)}`) } : {}),
};

/** A status line cut to the terminal's width: a line that wrapped could no longer be rewritten in place. */
function fitLine(text: string, columns: number | undefined): string {
  const width = (columns ?? 80) - 1;
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
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
  today: Date;
}

export function parseCommandArgs(argv: string[], today: Date): CommandArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: 'string' },
      year: { type: 'string' },
      school: { type: 'string' },
      json: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      compare: { type: 'string' },
      out: { type: 'string' },
      pupils: { type: 'string' },
      only: { type: 'string', multiple: true },
    },
  });
  if (values.lang !== undefined && values.lang !== 'kk' && values.lang !== 'ru') throw new UsageError(`--lang ${values.lang}`);
  const pupils = values.pupils === undefined ? undefined : Number(values.pupils);
  if (pupils !== undefined && !(Number.isInteger(pupils) && pupils > 0)) throw new UsageError(`--pupils ${values.pupils}`);
  return {
    positionals,
    lang: values.lang as Lang | undefined,
    year: values.year,
    school: values.school,
    json: values.json ?? false,
    write: values.write ?? false,
    compare: values.compare,
    out: values.out,
    pupils,
    only: (values.only ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean),
    today,
  };
}

/** A command typed wrongly: the usage is shown. */
export class UsageError extends Error {}
