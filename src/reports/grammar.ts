// The template engine: fills a neutral document tree with a report model, the same way for every renderer.
// The one grammar of report templates (Google Docs and .docx alike):
//   {{school.name}}            a value by dotted path, anywhere (body, table cells, headers, footers); spaces inside
//                              the braces are allowed; a string goes in as literal text, a number through String(),
//                              null as nothing; a list, group, flag or image there is an error.
//   {{#pupils}} … {{/pupils}}  in a table row: the first cell's text starts with the opener, the last cell's text ends
//                              with the closer; the row is repeated per item (none for an empty list). Inside,
//                              {{full_name}} is looked up in the item, then outwards; {{@index}} counts from 1;
//                              {{this}} is the item itself (a list of strings).
//   {{#if x}} … {{else}} … {{/if}}, {{#unless x}} … {{/unless}}
//                              keep or drop what lies between: paragraphs and whole tables, or text inside one
//                              paragraph; open and close in the same container (the body, one header, one cell).
//                              Falsy: false, 0, '', null, an empty list. A paragraph left blank by these tags goes.
//   {{image:charts.main}}      alone in its paragraph (spaces aside): the paragraph becomes the image of the model
//                              (see imageValue); a null image drops the paragraph.
// Every problem is collected (TemplateError): syntax in every branch, data lookups in what is shown.
import type {
  Block, Cell, DocTree, FilledBlock, FilledDoc, FilledParagraph, FilledRow, FilledTable, Paragraph, Row, Run, Section, SectionKind, Table,
} from './doc-tree';
import { describeModel, isGroup, isImage, isList, isTruthy, type ModelObject, type ModelValue } from './model';
import { scanText, tagText, type Piece, type Tag, type TagPiece } from './tags';
import {
  describeProblem, structuralCodes, TemplateError, type TemplateProblem, type TemplateProblemCode, type ValueShape,
} from './template-error';

export type {
  Block, Cell, DocTree, FilledBlock, FilledCell, FilledDoc, FilledImage, FilledParagraph, FilledRow, FilledSection,
  FilledTable, ImageValue, Paragraph, Row, Run, Section, SectionKind, SectionVariant, Table,
} from './doc-tree';
export { treeText } from './doc-tree';
export { describeModel, imageValue, type ModelObject, type ModelValue, type ModelPath } from './model';
export { TemplateError, type TemplateProblem, type TemplateProblemCode } from './template-error';

export interface FillOptions {
  /** The template's name, for error messages: a file name or a Doc title. */
  template: string;
  /** Text the renderer found where it cannot fill (text boxes, footnotes): any tag in it is an error, not a leftover. */
  unfillable?: UnfillableText[];
  /** A draft: this word («ЖОБА», «ПРОЕКТ») opens every header, or the body's first line where there is none. */
  draft?: string;
}

export interface UnfillableText {
  section: SectionKind;
  text: string;
}

/**
 * Fills `tree` with `model`. Throws a TemplateError listing every problem found (template syntax anywhere;
 * data lookups in the parts that are shown) so a teacher fixes a template in one pass.
 */
export function fillTemplate<H>(tree: DocTree<H>, model: ModelObject, options: FillOptions): FilledDoc<H> {
  const { filled, problems } = run(tree, model, options.unfillable ?? []);
  if (problems.length > 0) throw new TemplateError(options.template, problems);
  if (options.draft) markDraft(filled, options.draft);
  return filled;
}

/**
 * Marks a filled document as a draft, so that no page of it can pass for a signed paper: the word opens the first
 * line of every header (each page shows one), or the body's first line when the template has no header. The word
 * goes into the first run, so it takes that run's style in both renderers.
 */
export function markDraft<H>(doc: FilledDoc<H>, word: string): void {
  const headers = doc.sections.filter((s) => s.from.kind === 'header');
  const targets = headers.length > 0 ? headers : doc.sections.filter((s) => s.from.kind === 'body').slice(0, 1);
  for (const section of targets) {
    const first = section.blocks.find((b): b is FilledParagraph<H> => b.type === 'paragraph' && b.runs.length > 0);
    if (!first) continue;
    const run = first.runs[0];
    const rest = first.runs.map((r) => r.text).join('').trim();
    first.runs[0] = { ...run, text: rest === '' ? word : `${word} · ${run.text}` };
  }
}

/** Every problem `fillTemplate` would throw, without throwing; `model` omitted checks the syntax alone. */
export function checkTemplate<H>(tree: DocTree<H>, model?: ModelObject, unfillable: UnfillableText[] = []): TemplateProblem[] {
  return run(tree, model, unfillable).problems;
}

function run<H>(
  tree: DocTree<H>,
  model: ModelObject | undefined,
  unfillable: UnfillableText[],
): { filled: FilledDoc<H>; problems: TemplateProblem[] } {
  const structure = new Filler<H>('structure', {});
  const skeleton = structure.fillDoc(tree);
  const problems = [...unfillableProblems(unfillable), ...structure.problems];
  if (!model) return { filled: skeleton, problems };
  const data = new Filler<H>('data', model);
  const filled = data.fillDoc(tree);
  return { filled, problems: [...problems, ...data.problems] };
}

function unfillableProblems(texts: UnfillableText[]): TemplateProblem[] {
  const out = new Map<string, TemplateProblem>();
  for (const { section, text } of texts) {
    const context = shorten(text);
    for (const piece of scanText(text)) {
      if (piece.type !== 'tag') continue;
      // Word keeps a text box twice (for old and new readers): the same problem is reported once.
      out.set(`${section}\u0000${piece.raw}\u0000${context}`, {
        code: 'unsupported_place', placeholder: piece.raw, section, context,
        message: describeProblem('unsupported_place', { placeholder: piece.raw }, section, context),
      });
    }
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Lookup

interface Scope {
  value: ModelValue;
  /** Position of the item in its list, for `{{@index}}`; absent on the model itself. */
  index?: number;
  parent?: Scope;
}

type Lookup = { found: true; value: ModelValue } | { found: false };

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** The first segment is looked up from the innermost scope outwards; the rest strictly inside what it found. */
function lookup(path: string, scope: Scope): Lookup {
  if (path === '@index') {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.index !== undefined) return { found: true, value: s.index + 1 };
    return { found: false };
  }
  if (path === 'this' || path === '.') return { found: true, value: scope.value };
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  let start: Scope | undefined = scope;
  while (start && !(isGroup(start.value) && own(start.value, head))) start = start.parent;
  if (!start) return { found: false };
  let value: ModelValue = (start.value as ModelObject)[head];
  for (const segment of rest) {
    if (isGroup(value) && own(value, segment)) value = value[segment];
    else if (isList(value) && /^\d+$/.test(segment) && Number(segment) < value.length) value = value[Number(segment)];
    else return { found: false };
  }
  return { found: true, value };
}

function shapeOf(value: ModelValue): ValueShape | null {
  if (typeof value === 'boolean') return 'flag';
  if (isList(value)) return 'list';
  if (isImage(value)) return 'image';
  if (isGroup(value)) return 'group';
  return null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Paragraph text and edits

interface Scanned {
  text: string;
  /** Where each run starts in `text`. */
  starts: number[];
  pieces: Piece[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits to the runs' text. A replacement goes into the run holding the edit's first character
 * (the run of the `{{`), keeping that run's style; the rest of the placeholder is trimmed from whatever runs held it.
 */
function applyEdits<H>(runs: Run<H>[], scanned: Scanned, edits: Edit[]): Run<H>[] {
  const out = runs.map(() => '');
  const { text, starts } = scanned;
  const endOf = (i: number) => (i + 1 < starts.length ? starts[i + 1]! : text.length);
  const copy = (from: number, to: number): void => {
    for (let i = 0; i < runs.length; i++) {
      const a = Math.max(from, starts[i]!);
      const b = Math.min(to, endOf(i));
      if (a < b) out[i] += text.slice(a, b);
    }
  };
  const runAt = (position: number): number => {
    for (let i = 0; i < runs.length; i++) if (starts[i]! <= position && position < endOf(i)) return i;
    return runs.length - 1;
  };
  let cursor = 0;
  for (const edit of edits) {
    copy(cursor, edit.start);
    if (edit.text) out[runAt(edit.start)] += edit.text;
    cursor = edit.end;
  }
  copy(cursor, text.length);
  return runs.map((run, i) => ({ text: out[i]!, ref: run.ref }));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

// ---------------------------------------------------------------------------------------------------------------
// The filler. One pass per mode: 'structure' treats every branch as shown and every loop as one pass with no data,
// reporting only syntax problems (so a typo in a hidden branch is still caught); 'data' fills for real and reports
// only lookups. Both walk the same code, so they cannot disagree on what the grammar is.

type Mode = 'structure' | 'data';

interface Frame {
  open: TagPiece & { tag: Extract<Tag, { kind: 'if' }> };
  scanned: Scanned;
  /** The condition, `unless` already applied; in structure mode always true. */
  condition: boolean;
  parentVisible: boolean;
  inElse: boolean;
}

const isActive = (frame: Frame, mode: Mode): boolean =>
  frame.parentVisible && (mode === 'structure' || (frame.inElse ? !frame.condition : frame.condition));

const blankText = (scanned: Scanned, piece: Piece): boolean =>
  piece.type === 'text' && scanned.text.slice(piece.start, piece.end).trim() === '';

class Filler<H> {
  readonly problems: TemplateProblem[] = [];
  private readonly reported = new Set<string>();
  private readonly scans = new Map<Paragraph<H>, Scanned>();
  private paths: string[] | null = null;
  private section: Section<H> | null = null;

  constructor(
    private readonly mode: Mode,
    private readonly model: ModelObject,
  ) {}

  fillDoc(tree: DocTree<H>): FilledDoc<H> {
    return {
      sections: tree.sections.map((section) => {
        this.section = section;
        return { from: section, blocks: this.fillBlocks(section.blocks, { value: this.model }, new Set()) };
      }),
    };
  }

  private scan = (paragraph: Paragraph<H>): Scanned => {
    let scanned = this.scans.get(paragraph);
    if (!scanned) {
      scanned = scanParagraph(paragraph);
      this.scans.set(paragraph, scanned);
    }
    return scanned;
  };

  private report(
    code: TemplateProblemCode,
    piece: TagPiece,
    scanned: Scanned,
    extra: { expected?: string; suggestion?: string; found?: ValueShape } = {},
  ): void {
    if (structuralCodes.has(code) !== (this.mode === 'structure')) return;
    const section = this.section?.kind ?? 'body';
    const context = shorten(scanned.text);
    const key = [code, piece.raw, section, context].join('\u0000');
    if (this.reported.has(key)) return; // a problem inside a repeated row is one problem
    this.reported.add(key);
    const problem: TemplateProblem = {
      code, placeholder: piece.raw, section, context,
      message: describeProblem(code, { placeholder: piece.raw, ...extra }, section, context),
    };
    if (extra.suggestion) problem.suggestion = extra.suggestion;
    if (extra.found) problem.found = extra.found;
    this.problems.push(problem);
  }

  private unknown(path: string, piece: TagPiece, scanned: Scanned): void {
    let best: string | undefined;
    let bestDistance = Math.max(2, Math.floor(path.length / 4)) + 1;
    this.paths ??= describeModel(this.model).map((p) => p.path);
    for (const known of this.paths) {
      const d = editDistance(path, known);
      if (d < bestDistance) [best, bestDistance] = [known, d];
    }
    const suggestion = best === undefined ? undefined : piece.raw.replace(path, best);
    this.report('unknown_placeholder', piece, scanned, suggestion ? { suggestion } : {});
  }

  /** Fills the blocks of one container (a section or a cell); `{{#if}}` blocks open and close within it. */
  private fillBlocks(blocks: Block<H>[], scope: Scope, consumed: ReadonlySet<TagPiece>): FilledBlock<H>[] {
    const out: FilledBlock<H>[] = [];
    const stack: Frame[] = [];
    const visible = () => stack.length === 0 || isActive(stack[stack.length - 1]!, this.mode);

    for (const block of blocks) {
      if (block.type === 'table') {
        if (!visible()) continue;
        const table = this.fillTable(block, scope);
        // No document format has a table without rows: one whose rows were all empty loops goes entirely.
        if (table.rows.length > 0) out.push(table);
        continue;
      }
      const scanned = this.scan(block);
      const edits: Edit[] = [];
      let sawVisible = visible();
      let hasBlockTag = false;
      let image: TagPiece | null = null;

      for (const piece of scanned.pieces) {
        if (piece.type === 'text') {
          if (!visible()) edits.push({ start: piece.start, end: piece.end, text: '' });
          continue;
        }
        // Every tag leaves the text; only a shown value puts something in its place.
        const tag = piece.tag;
        const shownValue = tag.kind === 'value' && visible() && !consumed.has(piece);
        edits.push({ start: piece.start, end: piece.end, text: shownValue ? this.valueText(tag.path, piece, scanned, scope) : '' });
        if (consumed.has(piece)) continue;
        switch (tag.kind) {
          case 'malformed':
            this.report('malformed_placeholder', piece, scanned);
            break;
          case 'value':
            break;
          case 'image':
            if (visible()) image = piece;
            break;
          case 'if': {
            hasBlockTag = true;
            const parentVisible = visible();
            let condition = true;
            if (parentVisible && this.mode === 'data') {
              const found = lookup(tag.path, scope);
              if (!found.found) this.unknown(tag.path, piece, scanned);
              condition = found.found && isTruthy(found.value) !== tag.negate;
            }
            stack.push({ open: piece as Frame['open'], scanned, condition, parentVisible, inElse: false });
            break;
          }
          case 'else': {
            hasBlockTag = true;
            const top = stack[stack.length - 1];
            if (!top || top.inElse) this.report('stray_else', piece, scanned);
            else top.inElse = true;
            break;
          }
          case 'endif': {
            hasBlockTag = true;
            const top = stack.pop();
            if (!top) this.report('unexpected_close', piece, scanned);
            else if (top.open.tag.negate !== tag.negate) {
              this.report('mismatched_close', piece, scanned, { expected: tagText({ kind: 'endif', negate: top.open.tag.negate }) });
            }
            break;
          }
          case 'loop':
            this.report('loop_not_row_start', piece, scanned);
            break;
          case 'endloop':
            this.report('unexpected_close', piece, scanned);
            break;
        }
        if (visible()) sawVisible = true;
      }

      if (image) {
        const alone = scanned.pieces.every((p) => p === image || blankText(scanned, p));
        if (!alone) this.report('image_not_alone', image, scanned);
        else if (this.mode === 'data') {
          const path = (image.tag as { path: string }).path;
          const found = lookup(path, scope);
          if (!found.found) this.unknown(path, image, scanned);
          else if (isImage(found.value)) out.push({ type: 'image', from: block, path, image: found.value });
          else if (found.value !== null && found.value !== undefined) this.report('not_an_image', image, scanned);
          // A null image drops its paragraph: a report may leave out a chart it has no data for.
        }
        continue;
      }
      if (!sawVisible) continue;
      const runs = applyEdits(block.runs, scanned, edits);
      // A paragraph that only carried block tags (or whose content sat in a hidden branch) leaves no empty line behind.
      if (hasBlockTag && !block.opaque && runs.every((r) => r.text.trim() === '')) continue;
      out.push({ type: 'paragraph', from: block, runs });
    }

    for (const frame of stack) {
      this.report('unclosed_block', frame.open, frame.scanned, { expected: tagText({ kind: 'endif', negate: frame.open.tag.negate }) });
    }
    return out;
  }

  private valueText(path: string, piece: TagPiece, scanned: Scanned, scope: Scope): string {
    if (this.mode === 'structure') return '';
    const found = lookup(path, scope);
    if (!found.found) {
      this.unknown(path, piece, scanned);
      return '';
    }
    const value = found.value;
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    const shape = shapeOf(value)!;
    const hint =
      shape === 'list' ? tagText({ kind: 'loop', path }) : shape === 'flag' ? tagText({ kind: 'if', path, negate: false }) :
      shape === 'image' ? tagText({ kind: 'image', path }) : undefined;
    this.report('not_text', piece, scanned, hint ? { found: shape, expected: hint } : { found: shape });
    return '';
  }

  private fillTable(table: Table<H>, scope: Scope): FilledTable<H> {
    const rows: FilledRow<H>[] = [];
    for (const row of table.rows) {
      const loop = this.rowLoop(row);
      const fillRow = (rowScope: Scope, item: number | null, consumed: ReadonlySet<TagPiece>): FilledRow<H> => ({
        from: row,
        item,
        cells: row.cells.map((cell: Cell<H>) => ({ from: cell, blocks: this.fillBlocks(cell.blocks, rowScope, consumed) })),
      });
      if (!loop) {
        rows.push(fillRow(scope, null, new Set()));
        continue;
      }
      const consumed = new Set<TagPiece>(loop.close ? [loop.open, loop.close] : [loop.open]);
      if (!loop.close) {
        this.report('loop_close_not_in_row', loop.open, loop.scanned, { expected: tagText({ kind: 'endloop', path: loop.path }) });
      }
      if (this.mode === 'structure') {
        rows.push(fillRow({ value: null, parent: scope, index: 0 }, 0, consumed));
        continue;
      }
      if (!loop.close) continue; // already reported by the structure pass; filling it would only add noise
      const found = lookup(loop.path, scope);
      if (!found.found) this.unknown(loop.path, loop.open, loop.scanned);
      else if (!isList(found.value)) this.report('not_a_list', loop.open, loop.scanned);
      else found.value.forEach((item, index) => rows.push(fillRow({ value: item, index, parent: scope }, index, consumed)));
    }
    return { type: 'table', from: table, rows };
  }

  private rowLoop(row: Row<H>): RowLoop | null {
    return rowLoop(row, this.scan);
  }
}

function scanParagraph<H>(paragraph: Paragraph<H>): Scanned {
  const starts: number[] = [];
  let text = '';
  for (const run of paragraph.runs) {
    starts.push(text.length);
    text += run.text;
  }
  return { text, starts, pieces: scanText(text) };
}

interface RowLoop {
  path: string;
  open: TagPiece;
  /** Null when the row does not end with the matching `{{/list}}`: an error. */
  close: TagPiece | null;
  scanned: Scanned;
}

/**
 * A row loop: the first cell's text starts with `{{#list}}`; its `{{/list}}` must end the last cell's text.
 * Empty paragraphs around them do not count, since a teacher cannot see them.
 */
function rowLoop<H>(row: Row<H>, scan: (p: Paragraph<H>) => Scanned): RowLoop | null {
  const visibleBlocks = (cell: Cell<H> | undefined): Block<H>[] =>
    (cell?.blocks ?? []).filter((b) => b.type === 'table' || scan(b).text.trim() !== '');
  const first = visibleBlocks(row.cells[0])[0];
  if (!first || first.type !== 'paragraph') return null;
  const scannedFirst = scan(first);
  const open = scannedFirst.pieces.find((p) => !blankText(scannedFirst, p));
  if (!open || open.type !== 'tag' || open.tag.kind !== 'loop') return null;
  const path = open.tag.path;
  const lastBlocks = visibleBlocks(row.cells[row.cells.length - 1]);
  const last = lastBlocks[lastBlocks.length - 1];
  let close: TagPiece | null = null;
  if (last && last.type === 'paragraph') {
    const scannedLast = scan(last);
    const candidate = [...scannedLast.pieces].reverse().find((p) => !blankText(scannedLast, p));
    if (candidate && candidate.type === 'tag' && candidate.tag.kind === 'endloop' && candidate.tag.path === path) close = candidate;
  }
  return { path, open, close, scanned: scannedFirst };
}

// ---------------------------------------------------------------------------------------------------------------
// Listing

export interface PlaceholderUse {
  /** Canonical spelling, e.g. `{{school.name}}`, `{{#pupils}}`, `{{#if has_orphans}}`, `{{image:chart}}`. */
  placeholder: string;
  kind: 'value' | 'image' | 'if' | 'unless' | 'loop';
  path: string;
  /** The row loops it sits in, outermost first: inside them the path is relative to the item. */
  within: string[];
  section: Section['kind'];
}

/** The placeholders a template uses, each once, in reading order (closing tags and `{{else}}` left out). */
export function listPlaceholders<H>(tree: DocTree<H>): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  const seen = new Set<string>();
  const scans = new Map<Paragraph<H>, Scanned>();
  const scan = (paragraph: Paragraph<H>): Scanned => {
    let scanned = scans.get(paragraph);
    if (!scanned) scans.set(paragraph, (scanned = scanParagraph(paragraph)));
    return scanned;
  };
  const loopTags = new Set<TagPiece>();
  const visit = (blocks: Block<H>[], within: string[], section: Section['kind']): void => {
    for (const block of blocks) {
      if (block.type === 'table') {
        for (const row of block.rows) {
          const loop = rowLoop(row, scan);
          let inner = within;
          if (loop) {
            add({ kind: 'loop', path: loop.path }, within, section);
            loopTags.add(loop.open);
            inner = [...within, loop.path];
          }
          for (const cell of row.cells) visit(cell.blocks, inner, section);
        }
        continue;
      }
      for (const piece of scan(block).pieces) {
        if (piece.type !== 'tag' || loopTags.has(piece)) continue;
        const tag = piece.tag;
        if (tag.kind === 'value' || tag.kind === 'image' || tag.kind === 'if' || tag.kind === 'loop') add(tag, within, section);
      }
    }
  };
  const add = (tag: Extract<Tag, { kind: 'value' | 'image' | 'if' | 'loop' }>, within: string[], section: Section['kind']): void => {
    const placeholder = tagText(tag);
    const key = `${within.join('/')}|${placeholder}`;
    if (seen.has(key)) return;
    seen.add(key);
    const kind = tag.kind === 'if' ? (tag.negate ? 'unless' : 'if') : tag.kind;
    out.push({ placeholder, kind, path: tag.path, within, section });
  };
  for (const section of tree.sections) visit(section.blocks, [], section.kind);
  return out;
}
