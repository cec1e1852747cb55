// The pedagogue's open-time notice of her annual plan (simple onOpen): how many activities of this month are not done
// yet and how many are overdue, read from the plan tab alone — one sheet found by title, its data range read once — and
// said in the same toast as the overdue cases, only when there is something to say.
import { auditStamp } from '../domain/cases/audit';
import { planStatus, readPlan } from '../domain/registers/plan';
import { planText } from '../domain/registers/plan-words';
import { schoolYearOf, type SchoolYear } from '../domain/school-year';
import type { Cell, TabData } from '../domain/sheet';
import { tabSpec, type Lang } from '../domain/template';
import type { GoogleServices } from './google-services';

export interface PlanCounts {
  /** Activities of this month (`all` ones aside: they are every month's) not done yet. */
  thisMonth: number;
  overdue: number;
}

/** The plan's counts on `today` (YYYY-MM-DD), from the plan tab's values as SpreadsheetApp reads them. */
export function planCounts(rows: readonly (readonly unknown[])[], lang: Lang, year: SchoolYear, today: string): PlanCounts {
  const tab: TabData = { id: 'plan', key: 'plan', title: tabSpec('plan').title[lang], rows: rows.map((r) => r.map((c) => (c === '' || c === undefined ? null : (c as Cell)))), formulas: [] };
  let thisMonth = 0;
  let overdue = 0;
  for (const row of readPlan({ tabs: { plan: tab }, lang }).rows) {
    if (!row.activity) continue;
    const status = planStatus(row, year, today);
    if (status === 'overdue') overdue++;
    else if (status === 'due' && row.months && !row.months.all) thisMonth++;
  }
  return { thisMonth, overdue };
}

/**
 * The notice's sentence, or null when nothing of the plan is due this month or overdue, or the workbook has no plan tab.
 * Three calls at most: the plan sheet by its title (the other language's title when the first is not there), its data
 * range, its values. A plan that does not read says nothing: the menu matters more.
 */
export function planNoticeText(services: GoogleServices, lang: Lang, now: Date, schoolYear: SchoolYear | null): string | null {
  try {
    const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
    const spec = tabSpec('plan');
    const titles = lang === 'kk' ? [spec.title.kk, spec.title.ru] : [spec.title.ru, spec.title.kk];
    const sheet = spreadsheet.getSheetByName(titles[0]!) ?? spreadsheet.getSheetByName(titles[1]!);
    if (!sheet) return null;
    const values = sheet.getDataRange().getValues();
    // The script's time zone (the manifest's, Asia/Almaty) says which day it is, as for the case file.
    const today = auditStamp(now).slice(0, 10);
    const counts = planCounts(values, lang, schoolYear ?? schoolYearOf(new Date(`${today}T00:00:00Z`)), today);
    if (counts.thisMonth + counts.overdue === 0) return null;
    return planText.notice[lang]({ due: counts.thisMonth, overdue: counts.overdue });
  } catch {
    return null;
  }
}
