// The neutral document tree both renderers (Google Docs, .docx) read a template into and write a filled one from.
// The engine sees only text; every node's `ref` is the renderer's own handle, opaque here, so styles survive.

/** A stretch of text with one style. `ref` is the renderer's handle that carries that style (a `<w:r>`, a Docs text range). */
export interface Run<H = unknown> {
  text: string;
  ref: H;
}

export interface Paragraph<H = unknown> {
  type: 'paragraph';
  runs: Run<H>[];
  ref: H;
  /** Holds content besides text (a picture, a page break, a field): never dropped for merely looking empty. */
  opaque?: boolean;
}

export interface Cell<H = unknown> {
  blocks: Block<H>[];
  ref: H;
}

export interface Row<H = unknown> {
  cells: Cell<H>[];
  ref: H;
}

export interface Table<H = unknown> {
  type: 'table';
  rows: Row<H>[];
  ref: H;
}

export type Block<H = unknown> = Paragraph<H> | Table<H>;

export type SectionKind = 'header' | 'body' | 'footer';
/** Which pages a header or footer serves; Google Docs and Word both know these three. */
export type SectionVariant = 'default' | 'first' | 'even';

export interface Section<H = unknown> {
  kind: SectionKind;
  variant: SectionVariant;
  blocks: Block<H>[];
  ref: H;
}

/** Sections in reading order of a page: headers, body, footers. */
export interface DocTree<H = unknown> {
  sections: Section<H>[];
}

/** What the engine gives back as image data; the renderer turns it into a picture. Sizes in CSS pixels (96 per inch). */
export interface ImageValue {
  $type: 'image';
  bytes: Uint8Array;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  alt?: string;
}

// The filled tree mirrors the template tree: every node points at the template node it comes `from`,
// so a renderer can find (or clone) its own element. Blocks never move or multiply; only rows repeat.

/** A kept paragraph: `runs[i]` is `from.runs[i]` with its new text (possibly ''), same `ref`. */
export interface FilledParagraph<H = unknown> {
  type: 'paragraph';
  from: Paragraph<H>;
  runs: Run<H>[];
}

/** A paragraph that held only `{{image:…}}`: the renderer replaces its content with the picture, keeping its paragraph style. */
export interface FilledImage<H = unknown> {
  type: 'image';
  from: Paragraph<H>;
  path: string;
  image: ImageValue;
}

export interface FilledCell<H = unknown> {
  from: Cell<H>;
  blocks: FilledBlock<H>[];
}

/** One output row. A looped template row yields one per item (`item` counts from 0), or none for an empty list. */
export interface FilledRow<H = unknown> {
  from: Row<H>;
  item: number | null;
  cells: FilledCell<H>[];
}

export interface FilledTable<H = unknown> {
  type: 'table';
  from: Table<H>;
  rows: FilledRow<H>[];
}

export type FilledBlock<H = unknown> = FilledParagraph<H> | FilledImage<H> | FilledTable<H>;

/** Every template section is here, in order; a section's removed blocks are simply absent from `blocks`. */
export interface FilledSection<H = unknown> {
  from: Section<H>;
  blocks: FilledBlock<H>[];
}

export interface FilledDoc<H = unknown> {
  sections: FilledSection<H>[];
}

// Text of a tree, in one format shared by every renderer so the conformance corpus can compare outputs.
// Shapes are structural so the template tree and the filled tree print alike.

type TextBlock =
  | { type: 'paragraph'; runs: { text: string }[] }
  | { type: 'image' }
  | { type: 'table'; rows: { cells: { blocks: TextBlock[] }[] }[] };

type TextSection = { kind?: SectionKind; variant?: SectionVariant; from?: { kind: SectionKind; variant: SectionVariant }; blocks: TextBlock[] };

// Every spelling of a line break inside a paragraph (CR LF, CR, the vertical tab Google Docs uses) reads as LF.
const LINE_BREAK = /\r\n?|\u000b/g;

function blockLines(block: TextBlock): string[] {
  if (block.type === 'paragraph') return [block.runs.map((r) => r.text).join('').replace(LINE_BREAK, '\n')];
  if (block.type === 'image') return ['[image]'];
  // A row is one line, cells split by tabs; inside a cell, paragraphs and line breaks collapse to spaces to keep it one line.
  return block.rows.map((row) =>
    row.cells.map((cell) => cell.blocks.flatMap(blockLines).join(' ').replace(/[\t\n]/g, ' ')).join('\t'),
  );
}

/**
 * The text of a document: a `[header]`/`[body]`/`[footer]` label line (`[header:first]` for variants) before each
 * section, then one line per paragraph, one line per table row with cells separated by tabs, `[image]` for a picture.
 */
export function treeText(doc: { sections: TextSection[] }): string {
  const lines: string[] = [];
  for (const section of doc.sections) {
    const kind = section.kind ?? section.from?.kind ?? 'body';
    const variant = section.variant ?? section.from?.variant ?? 'default';
    lines.push(variant === 'default' ? `[${kind}]` : `[${kind}:${variant}]`);
    for (const block of section.blocks) lines.push(...blockLines(block));
  }
  return lines.join('\n');
}
