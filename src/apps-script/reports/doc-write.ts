// Writes a filled tree into a copy of its template through DocumentApp. The copy has the template's structure, so
// each node is found by its path, lazily, and only where something changes; work goes from the end of every
// container to its start, so the paths still to be used are never shifted by what was already done.
import type { Block, FilledBlock, FilledDoc, FilledImage, FilledParagraph, FilledTable, ImageValue, Row, SectionKind } from '../../reports/doc-tree';
import type {
  GBlob, GBody, GContainer, GDocument, GElement, GParagraph, GTable, GTableCell, GTableRow, GText,
} from '../google-services';
import type { GRef } from './doc-read';

type Node = GContainer | GParagraph | GTable | GTableRow | GTableCell | GElement;

/** Finds the live element of a template path in one document (or, rebased, inside one inserted row). */
class Resolver {
  private readonly cache = new Map<string, Node>();
  private readonly texts = new Map<string, GText>();

  constructor(
    private readonly doc: GDocument,
    seed?: { ref: GRef; row: GTableRow },
  ) {
    if (seed) this.cache.set(key(seed.ref.section, seed.ref.path), seed.row);
  }

  /** A resolver for the nodes of a template row inside `row`, a copy of it just inserted. */
  within(ref: GRef, row: GTableRow): Resolver {
    return new Resolver(this.doc, { ref, row });
  }

  root(section: SectionKind): GContainer {
    const k = key(section, []);
    let node = this.cache.get(k) as GContainer | undefined;
    if (!node) {
      const found = section === 'body' ? this.doc.getBody() : section === 'header' ? this.doc.getHeader() : this.doc.getFooter();
      if (!found) throw new Error(`internal: the copy has no ${section}`);
      node = found;
      this.cache.set(k, node);
    }
    return node;
  }

  body(): GBody {
    return this.root('body') as GBody;
  }

  node(ref: GRef): Node {
    const { section, path } = ref;
    // Start from the deepest node already found on the way.
    let depth = path.length;
    let node: Node | undefined;
    for (; depth > 0; depth--) {
      node = this.cache.get(key(section, path.slice(0, depth)));
      if (node) break;
    }
    if (!node) node = this.root(section);
    for (let d = depth; d < path.length; d++) {
      const index = path[d]!;
      const level = d % 3;
      if (level === 0) {
        const element = (node as GContainer).getChild(index);
        // Inner steps are tables (they have rows below them); the last one is cast as the template said.
        const kind = d === path.length - 1 ? ref.kind ?? 'paragraph' : 'table';
        node = kind === 'paragraph' ? element.asParagraph() : kind === 'listItem' ? element.asListItem() : kind === 'table' ? element.asTable() : element;
      } else if (level === 1) node = (node as GTable).getRow(index);
      else node = (node as GTableRow).getCell(index);
      this.cache.set(key(section, path.slice(0, d + 1)), node);
    }
    return node;
  }

  text(ref: GRef): GText {
    const place = ref.place;
    if (!place) throw new Error('internal: a run the template reader left whole was edited');
    const k = `${key(ref.section, ref.path)}|${place.via}${place.via === 'child' ? place.index : ''}`;
    let text = this.texts.get(k);
    if (!text) {
      if (place.via === 'cell') text = (this.node({ section: ref.section, path: ref.path.slice(0, -1) }) as GTableCell).editAsText();
      else {
        const paragraph = this.node({ section: ref.section, path: ref.path, kind: ref.kind ?? 'paragraph' }) as GParagraph;
        text = place.via === 'paragraph' ? paragraph.editAsText() : paragraph.getChild(place.index).asText();
      }
      this.texts.set(k, text);
    }
    return text;
  }
}

const key = (section: SectionKind, path: readonly number[]) => `${section}:${path.join('.')}`;

export interface WriteOptions {
  /** The picture of an image value as a Blob. */
  blobOf: (image: ImageValue) => GBlob;
}

/** Applies `filled` (filled from the template this document is a copy of) to the document. */
export function writeFilled(doc: GDocument, filled: FilledDoc<GRef>, options: WriteOptions): void {
  const writer = new Writer(options);
  const resolver = new Resolver(doc);
  for (const section of filled.sections) writer.blocks(section.from.blocks, section.blocks, resolver);
}

/**
 * About how many DocumentApp calls writing `filled` takes (mirroring the writer below): what the run uses, with the
 * time calls have taken so far, to decide whether one more document still fits in the execution.
 */
export function workOf(filled: FilledDoc<GRef>): number {
  let n = 0;
  const blocks = (template: readonly Block<GRef>[], out: readonly FilledBlock<GRef>[]): void => {
    const kept = new Set(out.map((b) => b.from));
    n += 2 * template.filter((b) => !kept.has(b)).length;
    for (const b of out) {
      if (b.type === 'image') n += 8;
      else if (b.type === 'paragraph') {
        const changed = b.runs.filter((r, i) => r.text !== b.from.runs[i]!.text).length;
        if (changed) n += 3 + 3 * changed;
      } else {
        n += 2;
        for (const row of b.rows) {
          if (row.item !== null) n += 3;
          for (const cell of row.cells) blocks(cell.from.blocks, cell.blocks);
        }
      }
    }
  };
  for (const section of filled.sections) blocks(section.from.blocks, section.blocks);
  return n;
}

/** Points per inch in Docs page sizes; CSS pixels per inch in image values. */
const PT_PER_INCH = 72;
const PX_PER_INCH = 96;

class Writer {
  private textWidthPx: number | null = null;

  constructor(private readonly options: WriteOptions) {}

  blocks(template: readonly Block<GRef>[], filled: readonly FilledBlock<GRef>[], r: Resolver): void {
    const kept = new Map<Block<GRef>, FilledBlock<GRef>>(filled.map((b) => [b.from, b]));
    for (let i = template.length - 1; i >= 0; i--) {
      const block = template[i]!;
      const done = kept.get(block);
      if (!done) this.remove(template, i, kept, r);
      else if (done.type === 'paragraph') this.paragraph(done, r);
      else if (done.type === 'image') this.image(done, r);
      else this.table(done, r);
    }
  }

  /**
   * Apps Script refuses to remove the last paragraph of a section or a cell. Such a paragraph is emptied and merged
   * into the paragraph before it when there is one (the text reads as if it were removed), else only emptied.
   */
  private remove(template: readonly Block<GRef>[], i: number, kept: Map<Block<GRef>, FilledBlock<GRef>>, r: Resolver): void {
    const block = template[i]!;
    if (block.ref.kind === 'cellText') throw new Error('internal: the content of a cell without placeholders was dropped alone');
    const isLast = template.slice(i + 1).every((b) => !kept.has(b));
    const node = r.node(block.ref);
    if (block.type === 'table' || block.ref.kind === 'other' || !isLast) {
      (node as { removeFromParent(): unknown }).removeFromParent();
      return;
    }
    const paragraph = node as GParagraph;
    paragraph.clear();
    const before = template[i - 1];
    if (before && before.type === 'paragraph' && before.ref.kind === block.ref.kind) paragraph.merge();
  }

  private paragraph(filled: FilledParagraph<GRef>, r: Resolver): void {
    // Last run first: an edit never moves the offsets of the runs before it.
    for (let i = filled.runs.length - 1; i >= 0; i--) {
      const before = filled.from.runs[i]!;
      const after = filled.runs[i]!;
      if (after.text === before.text) continue;
      // Nothing left after it in its Text: inserted text there has only the run's own character beside it.
      const last = filled.runs.every((run, j) => j <= i || run.text === '' || !samePlace(filled.from.runs[j]!.ref, before.ref));
      replaceRun(r.text(before.ref), before.ref.start!, before.text, toDocText(after.text), last);
    }
  }

  private image(filled: FilledImage<GRef>, r: Resolver): void {
    const paragraph = r.node(filled.from.ref) as GParagraph;
    paragraph.clear();
    const picture = paragraph.appendInlineImage(this.options.blobOf(filled.image));
    let { width, height } = filled.image;
    const max = this.maxWidth(r);
    if (width > max) {
      height = Math.round((height * max) / width);
      width = Math.round(max);
    }
    picture.setWidth(width);
    picture.setHeight(height);
  }

  /** The width between the margins, in the pixels image values are given in (once per document). */
  private maxWidth(r: Resolver): number {
    if (this.textWidthPx === null) {
      const body = r.body();
      const points = body.getPageWidth() - body.getMarginLeft() - body.getMarginRight();
      this.textWidthPx = (points * PX_PER_INCH) / PT_PER_INCH;
    }
    return this.textWidthPx;
  }

  private table(filled: FilledTable<GRef>, r: Resolver): void {
    const rows = filled.from.rows;
    const byRow = new Map<Row<GRef>, FilledTable<GRef>['rows']>();
    for (const row of filled.rows) {
      const list = byRow.get(row.from) ?? [];
      list.push(row);
      byRow.set(row.from, list);
    }
    for (let j = rows.length - 1; j >= 0; j--) {
      const row = rows[j]!;
      const out = byRow.get(row) ?? [];
      if (out.length === 1 && out[0]!.item === null) {
        // A row that is not repeated is filled in place.
        const cells = out[0]!.cells;
        for (let c = cells.length - 1; c >= 0; c--) this.blocks(cells[c]!.from.blocks, cells[c]!.blocks, r);
        continue;
      }
      // A repeated row: one copy of the untouched template row per item, inserted in front of it (last item
      // first, each at the same index, so they end in item order), then the template row goes.
      const table = r.node(filled.from.ref) as GTable;
      const template = r.node(row.ref) as GTableRow;
      for (let k = out.length - 1; k >= 0; k--) {
        const inserted = table.insertTableRow(j, template.copy());
        const inRow = r.within(row.ref, inserted);
        const cells = out[k]!.cells;
        for (let c = cells.length - 1; c >= 0; c--) this.blocks(cells[c]!.from.blocks, cells[c]!.blocks, inRow);
      }
      template.removeFromParent();
    }
  }
}

const samePlace = (a: GRef, b: GRef) =>
  a.section === b.section && a.path.join('.') === b.path.join('.') && a.place?.via === b.place?.via && (a.place?.via !== 'child' || a.place.index === (b.place as { index: number }).index);

/**
 * Replaces the text of one run (`oldText` at `start`), keeping its attributes without reading them: the new text
 * is inserted where its only neighbours belong to the run, whatever rule Docs applies to inserted text (strictly
 * inside the run; or, when `atEnd` says nothing follows the run in its Text, right after it), and the old
 * characters are deleted. Never replaceText: it reads its arguments as regular expressions.
 */
export function replaceRun(text: GText, start: number, oldText: string, newText: string, atEnd = false): void {
  if (oldText === newText) return;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText[p] === newText[p]) p++;
  const runEnd = start + oldText.length;
  if (atEnd) {
    // The end of the Text: inserted right after the run, the run's last character is the only neighbour. Two calls.
    const rest = newText.slice(p);
    if (rest) text.insertText(runEnd, rest);
    if (runEnd > start + p) text.deleteText(start + p, runEnd - 1);
    return;
  }
  let q = 0;
  while (q < max - p && oldText[oldText.length - 1 - q] === newText[newText.length - 1 - q]) q++;
  let a = start + p;
  let b = runEnd - q;
  let middle = newText.slice(p, newText.length - q);
  if (middle === '') {
    text.deleteText(a, b - 1);
    return;
  }
  if (a === b && a > start && a < runEnd) {
    text.insertText(a, middle);
    return;
  }
  // Widen what is replaced, inside the run, until it is two characters long.
  while (b - a < 2 && (a > start || b < runEnd)) {
    if (a > start) middle = oldText[--a - start] + middle;
    else middle = middle + oldText[b++ - start];
  }
  if (b - a >= 2) {
    text.insertText(a + 1, middle);
    text.deleteText(a + 1 + middle.length, b + middle.length - 1);
    text.deleteText(a, a);
    return;
  }
  // A run of one character: its attributes are read and put on the new text.
  const attributes = Object.fromEntries(Object.entries(text.getAttributes(a)).filter(([, v]) => v !== null && v !== undefined));
  text.insertText(a + 1, middle);
  if (Object.keys(attributes).length > 0) text.setAttributes(a + 1, a + middle.length, attributes);
  text.deleteText(a, a);
}

/** A line break inside a paragraph, however a value spells it, as DocumentApp writes a soft return. */
function toDocText(text: string): string {
  return text.replace(/\r\n|\n|\u000b/g, '\r');
}
