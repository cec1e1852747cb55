// The audit tab's rows: when, who, what, which case. The code only ever appends them (src/app/cases.ts), in the same
// write as the change they record, so a change and its record are saved together or not at all.
import type { Cell } from '../sheet';
import type { TableMap } from '../table';
import { caseTabSpec } from './case-file';

export interface AuditNote {
  /** What was done, in the case file's language (auditWords). */
  action: string;
  caseId?: string;
  detail?: string;
}

/** Who made a change and when: offline the computer's user, in Google the e-mail of the person running the action. */
export interface Actor {
  user: string;
  /** "2025-11-20 14:03:05", the wall clock of the place the change was made. */
  at: string;
}

/** A moment as the audit writes it: local wall-clock date and time, to the second. */
export function auditStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Rows for the audit tab, each value in the column its header is in (the layout's order when there is no tab yet). */
export function auditRows(notes: readonly AuditNote[], actor: Actor, map: Pick<TableMap, 'columns'> | null): Cell[][] {
  const columns = map?.columns ?? new Map(caseTabSpec('case_audit').columns.map((c, i) => [c.key, i]));
  const width = Math.max(...columns.values()) + 1;
  return notes.map((n) => {
    const row: Cell[] = new Array(width).fill(null);
    const put = (key: string, value: string) => {
      const col = columns.get(key);
      if (col !== undefined) row[col] = value;
    };
    put('at', actor.at);
    put('user', actor.user);
    put('action', n.action);
    put('case_id', n.caseId ?? '');
    put('detail', n.detail ?? '');
    return row;
  });
}
