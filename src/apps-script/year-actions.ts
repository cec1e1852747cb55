// The end of a school year: archiving this year's passport, and starting the next year (preview first,
// then a backup copy of the whole workbook, then one batch: archive, graduates kept, every class one up).
import { currentPassport } from '../app/build-passport';
import { planNewYear } from '../app/new-year';
import { newYearPreview } from '../app/new-year-preview';
import { planSnapshot } from '../app/snapshot';
import { dmy } from '../domain/format';
import { readRegistry } from '../domain/registry/registry';
import { say, ui } from './messages';
import type { ActionContext } from './run-action';

export function archiveAction(ctx: ActionContext): string {
  const registry = readRegistry(ctx.data, ctx.lang);
  const passport = currentPassport(registry);
  const plan = planSnapshot(registry, passport, ctx.now);
  ctx.workbook.apply(plan.changes);
  return say(ui.archiveDone, ctx.lang, { year: passport.schoolYear, replaced: plan.replaced ? say(ui.archiveReplaced, ctx.lang) : '' });
}

export function newYearAction(ctx: ActionContext): string {
  const { lang } = ctx;
  const registry = readRegistry(ctx.data, lang);
  const plan = planNewYear(registry, currentPassport(registry), ctx.now);
  const answer = ctx.ui.alert(say(ui.newYearTitle, lang, { to: plan.toYear }), newYearPreview(plan, lang), ctx.ui.ButtonSet.YES_NO);
  if (answer !== ctx.ui.Button.YES) return say(ui.newYearCancelled, lang);
  // The copy comes first: if anything after it fails, the school still has last year's workbook whole.
  const backup = say(ui.backupName, lang, { name: ctx.spreadsheet.getName(), date: dmy(ctx.now.toISOString().slice(0, 10)), year: plan.fromYear });
  ctx.spreadsheet.copy(backup);
  ctx.workbook.apply(plan.changes);
  return say(ui.newYearDone, lang, { to: plan.toYear, backup });
}
