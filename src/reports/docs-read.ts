// Reads a Google Doc as the Docs API returns it (documents.get) into the engine's neutral tree. Every node keeps its
// place in UTF-16 code units and its styles, so the requests that fill a Drive copy (same indexes) are computed from
// the template read once (docs-batch.ts).
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import type { Block, DocTree, Paragraph, Row, Run, Section, SectionKind, SectionVariant, Table } from './doc-tree';
import type { UnfillableText } from './grammar';
import { scanText } from './tags';

export type DocsDocument = docs_v1.Schema$Document;
type Element = docs_v1.Schema$StructuralElement;

/**
 * A node's place in the template. `segment` is '' for the body, else the header's or footer's id; [start, end) is the
 * node's range (for a cell, its marker included: its content starts at start + 1).
 */
export interface DocsRef {
  segment: string;
  start: number;
  end: number;
  /** A paragraph: its style and list membership, as a copy of it must have them. */
  paragraphStyle?: docs_v1.Schema$ParagraphStyle;
  bullet?: docs_v1.Schema$Bullet;
  /** A block the engine keeps or drops whole: a table of contents. `paragraphs` counts the paragraphs inside it. */
  other?: { paragraphs: number };
  /** A run: its style, and what the template text there is (a run never straddles a placeholder's edge). */
  textStyle?: docs_v1.Schema$TextStyle;
  /** 'value': part of a `{{value}}`, `whole` when the run is the whole placeholder; 'tag': any other placeholder. */
  piece?: 'text' | 'value' | 'tag';
  whole?: boolean;
  /** A section break follows the block: the newline before it must stay, as before a table. */
  beforeBreak?: boolean;
  /** A table row or cell: its style. */
  rowStyle?: docs_v1.Schema$TableRowStyle;
  cellStyle?: docs_v1.Schema$TableCellStyle;
}

export interface DocsTemplate {
  tree: DocTree<DocsRef>;
  /** Text Qamqor cannot fill (footnotes): any tag in it is an error. */
  unfillable: UnfillableText[];
  /** The width between the margins, in points: the most a picture may take. */
  textWidthPt: number;
}

export interface ReadOptions {
  /** Pictures shown as `[image]`: for reading a finished document back as text, never for filling. */
  full?: boolean;
}

const BRACES = /\{\{|\}\}/;
/** A4 with 2 cm margins, when a document says nothing of its page. */
const DEFAULT_TEXT_WIDTH_PT = 595.3 - 2 * 56.7;

/**
 * The default, first-page and even-page headers and footers that are in use, in the order a page reads them; the body.
 * Headers and footers of later sections of a multi-section document are not read (a tag there is left as written).
 */
export function readDocsDocument(doc: DocsDocument, options: ReadOptions = {}): DocsTemplate {
  const full = options.full === true;
  const style = doc.documentStyle ?? {};
  const sections: Section<DocsRef>[] = [];
  const variants = (kind: 'header' | 'footer'): [SectionVariant, string | null | undefined][] => {
    const ids = kind === 'header'
      ? [style.defaultHeaderId, style.firstPageHeaderId, style.evenPageHeaderId]
      : [style.defaultFooterId, style.firstPageFooterId, style.evenPageFooterId];
    const out: [SectionVariant, string | null | undefined][] = [['default', ids[0]]];
    if (style.useFirstPageHeaderFooter) out.push(['first', ids[1]]);
    if (style.useEvenPageHeaderFooter) out.push(['even', ids[2]]);
    return out;
  };
  const segmentSection = (kind: 'header' | 'footer', variant: SectionVariant, id: string | null | undefined): void => {
    const segment = id ? (kind === 'header' ? doc.headers?.[id] : doc.footers?.[id]) : undefined;
    if (segment && id) sections.push(section(kind, variant, id, segment.content ?? [], full));
  };
  for (const [variant, id] of variants('header')) segmentSection('header', variant, id);
  sections.push(section('body', 'default', '', doc.body?.content ?? [], full));
  for (const [variant, id] of variants('footer')) segmentSection('footer', variant, id);
  const unfillable: UnfillableText[] = full
    ? []
    : Object.values(doc.footnotes ?? {}).map((f) => ({ section: 'body' as const, text: plainText(f.content ?? []) }));
  const page = style.pageSize?.width?.magnitude;
  const left = style.marginLeft?.magnitude ?? 56.7;
  const right = style.marginRight?.magnitude ?? 56.7;
  return { tree: { sections }, unfillable, textWidthPt: page ? page - left - right : DEFAULT_TEXT_WIDTH_PT };
}

function section(kind: SectionKind, variant: SectionVariant, segment: string, content: Element[], full: boolean): Section<DocsRef> {
  const first = content[0];
  const last = content[content.length - 1];
  return {
    kind, variant,
    blocks: blocks(content, segment, full),
    ref: { segment, start: first?.startIndex ?? 0, end: last?.endIndex ?? 0 },
  };
}

function blocks(content: Element[], segment: string, full: boolean): Block<DocsRef>[] {
  const out: Block<DocsRef>[] = [];
  for (const element of content) {
    const start = element.startIndex ?? 0;
    const end = element.endIndex ?? start;
    if (element.paragraph) out.push(paragraph(element.paragraph, segment, start, end, full));
    else if (element.table) out.push(table(element.table, segment, start, end, full));
    else if (element.tableOfContents) {
      const paragraphs = (element.tableOfContents.content ?? []).filter((e) => e.paragraph).length;
      out.push({ type: 'paragraph', runs: [], opaque: true, ref: { segment, start, end, other: { paragraphs } } });
    } else if (element.sectionBreak && out.length > 0) {
      // A section break holds no text and is never touched; the block before it keeps its newline.
      out[out.length - 1]!.ref.beforeBreak = true;
    }
  }
  return out;
}

interface TextPart {
  text: string;
  start: number;
  style: docs_v1.Schema$TextStyle;
}

function paragraph(p: docs_v1.Schema$Paragraph, segment: string, start: number, end: number, full: boolean): Paragraph<DocsRef> {
  const ref: DocsRef = { segment, start, end, paragraphStyle: p.paragraphStyle ?? {} };
  if (p.bullet) ref.bullet = p.bullet;
  const parts: TextPart[] = [];
  let opaque = false;
  for (const e of p.elements ?? []) {
    const at = e.startIndex ?? 0;
    if (e.textRun) {
      // The paragraph's own newline ends its last run: it is the paragraph, not its text.
      const content = (e.textRun.content ?? '').replace(/\n$/, '');
      if (content) parts.push({ text: content, start: at, style: e.textRun.textStyle ?? {} });
    } else {
      // A picture, a page number, a page break, a footnote mark: the paragraph is never dropped for looking empty.
      opaque = true;
      if (full && e.inlineObjectElement) parts.push({ text: '[image]', start: at, style: {} });
    }
  }
  const runs = splitAtTags(parts, segment);
  return opaque ? { type: 'paragraph', runs, ref, opaque } : { type: 'paragraph', runs, ref };
}

/**
 * Runs as the document has them, cut further where a placeholder starts or ends: each run is then literal text, part
 * of one placeholder, or a whole one, which tells the batch what each edit is.
 */
function splitAtTags(parts: TextPart[], segment: string): Run<DocsRef>[] {
  const text = parts.map((p) => p.text).join('');
  const runOf = (p: TextPart, from: number, to: number, piece?: { kind: DocsRef['piece']; whole: boolean }): Run<DocsRef> => {
    const ref: DocsRef = { segment, start: p.start + from, end: p.start + to, textStyle: p.style };
    if (piece) {
      ref.piece = piece.kind;
      if (piece.whole) ref.whole = true;
    }
    return { text: p.text.slice(from, to), ref };
  };
  if (!BRACES.test(text)) return parts.map((p) => runOf(p, 0, p.text.length));
  const pieces = scanText(text);
  const out: Run<DocsRef>[] = [];
  let offset = 0;
  for (const p of parts) {
    const from = offset;
    const to = offset + p.text.length;
    for (const piece of pieces) {
      const a = Math.max(from, piece.start);
      const b = Math.min(to, piece.end);
      if (a >= b) continue;
      const kind: DocsRef['piece'] = piece.type === 'text' ? 'text' : piece.tag.kind === 'value' ? 'value' : 'tag';
      out.push(runOf(p, a - from, b - from, { kind, whole: a === piece.start && b === piece.end }));
    }
    offset = to;
  }
  return out;
}

function table(t: docs_v1.Schema$Table, segment: string, start: number, end: number, full: boolean): Table<DocsRef> {
  return {
    type: 'table',
    ref: { segment, start, end },
    rows: (t.tableRows ?? []).map((r): Row<DocsRef> => ({
      ref: { segment, start: r.startIndex ?? 0, end: r.endIndex ?? 0, rowStyle: r.tableRowStyle ?? {} },
      cells: (r.tableCells ?? []).map((c) => ({
        ref: { segment, start: c.startIndex ?? 0, end: c.endIndex ?? 0, cellStyle: c.tableCellStyle ?? {} },
        blocks: blocks(c.content ?? [], segment, full),
      })),
    })),
  };
}

function plainText(content: Element[]): string {
  return content
    .map((e) => (e.paragraph?.elements ?? []).map((x) => x.textRun?.content ?? '').join('').replace(/\n$/, ''))
    .join('\n');
}
