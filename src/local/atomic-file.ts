// Writing a workbook so that it is always whole and never more readable than the school made it:
// a private temporary file beside the real target, renamed over it, and no temporary file left behind.
import { constants, promises as fsp, readdirSync, rmSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { onExit } from 'signal-exit';
import { RegistryError } from '../domain/i18n';

/** A new workbook holds children's data from its first import: nobody but its owner reads it unless the school opens it up. */
const NEW_FILE_MODE = 0o600;
/** Symlink chains longer than this are a loop (the kernel's own limit is 40). */
const MAX_LINKS = 40;

let tempCounter = 0;

/** `.registry.xlsx.qamqor-<pid>-<n>.tmp`: the pid lets a later run tell a crashed writer's leftover from a live one's. */
function tempName(target: string): string {
  tempCounter += 1;
  return join(dirname(target), `.${basename(target)}.qamqor-${process.pid}-${tempCounter}.tmp`);
}

/** The pid in a temporary file name of `book`, ours or the older `.<name>.<pid>.<time>.tmp`; null when the name is not one of them. */
export function tempFileOwner(book: string, fileName: string): number | null {
  const prefix = `.${book}.`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith('.tmp')) return null;
  const middle = fileName.slice(prefix.length, -'.tmp'.length);
  const m = /^qamqor-(\d+)(?:-\d+)?$/.exec(middle) ?? /^(\d+)\.\d+$/.exec(middle);
  return m ? Number(m[1]) : null;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is only another user's.
    return isNodeError(e) && e.code === 'EPERM';
  }
}

/**
 * The file a path finally names, following symlinks even when the target does not exist yet
 * (a link made before the first save): writing must replace the target, never the link.
 */
export async function realTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    try {
      return await fsp.realpath(current);
    } catch (e) {
      if (!isNodeError(e) || e.code !== 'ENOENT') throw e;
    }
    let link: string;
    try {
      link = await fsp.readlink(current);
    } catch {
      // Not a link: the file itself is missing; its folder may still be reached through links.
      try {
        return join(await fsp.realpath(dirname(current)), basename(current));
      } catch (e) {
        if (isNodeError(e) && e.code === 'ENOENT') throw new RegistryError('file_missing', { file: dirname(path) });
        throw e;
      }
    }
    current = resolve(dirname(current), link);
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}

/**
 * Refuses, before anything is written, a file the user may not change. Root may write anything, so a mode
 * with no write bit at all is taken as the owner's "read-only" too, as a file manager shows it.
 */
export async function assertWritable(path: string): Promise<void> {
  const target = await realTarget(path);
  let mode: number;
  try {
    mode = (await fsp.stat(target)).mode;
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return assertFolderWritable(target, path);
    throw e;
  }
  if ((mode & 0o222) === 0 || !(await accessible(target, constants.W_OK))) throw new RegistryError('file_read_only', { file: path });
  await assertFolderWritable(target, path);
}

async function assertFolderWritable(target: string, path: string): Promise<void> {
  // The new version is made beside the old one, so the folder must take a new file.
  if (!(await accessible(dirname(target), constants.W_OK | constants.X_OK))) {
    throw new RegistryError('folder_read_only', { file: path, folder: dirname(target) });
  }
}

async function accessible(path: string, mode: number): Promise<boolean> {
  try {
    await fsp.access(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Removes the temporary files of `path` whose writer has died (a `kill -9` or a power cut during a save). */
export async function removeStaleTemps(path: string): Promise<string[]> {
  let target: string;
  try {
    target = await realTarget(path);
  } catch {
    return [];
  }
  const book = basename(target);
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempFileOwner(book, name);
    if (pid === null || pid === process.pid || processAlive(pid)) continue;
    const file = join(dirname(target), name);
    try {
      await fsp.rm(file, { force: true });
      removed.push(file);
    } catch {
      // Someone else's file we may not remove: it stays, nothing depends on it.
    }
  }
  return removed;
}

/** Checks run just before a save replaces its target (the workbook lock is still ours), by real path. */
const renameGuards = new Map<string, () => void>();

export function guardWrites(realPath: string, check: () => void): () => void {
  renameGuards.set(realPath, check);
  return () => {
    if (renameGuards.get(realPath) === check) renameGuards.delete(realPath);
  };
}

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the new one, whole;
 * the new file keeps the old one's mode and owner, and a symlink stays a link to the same target.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  await assertWritable(path);
  const target = await realTarget(path);
  const old = await fsp.stat(target).catch((e: unknown) => {
    if (isNodeError(e) && e.code === 'ENOENT') return null;
    throw e;
  });
  await writeNew(tempName(target), data, old?.mode ?? NEW_FILE_MODE, old, async (temp) => {
    renameGuards.get(target)?.();
    await fsp.rename(temp, target);
  });
  await syncFolder(dirname(target));
}

/**
 * A copy of `path` beside it, `<name>.<tag>.xlsx` (or `-2`, `-3`… when that exists: a backup is never overwritten),
 * with the book's own mode. Returns the copy's path.
 */
export async function writeBackupCopy(path: string, tag: string): Promise<string> {
  const target = await realTarget(path);
  const source = await fsp.stat(target);
  const data = await fsp.readFile(target);
  const ext = extname(path);
  const stem = join(dirname(path), basename(path, ext));
  for (let n = 1; ; n++) {
    const copy = `${stem}.${tag}${n === 1 ? '' : `-${n}`}${ext}`;
    try {
      await writeNew(copy, data, source.mode, source, async () => {});
      await syncFolder(dirname(copy));
      return copy;
    } catch (e) {
      if (!isNodeError(e) || e.code !== 'EEXIST') throw e;
    }
  }
}

/**
 * Makes `file` (which must not exist) private from its first byte, fills it, gives it its final mode and owner,
 * flushes it to disk, then hands it to `finish`; on any failure or a signal meanwhile the file is removed.
 */
async function writeNew(
  file: string,
  data: Uint8Array,
  mode: number,
  owner: { uid: number; gid: number } | null,
  finish: (file: string) => Promise<void>,
): Promise<void> {
  const handle = await fsp.open(file, 'wx', 0o600);
  let done = false;
  // signal-exit re-raises the signal after this, so Ctrl-C still stops the command.
  const cancelCleanup = onExit(() => {
    if (!done) rmSync(file, { force: true });
  });
  try {
    try {
      await handle.writeFile(data);
      if (owner) await keepOwner(handle, owner);
      await handle.chmod(mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await finish(file);
    done = true;
  } catch (e) {
    await fsp.rm(file, { force: true });
    throw e;
  } finally {
    cancelCleanup();
  }
}

/** Root, or the file's own owner, keeps the file's owner and group; others cannot give files away. */
async function keepOwner(handle: FileHandle, owner: { uid: number; gid: number }): Promise<void> {
  const uid = process.getuid?.();
  if (uid === undefined || (uid !== 0 && uid !== owner.uid)) return;
  try {
    await handle.chown(owner.uid, owner.gid);
  } catch {
    // An owner outside the file's group may not set it: the file is then in the owner's own group.
  }
}

/** The rename is only durable once the folder's entry is on disk. Some systems cannot sync a folder; nothing to do there. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fsp.open(folder, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EINVAL/EPERM on systems without folder sync.
  } finally {
    await handle?.close();
  }
}

/** Not `instanceof Error`: errors from Node's own modules may come from another realm (a test runner's sandbox). */
function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && 'code' in e;
}
