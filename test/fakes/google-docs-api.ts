// A fake of the Docs advanced service (REST v1) over the documents the Drive fake keeps (google-docs.ts), the ones
// DocumentApp opens too. documents.get answers the JSON Google answers: a segment per body, header, footer and
// footnote, indexes in UTF-16 code units from the segment's start, the body opening with a section break, a table as
// a table marker, then per row a row marker and per cell a cell marker and the cell's content, then an end marker;
// every paragraph ending with its newline; a start index of 0 left out, as Google leaves out a field at its default.
// documents.batchUpdate parses its body against googleapis' docs_v1 schema, then applies the requests Qamqor uses
// (text in and out, table rows in and out, paragraph, text, cell and row styles, replaceAllText), in order, with
// Google's index arithmetic and refusals (an index outside its segment or not inside a paragraph, a range splitting a surrogate pair or a table,
// the newline before a table, the last newline of a segment or cell, empty text, a read-only field), atomically: a
// refused request leaves the document as it was. Each call is counted.
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import type { DocsAdvanced } from '../../src/apps-script/google-services';
import { CallLog } from './call-log';
import { applyMask, parseFields } from './field-mask';
import {
  NORMAL, paragraph, section, table, type BlockNode, type DocModel, type DocStore, type InlineNode,
  type ParagraphStyle, type SectionNode, type TextNode, type TextStyle,
} from './google-docs';
import { apiSchema, checkMessage, ParseError } from './google-schema';

type Request = docs_v1.Schema$Request;
type CellStyle = docs_v1.Schema$TableCellStyle;

// ---------------------------------------------------------------------------------------------------------------
// A segment as Docs indexes it: one unit per index.

type Unit =
  | { t: 'char'; ch: string; style: TextStyle; para?: ParagraphStyle; bullet?: docs_v1.Schema$Bullet }
  | { t: 'inline'; node: InlineNode; style: TextStyle }
  | { t: 'section' }
  | { t: 'table' }
  | { t: 'row'; style: docs_v1.Schema$TableRowStyle }
  | { t: 'cell'; style: CellStyle }
  | { t: 'end' };

type NewlineUnit = Extract<Unit, { t: 'char' }> & { para: ParagraphStyle };

const isNewline = (u: Unit | undefined): u is NewlineUnit => u?.t === 'char' && u.ch === '\n';
const inParagraph = (u: Unit | undefined): boolean => u?.t === 'char' || u?.t === 'inline';

interface Segment {
  kind: 'body' | 'header' | 'footer' | 'footnote';
  id: string;
  units: Unit[];
}

interface Flat {
  segments: Map<string, Segment>;
  page: DocModel['page'];
}

function blocksToUnits(blocks: BlockNode[], out: Unit[]): void {
  for (const b of blocks) {
    if (b.kind === 'TABLE') {
      out.push({ t: 'table' });
      for (const row of b.rows) {
        out.push({ t: 'row', style: row.style });
        for (const cell of row.cells) {
          out.push({ t: 'cell', style: cell.style });
          blocksToUnits(cell.children, out);
        }
      }
      out.push({ t: 'end' });
      continue;
    }
    let last: TextStyle = {};
    for (const c of b.children) {
      if (c.kind === 'TEXT') {
        for (let i = 0; i < c.chars.length; i++) out.push({ t: 'char', ch: c.chars[i]!, style: (last = c.styles[i] ?? {}) });
      } else out.push({ t: 'inline', node: { ...c, parent: undefined }, style: (last = c.style ?? {}) });
    }
    const nl: NewlineUnit = { t: 'char', ch: '\n', style: b.endStyle ?? last, para: b.style };
    if (b.bullet) nl.bullet = b.bullet;
    out.push(nl);
  }
}

function toFlat(doc: DocModel): Flat {
  const segments = new Map<string, Segment>();
  const add = (kind: Segment['kind'], s: SectionNode, lead: Unit[] = []): void => {
    const units = [...lead];
    blocksToUnits(s.children, units);
    segments.set(s.id, { kind, id: s.id, units });
  };
  add('body', doc.body, [{ t: 'section' }]);
  if (doc.header) add('header', doc.header);
  if (doc.footer) add('footer', doc.footer);
  for (const s of segments.values()) {
    for (const u of [...s.units]) {
      if (u.t === 'inline' && u.node.footnote) {
        const units: Unit[] = u.node.footnote.text.split('').map((c): Unit => ({ t: 'char', ch: c, style: {} }));
        units.push({ t: 'char', ch: '\n', style: {}, para: NORMAL });
        segments.set(u.node.footnote.id, { kind: 'footnote', id: u.node.footnote.id, units });
      }
    }
  }
  return { segments, page: { ...doc.page } };
}

/** Blocks from `units[i]` up to a marker of the enclosing table (or the end). */
function unitsToBlocks(units: Unit[], start: number): { blocks: BlockNode[]; next: number } {
  const blocks: BlockNode[] = [];
  let i = start;
  while (i < units.length) {
    const u = units[i]!;
    if (u.t === 'section') {
      i++;
      continue;
    }
    if (u.t === 'row' || u.t === 'cell' || u.t === 'end') break;
    if (u.t === 'table') {
      i++;
      const rows: { blocks: BlockNode[]; style: CellStyle }[][] = [];
      const rowStyles: docs_v1.Schema$TableRowStyle[] = [];
      while (units[i]?.t === 'row') {
        rowStyles.push((units[i] as Extract<Unit, { t: 'row' }>).style);
        i++;
        const cells: { blocks: BlockNode[]; style: CellStyle }[] = [];
        while (units[i]?.t === 'cell') {
          const style = (units[i] as Extract<Unit, { t: 'cell' }>).style;
          const inner = unitsToBlocks(units, i + 1);
          cells.push({ blocks: inner.blocks, style });
          i = inner.next;
        }
        rows.push(cells);
      }
      if (units[i]?.t !== 'end') throw new Error('(fake) a table without its end marker');
      i++;
      blocks.push(table(rows, rowStyles));
      continue;
    }
    const children: (TextNode | InlineNode)[] = [];
    let text: TextNode | null = null;
    while (i < units.length && !isNewline(units[i])) {
      const x = units[i]!;
      if (x.t === 'char') {
        if (!text) children.push((text = { kind: 'TEXT', chars: '', styles: [] }));
        text.chars += x.ch;
        text.styles.push(x.style);
      } else if (x.t === 'inline') {
        children.push({ ...x.node, style: x.style });
        text = null;
      } else throw new Error('(fake) a paragraph without its newline');
      i++;
    }
    const nl = units[i] as NewlineUnit;
    const p = paragraph(children, nl.para, nl.bullet);
    p.endStyle = nl.style;
    blocks.push(p);
    i++;
  }
  return { blocks, next: i };
}

function fromFlat(flat: Flat, into: DocModel): void {
  const footnotes = new Map([...flat.segments.values()].filter((s) => s.kind === 'footnote').map((s) => [s.id, s.units.filter((u) => u.t === 'char').map((u) => (u as { ch: string }).ch).join('').replace(/\n$/, '')]));
  const rebuild = (s: Segment, kind: SectionNode['kind']): SectionNode => {
    for (const u of s.units) if (u.t === 'inline' && u.node.footnote) u.node.footnote = { ...u.node.footnote, text: footnotes.get(u.node.footnote.id) ?? '' };
    return section(kind, unitsToBlocks(s.units, 0).blocks, s.id);
  };
  into.body = rebuild(flat.segments.get(into.body.id)!, 'BODY_SECTION');
  if (into.header) into.header = rebuild(flat.segments.get(into.header.id)!, 'HEADER_SECTION');
  if (into.footer) into.footer = rebuild(flat.segments.get(into.footer.id)!, 'FOOTER_SECTION');
}

// ---------------------------------------------------------------------------------------------------------------
// documents.get

/** A style as Google writes it: its fields always in one order, whatever order they were set in. */
function canonical<T>(style: T): T {
  if (Array.isArray(style)) return style.map(canonical) as T;
  if (style === null || typeof style !== 'object') return style;
  return Object.fromEntries(Object.keys(style).sort().map((k) => [k, canonical((style as Record<string, unknown>)[k])])) as T;
}

/** Proto3 JSON: a start index of 0 is left out. */
const span = (start: number, end: number) => (start === 0 ? { endIndex: end } : { startIndex: start, endIndex: end });

class JsonWriter {
  readonly inlineObjects: Record<string, docs_v1.Schema$InlineObject> = {};
  private objects = 0;

  content(units: Unit[], from: number, stop: (u: Unit) => boolean): { content: docs_v1.Schema$StructuralElement[]; next: number } {
    const content: docs_v1.Schema$StructuralElement[] = [];
    let i = from;
    while (i < units.length && !stop(units[i]!)) {
      const u = units[i]!;
      if (u.t === 'section') {
        content.push({ ...span(i, i + 1), sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } });
        i++;
      } else if (u.t === 'table') {
        const start = i;
        i++;
        const tableRows: docs_v1.Schema$TableRow[] = [];
        let columns = 0;
        while (units[i]?.t === 'row') {
          const rowStart = i;
          const rowStyle = (units[i] as Extract<Unit, { t: 'row' }>).style;
          i++;
          const tableCells: docs_v1.Schema$TableCell[] = [];
          while (units[i]?.t === 'cell') {
            const cellStart = i;
            const style = (units[i] as Extract<Unit, { t: 'cell' }>).style;
            const inner = this.content(units, i + 1, (x) => x.t === 'cell' || x.t === 'row' || x.t === 'end');
            i = inner.next;
            tableCells.push({ ...span(cellStart, i), content: inner.content, tableCellStyle: canonical(style) });
          }
          columns = Math.max(columns, tableCells.length);
          tableRows.push({ ...span(rowStart, i), tableCells, tableRowStyle: canonical(rowStyle) });
        }
        i++; // the end marker
        content.push({ ...span(start, i), table: { rows: tableRows.length, columns, tableRows, tableStyle: {} } });
      } else {
        const start = i;
        const elements: docs_v1.Schema$ParagraphElement[] = [];
        for (;;) {
          const x = units[i]!;
          if (x.t === 'inline') {
            elements.push({ ...span(i, i + 1), ...this.inline(x) });
            i++;
            continue;
          }
          if (x.t !== 'char') throw new Error('(fake) a paragraph without its newline');
          // A run: characters of one style, the paragraph's newline included when it looks alike, as Google returns it.
          let j = i;
          let content = '';
          while (units[j]?.t === 'char' && same((units[j] as { style: TextStyle }).style, x.style)) {
            content += (units[j] as { ch: string }).ch;
            if (isNewline(units[j++])) break;
          }
          elements.push({ ...span(i, j), textRun: { content, textStyle: canonical(x.style) } });
          i = j;
          if (isNewline(units[j - 1])) break;
        }
        const nl = units[i - 1] as NewlineUnit;
        const p: docs_v1.Schema$Paragraph = { elements, paragraphStyle: canonical(nl.para) };
        if (nl.bullet) p.bullet = nl.bullet;
        content.push({ ...span(start, i), paragraph: p });
      }
    }
    return { content, next: i };
  }

  private inline(x: Extract<Unit, { t: 'inline' }>): docs_v1.Schema$ParagraphElement {
    const node = x.node;
    switch (node.kind) {
      case 'INLINE_IMAGE': {
        const id = `kix.img${++this.objects}`;
        const pt = (px: number) => ({ magnitude: (px * 72) / 96, unit: 'PT' });
        this.inlineObjects[id] = {
          objectId: id,
          inlineObjectProperties: { embeddedObject: { size: { width: pt(node.image!.width), height: pt(node.image!.height) }, imageProperties: { contentUri: `https://lh3.googleusercontent.com/fake/${id}` } } },
        };
        return { inlineObjectElement: { inlineObjectId: id, textStyle: canonical(x.style) } };
      }
      case 'PAGE_NUMBER':
        return { autoText: { type: 'PAGE_NUMBER', textStyle: canonical(x.style) } };
      case 'PAGE_BREAK':
        return { pageBreak: { textStyle: canonical(x.style) } };
      case 'HORIZONTAL_RULE':
        return { horizontalRule: { textStyle: canonical(x.style) } };
      case 'FOOTNOTE':
        return { footnoteReference: { footnoteId: node.footnote!.id, footnoteNumber: '1', textStyle: canonical(x.style) } };
    }
  }
}

/** A document's revision: it moves on with every batch applied. */
const revisions = new WeakMap<DocModel, number>();
const revision = (doc: DocModel) => `rev-${revisions.get(doc) ?? 1}`;

function documentJson(id: string, title: string, doc: DocModel): docs_v1.Schema$Document {
  const flat = toFlat(doc);
  const writer = new JsonWriter();
  const content = (s: Segment) => writer.content(s.units, 0, () => false).content;
  const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
  const out: docs_v1.Schema$Document = {
    documentId: id,
    title,
    revisionId: revision(doc),
    body: { content: content(flat.segments.get(doc.body.id)!) },
    documentStyle: {
      ...(doc.header ? { defaultHeaderId: doc.header.id } : {}),
      ...(doc.footer ? { defaultFooterId: doc.footer.id } : {}),
      pageSize: { width: pt(doc.page.width), height: pt(doc.page.height) },
      marginTop: pt(doc.page.top), marginBottom: pt(doc.page.bottom), marginLeft: pt(doc.page.left), marginRight: pt(doc.page.right),
      pageNumberStart: 1,
    },
    namedStyles: { styles: [{ namedStyleType: 'NORMAL_TEXT', textStyle: { fontSize: pt(11) }, paragraphStyle: NORMAL }] },
  };
  if (doc.header) out.headers = { [doc.header.id]: { headerId: doc.header.id, content: content(flat.segments.get(doc.header.id)!) } };
  if (doc.footer) out.footers = { [doc.footer.id]: { footerId: doc.footer.id, content: content(flat.segments.get(doc.footer.id)!) } };
  const notes = [...flat.segments.values()].filter((s) => s.kind === 'footnote');
  if (notes.length) out.footnotes = Object.fromEntries(notes.map((s) => [s.id, { footnoteId: s.id, content: content(s) }]));
  if (Object.keys(writer.inlineObjects).length) out.inlineObjects = writer.inlineObjects;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// documents.batchUpdate

class Refused extends Error {}

const refuse = (message: string): never => {
  throw new Refused(message);
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What insertText and replaceAllText strip from text, as Google documents. */
const STRIPPED = /[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g;

const PARAGRAPH_FIELDS = new Set([
  'alignment', 'avoidWidowAndOrphan', 'borderBetween', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'direction', 'indentEnd',
  'indentFirstLine', 'indentStart', 'keepLinesTogether', 'keepWithNext', 'lineSpacing', 'namedStyleType', 'pageBreakBefore', 'shading',
  'spaceAbove', 'spaceBelow', 'spacingMode',
]);
const PARAGRAPH_READ_ONLY = new Set(['headingId', 'tabStops']);
const TEXT_FIELDS = new Set(['backgroundColor', 'baselineOffset', 'bold', 'fontSize', 'foregroundColor', 'italic', 'link', 'smallCaps', 'strikethrough', 'underline', 'weightedFontFamily']);
const CELL_FIELDS = new Set(['backgroundColor', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'contentAlignment', 'paddingBottom', 'paddingLeft', 'paddingRight', 'paddingTop']);
const CELL_READ_ONLY = new Set(['rowSpan', 'columnSpan']);
const ROW_FIELDS = new Set(['minRowHeight', 'preventOverflow', 'tableHeader']);

/** A field mask of an update request: '*' or top-level names of the style, none read only. */
function fieldList(fields: string | null | undefined, known: Set<string>, readOnly: Set<string>): string[] | '*' {
  if (!fields) refuse('At least one field must be listed in \'fields\'.');
  if (fields === '*') return '*';
  const names = fields!.split(',').map((f) => f.trim());
  for (const name of names) {
    if (readOnly.has(name)) refuse(`Field ${name} is read only and cannot be updated.`);
    if (name.includes('.')) refuse(`(fake) the nested field ${name} is not modelled`);
    if (!known.has(name)) refuse(`Invalid field: ${name}`);
  }
  return names;
}

function applyFields<T extends object>(target: T, source: T | undefined, fields: string[] | '*', known: Set<string>): T {
  const out = { ...target } as Record<string, unknown>;
  for (const name of fields === '*' ? known : fields) {
    const v = (source as Record<string, unknown> | undefined)?.[name];
    if (v === undefined || v === null) delete out[name];
    else out[name] = v;
  }
  return out as T;
}

interface TableSpan {
  start: number;
  /** Exclusive: after the end marker. */
  end: number;
  rows: { start: number; end: number; cells: { start: number; end: number }[] }[];
}

/** Every table of a segment, nested ones included. */
function tablesOf(units: Unit[]): TableSpan[] {
  const out: TableSpan[] = [];
  const stack: TableSpan[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const top = stack[stack.length - 1];
    const closeCell = () => {
      const row = top?.rows[top.rows.length - 1];
      const cell = row?.cells[row.cells.length - 1];
      if (cell && cell.end < 0) cell.end = i;
      if (row && row.end < 0 && u.t !== 'cell') row.end = i;
    };
    if (u.t === 'table') {
      const t: TableSpan = { start: i, end: -1, rows: [] };
      stack.push(t);
      out.push(t);
    } else if (u.t === 'row') {
      closeCell();
      top!.rows.push({ start: i, end: -1, cells: [] });
    } else if (u.t === 'cell') {
      closeCell();
      top!.rows[top!.rows.length - 1]!.cells.push({ start: i, end: -1 });
    } else if (u.t === 'end') {
      closeCell();
      top!.end = i + 1;
      stack.pop();
    }
  }
  return out;
}

const isHigh = (u: Unit | undefined) => u?.t === 'char' && /[\ud800-\udbff]/.test(u.ch);
const isLow = (u: Unit | undefined) => u?.t === 'char' && /[\udc00-\udfff]/.test(u.ch);

class Editor {
  constructor(private readonly flat: Flat) {}

  segment(id: string | null | undefined): Segment {
    const s = this.flat.segments.get(id ?? '');
    if (!s) refuse(`The segment ${id} was not found.`);
    return s!;
  }

  private index(n: unknown, what: string): number {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) refuse(`${what} must be a non-negative integer.`);
    return n as number;
  }

  private range(r: docs_v1.Schema$Range | undefined): { s: Segment; start: number; end: number } {
    if (!r) refuse('A range is required.');
    if (r!.tabId) refuse('(fake) tabs are not modelled');
    const s = this.segment(r!.segmentId);
    const start = this.index(r!.startIndex, 'The start index');
    const end = this.index(r!.endIndex, 'The end index');
    if (end <= start) refuse(`The range must not be empty: ${start}…${end}.`);
    if (end > s.units.length) refuse(`Index ${end} must be less than the end index of the referenced segment, ${s.units.length}.`);
    if (s.kind === 'body' && start < 1) refuse('The range cannot include the section break at the start of the body.');
    if (isLow(s.units[start]) && isHigh(s.units[start - 1])) refuse(`The range starts inside a surrogate pair at ${start}.`);
    if (isLow(s.units[end]) && isHigh(s.units[end - 1])) refuse(`The range ends inside a surrogate pair at ${end}.`);
    return { s, start, end };
  }

  private table(location: docs_v1.Schema$Location | undefined): { s: Segment; t: TableSpan } {
    if (!location) refuse('A table start location is required.');
    const s = this.segment(location!.segmentId);
    const t = tablesOf(s.units).find((x) => x.start === location!.index);
    if (!t) refuse('The provided table start location is invalid.');
    return { s, t: t! };
  }

  private cellAt(c: docs_v1.Schema$TableCellLocation | undefined): { s: Segment; t: TableSpan; row: number; column: number } {
    const { s, t } = this.table(c?.tableStartLocation);
    const row = this.index(c?.rowIndex ?? 0, 'rowIndex');
    const column = this.index(c?.columnIndex ?? 0, 'columnIndex');
    if (row >= t.rows.length) refuse(`Row index ${row} is out of range: the table has ${t.rows.length} rows.`);
    if (column >= t.rows[row]!.cells.length) refuse(`Column index ${column} is out of range.`);
    return { s, t, row, column };
  }

  /** Paragraph [start, newline] spans overlapping [from, to). */
  private paragraphsIn(units: Unit[], from: number, to: number): NewlineUnit[] {
    const out: NewlineUnit[] = [];
    let start = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      if (!inParagraph(u)) {
        start = i + 1;
        continue;
      }
      if (isNewline(u)) {
        if (start < to && i >= from) out.push(u);
        start = i + 1;
      }
    }
    return out;
  }

  apply(r: Request): docs_v1.Schema$Response {
    const kinds = Object.entries(r).filter(([, v]) => v !== undefined && v !== null).map(([k]) => k);
    if (kinds.length !== 1) refuse('A request must set exactly one kind of request.');
    const kind = kinds[0]!;
    switch (kind) {
      case 'insertText':
        return this.insertText(r.insertText!);
      case 'deleteContentRange':
        return this.deleteContentRange(r.deleteContentRange!);
      case 'insertTableRow':
        return this.insertTableRow(r.insertTableRow!);
      case 'deleteTableRow':
        return this.deleteTableRow(r.deleteTableRow!);
      case 'updateParagraphStyle':
        return this.updateParagraphStyle(r.updateParagraphStyle!);
      case 'updateTextStyle':
        return this.updateTextStyle(r.updateTextStyle!);
      case 'updateTableCellStyle':
        return this.updateTableCellStyle(r.updateTableCellStyle!);
      case 'updateTableRowStyle':
        return this.updateTableRowStyle(r.updateTableRowStyle!);
      case 'replaceAllText':
        return this.replaceAllText(r.replaceAllText!);
      default:
        return refuse(`(fake) ${kind} is not modelled`);
    }
  }

  private insertText(q: docs_v1.Schema$InsertTextRequest): docs_v1.Schema$Response {
    if (q.endOfSegmentLocation || !q.location) refuse('(fake) only insertText at a location is modelled');
    if (q.location!.tabId) refuse('(fake) tabs are not modelled');
    const s = this.segment(q.location!.segmentId);
    const at = this.index(q.location!.index, 'The insertion index');
    if (typeof q.text !== 'string' || q.text === '') refuse('The text to insert must not be empty.');
    const text = q.text!.replace(STRIPPED, '');
    if (at >= s.units.length) refuse(`Index ${at} must be less than the end index of the referenced segment, ${s.units.length}.`);
    if (!inParagraph(s.units[at])) refuse('The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.');
    if (isLow(s.units[at]) && isHigh(s.units[at - 1])) refuse(`The insertion index ${at} splits a surrogate pair.`);
    // In most cases inserted text takes the style of the text before it (of what follows at a paragraph's start).
    const before = s.units[at - 1];
    const like = before && inParagraph(before) && !isNewline(before) ? (before as { style: TextStyle }).style : (s.units[at] as { style: TextStyle }).style;
    let nl = at;
    while (!isNewline(s.units[nl])) nl++;
    const own = s.units[nl] as NewlineUnit;
    // A newline starts a paragraph: it ends the text before it, with the style of the paragraph it was typed in.
    const units = text.split('').map((c): Unit => (c === '\n' ? { t: 'char', ch: c, style: like, para: own.para, ...(own.bullet ? { bullet: own.bullet } : {}) } : { t: 'char', ch: c, style: like }));
    s.units.splice(at, 0, ...units);
    return {};
  }

  private deleteContentRange(q: docs_v1.Schema$DeleteContentRangeRequest): docs_v1.Schema$Response {
    const { s, start, end } = this.range(q.range);
    if (end >= s.units.length) refuse('The range cannot include the last newline of a segment.');
    for (const t of tablesOf(s.units)) {
      const whole = start <= t.start && end >= t.end;
      if (!whole && start <= t.start - 1 && t.start - 1 < end) refuse('The range cannot include the newline before a table without the table.');
      if (whole || end <= t.start || start >= t.end) continue;
      const inOneCell = t.rows.some((row) => row.cells.some((c) => start >= c.start + 1 && end <= c.end - 1));
      if (!inOneCell) refuse('Invalid deletion range: it covers part of a table (a table start or end, a row or cell marker, or the last newline of a cell).');
    }
    s.units.splice(start, end - start);
    return {};
  }

  private insertTableRow(q: docs_v1.Schema$InsertTableRowRequest): docs_v1.Schema$Response {
    const { s, t, row } = this.cellAt(q.tableCellLocation);
    const ref = t.rows[row]!;
    // An inserted row is empty: a marker, then per cell a marker and an empty paragraph of default style.
    const units: Unit[] = [{ t: 'row', style: {} }];
    for (let c = 0; c < ref.cells.length; c++) units.push({ t: 'cell', style: { rowSpan: 1, columnSpan: 1 } }, { t: 'char', ch: '\n', style: {}, para: NORMAL });
    s.units.splice(q.insertBelow ? ref.end : ref.start, 0, ...units);
    return {};
  }

  private deleteTableRow(q: docs_v1.Schema$DeleteTableRowRequest): docs_v1.Schema$Response {
    const { s, t, row } = this.cellAt(q.tableCellLocation);
    if (t.rows.length === 1) refuse('(fake) the last row of a table: delete the table instead');
    const r = t.rows[row]!;
    s.units.splice(r.start, r.end - r.start);
    return {};
  }

  private updateParagraphStyle(q: docs_v1.Schema$UpdateParagraphStyleRequest): docs_v1.Schema$Response {
    const { s, start, end } = this.range(q.range);
    const fields = fieldList(q.fields, PARAGRAPH_FIELDS, PARAGRAPH_READ_ONLY);
    for (const nl of this.paragraphsIn(s.units, start, end)) nl.para = applyFields(nl.para, q.paragraphStyle ?? {}, fields, PARAGRAPH_FIELDS);
    return {};
  }

  private updateTextStyle(q: docs_v1.Schema$UpdateTextStyleRequest): docs_v1.Schema$Response {
    const { s, start, end } = this.range(q.range);
    const fields = fieldList(q.fields, TEXT_FIELDS, new Set());
    for (let i = start; i < end; i++) {
      const u = s.units[i]!;
      if (u.t === 'char' || u.t === 'inline') u.style = applyFields(u.style, q.textStyle ?? {}, fields, TEXT_FIELDS);
    }
    return {};
  }

  private updateTableCellStyle(q: docs_v1.Schema$UpdateTableCellStyleRequest): docs_v1.Schema$Response {
    const fields = fieldList(q.fields, CELL_FIELDS, CELL_READ_ONLY);
    let cells: { start: number }[];
    let s: Segment;
    if (q.tableRange) {
      const at = this.cellAt(q.tableRange.tableCellLocation);
      s = at.s;
      const rows = this.index(q.tableRange.rowSpan, 'rowSpan');
      const columns = this.index(q.tableRange.columnSpan, 'columnSpan');
      if (rows < 1 || columns < 1) refuse('The table range must span at least one cell.');
      cells = [];
      for (let r = at.row; r < at.row + rows; r++) {
        for (let c = at.column; c < at.column + columns; c++) {
          const cell = at.t.rows[r]?.cells[c];
          if (!cell) refuse('The table range is outside the table.');
          cells.push(cell!);
        }
      }
    } else {
      const at = this.table(q.tableStartLocation);
      s = at.s;
      cells = at.t.rows.flatMap((r) => r.cells);
    }
    for (const c of cells) {
      const u = s.units[c.start] as Extract<Unit, { t: 'cell' }>;
      u.style = applyFields(u.style, q.tableCellStyle ?? {}, fields, CELL_FIELDS);
    }
    return {};
  }

  private updateTableRowStyle(q: docs_v1.Schema$UpdateTableRowStyleRequest): docs_v1.Schema$Response {
    const fields = fieldList(q.fields, ROW_FIELDS, new Set());
    const { s, t } = this.table(q.tableStartLocation);
    const rows = q.rowIndices && q.rowIndices.length > 0 ? q.rowIndices : t.rows.map((_, i) => i);
    for (const i of rows) {
      const row = t.rows[this.index(i, 'A row index')];
      if (!row) refuse(`Row index ${i} is out of range: the table has ${t.rows.length} rows.`);
      const u = s.units[row!.start] as Extract<Unit, { t: 'row' }>;
      u.style = applyFields(u.style, q.tableRowStyle ?? {}, fields, ROW_FIELDS);
    }
    return {};
  }

  private replaceAllText(q: docs_v1.Schema$ReplaceAllTextRequest): docs_v1.Schema$Response {
    const find = q.containsText?.text;
    if (!find) refuse('The text to search for must not be empty.');
    if (q.containsText!.searchByRegex || q.tabsCriteria) refuse('(fake) regular expressions and tabs are not modelled');
    const replacement = (q.replaceText ?? '').replace(STRIPPED, '');
    if (replacement.includes('\n')) refuse('(fake) a newline in replacement text is not modelled');
    const fold = (x: string) => (q.containsText!.matchCase ? x : x.toLowerCase());
    let count = 0;
    for (const s of this.flat.segments.values()) {
      // Paragraph by paragraph: text as its characters, anything else a character that matches nothing.
      const matches: number[] = [];
      let startOf = 0;
      let text = '';
      const scan = (): void => {
        const hay = fold(text);
        const needle = fold(find!);
        for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) matches.push(startOf + at);
      };
      for (let i = 0; i < s.units.length; i++) {
        const u = s.units[i]!;
        if (!inParagraph(u) || isNewline(u)) {
          scan();
          startOf = i + 1;
          text = '';
          continue;
        }
        text += u.t === 'char' ? u.ch : '\ufffc';
      }
      for (let k = matches.length - 1; k >= 0; k--) {
        const at = matches[k]!;
        const style = (s.units[at] as { style: TextStyle }).style;
        s.units.splice(at, find!.length, ...replacement.split('').map((c): Unit => ({ t: 'char', ch: c, style })));
      }
      count += matches.length;
    }
    return { replaceAllText: { occurrencesChanged: count } };
  }
}

// ---------------------------------------------------------------------------------------------------------------

const apiError = (method: string, message: string): Error => new Error(`GoogleJsonResponseException: API call to docs.documents.${method} failed with error: ${message}`);

export function fakeDocs(store: DocStore, log: CallLog): DocsAdvanced {
  const schema = () => apiSchema('docs/v1');
  const file = (id: string, method: string) => {
    const f = store.documentById(id);
    if (!f) throw apiError(method, 'Requested entity was not found.');
    return f;
  };
  return {
    Documents: {
      get: (documentId, optionalArgs) => {
        log.hit('Docs.Documents.get');
        const f = file(documentId, 'get');
        const json = log.asGoogle(() => {
          const full = documentJson(f.id, f.name, f.doc);
          const fields = optionalArgs?.fields;
          return fields === undefined ? full : (applyMask(full, parseFields(fields, schema(), 'Document', (m) => apiError('get', m))) as docs_v1.Schema$Document);
        });
        log.received('Docs.Documents.get', json);
        return json;
      },
      batchUpdate: (resource, documentId) => {
        log.hit('Docs.Documents.batchUpdate');
        const f = file(documentId, 'batchUpdate');
        return log.asGoogle(() => {
          try {
            checkMessage(schema(), 'BatchUpdateDocumentRequest', resource, '');
          } catch (e) {
            if (e instanceof ParseError) throw apiError('batchUpdate', e.message);
            throw e;
          }
          const requests = resource.requests ?? [];
          if (requests.length === 0) throw apiError('batchUpdate', 'Invalid requests: at least one request is required.');
          const flat = toFlat(f.doc);
          const editor = new Editor(flat);
          const replies = requests.map((r, i) => {
            try {
              return editor.apply(r);
            } catch (e) {
              if (!(e instanceof Refused)) throw e;
              const kind = Object.keys(r).find((k) => (r as Record<string, unknown>)[k] != null) ?? '';
              throw apiError('batchUpdate', `Invalid requests[${i}].${kind}: ${e.message}`);
            }
          });
          // All or nothing: the document changes only once every request applied.
          fromFlat(flat, f.doc);
          revisions.set(f.doc, (revisions.get(f.doc) ?? 1) + 1);
          return { documentId, replies, writeControl: { requiredRevisionId: revision(f.doc) } };
        });
      },
    },
  };
}
