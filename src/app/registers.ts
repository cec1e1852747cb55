// Which register a CSV goes into, and how: `qamqor import … --into movements|inspections|aid|plan`. Movements are
// applied as they are logged (src/app/movements.ts); the other registers are appended with what identifies a row
// already there, so that importing one file twice adds nothing twice.
import { readRegistry, type Registry } from '../domain/registry/registry';
import { aidImportHooks, planImportHooks } from './aid-import';
import type { WorkbookData } from '../domain/sheet';
import type { TabKey } from '../domain/template';
import type { ImportTable } from './import-pupils';
import { planMovementsImport } from './movements';
import { planRegisterImport, type RegisterImportOptions, type RegisterImportResult } from './registers-import';

export const REGISTER_IMPORT_TARGETS = ['movements', 'inspections', 'aid', 'plan'] as const satisfies readonly TabKey[];
export type RegisterImportTarget = (typeof REGISTER_IMPORT_TARGETS)[number];

/** How each register's rows are appended (besides movements, which are applied): the columns that make a row the same. */
export const REGISTER_IMPORTS: Partial<Record<TabKey, Omit<RegisterImportOptions, 'today'>>> = {
  inspections: { sameRow: ['iin', 'date'] },
  aid: { sameRow: ['date', 'iin', 'kind', 'amount', 'items'] },
  // A plan row names no pupil.
  plan: { sameRow: ['activity', 'months'], knownIinsOnly: false },
};

export function planRegisterImportInto(book: WorkbookData, table: ImportTable, key: RegisterImportTarget, file: string, today: string, registry?: Registry): RegisterImportResult {
  if (key === 'movements') return planMovementsImport(book, table, file, today);
  // The aid and plan registers refuse what their own checks would report (an unknown aid kind, months that do not read).
  const reg = registry ?? readRegistry(book);
  const hooks = key === 'aid' ? aidImportHooks(reg) : key === 'plan' ? planImportHooks(reg) : undefined;
  return planRegisterImport(book, table, key, file, { today, ...(REGISTER_IMPORTS[key] ?? {}), ...(hooks ? { hooks } : {}) }, reg);
}
