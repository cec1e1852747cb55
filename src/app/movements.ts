// Applying pupils' movements: a departure moves the pupil's row, every cell, from the class tab to the archive with
// the date, place and reason (as new-year archives graduates); a transfer moves the row to the new class's tab; each
// is logged in the movements tab. Used by `qamqor import --into movements` and by the Sheets movement dialog.
import { cellText, fold, parseDate, parseInteger } from '../domain/cells';
import { dmy } from '../domain/format';
import { parseClassName } from '../domain/registry/class-name';
import { readArchive } from '../domain/registers/read';
import { readMovements } from '../domain/registers/movements';
import type { Movement } from '../domain/registers/roll';
import { registerRejects, sayRegister } from '../domain/registers/words';
import { rawCell, readRegistry, type ClassTab, type Pupil, type Registry } from '../domain/registry/registry';
import type { Cell, WorkbookData } from '../domain/sheet';
import { classColumns, tabSpec } from '../domain/template';
import type { ImportTable } from './import-pupils';
import { archiveRow } from './new-year';
import { appendRegisterRows, planRegisterImport, type RegisterImportResult } from './registers-import';
import { completeHeader, headerRow } from './setup';
import type { WorkbookChange } from './workbook-port';

/** A departure or a transfer as the pedagogue gives it (CSV row or dialog). */
export interface MovementInput {
  date: string;
  iin: string;
  kind: 'left' | 'transferred';
  /** The new class of a transfer. */
  toClass: string | null;
  place: string;
  reason: string;
  order: string;
}

/** Where a pupil of the roll is while movements are planned: their row, the class they are in now, whether they left. */
interface Whereabouts {
  pupil: Pupil;
  className: string;
  left: MovementInput | null;
}

/**
 * Movements taken one by one against the roll as each leaves it, then turned into the workbook changes that move the
 * rows. A movement the roll cannot take (a pupil not in any class, a class without a tab…) is refused with its reason.
 */
export class MovementPlanner {
  private readonly where = new Map<string, Whereabouts>();
  private readonly twice = new Map<string, Pupil[]>();
  private readonly lastMove = new Map<string, string>();
  private readonly archived = new Map<string, string>();
  private readonly tabsByClass: Map<string, ClassTab>;

  constructor(
    readonly registry: Registry,
    movements: readonly Movement[],
    readonly today: string,
  ) {
    for (const p of registry.pupils) {
      if (!p.iin) continue;
      const seen = this.where.get(p.iin);
      if (seen) this.twice.set(p.iin, [...(this.twice.get(p.iin) ?? [seen.pupil]), p]);
      else this.where.set(p.iin, { pupil: p, className: p.className, left: null });
    }
    for (const m of movements) if ((this.lastMove.get(m.iin) ?? '') < m.date) this.lastMove.set(m.iin, m.date);
    for (const a of readArchive(registry)) if (a.iin && !this.where.has(a.iin)) this.archived.set(a.iin, `${a.schoolYear}, ${a.className}${a.reason ? `, ${a.reason}` : ''}`);
    this.tabsByClass = new Map(registry.classTabs.map((ct) => [ct.className, ct]));
  }

  /** Checks one movement and takes it: the movements tab's cells for it, or why it is refused. */
  take(m: MovementInput): { refused: string } | { cells: Map<string, Cell> } {
    const lang = this.registry.lang;
    const refuse = (message: (typeof registerRejects)[keyof typeof registerRejects], params: Record<string, string | number> = {}) => ({ refused: sayRegister(message, lang, params) });
    const twice = this.twice.get(m.iin);
    if (twice) return refuse(registerRejects.duplicate_on_roll, { value: m.iin, other: twice.map((p) => `${p.tab}, ${p.row}`).join('; ') });
    const at = this.where.get(m.iin);
    if (!at || at.left) return refuse(registerRejects.not_on_roll, { value: m.iin, archive: at?.left ? `${at.className}, ${dmy(at.left.date)}` : (this.archived.get(m.iin) ?? '') });
    const arrived = parseDate(rawCell(at.pupil, 'arrived_on'));
    if (arrived && m.date < arrived) return refuse(registerRejects.before_arrival, { date: dmy(m.date), arrived: dmy(arrived) });
    const last = this.lastMove.get(m.iin);
    if (last && m.date < last) return refuse(registerRejects.before_last_move, { date: dmy(m.date), last: dmy(last) });
    const cells = new Map<string, Cell>([
      ['date', new Date(`${m.date}T00:00:00Z`)],
      ['iin', m.iin],
      ['full_name', at.pupil.fullName],
      ['kind', m.kind],
      ['from_class', at.className],
    ]);
    if (m.kind === 'transferred') {
      const to = m.toClass ? (parseClassName(m.toClass)?.name ?? m.toClass) : '';
      if (!to) return refuse(registerRejects.missing, { column: tabSpec('movements').columns.find((c) => c.key === 'class')!.header[lang] });
      if (to === at.className) return refuse(registerRejects.same_class, { value: to });
      if (!this.tabsByClass.has(to)) return refuse(registerRejects.no_class_tab, { value: to });
      cells.set('class', to);
      at.className = to;
    } else {
      at.left = m;
    }
    for (const [key, value] of [['place', m.place], ['reason', m.reason], ['order', m.order]] as const) if (value) cells.set(key, value);
    this.lastMove.set(m.iin, m.date);
    return { cells };
  }

  /**
   * The rows moved: each pupil who left goes to the archive (every cell of the row, the leaving day, place, reason
   * and order), each transferred pupil to the end of the new class's tab (each value under its header there); the
   * rows below a row that went move up, so a class list keeps no gap. Each changed tab is written in one rectangle.
   */
  changes(): WorkbookChange[] {
    const registry = this.registry;
    const columns = classColumns(registry.catalogue);
    const removed = new Map<ClassTab, Set<number>>();
    const added = new Map<ClassTab, Pupil[]>();
    const leavers: { pupil: Pupil; className: string; m: MovementInput }[] = [];
    for (const w of this.where.values()) {
      if (!w.left && w.className === w.pupil.className) continue;
      const from = this.tabsByClass.get(w.pupil.className)!;
      if (!removed.has(from)) removed.set(from, new Set());
      removed.get(from)!.add(w.pupil.row - 1);
      if (w.left) leavers.push({ pupil: w.pupil, className: w.className, m: w.left });
      else {
        const to = this.tabsByClass.get(w.className)!;
        if (!added.has(to)) added.set(to, []);
        added.get(to)!.push(w.pupil);
      }
    }
    const changes: WorkbookChange[] = [];
    for (const ct of new Set([...removed.keys(), ...added.keys()])) changes.push(...rewriteClassTab(ct, removed.get(ct) ?? new Set(), added.get(ct) ?? [], registry, columns));
    if (leavers.length) changes.push(...archiveLeavers(registry, leavers, this.today));
    return changes;
  }
}

/** The class tab after its departures (rows below move up) and arrivals by transfer (appended after its last row). */
function rewriteClassTab(ct: ClassTab, removed: ReadonlySet<number>, added: readonly Pupil[], registry: Registry, columns: ReturnType<typeof classColumns>): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  const tab = ct.tab;
  let positions = ct.map.columns;
  let headerAt = ct.map.headerRow;
  if (added.length) {
    // A column the moved rows have and this tab lacks gets its header first (nothing moves: it goes after the last).
    const header = completeHeader(tab, columns, registry.lang, registry.catalogue);
    changes.push(...header.changes);
    positions = header.columns;
    headerAt = header.headerRow;
  }
  const rowNoCol = positions.get('row_no');
  const own = registry.pupils.filter((p) => p.tab === tab.title);
  const pupilRows = new Set(own.map((p) => p.row - 1));
  // Numbers 1, 2, 3… down the list are kept so after a row leaves; a school's own numbering is left as it is.
  const numbered = rowNoCol !== undefined && own.every((p, i) => parseInteger(p.cells[rowNoCol] ?? null) === i + 1);
  const width = Math.max(1, ...tab.rows.map((r) => r.length), ...[...positions.values()].map((c) => c + 1));
  const entries = tab.rows.flatMap((r, i) => (removed.has(i) ? [] : [{ cells: [...r], pupil: pupilRows.has(i) }]));
  let last = entries.length;
  while (last > headerAt + 1 && !entries[last - 1].cells.some((c) => cellText(c) !== '')) last--;
  const headerCells = (tab.rows[headerAt] ?? []).map((c) => fold(cellText(c)));
  entries.splice(last, 0, ...added.map((p) => ({ cells: movedRow(p, positions, headerCells, width), pupil: true })));
  if (rowNoCol !== undefined && (numbered || own.length === 0)) {
    let n = 0;
    for (let i = headerAt + 1; i < entries.length; i++) if (entries[i].pupil) entries[i].cells[rowNoCol] = ++n;
  } else if (rowNoCol !== undefined) {
    for (let i = 0; i < added.length; i++) entries[last + i].cells[rowNoCol] = own.length - removed.size + i + 1;
  }
  const first = Math.min(removed.size ? Math.min(...removed) : Infinity, added.length ? last : Infinity);
  const end = Math.max(tab.rows.length, entries.length);
  const values: Cell[][] = [];
  for (let i = first; i < end; i++) {
    const r = entries[i]?.cells ?? [];
    values.push(Array.from({ length: width }, (_, c) => r[c] ?? null));
  }
  if (values.length) changes.push({ kind: 'writeCells', tab: { id: tab.id }, row: first, col: 0, values });
  return changes;
}

/** A pupil's row as the destination tab lays it out: each value under its own header; an unknown column by its header. */
function movedRow(p: Pupil, positions: ReadonlyMap<string, number>, headerCells: readonly string[], width: number): Cell[] {
  const out: Cell[] = new Array(width).fill(null);
  for (const [key, col] of p.columnsAt) {
    const at = positions.get(key);
    if (at !== undefined) out[at] = p.cells[col] ?? null;
  }
  const lost: string[] = [];
  for (const [header, value] of Object.entries(p.extra)) {
    const at = headerCells.indexOf(fold(header));
    if (at >= 0 && out[at] === null) out[at] = value;
    else lost.push(`${header}: ${value}`);
  }
  // A column the new class's tab does not have: its value goes into the notes, never lost.
  const notes = positions.get('notes');
  if (lost.length && notes !== undefined) out[notes] = [cellText(out[notes]), ...lost].filter(Boolean).join('; ');
  return out;
}

/** The leavers' archive rows: as new-year's graduates (every cell), with the leaving day, place, order and arrival day. */
function archiveLeavers(registry: Registry, leavers: readonly { pupil: Pupil; className: string; m: MovementInput }[], today: string): WorkbookChange[] {
  const spec = tabSpec('archive');
  const lang = registry.lang;
  const year = registry.settings.schoolYear?.name ?? '';
  const tab = registry.tabs.archive;
  const changes: WorkbookChange[] = [];
  let positions: Map<string, number>;
  if (tab) {
    const header = completeHeader(tab, spec.columns, lang, registry.catalogue);
    changes.push(...header.changes);
    positions = header.columns;
  } else {
    changes.push({ kind: 'addTab', key: spec.key, title: spec.title[lang] }, { kind: 'writeCells', tab: { key: spec.key }, row: 0, col: 0, values: [headerRow(spec.columns, lang)] });
    positions = new Map(spec.columns.map((c, i) => [c.key, i]));
  }
  const width = Math.max(...positions.values()) + 1;
  const rows = leavers.map(({ pupil, className, m }) => {
    // archiveRow gives the first columns of the archive's layout, in order; the leaving columns follow by key.
    const base = archiveRow({ ...pupil, className }, year, m.reason, today, registry);
    const byKey = new Map<string, Cell>(spec.columns.slice(0, base.length).map((c, i) => [c.key, base[i]]));
    byKey.set('left_on', new Date(`${m.date}T00:00:00Z`));
    byKey.set('place', m.place || null);
    byKey.set('order', m.order || null);
    const arrived = parseDate(rawCell(pupil, 'arrived_on'));
    byKey.set('arrived_on', arrived ? new Date(`${arrived}T00:00:00Z`) : null);
    byKey.set('archived_on', new Date(`${today}T00:00:00Z`));
    const line: Cell[] = new Array(width).fill(null);
    for (const [k, v] of byKey) if (positions.has(k)) line[positions.get(k)!] = v;
    return line;
  });
  changes.push({ kind: 'appendRows', tab: tab ? { id: tab.id } : { key: spec.key }, values: rows });
  return changes;
}

/** `qamqor import <book.xlsx> <movements.csv> --into movements`: each row checked, applied and logged. */
export function planMovementsImport(book: WorkbookData, table: ImportTable, file: string, today: string): RegisterImportResult {
  const registry = readRegistry(book);
  const planner = new MovementPlanner(registry, readMovements(registry), today);
  const lang = registry.lang;
  const applied = { left: 0, transferred: 0 };
  const result = planRegisterImport(book, table, 'movements', file, {
    today,
    sameRow: ['iin', 'kind', 'date'],
    hooks: {
      order: (a, b) => String(a.values.date).localeCompare(String(b.values.date)) || a.line - b.line,
      accept: (row) => {
        const kind = row.values.kind;
        if (kind !== 'left' && kind !== 'transferred') return sayRegister(registerRejects.arrival_in_movements, lang);
        const taken = planner.take({
          date: String(row.values.date),
          iin: String(row.values.iin),
          kind,
          toClass: typeof row.values.class === 'string' ? row.values.class : null,
          place: cellText(row.values.place ?? null),
          reason: cellText(row.values.reason ?? null),
          order: cellText(row.values.order ?? null),
        });
        if ('refused' in taken) return taken.refused;
        for (const [k, v] of taken.cells) row.cells.set(k, v);
        applied[kind]++;
        return null;
      },
      after: () => planner.changes(),
    },
  }, registry);
  return { ...result, applied };
}

/** One movement from the Sheets dialog: its log row and the rows it moves, or why it is refused. */
export function planMovement(registry: Registry, input: MovementInput, today: string): { refused: string } | { changes: WorkbookChange[] } {
  const planner = new MovementPlanner(registry, readMovements(registry), today);
  const taken = planner.take(input);
  if ('refused' in taken) return taken;
  return { changes: [...appendRegisterRows(registry, 'movements', [taken.cells]), ...planner.changes()] };
}
