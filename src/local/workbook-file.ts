// An .xlsx registry on disk: opened into memory for a synchronous use case, then saved in one go.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { RegistryError } from '../domain/i18n';
import { readRegistry, type Registry } from '../domain/registry/registry';
import type { Lang } from '../domain/template';
import { removeStaleTemps } from './atomic-file';
import { XlsxWorkbook } from './xlsx-workbook';

export interface OpenRegistry {
  workbook: XlsxWorkbook;
  registry: Registry;
}

export async function openRegistry(path: string, fallbackLang: Lang = 'kk'): Promise<OpenRegistry> {
  if (!existsSync(path)) throw new RegistryError('file_missing', { file: path });
  // A save killed with `kill -9` cannot clean up after itself: its copy of every name and IIN goes at the next open.
  await removeStaleTemps(path);
  const workbook = await XlsxWorkbook.open(path);
  try {
    return { workbook, registry: readRegistry(workbook.read(), fallbackLang) };
  } catch (e) {
    if (e instanceof RegistryError && e.code === 'not_a_registry') throw new RegistryError('not_a_registry', { file: basename(path) });
    throw e;
  }
}
