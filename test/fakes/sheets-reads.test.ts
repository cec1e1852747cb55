// What the fake's Spreadsheets.get returns: exactly the fields asked, as the REST API's JSON writes them (defaults
// left out), the first sheet at id 0, formatted empty cells when — and only when — formats are asked, and the
// size of every answer in the call log.
import { fakeGoogle } from './google';

function workbook() {
  const google = fakeGoogle({ locale: 'ru_RU', tabs: [{ title: 'Классы', key: 'classes', rows: [['Класс', 'Родился'], ['5А', new Date('2010-05-03T00:00:00Z')]] }] });
  const id = google.state.id;
  google.Sheets.Spreadsheets.batchUpdate(
    {
      requests: [
        { addSheet: { properties: { sheetId: 5, title: '5А' } } },
        { updateCells: { start: { sheetId: 5, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'ИИН' } }, { userEnteredValue: { stringValue: 'Дата' } }] }], fields: 'userEnteredValue' } },
        // As set-up leaves a class tab: typed columns formatted down to the last row of the grid.
        { repeatCell: { range: { sheetId: 5, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 }, cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } }, fields: 'userEnteredFormat.numberFormat' } },
        { repeatCell: { range: { sheetId: 5, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 }, cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd.mm.yyyy' } } }, fields: 'userEnteredFormat.numberFormat' } },
        { setDataValidation: { range: { sheetId: 5, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 }, rule: { condition: { type: 'DATE_IS_VALID' }, strict: false } } },
        { addProtectedRange: { protectedRange: { range: { sheetId: 5, startRowIndex: 0, endRowIndex: 1 }, description: 'header', editors: { users: ['pedagogue@school.kz'] } } } },
      ],
    },
    id,
  );
  google.state.type('5А', 1, 0, [['061211600012', new Date('2006-12-11T00:00:00Z')]]);
  google.log.reset();
  return { google, id };
}

describe('Spreadsheets.get on the fake', () => {
  it('numbers the first sheet 0, as Google does, and keeps its id and index in the answer', () => {
    const { google, id } = workbook();
    const read = google.Sheets.Spreadsheets.get(id, { fields: 'sheets.properties(sheetId,index,title)' });
    expect(read).toEqual({ sheets: [{ properties: { sheetId: 0, index: 0, title: 'Классы' } }, { properties: { sheetId: 5, index: 1, title: '5А' } }] });
  });

  it('returns only the fields asked, in any spelling of the mask: nested paths, slashes, parentheses', () => {
    const { google, id } = workbook();
    const a = google.Sheets.Spreadsheets.get(id, { fields: 'properties/timeZone,sheets(properties(title),protectedRanges/description)' });
    expect(a).toEqual({ properties: { timeZone: 'Asia/Almaty' }, sheets: [{ properties: { title: 'Классы' } }, { properties: { title: '5А' }, protectedRanges: [{ description: 'header' }] }] });
    const b = google.Sheets.Spreadsheets.get(id, { fields: 'sheets.properties.gridProperties.rowCount' });
    expect(b).toEqual({ sheets: [{ properties: { gridProperties: { rowCount: 1000 } } }, { properties: { gridProperties: { rowCount: 1000 } } }] });
  });

  it('refuses a mask naming a field the API does not have', () => {
    const { google, id } = workbook();
    expect(() => google.Sheets.Spreadsheets.get(id, { fields: 'sheets(properties(titel))' })).toThrow('Invalid field selection titel');
    expect(() => google.Sheets.Spreadsheets.get(id, { fields: 'sheets(properties(title)' })).toThrow('Invalid field selection');
  });

  it('leaves out what is at its default: a range starting at row 0, no frozen rows, an empty list', () => {
    const { google, id } = workbook();
    const read = google.Sheets.Spreadsheets.get(id, { fields: 'sheets(properties(gridProperties),protectedRanges(range),charts)' });
    expect(read.sheets![1]).toEqual({ properties: { gridProperties: { rowCount: 1000, columnCount: 26 } }, protectedRanges: [{ range: { sheetId: 5, endRowIndex: 1 } }] });
  });

  it('returns grid data when the mask reaches it, whatever includeGridData says, and none without it', () => {
    const { google, id } = workbook();
    const withData = google.Sheets.Spreadsheets.get(id, { includeGridData: false, fields: 'sheets.data.rowData.values.effectiveValue' });
    expect(withData.sheets![0]!.data![0]!.rowData![1]).toEqual({ values: [{ effectiveValue: { stringValue: '5А' } }, { effectiveValue: { numberValue: 40301 } }] });
    const without = google.Sheets.Spreadsheets.get(id, { includeGridData: true, fields: 'sheets.properties.title' });
    expect(without.sheets![0]!.data).toBeUndefined();
  });

  it('shows a value as the cell displays it: a date in its pattern, a number in the locale, text as typed', () => {
    const { google, id } = workbook();
    google.state.type('Классы', 2, 0, [[3.25, true]]);
    const read = google.Sheets.Spreadsheets.get(id, { ranges: ["'Классы'!A2:B3"], fields: 'sheets.data(startRow,rowData.values.formattedValue)' });
    expect(read.sheets).toHaveLength(1);
    expect(read.sheets![0]!.data![0]).toEqual({ startRow: 1, rowData: [{ values: [{ formattedValue: '5А' }, { formattedValue: '03.05.2010' }] }, { values: [{ formattedValue: '3,25' }, { formattedValue: 'TRUE' }] }] });
  });

  it('returns every formatted empty cell when formats are asked, and none of them otherwise', () => {
    const { google, id } = workbook();
    const formats = google.Sheets.Spreadsheets.get(id, { ranges: ['5А'], fields: 'sheets.data.rowData.values(effectiveValue,effectiveFormat.numberFormat.type)' });
    const rows = formats.sheets![0]!.data![0]!.rowData!;
    expect(rows).toHaveLength(1000);
    expect(rows[999]).toEqual({ values: [{ effectiveFormat: { numberFormat: { type: 'TEXT' } } }, { effectiveFormat: { numberFormat: { type: 'DATE' } } }] });
    const bigger = google.log.bytes('Sheets.Spreadsheets.get');
    expect(bigger).toBeGreaterThan(100_000);
    google.log.reset();
    const values = google.Sheets.Spreadsheets.get(id, { ranges: ['5А'], fields: 'sheets.data.rowData.values(effectiveValue,formattedValue)' });
    expect(values.sheets![0]!.data![0]!.rowData).toEqual([
      { values: [{ effectiveValue: { stringValue: 'ИИН' }, formattedValue: 'ИИН' }, { effectiveValue: { stringValue: 'Дата' }, formattedValue: 'Дата' }] },
      { values: [{ effectiveValue: { stringValue: '061211600012' }, formattedValue: '061211600012' }, { effectiveValue: { numberValue: 39062 }, formattedValue: '11.12.2006' }] },
    ]);
    expect(google.log.bytes('Sheets.Spreadsheets.get')).toBe(JSON.stringify(values).length);
    expect(google.log.bytes()).toBeLessThan(bigger / 100);
  });

  it('returns a validated empty cell when validations are asked', () => {
    const { google, id } = workbook();
    const read = google.Sheets.Spreadsheets.get(id, { ranges: ['5А!B1:B1000'], fields: 'sheets.data.rowData.values.dataValidation.condition.type' });
    const rows = read.sheets![0]!.data![0]!.rowData!;
    expect(rows).toHaveLength(1000);
    expect(rows[0]).toEqual({});
    expect(rows[500]).toEqual({ values: [{ dataValidation: { condition: { type: 'DATE_IS_VALID' } } }] });
  });

  it('keeps a place for an empty row or cell between others, as {}', () => {
    const { google, id } = workbook();
    google.state.type('5А', 4, 3, [['far']]);
    const rows = google.Sheets.Spreadsheets.get(id, { ranges: ['5А'], fields: 'sheets.data.rowData.values.effectiveValue' }).sheets![0]!.data![0]!.rowData!;
    expect(rows.slice(2)).toEqual([{}, {}, { values: [{}, {}, {}, { effectiveValue: { stringValue: 'far' } }] }]);
  });
});
