// Writes a filled tree back into the template's XML: text into the runs that held it, rows cloned per item,
// dropped blocks removed, pictures inserted as DrawingML inline images with their relationship and media part.
import type { Document, Element } from '@xmldom/xmldom';
import type {
  Block, FilledBlock, FilledDoc, FilledImage, FilledParagraph, FilledTable, ImageValue, Paragraph, Row, Section,
} from '../../reports/doc-tree';
import { DocxPackage, maxDrawingId, REL } from './package';
import { readRow, runElements } from './read';
import { attrW, childElements, cloneDeep, descendantsW, el, isW, NS, removeNode, xmlSafe } from './xml';

type Node = { ref: Element };
/** Finds the element standing for a template node: the template's own, or its counterpart in a cloned row. */
type Resolve = (node: Node) => Element;

const EMU_PER_PX = 9525;
const EMU_PER_TWIP = 635;

export function writeFilled(pkg: DocxPackage, doc: FilledDoc<Element>, partOf: Map<Section<Element>, string>): void {
  const parts = [...new Set(partOf.values())];
  const writer = new Writer(pkg, maxDrawingId(pkg, parts), textWidthEmu(pkg.part(pkg.mainDocument())));
  for (const section of doc.sections) {
    writer.part = partOf.get(section.from) ?? pkg.mainDocument();
    writer.blocks(section.from.blocks, section.blocks, (n) => n.ref, section.from.ref);
  }
}

class Writer {
  part = '';
  private readonly media = new Map<ImageValue, string>();
  private readonly rels = new Map<string, string>();

  constructor(
    private readonly pkg: DocxPackage,
    private nextDrawingId: number,
    private readonly maxWidthEmu: number | null,
  ) {}

  blocks(template: Block<Element>[], filled: FilledBlock<Element>[], resolve: Resolve, container: Element): void {
    const kept = new Set<Block<Element>>(filled.map((b) => b.from));
    let removed = false;
    for (const block of template) {
      if (!kept.has(block)) {
        removeNode(resolve(block));
        removed = true;
      }
    }
    for (const block of filled) {
      if (block.type === 'paragraph') this.paragraph(block, resolve);
      else if (block.type === 'image') this.image(block, resolve);
      else this.table(block, resolve);
    }
    if (removed) ensureParagraph(container);
  }

  private paragraph(filled: FilledParagraph<Element>, resolve: Resolve): void {
    const runs = runElements(resolve(filled.from));
    filled.runs.forEach((run, i) => {
      if (run.text !== filled.from.runs[i]!.text) setRunText(runs[i]!, run.text);
    });
  }

  private table(filled: FilledTable<Element>, resolve: Resolve): void {
    // Every output row is a fresh clone of its template row, taken before anything in it is touched;
    // the template rows are removed at the end.
    for (const row of filled.rows) {
      const template = resolve(row.from);
      const clone = cloneDeep(template);
      template.parentNode!.insertBefore(clone, template);
      const inClone = counterparts(row.from, clone);
      const resolveInClone: Resolve = (n) => {
        const found = inClone.get(n);
        if (!found) throw new Error('internal: a node of a repeated row has no counterpart in its clone');
        return found;
      };
      for (const cell of row.cells) this.blocks(cell.from.blocks, cell.blocks, resolveInClone, resolveInClone(cell.from));
    }
    for (const row of filled.from.rows) removeNode(resolve(row));
  }

  private image(filled: FilledImage<Element>, resolve: Resolve): void {
    const p = resolve(filled.from);
    const doc = p.ownerDocument!;
    const firstRun = runElements(p)[0];
    const runProps = firstRun ? childElements(firstRun).find((c) => isW(c, 'rPr')) : undefined;
    for (const child of childElements(p)) if (!isW(child, 'pPr')) removeNode(child);
    const id = this.relationshipFor(filled.image);
    const run = el(doc, 'w:r', {}, [runProps ? (runProps.cloneNode(true) as Element) : null, this.drawing(doc, filled, id)]);
    p.appendChild(run);
  }

  private relationshipFor(image: ImageValue): string {
    let media = this.media.get(image);
    if (!media) {
      media = this.pkg.addMedia(image.bytes, image.contentType);
      this.media.set(image, media);
    }
    const key = `${this.part}\u0000${media}`;
    let id = this.rels.get(key);
    if (!id) {
      id = this.pkg.addRelationship(this.part, REL.image, media);
      this.rels.set(key, id);
    }
    return id;
  }

  private drawing(doc: Document, filled: FilledImage<Element>, relId: string): Element {
    let cx = Math.round(filled.image.width * EMU_PER_PX);
    let cy = Math.round(filled.image.height * EMU_PER_PX);
    if (this.maxWidthEmu && cx > this.maxWidthEmu) {
      cy = Math.round((cy * this.maxWidthEmu) / cx);
      cx = this.maxWidthEmu;
    }
    const id = ++this.nextDrawingId;
    const name = `Picture ${id}`;
    const description = filled.image.alt ?? filled.path;
    return el(doc, 'w:drawing', {}, [
      el(doc, 'wp:inline', { distT: 0, distB: 0, distL: 0, distR: 0 }, [
        el(doc, 'wp:extent', { cx, cy }),
        el(doc, 'wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }),
        el(doc, 'wp:docPr', { id, name, descr: description }),
        el(doc, 'wp:cNvGraphicFramePr', {}, [el(doc, 'a:graphicFrameLocks', { 'xmlns:a': NS.a, noChangeAspect: 1 })]),
        el(doc, 'a:graphic', { 'xmlns:a': NS.a }, [
          el(doc, 'a:graphicData', { uri: NS.pic }, [
            el(doc, 'pic:pic', { 'xmlns:pic': NS.pic }, [
              el(doc, 'pic:nvPicPr', {}, [el(doc, 'pic:cNvPr', { id: 0, name, descr: description }), el(doc, 'pic:cNvPicPr')]),
              el(doc, 'pic:blipFill', {}, [
                el(doc, 'a:blip', { 'r:embed': relId }),
                el(doc, 'a:stretch', {}, [el(doc, 'a:fillRect')]),
              ]),
              el(doc, 'pic:spPr', {}, [
                el(doc, 'a:xfrm', {}, [el(doc, 'a:off', { x: 0, y: 0 }), el(doc, 'a:ext', { cx, cy })]),
                el(doc, 'a:prstGeom', { prst: 'rect' }, [el(doc, 'a:avLst')]),
              ]),
            ]),
          ]),
        ]),
      ]),
    ]);
  }
}

/** Maps each template node of a row to the matching element in a clone of that row (the reader walks both alike). */
function counterparts(row: Row<Element>, clone: Element): Map<Node, Element> {
  const map = new Map<Node, Element>();
  const fail = (): never => {
    throw new Error('internal: a cloned row reads differently from its template');
  };
  const blocks = (a: Block<Element>[], b: Block<Element>[]): void => {
    if (a.length !== b.length) fail();
    a.forEach((x, i) => {
      const y = b[i]!;
      if (x.type !== y.type) fail();
      map.set(x, y.ref);
      if (x.type === 'paragraph') paragraph(x, y as Paragraph<Element>);
      else if (y.type === 'table') {
        if (x.rows.length !== y.rows.length) fail();
        x.rows.forEach((r, j) => rows(r, y.rows[j]!));
      }
    });
  };
  const paragraph = (a: Paragraph<Element>, b: Paragraph<Element>): void => {
    if (a.runs.length !== b.runs.length) fail();
    a.runs.forEach((run, i) => map.set(run, b.runs[i]!.ref));
  };
  const rows = (a: Row<Element>, b: Row<Element>): void => {
    map.set(a, b.ref);
    if (a.cells.length !== b.cells.length) fail();
    a.cells.forEach((cell, i) => {
      map.set(cell, b.cells[i]!.ref);
      blocks(cell.blocks, b.cells[i]!.blocks);
    });
  };
  rows(row, readRow(clone));
  return map;
}

const TEXT_CHILDREN = new Set(['t', 'tab', 'cr', 'noBreakHyphen', 'softHyphen']);

function isTextChild(child: Element): boolean {
  if (child.namespaceURI !== NS.w) return false;
  if (child.localName === 'br') {
    const type = attrW(child, 'type');
    return !type || type === 'textWrapping';
  }
  return TEXT_CHILDREN.has(child.localName ?? '');
}

/** Replaces a run's text, keeping its properties and any non-text content; a run left with nothing is removed. */
export function setRunText(r: Element, text: string): void {
  const doc = r.ownerDocument!;
  const old = childElements(r).filter(isTextChild);
  const anchor = old[0] ?? null;
  // Line breaks as treeText reads them, so the written file and the engine's text agree.
  const clean = xmlSafe(text.replace(/\r\n?|\u000b/g, '\n'));
  for (const part of clean.split(/(\t|\n)/)) {
    if (part === '') continue;
    let node: Element;
    if (part === '\t') node = el(doc, 'w:tab');
    else if (part === '\n') node = el(doc, 'w:br');
    else {
      // Word drops leading and trailing spaces of a <w:t> unless told to keep them.
      node = el(doc, 'w:t', /^\s|\s$|\s\s/.test(part) ? { 'xml:space': 'preserve' } : {}, [part]);
    }
    r.insertBefore(node, anchor);
  }
  old.forEach(removeNode);
  if (childElements(r).every((c) => isW(c, 'rPr'))) removeNode(r);
}

/** A table cell, header or footer must hold at least one paragraph, and a cell must end with one. */
function ensureParagraph(container: Element): void {
  const blocks = childElements(container).filter((c) => isW(c, 'p') || isW(c, 'tbl') || isW(c, 'sdt'));
  const last = blocks[blocks.length - 1];
  const needs = isW(container, 'tc') ? !last || !isW(last, 'p') : blocks.length === 0;
  if (!needs) return;
  const p = el(container.ownerDocument!, 'w:p');
  const sectPr = childElements(container).find((c) => isW(c, 'sectPr'));
  container.insertBefore(p, sectPr ?? null);
}

/** The width between the margins of the document's last section, to keep a picture inside the page. */
function textWidthEmu(doc: Document): number | null {
  const sections = descendantsW(doc, 'sectPr');
  const sectPr = sections[sections.length - 1];
  if (!sectPr) return null;
  const size = childElements(sectPr).find((c) => isW(c, 'pgSz'));
  const margins = childElements(sectPr).find((c) => isW(c, 'pgMar'));
  const width = Number(size && attrW(size, 'w'));
  const left = Number(margins && attrW(margins, 'left'));
  const right = Number(margins && attrW(margins, 'right'));
  if (!width || !Number.isFinite(left) || !Number.isFinite(right)) return null;
  return (width - left - right) * EMU_PER_TWIP;
}
