// Saving a workbook: always whole, never more readable than the school made it, no copy of it left lying about.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RegistryError } from '../../src/domain/i18n';
import { removeStaleTemps, tempFileOwner, writeBackupCopy, writeFileAtomic } from '../../src/local/atomic-file';

const ROOT = resolve(__dirname, '../..');
const isRoot = process.getuid?.() === 0;
const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const mode = (path: string) => statSync(path).mode & 0o777;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'qamqor-atomic-'));
}

function book(dir: string, content = 'old', fileMode = 0o644): string {
  const path = join(dir, 'registry.xlsx');
  writeFileSync(path, content);
  chmodSync(path, fileMode);
  return path;
}

/** What is in the folder besides what the test put there. */
function leftovers(dir: string, expected: string[]): string[] {
  return readdirSync(dir).filter((n) => !expected.includes(n));
}

/**
 * A child process that saves `path` through writeFileAtomic and stops just before the rename (the temporary file
 * is whole on disk), says "ready <temp>" and waits to be killed.
 */
function saveThatHangs(path: string): { child: ChildProcess; temp: Promise<string> } {
  const script = `
    require('tsx/cjs/api').register();
    const fs = require('node:fs');
    fs.promises.rename = (from) => { process.stdout.write('ready ' + from + '\\n'); return new Promise(() => {}); };
    setInterval(() => {}, 1000);
    require(${JSON.stringify(join(ROOT, 'src/local/atomic-file.ts'))}).writeFileAtomic(${JSON.stringify(path)}, Buffer.alloc(2_000_000, 'x'));
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const temp = new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (.+)\n/.exec(out);
      if (m) done(m[1]);
    });
    child.on('exit', (code, signal) => fail(new Error(`child ended early: ${code ?? signal}`)));
  });
  return { child, temp };
}

function ended(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((done) => child.on('exit', (code, signal) => done(signal ?? code)));
}

describe('saving a workbook', () => {
  it('replaces the content and leaves nothing else in the folder', async () => {
    const dir = folder();
    const path = book(dir);
    await writeFileAtomic(path, bytes('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(leftovers(dir, ['registry.xlsx'])).toEqual([]);
  });

  it('keeps a private workbook private (0600 stays 0600) and a shared one shared', async () => {
    const dir = folder();
    const path = book(dir, 'old', 0o600);
    await writeFileAtomic(path, bytes('new'));
    expect(mode(path)).toBe(0o600);
    chmodSync(path, 0o640);
    await writeFileAtomic(path, bytes('newer'));
    expect(mode(path)).toBe(0o640);
  });

  it('makes a new workbook readable by its owner only', async () => {
    const dir = folder();
    const path = join(dir, 'new.xlsx');
    await writeFileAtomic(path, bytes('first'));
    expect(mode(path)).toBe(0o600);
  });

  (isRoot ? it : it.skip)('keeps the workbook\'s owner and group when run as root', async () => {
    const dir = folder();
    const path = book(dir);
    chownSync(path, 4321, 4322);
    await writeFileAtomic(path, bytes('new'));
    expect([statSync(path).uid, statSync(path).gid]).toEqual([4321, 4322]);
  });

  it('saves through a symlink into its target: the link stays a link', async () => {
    const dir = folder();
    const real = book(dir, 'old', 0o600);
    const link = join(dir, 'link.xlsx');
    symlinkSync('registry.xlsx', link);
    await writeFileAtomic(link, bytes('new'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(mode(real)).toBe(0o600);
    expect(leftovers(dir, ['registry.xlsx', 'link.xlsx'])).toEqual([]);
  });

  it('writes its temporary copy private from the first byte, beside the target, under a recognisable name', async () => {
    const dir = folder();
    const path = book(dir, 'old', 0o644);
    const rename = jest.spyOn(fsp, 'rename');
    const seen: { name: string; mode: number }[] = [];
    rename.mockImplementationOnce(async (from, to) => {
      seen.push({ name: String(from), mode: mode(String(from)) });
      return jest.requireActual<typeof import('node:fs')>('node:fs').renameSync(from, to);
    });
    const open = jest.spyOn(fsp, 'open');
    try {
      await writeFileAtomic(path, bytes('new'));
      // Created with 0600 (exclusively), then given the book's own mode just before it replaces the book.
      expect(open.mock.calls.find((c) => String(c[0]).endsWith('.tmp'))?.slice(1)).toEqual(['wx', 0o600]);
    } finally {
      rename.mockRestore();
      open.mockRestore();
    }
    expect(seen).toHaveLength(1);
    const name = seen[0].name.slice(dir.length + 1);
    expect(name).toMatch(new RegExp(`^\\.registry\\.xlsx\\.qamqor-${process.pid}-\\d+\\.tmp$`));
    expect(tempFileOwner('registry.xlsx', name)).toBe(process.pid);
  });

  it('refuses a read-only workbook, naming it in Kazakh and Russian, and writes nothing', async () => {
    const dir = folder();
    const path = book(dir, 'old', 0o444);
    const refusal = await writeFileAtomic(path, bytes('new')).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RegistryError);
    expect((refusal as RegistryError).code).toBe('file_read_only');
    expect((refusal as RegistryError).text('kk')).toContain('тек оқуға');
    expect((refusal as RegistryError).text('ru')).toContain(`файл «${path}» доступен только для чтения`);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(mode(path)).toBe(0o444);
    expect(leftovers(dir, ['registry.xlsx'])).toEqual([]);
  });

  it('leaves the old workbook whole and no temporary file when the save fails', async () => {
    const dir = folder();
    const path = book(dir);
    const rename = jest.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('disk gone'), { code: 'EIO' }));
    try {
      await expect(writeFileAtomic(path, bytes('new'))).rejects.toThrow('disk gone');
    } finally {
      rename.mockRestore();
    }
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(leftovers(dir, ['registry.xlsx'])).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('removes its temporary file when stopped by %s mid-save, and still stops', async (signal) => {
    const dir = folder();
    const path = book(dir, 'old', 0o600);
    const { child, temp } = saveThatHangs(path);
    const tempPath = await temp;
    expect(existsSync(tempPath)).toBe(true);
    expect(mode(tempPath)).toBe(0o600);
    const end = ended(child);
    child.kill(signal);
    expect(await end).toBe(signal);
    expect(existsSync(tempPath)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(leftovers(dir, ['registry.xlsx'])).toEqual([]);
  }, 30_000);

  it('after a kill -9 mid-save, the leftover copy goes at the next open; a live writer\'s copy stays', async () => {
    const dir = folder();
    const path = book(dir);
    const { child, temp } = saveThatHangs(path);
    const tempPath = await temp;
    const end = ended(child);
    child.kill('SIGKILL');
    await end;
    expect(existsSync(tempPath)).toBe(true);

    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    const liveTemp = join(dir, `.registry.xlsx.qamqor-${alive.pid}-1.tmp`);
    const olderStyle = join(dir, `.registry.xlsx.${child.pid}.1733450000000.tmp`);
    const otherBook = join(dir, `.other.xlsx.qamqor-${child.pid}-1.tmp`);
    for (const f of [liveTemp, olderStyle, otherBook]) writeFileSync(f, 'x');
    try {
      expect((await removeStaleTemps(path)).sort()).toEqual([olderStyle, tempPath].sort());
      expect(existsSync(liveTemp)).toBe(true);
      expect(existsSync(otherBook)).toBe(true);
    } finally {
      alive.kill();
    }
    expect(readFileSync(path, 'utf8')).toBe('old');
  }, 30_000);
});

describe('the backup copy', () => {
  it('is written beside the book with its mode, and never over an earlier backup', async () => {
    const dir = folder();
    const path = book(dir, 'year one', 0o640);
    const first = await writeBackupCopy(path, 'before-2025-2026');
    expect(first).toBe(join(dir, 'registry.before-2025-2026.xlsx'));
    expect(readFileSync(first, 'utf8')).toBe('year one');
    expect(mode(first)).toBe(0o640);

    writeFileSync(path, 'year one, changed');
    const second = await writeBackupCopy(path, 'before-2025-2026');
    expect(second).toBe(join(dir, 'registry.before-2025-2026-2.xlsx'));
    expect(readFileSync(first, 'utf8')).toBe('year one');
    expect(readFileSync(second, 'utf8')).toBe('year one, changed');
    expect(leftovers(dir, ['registry.xlsx', 'registry.before-2025-2026.xlsx', 'registry.before-2025-2026-2.xlsx'])).toEqual([]);
  });
});
