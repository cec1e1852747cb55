// Who may edit what, from the classes and settings tabs: each class tab its teacher(s) and the social
// pedagogue, its header row and every tab the layout gives the pedagogue, the pedagogue only. Qamqor's
// protections carry its name in their description, so a second set-up updates them instead of adding more.
import { cellText, fold } from '../domain/cells';
import type { ClassInfo } from '../domain/registry/registry';
import type { TabData } from '../domain/sheet';
import type { Lang } from '../domain/template';
import type { TabRef } from '../app/workbook-port';
import type { SheetExtras, SheetsChange } from './google-workbook';
import { sheetWords } from './messages';

export const PROTECTION_PREFIX = 'Qamqor · ';

export interface ProtectionTarget {
  tab: TabRef;
  /** The tab as read, when it exists already (its current protections are compared). */
  existing: TabData | null;
  /** Rows [0, headerRow + 1) are the pedagogue's; null protects the whole tab for the pedagogue. */
  headerRow: number | null;
  /** Class teachers' e-mails; none for a pedagogue-only tab. */
  teachers: string[];
}

/**
 * An address Google takes as an editor's: ASCII only (a Cyrillic letter that looks Latin is another address), one @,
 * dot-separated labels and a top-level domain of letters.
 */
const EMAIL = /^[a-z0-9_%+'-]+(\.[a-z0-9_%+'-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** What is written in one cell, separated by commas, semicolons or spaces: the addresses, and what is not one. */
export function splitEmails(text: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;]+/)) {
    const t = token.trim();
    if (!t) continue;
    const e = t.toLowerCase();
    if (EMAIL.test(e)) {
      if (!emails.includes(e)) emails.push(e);
    } else invalid.push(t);
  }
  return { emails, invalid };
}

export function emailsIn(text: string): string[] {
  return splitEmails(text).emails;
}

/** A class's teachers, less the addresses set-up leaves out (written wrong, or refused by Google). */
export function teachersOf(classes: readonly ClassInfo[], className: string, excluded: ReadonlySet<string> = new Set()): string[] {
  const c = classes.find((x) => fold(x.name) === fold(className));
  return c ? emailsIn(c.teacherEmail).filter((e) => !excluded.has(e)) : [];
}

export function pedagogueEmails(settingsValues: Record<string, string>): string[] {
  return emailsIn(cellText(settingsValues.social_pedagogue_email ?? ''));
}

/**
 * The changes that make each target's protections what they should be; none when they already are.
 * A class with no teacher e-mail yet keeps only its header locked, rather than a lock nobody but the
 * pedagogue could open: the next set-up, once the e-mail is written, locks the tab.
 */
export function planProtections(targets: readonly ProtectionTarget[], pedagogue: readonly string[], lang: Lang, extras: (tabId: string) => SheetExtras | undefined): SheetsChange[] {
  const changes: SheetsChange[] = [];
  for (const t of targets) {
    const ours = t.existing ? (extras(t.existing.id)?.protectedRanges ?? []).filter((p) => p.description?.startsWith(PROTECTION_PREFIX)) : [];
    const wanted: { rows?: { start: number; end: number }; editors: string[]; description: string }[] = [];
    if (t.headerRow === null) {
      wanted.push({ editors: [...pedagogue], description: describe(sheetWords.protectPedagogue[lang], pedagogue) });
    } else {
      const editors = [...new Set([...t.teachers, ...pedagogue])];
      if (t.teachers.length > 0) wanted.push({ editors, description: describe(sheetWords.protectClass[lang], editors) });
      wanted.push({ rows: { start: 0, end: t.headerRow + 1 }, editors: [...pedagogue], description: describe(sheetWords.protectHeader[lang], pedagogue) });
    }
    for (const w of wanted) {
      const match = ours.find((p) => (p.range.startRowIndex !== undefined || p.range.endRowIndex !== undefined) === !!w.rows);
      const users = new Set((match?.editors?.users ?? []).map((u) => u.toLowerCase()));
      const sameRange = !w.rows || (match?.range.startRowIndex ?? 0) === w.rows.start && match?.range.endRowIndex === w.rows.end;
      if (match && match.description === w.description && sameRange && w.editors.every((e) => users.has(e))) continue;
      changes.push({ kind: 'protect', tab: t.tab, ...(w.rows ? { rows: w.rows } : {}), editors: w.editors, description: w.description, ...(match ? { existing: match.protectedRangeId } : {}) });
    }
  }
  return changes;
}

/** The description names the editors: a changed roster shows as a changed description. */
function describe(role: string, editors: readonly string[]): string {
  return `${PROTECTION_PREFIX}${role}${editors.length ? `: ${[...editors].sort().join(', ')}` : ''}`;
}
