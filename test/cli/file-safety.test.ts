// The workbook file under real use: two commands at once, a read-only book, a link, a killed save, new-year run twice.
// Commands that must overlap run as separate processes (`node bin/qamqor.js`), as two people at two terminals would.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRegistry } from '../../src/domain/registry/registry';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliRunner } from '../support/cli';
import { pupil } from '../support/workbook';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/qamqor.js');
const run = cliRunner(new Date('2026-05-20T08:00:00Z'));

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'qamqor-safety-'));
}

async function newBook(dir: string, lang: 'kk' | 'ru' = 'ru'): Promise<string> {
  const path = join(dir, 'registry.xlsx');
  const made = await run('init', path, '--lang', lang, '--year', '2025-2026', '--school', 'Школа № 1');
  expect(made.code).toBe(0);
  return path;
}

/** A pupils CSV of `count` pupils in `classes`, each with a valid IIN of its own. */
function pupilsCsv(path: string, classes: string[], count: number): string[] {
  const iins: string[] = [];
  const lines = ['class,full_name,iin,birth_date,sex'];
  for (let i = 0; i < count; i++) {
    const cls = classes[i % classes.length];
    const p = pupil(Number.parseInt(cls, 10));
    iins.push(String(p.iin));
    lines.push(`${cls},${p.full_name},${p.iin},${p.birth_date},M`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return iins;
}

/** The qamqor command in a process of its own. */
function qamqor(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...argv], { cwd: ROOT }, (error, out, err) => {
      done({ code: error ? Number(error.code ?? 2) : 0, out, err });
    });
  });
}

async function iinsIn(path: string): Promise<string[]> {
  return readRegistry((await XlsxWorkbook.open(path)).read()).pupils.map((p) => p.iin);
}

/** Files in the folder that no one asked for: temporary copies, locks, notes. */
function strays(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('.') || n.includes('.lock') || n.endsWith('.tmp'));
}

/** A process that holds the lock on `path` as `command` until killed. */
function holder(path: string, command: string): { child: ChildProcess; ready: Promise<void> } {
  const script = `
    require('tsx/cjs/api').register();
    setInterval(() => {}, 1000);
    require(${JSON.stringify(join(ROOT, 'src/local/file-lock.ts'))})
      .withWorkbookLock(${JSON.stringify(path)}, ${JSON.stringify(command)}, () => { process.stdout.write('ready\\n'); return new Promise(() => {}); });
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && done());
    child.on('exit', (code, signal) => fail(new Error(`holder ended early: ${code ?? signal}`)));
  });
  return { child, ready };
}

/**
 * A process that runs `script` with every rename held back: it says "ready" when a save has its new version
 * whole on disk and is about to replace the book, and waits there to be killed.
 */
function stoppedBeforeRename(script: string): { child: ChildProcess; ready: Promise<void> } {
  const prelude = `
    require('node:fs').promises.rename = () => { process.stdout.write('ready\\n'); return new Promise(() => {}); };
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', prelude + script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && done());
    child.on('exit', (code, signal) => fail(new Error(`ended before its save: ${code ?? signal}`)));
  });
  return { child, ready };
}

describe('two commands on one workbook at once', () => {
  it('two imports into one book lose nothing: every row of both files is in the book', async () => {
    for (let trial = 0; trial < 2; trial++) {
      const dir = folder();
      const book = await newBook(dir);
      const a = pupilsCsv(join(dir, 'a.csv'), ['5А', '6А'], 40);
      const b = pupilsCsv(join(dir, 'b.csv'), ['7Б', '8Б'], 40);
      const [ra, rb] = await Promise.all([qamqor('import', book, join(dir, 'a.csv')), qamqor('import', book, join(dir, 'b.csv'))]);
      expect([ra.code, rb.code, ra.err, rb.err]).toEqual([0, 0, '', '']);
      expect((await iinsIn(book)).sort()).toEqual([...a, ...b].sort());
      expect(strays(dir)).toEqual([]);
    }
  });

  it('an import beside passport --write loses nothing, and the passport is written', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const dir = folder();
      const book = await newBook(dir);
      const a = pupilsCsv(join(dir, 'a.csv'), ['5А', '9Б'], 40);
      const [imported, passport] = await Promise.all([qamqor('import', book, join(dir, 'a.csv')), qamqor('passport', book, '--write')]);
      expect([imported.code, passport.code, imported.err, passport.err]).toEqual([0, 0, '', '']);
      expect((await iinsIn(book)).sort()).toEqual([...a].sort());
      expect((await XlsxWorkbook.open(book)).read().tabs.find((t) => t.key === 'passport')?.rows.length).toBeGreaterThan(0);
      expect(strays(dir)).toEqual([]);
    }
  });

  it('a command on a book another command holds says which command, since when and its pid, exits 2 and changes nothing', async () => {
    const dir = folder();
    const book = await newBook(dir);
    pupilsCsv(join(dir, 'a.csv'), ['5А'], 3);
    const before = readFileSync(book);
    const { child, ready } = holder(book, 'qamqor import pupils.csv');
    try {
      await ready;
      const refused = await run('import', book, join(dir, 'a.csv'));
      expect(refused.code).toBe(2);
      // Said in the book's language (Russian here).
      expect(refused.err).toContain('книгу «registry.xlsx» сейчас изменяет другая команда: qamqor import pupils.csv');
      expect(refused.err).toContain(`процесс ${child.pid}`);
      expect(refused.err).toMatch(/с \d\d\.\d\d\.\d{4} \d\d:\d\d/);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(existsSync(join(dir, 'a.rejects.csv'))).toBe(false);
    } finally {
      child.kill('SIGINT');
    }
  });
});

describe('a read-only workbook', () => {
  it.each([
    ['import', ['a.csv']],
    ['passport', ['--write']],
    ['snapshot', []],
    ['new-year', []],
  ])('%s refuses it, naming the file, exits 2 and changes nothing', async (command, rest) => {
    const dir = folder();
    const book = await newBook(dir);
    pupilsCsv(join(dir, 'a.csv'), ['5А'], 2);
    chmodSync(book, 0o444);
    const before = readFileSync(book);
    const extra = rest.map((r) => (r.endsWith('.csv') ? join(dir, r) : r));
    const ru = await run(command, book, ...extra);
    expect(ru.code).toBe(2);
    expect(ru.err).toBe(`файл «${book}» доступен только для чтения, изменения в него не записываются. Разрешите запись в файл и повторите команду`);
    const kk = await run(command, book, ...extra, '--lang', 'kk');
    expect(kk.code).toBe(2);
    expect(kk.err).toContain(`«${book}» файлы тек оқуға арналған`);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(statSync(book).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'registry.xlsx']);
  });
});

describe('saving keeps the file as the school set it up', () => {
  // These go through XlsxWorkbook.save, which hands its bytes to writeFileAtomic.
  it('an import keeps a private (0600) workbook private', async () => {
    const dir = folder();
    const book = await newBook(dir);
    chmodSync(book, 0o600);
    pupilsCsv(join(dir, 'a.csv'), ['5А'], 2);
    expect((await run('import', book, join(dir, 'a.csv'))).code).toBe(0);
    expect(statSync(book).mode & 0o777).toBe(0o600);
    expect(strays(dir)).toEqual([]);
  });

  it('an import through a symlink writes into its target and the link stays a link', async () => {
    const dir = folder();
    const book = await newBook(dir);
    const link = join(dir, 'link.xlsx');
    symlinkSync('registry.xlsx', link);
    const iins = pupilsCsv(join(dir, 'a.csv'), ['5А'], 2);
    expect((await run('import', link, join(dir, 'a.csv'))).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await iinsIn(book)).toEqual(iins);
  });

  it('Ctrl-C during an import\'s save stops it and leaves the book as it was, with no copy and no lock beside it', async () => {
    const dir = folder();
    const book = await newBook(dir);
    pupilsCsv(join(dir, 'a.csv'), ['5А'], 3);
    const before = readFileSync(book);
    // The real command, stopped when its new version of the book is whole on disk, just before the rename.
    const { child, ready } = stoppedBeforeRename(`
      process.argv = [process.execPath, ${JSON.stringify(BIN)}, 'import', ${JSON.stringify(book)}, ${JSON.stringify(join(dir, 'a.csv'))}];
      require(${JSON.stringify(BIN)});
    `);
    try {
      await ready;
      expect(strays(dir).sort()).toEqual([`.registry.xlsx.qamqor-${child.pid}-1.tmp`, 'registry.xlsx.lock', 'registry.xlsx.lock.json']);
      const end = new Promise((done) => child.on('exit', (code, signal) => done(signal ?? code)));
      child.kill('SIGINT');
      expect(await end).toBe('SIGINT');
    } finally {
      child.kill('SIGKILL');
    }
    expect(strays(dir)).toEqual([]);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('a copy left by a save killed with kill -9 is removed by the next command on the book', async () => {
    const dir = folder();
    const book = await newBook(dir);
    const { child, ready } = stoppedBeforeRename(`
      require('tsx/cjs/api').register();
      require(${JSON.stringify(join(ROOT, 'src/local/atomic-file.ts'))}).writeFileAtomic(${JSON.stringify(book)}, require('node:fs').readFileSync(${JSON.stringify(book)}));
    `);
    try {
      await ready;
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((done) => (child.exitCode === null && child.signalCode === null ? child.on('exit', done) : done(null)));
    expect(strays(dir)).toEqual([`.registry.xlsx.qamqor-${child.pid}-1.tmp`]);
    expect((await run('validate', book)).code).toBe(0);
    expect(strays(dir)).toEqual([]);
  });
});

describe('new-year', () => {
  it('writes a backup beside the book first, then refuses a second start of the same year', async () => {
    const dir = folder();
    const book = await newBook(dir);
    pupilsCsv(join(dir, 'a.csv'), ['5А', '11А'], 4);
    expect((await run('import', book, join(dir, 'a.csv'))).code).toBe(0);
    chmodSync(book, 0o640);
    const lastYear = readFileSync(book);

    const moved = await run('new-year', book);
    expect(moved.code).toBe(0);
    expect(moved.out).toContain('2025-2026 → 2026-2027');
    expect(moved.out).toContain('Сделана резервная копия книги: «registry.before-2025-2026.xlsx»');
    const backup = join(dir, 'registry.before-2025-2026.xlsx');
    expect(readFileSync(backup).equals(lastYear)).toBe(true);
    expect(statSync(backup).mode & 0o777).toBe(0o640);

    const movedOnce = readFileSync(book);
    const again = await run('new-year', book);
    expect(again.code).toBe(2);
    expect(again.err).toContain('реестр уже ведётся за 2026-2027 учебный год. Перейти на 2027-2028 учебный год можно с 01.05.2027');
    expect(readFileSync(book).equals(movedOnce)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.before-'))).toEqual(['registry.before-2025-2026.xlsx']);
    const kk = await run('new-year', book, '--lang', 'kk');
    expect(kk.err).toContain('тізілім қазірдің өзінде 2026-2027 оқу жылында жүргізілуде. 2027-2028 оқу жылына көшу 01.05.2027 бастап мүмкін');
  });

  it('from 1 May of the next year it moves on again, and never overwrites an earlier backup', async () => {
    const dir = folder();
    const book = await newBook(dir);
    expect((await cliRunner(new Date('2026-04-30T12:00:00Z'))('new-year', book)).code).toBe(2);
    expect((await cliRunner(new Date('2026-05-01T00:00:00Z'))('new-year', book)).code).toBe(0);
    writeFileSync(join(dir, 'registry.before-2026-2027.xlsx'), 'kept');
    const next = await cliRunner(new Date('2027-05-01T00:00:00Z'))('new-year', book);
    expect(next.code).toBe(0);
    expect(next.out).toContain('«registry.before-2026-2027-2.xlsx»');
    expect(readFileSync(join(dir, 'registry.before-2026-2027.xlsx'), 'utf8')).toBe('kept');
    expect(readRegistry((await XlsxWorkbook.open(book)).read()).settings.schoolYear?.name).toBe('2027-2028');
  });
});
