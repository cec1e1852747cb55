// Creates simple .docx files from code: how the default report templates (Kazakh and Russian) are generated.
// A4, official-letter margins, Times New Roman; paragraphs, headings, bordered tables, a header and a footer.
import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import PizZip from 'pizzip';
import { longestUnbreakablePt } from './measure';
import { el, NS, serializeXml } from './xml';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
}

/** A piece of a paragraph: plain text, styled text, or a page-number field. */
export type Inline = string | ({ text: string } & TextStyle) | { field: 'PAGE' | 'NUMPAGES' };
export type Content = string | Inline[];

export interface ParagraphOptions extends TextStyle {
  align?: Align;
  /** Points. */
  spaceBefore?: number;
  /** Points. */
  spaceAfter?: number;
  /** Centimetres, the red line of Kazakh and Russian official texts. */
  firstLineIndent?: number;
  keepWithNext?: boolean;
  /** Tab stops, millimetres from the left margin: a signature line lays out role, line and name with them. */
  tabs?: { at: number; align?: 'left' | 'center' | 'right' }[];
}

interface CellOptions {
  align?: Align;
  /** Columns this cell spans. */
  span?: number;
  bold?: boolean;
}

/** A cell: its content, or an object with the content (or several paragraphs) and options. */
export type CellSpec = Content | ({ content: Content } & CellOptions) | ({ paragraphs: Content[] } & CellOptions);

export interface TableOptions {
  /** First row bold, shaded and repeated at the top of every page. */
  header?: boolean;
  /** Relative column widths; equal when omitted. */
  widths?: number[];
  /** Per-column alignment. */
  align?: (Align | undefined)[];
  borders?: boolean;
  /** Keeps a small table on one page (every row but the last keeps with the next), as Word reads it. */
  keepTogether?: boolean;
  /** Points, for every cell. */
  size?: number;
}

export interface PageOptions {
  font?: string;
  /** Points. */
  size?: number;
  /** Proofing language, e.g. `kk-KZ`, `ru-RU`. */
  lang?: string;
  /** Millimetres; default 20 top and bottom, 30 left, 15 right. */
  margins?: Partial<Record<'top' | 'right' | 'bottom' | 'left', number>>;
  landscape?: boolean;
}

const TWIPS_PER_MM = 1440 / 25.4;
const BUILD_DATE = new Date(2025, 0, 1);
const A4 = { width: 11906, height: 16838 };
const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };
const DECLARED = { 'xmlns:w': NS.w, 'xmlns:r': NS.r, 'xmlns:wp': NS.wp, 'xmlns:a': NS.a, 'xmlns:pic': NS.pic };

type Make = (doc: Document) => Element;

export class DocxBuilder {
  private readonly body: Make[] = [];
  private readonly headerParagraphs: Make[] = [];
  private readonly footerParagraphs: Make[] = [];
  private readonly page: Required<Omit<PageOptions, 'margins'>> & { margins: Record<'top' | 'right' | 'bottom' | 'left', number> };

  constructor(options: PageOptions = {}) {
    this.page = {
      font: options.font ?? 'Times New Roman',
      size: options.size ?? 12,
      lang: options.lang ?? 'ru-RU',
      landscape: options.landscape ?? false,
      margins: { top: 20, bottom: 20, left: 30, right: 15, ...options.margins },
    };
  }

  heading(content: Content, options: ParagraphOptions & { level?: 1 | 2 } = {}): this {
    const { level = 1, ...rest } = options;
    return this.paragraph(content, {
      bold: true, align: level === 1 ? 'center' : 'left', size: level === 1 ? 14 : this.page.size,
      spaceBefore: level === 1 ? 0 : 6, spaceAfter: 12, keepWithNext: true, ...rest,
    });
  }

  paragraph(content: Content, options: ParagraphOptions = {}): this {
    this.body.push((doc) => paragraph(doc, content, { spaceAfter: 6, ...options }));
    return this;
  }

  pageBreak(): this {
    this.body.push((doc) => el(doc, 'w:p', {}, [el(doc, 'w:r', {}, [el(doc, 'w:br', { 'w:type': 'page' })])]));
    return this;
  }

  table(rows: CellSpec[][], options: TableOptions = {}): this {
    this.body.push((doc) => this.makeTable(doc, rows, options));
    return this;
  }

  /** Adds a paragraph to the page header (every page). */
  header(content: Content, options: ParagraphOptions = {}): this {
    this.headerParagraphs.push((doc) => paragraph(doc, content, { size: 10, ...options }));
    return this;
  }

  /** Adds a paragraph to the page footer (every page); `{ field: 'PAGE' }` in the content is the page number. */
  footer(content: Content, options: ParagraphOptions = {}): this {
    this.footerParagraphs.push((doc) => paragraph(doc, content, { size: 10, ...options }));
    return this;
  }

  build(): Uint8Array {
    const zip = new PizZip();
    const hasHeader = this.headerParagraphs.length > 0;
    const hasFooter = this.footerParagraphs.length > 0;

    // A fixed date on every entry: the same template builds to the same bytes, so committed templates do not churn.
    const add = (name: string, text: string) => zip.file(name, text, { date: BUILD_DATE });
    add('[Content_Types].xml', contentTypes(hasHeader, hasFooter));
    add('_rels/.rels', PACKAGE_RELS);
    add('word/_rels/document.xml.rels', documentRels(hasHeader, hasFooter));
    add('word/styles.xml', serializeXml(this.styles()));
    add('word/settings.xml', SETTINGS);
    add('word/document.xml', serializeXml(this.document(hasHeader, hasFooter)));
    if (hasHeader) add('word/header1.xml', serializeXml(part('w:hdr', this.headerParagraphs)));
    if (hasFooter) add('word/footer1.xml', serializeXml(part('w:ftr', this.footerParagraphs)));
    return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
  }

  private textWidth(): number {
    const width = this.page.landscape ? A4.height : A4.width;
    return Math.round(width - (this.page.margins.left + this.page.margins.right) * TWIPS_PER_MM);
  }

  private document(hasHeader: boolean, hasFooter: boolean): Document {
    const doc = newDocument('w:document');
    const body = el(doc, 'w:body');
    doc.documentElement!.appendChild(body);
    for (const make of this.body) body.appendChild(make(doc));
    const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
    const { width, height } = this.page.landscape ? { width: A4.height, height: A4.width } : A4;
    body.appendChild(
      el(doc, 'w:sectPr', {}, [
        hasHeader && el(doc, 'w:headerReference', { 'w:type': 'default', 'r:id': 'rIdHeader1' }),
        hasFooter && el(doc, 'w:footerReference', { 'w:type': 'default', 'r:id': 'rIdFooter1' }),
        el(doc, 'w:pgSz', { 'w:w': width, 'w:h': height, 'w:orient': this.page.landscape ? 'landscape' : undefined }),
        el(doc, 'w:pgMar', {
          'w:top': twips(this.page.margins.top), 'w:right': twips(this.page.margins.right),
          'w:bottom': twips(this.page.margins.bottom), 'w:left': twips(this.page.margins.left),
          'w:header': 709, 'w:footer': 709, 'w:gutter': 0,
        }),
        el(doc, 'w:cols', { 'w:space': 708 }),
        el(doc, 'w:docGrid', { 'w:linePitch': 360 }),
      ]),
    );
    return doc;
  }

  private makeTable(doc: Document, rows: CellSpec[][], options: TableOptions): Element {
    const columns = Math.max(1, ...rows.map((row) => row.reduce((n, cell) => n + spanOf(cell), 0)));
    const weights = options.widths && options.widths.length === columns ? options.widths : Array<number>(columns).fill(1);
    const total = weights.reduce((a, b) => a + b, 0);
    let grid = weights.map((w) => Math.floor((this.textWidth() * w) / total));
    if (options.header && rows[0]) grid = fitHeaderWords(grid, rows[0], options.size ?? this.page.size);
    const border = (side: string) => el(doc, `w:${side}`, { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': '000000' });
    const table = el(doc, 'w:tbl', {}, [
      el(doc, 'w:tblPr', {}, [
        el(doc, 'w:tblW', { 'w:w': grid.reduce((a, b) => a + b, 0), 'w:type': 'dxa' }),
        options.borders !== false &&
          el(doc, 'w:tblBorders', {}, ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border)),
        el(doc, 'w:tblLayout', { 'w:type': 'fixed' }),
        el(doc, 'w:tblCellMar', {}, [el(doc, 'w:left', { 'w:w': 85, 'w:type': 'dxa' }), el(doc, 'w:right', { 'w:w': 85, 'w:type': 'dxa' })]),
        el(doc, 'w:tblLook', { 'w:val': '04A0', 'w:firstRow': options.header ? 1 : 0, 'w:lastRow': 0, 'w:firstColumn': 0, 'w:lastColumn': 0, 'w:noHBand': 1, 'w:noVBand': 1 }),
      ]),
      el(doc, 'w:tblGrid', {}, grid.map((w) => el(doc, 'w:gridCol', { 'w:w': w }))),
    ]);
    rows.forEach((row, r) => {
      const isHeader = options.header === true && r === 0;
      const keepWithNext = options.keepTogether === true && r < rows.length - 1;
      const tr = el(doc, 'w:tr', {}, [
        el(doc, 'w:trPr', {}, [el(doc, 'w:cantSplit'), isHeader && el(doc, 'w:tblHeader')]),
      ]);
      let column = 0;
      for (const spec of row) {
        const span = spanOf(spec);
        const width = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
        const cell = typeof spec === 'object' && !Array.isArray(spec) ? spec : { content: spec };
        const paragraphs: Content[] = 'paragraphs' in cell ? cell.paragraphs : [cell.content];
        const align = cell.align ?? options.align?.[column] ?? (isHeader ? 'center' : 'left');
        const bold = cell.bold ?? isHeader;
        tr.appendChild(
          el(doc, 'w:tc', {}, [
            el(doc, 'w:tcPr', {}, [
              el(doc, 'w:tcW', { 'w:w': width, 'w:type': 'dxa' }),
              span > 1 && el(doc, 'w:gridSpan', { 'w:val': span }),
              isHeader && el(doc, 'w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': 'E7E6E6' }),
              el(doc, 'w:vAlign', { 'w:val': isHeader ? 'center' : 'top' }),
            ]),
            ...paragraphs.map((content) =>
              paragraph(doc, content, { align, bold, spaceAfter: 0, keepWithNext, ...(options.size ? { size: options.size } : {}) }),
            ),
          ]),
        );
        column += span;
      }
      table.appendChild(tr);
    });
    return table;
  }

  private styles(): Document {
    const doc = newDocument('w:styles');
    const size = Math.round(this.page.size * 2);
    const font = this.page.font;
    const root = doc.documentElement!;
    root.appendChild(
      el(doc, 'w:docDefaults', {}, [
        el(doc, 'w:rPrDefault', {}, [
          el(doc, 'w:rPr', {}, [
            el(doc, 'w:rFonts', { 'w:ascii': font, 'w:hAnsi': font, 'w:eastAsia': font, 'w:cs': font }),
            el(doc, 'w:sz', { 'w:val': size }),
            el(doc, 'w:szCs', { 'w:val': size }),
            el(doc, 'w:lang', { 'w:val': this.page.lang, 'w:eastAsia': 'en-US', 'w:bidi': 'ar-SA' }),
          ]),
        ]),
        el(doc, 'w:pPrDefault', {}, [el(doc, 'w:pPr', {}, [el(doc, 'w:spacing', { 'w:after': 0, 'w:line': 240, 'w:lineRule': 'auto' })])]),
      ]),
    );
    root.appendChild(
      el(doc, 'w:style', { 'w:type': 'paragraph', 'w:default': 1, 'w:styleId': 'Normal' }, [el(doc, 'w:name', { 'w:val': 'Normal' }), el(doc, 'w:qFormat')]),
    );
    root.appendChild(
      el(doc, 'w:style', { 'w:type': 'table', 'w:default': 1, 'w:styleId': 'TableNormal' }, [
        el(doc, 'w:name', { 'w:val': 'Normal Table' }),
        el(doc, 'w:tblPr', {}, [
          el(doc, 'w:tblInd', { 'w:w': 0, 'w:type': 'dxa' }),
          el(doc, 'w:tblCellMar', {}, [
            el(doc, 'w:top', { 'w:w': 0, 'w:type': 'dxa' }), el(doc, 'w:left', { 'w:w': 108, 'w:type': 'dxa' }),
            el(doc, 'w:bottom', { 'w:w': 0, 'w:type': 'dxa' }), el(doc, 'w:right', { 'w:w': 108, 'w:type': 'dxa' }),
          ]),
        ]),
      ]),
    );
    return doc;
  }
}

export function docxBuilder(options: PageOptions = {}): DocxBuilder {
  return new DocxBuilder(options);
}

function spanOf(cell: CellSpec): number {
  return typeof cell === 'object' && !Array.isArray(cell) ? Math.max(1, cell.span ?? 1) : 1;
}

function newDocument(rootName: string): Document {
  const doc = new DOMImplementation().createDocument(NS.w, rootName, null);
  for (const [name, ns] of Object.entries(DECLARED)) doc.documentElement!.setAttributeNS(NS.xmlns, name, ns);
  return doc;
}

function part(rootName: string, paragraphs: Make[]): Document {
  const doc = newDocument(rootName);
  for (const make of paragraphs) doc.documentElement!.appendChild(make(doc));
  return doc;
}

function runProperties(doc: Document, style: TextStyle): Element | null {
  const children = [
    style.bold && el(doc, 'w:b'),
    style.bold && el(doc, 'w:bCs'),
    style.italic && el(doc, 'w:i'),
    style.italic && el(doc, 'w:iCs'),
    style.size !== undefined && el(doc, 'w:sz', { 'w:val': Math.round(style.size * 2) }),
    style.size !== undefined && el(doc, 'w:szCs', { 'w:val': Math.round(style.size * 2) }),
    style.underline && el(doc, 'w:u', { 'w:val': 'single' }),
  ].filter((c): c is Element => !!c);
  return children.length > 0 ? el(doc, 'w:rPr', {}, children) : null;
}

/** Cell margins, twips each side (tblCellMar), and a little room for the renderer's rounding. */
const CELL_MARGINS = 2 * 85 + 30;

/**
 * Widens the columns whose header has a word longer than the column (taking the room from columns with some to
 * spare), so no header breaks inside a word. A header that cannot fit on the page is a template error, said here.
 */
export function fitHeaderWords(grid: number[], header: readonly CellSpec[], sizePt: number): number[] {
  if (header.some((cell) => spanOf(cell) !== 1) || header.length !== grid.length) return grid;
  const need = header.map((cell) => {
    const texts = typeof cell === 'object' && !Array.isArray(cell) ? ('paragraphs' in cell ? cell.paragraphs : [cell.content]) : [cell];
    const plain = texts.map((t) => (typeof t === 'string' ? t : t.map((i) => (typeof i === 'string' ? i : 'text' in i ? i.text : '')).join(''))).join(' ');
    return Math.ceil(longestUnbreakablePt(plain, sizePt) * 20) + CELL_MARGINS;
  });
  const total = grid.reduce((a, b) => a + b, 0);
  if (need.reduce((a, b) => a + b, 0) > total) {
    throw new Error(`a table header cannot fit its longest words on the page: ${JSON.stringify(header)}`);
  }
  const out = [...grid];
  let missing = 0;
  out.forEach((w, i) => {
    if (w < need[i]!) {
      missing += need[i]! - w;
      out[i] = need[i]!;
    }
  });
  // Take what was added from the columns with room to spare, in proportion to their spare room.
  const spare = out.map((w, i) => (grid[i]! >= need[i]! ? w - need[i]! : 0));
  const room = spare.reduce((a, b) => a + b, 0);
  return out.map((w, i) => (spare[i]! > 0 ? w - Math.ceil((missing * spare[i]!) / room) : w));
}

function run(doc: Document, text: string, style: TextStyle): Element {
  const r = el(doc, 'w:r', {}, [runProperties(doc, style)]);
  text.split(/(\t|\n)/).forEach((piece) => {
    if (piece === '\t') r.appendChild(el(doc, 'w:tab'));
    else if (piece === '\n') r.appendChild(el(doc, 'w:br'));
    else if (piece !== '') r.appendChild(el(doc, 'w:t', /^\s|\s$|\s\s/.test(piece) ? { 'xml:space': 'preserve' } : {}, [piece]));
  });
  return r;
}

function paragraph(doc: Document, content: Content, options: ParagraphOptions): Element {
  const pt20 = (pt: number | undefined) => (pt === undefined ? undefined : Math.round(pt * 20));
  const base: TextStyle = { bold: options.bold, italic: options.italic, underline: options.underline, size: options.size };
  const spacing = options.spaceBefore !== undefined || options.spaceAfter !== undefined;
  const p = el(doc, 'w:p', {}, [
    el(doc, 'w:pPr', {}, [
      options.keepWithNext && el(doc, 'w:keepNext'),
      options.tabs !== undefined && options.tabs.length > 0 &&
        el(doc, 'w:tabs', {}, options.tabs.map((t) => el(doc, 'w:tab', { 'w:val': t.align ?? 'left', 'w:pos': Math.round(t.at * TWIPS_PER_MM) }))),
      spacing && el(doc, 'w:spacing', { 'w:before': pt20(options.spaceBefore), 'w:after': pt20(options.spaceAfter) }),
      options.firstLineIndent !== undefined && el(doc, 'w:ind', { 'w:firstLine': Math.round(options.firstLineIndent * 10 * TWIPS_PER_MM) }),
      options.align && el(doc, 'w:jc', { 'w:val': JC[options.align] }),
      runProperties(doc, base),
    ]),
  ]);
  for (const inline of typeof content === 'string' ? [content] : content) {
    if (typeof inline === 'string') p.appendChild(run(doc, inline, base));
    else if ('field' in inline) {
      p.appendChild(el(doc, 'w:fldSimple', { 'w:instr': ` ${inline.field} ` }, [run(doc, '1', base)]));
    } else {
      const { text, ...style } = inline;
      p.appendChild(run(doc, text, { ...base, ...stripUndefined(style) }));
    }
  }
  return p;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// Fixed parts: no data from outside goes into them.

const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<Relationships xmlns="${NS.rels}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function documentRels(header: boolean, footer: boolean): string {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<Relationships xmlns="${NS.rels}">` +
    rel('rIdStyles', 'styles', 'styles.xml') +
    rel('rIdSettings', 'settings', 'settings.xml') +
    (header ? rel('rIdHeader1', 'header', 'header1.xml') : '') +
    (footer ? rel('rIdFooter1', 'footer', 'footer1.xml') : '') +
    '</Relationships>'
  );
}

function contentTypes(header: boolean, footer: boolean): string {
  const override = (part: string, type: string) =>
    `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<Types xmlns="${NS.types}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', 'document.main') +
    override('/word/styles.xml', 'styles') +
    override('/word/settings.xml', 'settings') +
    (header ? override('/word/header1.xml', 'header') : '') +
    (footer ? override('/word/footer1.xml', 'footer') : '') +
    '</Types>'
  );
}

const SETTINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<w:settings xmlns:w="${NS.w}">` +
  '<w:defaultTabStop w:val="708"/>' +
  '<w:characterSpacingControl w:val="doNotCompress"/>' +
  // A line ended by a line break (a note typed over several lines in a cell) is not stretched in a justified paragraph.
  '<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';
