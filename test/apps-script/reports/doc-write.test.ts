// The writer's text edits and structural rules. An edited run keeps its attributes whichever neighbour Docs gives
// inserted text the style of (a property test over both rules); the last paragraph of a section is merged away,
// never refused; repeated rows come out in item order.
import fc from 'fast-check';
import type { GText } from '../../../src/apps-script/google-services';
import { replaceRun } from '../../../src/apps-script/reports/doc-write';
import { blobMaker, fillGoogleTemplate, googleDocText, loadTemplate, renderInto } from '../../../src/apps-script/reports/render';
import { treeText } from '../../../src/reports/doc-tree';
import { fakeGoogle } from '../../fakes/google';
import { emptyDoc, paragraph, section, table, text } from '../../fakes/google-docs';

type Rule = 'before' | 'after';

/** A Text whose inserted characters take the style of the character before (or after) them. */
function textOf(runs: { chars: string; style: string }[], rule: Rule): GText & { chars: string; styles: string[]; calls: number } {
  const t = {
    chars: runs.map((r) => r.chars).join(''),
    styles: runs.flatMap((r) => Array.from(r.chars, () => r.style)),
    calls: 0,
    getText: () => t.chars,
    getTextAttributeIndices: () => [],
    insertText(offset: number, s: string) {
      t.calls++;
      const like = rule === 'before' ? t.styles[offset - 1] ?? t.styles[offset] : t.styles[offset] ?? t.styles[offset - 1];
      t.chars = t.chars.slice(0, offset) + s + t.chars.slice(offset);
      t.styles.splice(offset, 0, ...Array.from(s, () => like ?? ''));
      return t;
    },
    deleteText(start: number, end: number) {
      t.calls++;
      if (start < 0 || end < start || end >= t.chars.length) throw new Error(`bad range ${start}…${end}`);
      t.chars = t.chars.slice(0, start) + t.chars.slice(end + 1);
      t.styles.splice(start, end - start + 1);
      return t;
    },
    getAttributes(offset: number) {
      t.calls++;
      return { STYLE: t.styles[offset] };
    },
    setAttributes(start: number, end: number, attrs: Record<string, unknown>) {
      t.calls++;
      for (let i = start; i <= end; i++) t.styles[i] = String(attrs.STYLE);
      return t;
    },
  };
  return t;
}

describe('replacing the text of one run', () => {
  const runs = fc.array(fc.record({ chars: fc.string({ minLength: 1, maxLength: 6 }), style: fc.constantFrom('a', 'b', 'c') }), { minLength: 1, maxLength: 5 });

  it.each(['before', 'after'] as Rule[])('keeps the run’s style and touches nothing else (inserted text styled like the character %s it)', (rule) => {
    fc.assert(
      fc.property(runs, fc.nat(), fc.string({ maxLength: 8 }), (layout, pick, replacement) => {
        const i = pick % layout.length;
        const t = textOf(layout, rule);
        const start = layout.slice(0, i).reduce((n, r) => n + r.chars.length, 0);
        replaceRun(t, start, layout[i]!.chars, replacement, i === layout.length - 1);
        const expected = layout.map((r, j) => (j === i ? replacement : r.chars));
        expect(t.chars).toBe(expected.join(''));
        expect(t.styles).toEqual(layout.flatMap((r, j) => Array.from(expected[j]!, () => r.style)));
        // Two calls at the end of the text, three for a run of two characters or more, four for a single character.
        expect(t.calls).toBeLessThanOrEqual(i === layout.length - 1 ? 2 : layout[i]!.chars.length >= 2 ? 3 : 4);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a line break as Docs keeps one in a paragraph', () => {
    const google = fakeGoogle();
    const doc = emptyDoc();
    doc.body = section('BODY_SECTION', [paragraph([text('{{notes}}', { BOLD: true })])]);
    const id = google.drive.seedPersonDoc('t', doc);
    const template = loadTemplate(google.DocumentApp, id);
    renderInto(google.DocumentApp.openById(id), fillGoogleTemplate(template, { notes: 'Бірінші.\nЕкінші.' }), blobMaker(google.Utilities));
    const t = doc.body.children[0]!;
    expect(t.kind === 'PARAGRAPH' && t.children[0]!.kind === 'TEXT' && t.children[0]!.chars).toBe('Бірінші.\rЕкінші.');
    expect(googleDocText(google.DocumentApp.openById(id), google.DocumentApp.ElementType)).toBe('[body]\nБірінші.\nЕкінші.');
  });
});

describe('structure', () => {
  function render(blocks: Parameters<typeof section>[1], model: Record<string, unknown>) {
    const google = fakeGoogle();
    const doc = emptyDoc();
    doc.body = section('BODY_SECTION', blocks);
    const id = google.drive.seedPersonDoc('t', doc);
    const template = loadTemplate(google.DocumentApp, id);
    const filled = fillGoogleTemplate(template, model as never);
    google.log.reset();
    renderInto(google.DocumentApp.openById(id), filled, blobMaker(google.Utilities));
    return { text: googleDocText(google.DocumentApp.openById(id), google.DocumentApp.ElementType), expected: treeText(filled), doc, calls: google.log.byMethod() };
  }
  const p = (s: string) => paragraph([text(s)]);

  it('a closing tag in the last paragraph: the paragraph is merged into the one before, which Docs allows', () => {
    const r = render([p('Бар'), p('{{#if x}}'), p('Ішінде'), p('{{/if}}')], { x: true });
    expect(r.text).toBe(r.expected);
    expect(r.text).toBe('[body]\nБар\nІшінде');
    expect(r.calls['Paragraph.merge']).toBe(1);
  });

  it('a hidden branch at the end of the document: every paragraph goes, the first kept one ends it', () => {
    const r = render([p('Бар'), p('{{#if x}}'), p('Жоқ'), p('{{/if}}')], { x: false });
    expect(r.text).toBe('[body]\nБар');
  });

  it('after a table, a last paragraph that must go is only emptied: Docs ends a section with a paragraph', () => {
    const r = render([table([[[p('a')]]]), p('{{#if x}}Жоқ{{/if}}')], { x: false });
    expect(r.text).toBe('[body]\na\n');
    expect(r.expected).toBe('[body]\na');
  });

  it('a repeated row: one copy per item in item order, the template row gone, other rows untouched', () => {
    const r = render(
      [table([[[p('№')], [p('Аты')]], [[p('{{#pupils}}{{@index}}')], [p('{{name}}{{/pupils}}')]], [[p('Барлығы')], [p('{{total}}')]]]), p('')],
      { pupils: [{ name: 'Әлия' }, { name: '=SUM(A1)' }, { name: '<b>x</b>' }], total: 3 },
    );
    expect(r.text).toBe('[body]\n№\tАты\n1\tӘлия\n2\t=SUM(A1)\n3\t<b>x</b>\nБарлығы\t3\n');
    expect(r.text).toBe(r.expected);
    expect(r.calls['Table.insertTableRow']).toBe(3);
    expect(r.calls['TableRow.removeFromParent']).toBe(1);
  });

  it('an empty list leaves no row', () => {
    const r = render([table([[[p('№')]], [[p('{{#pupils}}{{name}}{{/pupils}}')]]]), p('')], { pupils: [] });
    expect(r.text).toBe('[body]\n№\n');
  });

  it('text around a placeholder and in other runs is kept with its own style', () => {
    const google = fakeGoogle();
    const doc = emptyDoc();
    const para = paragraph([{ kind: 'TEXT', chars: 'Сынып: {{class}} — жетекшісі', attrs: [...Array(7).fill({}), ...Array(9).fill({ BOLD: true }), ...Array(12).fill({ ITALIC: true })] }]);
    doc.body = section('BODY_SECTION', [para]);
    const id = google.drive.seedPersonDoc('t', doc);
    const template = loadTemplate(google.DocumentApp, id);
    renderInto(google.DocumentApp.openById(id), fillGoogleTemplate(template, { class: '10Ә' }), blobMaker(google.Utilities));
    const t = para.children[0]!;
    if (t.kind !== 'TEXT') throw new Error('text expected');
    expect(t.chars).toBe('Сынып: 10Ә — жетекшісі');
    expect(t.attrs.slice(0, 7).every((a) => !a.BOLD)).toBe(true);
    expect(t.attrs.slice(7, 10).every((a) => a.BOLD === true)).toBe(true);
    expect(t.attrs.slice(10).every((a) => a.ITALIC === true)).toBe(true);
  });
});
