// Each job's row of the reports tab after a step: its status (made / left / not made and why), a link to every
// document it made (one cell of rich text, a link per name, never a formula) and when it was last made. Written in
// the step's one batch; only Qamqor's own columns (status, link, generated_at) are touched.
import type { Lang } from '../../domain/template';
import { tabSpec } from '../../domain/template';
import { mapTable } from '../../domain/table';
import type { Registry } from '../../domain/registry/registry';
import { readJobs, type PlannedDocument } from '../../reports/jobs';
import type { AnyChange } from '../google-workbook';
import { say, ui } from '../messages';
import { docUrl, fileUrl } from './drive';
import type { DocRecord, Message } from './state';

/** A cell holds 50,000 characters at most; the list of links stops well before. */
const LINKS_BUDGET = 30_000;

export interface StatusInput {
  registry: Registry;
  documents: readonly PlannedDocument[];
  records: ReadonlyMap<string, DocRecord>;
  messages: readonly Message[];
  finished: boolean;
  lang: Lang;
  /** "dd.MM.yyyy HH:mm" in the workbook's time zone. */
  time: (iso: string) => string;
}

export function statusChanges(input: StatusInput): AnyChange[] {
  const tab = input.registry.tabs.reports;
  if (!tab) return [];
  const { jobs } = readJobs(tab);
  if (!jobs) return [];
  let map;
  try {
    map = mapTable(tab, tabSpec('reports').columns);
  } catch {
    return [];
  }
  const col = (key: string) => map.columns.get(key);
  const [statusCol, linkCol, timeCol] = [col('status'), col('link'), col('generated_at')];
  const changes: AnyChange[] = [];
  const links: Extract<AnyChange, { kind: 'links' }>['cells'] = [];
  for (const job of jobs) {
    if (job.row === null) continue;
    const docs = input.documents.filter((d) => d.job.row === job.row);
    const problems = input.messages.filter((m) => m.row === job.row && m.severity === 'error');
    if (docs.length === 0 && problems.length === 0) continue;
    const records = docs.map((d) => input.records.get(d.key)).filter((r): r is DocRecord => !!r);
    const made = records.filter((r) => r.ok);
    const failed = records.filter((r) => !r.ok);
    const row = job.row - 1;
    if (statusCol !== undefined) {
      let status: string;
      if (docs.length === 0) status = say(ui.statusProblem, input.lang, { reason: problems[0]!.text[input.lang] });
      else {
        status = say(ui.statusMade, input.lang, { made: made.length, total: docs.length });
        const left = docs.length - records.length;
        if (left > 0 && !input.finished) status += say(ui.statusLeft, input.lang, { left });
        if (failed.length > 0) status += say(ui.statusFailed, input.lang, { failed: failed.length, reason: failed[0]!.message?.[input.lang] ?? '' });
      }
      changes.push({ kind: 'writeCells', tab: { id: tab.id }, row, col: statusCol, values: [[status]] });
    }
    if (timeCol !== undefined && made.length > 0) {
      const last = made.reduce((a, b) => (a.at > b.at ? a : b));
      changes.push({ kind: 'writeCells', tab: { id: tab.id }, row, col: timeCol, values: [[input.time(last.at)]] });
    }
    if (linkCol !== undefined) links.push({ row, col: linkCol, ...linkCell(made) });
  }
  if (links.length > 0) changes.push({ kind: 'links', tab: { id: tab.id }, cells: links });
  return changes;
}

/** The documents' names, one a line, each a link to its Doc, with " · PDF" linking to its PDF. */
function linkCell(records: readonly DocRecord[]): { text: string; uri: string; runs: { start: number; end: number; uri: string }[] } {
  let text = '';
  const runs: { start: number; end: number; uri: string }[] = [];
  let shown = 0;
  for (const r of records) {
    const start = text ? text.length + 1 : 0;
    const line = `${r.name}${r.pdf ? ' · PDF' : ''}`;
    if (start + line.length > LINKS_BUDGET) {
      text += `\n… +${records.length - shown}`;
      break;
    }
    text += (text ? '\n' : '') + line;
    runs.push({ start, end: start + r.name.length, uri: docUrl(r.id) });
    if (r.pdf) runs.push({ start: text.length - 3, end: text.length, uri: fileUrl(r.pdf) });
    shown++;
  }
  return { text, uri: runs[0]?.uri ?? '', runs };
}
