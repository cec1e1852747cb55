// "Build the passport": the passport tab (classes by categories, totals, shares, the change against the
// archived previous year) and the dashboard tab, its chart data and two charts, in one batch.
import { passportWithDynamics, writePassportChanges } from '../app/build-passport';
import { fold } from '../domain/cells';
import { dashboardData, type DashboardTable } from '../domain/passport/dashboard';
import { readRegistry } from '../domain/registry/registry';
import { previousSchoolYear } from '../domain/school-year';
import { tabSpec } from '../domain/template';
import type { AnyChange } from './google-workbook';
import type { TabRef } from '../app/workbook-port';
import type { ChartSpec } from './sheets-api';
import { say, sheetWords, ui } from './messages';
import { pedagogueEmails, planProtections } from './protections';
import type { ActionContext } from './run-action';

export const DASHBOARD_KEY = 'dashboard';

function chart(title: string, table: DashboardTable, type: 'BAR' | 'COLUMN'): ChartSpec {
  const col = (c: number) => ({ sources: [{ sheetId: 0, startRowIndex: table.headerRow, endRowIndex: table.headerRow + 1 + table.rows, startColumnIndex: c, endColumnIndex: c + 1 }] });
  return {
    title,
    basicChart: {
      chartType: type,
      legendPosition: 'BOTTOM_LEGEND',
      headerCount: 1,
      domains: [{ domain: { sourceRange: col(0) } }],
      series: Array.from({ length: table.cols - 1 }, (_, i) => ({ series: { sourceRange: col(i + 1) }, targetAxis: type === 'BAR' ? 'BOTTOM_AXIS' : 'LEFT_AXIS' })),
    },
  };
}

export function passportAction(ctx: ActionContext): string {
  const { lang, workbook, data } = ctx;
  const registry = readRegistry(data, lang);
  const passport = passportWithDynamics(registry);
  const changes: AnyChange[] = [...writePassportChanges(registry, passport)];

  const titles = [sheetWords.dashboard.kk, sheetWords.dashboard.ru].map(fold);
  const existing = data.tabs.find((t) => t.key === DASHBOARD_KEY) ?? data.tabs.find((t) => t.key === null && titles.includes(fold(t.title)));
  const tab: TabRef = existing ? { id: existing.id } : { key: DASHBOARD_KEY };
  if (!existing) {
    changes.push({ kind: 'addTab', key: DASHBOARD_KEY, title: sheetWords.dashboard[lang] });
    changes.push(...planProtections([{ tab, existing: null, headerRow: null, teachers: [] }], pedagogueEmails(registry.settings.values), lang, () => undefined));
  }
  const board = dashboardData(passport, registry.catalogue, lang, `${sheetWords.dashboard[lang]}: ${registry.settings.schoolName} — ${passport.schoolYear}`);
  changes.push({ kind: 'replaceRows', tab, values: board.rows });
  const chartIds = existing ? workbook.extras(existing.id)?.chartIds ?? [] : [];
  const specs = [chart(sheetWords.categoriesChart[lang], board.categories, 'BAR'), ...(board.dynamics ? [chart(sheetWords.dynamicsChart[lang], board.dynamics, 'COLUMN')] : [])];
  specs.forEach((spec, i) =>
    changes.push({ kind: 'chart', tab, ...(chartIds[i] !== undefined ? { chartId: chartIds[i] } : {}), spec, anchor: { row: 1, col: 5 + i * 8 }, width: 600, height: 420 }),
  );
  workbook.apply(changes);

  const previous = registry.settings.schoolYear ? previousSchoolYear(registry.settings.schoolYear).name : '';
  const compare = passport.compare ? say(ui.passportCompared, lang, { year: passport.compare.schoolYear }) : say(ui.passportNoCompare, lang, { year: previous });
  return say(ui.passportDone, lang, { tab: registry.tabs.passport?.title ?? tabSpec('passport').title[lang], students: passport.students, families: passport.families, compare });
}
