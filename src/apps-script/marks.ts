// Validation marks on class tabs: a note carrying the message and a light red background on each bad
// cell. A note starting with the mark's prefix is Qamqor's message, and what follows it after a blank line is
// the person's own: Qamqor replaces or clears its part only, whoever writes the note (onEdit or "Validate everything").
import type { Issue } from '../domain/registry/validate';
import type { ClassTab } from '../domain/registry/registry';
import type { Lang } from '../domain/template';
import type { Color } from './sheets-api';
import type { SheetExtras, SheetsChange } from './google-workbook';
import { sheetWords } from './messages';

export const MARK_COLOR: Color = { red: 0.957, green: 0.8, blue: 0.8 };

export function markPrefix(lang: Lang): string {
  return `⚠ ${sheetWords.markPrefix[lang]}: `;
}

export function isMarkNote(note: string | undefined | null): boolean {
  return !!note && /^⚠ Qamqor: /.test(note);
}

/** What of a cell's note is the person's own: all of it, or what follows Qamqor's message; null for nothing. */
export function ownPart(note: string | undefined | null): string | null {
  if (!note) return null;
  if (!isMarkNote(note)) return note;
  const at = note.indexOf('\n\n');
  return at >= 0 && at + 2 < note.length ? note.slice(at + 2) : null;
}

/** The note a cell should carry: Qamqor's message (null for none) above the person's own note, which always stays. */
export function withMark(mark: string | null, current: string | undefined | null): string | null {
  const own = ownPart(current);
  if (mark === null) return own;
  return own ? `${mark}\n\n${own}` : mark;
}

/** The message without its place ("5А, 7-жол, «ЖСН» бағаны: …"): on the cell itself the place is obvious. */
export function cellMessage(issue: Pick<Issue, 'message' | 'tab'>): string {
  const at = issue.message.indexOf(': ');
  return issue.message.startsWith(issue.tab) && at > 0 ? issue.message.slice(at + 2) : issue.message;
}

/** The note of a cell with these issues, null for none. */
export function markNote(messages: readonly string[], lang: Lang): string | null {
  return messages.length === 0 ? null : markPrefix(lang) + messages.join('\n');
}

/** Issue messages by 0-based "row,col" of one class tab. */
export function marksOfTab(ct: ClassTab, issues: readonly Issue[]): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.tab !== ct.tab.title || issue.row === null || issue.column === null) continue;
    const col = ct.map.columns.get(issue.column);
    if (col === undefined) continue;
    const k = `${issue.row - 1},${col}`;
    const list = marks.get(k) ?? [];
    const text = cellMessage(issue);
    if (!list.includes(text)) list.push(text);
    marks.set(k, list);
  }
  return marks;
}

const sameColor = (a: Color | undefined, b: Color) => !!a && Math.abs((a.red ?? 0) - (b.red ?? 0)) < 0.01 && Math.abs((a.green ?? 0) - (b.green ?? 0)) < 0.01 && Math.abs((a.blue ?? 0) - (b.blue ?? 0)) < 0.01;

/** The cells whose marks must change: new problems marked, fixed ones cleared (a stale colour included). */
export function planMarks(ct: ClassTab, issues: readonly Issue[], extras: SheetExtras | undefined, lang: Lang): SheetsChange[] {
  const wanted = marksOfTab(ct, issues);
  const cells: Extract<SheetsChange, { kind: 'marks' }>['cells'] = [];
  const notes = extras?.notes ?? new Map<string, string>();
  const backgrounds = extras?.backgrounds ?? new Map<string, Color>();
  const at = (k: string) => k.split(',').map(Number) as [number, number];
  for (const [k, messages] of wanted) {
    const current = notes.get(k);
    const full = withMark(markNote(messages, lang), current)!;
    if (current === full && sameColor(backgrounds.get(k), MARK_COLOR)) continue;
    const [row, col] = at(k);
    cells.push({ row, col, note: full, background: MARK_COLOR });
  }
  const stale = new Set<string>();
  for (const [k, note] of notes) if (isMarkNote(note) && !wanted.has(k)) stale.add(k);
  for (const [k, color] of backgrounds) if (sameColor(color, MARK_COLOR) && !wanted.has(k)) stale.add(k);
  for (const k of stale) {
    const [row, col] = at(k);
    cells.push({ row, col, note: withMark(null, notes.get(k)), background: null });
  }
  return cells.length ? [{ kind: 'marks', tab: { id: ct.tab.id }, cells }] : [];
}
