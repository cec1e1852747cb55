// What a school will do to its workbook, run through the extension's actions on the fake services:
// columns reordered, a column inserted, a tab renamed, a header retyped in the other language, a formula
// typed into a name, two actions started at once.
import { runMenuItem } from '../../src/apps-script/menu';
import { validateEdit } from '../../src/apps-script/live-validation';
import { classColumns, defaultCatalogue, tabSpec } from '../../src/domain/template';
import type { Cell } from '../../src/domain/sheet';
import { book, pupil } from '../support/workbook';
import { fakeGoogle } from '../fakes/google';

const now = new Date('2025-10-01T06:00:00Z');

function school(mutate: (rows: Cell[][]) => Cell[][] = (r) => r) {
  const data = book('kk', { '5А': [pupil(5), pupil(5), pupil(5)], '6Б': [pupil(6)] }, { social_pedagogue_email: 'ped@school.kz' });
  const fiveA = data.tabs.find((t) => t.title === '5А')!;
  fiveA.rows = mutate(fiveA.rows);
  const google = fakeGoogle({ tabs: data.tabs, locale: 'kk_KZ', now });
  const run = (fn: string) => {
    google.log.reset();
    runMenuItem(google, fn);
    google.endExecution();
  };
  return { google, run };
}

const header = (key: string) => classColumns(defaultCatalogue).find((c) => c.key === key)!.header.kk;

function issuesOf(google: ReturnType<typeof fakeGoogle>): Cell[][] {
  return google.state.values(tabSpec('issues').title.kk) as Cell[][];
}

describe('what a school does to the workbook', () => {
  it('columns reordered: validation still finds each column by its header', () => {
    const { google, run } = school((rows) => rows.map((r) => [...r].reverse()));
    const sheet = google.state.sheetByTitle('5А')!;
    const iinCol = (google.state.values('5А')[0] as Cell[]).indexOf(header('iin'));
    sheet.cells.get(`1,${iinCol}`)!.value = { stringValue: '12345' };
    run('qamqorValidate');
    const issues = issuesOf(google);
    expect(issues.some((r) => r.includes('iin_format') && r.includes(2))).toBe(true);
    expect(sheet.cells.get(`1,${iinCol}`)!.note).toMatch(/^⚠ Qamqor: ЖСН 12/);
  });

  it('an extra column inserted: set-up keeps it and what is typed in it, and the passport still counts', () => {
    const { google, run } = school((rows) => rows.map((r, i) => [r[0], r[1], i === 0 ? 'Үйірме' : 'шахмат', ...r.slice(2)]));
    run('qamqorSetup');
    expect((google.state.values('5А')[0] as Cell[])[2]).toBe('Үйірме');
    expect((google.state.values('5А')[1] as Cell[])[2]).toBe('шахмат');
    run('qamqorPassport');
    const passport = google.state.values(tabSpec('passport').title.kk) as Cell[][];
    expect(passport.some((r) => r[0] === 'Барлығы' && r[1] === 4)).toBe(true);
  });

  it('a tab renamed: set-up recognises it by its key and makes no second tab; the passport reads it', () => {
    const { google, run } = school();
    google.state.sheetByTitle('5А')!.title = '5А сынып';
    run('qamqorSetup');
    expect(google.state.sheets.filter((s) => s.title.startsWith('5А'))).toHaveLength(1);
    run('qamqorSetup');
    expect(google.log.count('Sheets.Spreadsheets.batchUpdate')).toBe(0);
    run('qamqorPassport');
    expect((google.state.values(tabSpec('passport').title.kk) as Cell[][]).some((r) => r[0] === '5А' && r[1] === 3)).toBe(true);
  });

  it('a header retyped in Russian: still the same column, nothing added by set-up', () => {
    const { google, run } = school();
    const sheet = google.state.sheetByTitle('5А')!;
    const col = (google.state.values('5А')[0] as Cell[]).indexOf(header('birth_date'));
    sheet.cells.get(`0,${col}`)!.value = { stringValue: 'Дата рождения' };
    const width = (google.state.values('5А')[0] as Cell[]).length;
    run('qamqorSetup');
    expect((google.state.values('5А')[0] as Cell[]).length).toBe(width);
    run('qamqorValidate');
    expect(issuesOf(google).some((r) => r.includes('missing_required'))).toBe(false);
  });

  it('a formula typed into a name: reported, marked, and never rewritten', () => {
    const { google, run } = school();
    const sheet = google.state.sheetByTitle('5А')!;
    const col = (google.state.values('5А')[0] as Cell[]).indexOf(header('full_name'));
    sheet.cells.set(`2,${col}`, { value: { formulaValue: '=UPPER("Әлия")' }, result: { stringValue: 'ӘЛИЯ' } });
    run('qamqorValidate');
    expect(issuesOf(google).some((r) => r.includes('formula_in_cell') && r.includes(3))).toBe(true);
    expect(sheet.cells.get(`2,${col}`)!.value).toEqual({ formulaValue: '=UPPER("Әлия")' });
    expect(sheet.cells.get(`2,${col}`)!.note).toMatch(/формула/);
  });

  it('two actions started at once: the second waits, says so, and changes nothing', () => {
    const { google } = school();
    google.lock.execution = 'first';
    expect(google.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    google.lock.execution = 'second';
    const before = JSON.stringify(google.state.sheets.map((s) => [...s.cells]));
    google.log.reset();
    runMenuItem(google, 'qamqorPassport');
    expect(google.log.count('Sheets.Spreadsheets.batchUpdate')).toBe(0);
    expect(google.log.count('Sheets.Spreadsheets.get')).toBe(0);
    expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toMatch(/Басқа Qamqor әрекеті/);
    expect(JSON.stringify(google.state.sheets.map((s) => [...s.cells]))).toBe(before);
  });

  it('a paste of several rows is checked in three calls; fixed rows lose their notes, typed values stay', () => {
    const { google } = school();
    const app = google.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = google.state.sheetByTitle('5А')!;
    const head = google.state.values('5А')[0] as Cell[];
    const iin = head.indexOf(header('iin'));
    const sex = head.indexOf(header('sex'));
    sheet.cells.get(`1,${iin}`)!.value = { stringValue: '1' };
    sheet.cells.get(`3,${sex}`)!.value = { stringValue: 'белгісіз' };
    google.log.reset();
    validateEdit({ range: app.getSheetByName('5А')!.getRange(2, 1, 3, head.length) }, now);
    expect(google.log.byMethod()).toEqual({ 'Range.getValues': 1, 'Range.getNotes': 1, 'Range.setNotes': 1, 'Spreadsheet.getSheetByName': 1 });
    expect(sheet.cells.get(`1,${iin}`)!.note).toMatch(/ЖСН/);
    expect(sheet.cells.get(`3,${sex}`)!.note).toMatch(/белгісіз/);
    expect(sheet.cells.get(`3,${sex}`)!.value).toEqual({ stringValue: 'белгісіз' });
    sheet.cells.get(`3,${sex}`)!.value = { stringValue: 'ұл' };
    validateEdit({ range: app.getSheetByName('5А')!.getRange(4, sex + 1, 1, 1) }, now);
    expect(sheet.cells.get(`3,${sex}`)!.note).toBeUndefined();
    expect(sheet.cells.get(`1,${iin}`)!.note).toMatch(/ЖСН/);
  });

  it('an edit on the settings tab costs no call', () => {
    const { google } = school();
    const range = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tabSpec('settings').title.kk)!.getRange(3, 3, 1, 1);
    google.log.reset();
    validateEdit({ range }, now);
    expect(google.log.count()).toBe(0);
  });

  it('the menu follows the settings language, and the locale when there is no settings tab', () => {
    const ru = fakeGoogle({ tabs: book('ru', { '5А': [] }).tabs, locale: 'kk_KZ' });
    runMenuItem(ru, 'qamqorHelp');
    expect(ru.ui.dialogs[0].title).toBe('Qamqor: справка');
    const bare = fakeGoogle({ tabs: [{ title: 'Лист1', rows: [] }], locale: 'ru_RU' });
    runMenuItem(bare, 'qamqorHelp');
    expect(bare.ui.dialogs[0].title).toBe('Qamqor: справка');
    expect(bare.ui.dialogs[0].html).not.toMatch(/<script/);
  });

  it('set-up of an empty spreadsheet lays out every tab, in the locale language, with typed and protected columns', () => {
    const google = fakeGoogle({ tabs: [{ title: 'Лист1', rows: [] }], locale: 'ru_RU', timeZone: 'UTC' });
    runMenuItem(google, 'qamqorSetup');
    google.endExecution();
    expect(google.state.sheetByTitle('Настройки')).toBeDefined();
    expect(google.state.timeZone).toBe('Asia/Almaty');
    const cats = google.state.sheetByTitle('Категории')!;
    expect(cats.frozenRowCount).toBe(1);
    expect(cats.protectedRanges).toHaveLength(1);
    expect(cats.validations.some((v) => v.rule?.condition.type === 'BOOLEAN')).toBe(true);
    google.log.reset();
    runMenuItem(google, 'qamqorSetup');
    expect(google.log.count('Sheets.Spreadsheets.batchUpdate')).toBe(0);
  });
});
