// Reads a .docx's body, headers and footers into the neutral tree; every node keeps its XML element as `ref`.
// The writer re-reads cloned rows with these same functions, so reading must be a pure function of the XML.
import type { Element } from '@xmldom/xmldom';
import type { Block, Cell, DocTree, Paragraph, Row, Run, Section, SectionVariant, Table } from '../../reports/doc-tree';
import type { UnfillableText } from '../../reports/grammar';
import { DocxPackage, REL } from './package';
import { attrW, childElements, descendantsW, isW, NS } from './xml';

export interface ReadOptions {
  /** Shows pictures as `[image]` in run text: for extracting text, never for filling. */
  imageMarkers?: boolean;
}

export interface DocxTree {
  tree: DocTree<Element>;
  /** The package part each section lives in, for the relationships of pictures put into it. */
  partOf: Map<Section<Element>, string>;
  /** Paragraphs the tree leaves out (text boxes, footnotes, endnotes, comments), so tags in them can be refused. */
  unfillable: UnfillableText[];
}

const NOTES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
];

// Wrappers that hold blocks, rows, cells or runs without changing their meaning: walked through, not seen.
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'hyperlink', 'ins', 'moveTo', 'fldSimple', 'dir', 'bdo']);
const PICTURES = new Set(['drawing', 'pict', 'object']);

function collect(parent: Element, wanted: string): Element[] {
  const out: Element[] = [];
  for (const child of childElements(parent)) {
    if (isW(child, wanted)) out.push(child);
    else if (child.namespaceURI === NS.w && TRANSPARENT.has(child.localName ?? '')) out.push(...collect(child, wanted));
  }
  return out;
}

/** The runs of a paragraph in reading order, through hyperlinks, insertions and content controls; deleted text is not read. */
export function runElements(p: Element): Element[] {
  return collect(p, 'r');
}

/** A run's text and whether it holds more than text. Tabs and line breaks are `\t` and `\n`. */
export function readRunText(r: Element, options: ReadOptions = {}): { text: string; opaque: boolean } {
  let text = '';
  let opaque = false;
  for (const child of childElements(r)) {
    if (child.namespaceURI !== NS.w) {
      opaque = true;
      continue;
    }
    switch (child.localName) {
      case 'rPr':
      case 'lastRenderedPageBreak':
        break;
      case 't':
        text += child.textContent ?? '';
        break;
      case 'tab':
        text += '\t';
        break;
      case 'cr':
        text += '\n';
        break;
      case 'br': {
        const type = attrW(child, 'type');
        if (!type || type === 'textWrapping') text += '\n';
        else opaque = true;
        break;
      }
      case 'noBreakHyphen':
        text += '\u2011';
        break;
      case 'softHyphen':
        text += '\u00AD';
        break;
      default:
        if (options.imageMarkers && PICTURES.has(child.localName ?? '')) text += '[image]';
        opaque = true;
    }
  }
  return { text, opaque };
}

export function readParagraph(p: Element, options: ReadOptions = {}): Paragraph<Element> {
  let opaque = false;
  const runs: Run<Element>[] = runElements(p).map((r) => {
    const read = readRunText(r, options);
    opaque ||= read.opaque;
    return { text: read.text, ref: r };
  });
  return opaque ? { type: 'paragraph', runs, ref: p, opaque } : { type: 'paragraph', runs, ref: p };
}

export function readBlocks(container: Element, options: ReadOptions = {}): Block<Element>[] {
  const out: Block<Element>[] = [];
  const walk = (parent: Element): void => {
    for (const child of childElements(parent)) {
      if (isW(child, 'p')) out.push(readParagraph(child, options));
      else if (isW(child, 'tbl')) out.push(readTable(child, options));
      else if (child.namespaceURI === NS.w && TRANSPARENT.has(child.localName ?? '')) walk(child);
    }
  };
  walk(container);
  return out;
}

export function readTable(tbl: Element, options: ReadOptions = {}): Table<Element> {
  return { type: 'table', rows: collect(tbl, 'tr').map((tr) => readRow(tr, options)), ref: tbl };
}

export function readRow(tr: Element, options: ReadOptions = {}): Row<Element> {
  return { cells: collect(tr, 'tc').map((tc): Cell<Element> => ({ blocks: readBlocks(tc, options), ref: tc })), ref: tr };
}

const VARIANTS: Record<string, SectionVariant> = { default: 'default', first: 'first', even: 'even' };

/** Body, headers and footers. Headers and footers come from the section properties that reference them, each part once. */
export function readDocx(pkg: DocxPackage, options: ReadOptions = {}): DocxTree {
  const main = pkg.mainDocument();
  const doc = pkg.part(main);
  const body = childElements(doc.documentElement!).find((e) => isW(e, 'body'));
  if (!body) throw new Error(`${main} has no body`);

  const rels = new Map(pkg.relationships(main).map((r) => [r.id, r]));
  const headers: Section<Element>[] = [];
  const footers: Section<Element>[] = [];
  const partOf = new Map<Section<Element>, string>();
  const seen = new Set<string>();
  for (const sectPr of Array.from(doc.getElementsByTagNameNS(NS.w, 'sectPr'))) {
    for (const ref of childElements(sectPr)) {
      const kind = isW(ref, 'headerReference') ? 'header' : isW(ref, 'footerReference') ? 'footer' : null;
      if (!kind) continue;
      const rel = rels.get(ref.getAttributeNS(NS.r, 'id') ?? '');
      const expected = kind === 'header' ? REL.header : REL.footer;
      if (!rel?.part || rel.type !== expected || seen.has(rel.part) || !pkg.has(rel.part)) continue;
      seen.add(rel.part);
      const root = pkg.part(rel.part).documentElement!;
      const section: Section<Element> = {
        kind,
        variant: VARIANTS[attrW(ref, 'type') ?? 'default'] ?? 'default',
        blocks: readBlocks(root, options),
        ref: root,
      };
      partOf.set(section, rel.part);
      (kind === 'header' ? headers : footers).push(section);
    }
  }
  const bodySection: Section<Element> = { kind: 'body', variant: 'default', blocks: readBlocks(body, options), ref: body };
  partOf.set(bodySection, main);

  const unfillable: UnfillableText[] = [];
  const paragraphsOf = (root: Element, section: UnfillableText['section']): void => {
    for (const p of descendantsW(root, 'p')) unfillable.push({ section, text: readParagraph(p).runs.map((r) => r.text).join('') });
  };
  for (const section of [...headers, bodySection, ...footers]) {
    for (const box of descendantsW(section.ref, 'txbxContent')) paragraphsOf(box, section.kind);
  }
  for (const rel of pkg.relationships(main)) {
    if (rel.part && NOTES.includes(rel.type) && pkg.has(rel.part)) paragraphsOf(pkg.part(rel.part).documentElement!, 'body');
  }
  return { tree: { sections: [...headers, bodySection, ...footers] }, partOf, unfillable };
}
