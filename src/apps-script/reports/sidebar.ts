// The two sidebars of the reports. "Generate reports": a page that calls qamqorReportsStep one execution after
// another until the run is done (each step stays under the 6-minute limit) and polls qamqorReportsProgress while a
// step runs. "Placeholders available": what each report's model offers, by describeModel. Server text is escaped;
// the page puts data in with textContent and links only to Google Docs and Drive.
import { passportWithDynamics } from '../../app/build-passport';
import { RegistryError } from '../../domain/i18n';
import { readRegistry, type Registry } from '../../domain/registry/registry';
import type { Passport } from '../../domain/passport/passport';
import type { Lang } from '../../domain/template';
import { defaultTemplates, type Scope } from '../../reports/jobs';
import { describeModel, imageValue, type ModelObject, type ModelPath } from '../../reports/model';
import { classPassportModel } from '../../reports/models/class-passport';
import { reportContext } from '../../reports/models/context';
import { defaultLists, listModel } from '../../reports/models/lists';
import { profileModel } from '../../reports/models/profile';
import { schoolModel } from '../../reports/models/school';
import type { GoogleServices } from '../google-services';
import { GoogleWorkbook } from '../google-workbook';
import { escapeHtml, placeholderKinds, reportNames, say, sidebarWords, ui } from '../messages';
import { workbookLang } from '../workbook-lang';

const STYLE = `body{font-family:Arial,sans-serif;font-size:13px;margin:12px;color:#202124}
.bar{height:8px;background:#e8eaed;border-radius:4px;overflow:hidden;margin:10px 0 4px}
.fill{height:100%;width:0;background:#1a73e8}
h4{margin:14px 0 4px}ul{padding-left:18px;margin:4px 0}li{margin:3px 0}.err{color:#b3261e}
table{border-collapse:collapse;width:100%;margin-bottom:8px}td,th{border-bottom:1px solid #e8eaed;padding:3px 4px;text-align:left;vertical-align:top}
code{font-size:12px;word-break:break-all}.muted{color:#5f6368}`;

/** Data for an inline script: JSON that cannot close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function reportsSidebarHtml(lang: Lang): string {
  const words = Object.fromEntries(Object.entries(sidebarWords).map(([k, v]) => [k, v[lang]]));
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><base target="_blank"><style>${STYLE}</style></head><body>
<div id="summary">${escapeHtml(say(ui.reportsStarting, lang))}</div>
<div class="bar"><div class="fill" id="fill"></div></div>
<div id="count" class="muted"></div>
<div id="blocked" hidden><label><input type="checkbox" id="draft"> ${escapeHtml(sidebarWords.draft[lang])}</label><br><button id="make">${escapeHtml(sidebarWords.make[lang])}</button></div>
<p id="folder"></p>
<h4 id="problemsTitle" hidden>${escapeHtml(sidebarWords.problems[lang])}</h4><ul id="problems"></ul>
<h4 id="docsTitle" hidden>${escapeHtml(sidebarWords.documents[lang])}</h4><ul id="docs"></ul>
<script>
var WORDS = ${scriptJson(words)};
function $(id) { return document.getElementById(id); }
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function link(url, text) {
  var a = document.createElement('a');
  a.textContent = text;
  if (/^https:\\/\\/(docs|drive)\\.google\\.com\\//.test(url)) { a.href = url; a.target = '_blank'; a.rel = 'noopener'; }
  return a;
}
function head(p) {
  $('summary').textContent = p.summary || '';
  $('summary').className = p.error ? 'err' : '';
  $('fill').style.width = (p.total ? Math.round(100 * p.done / p.total) : (p.finished ? 100 : 0)) + '%';
  $('count').textContent = p.total ? p.done + ' / ' + p.total : '';
}
function render(p) {
  head(p);
  var folder = $('folder'); clear(folder);
  if (p.folder) folder.appendChild(link(p.folder, WORDS.folder));
  var list = $('problems'); clear(list);
  (p.messages || []).forEach(function (m) { var li = document.createElement('li'); li.className = 'err'; li.textContent = m; list.appendChild(li); });
  $('problemsTitle').hidden = !(p.messages || []).length;
  var docs = $('docs'); clear(docs);
  (p.documents || []).forEach(function (d) {
    var li = document.createElement('li');
    li.appendChild(link(d.url, d.name));
    if (d.pdf) { li.appendChild(document.createTextNode(' · ')); li.appendChild(link(d.pdf, 'PDF')); }
    docs.appendChild(li);
  });
  $('docsTitle').hidden = !(p.documents || []).length;
}
var stepping = false;
function fail(e) { stepping = false; $('summary').textContent = (e && e.message) || String(e); $('summary').className = 'err'; }
// A registry with errors gets no documents to sign: the pedagogue may tick "drafts" and make them anyway.
var draft = false;
$('make').disabled = true;
$('draft').onchange = function () { $('make').disabled = !$('draft').checked; };
$('make').onclick = function () { draft = true; $('blocked').hidden = true; step(); };
function step() {
  stepping = true;
  google.script.run.withSuccessHandler(function (p) {
    stepping = false;
    render(p);
    $('blocked').hidden = !p.blocked;
    if (p.busy) setTimeout(step, 5000);
    else if (!p.error && !p.finished && p.stopped === 'time') step();
  }).withFailureHandler(fail).qamqorReportsStep(draft);
}
setInterval(function () {
  if (!stepping) return;
  google.script.run.withSuccessHandler(function (p) { if (stepping && p.total) head(p); }).qamqorReportsProgress();
}, 4000);
step();
</script>
</body></html>`;
}

/** The "Generate reports" menu item: the sidebar, which starts the first step itself. */
export function showReportsSidebar(services: GoogleServices, lang: Lang): void {
  if (!services.HtmlService) return;
  const output = services.HtmlService.createHtmlOutput(reportsSidebarHtml(lang)).setTitle(say(ui.reportsTitle, lang));
  services.SpreadsheetApp.getUi().showSidebar(output);
}

// ---------------------------------------------------------------------------------------------------------------
// Placeholders available

/** Charts are not drawn for a listing: a stand-in image shows their placeholders as images. */
const noPicture = () => imageValue(new Uint8Array(0), { width: 1, height: 1 });

/** Each scope's model, built on the workbook's own data (its first class, list and pupil) so every list shows its fields. */
export function scopeModels(registry: Registry, passport: Passport, lang: Lang, today: string): { scope: Scope; model: ModelObject | null }[] {
  const ctx = reportContext(registry, passport, { lang, today });
  const firstClass = ctx.classNames.find((n) => (ctx.byClass.get(n)?.length ?? 0) > 0) ?? ctx.classNames[0];
  return [
    { scope: 'school', model: schoolModel(ctx, noPicture) },
    { scope: 'class', model: firstClass ? classPassportModel(ctx, firstClass) : null },
    { scope: 'category', model: listModel(ctx, { key: 'orphans', ...defaultLists.orphans }) },
    { scope: 'pupil', model: ctx.pupils[0] ? profileModel(ctx, ctx.pupils[0]) : null },
  ];
}

export function placeholdersHtml(registry: Registry, passport: Passport, lang: Lang, today: string): string {
  const sections: string[] = [];
  // Without pupils the lists are empty, so the fields of their items cannot be shown.
  let missing = registry.pupils.length === 0;
  for (const { scope, model } of scopeModels(registry, passport, lang, today)) {
    const names = Object.entries(defaultTemplates).filter(([, s]) => s === scope).map(([n]) => reportNames[n]?.[lang] ?? n);
    if (!model) {
      missing = true;
      continue;
    }
    const paths = describeModel(model).filter((p) => p.kind !== 'group');
    const groups = new Map<string, ModelPath[]>();
    for (const p of paths) {
      const k = p.within.join(' › ');
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    const tables = [...groups].map(([within, list]) => {
      const caption = within ? `<h4>${escapeHtml(say(ui.placeholdersWithin, lang, { list: within }))}</h4>` : '';
      const rows = list.map((p) => {
        // A pupil's profile lists one pupil's data: its examples are not shown.
        const example = scope !== 'pupil' && p.within.length === 0 && p.example !== undefined ? escapeHtml(shorten(p.example)) : '';
        return `<tr><td><code>${escapeHtml(p.placeholder)}</code></td><td>${escapeHtml(placeholderKinds[p.kind]?.[lang] ?? p.kind)}</td><td class="muted">${example}</td></tr>`;
      });
      const head = `<tr><th>${escapeHtml(sidebarWords.placeholder[lang])}</th><th>${escapeHtml(sidebarWords.kind[lang])}</th><th>${escapeHtml(sidebarWords.example[lang])}</th></tr>`;
      return `${caption}<table>${head}${rows.join('')}</table>`;
    });
    sections.push(`<h3>${escapeHtml(names.join(', '))}</h3>\n${tables.join('\n')}`);
  }
  const note = missing ? `<p class="muted">${escapeHtml(say(ui.placeholdersNoData, lang))}</p>` : '';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<p>${escapeHtml(say(ui.placeholdersIntro, lang))}</p>${note}
${sections.join('\n')}
</body></html>`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The "Placeholders available" menu item: one read of the workbook, no lock, nothing written. */
export function showPlaceholders(services: GoogleServices, lang: Lang): void {
  const gui = services.SpreadsheetApp.getUi();
  if (!services.Sheets || !services.HtmlService) {
    gui.alert('Qamqor', say(ui.noSheetsService, lang), gui.ButtonSet.OK);
    return;
  }
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const workbook = new GoogleWorkbook(services.Sheets, spreadsheet.getId());
  const data = workbook.read();
  const wbLang = workbookLang(data, workbook.locale);
  const now = services.now ? services.now() : new Date();
  const today = services.Utilities ? services.Utilities.formatDate(now, workbook.timeZone || 'Asia/Almaty', 'yyyy-MM-dd') : now.toISOString().slice(0, 10);
  let html: string;
  try {
    const registry = readRegistry(data, wbLang);
    html = placeholdersHtml(registry, passportWithDynamics(registry), wbLang, today);
  } catch (e) {
    if (!(e instanceof RegistryError)) throw e;
    gui.alert('Qamqor', say(ui.failed, wbLang, { reason: e.text(e.lang ?? wbLang) }), gui.ButtonSet.OK);
    return;
  }
  gui.showSidebar(services.HtmlService.createHtmlOutput(html).setTitle(say(ui.placeholdersTitle, wbLang)));
}
