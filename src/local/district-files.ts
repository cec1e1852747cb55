// The district's .xlsx side: a school's file opened only as far as its passport needs (settings, categories and
// passport sheets, found through the `_qamqor` records or by title), never inflating a class tab; and the district
// workbook written (values through XlsxWorkbook, then its chart) and opened again for its report.
import { promises as fs } from 'node:fs';
import { readDistrictWorkbook } from '../app/district';
import { fold } from '../domain/cells';
import { readSchoolPassport, type SchoolTabs } from '../domain/district/school-passport';
import type { SchoolSource } from '../domain/district/roll-up';
import type { FileProblem } from '../domain/district/problems';
import type { ChartCells } from '../domain/district/workbook';
import type { TabData } from '../domain/sheet';
import { tabSpec, type Lang } from '../domain/template';
import type { WorkbookChange } from '../app/workbook-port';
import { writeFileAtomic } from './atomic-file';
import { addBarChart } from './xlsx-chart';
import { XlsxPackage } from './xlsx/package';
import { readSheetBytes, type SheetContext } from './xlsx/sheet';
import { ZipFormatError } from './xlsx/zip';
import { assignKeys, META_SHEET, XlsxWorkbook } from './xlsx-workbook';

const KEYS = ['settings', 'categories', 'passport'] as const;

/** Why the bytes are not an .xlsx, before the archive is read (as XlsxWorkbook names them). */
function signatureProblem(data: Buffer): FileProblem | null {
  if (data.length === 0) return 'empty';
  if (data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0) return 'old_xls';
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) return 'not_zip';
  return null;
}

/** One school's passport from its .xlsx; `source` is the path as the person typed it. */
export async function readSchoolFile(path: string, fallbackLang: Lang = 'kk'): Promise<SchoolSource> {
  const unreadable = (detail: FileProblem): SchoolSource => ({ source: path, code: 'unreadable_file', detail });
  let data: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return unreadable('not_a_file');
    data = await fs.readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return unreadable('file_missing');
    throw e;
  }
  const problem = signatureProblem(data);
  if (problem) return unreadable(problem);
  try {
    return readSchoolPassport(schoolTabs(XlsxPackage.open(data)), path, fallbackLang);
  } catch (e) {
    if (e instanceof ZipFormatError) return unreadable(e.code);
    if (e instanceof Error && /no workbook part/.test(e.message)) return unreadable('no_workbook');
    throw e;
  }
}

/**
 * The three tabs a passport is read from. Only sheets that the `_qamqor` records give one of these keys, or whose
 * title is one of their titles in either language, are inflated; a class tab's pupils are never read.
 */
export function schoolTabs(pkg: XlsxPackage): SchoolTabs {
  const ctx: SheetContext = { strings: pkg.sharedStrings(), dateStyles: pkg.styles.dateTable(), date1904: pkg.date1904 };
  const rowsOf = (part: string | null) => {
    const bytes = part ? pkg.bytes(part) : null;
    return bytes ? readSheetBytes(bytes, ctx) : { rows: [], formulas: [] };
  };
  const meta = pkg.sheets.find((s) => s.name === META_SHEET && s.worksheet);
  const records = meta ? rowsOf(meta.part).rows.filter((r) => (KEYS as readonly unknown[]).includes(r[1])) : [];
  const ids = new Set(records.map((r) => String(typeof r[0] === 'number' ? r[0] : Number(r[0]))));
  const titles = new Set(KEYS.flatMap((k) => [tabSpec(k).title.kk, tabSpec(k).title.ru, k].map(fold)));
  const tabs: TabData[] = pkg.sheets
    .filter((s) => s.worksheet && s.name !== META_SHEET && (ids.has(String(s.sheetId)) || titles.has(fold(s.name))))
    .map((s) => ({ id: String(s.sheetId), key: null, title: s.name, ...rowsOf(s.part) }));
  assignKeys(tabs, records);
  const found: SchoolTabs = {};
  for (const key of KEYS) {
    const spec = tabSpec(key);
    const names = [spec.title.kk, spec.title.ru, key].map(fold);
    found[key] = tabs.find((t) => t.key === key) ?? tabs.find((t) => t.key === null && names.includes(fold(t.title)));
  }
  return found;
}

/** Writes the district workbook: its tabs as XlsxWorkbook lays them out, then the summary's chart; atomically. */
export async function writeDistrictWorkbook(path: string, changes: readonly WorkbookChange[], chart: ChartCells | null, lang: Lang): Promise<void> {
  const workbook = XlsxWorkbook.create();
  workbook.apply(changes);
  const bytes = workbook.toBuffer();
  await writeFileAtomic(path, chart ? addBarChart(bytes, chart, lang) : bytes);
}

/** The district a district workbook holds, or null when the file is some other workbook. */
export async function openDistrictWorkbook(path: string): Promise<ReturnType<typeof readDistrictWorkbook>> {
  const workbook = await XlsxWorkbook.open(path);
  return readDistrictWorkbook(workbook.read());
}

/** True when an existing file is a district workbook Qamqor wrote (so that `district` may replace it). */
export async function isDistrictWorkbook(path: string): Promise<boolean> {
  try {
    const pkg = XlsxPackage.open(await fs.readFile(path));
    const meta = pkg.sheets.find((s) => s.name === META_SHEET && s.worksheet);
    if (!meta?.part) return false;
    const ctx: SheetContext = { strings: pkg.sharedStrings(), dateStyles: pkg.styles.dateTable(), date1904: pkg.date1904 };
    const bytes = pkg.bytes(meta.part);
    return bytes ? readSheetBytes(bytes, ctx).rows.some((r) => r[1] === 'district_data') : false;
  } catch {
    return false;
  }
}
