// The roll over time and the housing acts in Google, on the strict fakes: the pedagogue's movement dialog (the roll
// to choose from, every name escaped) and its answer applied in one batch — a departure's row archived with every
// cell, a transfer's moved to its new class — for the pedagogue only; the acts' sidebar and the open-time notice
// counting from her note alone. Calls and bytes within the other actions' budgets.
import vm from 'node:vm';
import { buildAppsScript } from '../../scripts/apps-script-bundle';
import { inspectionsNoteKey, inspectionsSidebarHtml, parseNote } from '../../src/apps-script/inspections';
import { recordMovement } from '../../src/apps-script/movements';
import { userProperties } from '../../src/apps-script/cases';
import { openMenu, runMenuItem } from '../../src/apps-script/menu';
import { readArchive } from '../../src/domain/registers/read';
import { readMovements } from '../../src/domain/registers/movements';
import { readRegistry } from '../../src/domain/registry/registry';
import type { WorkbookData } from '../../src/domain/sheet';
import { fakeGoogle, type FakeGoogle } from '../fakes/google';
import { book, pupil } from '../support/workbook';
import { fakeSchool } from './school';

const PEDAGOGUE = 'ped@school.kz';
const TEACHER = 'aigul@school.kz';
const now = new Date('2025-11-20T04:00:00Z');

function school(lang: 'kk' | 'ru' = 'kk') {
  const kids = {
    '7А': [pupil(7, { full_name: 'Әбенов Нұрлан', orphan: true, guardian: 'Әбенова Гүлнар' }), pupil(7, { full_name: 'Бекова <b>Аружан</b>' }, 'F'), pupil(7, { full_name: 'Ғалымов Ерлан' })],
    '7Б': [pupil(7, { full_name: 'Дәулетов Дамир', large_family: true })],
  };
  const data = book(lang, kids, { social_pedagogue_email: PEDAGOGUE });
  const classes = data.tabs.find((t) => t.key === 'classes')!;
  classes.rows = classes.rows.map((r, i) => (i === 0 ? r : [r[0], r[1], TEACHER, null]));
  const google = fakeGoogle({ tabs: data.tabs, locale: lang === 'ru' ? 'ru_RU' : 'kk_KZ', now });
  google.state.user = PEDAGOGUE;
  runMenuItem(google, 'qamqorSetup');
  google.endExecution();
  const run = (fn: string, as = PEDAGOGUE) => {
    google.state.user = as;
    google.log.reset();
    runMenuItem(google, fn);
    google.endExecution();
    return google.log.byMethod();
  };
  const save = (form: Record<string, string>, as = PEDAGOGUE) => {
    google.state.user = as;
    google.log.reset();
    const answer = recordMovement(google, form);
    google.endExecution();
    return { answer, calls: google.log.byMethod() };
  };
  return { google, run, save, iins: Object.fromEntries(Object.values(kids).flat().map((k) => [String(k.full_name), String(k.iin)])) };
}

/** The fake spreadsheet as the engine reads it. */
function workbookOf(google: FakeGoogle): WorkbookData {
  return {
    tabs: google.state.sheets.map((s) => ({
      id: String(s.sheetId),
      key: s.metadata.find((m) => m.metadataKey === 'qamqor')?.metadataValue ?? null,
      title: s.title,
      rows: google.state.values(s.title).map((r) => r.map((c) => (c === '' ? null : c))),
      formulas: [],
    })),
  };
}

describe('the movement dialog', () => {
  it('offers the roll by class, every name escaped, in three calls', () => {
    const { google, run } = school();
    const calls = run('qamqorMovementDialog');
    expect(google.ui.alerts).toEqual([]);
    expect(calls).toEqual({ 'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 1, 'Ui.showModalDialog': 1 });
    const html = google.ui.dialogs.at(-1)!.html;
    expect(html).toContain('<optgroup label="7А">');
    expect(html).toContain('Бекова &lt;b&gt;Аружан&lt;/b&gt;');
    expect(html).not.toContain('<b>Аружан');
    expect(html).toContain('.qamqorMovement(form)');
    expect(html).toContain('value="2025-11-20"');
  });

  it('applies a departure in one batch: the row archived with every cell, the log written; four calls', () => {
    const { google, save, iins } = school();
    const { answer, calls } = save({ iin: iins['Әбенов Нұрлан'], kind: 'left', date: '2025-11-18', toClass: '', place: 'Алматы, № 12 мектеп', reason: 'отбасы көшті', order: '№ 45' });
    expect(answer).toEqual({ ok: true, message: expect.stringContaining('Әбенов Нұрлан 18.11.2025 күні кетті') });
    expect(calls).toEqual({ 'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.batchUpdate': 1, 'Properties.setProperties': 1 });
    const registry = readRegistry(workbookOf(google));
    expect(registry.pupils.filter((p) => p.className === '7А').map((p) => p.fullName)).toEqual(['Бекова <b>Аружан</b>', 'Ғалымов Ерлан']);
    expect(readArchive(registry)[0]).toMatchObject({ fullName: 'Әбенов Нұрлан', className: '7А', leftOn: '2025-11-18', place: 'Алматы, № 12 мектеп', reason: 'отбасы көшті', order: '№ 45', categories: ['orphan'] });
    expect(readArchive(registry)[0].rowData).toContain('Әбенова Гүлнар');
    expect(readMovements(registry).map((m) => [m.kind, m.date, m.fromClass])).toEqual([['left', '2025-11-18', '7А']]);
  });

  it('applies a transfer: the row moves to the new class\'s tab', () => {
    const { google, save, iins } = school('ru');
    const { answer } = save({ iin: iins['Ғалымов Ерлан'], kind: 'transferred', date: '2025-11-19', toClass: '7Б', place: '', reason: 'заявление родителей', order: '' });
    expect(answer.ok).toBe(true);
    expect(answer.message).toContain('переведён(а) в 7Б класс');
    const registry = readRegistry(workbookOf(google));
    expect(registry.pupils.filter((p) => p.className === '7Б').map((p) => p.fullName)).toEqual(['Дәулетов Дамир', 'Ғалымов Ерлан']);
    expect(registry.pupils.filter((p) => p.className === '7А')).toHaveLength(2);
  });

  it('says in the dialog, writing nothing, why a movement cannot be applied', () => {
    const { google, save, iins } = school();
    const first = save({ iin: iins['Ғалымов Ерлан'], kind: 'transferred', date: '2025-11-19', toClass: '7А' });
    expect(first.answer).toEqual({ ok: false, message: 'оқушы қазірдің өзінде 7А сыныбында' });
    expect(first.calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    expect(save({ iin: iins['Ғалымов Ерлан'], kind: 'left', date: '2024-11-19' }).answer.message).toContain('2025-2026 оқу жылына жатпайды');
    expect(save({ iin: '', kind: 'left', date: '' }).answer.message).toContain('Форма толық емес');
    expect(google.ui.alerts).toEqual([]);
  });

  it('is the pedagogue\'s: a teacher is refused, nothing written', () => {
    const { save, run, iins } = school();
    const { answer, calls } = save({ iin: iins['Ғалымов Ерлан'], kind: 'left', date: '2025-11-19' }, TEACHER);
    expect(answer.ok).toBe(false);
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    run('qamqorMovementDialog', TEACHER);
  });
});

describe('the housing acts', () => {
  it('shows the overdue and the due within 30 days in a sidebar, and leaves the note the notice counts from', () => {
    const { google, run } = school();
    google.advance(30 * 86_400_000); // 20.12.2025: the first half-year's acts are due within 30 days
    const calls = run('qamqorInspections');
    expect(calls).toEqual({ 'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 1, 'Properties.setProperties': 1, 'Ui.showSidebar': 1, 'Spreadsheet.toast': 1 });
    const html = google.ui.sidebars.at(-1)!.html;
    expect(html).toContain('30 күн ішінде (2)');
    expect(html).toContain('Әбенов Нұрлан');
    expect(html).toContain('31.12.2025');
    const note = parseNote(userProperties(google)!.getProperty(inspectionsNoteKey(google.state.id)));
    expect(note).toEqual({ read: '2025-12-20', due: { '2025-12-31': 2 } });
    // No name, no IIN in the note.
    expect(JSON.stringify(note)).not.toMatch(/Әбенов|\d{12}/);
    // On 2 January, the note alone says both are overdue: one property read, no sheet read.
    google.advance(13 * 86_400_000);
    google.log.reset();
    openMenu(google);
    expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toContain('Тұрғын үй актілері: мерзімі өткені — 2, 30 күн ішінде мерзімі келетіні — 0.');
    expect(google.log.count('Sheets.Spreadsheets.get')).toBe(0);
    expect(google.log.count('Properties.getProperty')).toBe(2);
  });

  it('escapes every name in the sidebar', () => {
    const html = inspectionsSidebarHtml([{ iin: '1', full_name: '<img src=x>', class: '7А', required: 1, done: 0, nextDue: '2025-12-01', overdue: true } as never], 'ru', '2025-12-10');
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('validate everything', () => {
  it('lists a register\'s problems on the issues tab with the class tabs\' ones, naming tab, row and column', () => {
    const { google, run } = school('ru');
    const acts = 'Акты обследования ЖБУ';
    google.state.type(acts, 1, 0, [['2025-13-40', '061211600012', '', 'Комиссия']]);
    run('qamqorValidate');
    const rows = google.state.values('Ошибки').map((r) => r.join(' | '));
    expect(rows.find((r) => r.includes('invalid_date'))).toContain('Акты обследования ЖБУ, строка 2, столбец «Дата акта»: «2025-13-40» не читается как дата');
    expect(rows.find((r) => r.includes('unknown_pupil'))).toContain('ученика с ИИН 061211600012 нет ни на листах классов, ни в архиве');
    expect(rows.find((r) => r.includes('missing_required'))).toContain('столбец «Заключение»');
  });
});

describe('the roll in the dialog on a 2,500-pupil school', () => {
  it('costs what the other actions cost: one read, one dialog; the read no larger than validation\'s', () => {
    const google = fakeSchool(2500);
    google.state.user = 'pedagogue@school.kz';
    runMenuItem(google, 'qamqorSetup');
    google.endExecution();
    const bytesOf = (fn: string) => {
      google.log.reset();
      runMenuItem(google, fn);
      google.endExecution();
      return google.log.bytes('Sheets.Spreadsheets.get');
    };
    const validate = bytesOf('qamqorValidate');
    const inspections = bytesOf('qamqorInspections');
    const dialog = bytesOf('qamqorMovementDialog');
    expect(google.log.byMethod()).toEqual({ 'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 1, 'Ui.showModalDialog': 1 });
    // The same one bounded read as "Validate everything" (each Qamqor tab over the rows that hold data).
    expect(dialog).toBeLessThanOrEqual(validate * 1.05);
    expect(inspections).toBeLessThanOrEqual(validate * 1.05);
    const html = google.ui.dialogs.at(-1)!.html;
    expect((html.match(/<option value="\d{12}">/g) ?? []).length).toBeGreaterThan(2000);
  });
});

describe('the bundle in a bare context', () => {
  it('shows the dialog and applies its answer, as Apps Script calls them', async () => {
    const code = (await buildAppsScript()).code;
    const { google, iins } = school();
    const context = vm.createContext({ ...google.globals() });
    vm.runInContext(code, context, { filename: 'Code.js' });
    google.state.dateCtor = vm.runInContext('Date', context);
    google.state.user = PEDAGOGUE;
    context.qamqorMovementDialog();
    google.endExecution();
    expect(google.ui.dialogs.at(-1)!.title).toBe('Оқушы қозғалысы');
    const answer = context.qamqorMovement({ iin: iins['Ғалымов Ерлан'], kind: 'transferred', date: '2025-11-19', toClass: '7Б' });
    google.endExecution();
    expect(answer.ok).toBe(true);
    expect(typeof context.qamqorInspections).toBe('function');
  }, 60_000);
});

