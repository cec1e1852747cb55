// A small registry as LibreOffice leaves it
// after a school opened and saved it: graduates' tabs gone (gaps in the sheet ids), a sheet of the school's own
// inserted among Qamqor's, then saved by LibreOffice Calc, which renumbers the sheets by position, writes ticked
// boxes as =TRUE() and shows the very hidden meta sheet as merely hidden. Needs `soffice` (Debian: libreoffice-calc).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { currentPassport } from '../../src/app/build-passport';
import { planNewYear } from '../../src/app/new-year';
import { readRegistry } from '../../src/domain/registry/registry';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { demoXlsx } from './demo-registry';

/** The school's own sheet: what `passport --write` must never touch. */
export const OWN_SHEET = 'Менің парағым';
export const OWN_CELLS: [string, string | number][] = [['A1', 'Үйірмелер кестесі'], ['B2', 42], ['C3', '=жоқ формула емес'], ['A40', 'соңы']];

export async function makeLibreOfficeBook(out: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qamqor-lo-'));
  try {
    const source = join(dir, 'registry.xlsx');
    await demoXlsx(source, { pupils: 120, language: 'kk', schoolYear: '2025-2026' });
    const book = await XlsxWorkbook.open(source);
    const registry = readRegistry(book.read());
    book.apply(planNewYear(registry, currentPassport(registry), new Date('2026-06-15T00:00:00Z')).changes);
    await book.save(source);

    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(source);
    const own = raw.addWorksheet(OWN_SHEET);
    for (const [address, value] of OWN_CELLS) own.getCell(address).value = value;
    // Third in tab order, so that every later sheet's position-based id moves.
    const sheets = raw.worksheets.slice().sort((a, b) => (a as unknown as { orderNo: number }).orderNo - (b as unknown as { orderNo: number }).orderNo);
    sheets.splice(sheets.indexOf(own), 1);
    sheets.splice(2, 0, own);
    sheets.forEach((ws, i) => ((ws as unknown as { orderNo: number }).orderNo = i));
    await raw.xlsx.writeFile(source);

    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), source], { stdio: 'pipe' });
    copyFileSync(join(dir, 'out', basename(source)), out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

