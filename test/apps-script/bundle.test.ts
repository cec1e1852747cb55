// dist/Code.js as Apps Script runs it: loaded into a bare vm context holding only the fake services (no
// require, no process, no setTimeout), its top-level functions called, on a 2,500-pupil, 100-class school; every
// menu item on a school made by set-up; "Generate reports" end to end on a small one, driven as its sidebar drives it.
import vm from 'node:vm';
import { buildAppsScript } from '../../scripts/apps-script-bundle';
import { tabSpec } from '../../src/domain/template';
import { schoolBySetup } from '../fakes/school-by-setup';
import { fakeSchool, schoolData } from './school';

let code = '';
beforeAll(async () => {
  code = (await buildAppsScript()).code;
}, 30_000);

function load(google: ReturnType<typeof fakeSchool>): Record<string, any> {
  const context = vm.createContext({ ...google.globals() });
  vm.runInContext(code, context, { filename: 'Code.js' });
  // Apps Script hands the script Dates of its own realm.
  google.state.dateCtor = vm.runInContext('Date', context);
  return context;
}

describe('the bundle in a bare context', () => {
  it('has only the fakes as globals and no Node or browser global it would need', () => {
    const google = fakeSchool(100);
    const ctx = load(google);
    for (const name of ['require', 'process', 'module', 'setTimeout', 'fetch', 'URL', 'TextEncoder', 'atob', 'Blob']) {
      expect(vm.runInContext(`typeof ${name}`, ctx)).toBe('undefined');
    }
    expect(typeof ctx.Qamqor).toBe('object');
    // googleapis gives the Docs, Drive and Sheets requests their types only: none of its code is bundled.
    expect(code).not.toMatch(/googleapis|gaxios|google-auth-library/);
  });

  it('onOpen builds the menu in the workbook language, and every item names a top-level function', () => {
    const google = fakeSchool(100);
    google.state.user = 'pedagogue@school.kz';
    const ctx = load(google);
    ctx.onOpen({});
    expect(google.ui.menus).toHaveLength(1);
    const items = google.ui.menus[0].items;
    expect(items.map((i) => i.caption)).toContain('Барлығын тексеру');
    for (const item of items) expect(typeof ctx[item.functionName]).toBe('function');
    expect([...ctx.Qamqor.menuFunctions].sort()).toEqual(items.map((i) => i.functionName).sort());
    expect(google.log.count('Sheets.Spreadsheets.get')).toBe(0);
    // The settings tab (its language and the pedagogue's e-mail), who opened the workbook, the menu, the pedagogue's
    // own notes of her case file and of the housing acts for the overdue notices (she has none yet: nothing more), and
    // her annual plan's tab (its sheet, data range and values) for the plan notice, said in a toast when something is due or overdue.
    const { 'Spreadsheet.toast': toast = 0, ...calls } = google.log.byMethod();
    expect(calls).toEqual({
      'Spreadsheet.getSheetByName': 2, 'Range.getValues': 2, 'Sheet.getDataRange': 1, 'Session.getActiveUser': 1, 'Menu.addToUi': 1, 'Properties.getProperty': 2,
    });
    expect(toast).toBeLessThanOrEqual(1);
  });

  it('onOpen shows a class teacher her items only', () => {
    const google = fakeSchool(100);
    google.state.user = 'teacher@school.kz';
    const ctx = load(google);
    ctx.onOpen({});
    expect(google.ui.menus[0].items.map((i) => i.functionName)).toEqual(['qamqorValidateMine', 'qamqorHelp']);
    expect(google.log.count()).toBeLessThanOrEqual(5);
  });

  describe('each action end to end on a 2,500-pupil, 100-class school', () => {
    const google = fakeSchool(2500, { answers: ['YES'] });
    let ctx: Record<string, any>;
    const classTitles = () => google.state.sheets.filter((s) => s.metadata.some((m) => m.metadataValue?.startsWith('class:'))).map((s) => s.title);
    const run = (fn: string) => {
      google.log.reset();
      ctx[fn]();
      google.endExecution();
      return google.log.byMethod();
    };
    beforeAll(() => {
      ctx = load(google);
      // The social pedagogue runs the menu; the owner would cost one more call (Spreadsheet.getOwner).
      google.state.user = 'pedagogue@school.kz';
    });

    it('is a school of about a hundred classes', () => {
      expect(classTitles().length).toBeGreaterThanOrEqual(95);
    });

    it('set-up protects every class tab and the pedagogue tabs: the first time in five calls, who runs it asked once', () => {
      const calls = run('qamqorSetup');
      expect(calls['Sheets.Spreadsheets.get']).toBe(1);
      expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
      // Nothing is protected yet, so the read cannot tell who may edit: Session is asked. Once set up, 4 calls.
      expect(calls['Session.getActiveUser']).toBe(1);
      expect(google.log.count()).toBe(5);
      const fiveA = google.state.sheets.find((s) => s.metadata.some((m) => m.metadataValue === 'class:5А'))!;
      const tabLock = fiveA.protectedRanges.find((p) => p.range.startRowIndex === undefined)!;
      expect(tabLock.editors!.users).toEqual(expect.arrayContaining(['pedagogue@school.kz']));
      expect(tabLock.editors!.users!.length).toBeGreaterThanOrEqual(2);
      const headerLock = fiveA.protectedRanges.find((p) => p.range.endRowIndex === 1)!;
      expect(headerLock.editors!.users).not.toEqual(expect.arrayContaining(tabLock.editors!.users!.filter((u) => u !== 'pedagogue@school.kz' && u !== 'owner@school.kz')));
      const issues = google.state.sheetByTitle(tabSpec('issues').title.kk)!;
      expect(issues.protectedRanges).toHaveLength(1);
      expect(google.ui.alerts).toEqual([]);
    });

    it('a second set-up sends nothing', () => {
      const calls = run('qamqorSetup');
      expect(calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    });

    it('validate writes the issues tab with links, marks the class tabs, and counts in a toast, in four calls', () => {
      const calls = run('qamqorValidate');
      // Who runs it is told by the read (the protections the user may edit): no Session call.
      expect(calls).toEqual({ 'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.batchUpdate': 1, 'Spreadsheet.toast': 1 });
      const issues = google.state.values(tabSpec('issues').title.kk);
      expect(issues.length).toBeGreaterThan(10);
      const sheet = google.state.sheetByTitle(tabSpec('issues').title.kk)!;
      const links = [...sheet.cells.values()].flatMap((c) => c.links ?? []).map((r) => r.format?.link?.uri ?? '');
      expect(links.length).toBeGreaterThan(10);
      expect(links.every((uri) => /^https:\/\/docs\.google\.com\/spreadsheets\/d\/fake-spreadsheet-id\/edit#gid=\d+&range=[A-Z]+\d+$/.test(uri))).toBe(true);
      const marked = google.state.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.note?.startsWith('⚠ Qamqor: '));
      expect(marked.length).toBeGreaterThan(10);
      expect(marked.every((c) => c.background)).toBe(true);
      expect(google.SpreadsheetApp.toasts.at(-1)!.msg).toMatch(/2500 оқушы/);
    });

    it('the passport and the dashboard with its charts, in four calls', () => {
      const calls = run('qamqorPassport');
      expect(google.log.count()).toBe(4);
      expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
      const passport = google.state.values(tabSpec('passport').title.kk);
      expect(passport.some((r) => r[0] === 'Барлығы' && r[1] === 2500)).toBe(true);
      const dashboard = google.state.sheetByTitle('Бақылау тақтасы')!;
      expect(dashboard.charts).toHaveLength(1);
      run('qamqorPassport');
      expect(google.state.sheetByTitle('Бақылау тақтасы')!.charts).toHaveLength(1);
    });

    it('archives this year, then the next passport compares with it', () => {
      run('qamqorArchive');
      const archive = google.state.values(tabSpec('passport_archive').title.kk);
      expect(archive.filter((r) => r[0] === '2025-2026').length).toBeGreaterThan(100);
    });

    it('onEdit marks a bad IIN typed by a teacher and clears it once fixed, in three calls', () => {
      const sheet = google.state.sheets.find((s) => s.metadata.some((m) => m.metadataValue === 'class:5А'))!;
      const iinCol = google.state.values(sheet.title)[0].indexOf('ЖСН');
      const cell = sheet.cells.get(`1,${iinCol}`)!;
      const good = cell.value!.stringValue!;
      cell.value = { stringValue: good.slice(0, 11) + String((Number(good[11]) + 1) % 10) };
      const range = ctx.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet.title).getRange(2, iinCol + 1, 1, 1);
      google.log.reset();
      ctx.onEdit({ range });
      expect(google.log.byMethod()).toEqual({ 'Range.getValues': 1, 'Range.getNotes': 1, 'Range.setNotes': 1 });
      expect(sheet.cells.get(`1,${iinCol}`)!.note).toMatch(/^⚠ Qamqor: ЖСН/);
      expect(sheet.cells.get(`1,${iinCol}`)!.value).toEqual({ stringValue: good.slice(0, 11) + String((Number(good[11]) + 1) % 10) });
      sheet.cells.get(`1,${iinCol}`)!.value = { stringValue: good };
      ctx.onEdit({ range });
      expect(sheet.cells.get(`1,${iinCol}`)!.note).toBeUndefined();
    });

    it('a new school year: preview, backup copy, classes up a grade, graduates archived', () => {
      const before = classTitles();
      run('qamqorNewYear');
      expect(google.ui.alerts.at(-1)!.prompt).toMatch(/2025-2026 → 2026-2027/);
      expect(google.state.copies).toHaveLength(1);
      expect(google.state.copies[0].sheets.length).toBeGreaterThan(100);
      const after = classTitles();
      // 0А moved up to 1А, 10А to 11А; the eleventh classes left for the archive.
      expect(before).toContain('0А');
      expect(after).not.toContain('0А');
      expect(after).toContain('11А');
      expect(after.length).toBeLessThan(before.length);
      const eleventh = google.state.sheets.find((s) => s.title === '11А')!;
      expect(eleventh.metadata[0].metadataValue).toBe('class:11А');
      expect(google.state.values(tabSpec('archive').title.kk).length).toBeGreaterThan(50);
    });
  });

  describe('every menu item on a school made by set-up, against the strict fakes', () => {
    // Set-up's own formats down to row 1000, its validations and protections: what a real workbook holds.
    const google = schoolBySetup(schoolData(100), { answers: ['YES'] });
    let ctx: Record<string, any>;
    beforeAll(() => {
      ctx = load(google);
    });

    it('runs each one as the pedagogue (and "my class" as a teacher), each read a small part of the workbook', () => {
      const teacher = String(google.state.values(tabSpec('classes').title.kk).slice(1).find((r) => String(r[2]).includes('@'))![2]).split(/[\s,;]+/)[0]!;
      for (const fn of ctx.Qamqor.menuFunctions as string[]) {
        google.state.user = fn === 'qamqorValidateMine' ? teacher : 'pedagogue@school.kz';
        google.log.reset();
        expect(() => ctx[fn]()).not.toThrow();
        google.endExecution();
        expect(google.ui.alerts.map((a) => a.prompt).join('\n')).not.toMatch(/API call to|Invalid requests|Invalid value at/);
        expect(google.log.bytes('Sheets.Spreadsheets.get')).toBeLessThan(2_000_000);
      }
      expect(google.state.sheets.some((s) => s.charts.length > 0)).toBe(true);
    });
  });

  describe('Generate reports end to end on a small school', () => {
    // Without the demo's deliberate mistakes: documents to sign are made only over a registry without errors.
    const google = fakeSchool(100, { mistakes: false });
    let ctx: Record<string, any>;
    beforeAll(() => {
      ctx = load(google);
    });

    it('the menu opens the sidebar; its steps make every document with the bundled templates, and write the reports tab', () => {
      ctx.qamqorReports();
      google.endExecution();
      expect(google.ui.sidebars).toHaveLength(1);
      expect(google.ui.sidebars[0].html).toContain('qamqorReportsStep');
      let progress: any;
      let steps = 0;
      do {
        progress = ctx.qamqorReportsStep();
        google.endExecution();
        steps++;
      } while (progress.stopped === 'time' && steps < 20);
      // Seventeen documents of the registry, the plan, the «Мектепке жол» report and the Resolution No. 64 payments of
      // the aid register, the school's movement report and the inspection schedule.
      const made = 17 + 3 + 2;
      expect(progress).toMatchObject({ finished: true, total: made, made, failed: 0, error: null });
      const docs = [...google.drive.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.document' && !f.trashed);
      // The documents and the templates they were copied from, converted from the bundle's .docx.
      const templates = google.drive.inFolder(google.drive.folderAt('Qamqor', 'Templates')!.id).filter((f) => !f.trashed);
      expect(templates.length).toBeGreaterThanOrEqual(8);
      expect(docs).toHaveLength(made + templates.length);
      expect(docs.map((f) => f.name)).toContain('class-passport.kk');
      const reports = google.state.values(tabSpec('reports').title.kk);
      expect(reports.filter((r) => String(r[8]).startsWith('Жасалды:'))).toHaveLength(14 + 3 + 2);
      expect(ctx.qamqorReportsProgress()).toMatchObject({ finished: true, done: made, total: made });
    });
  });
});
