// A fake of DocumentApp: each document a tree of elements (sections, paragraphs and list items, tables, rows, cells;
// Text with attributes per character; inline images, page breaks, page numbers), behind Apps Script's faces with
// Google's rules as Qamqor meets them: getChild returns an Element to be cast, offsets are checked, inserted text
// takes the attributes of the character before it, the last paragraph of a section or cell cannot be removed,
// a closed document refuses every call. Every call is counted by class and method.
import type {
  DocumentAppLike, GBlob, GBody, GContainer, GDocument, GElement, GFootnote, GInlineImage, GParagraph, GSection, GTable,
  GTableCell, GTableRow, GText,
} from '../../src/apps-script/google-services';
import { CallLog } from './call-log';
import { FakeBlob } from './google-utilities';

export type Attrs = Readonly<Record<string, string | number | boolean>>;

export interface TextNode {
  kind: 'TEXT';
  chars: string;
  /** One entry per character; equal attributes make one run. */
  attrs: Attrs[];
  parent?: ParagraphNode;
}

export interface InlineNode {
  kind: 'INLINE_IMAGE' | 'PAGE_BREAK' | 'HORIZONTAL_RULE' | 'FOOTNOTE' | 'UNSUPPORTED';
  image?: { bytes: number[]; contentType: string; width: number; height: number };
  footnote?: string;
  parent?: ParagraphNode;
}

export interface ParagraphNode {
  kind: 'PARAGRAPH' | 'LIST_ITEM';
  attrs: Attrs;
  children: (TextNode | InlineNode)[];
  parent?: SectionNode | CellNode;
}

export interface TableNode {
  kind: 'TABLE';
  rows: RowNode[];
  parent?: SectionNode | CellNode;
}

export interface RowNode {
  kind: 'TABLE_ROW';
  cells: CellNode[];
  parent?: TableNode;
}

export interface CellNode {
  kind: 'TABLE_CELL';
  children: BlockNode[];
  parent?: RowNode;
}

export type BlockNode = ParagraphNode | TableNode;

export interface SectionNode {
  kind: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
  children: BlockNode[];
}

/** Page size and margins in points (A4 with 2 cm margins by default). */
export interface Page {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface DocModel {
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
  page: Page;
}

export const A4: Page = { width: 595.3, height: 841.9, top: 56.7, bottom: 56.7, left: 56.7, right: 56.7 };

export const ElementType = {
  BODY_SECTION: 'BODY_SECTION', HEADER_SECTION: 'HEADER_SECTION', FOOTER_SECTION: 'FOOTER_SECTION',
  PARAGRAPH: 'PARAGRAPH', LIST_ITEM: 'LIST_ITEM', TABLE: 'TABLE', TABLE_ROW: 'TABLE_ROW', TABLE_CELL: 'TABLE_CELL',
  TEXT: 'TEXT', INLINE_IMAGE: 'INLINE_IMAGE', PAGE_BREAK: 'PAGE_BREAK', HORIZONTAL_RULE: 'HORIZONTAL_RULE',
  FOOTNOTE: 'FOOTNOTE', UNSUPPORTED: 'UNSUPPORTED',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Building and reading models (for the Drive fake's conversion and for tests)

export function text(chars: string, attrs: Attrs = {}): TextNode {
  return { kind: 'TEXT', chars, attrs: Array.from({ length: chars.length }, () => attrs) };
}

export function paragraph(children: (TextNode | InlineNode)[] = [], kind: ParagraphNode['kind'] = 'PARAGRAPH', attrs: Attrs = {}): ParagraphNode {
  const p: ParagraphNode = { kind, attrs, children };
  for (const c of children) c.parent = p;
  return p;
}

export function table(rows: BlockNode[][][]): TableNode {
  const t: TableNode = { kind: 'TABLE', rows: [] };
  for (const cells of rows) {
    const row: RowNode = { kind: 'TABLE_ROW', cells: [], parent: t };
    for (const blocks of cells) {
      const cell: CellNode = { kind: 'TABLE_CELL', children: blocks, parent: row };
      for (const b of blocks) b.parent = cell;
      row.cells.push(cell);
    }
    t.rows.push(row);
  }
  return t;
}

export function section(kind: SectionNode['kind'], children: BlockNode[]): SectionNode {
  const s: SectionNode = { kind, children };
  for (const c of children) c.parent = s;
  return s;
}

/** A new Google Doc: a body holding one empty paragraph, as Docs makes one. */
export function emptyDoc(): DocModel {
  return { body: section('BODY_SECTION', [paragraph()]), header: null, footer: null, page: { ...A4 } };
}

export function cloneDoc(doc: DocModel): DocModel {
  return {
    body: section(doc.body.kind, doc.body.children.map(cloneBlock)),
    header: doc.header && section(doc.header.kind, doc.header.children.map(cloneBlock)),
    footer: doc.footer && section(doc.footer.kind, doc.footer.children.map(cloneBlock)),
    page: { ...doc.page },
  };
}

function cloneBlock(b: BlockNode): BlockNode {
  return b.kind === 'TABLE' ? cloneTable(b) : cloneParagraph(b);
}

function cloneParagraph(p: ParagraphNode): ParagraphNode {
  return paragraph(p.children.map((c) => (c.kind === 'TEXT' ? { kind: 'TEXT', chars: c.chars, attrs: [...c.attrs] } : { ...c, parent: undefined })), p.kind, p.attrs);
}

function cloneTable(t: TableNode): TableNode {
  return table(t.rows.map((r) => r.cells.map((c) => c.children.map(cloneBlock))));
}

function cloneRow(r: RowNode): RowNode {
  const t = cloneTable({ kind: 'TABLE', rows: [r] });
  const row = t.rows[0]!;
  row.parent = undefined;
  return row;
}

function paragraphText(p: ParagraphNode): string {
  return p.children.map((c) => (c.kind === 'TEXT' ? c.chars : '')).join('');
}

function blocksText(blocks: BlockNode[]): string {
  return blocks.map((b) => (b.kind === 'TABLE' ? b.rows.map((r) => r.cells.map((c) => blocksText(c.children)).join('\t')).join('\n') : paragraphText(b))).join('\n');
}

/** The document's text, sections one after the other: what the fake puts into a PDF. */
export function docText(doc: DocModel): string {
  return [doc.header, doc.body, doc.footer].filter((s): s is SectionNode => !!s).map((s) => blocksText(s.children)).join('\n');
}

function attrsKey(a: Attrs | undefined): string {
  return a ? JSON.stringify(Object.keys(a).sort().map((k) => [k, a[k]])) : '';
}

/** Where a Text's attributes change (0 first), as getTextAttributeIndices. */
export function attributeIndices(t: TextNode): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.chars.length; i++) if (i === 0 || attrsKey(t.attrs[i]) !== attrsKey(t.attrs[i - 1])) out.push(i);
  return out;
}

/** Every Text of a document in reading order, for tests that look at attributes. */
export function textNodes(doc: DocModel): TextNode[] {
  const out: TextNode[] = [];
  const blocks = (list: BlockNode[]): void => {
    for (const b of list) {
      if (b.kind === 'TABLE') b.rows.forEach((r) => r.cells.forEach((c) => blocks(c.children)));
      else for (const c of b.children) if (c.kind === 'TEXT') out.push(c);
    }
  };
  for (const s of [doc.header, doc.body, doc.footer]) if (s) blocks(s.children);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// DocumentApp

export interface DocFile {
  id: string;
  name: string;
  doc: DocModel;
}

/** What the Drive fake lends DocumentApp: documents by id (any the person may open, whatever Drive's scope). */
export interface DocStore {
  documentById(id: string): DocFile | null;
}

class Session {
  closed = false;
  constructor(
    readonly file: DocFile,
    readonly log: CallLog,
  ) {}

  hit(method: string): void {
    this.log.hit(method);
    if (this.closed) throw new Error('Exception: Document is closed, its contents cannot be updated.');
  }
}

const fail = (message: string): never => {
  throw new Error(`Exception: ${message}`);
};

export function fakeDocumentApp(store: DocStore, log: CallLog): DocumentAppLike & { sessions: Session[] } {
  const sessions: Session[] = [];
  return {
    sessions,
    ElementType,
    openById(id: string): GDocument {
      log.hit('DocumentApp.openById');
      const file = store.documentById(id);
      if (!file) fail(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
      const session = new Session(file!, log);
      sessions.push(session);
      return documentFace(session);
    },
  };
}

function documentFace(s: Session): GDocument {
  const doc = s.file.doc;
  return {
    getId: () => (s.hit('Document.getId'), s.file.id),
    getName: () => (s.hit('Document.getName'), s.file.name),
    getBody: () => (s.hit('Document.getBody'), bodyFace(s, doc)),
    getHeader: () => (s.hit('Document.getHeader'), doc.header ? sectionFace(s, doc.header, 'HeaderSection') : null),
    getFooter: () => (s.hit('Document.getFooter'), doc.footer ? sectionFace(s, doc.footer, 'FooterSection') : null),
    addHeader: () => {
      s.hit('Document.addHeader');
      if (doc.header) fail('Document tab already contains a header.');
      doc.header = section('HEADER_SECTION', [paragraph()]);
      return sectionFace(s, doc.header, 'HeaderSection');
    },
    addFooter: () => {
      s.hit('Document.addFooter');
      if (doc.footer) fail('Document tab already contains a footer.');
      doc.footer = section('FOOTER_SECTION', [paragraph()]);
      return sectionFace(s, doc.footer, 'FooterSection');
    },
    getFootnotes: () => {
      s.hit('Document.getFootnotes');
      const notes: GFootnote[] = [];
      const visit = (blocks: BlockNode[]): void => {
        for (const b of blocks) {
          if (b.kind === 'TABLE') b.rows.forEach((r) => r.cells.forEach((c) => visit(c.children)));
          else for (const c of b.children) if (c.kind === 'FOOTNOTE') notes.push({ getFootnoteContents: () => (s.hit('Footnote.getFootnoteContents'), { getText: () => (s.hit('FootnoteSection.getText'), c.footnote ?? '') }) });
        }
      };
      visit(doc.body.children);
      return notes;
    },
    saveAndClose: () => {
      s.hit('Document.saveAndClose');
      s.closed = true;
    },
    getAs: (contentType: string) => {
      s.hit('Document.getAs');
      if (contentType !== 'application/pdf') fail(`Converting from application/vnd.google-apps.document to ${contentType} is not supported.`);
      return new FakeBlob(Array.from(Buffer.from(`%PDF-1.4 (fake)\n${docText(doc)}`, 'utf8'), (b) => (b > 127 ? b - 256 : b)), 'application/pdf', `${s.file.name}.pdf`);
    },
  };
}

/** getChild's result: an Element that must be cast before anything but its type is asked. */
function elementFace(s: Session, node: BlockNode | TextNode | InlineNode): GElement & { removeFromParent(): unknown } {
  const cast = <T>(method: string, ok: boolean, make: () => T): T => {
    s.hit(`Element.${method}`);
    if (!ok) fail(`Cannot cast a ${node.kind} element with ${method}.`);
    return make();
  };
  return {
    getType: () => (s.hit('Element.getType'), ElementType[node.kind]),
    asParagraph: () => cast('asParagraph', node.kind === 'PARAGRAPH', () => paragraphFace(s, node as ParagraphNode)),
    asListItem: () => cast('asListItem', node.kind === 'LIST_ITEM', () => paragraphFace(s, node as ParagraphNode)),
    asTable: () => cast('asTable', node.kind === 'TABLE', () => tableFace(s, node as TableNode)),
    asText: () => cast('asText', node.kind === 'TEXT', () => textFace(s, node as TextNode)),
    removeFromParent: () => {
      s.hit('Element.removeFromParent');
      if (node.kind === 'TABLE' || node.kind === 'PARAGRAPH' || node.kind === 'LIST_ITEM') removeBlock(node);
      else fail(`the fake cannot remove a ${node.kind}`);
    },
  };
}

function containerMethods(s: Session, children: () => BlockNode[], cls: string): GContainer {
  return {
    getNumChildren: () => (s.hit(`${cls}.getNumChildren`), children().length),
    getChild: (i: number) => {
      s.hit(`${cls}.getChild`);
      const list = children();
      if (!Number.isInteger(i) || i < 0 || i >= list.length) fail(`Child index (${i}) must be less than the number of child elements (${list.length}).`);
      return elementFace(s, list[i]!);
    },
  };
}

function appendBlock(s: Session, container: SectionNode | CellNode, cls: string, method: string, node: BlockNode, kind: BlockNode['kind']): BlockNode {
  s.hit(`${cls}.${method}`);
  if (node.kind !== kind) fail(`${method} expects a ${kind}`);
  if (node.parent) fail('Element must be detached.');
  node.parent = container;
  container.children.push(node);
  return node;
}

function sectionFace(s: Session, node: SectionNode, cls: string): GSection {
  return {
    ...containerMethods(s, () => node.children, cls),
    appendParagraph: (p) => paragraphFace(s, appendBlock(s, node, cls, 'appendParagraph', nodeOf(p), 'PARAGRAPH') as ParagraphNode),
    appendListItem: (p) => paragraphFace(s, appendBlock(s, node, cls, 'appendListItem', nodeOf(p), 'LIST_ITEM') as ParagraphNode),
    appendTable: (t) => tableFace(s, appendBlock(s, node, cls, 'appendTable', nodeOf(t), 'TABLE') as TableNode),
  };
}

function bodyFace(s: Session, doc: DocModel): GBody {
  const page = doc.page;
  const get = (k: keyof Page, method: string) => () => (s.hit(`Body.${method}`), page[k]);
  const set = (k: keyof Page, method: string) => (v: number): GBody => {
    s.hit(`Body.${method}`);
    page[k] = v;
    return body;
  };
  const body: GBody = {
    ...sectionFace(s, doc.body, 'Body'),
    getPageWidth: get('width', 'getPageWidth'),
    getPageHeight: get('height', 'getPageHeight'),
    getMarginLeft: get('left', 'getMarginLeft'),
    getMarginRight: get('right', 'getMarginRight'),
    getMarginTop: get('top', 'getMarginTop'),
    getMarginBottom: get('bottom', 'getMarginBottom'),
    setPageWidth: set('width', 'setPageWidth'),
    setPageHeight: set('height', 'setPageHeight'),
    setMarginLeft: set('left', 'setMarginLeft'),
    setMarginRight: set('right', 'setMarginRight'),
    setMarginTop: set('top', 'setMarginTop'),
    setMarginBottom: set('bottom', 'setMarginBottom'),
  };
  return body;
}

const NODE = Symbol('node');

function withNode<T extends object>(face: T, node: unknown): T {
  Object.defineProperty(face, NODE, { value: node });
  return face;
}

function nodeOf<T = BlockNode>(face: unknown): T {
  const node = (face as Record<symbol, unknown>)[NODE];
  if (!node) fail('Invalid argument: the element does not belong to DocumentApp.');
  return node as T;
}

/** The last paragraph of a section or a cell stays: Docs keeps one at the end of every container. */
function removeBlock(node: BlockNode): void {
  const parent = node.parent;
  if (!parent) fail('Element has no parent.');
  const list = parent!.children;
  const index = list.indexOf(node);
  if (node.kind !== 'TABLE' && index === list.length - 1) {
    fail(parent!.kind === 'TABLE_CELL' ? "Can't remove the last paragraph in a table cell." : "Can't remove the last paragraph in a document section.");
  }
  if (node.kind === 'TABLE' && index === list.length - 1) fail('A document section or table cell must end with a paragraph.');
  list.splice(index, 1);
  node.parent = undefined;
}

function paragraphFace(s: Session, node: ParagraphNode): GParagraph {
  const cls = node.kind === 'LIST_ITEM' ? 'ListItem' : 'Paragraph';
  const face: GParagraph & { getType(): unknown; getNumChildren(): number } = {
    getType: () => (s.hit(`${cls}.getType`), ElementType[node.kind]),
    getNumChildren: () => (s.hit(`${cls}.getNumChildren`), node.children.length),
    getChild: (i: number) => {
      s.hit(`${cls}.getChild`);
      if (!Number.isInteger(i) || i < 0 || i >= node.children.length) fail(`Child index (${i}) must be less than the number of child elements (${node.children.length}).`);
      return elementFace(s, node.children[i]!);
    },
    getText: () => (s.hit(`${cls}.getText`), paragraphText(node)),
    editAsText: () => {
      s.hit(`${cls}.editAsText`);
      return textFace(s, soleText(node));
    },
    clear: () => {
      s.hit(`${cls}.clear`);
      for (const c of node.children) c.parent = undefined;
      node.children = [];
      return face;
    },
    appendInlineImage: (blob: GBlob) => {
      s.hit(`${cls}.appendInlineImage`);
      const b = blob as FakeBlob;
      if (!(b instanceof FakeBlob) || !/^image\//.test(b.getContentType() ?? '')) fail('Invalid image data.');
      const image: InlineNode = { kind: 'INLINE_IMAGE', image: { bytes: [...b.bytes], contentType: b.contentType, width: 100, height: 100 }, parent: node };
      node.children.push(image);
      return imageFace(s, image);
    },
    removeFromParent: () => {
      s.hit(`${cls}.removeFromParent`);
      removeBlock(node);
      return face;
    },
    merge: () => {
      s.hit(`${cls}.merge`);
      const parent = node.parent;
      const index = parent ? parent.children.indexOf(node) : -1;
      const before = index > 0 ? parent!.children[index - 1]! : null;
      if (!before || before.kind !== node.kind) fail('Element must be preceded by an element of the same type to be merged.');
      const target = before as ParagraphNode;
      for (const c of node.children) {
        c.parent = target;
        target.children.push(c);
      }
      parent!.children.splice(index, 1);
      node.parent = undefined;
      return paragraphFace(s, target);
    },
    copy: () => (s.hit(`${cls}.copy`), paragraphFace(s, cloneParagraph(node))),
  };
  return withNode(face, node);
}

/**
 * editAsText on a paragraph of text only: its Text (Docs keeps such a paragraph's text as one Text). The fake does
 * not model the offsets of a Text spanning pictures or page numbers; Qamqor edits those paragraphs child by child.
 */
function soleText(node: ParagraphNode): TextNode {
  if (node.children.some((c) => c.kind !== 'TEXT')) fail('(fake) editAsText over a paragraph holding more than text is not modelled');
  const texts = node.children as TextNode[];
  if (texts.length === 1) return texts[0]!;
  const merged: TextNode = { kind: 'TEXT', chars: texts.map((t) => t.chars).join(''), attrs: texts.flatMap((t) => t.attrs), parent: node };
  node.children = [merged];
  return merged;
}

function imageFace(s: Session, node: InlineNode): GInlineImage {
  const face: GInlineImage = {
    setWidth: (w: number) => {
      s.hit('InlineImage.setWidth');
      if (!(w > 0)) fail('Invalid width.');
      node.image!.width = w;
      return face;
    },
    setHeight: (h: number) => {
      s.hit('InlineImage.setHeight');
      if (!(h > 0)) fail('Invalid height.');
      node.image!.height = h;
      return face;
    },
  };
  return face;
}

function tableFace(s: Session, node: TableNode): GTable {
  const face: GTable = {
    getNumRows: () => (s.hit('Table.getNumRows'), node.rows.length),
    getRow: (i: number) => {
      s.hit('Table.getRow');
      if (!Number.isInteger(i) || i < 0 || i >= node.rows.length) fail(`Child index (${i}) must be less than the number of child elements (${node.rows.length}).`);
      return rowFace(s, node.rows[i]!);
    },
    insertTableRow: (i: number, row: GTableRow) => {
      s.hit('Table.insertTableRow');
      const r = nodeOf<RowNode>(row);
      if (r.parent) fail('Element must be detached.');
      if (!Number.isInteger(i) || i < 0 || i > node.rows.length) fail(`Index (${i}) must be less than or equal to the number of child elements (${node.rows.length}).`);
      r.parent = node;
      node.rows.splice(i, 0, r);
      return rowFace(s, r);
    },
    removeFromParent: () => {
      s.hit('Table.removeFromParent');
      removeBlock(node);
      return face;
    },
    copy: () => (s.hit('Table.copy'), tableFace(s, cloneTable(node))),
  };
  return withNode(face, node);
}

function rowFace(s: Session, node: RowNode): GTableRow {
  const face: GTableRow = {
    getNumCells: () => (s.hit('TableRow.getNumCells'), node.cells.length),
    getCell: (i: number) => {
      s.hit('TableRow.getCell');
      if (!Number.isInteger(i) || i < 0 || i >= node.cells.length) fail(`Child index (${i}) must be less than the number of child elements (${node.cells.length}).`);
      return cellFace(s, node.cells[i]!);
    },
    copy: () => (s.hit('TableRow.copy'), rowFace(s, cloneRow(node))),
    removeFromParent: () => {
      s.hit('TableRow.removeFromParent');
      const t = node.parent;
      if (!t) fail('Element has no parent.');
      if (t!.rows.length === 1) fail("Can't remove the last row of a table; remove the table.");
      t!.rows.splice(t!.rows.indexOf(node), 1);
      node.parent = undefined;
      return face;
    },
  };
  return withNode(face, node);
}

function cellFace(s: Session, node: CellNode): GTableCell {
  return {
    ...containerMethods(s, () => node.children, 'TableCell'),
    getText: () => (s.hit('TableCell.getText'), blocksText(node.children)),
    editAsText: () => {
      s.hit('TableCell.editAsText');
      const only = node.children.length === 1 ? node.children[0]! : null;
      if (!only || only.kind === 'TABLE') fail('(fake) TableCell.editAsText is modelled only for a cell of one paragraph');
      return textFace(s, soleText(only as ParagraphNode));
    },
  };
}

function textFace(s: Session, node: TextNode): GText {
  const range = (start: number, end: number, method: string) => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= node.chars.length) {
      fail(`Invalid offsets for Text.${method}: ${start}…${end} in a text of length ${node.chars.length}.`);
    }
  };
  const face: GText = {
    getText: () => (s.hit('Text.getText'), node.chars),
    getTextAttributeIndices: () => (s.hit('Text.getTextAttributeIndices'), attributeIndices(node)),
    insertText: (offset: number, inserted: string) => {
      s.hit('Text.insertText');
      if (!Number.isInteger(offset) || offset < 0 || offset > node.chars.length) fail(`Index (${offset}) must be less than or equal to the content length (${node.chars.length}).`);
      if (typeof inserted !== 'string') fail('Invalid argument: text');
      if (/\n/.test(inserted)) fail('(fake) a newline in inserted text would start a new paragraph; Qamqor writes line breaks as \\r');
      // As in the editor: inserted text takes the attributes of the character before it (of the one after, at 0).
      const like = node.attrs[offset > 0 ? offset - 1 : 0] ?? {};
      node.chars = node.chars.slice(0, offset) + inserted + node.chars.slice(offset);
      node.attrs.splice(offset, 0, ...Array.from({ length: inserted.length }, () => like));
      return face;
    },
    deleteText: (start: number, end: number) => {
      s.hit('Text.deleteText');
      range(start, end, 'deleteText');
      node.chars = node.chars.slice(0, start) + node.chars.slice(end + 1);
      node.attrs.splice(start, end - start + 1);
      return face;
    },
    getAttributes: (offset: number) => {
      s.hit('Text.getAttributes');
      range(offset, offset, 'getAttributes');
      return { ...node.attrs[offset] };
    },
    setAttributes: (start: number, end: number, attributes: Record<string, unknown>) => {
      s.hit('Text.setAttributes');
      range(start, end, 'setAttributes');
      for (let i = start; i <= end; i++) node.attrs[i] = { ...node.attrs[i], ...(attributes as Attrs) };
      return face;
    },
  };
  return face;
}
