// The report notes tab: what the annual report needs and no tab of the registry holds (the social pedagogue's
// narrative per direction, SWOT, recommendations; applications and the cost of a meal), one value per key as written.
import { cellText, fold } from '../../domain/cells';
import { formatDecimal } from '../../domain/format';
import type { TabData } from '../../domain/sheet';
import { cellAt, dataRows, mapTable } from '../../domain/table';
import { tabSpec } from '../../domain/template';
import { tengeUnits } from './words';

export interface Notes {
  /** Every key of the tab (and of the layout's starter rows, empty when absent) → the text as written. */
  text: Record<string, string>;
  /** Problems reading the tab (a missing key column), worded by the caller; the notes are then empty. */
  unreadable: string | null;
}

/** The keys the layout starts the notes tab with: the ones the default annual report uses. */
export function noteKeys(): string[] {
  return tabSpec('notes').starterRows.map((r) => String(r.key));
}

export function readNotes(tab: TabData | undefined): Notes {
  const text: Record<string, string> = {};
  for (const key of noteKeys()) text[key] = '';
  if (!tab) return { text, unreadable: null };
  let map;
  try {
    map = mapTable(tab, tabSpec('notes').columns);
  } catch (e) {
    return { text, unreadable: (e as Error).message };
  }
  for (const { cells } of dataRows(tab, map)) {
    // Keys are typed by people: "Road_Applications " is the same key.
    const key = fold(cellText(cellAt(cells, map, 'key'))).replace(/[\s-]+/g, '_');
    if (!key) continue;
    const value = cellAt(cells, map, 'value');
    // A number typed into the cell shows as a number is written in documents: "60 000".
    text[key] = typeof value === 'number' ? formatDecimal(value) : cellText(value).replace(/\r\n?/g, '\n');
  }
  return { text, unreadable: null };
}

const TENGE = new RegExp(`(${tengeUnits.map((u) => u.replace('.', '\\.')).join('|')})$`, 'i');

/** A figure written in a note ("60 000", "60000 тг", "603,5 ₸"); null when empty or not a number. */
export function noteNumber(notes: Notes, key: string): number | null {
  const raw = (notes.text[key] ?? '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(TENGE, '')
    .replace(',', '.');
  if (raw === '' || !/^\d+(\.\d+)?$/.test(raw)) return null;
  return Number(raw);
}
