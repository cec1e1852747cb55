// XML plumbing for WordprocessingML: namespaces, parsing, serializing and a compact element factory.
// All text reaches the XML through the DOM, so escaping is the XML library's job, never ours.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

export type Prefix = keyof typeof NS;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export function parseXml(text: string, partName: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${partName}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  return doc;
}

export function serializeXml(doc: Document): string {
  const root = doc.documentElement;
  if (!root) throw new Error('empty XML document');
  return DECLARATION + new XMLSerializer().serializeToString(root);
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

/** True for a WordprocessingML element with this local name (`is(n, 'p')` for `<w:p>`), whatever prefix the file uses. */
export function isW(node: Node | null | undefined, localName: string): boolean {
  return isElement(node) && node.namespaceURI === NS.w && node.localName === localName;
}

export function childElements(parent: Node): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

export function descendantsW(root: Element | Document, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(NS.w, localName));
}

export function attrW(el: Element, localName: string): string | null {
  return el.getAttributeNS(NS.w, localName) ?? el.getAttribute(`w:${localName}`);
}

/**
 * A deep copy of an element for the same document. xmldom's own cloneNode copies every property of every node
 * generically and made repeating table rows the slowest part of rendering; elements, attributes and text are
 * copied here directly (anything else through cloneNode).
 */
export function cloneDeep<T extends Node>(node: T): T {
  const doc = node.ownerDocument!;
  const copy = (n: Node): Node => {
    if (n.nodeType === 1) {
      const e = n as Element;
      const c = doc.createElementNS(e.namespaceURI, e.tagName);
      const attributes = e.attributes;
      for (let i = 0; i < attributes.length; i++) {
        const a = attributes.item(i)!;
        c.setAttributeNS(a.namespaceURI, a.name, a.value);
      }
      for (let child = e.firstChild; child; child = child.nextSibling) c.appendChild(copy(child));
      return c;
    }
    if (n.nodeType === 3) return doc.createTextNode((n as unknown as { data: string }).data);
    return n.cloneNode(true);
  };
  return copy(node) as T;
}

export function removeNode(node: Node): void {
  node.parentNode?.removeChild(node);
}

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Element | string | null | undefined | false;

/**
 * Builds `<prefix:name attr…>children</…>`: qualified attribute names get their namespace from the prefix,
 * strings become text nodes. `el(doc, 'w:b')`, `el(doc, 'w:jc', { 'w:val': 'center' })`.
 */
export function el(doc: Document, qname: string, attrs: Attrs = {}, children: Child[] = []): Element {
  const element = doc.createElementNS(namespaceOf(qname), qname);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    const text = value === true ? 'true' : String(value);
    if (name === 'xmlns' || name.startsWith('xmlns:')) element.setAttributeNS(NS.xmlns, name, text);
    else if (name.includes(':')) element.setAttributeNS(namespaceOf(name), name, text);
    else element.setAttribute(name, text);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

function namespaceOf(qname: string): string {
  const colon = qname.indexOf(':');
  if (colon < 0) return '';
  const prefix = qname.slice(0, colon) as Prefix;
  const ns = NS[prefix];
  if (!ns) throw new Error(`unknown XML prefix in ${qname}`);
  return ns;
}

// Characters XML 1.0 cannot carry at all; a pupil's name pasted from elsewhere may hold one.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}
