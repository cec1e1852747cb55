// The fake Sheets service refuses what Google refuses, with Google's wording, and a refused batch changes nothing:
// one test per refusal the adapters could run into.
import type { SheetsRequest } from '../../src/apps-script/sheets-api';
import { fakeGoogle } from './google';

/** A spreadsheet with one tab "A" (id 0) holding a number in A1 and a text in B1, and a second tab (id 7). */
function spreadsheet() {
  const google = fakeGoogle({ tabs: [{ title: 'A', key: 'a', rows: [[42, 'text']] }] });
  google.Sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { sheetId: 7, title: 'B' } } }] }, google.state.id);
  return google;
}

const chart = (chartType: string, targetAxis: string): SheetsRequest => ({
  addChart: {
    chart: {
      spec: {
        title: 'x',
        basicChart: {
          chartType,
          domains: [{ domain: { sourceRange: { sources: [{ sheetId: 0, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 }] } } }],
          series: [{ series: { sourceRange: { sources: [{ sheetId: 0, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 }] } }, targetAxis }],
        },
      },
      position: { overlayPosition: { anchorCell: { sheetId: 7, rowIndex: 1, columnIndex: 1 } } },
    },
  },
});

/** Runs a batch whose last request is the bad one; expects Google's message and a spreadsheet left as it was. */
function refused(requests: SheetsRequest[], message: string | RegExp, setup?: (google: ReturnType<typeof spreadsheet>) => void) {
  const google = spreadsheet();
  setup?.(google);
  const before = JSON.stringify(google.state.get(google.state.id, { includeGridData: true }));
  const good: SheetsRequest = { updateCells: { start: { sheetId: 7, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'written first' } }] }], fields: 'userEnteredValue' } };
  expect(() => google.Sheets.Spreadsheets.batchUpdate({ requests: [good, ...requests] }, google.state.id)).toThrow(message);
  expect(JSON.stringify(google.state.get(google.state.id, { includeGridData: true }))).toBe(before);
}

describe('the fake Sheets service refuses what Google refuses', () => {
  it('a made-up chart type, at parse time, naming the field as Google does', () => {
    refused([chart('PIE3D', 'LEFT_AXIS')], `Invalid value at 'requests[1].add_chart.chart.spec.basic_chart.chart_type' (type.googleapis.com/google.apps.sheets.v4.BasicChartType), "PIE3D"`);
  });

  it("a BAR chart's series on the LEFT_AXIS (a bar chart's values run along the BOTTOM_AXIS)", () => {
    refused([chart('BAR', 'LEFT_AXIS')], /^API call to sheets\.spreadsheets\.batchUpdate failed with error: Invalid requests\[1\]\.addChart: series\[0\] targets LEFT_AXIS, which is not a valid minor axis for a BAR chart/);
    const google = spreadsheet();
    google.Sheets.Spreadsheets.batchUpdate({ requests: [chart('BAR', 'BOTTOM_AXIS'), chart('COLUMN', 'LEFT_AXIS')] }, google.state.id);
    expect(google.state.sheetById(7)!.charts).toHaveLength(2);
  });

  it('NUMBER_GREATER_THAN_EQ without its value', () => {
    refused(
      [{ setDataValidation: { range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 }, rule: { condition: { type: 'NUMBER_GREATER_THAN_EQ' }, strict: false } } }],
      "Invalid requests[1].setDataValidation: ConditionType 'NUMBER_GREATER_THAN_EQ' requires exactly one ConditionValue, but 0 values were supplied.",
    );
  });

  it('a misspelled condition type', () => {
    refused(
      [{ setDataValidation: { range: { sheetId: 0 }, rule: { condition: { type: 'NUMBER_GREATER_THAN_OR_EQUAL', values: [{ userEnteredValue: '0' }] } } } }],
      `Invalid value at 'requests[1].set_data_validation.rule.condition.type' (type.googleapis.com/google.apps.sheets.v4.ConditionType), "NUMBER_GREATER_THAN_OR_EQUAL"`,
    );
  });

  it('warningOnly together with editors in a protected range', () => {
    refused(
      [{ addProtectedRange: { protectedRange: { range: { sheetId: 0 }, warningOnly: true, editors: { users: ['teacher@school.kz'] } } } }],
      'Invalid requests[1].addProtectedRange: ProtectedRange is warningOnly. Editors cannot be set on it.',
    );
  });

  it('a text format run (a link) starting past the end of its text', () => {
    refused(
      [{ updateCells: { start: { sheetId: 0, rowIndex: 2, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: '5А!C3' }, textFormatRuns: [{ startIndex: 0, format: { link: { uri: 'https://docs.google.com/spreadsheets/d/x/edit#gid=0&range=C3' } } }, { startIndex: 5, format: {} }] }] }], fields: 'userEnteredValue,textFormatRuns' } }],
      "Invalid requests[1].updateCells: textFormatRuns[1].startIndex 5 is past the end of the cell's text (length 5).",
    );
  });

  it('text format runs on a cell holding a number', () => {
    refused(
      [{ updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ textFormatRuns: [{ startIndex: 0, format: { link: { uri: 'https://example.org' } } }] }] }], fields: 'textFormatRuns' } }],
      'Invalid requests[1].updateCells: Runs are only valid on user entered strings, not formulas, bools, or numbers.',
    );
  });

  it('a sheetId of 2^31, beyond int32', () => {
    refused([{ addSheet: { properties: { sheetId: 2 ** 31, title: 'C' } } }], `Invalid value at 'requests[1].add_sheet.properties.sheet_id' (TYPE_INT32), 2147483648`);
  });

  it('a negative sheetId', () => {
    refused([{ addSheet: { properties: { sheetId: -1, title: 'C' } } }], 'Invalid requests[1].addSheet: Invalid sheetId: -1. A sheet id must be a non-negative number.');
  });

  it('a metadataId of 0', () => {
    refused(
      [{ createDeveloperMetadata: { developerMetadata: { metadataId: 0, metadataKey: 'qamqor.tab', metadataValue: 'b', location: { sheetId: 7 }, visibility: 'DOCUMENT' } } }],
      'Invalid requests[1].createDeveloperMetadata: Invalid metadataId 0: a developer metadata id must be positive.',
    );
  });

  it('a negative metadataId', () => {
    refused(
      [{ createDeveloperMetadata: { developerMetadata: { metadataId: -5, metadataKey: 'qamqor.tab', metadataValue: 'b', location: { sheetId: 7 }, visibility: 'DOCUMENT' } } }],
      'Invalid requests[1].createDeveloperMetadata: Invalid metadataId -5: a developer metadata id must be positive.',
    );
  });

  it('an invalid metadata visibility', () => {
    refused(
      [{ createDeveloperMetadata: { developerMetadata: { metadataKey: 'qamqor.tab', metadataValue: 'b', location: { sheetId: 7 }, visibility: 'PUBLIC' } } }],
      `Invalid value at 'requests[1].create_developer_metadata.developer_metadata.visibility' (type.googleapis.com/google.apps.sheets.v4.DeveloperMetadata.DeveloperMetadataVisibility), "PUBLIC"`,
    );
  });

  it('an invalid dimension', () => {
    refused([{ appendDimension: { sheetId: 0, dimension: 'ROW', length: 10 } }], `Invalid value at 'requests[1].append_dimension.dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), "ROW"`);
  });

  it('an invalid number format type', () => {
    refused(
      [{ repeatCell: { range: { sheetId: 0, startRowIndex: 1 }, cell: { userEnteredFormat: { numberFormat: { type: 'INTEGER', pattern: '0' } } }, fields: 'userEnteredFormat.numberFormat' } }],
      `Invalid value at 'requests[1].repeat_cell.cell.user_entered_format.number_format.type' (type.googleapis.com/google.apps.sheets.v4.NumberFormatType), "INTEGER"`,
    );
  });

  it('a field Google does not know (misspelled or misplaced)', () => {
    refused(
      [{ addSheet: { properties: { title: 'C', gridProperties: { rowCount: 10, frozenRows: 1 } } } } as unknown as SheetsRequest],
      `Invalid JSON payload received. Unknown name "frozenRows" at 'requests[1].add_sheet.properties.grid_properties': Cannot find field.`,
    );
  });

  it('an editor e-mail Google rejects', () => {
    refused(
      [{ addProtectedRange: { protectedRange: { range: { sheetId: 0 }, editors: { users: ['ok@school.kz', 'gone@school.kz'] } } } }],
      'Invalid requests[1].addProtectedRange: Invalid email: gone@school.kz',
      (google) => google.state.rejectedEditors.add('gone@school.kz'),
    );
  });
});

describe('protections, enforced against the calling user', () => {
  const protectedSchool = () => {
    const google = spreadsheet();
    google.Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { addProtectedRange: { protectedRange: { range: { sheetId: 0 }, description: 'class', editors: { users: ['teacher@school.kz', 'pedagogue@school.kz'] } } } },
          { addProtectedRange: { protectedRange: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 }, description: 'header', editors: { users: ['pedagogue@school.kz'] } } } },
          { addProtectedRange: { protectedRange: { range: { sheetId: 7 }, description: 'pedagogue', editors: { users: ['pedagogue@school.kz'] } } } },
        ],
      },
      google.state.id,
    );
    return google;
  };
  const write = (sheetId: number, rowIndex: number): SheetsRequest => ({
    updateCells: { start: { sheetId, rowIndex, columnIndex: 3 }, rows: [{ values: [{ note: 'x' }] }], fields: 'note' },
  });

  it('keeps the editors as sent: the owner is not added, yet may always edit', () => {
    const google = protectedSchool();
    expect(google.state.sheetById(7)!.protectedRanges[0]!.editors!.users).toEqual(['pedagogue@school.kz']);
    google.Sheets.Spreadsheets.batchUpdate({ requests: [write(7, 3), write(0, 0)] }, google.state.id);
  });

  it("a teacher writes in her class's rows, and a batch that touches the header or a pedagogue's tab fails whole", () => {
    const google = protectedSchool();
    google.state.user = 'teacher@school.kz';
    google.Sheets.Spreadsheets.batchUpdate({ requests: [write(0, 4)] }, google.state.id);
    expect(google.state.sheetById(0)!.cells.get('4,3')!.note).toBe('x');
    for (const bad of [write(0, 0), write(7, 3)]) {
      expect(() => google.Sheets.Spreadsheets.batchUpdate({ requests: [write(0, 5), bad] }, google.state.id)).toThrow(
        'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].updateCells: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
      expect(google.state.sheetById(0)!.cells.get('5,3')).toBeUndefined();
    }
  });

  it("another teacher may not edit the class, nor rename, extend, or chart on a protected sheet, nor change its protection", () => {
    const google = protectedSchool();
    google.state.user = 'other.teacher@school.kz';
    const id = google.state.sheetById(0)!.protectedRanges[0]!.protectedRangeId!;
    const attempts: SheetsRequest[] = [
      write(0, 4),
      { updateSheetProperties: { properties: { sheetId: 0, title: 'A2' }, fields: 'title' } },
      { appendDimension: { sheetId: 7, dimension: 'ROWS', length: 10 } },
      { deleteSheet: { sheetId: 7 } },
      chart('COLUMN', 'LEFT_AXIS'),
      { updateProtectedRange: { protectedRange: { protectedRangeId: id, editors: { users: ['other.teacher@school.kz'] } }, fields: 'editors' } },
      { deleteProtectedRange: { protectedRangeId: id } },
    ];
    for (const request of attempts) expect(() => google.Sheets.Spreadsheets.batchUpdate({ requests: [request] }, google.state.id)).toThrow(/You are trying to edit a protected cell or object/);
  });

  it('a user who may not edit a protection sees it without its editors, and is told so', () => {
    const google = protectedSchool();
    google.state.user = 'teacher@school.kz';
    const read = google.Sheets.Spreadsheets.get(google.state.id, { fields: 'sheets(properties(sheetId,title),protectedRanges(description,requestingUserCanEdit,editors))' });
    const [a, b] = read.sheets!;
    expect(a!.protectedRanges).toEqual([
      { description: 'class', requestingUserCanEdit: true, editors: { users: ['teacher@school.kz', 'pedagogue@school.kz'] } },
      { description: 'header' },
    ]);
    expect(b!.protectedRanges).toEqual([{ description: 'pedagogue' }]);
  });

  it('SpreadsheetApp refuses a note on a cell the user may not edit', () => {
    const google = protectedSchool();
    google.state.user = 'teacher@school.kz';
    const sheet = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('A')!;
    sheet.getRange(3, 1, 1, 1).setNotes([['fine']]);
    expect(() => sheet.getRange(1, 1, 1, 1).setNotes([['no']])).toThrow('Exception: You are trying to edit a protected cell or object.');
  });
});
