// The requests that fill a Drive copy of a Google Docs template, computed from the template as read once
// (docs-read.ts) and the engine's filled tree: the copy has the template's indexes, so nothing is read back.
// Index edits run from the end of each segment to its start, so an edit never moves what is still to be edited; the
// values outside repeated rows go last, each placeholder replaced everywhere by one replaceAllText.
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import type {
  Block, FilledBlock, FilledDoc, FilledParagraph, FilledRow, FilledSection, FilledTable, ImageValue, Paragraph, Run, SectionKind,
  SectionVariant, Table,
} from './doc-tree';
import type { DocsRef } from './docs-read';

export type DocsRequest = docs_v1.Schema$Request;

/** A picture that goes in after the batch (the Docs API inserts pictures only from a public URL). */
export interface DocsImage {
  section: SectionKind;
  variant: SectionVariant;
  /** The paragraph's place among the section's paragraphs, tables' included, in reading order. */
  paragraph: number;
  image: ImageValue;
  /** Its size in pixels: the image's own, shrunk to the width between the margins. */
  size: { width: number; height: number };
}

export interface DocsBatch {
  requests: DocsRequest[];
  images: DocsImage[];
}

export interface BatchOptions {
  /** The width between the margins, in points: a wider picture is shrunk to it. */
  textWidthPt: number;
}

/** Why a template cannot be filled through the Docs API (said in both languages by the caller). */
export class UnsupportedTemplate extends Error {
  constructor(readonly what: 'nested_table_in_loop' | 'image_in_variant_section') {
    super(`the template has ${what.replace(/_/g, ' ')}`);
    this.name = 'UnsupportedTemplate';
  }
}

/**
 * The requests for `filled`, and the pictures to put in after them. A placeholder replaced by replaceAllText could
 * also match a value put in before it (a pupil named "{{school.name}}"): the result is simulated, and a placeholder
 * that would match anything but itself is replaced by index instead.
 */
export function planBatch(filled: FilledDoc<DocsRef>, options: BatchOptions): DocsBatch {
  const byIndex = new Set<string>();
  for (;;) {
    const builder = new Builder(filled, byIndex, options);
    const plan = builder.build();
    const conflict = firstConflict(builder.layout, builder.scalars);
    if (conflict === null) return plan;
    byIndex.add(conflict);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Text as the Docs API takes it

/**
 * A value as Docs keeps it: a line break inside a paragraph is a vertical tab (a newline would start a paragraph),
 * and what insertText strips (control characters, the private use area) is stripped here, so indexes stay exact.
 */
export function docsText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\u000b').replace(/[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g, '');
}

const PARAGRAPH_FIELDS = [
  'alignment', 'avoidWidowAndOrphan', 'borderBetween', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'direction',
  'indentEnd', 'indentFirstLine', 'indentStart', 'keepLinesTogether', 'keepWithNext', 'lineSpacing', 'namedStyleType',
  'pageBreakBefore', 'shading', 'spaceAbove', 'spaceBelow', 'spacingMode',
] as const satisfies readonly (keyof docs_v1.Schema$ParagraphStyle)[];

const ROW_FIELDS = ['minRowHeight', 'preventOverflow', 'tableHeader'] as const satisfies readonly (keyof docs_v1.Schema$TableRowStyle)[];

/** rowSpan and columnSpan are read only. */
const CELL_FIELDS = [
  'backgroundColor', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'contentAlignment', 'paddingBottom',
  'paddingLeft', 'paddingRight', 'paddingTop',
] as const satisfies readonly (keyof docs_v1.Schema$TableCellStyle)[];

function pick<T extends object>(style: T | undefined, fields: readonly (keyof T)[]): { style: Partial<T>; keys: (keyof T)[] } {
  const out: Partial<T> = {};
  const keys: (keyof T)[] = [];
  for (const k of fields) {
    const v = style?.[k];
    if (v !== undefined && v !== null) {
      out[k] = v;
      keys.push(k);
    }
  }
  return { style: out, keys };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const range = (segment: string, startIndex: number, endIndex: number): docs_v1.Schema$Range =>
  segment ? { segmentId: segment, startIndex, endIndex } : { startIndex, endIndex };

const location = (segment: string, index: number): docs_v1.Schema$Location => (segment ? { segmentId: segment, index } : { index });

// ---------------------------------------------------------------------------------------------------------------
// What becomes of a run of removed blocks

type Removal =
  /** Whole blocks go. */
  | { kind: 'delete'; start: number; end: number }
  /**
   * The last paragraph of a container (or the one before a table) cannot go: the paragraph before the run takes its
   * newline (the text reads as if removed) and gets its own style back.
   */
  | { kind: 'merge'; start: number; end: number; keep: DocsRef; lost: DocsRef }
  /** Nothing before to merge into: the last paragraph stays, emptied. */
  | { kind: 'empty'; start: number; end: number };

/** Docs needs a newline before a table, a table of contents, a section break, and at the end of a container. */
function removal(blocks: readonly Block<DocsRef>[], j: number, i: number): Removal {
  const first = blocks[j]!.ref;
  const last = blocks[i]!;
  const next = blocks[i + 1];
  const needsNewline = !next || next.type === 'table' || !!next.ref.other || !!last.ref.beforeBreak;
  if (!needsNewline || last.type !== 'paragraph' || last.ref.other) return { kind: 'delete', start: first.start, end: last.ref.end };
  const before = blocks[j - 1];
  if (before && before.type === 'paragraph' && !before.ref.other && same(before.ref.bullet, last.ref.bullet)) {
    return { kind: 'merge', start: before.ref.end - 1, end: last.ref.end - 1, keep: before.ref, lost: last.ref };
  }
  return { kind: 'empty', start: first.start, end: last.ref.end - 1 };
}

/** Each maximal run of removed blocks of a container, last first, with the kept blocks between them. */
function walkBackwards(
  blocks: readonly Block<DocsRef>[],
  filled: readonly FilledBlock<DocsRef>[],
  onKept: (block: FilledBlock<DocsRef>) => void,
  onRemoved: (r: Removal) => void,
): void {
  const kept = new Map<Block<DocsRef>, FilledBlock<DocsRef>>(filled.map((b) => [b.from, b]));
  for (let i = blocks.length - 1; i >= 0; ) {
    const done = kept.get(blocks[i]!);
    if (done) {
      onKept(done);
      i--;
      continue;
    }
    let j = i;
    while (j > 0 && !kept.has(blocks[j - 1]!)) j--;
    onRemoved(removal(blocks, j, i));
    i = j - 1;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The document as the batch leaves it, paragraph by paragraph: what replaceAllText will see, where pictures go

interface LaidPiece {
  text: string;
  /** A placeholder left for replaceAllText. */
  raw?: string;
}

interface LaidParagraph {
  pieces: LaidPiece[];
}

interface LaidSection {
  kind: SectionKind;
  variant: SectionVariant;
  paragraphs: LaidParagraph[];
}

function firstConflict(layout: readonly LaidSection[], scalars: ReadonlyMap<string, string>): string | null {
  const paragraphs = layout.flatMap((s) => s.paragraphs.map((p) => p.pieces.map((x) => ({ ...x }))));
  for (const [raw, value] of [...scalars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const pieces of paragraphs) {
      const expected: number[] = [];
      let text = '';
      for (const p of pieces) {
        if (p.raw === raw) expected.push(text.length);
        text += p.raw ?? p.text;
      }
      const found: number[] = [];
      for (let at = text.indexOf(raw); at >= 0; at = text.indexOf(raw, at + raw.length)) found.push(at);
      if (!same(found, expected)) return raw;
      for (const p of pieces) {
        if (p.raw === raw) {
          p.text = value;
          delete p.raw;
        }
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------

const PX_PER_PT = 96 / 72;

class Builder {
  readonly requests: DocsRequest[] = [];
  readonly images: DocsImage[] = [];
  readonly layout: LaidSection[] = [];
  /** Placeholders outside repeated rows with one value everywhere: replaced by replaceAllText, last. */
  readonly scalars = new Map<string, string>();

  constructor(
    private readonly filled: FilledDoc<DocsRef>,
    private readonly byIndex: ReadonlySet<string>,
    private readonly options: BatchOptions,
  ) {}

  build(): DocsBatch {
    this.findScalars();
    for (const section of this.filled.sections) this.container(section.from.blocks, section.blocks);
    for (const [raw, value] of [...this.scalars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      this.requests.push({ replaceAllText: { containsText: { text: raw, matchCase: true }, replaceText: value } });
    }
    for (const section of this.filled.sections) this.laySection(section);
    return { requests: this.requests, images: this.images };
  }

  private findScalars(): void {
    const values = new Map<string, Set<string>>();
    const visit = (blocks: readonly FilledBlock<DocsRef>[]): void => {
      for (const b of blocks) {
        if (b.type === 'paragraph') {
          b.runs.forEach((after, i) => {
            const before = b.from.runs[i]!;
            const value = docsText(after.text);
            if (before.ref.piece !== 'value' || !before.ref.whole || value === '') return;
            values.set(before.text, (values.get(before.text) ?? new Set()).add(value));
          });
        } else if (b.type === 'table') {
          for (const row of b.rows) if (row.item === null) for (const cell of row.cells) visit(cell.blocks);
        }
      }
    };
    for (const s of this.filled.sections) visit(s.blocks);
    for (const [raw, set] of values) if (set.size === 1 && !this.byIndex.has(raw)) this.scalars.set(raw, [...set][0]!);
  }

  private isScalar(before: Run<DocsRef>, after: Run<DocsRef>): boolean {
    return before.ref.piece === 'value' && !!before.ref.whole && docsText(after.text) !== '' && this.scalars.has(before.text);
  }

  // -- requests ---------------------------------------------------------------------------------------------------

  private insert(segment: string, index: number, text: string): void {
    this.requests.push({ insertText: { location: location(segment, index), text } });
  }

  private delete(segment: string, start: number, end: number): void {
    if (end > start) this.requests.push({ deleteContentRange: { range: range(segment, start, end) } });
  }

  private textStyle(segment: string, start: number, end: number, style: docs_v1.Schema$TextStyle | undefined): void {
    // '*': every property the template's run does not set goes back to inherited, as it is there.
    this.requests.push({ updateTextStyle: { range: range(segment, start, end), textStyle: style ?? {}, fields: '*' } });
  }

  /** [start, end) is the whole paragraph, newline included: a range ending inside it could split a surrogate pair. */
  private paragraphStyle(segment: string, start: number, end: number, style: docs_v1.Schema$ParagraphStyle | undefined, also?: docs_v1.Schema$ParagraphStyle): void {
    const { style: set, keys } = pick(style, PARAGRAPH_FIELDS);
    // Properties only the other paragraph has are listed too, so that they go back to the named style's.
    const reset = also ? pick(also, PARAGRAPH_FIELDS).keys.filter((k) => !keys.includes(k)) : [];
    const fields = [...keys, ...reset];
    if (fields.length === 0) return;
    this.requests.push({ updateParagraphStyle: { range: range(segment, start, end), paragraphStyle: set, fields: fields.join(',') } });
  }

  // -- the walk, backwards ----------------------------------------------------------------------------------------

  private container(blocks: readonly Block<DocsRef>[], filled: readonly FilledBlock<DocsRef>[]): void {
    walkBackwards(blocks, filled, (b) => this.kept(b), (r) => this.remove(blocks[0]!.ref.segment, r));
  }

  private remove(segment: string, r: Removal): void {
    this.delete(segment, r.start, r.end);
    if (r.kind === 'merge' && !same(r.keep.paragraphStyle, r.lost.paragraphStyle)) {
      // Its text still as in the template (its own edits come later), its newline now the lost paragraph's.
      this.paragraphStyle(segment, r.keep.start, r.keep.end, r.keep.paragraphStyle, r.lost.paragraphStyle);
    }
  }

  private kept(b: FilledBlock<DocsRef>): void {
    if (b.type === 'paragraph') this.paragraph(b);
    else if (b.type === 'image') {
      // Emptied, its style kept: the picture goes in after the batch.
      this.delete(b.from.ref.segment, b.from.ref.start, b.from.ref.end - 1);
    } else this.table(b);
  }

  private paragraph(p: FilledParagraph<DocsRef>): void {
    const segment = p.from.ref.segment;
    let pending: { start: number; end: number } | null = null;
    const flush = (): void => {
      if (pending) this.delete(segment, pending.start, pending.end);
      pending = null;
    };
    for (let i = p.runs.length - 1; i >= 0; i--) {
      const before = p.from.runs[i]!;
      const after = p.runs[i]!;
      const { start, end } = before.ref;
      if (after.text === before.text || this.isScalar(before, after)) {
        flush();
        continue;
      }
      const text = docsText(after.text);
      if (text === '') {
        // Neighbouring removals (a tag split across runs, hidden text) go in one request.
        if (pending && pending.start === end) pending.start = start;
        else {
          flush();
          pending = { start, end };
        }
        continue;
      }
      flush();
      // The new text goes in before the old and takes the run's own style, whatever Docs gives inserted text.
      this.insert(segment, start, text);
      this.textStyle(segment, start, start + text.length, before.ref.textStyle);
      this.delete(segment, start + text.length, end + text.length);
    }
    flush();
  }

  private table(t: FilledTable<DocsRef>): void {
    const byRow = new Map<FilledRow<DocsRef>['from'], FilledRow<DocsRef>[]>();
    for (const row of t.rows) byRow.set(row.from, [...(byRow.get(row.from) ?? []), row]);
    const rows = t.from.rows;
    for (let r = rows.length - 1; r >= 0; r--) {
      const out = byRow.get(rows[r]!) ?? [];
      if (out.length === 1 && out[0]!.item === null) {
        const cells = out[0]!.cells;
        for (let c = cells.length - 1; c >= 0; c--) this.container(cells[c]!.from.blocks, cells[c]!.blocks);
        continue;
      }
      // A repeated row: an empty row per item below the template row, last item first (each goes right below it,
      // so they end in item order), each filled and styled as the template row is; then the template row goes.
      for (let k = out.length - 1; k >= 0; k--) this.newRow(t.from, r, out[k]!);
      this.requests.push({ deleteTableRow: { tableCellLocation: this.cell(t.from, r, 0) } });
    }
  }

  private cell(table: Table<DocsRef>, rowIndex: number, columnIndex: number): docs_v1.Schema$TableCellLocation {
    return { tableStartLocation: location(table.ref.segment, table.ref.start), rowIndex, columnIndex };
  }

  private newRow(table: Table<DocsRef>, r: number, row: FilledRow<DocsRef>): void {
    const segment = table.ref.segment;
    const template = table.rows[r]!;
    this.requests.push({ insertTableRow: { tableCellLocation: this.cell(table, r, 0), insertBelow: true } });
    const rowStyle = pick(template.ref.rowStyle, ROW_FIELDS);
    if (rowStyle.keys.length > 0) {
      this.requests.push({
        updateTableRowStyle: { tableStartLocation: location(segment, table.ref.start), rowIndices: [r + 1], tableRowStyle: rowStyle.style, fields: rowStyle.keys.join(',') },
      });
    }
    this.cellStyles(table, r + 1, template.cells.map((c) => c.ref.cellStyle));
    // The new row starts where the template row ends: a row marker, then per cell a marker and an empty paragraph.
    const rowStart = template.ref.end;
    for (let c = row.cells.length - 1; c >= 0; c--) {
      const at = rowStart + 2 + 2 * c;
      const paragraphs = cellParagraphs(row.cells[c]!.blocks);
      const text = paragraphs.map((p) => p.text).join('\n');
      if (text) this.insert(segment, at, text);
      let p0 = at;
      for (const p of paragraphs) {
        this.paragraphStyle(segment, p0, p0 + p.text.length + 1, p.from.ref.paragraphStyle);
        // Neighbours of one style in one request; the paragraph's newline takes the last run's style, as in the
        // template, where it ends that run.
        const spans: { start: number; end: number; style: docs_v1.Schema$TextStyle | undefined }[] = [];
        let x = p0;
        for (const run of p.runs) {
          if (!run.text) continue;
          const last = spans[spans.length - 1];
          if (last && same(last.style, run.style)) last.end += run.text.length;
          else spans.push({ start: x, end: x + run.text.length, style: run.style });
          x += run.text.length;
        }
        const end = p.runs[p.runs.length - 1];
        if (end) {
          const last = spans[spans.length - 1];
          if (last && same(last.style, end.style)) last.end += 1;
          else spans.push({ start: x, end: x + 1, style: end.style });
        }
        for (const sp of spans) this.textStyle(segment, sp.start, sp.end, sp.style);
        p0 += p.text.length + 1;
      }
    }
  }

  /** Cell styles of the template row, neighbours alike in one request; none when the template sets none. */
  private cellStyles(table: Table<DocsRef>, rowIndex: number, styles: (docs_v1.Schema$TableCellStyle | undefined)[]): void {
    for (let c = 0; c < styles.length; ) {
      const { style, keys } = pick(styles[c], CELL_FIELDS);
      let span = 1;
      while (c + span < styles.length && same(pick(styles[c + span], CELL_FIELDS).style, style)) span++;
      if (keys.length > 0) {
        this.requests.push({
          updateTableCellStyle: { tableRange: { tableCellLocation: this.cell(table, rowIndex, c), rowSpan: 1, columnSpan: span }, tableCellStyle: style, fields: keys.join(',') },
        });
      }
      c += span;
    }
  }

  // -- the layout, forwards ---------------------------------------------------------------------------------------

  private laySection(section: FilledSection<DocsRef>): void {
    const laid: LaidSection = { kind: section.from.kind, variant: section.from.variant, paragraphs: [] };
    this.layout.push(laid);
    this.lay(section.from.blocks, section.blocks, laid);
  }

  private lay(blocks: readonly Block<DocsRef>[], filled: readonly FilledBlock<DocsRef>[], into: LaidSection): void {
    const reversed: (() => void)[] = [];
    walkBackwards(
      blocks, filled,
      (b) => reversed.push(() => this.layBlock(b, into)),
      (r) => {
        if (r.kind === 'empty') reversed.push(() => into.paragraphs.push({ pieces: [] }));
      },
    );
    for (let i = reversed.length - 1; i >= 0; i--) reversed[i]!();
  }

  private layBlock(b: FilledBlock<DocsRef>, into: LaidSection): void {
    if (b.type === 'paragraph') {
      if (b.from.ref.other) {
        for (let k = 0; k < b.from.ref.other.paragraphs; k++) into.paragraphs.push({ pieces: [] });
        return;
      }
      into.paragraphs.push({
        pieces: b.runs.map((after, i) => {
          const before = b.from.runs[i]!;
          return this.isScalar(before, after) ? { text: '', raw: before.text } : { text: after.text === before.text ? after.text : docsText(after.text) };
        }),
      });
    } else if (b.type === 'image') {
      if (into.variant !== 'default') throw new UnsupportedTemplate('image_in_variant_section');
      this.images.push({ section: into.kind, variant: into.variant, paragraph: into.paragraphs.length, image: b.image, size: this.size(b.image) });
      into.paragraphs.push({ pieces: [] });
    } else {
      for (const row of b.rows) {
        for (const cell of row.cells) {
          if (row.item === null) this.lay(cell.from.blocks, cell.blocks, into);
          else {
            const paragraphs = cellParagraphs(cell.blocks);
            // A cell the engine left nothing in keeps the empty paragraph Docs gives a new cell.
            if (paragraphs.length === 0) into.paragraphs.push({ pieces: [] });
            for (const p of paragraphs) {
              if (p.image) {
                if (into.variant !== 'default') throw new UnsupportedTemplate('image_in_variant_section');
                this.images.push({ section: into.kind, variant: into.variant, paragraph: into.paragraphs.length, image: p.image, size: this.size(p.image) });
              }
              into.paragraphs.push({ pieces: [{ text: p.text }] });
            }
          }
        }
      }
    }
  }

  private size(image: ImageValue): DocsImage['size'] {
    const max = Math.floor(this.options.textWidthPt * PX_PER_PT);
    return image.width > max ? { width: max, height: Math.round((image.height * max) / image.width) } : { width: image.width, height: image.height };
  }
}

interface NewParagraph {
  from: Paragraph<DocsRef>;
  text: string;
  runs: { text: string; style: docs_v1.Schema$TextStyle | undefined }[];
  image?: ImageValue;
}

/**
 * A repeated row's cell as paragraphs of text to insert: what the engine kept of the template cell. A picture's
 * paragraph is left empty for the picture; a cell whose every paragraph went keeps the empty one Docs gives it.
 */
function cellParagraphs(blocks: readonly FilledBlock<DocsRef>[]): NewParagraph[] {
  const out: NewParagraph[] = [];
  for (const b of blocks) {
    if (b.type === 'table') throw new UnsupportedTemplate('nested_table_in_loop');
    if (b.type === 'image') {
      out.push({ from: b.from, text: '', runs: [], image: b.image });
      continue;
    }
    const runs = b.runs.map((r, i) => ({ text: docsText(r.text), style: b.from.runs[i]!.ref.textStyle }));
    out.push({ from: b.from, text: runs.map((r) => r.text).join(''), runs });
  }
  return out;
}

/**
 * Consecutive calls of at most `maxRequests` requests and about `maxBytes` of JSON each, in order: each call's indexes
 * assume the calls before it applied, as the requests of one call assume the requests before them.
 */
export function splitBatch(requests: readonly DocsRequest[], maxRequests: number, maxBytes: number): DocsRequest[][] {
  const out: DocsRequest[][] = [];
  let current: DocsRequest[] = [];
  let bytes = 0;
  for (const r of requests) {
    const size = JSON.stringify(r).length;
    if (current.length > 0 && (current.length >= maxRequests || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
