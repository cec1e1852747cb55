// A fake of Google Drive behind the Drive advanced service (REST v3) under the drive.file scope: files and folders
// with parents and the trash, copy, search by query (a page at a time, only the fields asked for), a .docx converted
// into a Google Doc on upload (read with the offline .docx reader into the fake DocumentApp's model), and the daily
// limit of documents created. Files a person made are invisible to Drive here, as under drive.file, yet DocumentApp
// (the documents scope) opens them by id.
import type { Element } from '@xmldom/xmldom';
import type { DriveAdvanced, DriveFile, GBlob } from '../../src/apps-script/google-services';
import { DocxPackage } from '../../src/local/docx/package';
import { readDocx } from '../../src/local/docx/read';
import { attrW, childElements, isW, NS } from '../../src/local/docx/xml';
import type { Block, Section } from '../../src/reports/doc-tree';
import { CallLog } from './call-log';
import {
  A4, cloneDoc, emptyDoc, paragraph, section, table, type Attrs, type BlockNode, type DocFile, type DocModel, type DocStore,
  type InlineNode, type SectionNode, type TextNode,
} from './google-docs';
import { applyMask, type Mask } from './field-mask';
import { parseFields } from './field-mask';
import { apiSchema, checkMessage, ParseError } from './google-schema';
import { FakeBlob } from './google-utilities';

/** What Drive v3 returns of a file, and of a list, when the request names no fields. */
const DEFAULT_FILE: Mask = new Map<string, Mask>([['kind', true], ['id', true], ['name', true], ['mimeType', true]]);
const DEFAULT_LIST: Mask = new Map<string, Mask>([['kind', true], ['incompleteSearch', true], ['nextPageToken', true], ['files', DEFAULT_FILE]]);

// The MIME types are Google's, not the fake's: one list for the renderer and its fake.
export { MIME } from '../../src/apps-script/reports/drive';
import { MIME } from '../../src/apps-script/reports/drive';

export interface FakeFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  /** Created through Drive by the script: visible under drive.file. */
  byApp: boolean;
  /** The day it was created (YYYY-MM-DD), for the daily limit. */
  day: string;
  doc?: DocModel;
  bytes?: number[];
  appProperties?: Record<string, string>;
}

const apiError = (method: string, message: string): Error => new Error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${message}`);

export class FakeDrive implements DocStore {
  readonly files = new Map<string, FakeFile>();
  /** Google Docs a person (consumer account) may create a day; 1,500 on Workspace. */
  dailyDocLimit = 250;
  private next = 1;

  constructor(
    private readonly log: CallLog,
    private readonly today: () => string,
  ) {
    this.files.set('root', { id: 'root', name: 'My Drive', mimeType: MIME.folder, parents: [], trashed: false, byApp: true, day: '' });
  }

  documentById(id: string): DocFile | null {
    const file = this.files.get(id);
    return file?.doc ? { id: file.id, name: file.name, doc: file.doc } : null;
  }

  /** A Google Doc a person made in their Drive: Qamqor's Drive calls cannot see it, DocumentApp can open it. */
  seedPersonDoc(name: string, doc: DocModel): string {
    return this.add({ name, mimeType: MIME.doc, parents: ['root'], byApp: false, doc }).id;
  }

  /** Docs the script created today, as the daily limit counts them. */
  docsCreatedToday(): number {
    const day = this.today();
    return [...this.files.values()].filter((f) => f.byApp && f.mimeType === MIME.doc && f.day === day).length;
  }

  /** Files of a folder, trashed ones included, by name. */
  inFolder(folderId: string, options: { trashed?: boolean } = {}): FakeFile[] {
    return [...this.files.values()].filter((f) => f.parents.includes(folderId) && (options.trashed === undefined || f.trashed === options.trashed));
  }

  /** A folder by its path of names from My Drive, or undefined. */
  folderAt(...names: string[]): FakeFile | undefined {
    let parent = 'root';
    let found: FakeFile | undefined;
    for (const name of names) {
      found = [...this.files.values()].find((f) => f.mimeType === MIME.folder && !f.trashed && f.name === name && f.parents.includes(parent));
      if (!found) return undefined;
      parent = found.id;
    }
    return found;
  }

  private add(f: Omit<FakeFile, 'id' | 'trashed' | 'day'>): FakeFile {
    const file: FakeFile = { ...f, id: `file-${String(this.next++).padStart(4, '0')}-${'x'.repeat(28)}`, trashed: false, day: this.today() };
    this.files.set(file.id, file);
    return file;
  }

  private visible(id: string, method: string): FakeFile {
    const file = this.files.get(id);
    if (!file || !file.byApp) throw apiError(method, `File not found: ${id}.`);
    return file;
  }

  private checkParents(parents: string[] | null | undefined, method: string): string[] {
    const list = parents && parents.length ? parents : ['root'];
    for (const p of list) if (this.visible(p, method).mimeType !== MIME.folder) throw apiError(method, `The parent ${p} is not a folder.`);
    return [...list];
  }

  private countDoc(method: string): void {
    if (this.docsCreatedToday() >= this.dailyDocLimit) throw apiError(method, 'Service invoked too many times for one day: docs create.');
  }

  private resource(f: FakeFile): DriveFile {
    return {
      kind: 'drive#file', id: f.id, name: f.name, mimeType: f.mimeType, parents: [...f.parents], trashed: f.trashed, createdTime: `${f.day || '2025-01-01'}T00:00:00.000Z`,
      ...(f.appProperties ? { appProperties: { ...f.appProperties } } : {}),
    };
  }

  /** A file as Drive v3 answers: the fields asked for, else its default four (kind, id, name, mimeType). */
  private respond(f: FakeFile, fields: string | undefined, method: string): DriveFile {
    const full = this.resource(f);
    const mask = fields === undefined ? DEFAULT_FILE : parseFields(fields, apiSchema('drive/v3'), 'File', (m) => apiError(method, m));
    return applyMask(full, mask) as DriveFile;
  }

  /** A request body Drive's parser takes: only fields a File has. */
  private checkBody(resource: DriveFile, method: string): void {
    try {
      checkMessage(apiSchema('drive/v3'), 'File', resource, '');
    } catch (e) {
      if (e instanceof ParseError) throw apiError(method, e.message);
      throw e;
    }
  }

  /**
   * files.list: the files matching `q`, a page at a time — `pageSize` of them (100 when not given, 1,000 at most),
   * with a `nextPageToken` while more remain — each with the fields `fields` asks for.
   */
  private list(args: { q: string; fields?: string; pageSize?: number; pageToken?: string }): { files?: DriveFile[]; nextPageToken?: string } {
    const match = parseQuery(args.q);
    const all = [...this.files.values()].filter((f) => f.byApp && f.id !== 'root' && match(f));
    if (args.pageSize !== undefined && (!Number.isInteger(args.pageSize) || args.pageSize < 1)) throw apiError('list', `Invalid Value: pageSize ${args.pageSize}`);
    const size = Math.min(args.pageSize ?? 100, 1000);
    let offset = 0;
    if (args.pageToken !== undefined) {
      const m = /^page:(\d+):(.*)$/s.exec(args.pageToken);
      if (!m || m[2] !== args.q) throw apiError('list', 'Invalid Value');
      offset = Number(m[1]);
    }
    const files = all.slice(offset, offset + size).map((f) => this.resource(f));
    const more = offset + size < all.length;
    const page = { kind: 'drive#fileList', incompleteSearch: false, files, ...(more ? { nextPageToken: `page:${offset + size}:${args.q}` } : {}) };
    const mask = args.fields === undefined ? DEFAULT_LIST : parseFields(args.fields, apiSchema('drive/v3'), 'FileList', (m) => apiError('list', m));
    return applyMask(page, mask) as { files?: DriveFile[]; nextPageToken?: string };
  }

  private checkTags(tags: Record<string, string> | null | undefined, method: string): Record<string, string> | undefined {
    if (!tags) return undefined;
    for (const [k, v] of Object.entries(tags)) {
      if (Buffer.byteLength(k) + Buffer.byteLength(v) > 124) throw apiError(method, `The property ${k} exceeds the maximum size of 124 bytes.`);
    }
    return { ...tags };
  }

  service(): DriveAdvanced {
    const log = this.log;
    return {
      Files: {
        create: (resource, mediaData, args) => {
          log.hit('Drive.Files.create');
          this.checkBody(resource, 'create');
          const respond = (f: FakeFile) => this.respond(f, args?.fields, 'create');
          const name = resource.name ?? 'Untitled';
          const parents = this.checkParents(resource.parents, 'create');
          const mimeType = resource.mimeType ?? mediaData?.getContentType() ?? 'application/octet-stream';
          const appProperties = this.checkTags(resource.appProperties, 'create');
          if (mimeType === MIME.folder) return respond(this.add({ name, mimeType, parents, byApp: true, appProperties }));
          const blob = mediaData as FakeBlob | undefined;
          if (mimeType === MIME.doc) {
            this.countDoc('create');
            if (blob && blob.contentType !== MIME.docx) throw apiError('create', `Conversion from ${blob.contentType} to a Google Doc is not supported.`);
            const doc = blob ? docFromDocx(blob.buffer()) : emptyDoc();
            return respond(this.add({ name, mimeType, parents, byApp: true, doc, appProperties }));
          }
          if (!blob) throw apiError('create', 'Media is required.');
          return respond(this.add({ name, mimeType, parents, byApp: true, bytes: [...blob.bytes], appProperties }));
        },
        copy: (resource, fileId, args) => {
          log.hit('Drive.Files.copy');
          this.checkBody(resource, 'copy');
          const source = this.visible(fileId, 'copy');
          if (source.mimeType === MIME.folder) throw apiError('copy', 'Folders cannot be copied.');
          const parents = resource.parents ? this.checkParents(resource.parents, 'copy') : [...source.parents];
          if (source.doc) this.countDoc('copy');
          const copy = this.add({
            name: resource.name ?? `Copy of ${source.name}`, mimeType: source.mimeType, parents, byApp: true, appProperties: this.checkTags(resource.appProperties, 'copy'),
            ...(source.doc ? { doc: cloneDoc(source.doc) } : { bytes: [...(source.bytes ?? [])] }),
          });
          return this.respond(copy, args?.fields, 'copy');
        },
        get: (fileId, args) => {
          log.hit('Drive.Files.get');
          const file = this.respond(this.visible(fileId, 'get'), args?.fields, 'get');
          log.received('Drive.Files.get', file);
          return file;
        },
        list: (args) => {
          log.hit('Drive.Files.list');
          const page = this.list(args);
          log.received('Drive.Files.list', page);
          return page;
        },
        update: (resource, fileId, _media, args) => {
          log.hit('Drive.Files.update');
          this.checkBody(resource, 'update');
          const file = this.visible(fileId, 'update');
          if (typeof resource.trashed === 'boolean') {
            const trashed = resource.trashed;
            file.trashed = trashed;
            // Drive trashes what a trashed folder holds.
            if (file.mimeType === MIME.folder) for (const f of this.files.values()) if (f.parents.includes(file.id)) f.trashed = trashed;
          }
          if (resource.name != null) file.name = resource.name;
          return this.respond(file, args?.fields, 'update');
        },
      },
    };
  }
}

/** Drive's query language, the part Qamqor writes: terms joined by `and`. */
export function parseQuery(q: string): (f: FakeFile) => boolean {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  let braces = 0;
  for (let i = 0; i < q.length; i++) {
    const ch = q[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (q[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '{') braces++;
    if (!quoted && ch === '}') braces--;
    if (!quoted && braces === 0 && q.startsWith(' and ', i)) {
      terms.push(current.trim());
      current = '';
      i += 4;
      continue;
    }
    current += ch;
  }
  if (quoted) throw apiError('list', 'Invalid Value: unterminated string in q');
  terms.push(current.trim());
  const literal = (s: string): string => s.replace(/\\(.)/g, '$1');
  const tests = terms.map((term): ((f: FakeFile) => boolean) => {
    let m: RegExpExecArray | null;
    if ((m = /^name\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(term))) {
      const name = literal(m[1]!);
      return (f) => f.name === name;
    }
    if ((m = /^mimeType\s*(=|!=)\s*'((?:[^'\\]|\\.)*)'$/.exec(term))) {
      const [op, type] = [m[1], literal(m[2]!)];
      return (f) => (op === '=' ? f.mimeType === type : f.mimeType !== type);
    }
    if ((m = /^'((?:[^'\\]|\\.)*)'\s+in\s+parents$/.exec(term))) {
      const parent = literal(m[1]!);
      return (f) => f.parents.includes(parent);
    }
    if ((m = /^appProperties\s+has\s+\{\s*key\s*=\s*'((?:[^'\\]|\\.)*)'\s+and\s+value\s*=\s*'((?:[^'\\]|\\.)*)'\s*\}$/.exec(term))) {
      const [k, v] = [literal(m[1]!), literal(m[2]!)];
      return (f) => f.appProperties?.[k] === v;
    }
    if ((m = /^trashed\s*=\s*(true|false)$/.exec(term))) {
      const trashed = m[1] === 'true';
      return (f) => f.trashed === trashed;
    }
    throw apiError('list', `Invalid Value: (fake) the query term "${term}" is not modelled`);
  });
  return (f) => tests.every((t) => t(f));
}

// ---------------------------------------------------------------------------------------------------------------
// .docx → Google Doc, as Drive converts an upload: default header and footer, paragraphs and list items, tables,
// run styles as attributes (equal neighbours merge into one run), page numbers as elements without text, pictures
// and page breaks as inline elements, a paragraph after a table that ends a section or a cell.

const PICTURES = new Set(['drawing', 'pict', 'object']);

export function docFromDocx(bytes: Uint8Array): DocModel {
  const pkg = new DocxPackage(bytes);
  const { tree } = readDocx(pkg);
  const pick = (kind: 'header' | 'footer'): SectionNode | null => {
    const s = tree.sections.find((x) => x.kind === kind && x.variant === 'default');
    return s ? section(kind === 'header' ? 'HEADER_SECTION' : 'FOOTER_SECTION', endWithParagraph(s.blocks.map(convertBlock))) : null;
  };
  const body = tree.sections.find((s) => s.kind === 'body') as Section<Element>;
  return {
    header: pick('header'),
    body: section('BODY_SECTION', endWithParagraph(body.blocks.map(convertBlock))),
    footer: pick('footer'),
    page: pageOf(body.ref),
  };
}

function endWithParagraph(blocks: BlockNode[]): BlockNode[] {
  const last = blocks[blocks.length - 1];
  return !last || last.kind === 'TABLE' ? [...blocks, paragraph()] : blocks;
}

function convertBlock(block: Block<Element>): BlockNode {
  if (block.type === 'table') return table(block.rows.map((r) => r.cells.map((c) => endWithParagraph(c.blocks.map(convertBlock)))));
  const p = block.ref;
  const pPr = childElements(p).find((c) => isW(c, 'pPr'));
  const list = !!pPr && childElements(pPr).some((c) => isW(c, 'numPr'));
  const children: (TextNode | InlineNode)[] = [];
  let current: TextNode | null = null;
  const put = (chars: string, attrs: Attrs) => {
    if (!current) {
      current = { kind: 'TEXT', chars: '', attrs: [] };
      children.push(current);
    }
    current.chars += chars;
    for (let i = 0; i < chars.length; i++) current.attrs.push(attrs);
  };
  const inline = (kind: InlineNode['kind']) => {
    children.push({ kind });
    current = null;
  };
  for (const run of block.runs) {
    const r = run.ref;
    if (r.parentNode && isW(r.parentNode, 'fldSimple')) {
      // A PAGE or NUMPAGES field: Docs shows the number, DocumentApp reads no text from it.
      if (!children.some((c, i) => c.kind === 'UNSUPPORTED' && i === children.length - 1)) inline('UNSUPPORTED');
      continue;
    }
    const attrs = runAttrs(r);
    for (const child of childElements(r)) {
      if (child.namespaceURI !== NS.w) continue;
      const name = child.localName ?? '';
      if (name === 't') put(child.textContent ?? '', attrs);
      else if (name === 'tab') put('\t', attrs);
      else if (name === 'cr') put('\r', attrs);
      else if (name === 'br') {
        const type = attrW(child, 'type');
        if (!type || type === 'textWrapping') put('\r', attrs);
        else inline('PAGE_BREAK');
      } else if (name === 'noBreakHyphen') put('\u2011', attrs);
      else if (name === 'softHyphen') put('\u00AD', attrs);
      else if (PICTURES.has(name)) inline('INLINE_IMAGE');
    }
  }
  return paragraph(children, list ? 'LIST_ITEM' : 'PARAGRAPH', { STYLE: pPr ? pPr.toString() : '' });
}

function runAttrs(r: Element): Attrs {
  const rPr = childElements(r).find((c) => isW(c, 'rPr'));
  if (!rPr) return {};
  const on = (name: string) => {
    const e = childElements(rPr).find((c) => isW(c, name));
    return !!e && !['0', 'false'].includes(attrW(e, 'val') ?? '');
  };
  const size = childElements(rPr).find((c) => isW(c, 'sz'));
  const attrs: Record<string, string | number | boolean> = {};
  if (on('b')) attrs.BOLD = true;
  if (on('i')) attrs.ITALIC = true;
  if (size) attrs.FONT_SIZE = Number(attrW(size, 'val')) / 2;
  return attrs;
}

function pageOf(body: Element): DocModel['page'] {
  const sectPr = childElements(body).find((c) => isW(c, 'sectPr'));
  const size = sectPr && childElements(sectPr).find((c) => isW(c, 'pgSz'));
  const margins = sectPr && childElements(sectPr).find((c) => isW(c, 'pgMar'));
  const pt = (el: Element | undefined, name: string, fallback: number) => {
    const v = el ? Number(attrW(el, name)) : NaN;
    return Number.isFinite(v) ? v / 20 : fallback;
  };
  return {
    width: pt(size, 'w', A4.width), height: pt(size, 'h', A4.height),
    top: pt(margins, 'top', A4.top), bottom: pt(margins, 'bottom', A4.bottom), left: pt(margins, 'left', A4.left), right: pt(margins, 'right', A4.right),
  };
}

/** A Blob of a .docx, as the renderer uploads a default template. */
export function docxBlob(bytes: Uint8Array, name: string): GBlob {
  return new FakeBlob(Array.from(bytes, (b) => (b > 127 ? b - 256 : b)), MIME.docx, name);
}
