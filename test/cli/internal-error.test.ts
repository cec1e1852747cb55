// A fault inside Qamqor itself (not the user's file, not the command line) is one line with a hint, not a stack trace.
import { cliRunner } from '../support/cli';

jest.mock('../../src/cli/commands/snapshot', () => ({
  snapshotCommand: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'rows')\n    at somewhere");
  },
}));

const run = cliRunner(new Date('2025-10-01T00:00:00Z'));

describe('an internal error', () => {
  afterEach(() => {
    delete process.env.QAMQOR_DEBUG;
  });

  it('is said in one line per language with the hint, exit status 2, no stack', async () => {
    const result = await run('snapshot', 'book.xlsx', '--lang', 'ru');
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      "внутренняя ошибка: Cannot read properties of undefined (reading 'rows'). Это ошибка Qamqor; для подробностей повторите команду с QAMQOR_DEBUG=1",
    );
    const both = await run('snapshot', 'book.xlsx');
    expect(both.err.split('\n')).toHaveLength(2);
    expect(both.err).not.toMatch(/\n\s+at /);
  });

  it('shows its stack when QAMQOR_DEBUG is set', async () => {
    process.env.QAMQOR_DEBUG = '1';
    const result = await run('snapshot', 'book.xlsx', '--lang', 'kk');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^ішкі қате: .*QAMQOR_DEBUG=1/);
    expect(result.err).toContain('TypeError');
    expect(result.err).toMatch(/\n\s+at /);
  });
});
