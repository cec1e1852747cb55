// The batch that fills a copy, on templates made to corner it: a copy of the template filled by the requests
// planned from the template's JSON must read as the engine fills it, look as the template does, and cost one
// batchUpdate. Edits at the ends of containers, repeated rows, styles, line breaks, values that look like
// placeholders, characters outside the Basic Multilingual Plane, headers, a batch split into several calls.
import fc from 'fast-check';
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import { blobMaker, fillGoogleTemplate, googleDocText, loadTemplate, planRendering, renderInto } from '../../../src/apps-script/reports/render';
import { treeText } from '../../../src/reports/doc-tree';
import { docsText, planBatch, splitBatch, UnsupportedTemplate } from '../../../src/reports/docs-batch';
import type { ModelObject } from '../../../src/reports/model';
import { TemplateError } from '../../../src/reports/template-error';
import { fakeGoogle } from '../../fakes/google';
import { cloneDoc, emptyDoc, NORMAL, paragraph, section, table, text, type BlockNode, type TextStyle } from '../../fakes/google-docs';

const p = (s: string, style: TextStyle = {}, paragraphStyle = NORMAL) => paragraph([text(s, style)], paragraphStyle);
const CENTER = { ...NORMAL, alignment: 'CENTER' };

/** A template made of `blocks` (and a header), its copy, and the copy filled by the planned batch. */
function render(blocks: BlockNode[], model: Record<string, unknown>, header?: BlockNode[]) {
  const google = fakeGoogle();
  const doc = emptyDoc();
  doc.body = section('BODY_SECTION', blocks);
  if (header) doc.header = section('HEADER_SECTION', header, 'kix.hdr');
  const id = google.drive.seedPersonDoc('t', doc);
  const copy = google.drive.seedPersonDoc('copy', cloneDoc(doc));
  const template = loadTemplate(google.Docs, id);
  const filled = fillGoogleTemplate(template, model as ModelObject);
  const rendering = planRendering(template, filled);
  google.log.reset();
  renderInto(google, copy, rendering, blobMaker(google.Utilities));
  const calls = google.log.byMethod();
  const json = google.Docs.Documents.get(copy);
  return { text: googleDocText(json), expected: treeText(filled), json, rendering, calls, google, template, filled };
}

const bodyOf = (json: docs_v1.Schema$Document) => json.body!.content!.slice(1);
const runs = (e: docs_v1.Schema$StructuralElement) => e.paragraph!.elements!.map((x) => [x.textRun?.content, x.textRun?.textStyle]);

describe('blocks removed at the end of a container', () => {
  it('a closing tag in the last paragraph: the paragraph before takes its newline and keeps its own style', () => {
    const r = render([p('Бар', { bold: true }, CENTER), p('{{#if x}}'), p('Ішінде', {}, CENTER), p('{{/if}}')], { x: true });
    expect(r.text).toBe(r.expected);
    expect(r.text).toBe('[body]\nБар\nІшінде');
    expect(bodyOf(r.json).map((e) => e.paragraph!.paragraphStyle!.alignment)).toEqual(['CENTER', 'CENTER']);
    expect(r.calls).toEqual({ 'Docs.Documents.batchUpdate': 1 });
  });

  it('a hidden branch at the end of the document: every paragraph goes, the first kept one ends it', () => {
    const r = render([p('Бар'), p('{{#if x}}'), p('Жоқ'), p('{{/if}}')], { x: false });
    expect(r.text).toBe('[body]\nБар');
  });

  it('after a table, a last paragraph that must go is only emptied: Docs ends a section with a paragraph', () => {
    const r = render([p('a'), table([[[p('b')]]]), p('{{#if x}}Жоқ{{/if}}')], { x: false });
    expect(r.text).toBe('[body]\na\nb\n');
    expect(r.expected).toBe('[body]\na\nb');
  });

  it('a paragraph between two tables that must go is only emptied, as Docs keeps one there', () => {
    const r = render([p('a'), table([[[p('b')]]]), p('{{#if x}}Жоқ{{/if}}'), table([[[p('c')]]]), p('')], { x: false });
    expect(r.text).toBe('[body]\na\nb\n\nc\n');
  });

  it('a whole table in a hidden branch goes with it', () => {
    const r = render([p('a'), p('{{#if x}}'), table([[[p('{{y}}')]]]), p('{{/if}}'), p('z')], { x: false, y: 'Y' });
    expect(r.text).toBe('[body]\na\nz');
  });
});

describe('repeated rows', () => {
  const shaded = { rowSpan: 1, columnSpan: 1, backgroundColor: { color: { rgbColor: { red: 0.9, green: 0.9, blue: 0.9 } } } };
  const grid = () => [
    p('Тізім'),
    table([
      [[p('№', { bold: true })], [p('Аты', { bold: true })]],
      [{ blocks: [p('{{#pupils}}{{@index}}', { italic: true }, CENTER)], style: shaded }, { blocks: [p('{{name}}{{/pupils}}', { fontSize: { magnitude: 10, unit: 'PT' } })], style: shaded }],
      [[p('Барлығы')], [p('{{total}}')]],
    ], [{}, { minRowHeight: { magnitude: 20, unit: 'PT' } }, {}]),
    p(''),
  ];

  it('one row per item in item order, the template row gone, the others filled in place', () => {
    const r = render(grid(), { pupils: [{ name: 'Әлия' }, { name: '=SUM(A1)' }, { name: '<b>x</b>' }], total: 3 });
    expect(r.text).toBe('[body]\nТізім\n№\tАты\n1\tӘлия\n2\t=SUM(A1)\n3\t<b>x</b>\nБарлығы\t3\n');
    expect(r.text).toBe(r.expected);
    expect(r.calls).toEqual({ 'Docs.Documents.batchUpdate': 1 });
  });

  it('each new row looks like the template row: paragraph style, each run’s text style (its newline too), cell shading, row height', () => {
    const r = render(grid(), { pupils: [{ name: 'Әлия' }, { name: 'Нұр' }], total: 2 });
    const rows = bodyOf(r.json)[1]!.table!.tableRows!;
    for (const row of rows.slice(1, 3)) {
      expect(row.tableRowStyle).toEqual({ minRowHeight: { magnitude: 20, unit: 'PT' } });
      const [a, b] = row.tableCells!;
      expect(a!.tableCellStyle).toEqual(expect.objectContaining({ backgroundColor: shaded.backgroundColor }));
      expect(a!.content![0]!.paragraph!.paragraphStyle).toEqual(expect.objectContaining({ alignment: 'CENTER' }));
      expect(runs(a!.content![0]!)).toEqual([[expect.stringMatching(/^\d\n$/), { italic: true }]]);
      expect(runs(b!.content![0]!)).toEqual([[expect.stringMatching(/\n$/), { fontSize: { magnitude: 10, unit: 'PT' } }]]);
    }
    // The rows not repeated keep their own look.
    expect(runs(rows[0]!.tableCells![0]!.content![0]!)).toEqual([['№\n', { bold: true }]]);
    expect(rows[3]!.tableCells![0]!.tableCellStyle).not.toHaveProperty('backgroundColor');
  });

  it('an empty list leaves no row', () => {
    const r = render(grid(), { pupils: [], total: 0 });
    expect(r.text).toBe('[body]\nТізім\n№\tАты\nБарлығы\t0\n');
  });

  it('a table whose only rows repeat over an empty list goes', () => {
    const r = render([p('a'), table([[[p('{{#pupils}}{{name}}{{/pupils}}')]]]), p('b')], { pupils: [] });
    expect(r.text).toBe('[body]\na\nb');
  });

  it('a table inside a repeated row cannot be copied: said before anything is made', () => {
    const google = fakeGoogle();
    const doc = emptyDoc();
    doc.body = section('BODY_SECTION', [p(''), table([[[p('{{#pupils}}'), table([[[p('{{name}}')]]]), p('{{/pupils}}')]]]), p('')]);
    const template = loadTemplate(google.Docs, google.drive.seedPersonDoc('t', doc));
    expect(() => planRendering(template, fillGoogleTemplate(template, { pupils: [{ name: 'a' }] }))).toThrow(UnsupportedTemplate);
  });
});

describe('text', () => {
  it('text around a placeholder and in other runs keeps its own style; the value takes the placeholder’s', () => {
    const r = render([paragraph([text('Сынып: '), text('{{class}}', { bold: true }), text(' — жетекшісі', { italic: true })])], { class: '10Ә' });
    expect(runs(bodyOf(r.json)[0]!)).toEqual([['Сынып: ', {}], ['10Ә', { bold: true }], [' — жетекшісі\n', { italic: true }]]);
    // Outside a repeated row one replaceAllText a placeholder, whatever the number of its places.
    expect(r.rendering.calls.flat().filter((q) => q.replaceAllText)).toHaveLength(1);
  });

  it('a placeholder split across runs is replaced by index, in the style of the run holding its first braces', () => {
    const r = render([paragraph([text('A {{cl', { bold: true }), text('ass}} B')])], { class: '10Ә' });
    expect(r.text).toBe('[body]\nA 10Ә B');
    expect(runs(bodyOf(r.json)[0]!)).toEqual([['A 10Ә', { bold: true }], [' B\n', {}]]);
  });

  it('a line break in a value is a line break in the paragraph, as Docs keeps one (a vertical tab)', () => {
    const r = render([p('{{notes}}', { bold: true })], { notes: 'Бірінші.\nЕкінші.\r\nҮшінші.' });
    expect(bodyOf(r.json)[0]!.paragraph!.elements![0]!.textRun!.content).toBe('Бірінші.\u000bЕкінші.\u000bҮшінші.\n');
    expect(r.text).toBe('[body]\nБірінші.\nЕкінші.\nҮшінші.');
    expect(docsText('a\u0001b\ue000c\td')).toBe('abc\td');
  });

  it('characters outside the Basic Multilingual Plane count as two, in the template and in values', () => {
    const r = render(
      [p('😀 {{name}} 😀 {{other}}'), p(''), table([[[p('{{#pupils}}👩‍👧 {{name}}{{/pupils}}')]]]), p('𝔸 end')],
      { name: 'Әлия 👩‍👩‍👧', other: 'Ω', pupils: [{ name: '🙂' }, { name: 'Ұ' }] },
    );
    expect(r.text).toBe(r.expected);
    expect(r.text).toBe('[body]\n😀 Әлия 👩‍👩‍👧 😀 Ω\n\n👩‍👧 🙂\n👩‍👧 Ұ\n𝔸 end');
  });

  it('a value that spells a placeholder is written as typed, never replaced in its turn', () => {
    const r = render(
      [p('{{school}} / {{x}}'), p(''), table([[[p('{{#pupils}}{{name}} {{x}}{{/pupils}}')]]]), p('{{x}}')],
      { school: 'A {{x}} B', x: 'X', pupils: [{ name: 'Тестов {{school}} Ұлы' }] },
    );
    expect(r.text).toBe(r.expected);
    expect(r.text).toBe('[body]\nA {{x}} B / X\n\nТестов {{school}} Ұлы X\nX');
  });
});

describe('headers, footers and pictures', () => {
  it('a header is its own segment: its removals use its id, its values one replaceAllText with the body’s', () => {
    const r = render([p('{{school}}')], { school: 'Мектеп', draft: false }, [p('{{#if draft}}ЖОБА{{/if}}{{school}}', { italic: true }), p('{{#if draft}}'), p('жоба'), p('{{/if}}')]);
    expect(r.text).toBe(r.expected);
    expect(r.text).toBe('[header]\nМектеп\n[body]\nМектеп');
    const requests = r.rendering.calls.flat();
    expect(requests.filter((q) => q.deleteContentRange?.range?.segmentId === 'kix.hdr').length).toBeGreaterThan(0);
    expect(requests.filter((q) => q.replaceAllText)).toHaveLength(1);
  });

  it('a chart’s paragraph is emptied by the batch and found again by its place among the paragraphs', () => {
    const dot = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const image = { $type: 'image', bytes: dot, contentType: 'image/png', width: 2000, height: 1000 } as const;
    const r = render([p('{{#if x}}'), p('a'), p('{{/if}}'), p(''), table([[[p('{{t}}')]]]), p('{{image:chart}}', {}, CENTER), p('end')], { x: false, t: 'T', chart: image });
    expect(r.text).toBe('[body]\n\nT\n[image]\nend');
    expect(r.rendering.images).toEqual([expect.objectContaining({ section: 'body', paragraph: 2, size: { width: 642, height: 321 } })]);
    expect(r.calls).toMatchObject({ 'Docs.Documents.batchUpdate': 1, 'DocumentApp.openById': 1, 'Body.getParagraphs': 1, 'Paragraph.appendInlineImage': 1, 'InlineImage.setWidth': 1 });
    expect(bodyOf(r.json)[2]!.paragraph!.paragraphStyle!.alignment).toBe('CENTER');
  });
});

describe('a batch too large for one call', () => {
  it('split in order into several calls, makes the same document', () => {
    const model = { pupils: Array.from({ length: 40 }, (_, i) => ({ name: `Оқушы ${i + 1}`, year: 2010 + (i % 5) })), total: 40 };
    const blocks = () => [p('{{total}}'), table([[[p('{{#pupils}}{{@index}}')], [p('{{name}}')], [p('{{year}}{{/pupils}}')]]]), p('')];
    const whole = render(blocks(), model);
    const batch = planBatch(whole.filled, { textWidthPt: whole.template.textWidthPt });
    const calls = splitBatch(batch.requests, 50, 10_000);
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.flat()).toEqual(batch.requests);
    expect(calls.every((c) => c.length <= 50 && JSON.stringify(c).length <= 10_000 + 500)).toBe(true);
    const google = fakeGoogle();
    const doc = emptyDoc();
    doc.body = section('BODY_SECTION', blocks());
    const id = google.drive.seedPersonDoc('copy', doc);
    for (const requests of calls) google.Docs.Documents.batchUpdate({ requests }, id);
    expect(googleDocText(google.Docs.Documents.get(id))).toBe(whole.text);
    expect(whole.text).toBe(whole.expected);
  });
});

describe('any template, any values (property)', () => {
  const style = fc.constantFrom<TextStyle>({}, { bold: true }, { italic: true });
  const literal = fc.constantFrom('ab', 'Ә', '😀', ' ', 'x y', '{', '}');
  const tag = fc.constantFrom('{{a}}', '{{b}}', '{{ a }}', '{{#if f}}', '{{/if}}', '{{else}}');
  const runText = fc.array(fc.oneof(literal, tag), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
  const para = fc.array(fc.tuple(runText, style), { minLength: 1, maxLength: 3 }).map((rs) => paragraph(rs.map(([t, s]) => text(t, s))));
  const plain = (s: string) => p(s);
  const ifBlock = fc.array(para, { minLength: 0, maxLength: 2 }).map((inner) => [plain('{{#if f}}'), ...inner, plain('{{/if}}')]);
  const grid = fc.tuple(fc.boolean(), style, fc.boolean()).map(([loop, s, two]) => [
    table([
      [[p('№', { bold: true })], [p('{{a}}')]],
      ...(loop ? [[[paragraph([text('{{#items}}{{@index}}', s)]), ...(two ? [p('{{#if f}}sub {{a}}{{/if}}', {}, CENTER)] : [])], [paragraph([text('{{name}} {{b}}{{/items}}', s)])]]] : []),
      [[p('end')], [p('{{#if f}}yes{{else}}no{{/if}}')]],
    ]),
  ]);
  const blocks = fc.array(fc.oneof(para.map((x) => [x]), ifBlock, grid), { minLength: 1, maxLength: 5 }).map((xs) => {
    const out = xs.flat();
    // Docs ends a section with a paragraph and keeps one between two tables.
    const fixed: BlockNode[] = [];
    for (const b of out) {
      if (b.kind === 'TABLE' && fixed[fixed.length - 1]?.kind === 'TABLE') fixed.push(p(''));
      fixed.push(b);
    }
    if (fixed[fixed.length - 1]!.kind === 'TABLE') fixed.push(p(''));
    return fixed;
  });
  const value = fc.constantFrom('', 'Әлия', '😀 👩‍👧', 'a\nb', '{{a}}', '{{b}} x', '=1+1', '\u0001ctrl', '}}');
  const model = fc.record({ a: value, b: value, f: fc.boolean(), items: fc.array(fc.record({ name: value }), { maxLength: 3 }) });

  /**
   * Docs keeps a paragraph before a table that follows another one or opens the body (when the template had one there),
   * at the end after a table, and one in a section left with nothing: an empty line the engine removed stays there,
   * emptied. Rows are the lines with a tab.
   */
  const docsKeeps = (text: string): string => {
    const lines = text.split('\n');
    return lines
      .filter((line, i) => {
        if (line !== '') return true;
        const prev = lines[i - 1] ?? '';
        const next = lines[i + 1];
        const row = (l: string | undefined) => l !== undefined && l.includes('\t');
        const label = (l: string | undefined) => l === undefined || /^\[(header|body|footer)\]$/.test(l);
        return !((row(next) && (prev === '[body]' || row(prev))) || (label(next) && (row(prev) || label(prev))));
      })
      .join('\n');
  };

  const header = fc.option(fc.array(para, { minLength: 1, maxLength: 2 }), { nil: undefined });

  it('the copy reads as the engine fills the template, wherever the edits fall', () => {
    fc.assert(
      fc.property(blocks, model, header, (bs, m, h) => {
        let r;
        try {
          r = render(bs, m, h);
        } catch (e) {
          // A template the engine refuses (an unclosed {{#if}}…) is not a renderer's business.
          if (e instanceof TemplateError) return;
          throw e;
        }
        // What insertText strips, the copy has not: the engine's text is compared as Docs keeps it.
        expect(docsKeeps(r.text)).toBe(docsKeeps(r.expected.replace(/[\u0000-\u0008\u000c-\u001f]/g, '')));
      }),
      { numRuns: 200 },
    );
  });
});
