// Google Docs documents as the fakes keep them, and a fake of DocumentApp over them. A document is a tree of elements
// (body, default header and footer, paragraphs and list items, tables, rows, cells; text with a style per character;
// pictures, page breaks, page numbers, footnote marks) whose styles are the Docs API's own objects, so the Docs API
// fake (google-docs-api.ts) reads and edits the same documents. DocumentApp is modelled where Qamqor uses it — pictures
// into a filled copy, a person's template imported into a Doc of Qamqor's — behind Apps Script's faces, with Google's
// rules as Qamqor meets them: getChild returns an Element to be cast, the last paragraph of a section cannot be
// removed, an element must be detached before it is appended, a closed document refuses every call. Every call is
// counted by class and method.
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import type {
  DocumentAppLike, GBlob, GBody, GContainer, GDocument, GElement, GInlineImage, GParagraph, GSection, GTable,
} from '../../src/apps-script/google-services';
import { CallLog } from './call-log';
import { FakeBlob } from './google-utilities';

export type TextStyle = docs_v1.Schema$TextStyle;
export type ParagraphStyle = docs_v1.Schema$ParagraphStyle;

export interface TextNode {
  kind: 'TEXT';
  chars: string;
  /** One style per character (UTF-16 code unit); equal neighbours make one run. */
  styles: TextStyle[];
  parent?: ParagraphNode;
}

export interface InlineNode {
  kind: 'INLINE_IMAGE' | 'PAGE_BREAK' | 'HORIZONTAL_RULE' | 'FOOTNOTE' | 'PAGE_NUMBER';
  image?: { bytes: number[]; contentType: string; width: number; height: number };
  footnote?: { id: string; text: string };
  style?: TextStyle;
  parent?: ParagraphNode;
}

export interface ParagraphNode {
  kind: 'PARAGRAPH' | 'LIST_ITEM';
  style: ParagraphStyle;
  /** A list item's list. */
  bullet?: docs_v1.Schema$Bullet;
  /** The style of the paragraph's own newline. */
  endStyle?: TextStyle;
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
  style: docs_v1.Schema$TableRowStyle;
  cells: CellNode[];
  parent?: TableNode;
}

export interface CellNode {
  kind: 'TABLE_CELL';
  style: docs_v1.Schema$TableCellStyle;
  children: BlockNode[];
  parent?: RowNode;
}

export type BlockNode = ParagraphNode | TableNode;

export interface SectionNode {
  kind: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
  /** A header's or footer's id, as the Docs API names its segment (a Drive copy keeps it). */
  id: string;
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
  FOOTNOTE: 'FOOTNOTE', PAGE_NUMBER: 'UNSUPPORTED',
} as const;

/** A new paragraph's style, as Docs gives one. */
export const NORMAL: ParagraphStyle = { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' };

let segments = 0;
/** A new header's or footer's id, Docs-like. */
export const segmentId = (kind: 'h' | 'f'): string => `kix.${kind}${(++segments).toString(36).padStart(6, '0')}`;

// ---------------------------------------------------------------------------------------------------------------
// Building and copying documents (for the Drive fake's conversion, the Docs API fake and tests)

export function text(chars: string, style: TextStyle = {}): TextNode {
  return { kind: 'TEXT', chars, styles: Array.from({ length: chars.length }, () => style) };
}

export function paragraph(children: (TextNode | InlineNode)[] = [], style: ParagraphStyle = NORMAL, bullet?: docs_v1.Schema$Bullet): ParagraphNode {
  const p: ParagraphNode = { kind: bullet ? 'LIST_ITEM' : 'PARAGRAPH', style, children };
  if (bullet) p.bullet = bullet;
  for (const c of children) c.parent = p;
  return p;
}

export interface CellSpec {
  blocks: BlockNode[];
  style?: docs_v1.Schema$TableCellStyle;
}

/** Rows of cells; a cell is its blocks, or its blocks and style. */
export function table(rows: (BlockNode[] | CellSpec)[][], rowStyles: docs_v1.Schema$TableRowStyle[] = []): TableNode {
  const t: TableNode = { kind: 'TABLE', rows: [] };
  rows.forEach((cells, r) => {
    const row: RowNode = { kind: 'TABLE_ROW', style: rowStyles[r] ?? {}, cells: [], parent: t };
    for (const spec of cells) {
      const { blocks, style } = Array.isArray(spec) ? { blocks: spec, style: undefined } : spec;
      const cell: CellNode = { kind: 'TABLE_CELL', style: style ?? { rowSpan: 1, columnSpan: 1 }, children: blocks, parent: row };
      for (const b of blocks) b.parent = cell;
      row.cells.push(cell);
    }
    t.rows.push(row);
  });
  return t;
}

export function section(kind: SectionNode['kind'], children: BlockNode[], id = ''): SectionNode {
  const s: SectionNode = { kind, id, children };
  for (const c of children) c.parent = s;
  return s;
}

/** A new Google Doc: a body holding one empty paragraph, as Docs makes one. */
export function emptyDoc(): DocModel {
  return { body: section('BODY_SECTION', [paragraph()]), header: null, footer: null, page: { ...A4 } };
}

/** A copy of a document, as Drive makes one: same content, same header and footer ids. */
export function cloneDoc(doc: DocModel): DocModel {
  const copy = (s: SectionNode) => section(s.kind, s.children.map(cloneBlock), s.id);
  return { body: copy(doc.body), header: doc.header && copy(doc.header), footer: doc.footer && copy(doc.footer), page: { ...doc.page } };
}

function cloneBlock(b: BlockNode): BlockNode {
  return b.kind === 'TABLE' ? cloneTable(b) : cloneParagraph(b);
}

function cloneParagraph(p: ParagraphNode): ParagraphNode {
  const children = p.children.map((c): TextNode | InlineNode =>
    c.kind === 'TEXT' ? { kind: 'TEXT', chars: c.chars, styles: [...c.styles] } : { ...c, parent: undefined },
  );
  const out = paragraph(children, p.style, p.bullet);
  if (p.endStyle) out.endStyle = p.endStyle;
  return out;
}

function cloneTable(t: TableNode): TableNode {
  return table(
    t.rows.map((r) => r.cells.map((c) => ({ blocks: c.children.map(cloneBlock), style: c.style }))),
    t.rows.map((r) => r.style),
  );
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

/** Every Text of a document in reading order, for tests that look at styles. */
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

/** Every paragraph and list item of a section's blocks, tables' included, in reading order. */
export function paragraphsOf(blocks: BlockNode[]): ParagraphNode[] {
  return blocks.flatMap((b) => (b.kind === 'TABLE' ? b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphsOf(c.children))) : [b]));
}

/** A PNG's size from its IHDR chunk: a picture comes into a document at its own size in pixels. */
export function pngSize(bytes: readonly number[]): { width: number; height: number } | null {
  const b = bytes.map((x) => x & 255);
  if (b.length < 24 || b[12] !== 0x49 || b[13] !== 0x48 || b[14] !== 0x44 || b[15] !== 0x52) return null;
  const int = (at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
  return { width: int(16), height: int(20) };
}

// ---------------------------------------------------------------------------------------------------------------
// DocumentApp

export interface DocFile {
  id: string;
  name: string;
  doc: DocModel;
}

/** What the Drive fake lends DocumentApp and the Docs API: documents by id (any the person may open, whatever Drive's scope). */
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
    getName: () => (s.hit('Document.getName'), s.file.name),
    getBody: () => (s.hit('Document.getBody'), bodyFace(s, doc)),
    getHeader: () => (s.hit('Document.getHeader'), doc.header ? sectionFace(s, doc.header, 'HeaderSection') : null),
    getFooter: () => (s.hit('Document.getFooter'), doc.footer ? sectionFace(s, doc.footer, 'FooterSection') : null),
    addHeader: () => {
      s.hit('Document.addHeader');
      if (doc.header) fail('Document tab already contains a header.');
      doc.header = section('HEADER_SECTION', [paragraph()], segmentId('h'));
      return sectionFace(s, doc.header, 'HeaderSection');
    },
    addFooter: () => {
      s.hit('Document.addFooter');
      if (doc.footer) fail('Document tab already contains a footer.');
      doc.footer = section('FOOTER_SECTION', [paragraph()], segmentId('f'));
      return sectionFace(s, doc.footer, 'FooterSection');
    },
    saveAndClose: () => {
      s.hit('Document.saveAndClose');
      s.closed = true;
    },
  };
}

/** getChild's result: an Element that must be cast before anything but its type is asked. */
function elementFace(s: Session, node: BlockNode): GElement {
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

function appendBlock(s: Session, container: SectionNode, cls: string, method: string, node: BlockNode, kind: BlockNode['kind']): BlockNode {
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
    getParagraphs: () => (s.hit(`${cls}.getParagraphs`), paragraphsOf(node.children).map((p) => paragraphFace(s, p))),
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
  list.splice(index, 1);
  node.parent = undefined;
}

function paragraphFace(s: Session, node: ParagraphNode): GParagraph {
  const cls = node.kind === 'LIST_ITEM' ? 'ListItem' : 'Paragraph';
  const face: GParagraph = {
    appendInlineImage: (blob: GBlob) => {
      s.hit(`${cls}.appendInlineImage`);
      const b = blob as FakeBlob;
      if (!(b instanceof FakeBlob) || !/^image\//.test(b.getContentType() ?? '')) fail('Invalid image data.');
      const size = pngSize(b.bytes) ?? { width: 100, height: 100 };
      const image: InlineNode = { kind: 'INLINE_IMAGE', image: { bytes: [...b.bytes], contentType: b.contentType, ...size }, parent: node };
      node.children.push(image);
      return imageFace(s, image);
    },
    removeFromParent: () => {
      s.hit(`${cls}.removeFromParent`);
      removeBlock(node);
      return face;
    },
    copy: () => (s.hit(`${cls}.copy`), paragraphFace(s, cloneParagraph(node))),
  };
  return withNode(face, node);
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
  return withNode({ copy: () => (s.hit('Table.copy'), tableFace(s, cloneTable(node))) }, node);
}
