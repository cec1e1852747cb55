// One writing command at a time on a workbook, across processes: every read-modify-write runs inside this lock,
// so two commands on one book never each save over the other's rows. The lock is proper-lockfile's directory beside the book.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as lockfile from 'proper-lockfile';
import { onExit } from 'signal-exit';
import { RegistryError } from '../domain/i18n';
import { assertWritable, guardWrites, processAlive, realTarget, removeStaleTemps } from './atomic-file';
import { openRegistry } from './workbook-file';

/** Who holds a workbook: written beside the lock (`<book>.lock.json`) so that a waiting command can say it. */
export interface LockOwner {
  command: string;
  pid: number;
  host: string;
  /** ISO date and time the command took the lock. */
  since: string;
  /** Tells this holder's note from a later holder's, so that nobody removes another's note. */
  token: string;
}

export interface LockTiming {
  /** How long a second command waits for a live holder before it gives up. */
  waitMs?: number;
  /** A lock not refreshed for this long belongs to a command that died; it is taken over. */
  staleMs?: number;
}

/** Long enough for a small import to finish, short enough that a person is not left wondering. */
const WAIT_MS = 5_000;
/**
 * The holder refreshes its lock every UPDATE_MS; only a lock not refreshed for STALE_MS is taken over. The margin is
 * wide because a large workbook can keep the event loop busy for seconds while it is parsed or zipped.
 */
const STALE_MS = 20_000;
const UPDATE_MS = 2_000;

export function lockPaths(target: string): { lock: string; note: string } {
  return { lock: `${target}.lock`, note: `${target}.lock.json` };
}

/**
 * Runs `fn` while this process alone may change the workbook at `path`. `command` is what a second command is told
 * holds the book (e.g. `qamqor import pupils.csv`). A book the user may not write is refused before anything happens.
 */
export async function withWorkbookLock<T>(path: string, command: string, fn: () => Promise<T>, timing: LockTiming = {}): Promise<T> {
  try {
    await assertWritable(path);
  } catch (e) {
    throw await inBookLanguage(e, path);
  }
  const target = await realTarget(path);
  const held = await acquire(path, target, command, timing);
  try {
    await removeStaleTemps(path);
    return await fn();
  } finally {
    await held.release();
  }
}

interface Held {
  release(): Promise<void>;
}

async function acquire(path: string, target: string, command: string, timing: LockTiming): Promise<Held> {
  const stale = timing.staleMs ?? STALE_MS;
  const { lock, note } = lockPaths(target);
  let deadline = Date.now() + (timing.waitMs ?? WAIT_MS);
  let lost: Error | null = null;
  for (;;) {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(target, {
        realpath: false,
        lockfilePath: lock,
        stale,
        update: Math.min(UPDATE_MS, stale / 2),
        retries: 0,
        // Only when another command took the lock over (ours looked dead): the save is then refused, see below.
        onCompromised: (err) => {
          lost = err;
        },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException | null)?.code !== 'ELOCKED') throw e;
      const owner = readOwner(note);
      const deadOwner = owner !== null && owner.host === hostname() && !processAlive(owner.pid);
      // A holder that died (kill -9, power cut) refreshes nothing: wait the little more it takes to turn stale.
      if (deadOwner) deadline = Math.max(deadline, lockAge(lock) + stale + 1_000);
      if (Date.now() >= deadline) throw await inBookLanguage(busy(path, deadOwner ? null : owner), path);
      await sleep(100 + Math.random() * 200);
      continue;
    }

    const owner: LockOwner = { command, pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
    writeOwner(note, owner, target);
    const removeNote = () => {
      if (readOwner(note)?.token === owner.token) rmSync(note, { force: true });
    };
    // proper-lockfile removes its directory when the process ends by a signal; the note goes with it.
    const cancelExit = onExit(removeNote);
    const unguard = guardWrites(target, () => {
      if (lost) throw new RegistryError('workbook_lock_lost', { file: path });
    });
    return {
      async release() {
        unguard();
        cancelExit();
        removeNote();
        try {
          await release();
        } catch {
          // Already released: the lock was taken over, and the save was refused.
        }
      },
    };
  }
}

/** When the lock directory was last refreshed (its mtime); now when it has just gone. */
function lockAge(lock: string): number {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
}

export function readOwner(note: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(note, 'utf8')) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.command !== 'string' || typeof o.since !== 'string') return null;
    return { command: o.command, pid: o.pid, host: String(o.host ?? ''), since: o.since, token: String(o.token ?? '') };
  } catch {
    return null;
  }
}

/** Written whole or not at all (a waiting command may read it at any moment), as readable as the book itself. */
function writeOwner(note: string, owner: LockOwner, target: string): void {
  let mode = 0o600;
  try {
    mode = statSync(target).mode & 0o666;
  } catch {
    // A book not made yet (init): private.
  }
  const temp = `${note}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(owner, null, 2)}\n`, { mode });
    renameSync(temp, note);
  } catch {
    // The note only makes a waiting command's message better; the lock itself holds without it.
    rmSync(temp, { force: true });
  }
}

function busy(path: string, owner: LockOwner | null): RegistryError {
  return new RegistryError('workbook_busy', {
    file: basename(path),
    command: owner?.command ?? '',
    pid: owner?.pid ?? '',
    since: owner ? localTime(owner.since) : '',
  });
}

/** `05.12.2026 14:03`, in the computer's own time zone: what the person at it saw on the clock. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A refusal is said in the book's language when the book can be read (it is never changed by reading it). */
async function inBookLanguage(e: unknown, path: string): Promise<unknown> {
  if (!(e instanceof RegistryError) || e.lang) return e;
  try {
    e.lang = (await openRegistry(path)).registry.lang;
  } catch {
    // Not readable as a registry: main says it in both languages.
  }
  return e;
}
