// The little XML an .xlsx part needs, done on strings: escaping both ways, attributes, and elements found and
// replaced in place, so that everything around them stays byte for byte what another program wrote.

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and the five entities back to text. */
export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] !== '#') return ENTITY[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Excel's `_xHHHH_` escapes (control characters, and `_x005F_` for a literal underscore) back to text. */
export function unescapeExcel(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A string as an .xlsx must spell it. XML cannot carry control characters, U+FFFE/U+FFFF or lone surrogates, and
 * a parser turns CR into LF; Excel's own escape `_xHHHH_` carries them. A literal "_x0041_" is escaped in turn,
 * or Excel would read "A".
 */
export function excelText(text: string): string {
  return escapeText(
    text
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (ch) =>
        `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
      ),
  );
}

/** The value of attribute `name` in a start tag's text, unescaped; null when absent. */
export function attr(tag: string, name: string): string | null {
  // A leading space (or the tag's own `<name`) keeps `r` from matching the end of `spans` or `numFmtId`.
  const at = tag.search(new RegExp(`\\s${name.replace(/[:]/g, '\\:')}\\s*=\\s*["']`));
  if (at < 0) return null;
  const quoteAt = tag.indexOf('=', at) + 1;
  let start = quoteAt;
  while (tag[start] === ' ') start++;
  const quote = tag[start];
  const end = tag.indexOf(quote, start + 1);
  return end < 0 ? null : unescapeXml(tag.slice(start + 1, end));
}

/** The start tag with attribute `name` set to `value` (added at the end when absent), or removed when null. */
export function withAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[:]/g, '\\:')}\\s*=\\s*("[^"]*"|'[^']*')`);
  const without = tag.replace(re, '');
  if (value === null) return without;
  const close = without.endsWith('/>') ? without.length - 2 : without.length - 1;
  return `${without.slice(0, close)} ${name}="${escapeAttr(value)}"${without.slice(close)}`;
}

/** Where an element starts and ends in `xml` (the whole `<name …>…</name>` or `<name …/>`), first from `from`. */
export function findElement(xml: string, name: string, from = 0): { start: number; end: number; openEnd: number; selfClosing: boolean } | null {
  const re = new RegExp(`<${name}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  const openEnd = xml.indexOf('>', start) + 1;
  if (openEnd === 0) return null;
  if (xml[openEnd - 2] === '/') return { start, end: openEnd, openEnd, selfClosing: true };
  const closing = `</${name}>`;
  const close = xml.indexOf(closing, openEnd);
  if (close < 0) return null;
  return { start, end: close + closing.length, openEnd, selfClosing: false };
}

/** Every element named `name` directly findable in `xml`, as text, in order (for flat lists like `<xf>`, `<col>`). */
export function elements(xml: string, name: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const found = findElement(xml, name, from);
    if (!found) return out;
    out.push(xml.slice(found.start, found.end));
    from = found.end;
  }
}

/** The text inside an element found by `findElement` (empty for a self-closing one). */
export function innerOf(xml: string, found: { end: number; openEnd: number; selfClosing: boolean }, name: string): string {
  return found.selfClosing ? '' : xml.slice(found.openEnd, found.end - name.length - 3);
}

/**
 * `xml` with the element `name` replaced by `replacement` ('' removes it), or, when absent, `replacement` inserted
 * before the first element of `after` that is present (the schema's order of the children), else before `closing`.
 */
export function putElement(xml: string, name: string, replacement: string, later: readonly string[], closing: string): string {
  const found = findElement(xml, name);
  if (found) return xml.slice(0, found.start) + replacement + xml.slice(found.end);
  if (replacement === '') return xml;
  let at = -1;
  for (const next of later) {
    const f = findElement(xml, next);
    if (f && (at < 0 || f.start < at)) at = f.start;
  }
  if (at < 0) at = xml.lastIndexOf(closing);
  return xml.slice(0, at) + replacement + xml.slice(at);
}

/** A1 column letters of a 1-based column number. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The 1-based column number of A1 letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A range such as `B2:C10` or `$A$1`, 1-based; null when it is not one. */
export function decodeRange(address: string): Rect | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return null;
  const [left, top] = [columnNumber(m[1].toUpperCase()), Number(m[2])];
  const [right, bottom] = m[3] ? [columnNumber(m[3].toUpperCase()), Number(m[4])] : [left, top];
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export function encodeRange(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetters(r.right)}${r.bottom}`;
}
