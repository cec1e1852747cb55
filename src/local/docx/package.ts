// A .docx as an OPC package: the zip, its XML parts parsed once, relationships, content types and media.
import PizZip from 'pizzip';
import type { Document, Element } from '@xmldom/xmldom';
import { childElements, NS, parseXml, serializeXml } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** Resolved to a part name inside the zip (no leading slash); null for an external target. */
  part: string | null;
}

function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

export class DocxPackage {
  private readonly zip: PizZip;
  private readonly xml = new Map<string, Document>();

  constructor(bytes: Uint8Array) {
    try {
      this.zip = new PizZip(bytes);
    } catch (cause) {
      throw new Error(`not a .docx (zip) file: ${(cause as Error).message}`);
    }
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  /** Parsed once and kept: edits to the returned document are written back by `toBytes`. */
  part(part: string): Document {
    let doc = this.xml.get(part);
    if (!doc) {
      const file = this.zip.file(part);
      if (!file) throw new Error(`the .docx has no part ${part}`);
      doc = parseXml(file.asText(), part);
      this.xml.set(part, doc);
    }
    return doc;
  }

  partNames(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name]!.dir);
  }

  mainDocument(): string {
    const rel = this.relationships('').find((r) => r.type === REL.officeDocument);
    if (!rel?.part) throw new Error('the .docx names no main document');
    return rel.part;
  }

  relationships(part: string): Relationship[] {
    const path = part === '' ? '_rels/.rels' : relsPathOf(part);
    if (!this.has(path)) return [];
    return childElements(this.part(path).documentElement!).map((r) => ({
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      part: r.getAttribute('TargetMode') === 'External' ? null : resolveTarget(dirOf(part), r.getAttribute('Target') ?? ''),
    }));
  }

  /** Adds a relationship from `part` to `target` (a part name) and returns its id. */
  addRelationship(part: string, type: string, target: string): string {
    const path = relsPathOf(part);
    if (!this.has(path)) {
      this.zip.file(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${NS.rels}"/>`);
    }
    const doc = this.part(path);
    const taken = new Set(childElements(doc.documentElement!).map((r) => r.getAttribute('Id')));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relationship = doc.createElementNS(NS.rels, 'Relationship');
    relationship.setAttribute('Id', id);
    relationship.setAttribute('Type', type);
    relationship.setAttribute('Target', relativeTarget(dirOf(part), target));
    doc.documentElement!.appendChild(relationship);
    return id;
  }

  /** Stores a media file under word/media with a fresh name and declares its extension's content type. */
  addMedia(bytes: Uint8Array, contentType: string): string {
    const extension = contentType === 'image/jpeg' ? 'jpeg' : 'png';
    let n = 1;
    while (this.has(`word/media/qamqor-image${n}.${extension}`)) n++;
    const name = `word/media/qamqor-image${n}.${extension}`;
    this.zip.file(name, bytes, { binary: true });
    this.declareExtension(extension, contentType);
    return name;
  }

  private declareExtension(extension: string, contentType: string): void {
    const doc = this.part('[Content_Types].xml');
    const root = doc.documentElement!;
    const known = childElements(root).some(
      (d) => d.localName === 'Default' && (d.getAttribute('Extension') ?? '').toLowerCase() === extension,
    );
    if (known) return;
    const entry = doc.createElementNS(NS.types, 'Default');
    entry.setAttribute('Extension', extension);
    entry.setAttribute('ContentType', contentType);
    root.insertBefore(entry, root.firstChild);
  }

  toBytes(): Uint8Array {
    for (const [name, doc] of this.xml) this.zip.file(name, serializeXml(doc));
    return this.zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
  }
}

function relativeTarget(fromDir: string, target: string): string {
  const prefix = fromDir ? `${fromDir}/` : '';
  return target.startsWith(prefix) ? target.slice(prefix.length) : `/${target}`;
}

/** A fresh drawing id: Word wants `wp:docPr/@id` unique across the whole document. */
export function maxDrawingId(pkg: DocxPackage, parts: string[]): number {
  let max = 0;
  for (const part of parts) {
    for (const docPr of Array.from(pkg.part(part).getElementsByTagNameNS(NS.wp, 'docPr'))) {
      const id = Number((docPr as Element).getAttribute('id'));
      if (Number.isFinite(id)) max = Math.max(max, id);
    }
  }
  return max;
}
