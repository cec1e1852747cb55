// The annual plan's open-time notice on the fakes: set up lays out the default plan, and when the pedagogue opens the
// workbook one toast says how many of this month's activities are not done and how many are overdue — read from the
// plan tab in three calls and a few kilobytes, the same toast as the overdue cases; a teacher reads nothing of it.
import { openMenu, runMenuItem } from '../../src/apps-script/menu';
import { planCounts } from '../../src/apps-script/plan-notice';
import { planReport } from '../../src/domain/registers/plan';
import { readRegistry } from '../../src/domain/registry/registry';
import { schoolYear } from '../../src/domain/school-year';
import { tabSpec, type Lang } from '../../src/domain/template';
import { fakeGoogle } from '../fakes/google';
import { book, pupil } from '../support/workbook';

const PEDAGOGUE = 'ped@school.kz';
const TEACHER = 'aigul@school.kz';

function school(lang: Lang, now: Date) {
  const data = book(lang, { '7А': [pupil(7), pupil(7, {}, 'F')] }, { social_pedagogue_email: PEDAGOGUE });
  const classes = data.tabs.find((t) => t.key === 'classes')!;
  classes.rows = classes.rows.map((r, i) => (i === 0 ? r : [r[0], r[1], TEACHER, null]));
  const google = fakeGoogle({ tabs: data.tabs, locale: lang === 'ru' ? 'ru_RU' : 'kk_KZ', now });
  google.state.user = PEDAGOGUE;
  runMenuItem(google, 'qamqorSetup');
  google.endExecution();
  const open = (as: string) => {
    google.state.user = as;
    google.log.reset();
    const toasts = google.SpreadsheetApp.toasts.length;
    openMenu(google);
    return { calls: google.log.byMethod(), toast: google.SpreadsheetApp.toasts.length > toasts ? google.SpreadsheetApp.toasts.at(-1)!.msg : null };
  };
  return { google, open, planTitle: tabSpec('plan').title[lang] };
}

describe('the plan notice when the pedagogue opens the workbook', () => {
  it('counts this month’s activities not done and the overdue ones, as qamqor plan does, in one toast', () => {
    const { google, open, planTitle } = school('kk', new Date('2025-10-15T04:00:00Z'));
    const { calls, toast } = open(PEDAGOGUE);
    // The same statuses as `qamqor plan`: this month's non-`all` activities not done, and the overdue ones.
    const registry = readRegistry({ tabs: google.state.sheets.map((s) => ({ id: String(s.sheetId), key: s.metadata.find((m) => m.metadataKey === 'qamqor')?.metadataValue ?? null, title: s.title, rows: google.state.values(s.title).map((r) => r.map((c) => (c === '' ? null : c))), formulas: [] })) });
    const report = planReport(registry, '2025-10-15');
    expect(report.overdue).toBe(6);
    const thisMonth = report.items.filter((i) => i.status === 'due' && i.months.length < 9).length;
    expect(thisMonth).toBe(6);
    expect(toast).toBe(`Жылдық жоспар: осы айда — ${thisMonth} іс-шара, мерзімі өткені — ${report.overdue}.`);
    // Three calls for the plan (its sheet, its data range, its values) and the toast, besides the menu's own.
    expect(calls).toEqual({
      'Spreadsheet.getSheetByName': 2, 'Range.getValues': 2, 'Sheet.getDataRange': 1, 'Session.getActiveUser': 1, 'Menu.addToUi': 1,
      // The case file's note and the housing acts' note (src/apps-script/inspections.ts), one property read each.
      'Properties.getProperty': 2, 'Spreadsheet.toast': 1,
    });
    // What the plan read brought back: the default plan's 61 rows, a few kilobytes.
    const bytes = JSON.stringify(google.state.values(planTitle)).length;
    expect(bytes).toBeLessThan(40_000);
  });

  it('drops what the pedagogue marks done, and says nothing when nothing is due or overdue', () => {
    const { google, open, planTitle } = school('ru', new Date('2025-09-10T04:00:00Z'));
    const first = open(PEDAGOGUE).toast!;
    expect(first).toMatch(/^Годовой план: в этом месяце — мероприятий \d+, просрочено — 0\.$/);
    const rows = google.state.values(planTitle);
    const doneAt = rows[0]!.indexOf(tabSpec('plan').columns.find((c) => c.key === 'done_on')!.header.ru);
    const monthsAt = rows[0]!.indexOf(tabSpec('plan').columns.find((c) => c.key === 'months')!.header.ru);
    // Every activity of September (and August–September) marked done on the 9th.
    rows.forEach((r, i) => {
      if (i > 0 && ['09', '08-09', '09-10', '09-12'].includes(String(r[monthsAt]))) google.state.type(planTitle, i, doneAt, [[new Date('2025-09-09T00:00:00Z')]]);
    });
    expect(open(PEDAGOGUE).toast).toBeNull();
    expect(planCounts(google.state.values(planTitle), 'ru', schoolYear(2025), '2025-09-10')).toEqual({ thisMonth: 0, overdue: 0 });
  });

  it('is read for the pedagogue only: a teacher opening the workbook costs no plan read', () => {
    const { open } = school('kk', new Date('2025-10-15T04:00:00Z'));
    const { calls, toast } = open(TEACHER);
    expect(toast).toBeNull();
    expect(calls['Sheet.getDataRange']).toBeUndefined();
    expect(calls['Spreadsheet.getSheetByName']).toBe(1);
  });

  it('a workbook without a plan tab says nothing of a plan', () => {
    const { google, open, planTitle } = school('kk', new Date('2025-10-15T04:00:00Z'));
    google.state.sheets = google.state.sheets.filter((s) => s.title !== planTitle);
    const { calls, toast } = open(PEDAGOGUE);
    expect(toast).toBeNull();
    expect(calls['Spreadsheet.getSheetByName']).toBe(3);
    expect(calls['Sheet.getDataRange']).toBeUndefined();
  });
});
