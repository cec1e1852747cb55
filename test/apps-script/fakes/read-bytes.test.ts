// What each action reads from Google, in bytes, on a workbook made by set-up as a school gets it: the class tabs'
// typed columns formatted down to row 1000. Asking for cells' formats brought all of them back (tens of megabytes
// for a hundred empty tabs); the read asks only for what people put in cells, so it grows with the pupils alone.
import { runMenuItem } from '../../../src/apps-script/menu';
import { READ_FIELDS } from '../../../src/apps-script/sheets-api';
import { formattedEmptyCells, schoolBySetup } from '../../fakes/school-by-setup';
import { schoolOf } from '../school';


/** The mask of the read before: per cell its effective number format, which every formatted empty cell has. */
const WITH_FORMATS = READ_FIELDS.replace('formattedValue', 'effectiveFormat(numberFormat(type))');

function bytesPerAction(classes: number) {
  const google = schoolBySetup(schoolOf(classes), { until: 'setup' });
  google.state.user = 'pedagogue@school.kz';
  const out: Record<string, { bytes: number; gets: number }> = {};
  for (const fn of ['qamqorSetup', 'qamqorValidate', 'qamqorPassport', 'qamqorArchive']) {
    google.log.reset();
    runMenuItem(google, fn);
    google.endExecution();
    out[fn] = { bytes: google.log.bytes('Sheets.Spreadsheets.get'), gets: google.log.count('Sheets.Spreadsheets.get') };
  }
  return { google, out };
}

describe('bytes read per action, on a workbook as set-up leaves it', () => {
  it('a hundred empty class tabs: each action reads under 2 MB, in one get', () => {
    const { google, out } = bytesPerAction(100);
    expect(formattedEmptyCells(google)).toBeGreaterThan(700_000);
    for (const { bytes, gets } of Object.values(out)) {
      expect(gets).toBe(1);
      expect(bytes).toBeLessThan(2_000_000);
    }
  }, 60_000);

  it('grows with the tabs by their headers and keys only, where asking for formats read every row formatted below', () => {
    const one = bytesPerAction(1).out.qamqorValidate!.bytes;
    const { google, out } = bytesPerAction(10);
    const ten = out.qamqorValidate!.bytes;
    expect((ten - one) / 9).toBeLessThan(6_000);
    google.log.reset();
    google.Sheets.Spreadsheets.get(google.state.id, { fields: WITH_FORMATS });
    expect(google.log.bytes()).toBeGreaterThan(50 * ten);
  }, 60_000);
});
