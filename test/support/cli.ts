// Runs the qamqor command in-process with a fixed date, capturing what it prints; `answer` plays a person at a
// terminal answering the command's questions (without it, no one can answer, as in a script).
import { main } from '../../src/cli/main';
import type { Output } from '../../src/cli/context';

export function cliRunner(today: Date, options: { answer?: string } = {}) {
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const asked: string[] = [];
    const io: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
    if (options.answer !== undefined) {
      const answer = options.answer;
      io.ask = async (question) => {
        asked.push(question);
        return answer;
      };
    }
    const code = await main(argv, io, today);
    return { code, out: out.join('\n'), err: err.join('\n'), asked };
  };
}
