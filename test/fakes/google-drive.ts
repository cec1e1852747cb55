// A fake of Google Drive behind the Drive advanced service (REST v3) under the drive.file scope: files and folders
// with parents and the trash, copy, search by query (a page at a time, only the fields asked for), a .docx converted
// into a Google Doc on upload (read with the offline .docx reader into the documents the Docs API and DocumentApp
// fakes share), a Doc exported as PDF, a file's content replaced, and the daily limit of documents created. Files a
// person made are invisible to Drive here, as under drive.file, yet the Docs API and DocumentApp open them by id.
import type { Element } from '@xmldom/xmldom';
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import type { DriveAdvanced, DriveFile, GBlob } from '../../src/apps-script/google-services';
import { DocxPackage } from '../../src/local/docx/package';
import { readDocx } from '../../src/local/docx/read';
import { attrW, childElements, isW, NS } from '../../src/local/docx/xml';
import type { Block, Section } from '../../src/reports/doc-tree';
import { CallLog } from './call-log';
import {
  A4, cloneDoc, docText, emptyDoc, NORMAL, paragraph, section, segmentId, table, type BlockNode, type DocFile, type DocModel, type DocStore,
  type InlineNode, type ParagraphStyle, type SectionNode, type TextNode, type TextStyle,
} from './google-docs';
import { applyMask, type Mask } from './field-mask';
import { parseFields } from './field-mask';
import { apiSchema, checkMessage, ParseError } from './google-schema';
import { FakeBlob, signed } from './google-utilities';

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
  /** RFC 3339, as Drive reports it: a new version on every change Drive makes. */
  modifiedTime: string;
  doc?: DocModel;
  bytes?: number[];
  appProperties?: Record<string, string>;
  /** Who else may open it, besides its owner (Drive lists the owner's permission first); a test shares a file with `share`. */
  shared?: FakePermission[];
  /** The e-mail of whoever created it. */
  owner?: string;
}

/** A Drive permission as v3 reports it. */
export interface FakePermission {
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  domain?: string;
}

/** A new Google Sheets spreadsheet: created through Drive, read and written through the Sheets fake. */
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

const apiError = (method: string, message: string): Error => new Error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${message}`);

export class FakeDrive implements DocStore {
  readonly files = new Map<string, FakeFile>();
  /** The person whose Drive this is, who owns what the script creates (fakeGoogle ties it to the state's user). */
  user: () => string = () => 'owner@school.kz';
  /** Called when a spreadsheet is created, so that the Sheets fake can serve it (fakeGoogle wires it). */
  onSpreadsheet: (file: FakeFile) => void = () => {};
  /**
   * Permissions a domain gives every new file (a Workspace whose sharing default is "anyone in the domain with the
   * link"): empty for a consumer account and most schools, where a new file is its owner's alone.
   */
  newFileSharing: FakePermission[] = [];
  /** Google Docs a person (consumer account) may create a day; 1,500 on Workspace. */
  dailyDocLimit = 250;
  private next = 1;

  constructor(
    private readonly log: CallLog,
    private readonly today: () => string,
  ) {
    this.files.set('root', { id: 'root', name: 'My Drive', mimeType: MIME.folder, parents: [], trashed: false, byApp: true, day: '', modifiedTime: '2025-01-01T00:00:00.000Z' });
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

  private changes = 0;

  /** A modified time that moves on with every change, whatever the clock says. */
  private stamp(): string {
    return `${this.today()}T00:00:00.${String(++this.changes % 1000).padStart(3, '0')}Z`;
  }

  /** Gives someone else access to a file, as a person would in Drive's share dialog. */
  share(id: string, permission: FakePermission): void {
    const file = this.files.get(id);
    if (!file) throw new Error(`no file ${id}`);
    file.shared = [...(file.shared ?? []), permission];
  }

  private add(f: Omit<FakeFile, 'id' | 'trashed' | 'day' | 'modifiedTime'>): FakeFile {
    const file: FakeFile = {
      shared: this.newFileSharing.map((p) => ({ ...p })), owner: this.user(),
      ...f, id: `file-${String(this.next++).padStart(4, '0')}-${'x'.repeat(28)}`, trashed: false, day: this.today(), modifiedTime: this.stamp(),
    };
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
      modifiedTime: f.modifiedTime,
      ...(f.appProperties ? { appProperties: { ...f.appProperties } } : {}),
      permissions: [
        { kind: 'drive#permission', id: 'owner', type: 'user', role: 'owner', emailAddress: f.owner ?? this.user() },
        ...(f.shared ?? []).map((p, i) => ({ kind: 'drive#permission', id: `p${i + 1}`, ...p })),
      ],
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
          if (mimeType === SPREADSHEET_MIME) {
            if (mediaData) throw apiError('create', '(fake) uploading a file into a spreadsheet is not modelled');
            const file = this.add({ name, mimeType, parents, byApp: true, appProperties });
            this.onSpreadsheet(file);
            return respond(file);
          }
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
        update: (resource, fileId, media, args) => {
          log.hit('Drive.Files.update');
          this.checkBody(resource, 'update');
          const file = this.visible(fileId, 'update');
          if (media) {
            // New content for a file of bytes; a Google Doc's content is not uploaded this way.
            if (file.doc || file.mimeType === MIME.folder) throw apiError('update', 'The file\'s content cannot be replaced by an upload of this type.');
            file.bytes = [...(media as FakeBlob).bytes];
            file.modifiedTime = this.stamp();
          }
          if (typeof resource.trashed === 'boolean') {
            const trashed = resource.trashed;
            file.trashed = trashed;
            // Drive trashes what a trashed folder holds.
            if (file.mimeType === MIME.folder) for (const f of this.files.values()) if (f.parents.includes(file.id)) f.trashed = trashed;
          }
          if (resource.name != null) file.name = resource.name;
          return this.respond(file, args?.fields, 'update');
        },
        export: (fileId, mimeType, args) => {
          log.hit('Drive.Files.export');
          const file = this.visible(fileId, 'export');
          // The advanced service calls the method the way that needs alt=media spelt out.
          if (args?.alt !== 'media') throw apiError('export', 'Export requires alt=media to download the exported content.');
          if (!file.doc) throw apiError('export', `Export only supports Docs Editors files.`);
          if (mimeType !== MIME.pdf) throw apiError('export', `(fake) export to ${mimeType} is not modelled`);
          return new FakeBlob(signed(Buffer.from(`%PDF-1.4 (fake)\n${docText(file.doc)}`, 'utf8')), MIME.pdf, `${file.name}.pdf`);
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
// .docx → Google Doc, as Drive converts an upload: default header and footer (each with a segment id), paragraphs and
// list items, tables, styles as the Docs API reports them (bold, italic, size; alignment, spacing; cell shading and
// alignment), page numbers as auto text, pictures and page breaks as inline elements, line breaks as vertical tabs;
// a paragraph between two tables, and after a table that ends a section or a cell.

const PICTURES = new Set(['drawing', 'pict', 'object']);

export function docFromDocx(bytes: Uint8Array): DocModel {
  const pkg = new DocxPackage(bytes);
  const { tree } = readDocx(pkg);
  const pick = (kind: 'header' | 'footer'): SectionNode | null => {
    const s = tree.sections.find((x) => x.kind === kind && x.variant === 'default');
    return s ? section(kind === 'header' ? 'HEADER_SECTION' : 'FOOTER_SECTION', docsBlocks(s.blocks.map(convertBlock)), segmentId(kind === 'header' ? 'h' : 'f')) : null;
  };
  const body = tree.sections.find((s) => s.kind === 'body') as Section<Element>;
  return {
    header: pick('header'),
    body: section('BODY_SECTION', docsBlocks(body.blocks.map(convertBlock))),
    footer: pick('footer'),
    page: pageOf(body.ref),
  };
}

/** Docs keeps a paragraph between two tables and at the end of every section and cell. */
function docsBlocks(blocks: BlockNode[]): BlockNode[] {
  const out: BlockNode[] = [];
  for (const b of blocks) {
    if (b.kind === 'TABLE' && out[out.length - 1]?.kind === 'TABLE') out.push(paragraph());
    out.push(b);
  }
  const last = out[out.length - 1];
  return !last || last.kind === 'TABLE' ? [...out, paragraph()] : out;
}

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

function convertBlock(block: Block<Element>): BlockNode {
  if (block.type === 'table') {
    return table(
      block.rows.map((r) => r.cells.map((c) => ({ blocks: docsBlocks(c.blocks.map(convertBlock)), style: cellStyle(c.ref) }))),
      block.rows.map((r) => rowStyle(r.ref)),
    );
  }
  const p = block.ref;
  const pPr = childElements(p).find((c) => isW(c, 'pPr'));
  const numPr = pPr && childElements(pPr).find((c) => isW(c, 'numPr'));
  const children: (TextNode | InlineNode)[] = [];
  let current: TextNode | null = null;
  const put = (chars: string, style: TextStyle) => {
    if (!current) {
      current = { kind: 'TEXT', chars: '', styles: [] };
      children.push(current);
    }
    current.chars += chars;
    for (let i = 0; i < chars.length; i++) current.styles.push(style);
  };
  const inline = (kind: InlineNode['kind'], style: TextStyle) => {
    children.push({ kind, style });
    current = null;
  };
  for (const run of block.runs) {
    const r = run.ref;
    const style = runStyle(r);
    if (r.parentNode && isW(r.parentNode, 'fldSimple')) {
      // A PAGE or NUMPAGES field: Docs shows the number as auto text, no characters of its own.
      if (!children.some((c, i) => c.kind === 'PAGE_NUMBER' && i === children.length - 1)) inline('PAGE_NUMBER', style);
      continue;
    }
    for (const child of childElements(r)) {
      if (child.namespaceURI !== NS.w) continue;
      const name = child.localName ?? '';
      if (name === 't') put(child.textContent ?? '', style);
      else if (name === 'tab') put('\t', style);
      else if (name === 'cr') put('\u000b', style);
      else if (name === 'br') {
        const type = attrW(child, 'type');
        if (!type || type === 'textWrapping') put('\u000b', style);
        else inline('PAGE_BREAK', style);
      } else if (name === 'noBreakHyphen') put('\u2011', style);
      else if (name === 'softHyphen') put('\u00AD', style);
      else if (PICTURES.has(name)) inline('INLINE_IMAGE', style);
    }
  }
  const bullet = numPr ? { listId: `kix.list.${attrW(childElements(numPr).find((c) => isW(c, 'numId'))!, 'val') ?? '1'}`, nestingLevel: Number(attrW(childElements(numPr).find((c) => isW(c, 'ilvl')) ?? numPr, 'val') ?? 0) || 0 } : undefined;
  return paragraph(children, paragraphStyle(pPr), bullet);
}

function paragraphStyle(pPr: Element | undefined): ParagraphStyle {
  const style: ParagraphStyle = { ...NORMAL };
  if (!pPr) return style;
  const el = (name: string) => childElements(pPr).find((c) => isW(c, name));
  const jc = el('jc') && attrW(el('jc')!, 'val');
  const align: Record<string, string> = { center: 'CENTER', right: 'END', end: 'END', both: 'JUSTIFIED', left: 'START', start: 'START' };
  if (jc && align[jc]) style.alignment = align[jc];
  const spacing = el('spacing');
  const before = spacing && Number(attrW(spacing, 'before'));
  const after = spacing && Number(attrW(spacing, 'after'));
  if (before) style.spaceAbove = pt(before / 20);
  if (after) style.spaceBelow = pt(after / 20);
  if (el('keepNext')) style.keepWithNext = true;
  return style;
}

function runStyle(r: Element): TextStyle {
  const rPr = childElements(r).find((c) => isW(c, 'rPr'));
  if (!rPr) return {};
  const on = (name: string) => {
    const e = childElements(rPr).find((c) => isW(c, name));
    return !!e && !['0', 'false'].includes(attrW(e, 'val') ?? '');
  };
  const size = childElements(rPr).find((c) => isW(c, 'sz'));
  const style: TextStyle = {};
  if (on('b')) style.bold = true;
  if (on('i')) style.italic = true;
  if (size) style.fontSize = pt(Number(attrW(size, 'val')) / 2);
  return style;
}

function rowStyle(tr: Element): docs_v1.Schema$TableRowStyle {
  const trPr = childElements(tr).find((c) => isW(c, 'trPr'));
  const el = (name: string) => trPr && childElements(trPr).find((c) => isW(c, name));
  const style: docs_v1.Schema$TableRowStyle = {};
  const height = el('trHeight');
  if (height) style.minRowHeight = pt(Number(attrW(height, 'val')) / 20);
  if (el('tblHeader')) style.tableHeader = true;
  return style;
}

function cellStyle(tc: Element): docs_v1.Schema$TableCellStyle {
  const style: docs_v1.Schema$TableCellStyle = { rowSpan: 1, columnSpan: 1 };
  const tcPr = childElements(tc).find((c) => isW(c, 'tcPr'));
  if (!tcPr) return style;
  const el = (name: string) => childElements(tcPr).find((c) => isW(c, name));
  const span = el('gridSpan') && Number(attrW(el('gridSpan')!, 'val'));
  if (span && span > 1) style.columnSpan = span;
  const fill = el('shd') && attrW(el('shd')!, 'fill');
  if (fill && /^[0-9A-Fa-f]{6}$/.test(fill)) {
    const c = (i: number) => parseInt(fill.slice(i, i + 2), 16) / 255;
    style.backgroundColor = { color: { rgbColor: { red: c(0), green: c(2), blue: c(4) } } };
  }
  const v = el('vAlign') && attrW(el('vAlign')!, 'val');
  const valign: Record<string, string> = { top: 'TOP', center: 'MIDDLE', bottom: 'BOTTOM' };
  if (v && valign[v]) style.contentAlignment = valign[v];
  return style;
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
