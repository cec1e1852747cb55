// The case file on disk: an .xlsx of its own, never the registry, optionally encrypted with a password by the standard
// Office encryption (ECMA-376 agile: AES-256, SHA-512) that Excel and LibreOffice open, through `officecrypto-tool`.
// Opened into memory (decrypted there only), changed by a synchronous use case, saved whole and atomically.
import { existsSync, promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { isCaseFile, readCaseFile, type CaseFile } from '../domain/cases/case-file';
import { RegistryError, xlsxProblems } from '../domain/i18n';
import { readRegistry } from '../domain/registry/registry';
import type { Lang } from '../domain/template';
import { removeStaleTemps, writeFileAtomic } from './atomic-file';
import { XlsxWorkbook } from './xlsx-workbook';

/** Where a password comes from when no --password is given: never a file, never a default. */
export const PASSWORD_VARIABLE = 'QAMQOR_CASES_PASSWORD';

/** The password of a command: --password, else the environment variable; null when neither is set. */
export function casesPassword(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env[PASSWORD_VARIABLE];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : null;
}

export interface OpenCaseFile {
  workbook: XlsxWorkbook;
  file: CaseFile;
  /** The password the file was opened with, and is saved with again; null for a file that is not encrypted. */
  password: string | null;
  /** A password was given for a file that is not encrypted: it stays as it was (the command says so). */
  passwordUnused: boolean;
}

type OfficeCrypto = typeof import('officecrypto-tool');

/** Loaded when a file is encrypted or is to be: most commands never need it. */
async function officeCrypto(): Promise<OfficeCrypto> {
  const module = (await import('officecrypto-tool')) as OfficeCrypto & { default?: OfficeCrypto };
  return module.default ?? module;
}

/** An OLE compound file: the container Office puts an encrypted package in (an old .xls is one too). */
function isCompoundFile(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
}

/** The bytes of the .xlsx inside, decrypted with the password when the file is encrypted. */
export async function decryptedBytes(path: string, bytes: Buffer, password: string | null): Promise<{ plain: Buffer; encrypted: boolean }> {
  if (!isCompoundFile(bytes)) return { plain: bytes, encrypted: false };
  const crypto = await officeCrypto();
  let encrypted: boolean;
  try {
    encrypted = crypto.isEncrypted(bytes);
  } catch {
    encrypted = false;
  }
  // Not encrypted: an old .xls, which the .xlsx reader names as such.
  if (!encrypted) return { plain: bytes, encrypted: false };
  if (password === null) throw new RegistryError('cases_password_needed', { file: path });
  try {
    return { plain: await crypto.decrypt(bytes, { password }), encrypted: true };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (/password/i.test(reason)) throw new RegistryError('cases_password_wrong', { file: path });
    throw new RegistryError('cases_not_decrypted', { file: path, reason });
  }
}

/** Encrypts an .xlsx package with the standard Office (ECMA-376 agile) encryption. */
export async function encryptedBytes(plain: Buffer, password: string): Promise<Buffer> {
  return (await officeCrypto()).encrypt(plain, { password });
}

/**
 * Opens a case file. A registry given by mistake is refused by name (no case ever goes into it); an encrypted file
 * without its password, or with a wrong one, is refused in the user's language.
 */
export async function openCaseFile(path: string, options: { password: string | null; lang?: Lang }): Promise<OpenCaseFile> {
  if (!existsSync(path)) throw new RegistryError('file_missing', { file: path });
  // A save killed with `kill -9` cannot clean up after itself: its copy goes at the next open.
  await removeStaleTemps(path);
  const stat = await fs.stat(path);
  if (!stat.isFile()) throw new RegistryError('not_xlsx', { file: path, reason: xlsxProblems.not_a_file });
  const { plain, encrypted } = await decryptedBytes(path, await fs.readFile(path), options.password);
  const workbook = XlsxWorkbook.fromBytes(plain, path);
  const data = workbook.read();
  if (!isCaseFile(data)) {
    let registry = false;
    try {
      readRegistry(data);
      registry = true;
    } catch {
      // Neither a case file nor a registry.
    }
    throw new RegistryError(registry ? 'case_file_is_registry' : 'not_a_case_file', { file: basename(path) });
  }
  return { workbook, file: readCaseFile(data, options.lang), password: encrypted ? options.password : null, passwordUnused: !encrypted && options.password !== null };
}

/** Saves atomically; encrypted again with the password it was opened (or created) with. */
export async function saveCaseFile(workbook: XlsxWorkbook, path: string, password: string | null): Promise<void> {
  const plain = workbook.toBuffer();
  await writeFileAtomic(path, password === null ? plain : await encryptedBytes(plain, password));
}
