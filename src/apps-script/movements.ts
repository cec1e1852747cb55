// The movement dialog in Sheets (pedagogue only): a small HTML form — the pupil chosen from the roll, departure or
// transfer, the date, the new class or where to, the reason and the order — whose answer comes back through
// google.script.run to `recordMovement`, which applies it as `import --into movements` does (src/app/movements.ts):
// the row archived or moved, the movement logged, in one batch under the lock. Every text of the page is escaped.
import { inspectionsOf } from '../app/inspections';
import { planMovement, type MovementInput } from '../app/movements';
import { compareClassNames } from '../domain/registry/class-name';
import { compareText } from '../domain/collate';
import { parseDate } from '../domain/cells';
import { dmy } from '../domain/format';
import { registerYear } from '../domain/registers/read';
import { movementKindLabels } from '../domain/registers/words';
import { readRegistry, type Registry } from '../domain/registry/registry';
import { tabSpec, type Lang } from '../domain/template';
import { MemoryWorkbook } from '../app/memory-workbook';
import type { WorkbookChange } from '../app/workbook-port';
import type { WorkbookData } from '../domain/sheet';
import type { GoogleServices } from './google-services';
import { dayOf, keepNote } from './inspections';
import { escapeHtml, registersUi, say } from './messages';
import { Refusal, runAction, type ActionContext } from './run-action';

/** Menu: «Pupil movement» — the dialog, with the roll as the workbook holds it now. */
export function movementDialogAction(ctx: ActionContext): string {
  const { lang, services } = ctx;
  const registry = readRegistry(ctx.data, lang);
  if (services.HtmlService) {
    ctx.ui.showModalDialog(services.HtmlService.createHtmlOutput(movementDialogHtml(registry, lang, dayOf(ctx.now))).setWidth(460).setHeight(520), say(registersUi.dialogTitle, lang));
  }
  return '';
}

/** The form: pupils by class (only those with an IIN, which names them in the movements tab), the classes to move to. */
export function movementDialogHtml(registry: Registry, lang: Lang, today: string): string {
  const e = escapeHtml;
  const t = (k: keyof typeof registersUi) => e(say(registersUi[k], lang));
  const byClass = new Map<string, Registry['pupils']>();
  for (const p of registry.pupils) {
    if (!/^\d{12}$/.test(p.iin)) continue;
    if (!byClass.has(p.className)) byClass.set(p.className, []);
    byClass.get(p.className)!.push(p);
  }
  const classes = [...byClass.keys()].sort(compareClassNames);
  const groups = classes
    .map((c) => `<optgroup label="${e(c)}">${[...byClass.get(c)!].sort((a, b) => compareText(a.fullName, b.fullName)).map((p) => `<option value="${e(p.iin)}">${e(p.fullName)} (${e(c)})</option>`).join('')}</optgroup>`)
    .join('');
  const targets = registry.classTabs.map((ct) => ct.className).sort(compareClassNames).map((c) => `<option value="${e(c)}">${e(c)}</option>`).join('');
  if (!groups) return `<p>${t('noPupils')}</p>`;
  return `<style>body{font:13px Arial,sans-serif}label{display:block;margin:8px 0 2px}select,input{width:100%;box-sizing:border-box;padding:3px}#msg{margin-top:10px;white-space:pre-wrap}.ok{color:#060}.no{color:#a00}button{margin-top:12px;padding:6px 16px}</style>
<form id="f">
<label>${t('pupil')}</label><select name="iin" required>${groups}</select>
<label>${t('kind')}</label><select name="kind"><option value="left">${e(movementKindLabels.left[lang])}</option><option value="transferred">${e(movementKindLabels.transferred[lang])}</option></select>
<label>${t('date')}</label><input type="date" name="date" value="${e(today)}" required>
<label>${t('toClass')}</label><select name="toClass"><option value=""></option>${targets}</select>
<label>${t('place')}</label><input name="place" maxlength="500">
<label>${t('reason')}</label><input name="reason" maxlength="500">
<label>${t('order')}</label><input name="order" maxlength="200">
<button type="submit" id="b">${t('save')}</button>
<div id="msg"></div>
</form>
<script>
var f = document.getElementById('f'), b = document.getElementById('b'), msg = document.getElementById('msg');
f.addEventListener('submit', function (ev) {
  ev.preventDefault();
  b.disabled = true;
  msg.className = ''; msg.textContent = ${JSON.stringify(say(registersUi.saving, lang))};
  var form = { iin: f.iin.value, kind: f.kind.value, date: f.date.value, toClass: f.toClass.value, place: f.place.value, reason: f.reason.value, order: f.order.value };
  google.script.run
    .withSuccessHandler(function (r) { msg.className = r.ok ? 'ok' : 'no'; msg.textContent = r.message; if (r.ok) setTimeout(function () { google.script.host.close(); }, 2500); else b.disabled = false; })
    .withFailureHandler(function (err) { msg.className = 'no'; msg.textContent = String(err && err.message || err); b.disabled = false; })
    .qamqorMovement(form);
});
</script>`;
}

/** What the dialog sends; every field is text as typed. */
export interface MovementForm {
  iin?: unknown;
  kind?: unknown;
  date?: unknown;
  toClass?: unknown;
  place?: unknown;
  reason?: unknown;
  order?: unknown;
}

/** The longest text a field of the form is taken with: a cell holds 50,000 characters, a reason needs far fewer. */
const FIELD_LIMIT = 1000;

function formInput(form: MovementForm, lang: Lang, registry: Registry): MovementInput {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, FIELD_LIMIT) : '');
  const date = parseDate(text(form.date));
  const iin = text(form.iin);
  const kind = text(form.kind);
  const missing = [!/^\d{12}$/.test(iin) ? say(registersUi.pupil, lang) : '', kind !== 'left' && kind !== 'transferred' ? say(registersUi.kind, lang) : '', !date ? say(registersUi.date, lang) : ''].filter(Boolean);
  if (missing.length) throw new Refusal(say(registersUi.bad, lang, { value: missing.join(', ') }));
  const window = registerYear(registry.settings.schoolYear);
  if (window && (date! < window.from || date! > window.to)) {
    throw new Refusal(say(registersUi.outsideYear, lang, { value: dmy(date!), year: registry.settings.schoolYear!.name, from: dmy(window.from), to: dmy(window.to) }));
  }
  return { iin, kind: kind as MovementInput['kind'], date: date!, toClass: text(form.toClass) || null, place: text(form.place), reason: text(form.reason), order: text(form.order) };
}

/**
 * google.script.run target of the dialog: the movement applied in one batch (pedagogue only, under the lock), the
 * housing-acts note refreshed (the roll changed); what happened, or why not, handed back to the dialog.
 */
export function recordMovement(services: GoogleServices, form: MovementForm): { ok: boolean; message: string } {
  let outcome = { ok: false, message: '' };
  runAction(
    services,
    (ctx) => {
      const registry = readRegistry(ctx.data, ctx.lang);
      const input = formInput(form ?? {}, ctx.lang, registry);
      const today = dayOf(ctx.now);
      const planned = planMovement(registry, input, today);
      if ('refused' in planned) throw new Refusal(planned.refused);
      ctx.workbook.apply(planned.changes);
      const pupil = registry.pupils.find((p) => p.iin === input.iin)!;
      // The roll has changed: the open-time notice of the housing acts counts from the new one.
      const moved = readRegistry(applied(ctx.data, planned.changes), ctx.lang);
      keepNote(services, ctx.spreadsheet.getId(), inspectionsOf(moved, today).needs, today);
      return input.kind === 'left'
        ? say(registersUi.left, ctx.lang, { name: pupil.fullName, date: dmy(input.date), archive: registry.tabs.archive?.title ?? tabSpec('archive').title[ctx.lang] })
        : say(registersUi.transferred, ctx.lang, { name: pupil.fullName, date: dmy(input.date), to: input.toClass ?? '' });
    },
    { name: 'qamqorMovement', who: 'pedagogue', label: registersUi.menuMovement, answer: (ok, message) => (outcome = { ok, message }) },
  );
  return outcome;
}

/** The workbook as the batch left it, computed in memory: no second read of what was just written. */
function applied(data: WorkbookData, changes: readonly WorkbookChange[]): WorkbookData {
  const memory = new MemoryWorkbook(data);
  memory.apply(changes);
  return memory.read();
}
