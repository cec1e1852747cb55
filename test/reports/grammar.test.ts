import fc from 'fast-check';
import type { Block, DocTree, FilledBlock, FilledDoc, Paragraph, Section, Table } from '../../src/reports/doc-tree';
import {
  checkTemplate, describeModel, fillTemplate, imageValue, listPlaceholders, TemplateError, treeText,
  type ModelObject,
} from '../../src/reports/grammar';
import { parseTag, scanText } from '../../src/reports/tags';

// Hand-made trees: a run's ref is a label, so tests can check which run received which text.
type H = string;
let runId = 0;
const p = (...texts: string[]): Paragraph<H> => ({
  type: 'paragraph',
  runs: texts.map((text) => ({ text, ref: `r${++runId}` })),
  ref: 'p',
});
const table = (...rows: Block<H>[][][]): Table<H> => ({
  type: 'table',
  ref: 't',
  rows: rows.map((cells) => ({ ref: 'tr', cells: cells.map((blocks) => ({ ref: 'tc', blocks })) })),
});
/** A table whose cells each hold one paragraph of one run. */
const grid = (...rows: string[][]): Table<H> => table(...rows.map((row) => row.map((text) => [p(text)])));
const body = (...blocks: Block<H>[]): Section<H> => ({ kind: 'body', variant: 'default', blocks, ref: 'body' });
const doc = (...sections: Section<H>[]): DocTree<H> => ({ sections });
const bodyDoc = (...blocks: Block<H>[]): DocTree<H> => doc(body(...blocks));

const fill = (tree: DocTree<H>, model: ModelObject): FilledDoc<H> => fillTemplate(tree, model, { template: 'test.docx' });
const text = (tree: DocTree<H>, model: ModelObject): string => treeText(fill(tree, model));
/** The body's lines, without the section label. */
const lines = (tree: DocTree<H>, model: ModelObject): string[] => text(tree, model).split('\n').slice(1);

function failure(tree: DocTree<H>, model: ModelObject): TemplateError {
  try {
    fill(tree, model);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

const school = { school: { name: '№17 жалпы білім беретін мектеп', director: { name: 'Ахметова Г.' } } };

describe('values', () => {
  it('fills dotted paths and keeps the text around them', () => {
    expect(lines(bodyDoc(p('Мектеп: {{school.name}}, директор {{ school.director.name }}.')), school)).toEqual([
      'Мектеп: №17 жалпы білім беретін мектеп, директор Ахметова Г..',
    ]);
  });

  it('fills headers and footers, and labels every section', () => {
    const tree = doc(
      { kind: 'header', variant: 'default', blocks: [p('{{school.name}}')], ref: 'hdr' },
      body(p('Мәтін')),
      { kind: 'footer', variant: 'first', blocks: [p('{{school.director.name}}')], ref: 'ftr' },
    );
    expect(text(tree, school)).toBe('[header]\n№17 жалпы білім беретін мектеп\n[body]\nМәтін\n[footer:first]\nАхметова Г.');
  });

  it('renders numbers with String() and null as nothing', () => {
    expect(lines(bodyDoc(p('{{a}}|{{b}}|{{c}}|{{d}}')), { a: 42, b: 3.5, c: null, d: 0 })).toEqual(['42|3.5||0']);
  });

  it('puts a placeholder split over runs into the run of its "{{", keeping that style, and trims the others', () => {
    const paragraph = p('Мектеп: {', '{scho', 'ol.na', 'me}', '} бойынша');
    const filled = fill(bodyDoc(paragraph), school);
    const out = filled.sections[0]!.blocks[0]!;
    expect(out.type).toBe('paragraph');
    if (out.type !== 'paragraph') return;
    expect(out.runs.map((r) => r.text)).toEqual(['Мектеп: №17 жалпы білім беретін мектеп', '', '', '', ' бойынша']);
    expect(out.runs.map((r) => r.ref)).toEqual(paragraph.runs.map((r) => r.ref));
  });

  it('fills two placeholders sharing a run, and one starting at a run boundary', () => {
    const filled = fill(bodyDoc(p('{{a}}-{{', 'b}}')), { a: 'A', b: 'B' });
    const out = filled.sections[0]!.blocks[0] as Extract<FilledBlock<H>, { type: 'paragraph' }>;
    expect(out.runs.map((r) => r.text)).toEqual(['A-B', '']);
  });

  it.each([
    ['=HYPERLINK("http://x")'],
    ['<script>alert(1)</script>'],
    ['{{evil}}'],
    ['{{#if x}}оп{{/if}} {{image:chart}}'],
    ['Әәғқңөұүһі ӘҒҚҢӨҰҮҺІ'],
    ['  leading and trailing  '],
    ['$& $1 $$'],
  ])('inserts %p literally, never reading it again', (value) => {
    expect(lines(bodyDoc(p('[{{v}}]')), { v: value })).toEqual([`[${value}]`]);
  });

  it('never re-reads inserted text, for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const out = fill(bodyDoc(p('{{a}}{{b}}')), { a, b }).sections[0]!.blocks[0] as Extract<FilledBlock<H>, { type: 'paragraph' }>;
        expect(out.runs.map((r) => r.text)).toEqual([a + b]);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a list, a group or a flag where text is expected, saying what to use instead', () => {
    const error = failure(bodyDoc(p('{{pupils}} {{school}} {{ok}}')), { pupils: [], school: {}, ok: true });
    expect(error.problems.map((x) => [x.code, x.placeholder, x.found])).toEqual([
      ['not_text', '{{pupils}}', 'list'],
      ['not_text', '{{school}}', 'group'],
      ['not_text', '{{ok}}', 'flag'],
    ]);
    expect(error.problems[0]!.message.ru).toContain('{{#pupils}}');
    expect(error.problems[2]!.message.kk).toContain('{{#if ok}}');
  });
});

describe('row loops', () => {
  const pupils = [
    { full_name: 'Әбілов Ерлан', class: '5А' },
    { full_name: 'Қасымова Айгүл', class: '5Ә' },
    { full_name: 'Нұрланов Тимур', class: '6Б' },
  ];
  const template = () =>
    grid(['№', 'Аты-жөні', 'Сынып'], ['{{#pupils}}{{@index}}', '{{full_name}}', '{{class}} ({{school.name}}){{/pupils}}'], ['', 'Барлығы', '{{total}}']);

  it('repeats the row once per item, counting from 1 and falling back to outer scopes', () => {
    expect(lines(bodyDoc(template()), { ...school, pupils, total: 3 })).toEqual([
      '№\tАты-жөні\tСынып',
      '1\tӘбілов Ерлан\t5А (№17 жалпы білім беретін мектеп)',
      '2\tҚасымова Айгүл\t5Ә (№17 жалпы білім беретін мектеп)',
      '3\tНұрланов Тимур\t6Б (№17 жалпы білім беретін мектеп)',
      '\tБарлығы\t3',
    ]);
  });

  it('tells each output row which item it is, pointing at its template row', () => {
    const filled = fill(bodyDoc(template()), { ...school, pupils, total: 3 });
    const rows = (filled.sections[0]!.blocks[0] as Extract<FilledBlock<H>, { type: 'table' }>).rows;
    expect(rows.map((r) => r.item)).toEqual([null, 0, 1, 2, null]);
    const tableTemplate = filled.sections[0]!.blocks[0]!.from as Table<H>;
    expect(rows[1]!.from).toBe(tableTemplate.rows[1]);
    expect(rows[3]!.from).toBe(tableTemplate.rows[1]);
  });

  it('removes the row for an empty list', () => {
    expect(lines(bodyDoc(template()), { ...school, pupils: [], total: 0 })).toEqual(['№\tАты-жөні\tСынып', '\tБарлығы\t0']);
  });

  it('lets an item shadow an outer value, and reaches lists of plain strings through {{this}}', () => {
    const tree = bodyDoc(grid(['{{#classes}}{{name}}: {{#if pupils}}есть{{/if}}{{/classes}}']), grid(['{{#tags}}{{@index}}. {{this}}{{/tags}}']));
    const model = { name: 'outer', classes: [{ name: '5А', pupils: ['x'] }, { name: '5Ә', pupils: [] }], tags: ['a', 'b'] };
    expect(lines(tree, model)).toEqual(['5А: есть', '5Ә: ', '1. a', '2. b']);
  });

  it('nests: a table in a repeated row loops over the item’s own list', () => {
    const inner = table([[p('{{#pupils}}{{full_name}}{{/pupils}}')]]);
    const tree = bodyDoc(table([[p('{{#classes}}{{name}}')], [inner, p('{{/classes}}')]]));
    const model = { classes: [{ name: '5А', pupils: [{ full_name: 'А' }, { full_name: 'Б' }] }, { name: '6Б', pupils: [] }] };
    expect(lines(tree, model)).toEqual(['5А\tА Б ', '6Б\t']);
  });

  it('drops a table left without rows', () => {
    expect(lines(bodyDoc(p('a'), grid(['{{#pupils}}{{full_name}}{{/pupils}}']), p('b')), { pupils: [] })).toEqual(['a', 'b']);
  });

  it('finds the loop tags past empty paragraphs a teacher cannot see', () => {
    const tree = bodyDoc(table([[p(''), p('{{#tags}}{{this}}')], [p('{{/tags}}'), p(' ')]]));
    expect(lines(tree, { tags: ['a', 'b'] })).toEqual([' a\t  ', ' b\t  ']);
  });

  it('refuses a loop over something that is not a list', () => {
    const error = failure(bodyDoc(grid(['{{#school}}x{{/school}}'])), school);
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([['not_a_list', '{{#school}}']]);
  });

  it('refuses a row loop whose closing tag is not in the same row', () => {
    const error = failure(bodyDoc(grid(['{{#pupils}}{{full_name}}', 'x'], ['{{/pupils}}', 'y'])), { pupils: pupils });
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([
      ['loop_close_not_in_row', '{{#pupils}}'],
      ['unexpected_close', '{{/pupils}}'],
    ]);
    expect(error.problems[0]!.message.ru).toContain('{{/pupils}}');
  });

  it('refuses a loop that does not open a row', () => {
    const error = failure(bodyDoc(p('Оқушылар: {{#pupils}}{{full_name}}{{/pupils}}')), { pupils });
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([
      ['loop_not_row_start', '{{#pupils}}'],
      ['unexpected_close', '{{/pupils}}'],
      // Outside a loop the item's fields are unknown: true, and it tells the teacher the same thing again.
      ['unknown_placeholder', '{{full_name}}'],
    ]);
  });
});

describe('conditional blocks', () => {
  const tree = () =>
    bodyDoc(
      p('Кіріспе'),
      p('{{#if has_orphans}}'),
      p('Жетім балалар: {{orphans}}'),
      grid(['a', 'b']),
      p('{{#unless many}}'),
      p('аз'),
      p('{{else}}'),
      p('көп'),
      p('{{/unless}}'),
      p('{{/if}}'),
      p('Қорытынды'),
    );

  it('keeps the blocks between when true, and leaves no line for the tags', () => {
    expect(lines(tree(), { has_orphans: true, orphans: 2, many: false })).toEqual(['Кіріспе', 'Жетім балалар: 2', 'a\tb', 'аз', 'Қорытынды']);
    expect(lines(tree(), { has_orphans: 1, orphans: 9, many: true })).toEqual(['Кіріспе', 'Жетім балалар: 9', 'a\tb', 'көп', 'Қорытынды']);
  });

  it.each([false, 0, '', null, []])('removes them, tables included, for the falsy value %p', (value) => {
    expect(lines(tree(), { has_orphans: value as never, orphans: 0, many: false })).toEqual(['Кіріспе', 'Қорытынды']);
  });

  it('does not look up what a hidden branch would show', () => {
    expect(lines(tree(), { has_orphans: false })).toEqual(['Кіріспе', 'Қорытынды']);
  });

  it('works inside one paragraph and inside a table cell', () => {
    const t = bodyDoc(p('Бар{{#if a}} және {{b}}{{/if}}.'), grid(['{{#if a}}иә{{else}}жоқ{{/if}}', 'x']));
    expect(lines(t, { a: true, b: 'B' })).toEqual(['Бар және B.', 'иә\tx']);
    expect(lines(t, { a: false })).toEqual(['Бар.', 'жоқ\tx']);
  });

  it('trims an if spanning paragraphs at its ends, keeping the text outside it', () => {
    const t = bodyDoc(p('алды {{#if a}}ішкі'), p('ортасы'), p('соңы{{/if}} кейін'));
    expect(lines(t, { a: false })).toEqual(['алды ', ' кейін']);
    expect(lines(t, { a: true })).toEqual(['алды ішкі', 'ортасы', 'соңы кейін']);
  });

  it('keeps an empty paragraph of the template, and drops one only inside a false branch', () => {
    const t = bodyDoc(p(''), p('{{#if a}}'), p(''), p('{{/if}}'));
    expect(lines(t, { a: false })).toEqual(['']);
    expect(lines(t, { a: true })).toEqual(['', '']);
  });

  it('keeps an opaque paragraph (a picture, a page break) even when only block tags are left in its text', () => {
    const t = bodyDoc({ ...p('{{#if a}}'), opaque: true }, p('x'), p('{{/if}}'));
    expect(fill(t, { a: true }).sections[0]!.blocks.length).toBe(2);
  });

  it('reports unclosed, mismatched and stray tags, each with its placeholder', () => {
    const tree = bodyDoc(p('{{/unless}}'), p('{{else}}'), p('{{#if a}}'), p('{{#unless b}}'), p('{{/if}}'), p('{{/if}}'), p('{{#if c}}'));
    const error = failure(tree, { a: true, b: false, c: true });
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([
      ['unexpected_close', '{{/unless}}'],
      ['stray_else', '{{else}}'],
      ['mismatched_close', '{{/if}}'],
      ['unclosed_block', '{{#if c}}'],
    ]);
    expect(error.problems[2]!.message.ru).toContain('{{/unless}}');
  });

  it('reports an if left open at the end of a cell: blocks open and close in one container', () => {
    const error = failure(bodyDoc(grid(['{{#if a}}x', 'y{{/if}}'])), { a: true });
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([
      ['unclosed_block', '{{#if a}}'],
      ['unexpected_close', '{{/if}}'],
    ]);
  });
});

describe('images', () => {
  const png = new Uint8Array([1, 2, 3]);

  it('marks a paragraph holding only {{image:path}} as an image block', () => {
    const chart = imageValue(png, { width: 400, height: 300 }, 'image/png', 'Санаттар');
    const filled = fill(bodyDoc(p('  {{image:', 'charts.categories}} ')), { charts: { categories: chart } });
    expect(filled.sections[0]!.blocks).toEqual([{ type: 'image', from: expect.anything(), path: 'charts.categories', image: chart }]);
    expect(treeText(filled)).toBe('[body]\n[image]');
  });

  it('drops the paragraph for a null image', () => {
    expect(lines(bodyDoc(p('{{image:chart}}'), p('x')), { chart: null })).toEqual(['x']);
  });

  it('refuses an image with other text beside it, and a value that is not an image', () => {
    const error = failure(bodyDoc(p('Диаграмма: {{image:chart}}'), p('{{image:name}}')), { chart: imageValue(png, { width: 1, height: 1 }), name: 'x' });
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([
      ['image_not_alone', '{{image:chart}}'],
      ['not_an_image', '{{image:name}}'],
    ]);
  });
});

describe('errors', () => {
  it('names the template and the unknown placeholder, in Kazakh and Russian, with a likely fix', () => {
    const error = failure(doc({ kind: 'header', variant: 'default', blocks: [p('{{schol.name}}')], ref: 'h' }), school);
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.template).toBe('test.docx');
    expect(error.placeholder).toBe('{{schol.name}}');
    expect(error.problems[0]).toMatchObject({ code: 'unknown_placeholder', section: 'header', suggestion: '{{school.name}}' });
    expect(error.messages.kk).toContain('«test.docx»');
    expect(error.messages.kk).toContain('{{schol.name}}');
    expect(error.messages.kk).toContain('жоғарғы колонтитул');
    expect(error.messages.ru).toContain('может быть, «{{school.name}}»');
    expect(error.message).toContain(error.messages.ru);
  });

  it('collects every problem of a template, once each even inside repeated rows', () => {
    const tree = bodyDoc(p('{{a}} {{b}}'), grid(['{{#pupils}}{{nme}}{{/pupils}}']), p('{{#if flag}}'), p('{{c}}'), p('{{/if}}'), p('{{school.name'));
    const error = failure(tree, { ...school, a: 1, pupils: [{ name: 'x' }, { name: 'y' }], flag: true });
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([
      ['malformed_placeholder', '{{school.name'],
      ['unknown_placeholder', '{{b}}'],
      ['unknown_placeholder', '{{nme}}'],
      ['unknown_placeholder', '{{c}}'],
    ]);
    expect(error.problems.find((x) => x.placeholder === '{{nme}}')!.suggestion).toBe('{{name}}');
  });

  it('checks the syntax of hidden branches too, where the data is not looked at', () => {
    const error = failure(bodyDoc(p('{{#if no}}'), p('{{school.name}'), p('{{/if}}')), { no: false, ...school });
    expect(error.problems.map((x) => [x.code, x.placeholder])).toEqual([['malformed_placeholder', '{{school.name']]);
  });

  it('refuses half-typed and empty tags', () => {
    const problems = checkTemplate(bodyDoc(p('{{}} {{a b}} }} {{#if}}')));
    expect(problems.map((x) => x.placeholder)).toEqual(['{{}}', '{{a b}}', '}}', '{{#if}}']);
    expect(problems.every((x) => x.code === 'malformed_placeholder')).toBe(true);
  });

  it('refuses tags in text the renderer cannot fill, once each', () => {
    const unfillable = [{ section: 'footer' as const, text: 'сноска {{school.name}}' }, { section: 'footer' as const, text: 'сноска {{school.name}}' }];
    let error: unknown;
    try {
      fillTemplate(bodyDoc(p('x')), school, { template: 't', unfillable });
    } catch (e) {
      error = e;
    }
    expect((error as TemplateError).problems.map((x) => [x.code, x.placeholder, x.section])).toEqual([['unsupported_place', '{{school.name}}', 'footer']]);
  });

  it('does not reach into prototypes', () => {
    expect(failure(bodyDoc(p('{{constructor}} {{school.toString}}')), school).problems.map((x) => x.code)).toEqual([
      'unknown_placeholder', 'unknown_placeholder',
    ]);
  });
});

describe('tags', () => {
  it.each([
    ['school.name', { kind: 'value', path: 'school.name' }],
    [' @index ', { kind: 'value', path: '@index' }],
    ['#pupils', { kind: 'loop', path: 'pupils' }],
    ['/pupils', { kind: 'endloop', path: 'pupils' }],
    ['#if  has_orphans', { kind: 'if', path: 'has_orphans', negate: false }],
    ['#unless x.y', { kind: 'if', path: 'x.y', negate: true }],
    ['/unless', { kind: 'endif', negate: true }],
    ['else', { kind: 'else' }],
    ['image: charts.main', { kind: 'image', path: 'charts.main' }],
    ['мектеп.аты', { kind: 'value', path: 'мектеп.аты' }],
    ['a..b', { kind: 'malformed' }],
  ])('parses {{%s}}', (inner, tag) => {
    expect(parseTag(inner)).toEqual(tag);
  });

  it('covers the whole text with pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{', '}', 'a', '.', ' ', '#', '/', 'ә')), (chars) => {
        const text = chars.join('');
        const pieces = scanText(text);
        let at = 0;
        for (const piece of pieces) {
          expect(piece.start).toBe(at);
          expect(piece.end).toBeGreaterThan(piece.start);
          at = piece.end;
        }
        expect(at).toBe(text.length);
      }),
    );
  });
});

describe('listing', () => {
  it('lists the placeholders a template uses, with the loops they sit in', () => {
    const tree = doc(
      { kind: 'header', variant: 'default', blocks: [p('{{school.name}}')], ref: 'h' },
      body(p('{{#if has_orphans}}{{school.name}}{{/if}}'), grid(['{{#pupils}}{{@index}}', '{{full_name}}{{/pupils}}']), p('{{image:chart}}')),
    );
    expect(listPlaceholders(tree).map((x) => [x.placeholder, x.kind, x.within.join('/'), x.section])).toEqual([
      ['{{school.name}}', 'value', '', 'header'],
      ['{{#if has_orphans}}', 'if', '', 'body'],
      ['{{#pupils}}', 'loop', '', 'body'],
      ['{{@index}}', 'value', 'pupils', 'body'],
      ['{{full_name}}', 'value', 'pupils', 'body'],
      ['{{image:chart}}', 'image', '', 'body'],
    ]);
  });

  it('describes what a model offers', () => {
    const model = {
      school: { name: 'Мектеп', students: 120 },
      has_orphans: true,
      pupils: [{ full_name: 'А', note: null }, { full_name: 'Б', note: 'x' }],
      chart: imageValue(new Uint8Array(), { width: 1, height: 1 }),
    };
    expect(describeModel(model).map((x) => [x.path, x.kind, x.within.join('/'), x.placeholder, x.example])).toEqual([
      ['school', 'group', '', '{{school}}', undefined],
      ['school.name', 'text', '', '{{school.name}}', 'Мектеп'],
      ['school.students', 'number', '', '{{school.students}}', '120'],
      ['has_orphans', 'flag', '', '{{#if has_orphans}} … {{/if}}', undefined],
      ['pupils', 'list', '', '{{#pupils}} … {{/pupils}}', undefined],
      ['@index', 'number', 'pupils', '{{@index}}', '1'],
      ['full_name', 'text', 'pupils', '{{full_name}}', 'А'],
      ['note', 'text', 'pupils', '{{note}}', 'x'],
      ['chart', 'image', '', '{{image:chart}}', undefined],
    ]);
  });
});
