// Runs the qamqor command in-process with a fixed date, capturing what it prints.
import { main } from '../../src/cli/main';

export function cliRunner(today: Date) {
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, today);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
