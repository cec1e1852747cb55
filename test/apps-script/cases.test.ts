// The case file in Google, on the fakes: a spreadsheet the script makes for the pedagogue through Drive, hers alone
// (its sharing checked at every opening), found again through her user properties; the case sidebar, HTML escaped;
// the open-time notice counting overdue cases from those properties only; a teacher seeing and reaching none of it;
// and the registry never gaining a word of a case, whatever ran.
import vm from 'node:vm';
import { buildAppsScript } from '../../scripts/apps-script-bundle';
import { caseSidebarHtml, notePropertyKey, readNote, userProperties } from '../../src/apps-script/cases';
import { openMenu, runMenuItem } from '../../src/apps-script/menu';
import { caseTabSpec } from '../../src/domain/cases/case-file';
import { caseStates } from '../../src/domain/cases/view';
import { readCaseFile } from '../../src/domain/cases/case-file';
import type { Cell } from '../../src/domain/sheet';
import { GoogleWorkbook } from '../../src/apps-script/google-workbook';
import { fakeGoogle, type FakeGoogle } from '../fakes/google';
import { SPREADSHEET_MIME } from '../fakes/google-drive';
import { book, pupil } from '../support/workbook';

const PEDAGOGUE = 'ped@school.kz';
const TEACHER = 'aigul@school.kz';
const now = new Date('2025-11-20T04:00:00Z');

/** Words only the case file holds. */
const SECRETS = ['C-00', 'Отбасына бару', '<script>', 'жақсаруда', 'Сейітова', 'Қалалық емхана'];

function school(lang: 'kk' | 'ru' = 'kk') {
  const kids = [pupil(7, { full_name: 'Әбенов Нұрлан' }), pupil(7, { full_name: 'Бекова Аружан' }, 'F'), pupil(7)];
  const data = book(lang, { '7А': kids }, { social_pedagogue_email: PEDAGOGUE });
  const classes = data.tabs.find((t) => t.key === 'classes')!;
  classes.rows = classes.rows.map((r, i) => (i === 0 ? r : [r[0], r[1], TEACHER, null]));
  const google = fakeGoogle({ tabs: data.tabs, locale: lang === 'ru' ? 'ru_RU' : 'kk_KZ', now });
  google.state.user = PEDAGOGUE;
  // Set up first, as a school does: then the read tells who may edit the pedagogue's tabs.
  runMenuItem(google, 'qamqorSetup');
  google.endExecution();
  const run = (fn: string, as = PEDAGOGUE) => {
    google.state.user = as;
    google.log.reset();
    runMenuItem(google, fn);
    google.endExecution();
    return google.log.byMethod();
  };
  return { google, run, iins: kids.map((k) => String(k.iin)) };
}

/** The case spreadsheet the script made, and its tabs by key. */
function caseSheet(google: FakeGoogle) {
  const [state] = [...google.spreadsheets.values()];
  const titleOf = (key: Parameters<typeof caseTabSpec>[0]) => state.sheets.find((s) => s.metadata.some((m) => m.metadataValue === key))!.title;
  return { state, titleOf };
}

/** Rows typed into the case file by the pedagogue, by column key. */
function typeRows(google: FakeGoogle, key: Parameters<typeof caseTabSpec>[0], rows: Record<string, Cell>[]): void {
  const { state, titleOf } = caseSheet(google);
  const columns = caseTabSpec(key).columns;
  const title = titleOf(key);
  const start = state.values(title).length;
  state.type(title, start, 0, rows.map((r) => columns.map((c) => r[c.key] ?? null)));
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function registryCells(google: FakeGoogle): string[] {
  return google.state.sheets.flatMap((s) => [...s.cells.values()].map((c) => JSON.stringify(c)));
}

describe('the case file in Google', () => {
  it('is made the first time for the pedagogue alone, laid out, its creation audited with her e-mail', () => {
    const { google, run } = school();
    const calls = run('qamqorCases');
    expect(google.ui.alerts).toEqual([]);
    const files = [...google.drive.files.values()].filter((f) => f.mimeType === SPREADSHEET_MIME);
    expect(files).toHaveLength(1);
    expect(files[0].owner).toBe(PEDAGOGUE);
    expect(files[0].shared).toEqual([]);
    const { state, titleOf } = caseSheet(google);
    // Google's "Sheet1" became the first tab; every tab of cases.json is there.
    expect(state.sheets.map((s) => s.title)).toEqual(['Іс баптаулары', 'Істер', 'Қолдау жоспары', 'Мониторинг', 'Келісімдер', 'Өзгерістер журналы']);
    expect(state.values(titleOf('case_audit'))[1]!.slice(1, 3)).toEqual([PEDAGOGUE, 'іс қағаздары файлы құрылды']);
    // Found again through her user properties: the id and dates only.
    const note = readNote(userProperties(google)!, google.state.id)!;
    expect(note.id).toBe(files[0].id);
    expect(google.properties.values.size).toBe(0); // nothing in the document's properties, which every editor's script reads
    expect(google.ui.dialogs.at(-1)!.html).toContain(`https://docs.google.com/spreadsheets/d/${files[0].id}/edit`);
    // Lock, registry read, who runs it, Drive create, case file read and write, the note, the dialog, the toast.
    expect(calls).toEqual({
      'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 2, 'Sheets.Spreadsheets.batchUpdate': 1, 'Session.getActiveUser': 1, 'Drive.Files.create': 1,
      'Properties.getProperty': 1, 'Properties.setProperties': 1, 'Ui.showModalDialog': 1, 'Spreadsheet.toast': 1,
    });
    // A second time it is opened, not made again, and nothing is written to it.
    const again = run('qamqorCases');
    expect([...google.drive.files.values()].filter((f) => f.mimeType === SPREADSHEET_MIME)).toHaveLength(1);
    expect(again['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    expect(again['Drive.Files.get']).toBe(1);
  });

  it('shows nothing of a case file someone else may open, and names who', () => {
    const { google, run } = school('ru');
    run('qamqorCases');
    const file = [...google.drive.files.values()].find((f) => f.mimeType === SPREADSHEET_MIME)!;
    google.drive.share(file.id, { type: 'user', role: 'reader', emailAddress: 'director@school.kz' });
    google.ui.sidebars.length = 0;
    const calls = run('qamqorCaseSidebar');
    expect(google.ui.alerts.at(-1)!.prompt).toContain('director@school.kz');
    expect(google.ui.sidebars).toEqual([]);
    // Refused before a cell of it was read.
    expect(calls['Sheets.Spreadsheets.get']).toBe(1);
  });

  it('does not use a new file a domain shares by default: it goes to the trash, nothing written', () => {
    const { google, run } = school();
    google.drive.newFileSharing = [{ type: 'domain', role: 'reader', domain: 'school.kz' }];
    run('qamqorCases');
    const file = [...google.drive.files.values()].find((f) => f.mimeType === SPREADSHEET_MIME)!;
    expect(file.trashed).toBe(true);
    expect(google.ui.alerts.at(-1)!.prompt).toContain('school.kz');
    expect(caseSheet(google).state.sheets.map((s) => s.title)).toEqual(['Sheet1']);
    expect(readNote(userProperties(google)!, google.state.id)).toBeNull();
  });

  it('a teacher sees none of it and reaches none of it; her user properties stay empty', () => {
    const { google, run } = school();
    run('qamqorCases');
    google.state.user = TEACHER;
    google.log.reset();
    openMenu(google);
    expect(google.ui.menus.at(-1)!.items.map((i) => i.functionName)).toEqual(['qamqorValidateMine', 'qamqorHelp']);
    expect(google.log.count('Properties.getProperty')).toBe(0);
    const calls = run('qamqorCaseSidebar', TEACHER);
    expect(google.ui.alerts.at(-1)!.prompt).toMatch(/әлеуметтік педагог/);
    expect(calls['Drive.Files.get']).toBeUndefined();
    expect(google.properties.users.get(TEACHER)?.size ?? 0).toBe(0);
  });
});

describe('a case in the sidebar, and the open-time notice', () => {
  function withCases() {
    const s = school();
    s.run('qamqorCases');
    const [a, b] = s.iins;
    typeRows(s.google, 'cases', [
      { case_id: 'C-001', iin: a, identified_on: d('2025-10-01'), reason: 'behaviour' },
      { case_id: 'C-002', iin: b, identified_on: d('2025-09-05'), reason: 'attendance', opened_on: d('2025-09-15'), curator: 'Сейітова А.' },
    ]);
    typeRows(s.google, 'case_actions', [
      { case_id: 'C-002', action: 'Отбасына бару <script>alert(1)</script>', area: 'family', provider: 'school', due_on: d('2025-11-01') },
      { case_id: 'C-002', action: 'Емханаға жолдама', area: 'health', provider: 'Қалалық емхана', due_on: d('2025-12-05') },
    ]);
    typeRows(s.google, 'case_reviews', [{ case_id: 'C-002', date: d('2025-11-10'), attendance_pct: 85, performance: 3, behaviour: 4, note: 'жақсаруда' }]);
    return s;
  }

  it('shows each case: stage, next review, overdue items and its actions, every text escaped', () => {
    const { google, run } = withCases();
    const calls = run('qamqorCaseSidebar');
    expect(google.ui.alerts).toEqual([]);
    const html = google.ui.sidebars.at(-1)!.html;
    expect(html).toContain('C-002 — Бекова Аружан');
    expect(html).toContain('мониторинг');
    expect(html).toContain('10.12.2025'); // next review
    expect(html).toContain('шаралар мерзімі өтті');
    expect(html).toContain('Емханаға жолдама — Қалалық емхана');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    // Lock, registry read, Drive's sharing check, one read of the case file, the note, the sidebar, the toast.
    expect(calls).toEqual({
      'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 2, 'Session.getActiveUser': 1, 'Drive.Files.get': 1,
      'Properties.getProperty': 1, 'Properties.setProperties': 1, 'Ui.showSidebar': 1, 'Spreadsheet.toast': 1,
    });
  });

  it('the notice counts overdue cases from the pedagogue’s properties alone, in two calls, and only for her', () => {
    const { google, run } = withCases();
    run('qamqorCaseSidebar');
    google.log.reset();
    google.state.user = PEDAGOGUE;
    openMenu(google);
    // C-001 waits for its council since 11.10, C-002 has an action overdue since 01.11.
    // The same toast then says the annual plan's month (test/apps-script/plan-notice.test.ts).
    expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toMatch(/^Іс қағаздарында мерзімі өткен істер бар: 2\. Қараңыз: Qamqor → Іс бойынша анықтама\.( Жылдық жоспар: .*)?$/);
    // Its note, and the housing acts' (src/apps-script/inspections.ts): one property read each.
    expect(google.log.count('Properties.getProperty')).toBe(2);
    expect(google.log.count('Sheets.Spreadsheets.get')).toBe(0);
    expect(google.log.count('Drive.Files.get')).toBe(0);
    // A teacher opening the workbook: no property read, no notice.
    const toasts = google.SpreadsheetApp.toasts.length;
    google.state.user = TEACHER;
    google.log.reset();
    openMenu(google);
    expect(google.log.count('Properties.getProperty')).toBe(0);
    expect(google.SpreadsheetApp.toasts).toHaveLength(toasts);
  });

  it('a deadline passing between two openings is counted on the day it passes, without reading the file', () => {
    const { google, run, iins } = school();
    run('qamqorCases');
    typeRows(google, 'cases', [{ case_id: 'C-001', iin: iins[0], identified_on: d('2025-11-15'), reason: 'family' }]);
    run('qamqorCaseSidebar');
    google.state.user = PEDAGOGUE;
    openMenu(google);
    const before = google.SpreadsheetApp.toasts.length;
    expect(google.SpreadsheetApp.toasts.some((t) => t.msg.includes('мерзімі өткен істер'))).toBe(false);
    google.advance(6 * 86_400_000); // 26.11: the council was due by 25.11
    openMenu(google);
    expect(google.SpreadsheetApp.toasts.length).toBe(before + 1);
    expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toContain(': 1.');
  });

  it('keeps no word of a case in the registry, its properties, or the pedagogue’s note', () => {
    const { google, run } = withCases();
    const before = registryCells(google);
    run('qamqorCaseSidebar');
    run('qamqorCases');
    openMenu(google);
    const after = registryCells(google);
    expect(after).toEqual(before);
    for (const word of SECRETS) expect(after.filter((c) => c.includes(word))).toEqual([]);
    const note = userProperties(google)!.getProperty(notePropertyKey(google.state.id))!;
    for (const word of [...SECRETS, 'Бекова', 'C-0']) expect(note).not.toContain(word);
    expect(note).toMatch(/^\{"id":"file-[^"]+","read":"2025-11-20","overdueFrom":\["[\d-", ]+\]\}$/);
  });
});

describe('the sidebar page itself', () => {
  it('says there is no case yet, and escapes every name', () => {
    expect(caseSidebarHtml([], 'ru', '2025-11-20')).toBe('<p>Дел пока нет.</p>');
    const { google, run } = school();
    run('qamqorCases');
    const { state } = caseSheet(google);
    typeRows(google, 'cases', [{ case_id: 'C-"1"', iin: '061211600012', full_name: 'Аты <b>жөні</b>', identified_on: d('2025-11-01'), reason: 'other' }]);
    const data = new GoogleWorkbook(google.Sheets, state.id).read();
    const html = caseSidebarHtml(caseStates(readCaseFile(data), '2025-11-20'), 'kk', '2025-11-20');
    expect(html).toContain('Аты &lt;b&gt;жөні&lt;/b&gt;');
    expect(html).toContain('C-&quot;1&quot;');
  });
});

describe('the bundle in a bare context', () => {
  it('makes the case file and shows its sidebar, as Apps Script calls the menu', async () => {
    const code = (await buildAppsScript()).code;
    const { google } = school();
    const context = vm.createContext({ ...google.globals() });
    vm.runInContext(code, context, { filename: 'Code.js' });
    google.state.dateCtor = vm.runInContext('Date', context);
    google.state.user = PEDAGOGUE;
    const ctx = context as unknown as Record<string, () => void>;
    ctx.qamqorCases();
    google.endExecution();
    ctx.qamqorCaseSidebar();
    google.endExecution();
    expect(google.ui.alerts).toEqual([]);
    expect(google.ui.sidebars.at(-1)!.html).toContain('Істер әлі жоқ.');
  }, 60_000);
});
