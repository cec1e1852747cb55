// Reads a Google Doc (a template) through DocumentApp into the engine's neutral tree. Every node's ref is a path of
// child indexes, not a DocumentApp element: a copy of the template has the same paths, so the template is read once
// and each copy is touched only where the filled tree changes it (see doc-write.ts).
import type { Block, DocTree, Paragraph, Run, Section, SectionKind, Table } from '../../reports/doc-tree';
import type { UnfillableText } from '../../reports/grammar';
import type { DocumentAppLike, GContainer, GDocument, GElement, GParagraph, GTable, GTableCell } from '../google-services';

/**
 * What a block is, so that a path can be walked with the right casts (a Paragraph and a ListItem differ in Apps
 * Script); 'cellText' stands for the whole content of a cell that holds no placeholder, which is never touched alone.
 */
export type BlockKind = 'paragraph' | 'listItem' | 'table' | 'other' | 'cellText';

/** Where a run's characters are edited: the paragraph's Text, its cell's Text (a cell of one paragraph), or child n. */
export type TextPlace = { via: 'paragraph' } | { via: 'cell' } | { via: 'child'; index: number };

/**
 * A node of a Google Doc by position. `path` starts at the section: a block index, then inside a table a row index,
 * a cell index, a block index again, and so on (so step i is a block, row or cell as i % 3 is 0, 1 or 2).
 */
export interface GRef {
  section: SectionKind;
  path: readonly number[];
  /** For a block: how to cast it. */
  kind?: BlockKind;
  /** For a run: where its text lies (none for text Qamqor never edits) and its offsets there. */
  place?: TextPlace;
  start?: number;
  end?: number;
}

export interface GoogleTemplate {
  tree: DocTree<GRef>;
  /** Text Qamqor cannot fill (footnotes): any tag in it is an error. */
  unfillable: UnfillableText[];
}

export interface ReadOptions {
  /**
   * Every run of every paragraph, pictures shown as `[image]`: for reading a finished document back as text.
   * Without it, a paragraph with no `{{`/`}}` is read as one run (the engine never edits it), which saves calls.
   */
  full?: boolean;
}

const BRACES = /\{\{|\}\}/;

type ElementTypes = DocumentAppLike['ElementType'];

/** Headers and footers are the default ones: DocumentApp does not reach first-page or even-page variants. */
export function readGoogleDoc(doc: GDocument, types: ElementTypes, options: ReadOptions = {}): GoogleTemplate {
  const reader = new Reader(types, options.full === true);
  const sections: Section<GRef>[] = [];
  const header = doc.getHeader();
  if (header) sections.push(reader.section('header', header));
  sections.push(reader.section('body', doc.getBody()));
  const footer = doc.getFooter();
  if (footer) sections.push(reader.section('footer', footer));
  const unfillable: UnfillableText[] = options.full
    ? []
    : doc.getFootnotes().map((f) => ({ section: 'body' as const, text: f.getFootnoteContents().getText() }));
  return { tree: { sections }, unfillable };
}

class Reader {
  constructor(
    private readonly types: ElementTypes,
    private readonly full: boolean,
  ) {}

  section(kind: SectionKind, container: GContainer): Section<GRef> {
    return { kind, variant: 'default', blocks: this.blocks(container, kind, [], false), ref: { section: kind, path: [] } };
  }

  private blocks(container: GContainer, section: SectionKind, path: readonly number[], inCell: boolean): Block<GRef>[] {
    const count = container.getNumChildren();
    const out: Block<GRef>[] = [];
    for (let i = 0; i < count; i++) {
      const element = container.getChild(i);
      const type = element.getType();
      const at = [...path, i];
      if (type === this.types.PARAGRAPH) out.push(this.paragraph(element.asParagraph(), section, at, 'paragraph', inCell && count === 1));
      else if (type === this.types.LIST_ITEM) out.push(this.paragraph(element.asListItem(), section, at, 'listItem', inCell && count === 1));
      else if (type === this.types.TABLE) out.push(this.table(element.asTable(), section, at));
      // A table of contents or anything newer: kept or dropped whole, never filled.
      else out.push({ type: 'paragraph', runs: [], ref: { section, path: at, kind: 'other' }, opaque: true });
    }
    return out;
  }

  private paragraph(p: GParagraph, section: SectionKind, path: number[], kind: BlockKind, soleInCell: boolean): Paragraph<GRef> {
    const ref: GRef = { section, path, kind };
    const text = p.getText();
    if (!this.full && !BRACES.test(text)) {
      // Nothing to fill: the engine keeps it or drops it whole, so its runs are never needed.
      return { type: 'paragraph', runs: text ? [{ text, ref: { section, path } }] : [], ref };
    }
    const runs: Run<GRef>[] = [];
    let opaque = false;
    let texts = 0;
    const children = p.getNumChildren();
    for (let j = 0; j < children; j++) {
      const child: GElement = p.getChild(j);
      const type = child.getType();
      if (type !== this.types.TEXT) {
        // A picture, a page break, a page number, a footnote mark: the paragraph is never dropped for looking empty.
        opaque = true;
        if (this.full && type === this.types.INLINE_IMAGE) runs.push({ text: '[image]', ref: { section, path } });
        continue;
      }
      texts++;
      const t = child.asText();
      const content = t.getText();
      const starts = t.getTextAttributeIndices().filter((s) => s < content.length);
      if (content.length > 0 && starts[0] !== 0) starts.unshift(0);
      starts.forEach((start, k) => {
        const end = k + 1 < starts.length ? starts[k + 1]! : content.length;
        runs.push({ text: content.slice(start, end), ref: { section, path, place: { via: 'child', index: j }, start, end } });
      });
    }
    // One Text and nothing else: edited through the paragraph's (or its cell's) Text, one call fewer per edit.
    if (texts === 1 && !opaque) {
      const place: TextPlace = soleInCell ? { via: 'cell' } : { via: 'paragraph' };
      for (const run of runs) run.ref = { ...run.ref, place };
    }
    return opaque ? { type: 'paragraph', runs, ref, opaque } : { type: 'paragraph', runs, ref };
  }

  private table(t: GTable, section: SectionKind, path: number[]): Table<GRef> {
    const rows = t.getNumRows();
    const out: Table<GRef> = { type: 'table', rows: [], ref: { section, path, kind: 'table' } };
    for (let r = 0; r < rows; r++) {
      const row = t.getRow(r);
      const cells = row.getNumCells();
      const rowPath = [...path, r];
      const made = { cells: [] as Table<GRef>['rows'][number]['cells'], ref: { section, path: rowPath } };
      for (let c = 0; c < cells; c++) {
        const cellPath = [...rowPath, c];
        made.cells.push({ blocks: this.cell(row.getCell(c), section, cellPath), ref: { section, path: cellPath } });
      }
      out.rows.push(made);
    }
    return out;
  }

  /**
   * A cell without `{{`/`}}` is never filled, only kept or copied with its row: it is read as one line of text
   * (its paragraphs read as one, as treeText prints a cell anyway), two calls instead of four per paragraph.
   */
  private cell(cell: GTableCell, section: SectionKind, path: number[]): Block<GRef>[] {
    if (!this.full) {
      const text = cell.getText();
      if (!BRACES.test(text)) return [{ type: 'paragraph', runs: text ? [{ text, ref: { section, path } }] : [], ref: { section, path, kind: 'cellText' } }];
    }
    return this.blocks(cell, section, path, true);
  }
}

