// The Docs API fake itself: the JSON documents.get returns, the index arithmetic of batchUpdate, and every refusal
// Qamqor relies on Google making (a batch is all or nothing, so a refusal must leave the document as it was).
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import { fakeGoogle } from './google';
import { emptyDoc, paragraph, section, table, text, type BlockNode } from './google-docs';

function docWith(blocks: BlockNode[], header?: BlockNode[]) {
  const google = fakeGoogle();
  const doc = emptyDoc();
  doc.body = section('BODY_SECTION', blocks);
  if (header) doc.header = section('HEADER_SECTION', header, 'kix.h1');
  const id = google.drive.seedPersonDoc('doc', doc);
  const get = () => google.Docs.Documents.get(id);
  const batch = (...requests: docs_v1.Schema$Request[]) => google.Docs.Documents.batchUpdate({ requests }, id);
  return { google, id, get, batch };
}

const p = (s: string, style = {}) => paragraph([text(s, style)]);
/** Every paragraph's text in the body, tables' included, in reading order. */
function texts(doc: docs_v1.Schema$Document): string[] {
  const out: string[] = [];
  const walk = (content: docs_v1.Schema$StructuralElement[] = []): void => {
    for (const e of content) {
      if (e.paragraph) out.push((e.paragraph.elements ?? []).map((x) => x.textRun?.content ?? '').join(''));
      for (const r of e.table?.tableRows ?? []) for (const c of r.tableCells ?? []) walk(c.content);
    }
  };
  walk(doc.body?.content);
  return out;
}

describe('documents.get', () => {
  it('answers Google’s JSON: a section break first, indexes in UTF-16 code units, markers for a table, its rows and cells', () => {
    const { get } = docWith([p('Ab😀'), table([[[p('x')], [p('')]], [[p('y')], [p('z')]]]), p('')], [p('Hdr')]);
    const doc = get();
    const body = doc.body!.content!;
    expect(body[0]).toEqual({ endIndex: 1, sectionBreak: expect.any(Object) });
    // "Ab" and the emoji's two code units, then the newline.
    expect(body[1]).toMatchObject({ startIndex: 1, endIndex: 6, paragraph: { elements: [{ startIndex: 1, endIndex: 6, textRun: { content: 'Ab😀\n' } }] } });
    const t = body[2]!;
    expect(t).toMatchObject({ startIndex: 6, table: { rows: 2, columns: 2 } });
    const [r0, r1] = t.table!.tableRows!;
    expect(r0).toMatchObject({ startIndex: 7, endIndex: 13 });
    expect(r0!.tableCells!.map((c) => [c.startIndex, c.endIndex, c.content![0]!.startIndex])).toEqual([[8, 11, 9], [11, 13, 12]]);
    expect(r1).toMatchObject({ startIndex: 13, endIndex: 20 });
    expect(t.endIndex).toBe(21);
    expect(body[3]).toMatchObject({ startIndex: 21, endIndex: 22 });
    // A header is a segment of its own, from index 0, under its id.
    expect(doc.documentStyle!.defaultHeaderId).toBe('kix.h1');
    expect(doc.headers!['kix.h1']!.content![0]).toEqual(expect.objectContaining({ endIndex: 4 }));
    expect(doc.headers!['kix.h1']!.content![0]!.startIndex).toBeUndefined();
  });

  it('honours a field mask', () => {
    const { get, google, id } = docWith([p('a')]);
    expect(Object.keys(google.Docs.Documents.get(id, { fields: 'title,body' })).sort()).toEqual(['body', 'title']);
    expect(() => google.Docs.Documents.get(id, { fields: 'title,bogus' })).toThrow(/Invalid field selection bogus/);
    expect(get().namedStyles).toBeDefined();
  });
});

describe('documents.batchUpdate', () => {
  it('inserts and deletes by index, strips what Google strips, styles inserted text like the text before it', () => {
    const { get, batch } = docWith([paragraph([text('ab', { bold: true }), text('cd')])]);
    batch(
      { insertText: { location: { index: 3 }, text: 'X\u0001\ue000Y' } },
      { deleteContentRange: { range: { startIndex: 1, endIndex: 2 } } },
    );
    const runs = get().body!.content![1]!.paragraph!.elements!.map((e) => [e.textRun!.content, e.textRun!.textStyle]);
    expect(runs).toEqual([['bXY', { bold: true }], ['cd\n', {}]]);
  });

  it('a newline in inserted text starts a paragraph of the same style', () => {
    const { get, batch } = docWith([p('ab', {})]);
    batch({ insertText: { location: { index: 2 }, text: '1\n2' } });
    expect(texts(get())).toEqual(['a1\n', '2b\n']);
  });

  it('insertTableRow adds an empty row: a cell marker and an empty paragraph per cell, default styles', () => {
    const { get, batch } = docWith([p(''), table([[{ blocks: [p('h', { bold: true })], style: { rowSpan: 1, columnSpan: 1, backgroundColor: { color: { rgbColor: { red: 1 } } } } }, [p('i')]]]), p('')]);
    batch({ insertTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0, columnIndex: 0 }, insertBelow: true } });
    const rows = get().body!.content![2]!.table!.tableRows!;
    expect(rows).toHaveLength(2);
    expect(rows[1]!.tableCells!.map((c) => [c.endIndex! - c.startIndex!, c.content![0]!.paragraph!.elements![0]!.textRun!.content, c.tableCellStyle])).toEqual([
      [2, '\n', { columnSpan: 1, rowSpan: 1 }],
      [2, '\n', { columnSpan: 1, rowSpan: 1 }],
    ]);
    batch({ deleteTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0 } } });
    expect(texts(get())).toEqual(['\n', '\n', '\n', '\n']);
  });

  it('replaceAllText: literal text (no regular expression), case as asked, in every segment; the count comes back', () => {
    const { get, batch } = docWith([p('a.b A.B a*b'), p('{{x}} {{X}}')], [p('{{x}}')]);
    const reply = batch(
      { replaceAllText: { containsText: { text: 'a.b', matchCase: true }, replaceText: '1' } },
      { replaceAllText: { containsText: { text: '{{x}}', matchCase: true }, replaceText: 'Ә' } },
    );
    expect(reply.replies).toEqual([{ replaceAllText: { occurrencesChanged: 1 } }, { replaceAllText: { occurrencesChanged: 2 } }]);
    expect(texts(get())).toEqual(['1 A.B a*b\n', 'Ә {{X}}\n']);
    expect(get().headers!['kix.h1']!.content![0]!.paragraph!.elements![0]!.textRun!.content).toBe('Ә\n');
  });

  it('updates paragraph, text and cell styles by their field masks', () => {
    const { get, batch } = docWith([p(''), table([[[p('x')]]]), p('a', { italic: true })]);
    batch(
      { updateParagraphStyle: { range: { startIndex: 8, endIndex: 9 }, paragraphStyle: { alignment: 'CENTER' }, fields: 'alignment' } },
      { updateTextStyle: { range: { startIndex: 8, endIndex: 9 }, textStyle: { bold: true }, fields: '*' } },
      { updateTableCellStyle: { tableRange: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0, columnIndex: 0 }, rowSpan: 1, columnSpan: 1 }, tableCellStyle: { contentAlignment: 'MIDDLE' }, fields: 'contentAlignment' } },
    );
    const doc = get();
    expect(doc.body!.content![3]!.paragraph!.paragraphStyle).toMatchObject({ alignment: 'CENTER', namedStyleType: 'NORMAL_TEXT' });
    // '*' sets what the style says and clears the rest: italic goes.
    expect(doc.body!.content![3]!.paragraph!.elements![0]!.textRun!.textStyle).toEqual({ bold: true });
    expect(doc.body!.content![2]!.table!.tableRows![0]!.tableCells![0]!.tableCellStyle).toMatchObject({ contentAlignment: 'MIDDLE' });
  });

  describe('refuses what Google refuses, leaving the document as it was', () => {
    const cases: [string, docs_v1.Schema$Request, RegExp][] = [
      ['text inserted at a table’s start', { insertText: { location: { index: 4 }, text: 'x' } }, /inside the bounds of an existing paragraph/],
      ['text inserted past the segment', { insertText: { location: { index: 99 }, text: 'x' } }, /must be less than the end index/],
      ['empty text', { insertText: { location: { index: 1 }, text: '' } }, /must not be empty/],
      ['an index splitting a surrogate pair', { insertText: { location: { index: 2 }, text: 'x' } }, /surrogate pair/],
      ['a range splitting a surrogate pair', { deleteContentRange: { range: { startIndex: 1, endIndex: 2 } } }, /surrogate pair/],
      ['the section break', { deleteContentRange: { range: { startIndex: 0, endIndex: 1 } } }, /section break/],
      ['the last newline of the body', { deleteContentRange: { range: { startIndex: 13, endIndex: 14 } } }, /last newline of a segment/],
      ['the newline before a table', { deleteContentRange: { range: { startIndex: 1, endIndex: 4 } } }, /newline before a table/],
      ['a cell’s last newline', { deleteContentRange: { range: { startIndex: 7, endIndex: 9 } } }, /part of a table/],
      ['a table’s start marker', { deleteContentRange: { range: { startIndex: 4, endIndex: 8 } } }, /part of a table/],
      ['a row and cell marker', { deleteContentRange: { range: { startIndex: 5, endIndex: 8 } } }, /part of a table/],
      ['an empty range', { deleteContentRange: { range: { startIndex: 5, endIndex: 5 } } }, /must not be empty/],
      ['a row of a table that is not there', { insertTableRow: { tableCellLocation: { tableStartLocation: { index: 3 }, rowIndex: 0 } } }, /table start location is invalid/],
      ['a row index past the table', { deleteTableRow: { tableCellLocation: { tableStartLocation: { index: 4 }, rowIndex: 1 } } }, /out of range/],
      ['a read-only cell field', { updateTableCellStyle: { tableStartLocation: { index: 4 }, tableCellStyle: { rowSpan: 2 }, fields: 'rowSpan' } }, /read only/],
      ['a paragraph style with no fields', { updateParagraphStyle: { range: { startIndex: 10, endIndex: 11 }, paragraphStyle: {} } }, /At least one field/],
      ['an unknown segment', { insertText: { location: { index: 0, segmentId: 'kix.nope' }, text: 'x' } }, /segment/],
    ];
    it.each(cases)('%s', (_what, request, message) => {
      // [0] section break, [1-3) "😀" then [3] its newline, [4] a table of one cell "x" ([5] row, [6] cell, [7] "x",
      // [8] newline, [9] end), [10-13) "abc", [13] the body's last newline.
      const { get, batch, google } = docWith([paragraph([text('😀')]), table([[[p('x')]]]), p('abc')]);
      const before = JSON.stringify(get());
      google.log.reset();
      // A valid request first (one that moves no index): the refusal of the second takes it back too.
      const valid: docs_v1.Schema$Request = { updateTextStyle: { range: { startIndex: 10, endIndex: 11 }, textStyle: { bold: true }, fields: 'bold' } };
      expect(() => batch(valid, request)).toThrow(new RegExp(`Invalid requests\\[1\\]\\.\\w+: .*(${message.source})`));
      expect(JSON.stringify(get())).toBe(before);
      expect(google.log.count('Docs.Documents.batchUpdate')).toBe(1);
    });

    it('an unknown field, as Google’s parser does, before anything is applied', () => {
      const { batch } = docWith([p('a')]);
      expect(() => batch({ insertText: { location: { index: 1 }, text: 'x', bold: true } as docs_v1.Schema$InsertTextRequest })).toThrow(/Unknown name "bold"/);
      expect(() => batch({ insertText: { location: { index: 'one' as unknown as number }, text: 'x' } })).toThrow(/Invalid value at 'requests\[0\]\.insert_text\.location\.index'/);
    });
  });
});
