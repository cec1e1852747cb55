// What a school meets when Google is Google: a teacher's own notes, a pasted class list, who may run what,
// addresses Google will not take, rate limits, the day's quota and refusals, each told in the workbook's language.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAppsScript, MANIFEST } from '../../scripts/apps-script-bundle';
import { failureKind, redact } from '../../src/apps-script/google-errors';
import type { SheetsAdvanced } from '../../src/apps-script/google-services';
import { GoogleWorkbook } from '../../src/apps-script/google-workbook';
import { validateEdit } from '../../src/apps-script/live-validation';
import { openMenu, runMenuItem } from '../../src/apps-script/menu';
import { isQuotaError } from '../../src/apps-script/reports/drive';
import { reportsStep } from '../../src/apps-script/reports/run';
import type { SheetsRequest } from '../../src/apps-script/sheets-api';
import type { Cell } from '../../src/domain/sheet';
import { classColumns, defaultCatalogue, tabSpec, type Lang } from '../../src/domain/template';
import { fakeGoogle, type FakeGoogle } from '../fakes/google';
import { modeledSeconds } from '../fakes/latency';
import { book, pupil } from '../support/workbook';
import { fakeSchool } from './school';

const now = new Date('2025-10-01T06:00:00Z');
const PEDAGOGUE = 'ped@school.kz';
const header = (key: string, lang: Lang = 'kk') => classColumns(defaultCatalogue).find((c) => c.key === key)!.header[lang];

/** 5А (three pupils) and 6Б (one), their teachers' e-mails in the classes tab; the pedagogue at the keyboard. */
function school(options: { lang?: Lang; teachers?: Record<string, string>; pupils5A?: number } = {}) {
  const lang = options.lang ?? 'kk';
  const data = book(lang, { '5А': Array.from({ length: options.pupils5A ?? 3 }, () => pupil(5)), '6Б': [pupil(6)] }, { social_pedagogue_email: PEDAGOGUE });
  const teachers = options.teachers ?? { '5А': 'aigul@school.kz', '6Б': 'bolat@school.kz' };
  const classes = data.tabs.find((t) => t.key === 'classes')!;
  classes.rows = classes.rows.map((r, i) => (i === 0 ? r : [r[0], r[1], teachers[String(r[0])] ?? '', r[3] ?? null]));
  const google = fakeGoogle({ tabs: data.tabs, locale: lang === 'ru' ? 'ru_RU' : 'kk_KZ', now });
  google.state.user = PEDAGOGUE;
  const run = (fn: string, as: string = google.state.user) => {
    google.state.user = as;
    google.log.reset();
    runMenuItem(google, fn);
    google.endExecution();
    return google.log.byMethod();
  };
  const head = () => google.state.values('5А')[0] as Cell[];
  const cell = (title: string, row: number, key: string) => google.state.sheetByTitle(title)!.cells.get(`${row},${(google.state.values(title)[0] as Cell[]).indexOf(header(key, lang))}`)!;
  return { google, run, head, cell, lang };
}

/** Everything a person could see changed: cells (values, notes, formats), tabs, protections. */
const snapshot = (google: FakeGoogle) => JSON.stringify(google.state.sheets.map((s) => [s.title, [...s.cells], s.protectedRanges, s.metadata]));

/** Sheets' batchUpdate, made to refuse as Google would: `refuse` returns the error text for a batch, or null. */
function refuseBatches(google: FakeGoogle, refuse: (requests: SheetsRequest[]) => string | null): void {
  const original = google.Sheets.Spreadsheets.batchUpdate;
  (google.Sheets as SheetsAdvanced).Spreadsheets.batchUpdate = (resource, id) => {
    const text = refuse(resource.requests ?? []);
    if (text !== null) {
      google.log.hit('Sheets.Spreadsheets.batchUpdate');
      throw new Error(`API call to sheets.spreadsheets.batchUpdate failed with error: ${text}`);
    }
    return original(resource, id);
  };
}

describe('onEdit keeps what is not Qamqor’s', () => {
  it('a teacher’s own note survives: Qamqor’s message goes above it, and only the message goes once the IIN is fixed', () => {
    const { google, head, cell } = school();
    const iin = head().indexOf(header('iin'));
    const bad = () => cell('5А', 1, 'iin');
    const good = bad().value!.stringValue!;
    const typo = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
    bad().note = 'Анасы туу туралы куәлікті әкеледі';
    cell('5А', 1, 'full_name').note = 'Жаңадан келген';
    bad().value = { stringValue: typo };
    const range = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('5А')!.getRange(2, iin + 1, 1, 1);
    google.log.reset();
    validateEdit({ range }, now, google);
    expect(google.log.byMethod()).toEqual({ 'Range.getValues': 1, 'Range.getNotes': 1, 'Range.setNotes': 1 });
    expect(bad().note).toMatch(/^⚠ Qamqor: ЖСН.*\n\nАнасы туу туралы куәлікті әкеледі$/s);
    expect(bad().value).toEqual({ stringValue: typo });
    expect(cell('5А', 1, 'full_name').note).toBe('Жаңадан келген');

    bad().value = { stringValue: good };
    validateEdit({ range }, now, google);
    expect(bad().note).toBe('Анасы туу туралы куәлікті әкеледі');
    expect(cell('5А', 1, 'full_name').note).toBe('Жаңадан келген');
  });

  it('an edit that leaves a clean row clean writes nothing: two calls', () => {
    const { google, head } = school();
    const range = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('5А')!.getRange(3, head().indexOf(header('full_name')) + 1, 1, 1);
    google.log.reset();
    validateEdit({ range }, now, google);
    expect(google.log.byMethod()).toEqual({ 'Range.getValues': 1, 'Range.getNotes': 1 });
  });

  it('a pasted class list of 500 rows is checked in three calls, well within a simple trigger’s 30 s', () => {
    const { google, head, cell } = school({ pupils5A: 500 });
    const sex = head().indexOf(header('sex'));
    cell('5А', 7, 'sex').value = { stringValue: 'белгісіз' };
    cell('5А', 400, 'iin').value = { stringValue: '1' };
    cell('5А', 400, 'iin').note = 'Мұғалімнің жазбасы';
    const range = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('5А')!.getRange(2, 1, 500, head().length);
    google.log.reset();
    const start = performance.now();
    const result = validateEdit({ range }, now, google);
    const engineMs = performance.now() - start;
    expect(google.log.byMethod()).toEqual({ 'Range.getValues': 1, 'Range.getNotes': 1, 'Range.setNotes': 1 });
    expect(result.checkedRows).toBe(500);
    expect(cell('5А', 7, 'sex').note).toMatch(/белгісіз/);
    expect(cell('5А', 400, 'iin').note).toMatch(/^⚠ Qamqor: .*\n\nМұғалімнің жазбасы$/s);
    expect(google.state.sheetByTitle('5А')!.cells.get(`7,${sex}`)!.value).toEqual({ stringValue: 'белгісіз' });
    expect(modeledSeconds(google.log.byMethod(), engineMs)).toBeLessThan(5);
  });
});

describe('who may run what', () => {
  const pedagogueItems = ['qamqorSetup', 'qamqorValidate', 'qamqorPassport', 'qamqorArchive', 'qamqorNewYear', 'qamqorReports', 'qamqorPlaceholders', 'qamqorMovementDialog', 'qamqorInspections'];

  it.each(['kk', 'ru'] as Lang[])('a teacher running a pedagogue action is told in her language (%s), and nothing changes', (lang) => {
    const { google, run } = school({ lang });
    run('qamqorSetup');
    const before = snapshot(google);
    for (const fn of pedagogueItems) {
      const calls = run(fn, 'aigul@school.kz');
      expect(calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
      expect(google.ui.alerts.at(-1)!.prompt).toMatch(lang === 'kk' ? /тек әлеуметтік педагог \(ped@school\.kz\) немесе кітаптың иесі.*aigul@school\.kz.*Ештеңе өзгерген жоқ/s : /только социальный педагог \(ped@school\.kz\) или владелец книги.*aigul@school\.kz.*Ничего не изменено/s);
    }
    expect(google.ui.sidebars).toHaveLength(0);
    expect(snapshot(google)).toBe(before);
  });

  it('a refusal costs no write: lock, read (which says she may not edit the pedagogue\'s tabs), who she is for the message, the message', () => {
    const { run } = school();
    run('qamqorSetup');
    expect(run('qamqorPassport', 'aigul@school.kz')).toEqual({
      'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 1, 'Session.getActiveUser': 1, 'Ui.alert': 1,
    });
  });

  it('a pedagogue named in the settings after set-up is told that the owner must run set-up again, and nothing changes', () => {
    const { google, run } = school();
    // The owner set up before the pedagogue's e-mail was typed: the pedagogue's tabs name no editor yet.
    const settings = google.state.sheets.find((sh) => sh.metadata.some((m) => m.metadataValue === 'settings'))!.title;
    const rows = google.state.values(settings) as Cell[][];
    const at = rows.findIndex((r) => r[0] === 'social_pedagogue_email');
    google.state.type(settings, at, 2, [['']]);
    run('qamqorSetup', 'owner@school.kz');
    google.state.type(settings, at, 2, [[PEDAGOGUE]]);
    const before = snapshot(google);
    const calls = run('qamqorValidate', PEDAGOGUE);
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    expect(google.ui.alerts.at(-1)!.prompt).toMatch(/ped@school\.kz адресіңіз баптауларда.*Кітаптың иесі «Тізілімді баптау немесе жөндеу» пәрменін тағы бір рет орындасын/s);
    expect(snapshot(google)).toBe(before);
  });

  it('the owner may run everything, even when the settings name another pedagogue', () => {
    const { google, run } = school();
    run('qamqorSetup', 'owner@school.kz');
    run('qamqorPassport', 'owner@school.kz');
    expect(google.ui.alerts).toEqual([]);
    expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toMatch(/Паспорт/);
  });

  it('the menu: a teacher sees her items, the pedagogue all of them', () => {
    const { google } = school({ lang: 'ru' });
    google.state.user = 'aigul@school.kz';
    openMenu(google);
    expect(google.ui.menus.at(-1)!.items.map((i) => i.caption)).toEqual(['Проверить мой класс', 'Справка']);
    google.state.user = PEDAGOGUE;
    openMenu(google);
    expect(google.ui.menus.at(-1)!.items.map((i) => i.functionName)).toEqual([
      'qamqorSetup', 'qamqorValidate', 'qamqorValidateMine', 'qamqorPassport', 'qamqorMovementDialog', 'qamqorInspections', 'qamqorReports', 'qamqorPlaceholders', 'qamqorArchive', 'qamqorNewYear',
      'qamqorCases', 'qamqorCaseSidebar', 'qamqorHelp',
    ]);
  });

  it('the menu when Google does not say who opened the workbook: every item, each checking when run', () => {
    const { google } = school();
    google.state.user = '';
    openMenu(google);
    expect(google.ui.menus.at(-1)!.items).toHaveLength(13);
  });

  it('a teacher checks her own class: her cells are marked, no other tab is written', () => {
    const { google, run, cell } = school();
    run('qamqorSetup');
    cell('5А', 1, 'iin').value = { stringValue: '12345' };
    cell('6Б', 1, 'iin').value = { stringValue: '54321' };
    const issues = () => google.state.sheetByTitle(tabSpec('issues').title.kk)!.cells.size;
    const issuesBefore = issues();
    run('qamqorValidateMine', 'aigul@school.kz');
    expect(google.ui.alerts).toEqual([]);
    expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toBe('5А сыныбы тексерілді (3 оқушы): 1 қате, 0 ескерту. Қате ұяшықтарға ескертпе қойылды.');
    expect(cell('5А', 1, 'iin').note).toMatch(/^⚠ Qamqor: ЖСН 12 цифрдан/);
    expect(cell('5А', 1, 'iin').background).toBeDefined();
    expect(cell('6Б', 1, 'iin').note).toBeUndefined();
    expect(issues()).toBe(issuesBefore);
  });

  it('someone not listed as a class teacher is told so, and nothing changes', () => {
    const { google, run } = school();
    run('qamqorSetup');
    const before = snapshot(google);
    const calls = run('qamqorValidateMine', 'stranger@gmail.com');
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    expect(google.ui.alerts.at(-1)!.prompt).toBe('stranger@gmail.com адресі «Сыныптар» парағында ешбір сыныптың жетекшісінің эл. поштасы ретінде көрсетілмеген. Ештеңе өзгерген жоқ. Әлеуметтік педагогқа хабарласыңыз.');
    expect(snapshot(google)).toBe(before);
  });
});

describe('set-up and the e-mails it names as editors', () => {
  const tabLock = (google: FakeGoogle, title: string) => google.state.sheetByTitle(title)!.protectedRanges.find((p) => p.range.startRowIndex == null && p.range.endRowIndex == null);

  it('an address written wrong is named with its tab and row; the rest is set up and protected', () => {
    // A Cyrillic «а» in a Latin address, and one with no domain.
    const { google, run } = school({ teachers: { '5А': 'аigul@school.kz', '6Б': 'bolat@school.kz, bolat2@school' } });
    const calls = run('qamqorSetup');
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    const prompt = google.ui.alerts.at(-1)!.prompt;
    expect(prompt).toContain('«Сыныптар» парағы, 2-жол: «аigul@school.kz» — эл. пошта қате жазылған');
    expect(prompt).toContain('«Сыныптар» парағы, 3-жол: «bolat2@school» — эл. пошта қате жазылған');
    expect(prompt).toMatch(/^Баптау аяқталды/);
    expect(tabLock(google, '6Б')!.editors!.users).toEqual(expect.arrayContaining(['bolat@school.kz', PEDAGOGUE]));
    // No teacher to name for 5А: only its header is locked until the address is fixed.
    expect(tabLock(google, '5А')).toBeUndefined();
    expect(google.state.sheetByTitle('5А')!.protectedRanges).toHaveLength(1);
  });

  it('an address Google refuses leaves the rest of set-up done, and is named with its row', () => {
    const { google, run } = school({ teachers: { '5А': 'ghost@nowhere.kz', '6Б': 'bolat@school.kz' } });
    refuseBatches(google, (requests) => {
      const i = requests.findIndex((r) => (r.addProtectedRange?.protectedRange?.editors?.users ?? []).includes('ghost@nowhere.kz'));
      // Google's wording for an unknown editor is not documented; the index is what Qamqor relies on.
      return i < 0 ? null : `Invalid requests[${i}].addProtectedRange: No user found for the given e-mail address.`;
    });
    const calls = run('qamqorSetup');
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(2);
    expect(google.ui.alerts.at(-1)!.prompt).toContain('«Сыныптар» парағы, 2-жол: «ghost@nowhere.kz» — Google бұл адресті қабылдамады');
    expect(google.state.sheetByTitle(tabSpec('issues').title.kk)).toBeDefined();
    expect(tabLock(google, '6Б')!.editors!.users).toEqual(expect.arrayContaining(['bolat@school.kz', PEDAGOGUE]));
    expect(tabLock(google, '5А')).toBeUndefined();
    expect(google.state.sheetByTitle('5А')!.protectedRanges).toHaveLength(1);
  });

  it('a protected range the user may not edit is not blamed on an address: said as it is, nothing changed', () => {
    const { google, run } = school();
    refuseBatches(google, (requests) => {
      const i = requests.findIndex((r) => r.addProtectedRange);
      return `Invalid requests[${i}].addProtectedRange: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.`;
    });
    const before = snapshot(google);
    const calls = run('qamqorSetup');
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(google.ui.alerts.at(-1)!.prompt).toMatch(/^Google Sheets өзгерісті қабылдамады: қорғалған ауқымды/);
    expect(snapshot(google)).toBe(before);
  });

  it('refused for a reason no address explains: the layout goes in without the protections, and says so', () => {
    const { google, run } = school();
    refuseBatches(google, (requests) => (requests.some((r) => r.addProtectedRange) ? 'Invalid requests: protections are not available for this spreadsheet.' : null));
    const calls = run('qamqorSetup');
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(2);
    expect(google.ui.alerts.at(-1)!.prompt).toContain('Google парақтарды қорғауды қабылдамады');
    expect(google.state.sheetByTitle(tabSpec('issues').title.kk)).toBeDefined();
  });
});

describe('Google’s errors, in the user’s language', () => {
  function withConsole(google: FakeGoogle) {
    const lines: string[] = [];
    return { services: { ...google, console: { error: (...data: unknown[]) => lines.push(data.join(' ')) } }, lines };
  }

  it.each(['kk', 'ru'] as Lang[])('a protected range Google refuses: a message in the workbook’s language (%s), the technical text in the log without pupils’ data', (lang) => {
    const { google } = school({ lang });
    const name = 'Тестов Әлиұлы';
    refuseBatches(google, () => `You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit. ("${name}", 061211600012)`);
    const before = snapshot(google);
    const { services, lines } = withConsole(google);
    runMenuItem(services, 'qamqorPassport');
    expect(google.ui.alerts.at(-1)!.prompt).toBe(
      lang === 'kk'
        ? 'Google Sheets өзгерісті қабылдамады: қорғалған ауқымды өңдеуге сізде рұқсат жоқ. Ештеңе өзгерген жоқ. Әлеуметтік педагогқа немесе кітаптың иесіне хабарласыңыз: олар әрекетті өздері орындай алады немесе сізге өңдеуге рұқсат бере алады.'
        : 'Google Таблицы не приняли изменения: у вас нет права изменять защищённый диапазон. Ничего не изменено. Обратитесь к социальному педагогу или владельцу книги: они могут выполнить действие сами или разрешить вам редактирование.',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Qamqor qamqorPassport: protected: Error: API call to sheets\.spreadsheets\.batchUpdate failed with error: You are trying to edit a protected cell/);
    expect(lines[0]).not.toContain(name);
    expect(lines[0]).not.toContain('061211600012');
    expect(snapshot(google)).toBe(before);
  });

  it('a rate limit is waited out with exponential backoff, and the action completes', () => {
    const { google, run } = school();
    let refusals = 2;
    const get = google.Sheets.Spreadsheets.get;
    (google.Sheets as SheetsAdvanced).Spreadsheets.get = (id, args) => {
      if (refusals-- > 0) {
        google.log.hit('Sheets.Spreadsheets.get');
        throw new Error("API call to sheets.spreadsheets.get failed with error: Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'");
      }
      return get(id, args);
    };
    const t0 = google.now().getTime();
    const calls = run('qamqorPassport');
    expect(calls['Utilities.sleep']).toBe(2);
    expect(calls['Sheets.Spreadsheets.get']).toBe(3);
    // 1 s, then 2 s, each up to a quarter more.
    expect(google.now().getTime() - t0).toBeGreaterThanOrEqual(3_000);
    expect(google.now().getTime() - t0).toBeLessThanOrEqual(3_750);
    expect(google.ui.alerts).toEqual([]);
    expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toMatch(/^Паспорт/);
  });

  it('a rate limit that outlasts the execution: waits no longer than the 6 minutes allow, then says to wait a minute; nothing written', () => {
    const { google, run } = school();
    refuseBatches(google, () => 'User rate limit exceeded.');
    const before = snapshot(google);
    const t0 = google.now().getTime();
    const calls = run('qamqorPassport');
    expect(calls['Utilities.sleep']).toBeGreaterThan(5);
    expect(google.now().getTime() - t0).toBeLessThan(360_000);
    expect(google.ui.alerts.at(-1)!.prompt).toBe('Google-ға қысқа уақыт ішінде тым көп сұрау жіберілді. Ештеңе өзгерген жоқ. Бір-екі минут күтіп, әрекетті қайталаңыз.');
    expect(snapshot(google)).toBe(before);
  });

  it('the day’s quota stops the run at once with its message', () => {
    const { google, run } = school();
    refuseBatches(google, () => 'Service invoked too many times for one day: spreadsheets.');
    const calls = run('qamqorValidate');
    expect(calls['Utilities.sleep']).toBeUndefined();
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(google.ui.alerts.at(-1)!.prompt).toBe('Google-дың тәуліктік шегі таусылды. Ештеңе өзгерген жоқ. Әрекетті ертең қайталаңыз.');
  });

  it('rate limits and daily quotas told apart', () => {
    for (const m of ['User rate limit exceeded.', 'Rate Limit Exceeded', 'Service invoked too many times in a short time: exec qps.', 'Request failed with HTTP 429 Too Many Requests', "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'"]) {
      expect([m, failureKind(new Error(m))]).toEqual([m, 'rateLimit']);
      expect(isQuotaError(new Error(m))).toBe(false);
    }
    for (const m of ['Service invoked too many times for one day: docs create.', 'Service invoked too many times for one day: driveapp.']) {
      expect([m, failureKind(new Error(m))]).toEqual([m, 'dailyQuota']);
      expect(isQuotaError(new Error(m))).toBe(true);
    }
    expect(failureKind(new Error('Invalid requests[403].addProtectedRange: bad'))).toBe('other');
    expect(failureKind(new Error('Service Spreadsheets timed out while accessing document with id abc.'))).toBe('timeout');
    expect(redact('Invalid value "Әлия Нұрова" at row 061211600012')).toBe('Invalid value "…" at row #');
  });
});

describe('reports under Drive’s limits', () => {
  function copies(google: FakeGoogle, fail: (n: number) => string | null): void {
    const copy = google.Drive.Files.copy;
    let n = 0;
    google.Drive.Files.copy = (resource, id, args) => {
      const text = fail(n++);
      if (text) {
        google.log.hit('Drive.Files.copy');
        throw new Error(`GoogleJsonResponseException: API call to drive.files.copy failed with error: ${text}`);
      }
      return copy(resource, id, args);
    };
  }

  it('Drive’s “User rate limit exceeded” is waited out, not taken for the day’s quota', () => {
    const google = fakeSchool(100, { clock: 'modeled', mistakes: false });
    copies(google, (n) => (n < 2 ? 'User rate limit exceeded.' : null));
    google.log.reset();
    const p = reportsStep(google);
    // The registry's 17 documents, the plan and the two aid documents, the movement report and the inspection schedule.
    expect(p).toMatchObject({ finished: true, made: 17 + 3 + 2, failed: 0, stopped: null, error: null });
    expect(google.log.count('Utilities.sleep')).toBe(2);
  });

  it('Drive’s “too many times for one day” stops the run until tomorrow, keeping what was made', () => {
    const google = fakeSchool(100, { clock: 'modeled', mistakes: false });
    copies(google, (n) => (n >= 3 ? 'Service invoked too many times for one day: docs create.' : null));
    const p = reportsStep(google);
    expect(p).toMatchObject({ stopped: 'quota', finished: false, made: 3, error: null });
    expect(google.log.count('Utilities.sleep')).toBe(0);
  });

  it('a failure Google gives outside any document: the sidebar says it in the workbook’s language', () => {
    const google = fakeSchool(100, { clock: 'modeled' });
    google.Sheets.Spreadsheets.get = () => {
      throw new Error('API call to sheets.spreadsheets.get failed with error: The caller does not have permission');
    };
    const p = reportsStep({ ...google, console: { error: () => undefined } });
    expect(p.error).toBe('Google бұл әрекетке рұқсат бермеді. Ештеңе өзгерген жоқ. Кітапты өңдеуге құқығыңыз бар екенін тексеріңіз, Qamqor сұраған рұқсаттарды беріп, әрекетті қайталаңыз.');
  });
});

describe('what Qamqor writes, as Google needs it', () => {
  it('numbers carry an explicit pattern: 0 for whole numbers', () => {
    const google = fakeGoogle({ tabs: [{ title: 'A', key: 'a', rows: [] }] });
    new GoogleWorkbook(google.Sheets, google.state.id).apply([{ kind: 'writeCells', tab: { key: 'a' }, row: 0, col: 0, values: [[2025, 12.5]] }]);
    const cells = google.state.sheetByTitle('A')!.cells;
    expect(cells.get('0,0')!.format).toEqual({ type: 'NUMBER', pattern: '0' });
    expect(cells.get('0,1')!.format).toEqual({ type: 'NUMBER', pattern: '0.0##' });
  });

  it('metadata ids are positive 32-bit integers that never collide, whatever the sheet ids', () => {
    const google = fakeGoogle({ tabs: [{ title: 'A', rows: [['a']] }, { title: 'B', rows: [['b']] }, { title: 'C', rows: [['c']] }] });
    [0, 1_000_000_000, 2_147_483_647].forEach((id, i) => (google.state.sheets[i]!.sheetId = id));
    const port = new GoogleWorkbook(google.Sheets, google.state.id);
    const data = port.read();
    port.apply([
      ...data.tabs.map((t, i) => ({ kind: 'renameTab' as const, tab: { id: t.id }, title: t.title, key: `k${i}` })),
      { kind: 'addTab', key: 'new', title: 'D' },
    ]);
    const ids = google.state.sheets.flatMap((s) => s.metadata.map((m) => m.metadataId!));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id >= 1 && id <= 2_147_483_647).toBe(true);
    const sheetIds = google.state.sheets.map((s) => s.sheetId);
    for (const id of sheetIds) expect(id >= 0 && id <= 2_147_483_647).toBe(true);
    expect(new Set(sheetIds).size).toBe(4);
  });

  it('the manifest sits beside .clasp.json and the build copies it into dist', async () => {
    const root = join(__dirname, '../..');
    expect(MANIFEST).toBe(join(root, 'appsscript.json'));
    expect(existsSync(join(root, 'src/apps-script/appsscript.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8')).rootDir).toBe('dist');
    const out = mkdtempSync(join(tmpdir(), 'qamqor-dist-'));
    await buildAppsScript(out);
    expect(readFileSync(join(out, 'appsscript.json'), 'utf8')).toBe(readFileSync(MANIFEST, 'utf8'));
    expect(JSON.parse(readFileSync(MANIFEST, 'utf8')).oauthScopes).toContain('https://www.googleapis.com/auth/userinfo.email');
  }, 30_000);
});
