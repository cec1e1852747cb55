// Small case files for tests: laid out as `qamqor cases init` lays them out, rows given by column key, and a school
// whose pupils the cases point at by IIN.
import { MemoryWorkbook } from '../../../src/app/memory-workbook';
import { planNewCaseFile } from '../../../src/app/cases';
import { caseTabSpec, type CaseTabKey } from '../../../src/domain/cases/case-file';
import type { Cell, WorkbookData } from '../../../src/domain/sheet';
import type { Lang } from '../../../src/domain/template';
import { book, pupil, type PupilInput } from '../../support/workbook';

export type Rows = Record<string, Cell | undefined>[];

export interface CaseRows {
  cases?: Rows;
  actions?: Rows;
  reviews?: Rows;
  consents?: Rows;
  settings?: Record<string, string>;
}

const TABS: Record<Exclude<keyof CaseRows, 'settings'>, CaseTabKey> = { cases: 'cases', actions: 'case_actions', reviews: 'case_reviews', consents: 'case_consents' };

export const ACTOR = { user: 'pedagogue', at: '2025-11-20 09:00:00' };

/** A date cell as a spreadsheet keeps it. */
export const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export function caseWorkbook(rows: CaseRows, lang: Lang = 'kk'): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.apply(planNewCaseFile(wb.read(), lang, ACTOR));
  for (const [name, key] of Object.entries(TABS) as [keyof typeof TABS, CaseTabKey][]) {
    const list = rows[name];
    if (!list?.length) continue;
    const columns = caseTabSpec(key).columns;
    wb.apply([{ kind: 'appendRows', tab: { key }, values: list.map((r) => columns.map((c) => r[c.key] ?? null)) }]);
  }
  if (rows.settings) {
    const tab = wb.read().tabs.find((t) => t.key === 'case_settings')!;
    const changes = Object.entries(rows.settings).map(([k, v]) => {
      const row = tab.rows.findIndex((r) => r[0] === k);
      return { kind: 'writeCells' as const, tab: { id: tab.id }, row, col: 2, values: [[v]] };
    });
    wb.apply(changes);
  }
  return wb;
}

export function caseBook(rows: CaseRows, lang: Lang = 'kk'): WorkbookData {
  return caseWorkbook(rows, lang).read();
}

/** A school of two classes whose first pupils are the cases' children. */
export function school(lang: Lang = 'kk'): { registry: WorkbookData; pupils: PupilInput[] } {
  const a = [pupil(7, { full_name: 'Әбенов Нұрлан Серікұлы' }), pupil(7, { full_name: 'Бекова Аружан Маратқызы' }, 'F'), pupil(7, { full_name: 'Ғалымов Ерлан' })];
  const b = [pupil(5, { full_name: 'Иванов Иван Иванович' }), pupil(5, { full_name: 'Қасымова Дана' }, 'F'), pupil(5, { full_name: 'Сергеев Олег' })];
  return { registry: book(lang, { '7А': a, '5Б': b }), pupils: [...a, ...b] };
}
