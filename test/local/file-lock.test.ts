// The workbook lock: a second command on one book waits, or is told who holds it; a dead holder's lock is taken over.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RegistryError } from '../../src/domain/i18n';
import { readOwner, withWorkbookLock } from '../../src/local/file-lock';

const ROOT = resolve(__dirname, '../..');

function newBook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qamqor-lock-'));
  const path = join(dir, 'registry.xlsx');
  writeFileSync(path, 'book');
  return path;
}

/** A child process that takes the lock as `command`, says "ready" and holds it until it is killed. */
function holder(path: string, command: string, staleMs = 20_000): { child: ChildProcess; ready: Promise<void> } {
  const script = `
    require('tsx/cjs/api').register();
    setInterval(() => {}, 1000);
    require(${JSON.stringify(join(ROOT, 'src/local/file-lock.ts'))})
      .withWorkbookLock(${JSON.stringify(path)}, ${JSON.stringify(command)}, () => { process.stdout.write('ready\\n'); return new Promise(() => {}); }, { staleMs: ${staleMs} });
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && done());
    child.on('exit', (code, signal) => fail(new Error(`holder ended early: ${code ?? signal}`)));
  });
  return { child, ready };
}

function ended(child: ChildProcess): Promise<unknown> {
  return new Promise((done) => child.on('exit', done));
}

describe('the workbook lock', () => {
  it('makes a second command wait until the first is done, then run', async () => {
    const path = newBook();
    const order: string[] = [];
    let letFirstFinish!: () => void;
    const first = withWorkbookLock(path, 'qamqor import a.csv', async () => {
      order.push('first starts');
      await new Promise<void>((done) => (letFirstFinish = done));
      order.push('first ends');
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = withWorkbookLock(path, 'qamqor import b.csv', async () => {
      order.push('second runs');
    });
    setTimeout(() => letFirstFinish(), 700);
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second runs']);
  });

  it('leaves a note of who holds the book beside it while held, and nothing once released', async () => {
    const path = newBook();
    const seen = await withWorkbookLock(path, 'qamqor snapshot', async () => ({ note: readOwner(`${path}.lock.json`), lock: existsSync(`${path}.lock`) }));
    expect(seen.lock).toBe(true);
    expect(seen.note).toMatchObject({ command: 'qamqor snapshot', pid: process.pid, host: hostname() });
    expect(Date.now() - Date.parse(seen.note!.since)).toBeLessThan(10_000);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(existsSync(`${path}.lock.json`)).toBe(false);
  });

  it('releases the book when the command fails', async () => {
    const path = newBook();
    await expect(withWorkbookLock(path, 'qamqor import a.csv', async () => { throw new Error('bad row'); })).rejects.toThrow('bad row');
    expect(existsSync(`${path}.lock`)).toBe(false);
    await expect(withWorkbookLock(path, 'qamqor import a.csv', async () => 'again')).resolves.toBe('again');
  });

  it('tells a second command which command holds the book, since when and its pid, after a short wait', async () => {
    const path = newBook();
    const { child, ready } = holder(path, 'qamqor import pupils.csv');
    try {
      await ready;
      const started = Date.now();
      const refusal = await withWorkbookLock(path, 'qamqor snapshot', async () => 'ran', { waitMs: 800 }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeGreaterThanOrEqual(800);
      expect(refusal).toBeInstanceOf(RegistryError);
      const text = (refusal as RegistryError).text('ru');
      expect(text).toContain('книгу «registry.xlsx» сейчас изменяет другая команда: qamqor import pupils.csv');
      expect(text).toContain(`процесс ${child.pid}`);
      expect(text).toMatch(/с \d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d/);
      expect((refusal as RegistryError).text('kk')).toContain(`«registry.xlsx» кітабын қазір басқа команда өзгертуде: qamqor import pupils.csv (процесс ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('is released when its holder is stopped with Ctrl-C', async () => {
    const path = newBook();
    const { child, ready } = holder(path, 'qamqor import pupils.csv');
    await ready;
    expect(existsSync(`${path}.lock`)).toBe(true);
    const end = ended(child);
    child.kill('SIGINT');
    await end;
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(existsSync(`${path}.lock.json`)).toBe(false);
  }, 30_000);

  it('is taken over once stale when its holder was killed with kill -9', async () => {
    const path = newBook();
    const { child, ready } = holder(path, 'qamqor import pupils.csv', 2_000);
    await ready;
    const end = ended(child);
    child.kill('SIGKILL');
    await end;
    expect(existsSync(`${path}.lock`)).toBe(true);
    // The dead holder cannot refresh its lock: the wait goes on past the usual few seconds until it is stale.
    const ran = await withWorkbookLock(path, 'qamqor snapshot', async () => readOwner(`${path}.lock.json`), { waitMs: 300, staleMs: 2_000 });
    expect(ran).toMatchObject({ command: 'qamqor snapshot', pid: process.pid });
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 30_000);

  it('refuses a read-only book before taking any lock', async () => {
    const path = newBook();
    chmodSync(path, 0o444);
    const refusal = await withWorkbookLock(path, 'qamqor import a.csv', async () => 'ran').catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'file_read_only' });
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('book');
  });
});
