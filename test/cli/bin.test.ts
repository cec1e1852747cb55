// The real `qamqor` program as a shell starts it (bin/qamqor.js and its bundle), in a child process: it answers
// --version and --help, and output cut short by a reader that stops (`qamqor --help | head -1`) ends quietly.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { version } from '../../package.json';

const bin = join(__dirname, '..', '..', 'bin', 'qamqor.js');
const root = join(__dirname, '..', '..');

/** Runs the bin with its stdout or stderr closed by the reader before it writes a word. */
function runWithClosed(stream: 'stdout' | 'stderr', args: string[]): Promise<{ code: number | null; signal: string | null; other: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child[stream].destroy();
    const other = stream === 'stdout' ? child.stderr : child.stdout;
    let text = '';
    other.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, other: text }));
  });
}

describe('the qamqor program', () => {
  // The first run may build the bundle (dist/cli/ is not in git).
  it('prints its version with --version and -V', () => {
    for (const flag of ['--version', '-V']) {
      const result = spawnSync(process.execPath, [bin, flag], { cwd: root, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(`qamqor ${version}\n`);
      expect(result.status).toBe(0);
    }
  }, 60_000);

  it('prints the usage of every command with --help, in the language of --lang', () => {
    const result = spawnSync(process.execPath, [bin, '--lang', 'ru', '--help'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Использование:\n {2}qamqor init/);
    expect(result.stdout).toContain('qamqor demo');
  }, 60_000);

  it('ends quietly when the reader of its output has gone (EPIPE), with no stack trace', async () => {
    const closedOut = await runWithClosed('stdout', ['--help']);
    expect(closedOut).toEqual({ code: 0, signal: null, other: '' });
    // A refusal said on a closed stderr: still the refusal's exit status, not a crash.
    const closedErr = await runWithClosed('stderr', ['frobnicate']);
    expect(closedErr).toEqual({ code: 2, signal: null, other: '' });
  }, 60_000);
});
