// The district use case: schools' passports (already read by an adapter) rolled up, laid out as the district workbook's
// changes, and read back from such a workbook for its report. Synchronous, over what the adapter read in one go.
import { rollUpDistrict, type District, type SchoolSource } from '../domain/district/roll-up';
import { dataSheet, DISTRICT_TAB_KEYS, readDistrictData, schoolsSheet, summarySheet, type ChartCells, type DistrictSheet } from '../domain/district/workbook';
import { fold } from '../domain/cells';
import { districtWords, RegistryError } from '../domain/i18n';
import type { WorkbookData } from '../domain/sheet';
import type { Lang } from '../domain/template';
import type { WorkbookChange } from './workbook-port';

export interface DistrictWorkbookPlan {
  district: District;
  changes: WorkbookChange[];
  /** The summary's chart, drawn by the adapter that can (an .xlsx chart part). */
  chart: ChartCells | null;
}

/** Rolls the schools up and lays out the district workbook, in `lang`, as one batch of changes to an empty workbook. */
export function planDistrictWorkbook(sources: readonly SchoolSource[], options: { lang: Lang; year?: string }): DistrictWorkbookPlan {
  const district = rollUpDistrict(sources, { year: options.year });
  const { sheet: summary, chart } = summarySheet(district, options.lang);
  const sheets: DistrictSheet[] = [summary, schoolsSheet(district, options.lang), dataSheet(district, sources, options.lang)];
  const changes: WorkbookChange[] = sheets.flatMap((s): WorkbookChange[] => [
    { kind: 'addTab', key: s.key, title: s.title },
    { kind: 'replaceRows', tab: { key: s.key }, values: s.rows },
    { kind: 'formatTable', tab: { key: s.key }, headerRow: s.headerRow, columns: s.columns.map((type, col) => ({ col, type })) },
  ]);
  return { district, changes, chart };
}

/** The district a district workbook holds, summed again from its data tab; null when the workbook is not one. */
export function readDistrictWorkbook(book: WorkbookData): { district: District; lang: Lang } | null {
  const titles = (lang: Lang) => fold(districtWords.tabData[lang]);
  const data =
    book.tabs.find((t) => t.key === DISTRICT_TAB_KEYS.data) ?? book.tabs.find((t) => t.key === null && [titles('kk'), titles('ru')].includes(fold(t.title)));
  if (!data) return null;
  const summary = book.tabs.find((t) => t.key === DISTRICT_TAB_KEYS.summary);
  // The workbook's language is the one its tabs were titled in.
  const lang: Lang = fold(summary?.title ?? data.title) === fold(districtWords[summary ? 'tabSummary' : 'tabData'].ru) ? 'ru' : 'kk';
  let read: ReturnType<typeof readDistrictData>;
  try {
    read = readDistrictData(data);
  } catch (e) {
    // A tab of that title in some other workbook, without the data tab's headers: not a district workbook.
    if (e instanceof RegistryError && data.key === null) return null;
    throw e;
  }
  const { sources, schoolYear } = read;
  return { district: rollUpDistrict(sources, { year: schoolYear || undefined }), lang };
}
