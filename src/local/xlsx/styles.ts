// The workbook's cell styles (xl/styles.xml): which style shows a date, and new styles made from a cell's own
// (the same font, fill and borders with a date or text format, a bold wrapped header, a cell left unlocked under
// the sheet's protection), appended, never edited; a style asked for twice is the same index.
import { attr, elements, escapeAttr, findElement, innerOf, putElement, withAttr } from './xml';

export const DATE_FORMAT = 'dd.mm.yyyy';
const TEXT_FORMAT_ID = 49;
const GENERAL_FORMAT_ID = 0;
/** Built-in number formats that show a date or a time (ECMA-376 18.8.30; 27–36 and 50–58 in East Asian locales). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** What a new style changes of the one it is made from. */
export interface StyleChange {
  /** A number format code; null for General. */
  numFmt?: string | null;
  /** Bold, wrapped, vertically centred on a light fill: a header cell (locked). */
  header?: boolean;
  /** Centred across the cell: a tick, a letter. */
  center?: boolean;
  /** Whether the cell is locked when the sheet is protected (every cell is, unless its style says otherwise). */
  locked?: boolean;
}

export class Styles {
  private readonly formats = new Map<number, string>();
  private readonly xfs: string[];
  private readonly fonts: string[];
  private readonly fills: string[];
  private readonly dates: boolean[];
  private readonly made = new Map<string, number>();
  /** Each style's text → its first index: a variant equal to a style the file has is that style. */
  private readonly known = new Map<string, number>();
  private addedFormats: { id: number; code: string }[] = [];
  private addedFonts = 0;
  private addedFills = 0;
  private addedXfs = 0;

  constructor(private readonly xml: string) {
    for (const f of elements(section(xml, 'numFmts'), 'numFmt')) {
      const id = Number(attr(f, 'numFmtId'));
      if (Number.isInteger(id)) this.formats.set(id, attr(f, 'formatCode') ?? '');
    }
    this.xfs = elements(section(xml, 'cellXfs'), 'xf');
    this.fonts = elements(section(xml, 'fonts'), 'font');
    this.fills = elements(section(xml, 'fills'), 'fill');
    this.dates = this.xfs.map((xf) => this.isDateFormat(Number(attr(xf, 'numFmtId') ?? 0)));
    this.xfs.forEach((xf, i) => {
      if (!this.known.has(canonical(xf))) this.known.set(canonical(xf), i);
    });
  }

  get changed(): boolean {
    return this.addedXfs > 0;
  }

  /** Whether a cell of style `s` shows its number as a date. */
  isDate(s: number): boolean {
    return this.dates[s] === true;
  }

  /** Per style index, whether it shows a date: the sheet reader's lookup table. */
  dateTable(): readonly boolean[] {
    return this.dates;
  }

  /** The style of a cell of style `s` changed by `change`; the same request gives the same index. */
  variant(s: number, change: StyleChange): number {
    const base = s >= 0 && s < this.xfs.length ? s : 0;
    const key = `${base}|${change.numFmt === undefined ? '~' : change.numFmt}|${change.header ? 1 : 0}|${change.locked ?? '~'}|${change.center ? 1 : 0}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const from = this.xfs[base] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const close = from.indexOf('>') + 1;
    let open = from.slice(0, close);
    let body = from.endsWith('/>') ? '' : from.slice(close, from.length - '</xf>'.length);
    if (change.numFmt !== undefined) {
      open = withAttr(withAttr(open, 'numFmtId', String(this.formatId(change.numFmt))), 'applyNumberFormat', '1');
    }
    if (change.header) {
      open = withAttr(withAttr(open, 'fontId', String(this.boldFont(Number(attr(open, 'fontId') ?? 0)))), 'applyFont', '1');
      // A cell the school filled (a colour of its own) keeps its fill.
      if (Number(attr(open, 'fillId') ?? 0) === 0) open = withAttr(withAttr(open, 'fillId', String(this.headerFill())), 'applyFill', '1');
    }
    if (change.header || change.center) {
      open = withAttr(open, 'applyAlignment', '1');
      const alignment = findElement(body, 'alignment');
      let tag = (alignment ? body.slice(alignment.start, alignment.openEnd) : '<alignment/>').replace(/\/?>$/, '/>');
      if (change.header) tag = withAttr(withAttr(tag, 'wrapText', '1'), 'vertical', 'center');
      if (change.center) tag = withAttr(tag, 'horizontal', 'center');
      body = alignment ? body.slice(0, alignment.start) + tag + body.slice(alignment.end) : tag + body;
    }
    const locked = change.header ? true : change.locked;
    if (locked !== undefined) {
      // <protection> comes after <alignment> and before <extLst>; its `hidden` (formula hiding) is kept.
      const protection = findElement(body, 'protection');
      const tag = withAttr(protection ? body.slice(protection.start, protection.openEnd).replace(/\/?>$/, '/>') : '<protection/>', 'locked', locked ? null : '0');
      const kept = tag === '<protection/>' ? '' : tag;
      if (protection) body = body.slice(0, protection.start) + kept + body.slice(protection.end);
      else {
        const alignment = findElement(body, 'alignment');
        const at = alignment ? alignment.end : 0;
        body = body.slice(0, at) + kept + body.slice(at);
      }
      open = withAttr(open, 'applyProtection', '1');
    }
    if (open.endsWith('/>')) open = `${open.slice(0, -2)}>`;
    const xf = body === '' ? `${open.slice(0, -1)}/>` : `${open}${body}</xf>`;
    const same = this.known.get(canonical(xf));
    if (same !== undefined) {
      this.made.set(key, same);
      return same;
    }
    const index = this.xfs.length;
    this.xfs.push(xf);
    this.known.set(canonical(xf), index);
    this.dates.push(this.isDateFormat(Number(attr(open, 'numFmtId') ?? 0)));
    this.addedXfs++;
    this.made.set(key, index);
    return index;
  }

  /** styles.xml with the new formats, fonts and styles appended; the rest as it was. */
  toXml(): string {
    let xml = this.xml;
    if (this.addedFormats.length > 0) {
      const added = this.addedFormats.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`).join('');
      const found = findElement(xml, 'numFmts');
      const list = elements(found ? innerOf(xml, found, 'numFmts') : '', 'numFmt').join('') + added;
      xml = putElement(xml, 'numFmts', `<numFmts count="${this.formats.size}">${list}</numFmts>`, ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'], '</styleSheet>');
    }
    if (this.addedFonts > 0) xml = replaceList(xml, 'fonts', 'font', this.fonts);
    if (this.addedFills > 0) xml = replaceList(xml, 'fills', 'fill', this.fills);
    if (this.addedXfs > 0) xml = replaceList(xml, 'cellXfs', 'xf', this.xfs);
    return xml;
  }

  private formatId(code: string | null): number {
    if (code === null) return GENERAL_FORMAT_ID;
    if (code === '@') return TEXT_FORMAT_ID;
    for (const [id, known] of this.formats) if (known === code) return id;
    // Custom formats are numbered from 164 on.
    const id = Math.max(163, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.addedFormats.push({ id, code });
    return id;
  }

  private boldFont(fontId: number): number {
    const font = this.fonts[fontId] ?? this.fonts[0] ?? '<font/>';
    if (/<b(\s*\/>|\s+val="(1|true)")/.test(font)) return fontId;
    const bold = font.endsWith('/>') ? `${font.slice(0, -2)}><b/></font>` : font.replace(/^(<font[^>]*>)/, '$1<b/>');
    const existing = this.fonts.indexOf(bold);
    if (existing >= 0) return existing;
    this.fonts.push(bold);
    this.addedFonts++;
    return this.fonts.length - 1;
  }

  /** A light blue-grey fill, as Excel's tables head their columns: the row a teacher cannot type in looks it. */
  private headerFill(): number {
    const fill = '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>';
    const existing = this.fills.indexOf(fill);
    if (existing >= 0) return existing;
    this.fills.push(fill);
    this.addedFills++;
    return this.fills.length - 1;
  }

  private isDateFormat(id: number): boolean {
    if (BUILT_IN_DATES.has(id)) return true;
    const code = this.formats.get(id);
    if (!code) return false;
    // A date code names a day, month, year or hour outside quoted text and [colour]/[locale] brackets.
    return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/General/gi, ''));
  }
}

/** A style's text with its attributes in one order, in its tag and its children's: two equal styles compare equal. */
function canonical(xf: string): string {
  return xf.replace(/<([\w:]+)((?:\s+[\w:]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g, (_, name: string, attrs: string, slash: string) => {
    const sorted = (attrs.match(/[\w:]+\s*=\s*(?:"[^"]*"|'[^']*')/g) ?? []).map((a) => a.replace(/\s*=\s*/, '=').replace(/'/g, '"')).sort();
    return `<${name}${sorted.map((a) => ` ${a}`).join('')}${slash}>`;
  }).replace(/<(\w+)([^>]*)><\/\1>/g, '<$1$2/>');
}

function section(xml: string, name: string): string {
  const found = findElement(xml, name);
  return found ? innerOf(xml, found, name) : '';
}

function replaceList(xml: string, name: string, _child: string, items: readonly string[]): string {
  const found = findElement(xml, name);
  if (!found) return xml;
  const open = withAttr(xml.slice(found.start, found.openEnd).replace(/\/>$/, '>'), 'count', String(items.length));
  return `${xml.slice(0, found.start)}${open}${items.join('')}</${name}>${xml.slice(found.end)}`;
}
