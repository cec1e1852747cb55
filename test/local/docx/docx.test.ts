import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import PizZip from 'pizzip';
import { docxBuilder } from '../../../src/local/docx/builder';
import { checkDocxTemplate, docxPlaceholders, extractText, renderDocx } from '../../../src/local/docx/render';
import { DocxPackage } from '../../../src/local/docx/package';
import { readDocx } from '../../../src/local/docx/read';
import { fillTemplate, imageValue, TemplateError, treeText, type ModelObject } from '../../../src/reports/grammar';

// A real 1×1 PNG.
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
);

function report(): Uint8Array {
  return docxBuilder({ lang: 'kk-KZ' })
    .header('{{school.name}}', { align: 'right' })
    .heading('{{school.year}} оқу жылындағы әлеуметтік паспорт')
    .paragraph(['Мектеп: ', { text: '{{scho', bold: true }, { text: 'ol.name}}', italic: true }, ', директор {{school.director}}'])
    .paragraph('{{#if has_orphans}}')
    .paragraph('Жетім балалар: {{orphans}}', { firstLineIndent: 1.25 })
    .paragraph('{{/if}}')
    .table(
      [
        ['№', 'Аты-жөні', 'Сынып'],
        ['{{#pupils}}{{@index}}', '{{full_name}}', '{{class}}{{/pupils}}'],
      ],
      { header: true, widths: [1, 6, 2] },
    )
    .paragraph('{{image:chart}}', { align: 'center' })
    .footer(['{{school.name}}, бет ', { field: 'PAGE' }], { align: 'center' })
    .build();
}

const model = (over: Partial<Record<string, unknown>> = {}): ModelObject => ({
  school: { name: '№17 мектеп-гимназиясы', year: '2025-2026', director: 'Ахметова Г.Б.' },
  has_orphans: true,
  orphans: 2,
  pupils: [
    { full_name: 'Әбілов Ерлан Қайратұлы', class: '5А' },
    { full_name: '=HYPERLINK("http://x")', class: '5Ә' },
    { full_name: '<script>alert(1)</script> & {{evil}}', class: '6Б' },
  ],
  chart: imageValue(PNG, { width: 480, height: 320 }, 'image/png', 'Санаттар'),
  ...(over as ModelObject),
});

function parts(docx: Uint8Array): Record<string, string> {
  const zip = new PizZip(docx);
  return Object.fromEntries(
    Object.keys(zip.files)
      .filter((name) => /\.(xml|rels)$/.test(name))
      .map((name) => [name, zip.file(name)!.asText()]),
  );
}

function parseStrict(xml: string, name: string): void {
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${name}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

describe('rendering a built template', () => {
  const out = renderDocx(report(), model(), { template: 'passport-kk.docx' });
  const text = extractText(out);

  it('leaves no placeholder anywhere, headers and footers included', () => {
    expect(text).not.toMatch(/\{\{(?!evil)/);
    expect(text).toBe(
      [
        '[header]',
        '№17 мектеп-гимназиясы',
        '[body]',
        '2025-2026 оқу жылындағы әлеуметтік паспорт',
        'Мектеп: №17 мектеп-гимназиясы, директор Ахметова Г.Б.',
        'Жетім балалар: 2',
        '№\tАты-жөні\tСынып',
        '1\tӘбілов Ерлан Қайратұлы\t5А',
        '2\t=HYPERLINK("http://x")\t5Ә',
        '3\t<script>alert(1)</script> & {{evil}}\t6Б',
        '[image]',
        '[footer]',
        '№17 мектеп-гимназиясы, бет 1',
      ].join('\n'),
    );
  });

  it('writes a package every part of which parses', () => {
    for (const [name, xml] of Object.entries(parts(out))) expect(() => parseStrict(xml, name)).not.toThrow();
  });

  it('escapes through the XML library and keeps spaces at the ends of a text', () => {
    const xml = parts(out)['word/document.xml']!;
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{evil}}');
    expect(xml).not.toContain('<script>');
    expect(xml).toMatch(/<w:t xml:space="preserve">Мектеп: <\/w:t>/);
  });

  it('fills a split placeholder in the first run, keeping its bold, and empties the italic one', () => {
    const xml = parts(out)['word/document.xml']!;
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>№17 мектеп-гимназиясы</w:t></w:r>');
    expect(xml).not.toContain('<w:i/>');
  });

  it('inserts the image as an inline picture with its relationship, media part and content type', () => {
    const zip = new PizZip(out);
    expect(zip.file('word/media/qamqor-image1.png')!.asUint8Array()).toEqual(PNG);
    const all = parts(out);
    const rel = /<Relationship Id="(rId\d+)" Type="[^"]+\/image" Target="media\/qamqor-image1.png"\/>/.exec(all['word/_rels/document.xml.rels']!);
    expect(rel).not.toBeNull();
    expect(all['word/document.xml']).toContain(`<a:blip r:embed="${rel![1]}"/>`);
    expect(all['word/document.xml']).toContain(`<wp:extent cx="${480 * 9525}" cy="${320 * 9525}"/>`);
    expect(all['[Content_Types].xml']).toContain('<Default Extension="png" ContentType="image/png"/>');
  });

  it('drops the if-block and the rows of an empty list, keeping the table and its header row', () => {
    const lines = extractText(renderDocx(report(), model({ has_orphans: false, pupils: [], chart: null }), { template: 't' })).split('\n');
    expect(lines).toEqual([
      '[header]', '№17 мектеп-гимназиясы', '[body]', '2025-2026 оқу жылындағы әлеуметтік паспорт',
      'Мектеп: №17 мектеп-гимназиясы, директор Ахметова Г.Б.', '№\tАты-жөні\tСынып', '[footer]', '№17 мектеп-гимназиясы, бет 1',
    ]);
  });

  it('removes a table whose only row loops over an empty list, leaving the cell or body valid', () => {
    const template = docxBuilder().table([['{{#pupils}}{{full_name}}{{/pupils}}']]).build();
    const xml = parts(renderDocx(template, { pupils: [] }, { template: 't' }))['word/document.xml']!;
    expect(xml).not.toContain('<w:tbl>');
    expect(xml).toContain('<w:body><w:p/><w:sectPr>');
  });

  it('keeps the template untouched: rendering twice gives the same text', () => {
    const template = report();
    const first = extractText(renderDocx(template, model(), { template: 't' }));
    expect(extractText(renderDocx(template, model(), { template: 't' }))).toBe(first);
  });
});

describe('the .docx writer agrees with the engine', () => {
  // What the engine says the document is, and what the written file reads back as, must be the same text:
  // the conformance corpus will hold the Google Docs renderer to the same comparison.
  const template = docxBuilder()
    .header('{{title}}')
    .paragraph('{{#if show}}')
    .table([['{{#rows}}{{@index}}. {{a}}', '{{#if flag}}{{b}}{{else}}—{{/if}}{{/rows}}'], ['{{title}}', '']])
    .paragraph('{{/if}}')
    .paragraph('{{#unless show}}нет{{/unless}} {{title}}')
    .build();
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  // The writer deliberately drops the characters XML cannot carry.
  const asWritten = (s: string) => s.replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
  const row = fc.record({ a: text, b: text, flag: fc.boolean() });

  it('for any data', () => {
    fc.assert(
      fc.property(fc.record({ title: text, show: fc.boolean(), rows: fc.array(row, { maxLength: 4 }) }), (data) => {
        const expected = treeText(fillTemplate(readDocx(new DocxPackage(template)).tree, data, { template: 't' }));
        expect(extractText(renderDocx(template, data, { template: 't' }))).toBe(asWritten(expected));
      }),
      { numRuns: 40 },
    );
  });
});

describe('template errors', () => {
  it('refuses a typo, naming the template and the placeholder', () => {
    const template = docxBuilder().header('{{schol.name}}').paragraph('{{school.name}}').build();
    let error: unknown;
    try {
      renderDocx(template, model(), { template: 'passport-ru.docx' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const templateError = error as TemplateError;
    expect(templateError.template).toBe('passport-ru.docx');
    expect(templateError.placeholder).toBe('{{schol.name}}');
    expect(templateError.messages.ru).toContain('«passport-ru.docx»');
    expect(templateError.messages.ru).toContain('«{{schol.name}}»');
    expect(templateError.messages.ru).toContain('верхний колонтитул');
    expect(templateError.problems[0]!.suggestion).toBe('{{school.name}}');
  });

  it('refuses a placeholder in a text box, which it would otherwise leave behind', () => {
    const zip = new PizZip(docxBuilder().paragraph('Кіріспе').build());
    const box = '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>{{school.name}}</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>';
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('<w:t>Кіріспе</w:t></w:r>', `<w:t>Кіріспе</w:t></w:r>${box}${box}`));
    const template = zip.generate({ type: 'uint8array' });
    expect(() => renderDocx(template, model(), { template: 't' })).toThrow(TemplateError);
    expect(checkDocxTemplate(template).map((p) => [p.code, p.placeholder])).toEqual([['unsupported_place', '{{school.name}}']]);
  });

  it('checks a template without rendering it', () => {
    const template = docxBuilder().paragraph('{{#if a}}').paragraph('{{b}} {{image:c}}').build();
    expect(checkDocxTemplate(template).map((p) => p.code)).toEqual(['image_not_alone', 'unclosed_block']);
    expect(checkDocxTemplate(docxBuilder().paragraph('{{b}}').build(), {}).map((p) => p.code)).toEqual(['unknown_placeholder']);
  });

  it('lists the placeholders of a template', () => {
    expect(docxPlaceholders(report()).map((p) => p.placeholder)).toEqual([
      '{{school.name}}', '{{school.year}}', '{{school.director}}', '{{#if has_orphans}}', '{{orphans}}',
      '{{#pupils}}', '{{@index}}', '{{full_name}}', '{{class}}', '{{image:chart}}',
    ]);
  });
});

// A document as Word writes it: a placeholder cut by spell-check marks and a bookmark, runs in a hyperlink,
// an image placeholder in the header (which has no relationships part yet), a cell emptied by an if.
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
function wordLike(): Uint8Array {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>' +
      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.org" TargetMode="External"/></Relationships>',
  );
  zip.file('word/header2.xml', `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>{{image:logo}}</w:t></w:r></w:p></w:hdr>`);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>` +
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Мектеп: {{</w:t></w:r><w:proofErr w:type="spellStart"/>' +
      '<w:bookmarkStart w:id="0" w:name="x"/><w:r><w:rPr><w:i/></w:rPr><w:t>school</w:t></w:r><w:proofErr w:type="spellEnd"/>' +
      '<w:r><w:t>.name}}</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:tab/><w:t xml:space="preserve"> соңы</w:t></w:r></w:p>' +
      '<w:p><w:hyperlink r:id="rId8"><w:r><w:t>{{site}}</w:t></w:r></w:hyperlink></w:p>' +
      '<w:p><w:r><w:t>{{note}}</w:t></w:r></w:p>' +
      '<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>{{#if hidden}}</w:t></w:r></w:p><w:p><w:r><w:t>жасырын</w:t></w:r></w:p><w:p><w:r><w:t>{{/if}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p/>' +
      '<w:sectPr><w:headerReference w:type="first" r:id="rId7"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/><w:titlePg/></w:sectPr>' +
      '</w:body></w:document>',
  );
  return zip.generate({ type: 'uint8array' });
}

describe('a template written by Word', () => {
  const out = renderDocx(
    wordLike(),
    { school: { name: 'Мектеп-лицей' }, site: 'сайт', note: 'бір\nекі\tүш', hidden: false, logo: imageValue(PNG, { width: 2000, height: 100 }) },
    { template: 'word.docx' },
  );
  const all = parts(out);

  it('reads through spell-check marks, bookmarks and hyperlinks', () => {
    expect(extractText(out)).toBe('[header:first]\n[image]\n[body]\nМектеп: Мектеп-лицей\t соңы\nсайт\nбір\nекі\tүш\n\n');
    expect(all['word/document.xml']).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t>Мектеп: Мектеп-лицей</w:t></w:r><w:proofErr');
    expect(all['word/document.xml']).toContain('<w:hyperlink r:id="rId8"><w:r><w:t>сайт</w:t></w:r></w:hyperlink>');
  });

  it('writes line breaks and tabs of a value as Word breaks and tabs', () => {
    expect(all['word/document.xml']).toContain('<w:r><w:t>бір</w:t><w:br/><w:t>екі</w:t><w:tab/><w:t>үш</w:t></w:r>');
  });

  it('leaves a paragraph in a cell whose content an if removed', () => {
    expect(all['word/document.xml']).toContain('<w:tc><w:p/></w:tc>');
  });

  it('puts a header image in the header’s own relationships, shrunk to the page width', () => {
    const rels = all['word/_rels/header2.xml.rels']!;
    const id = /Id="(rId\d+)"[^>]*Target="media\/qamqor-image1.png"/.exec(rels)![1];
    expect(all['word/header2.xml']).toContain(`r:embed="${id}"`);
    expect(all['word/header2.xml']).toContain('<w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:drawing>');
    const widthEmu = (11906 - 1701 - 850) * 635;
    expect(all['word/header2.xml']).toContain(`<wp:extent cx="${widthEmu}" cy="${Math.round((100 * 9525 * widthEmu) / (2000 * 9525))}"/>`);
    for (const [name, xml] of Object.entries(all)) expect(() => parseStrict(xml, name)).not.toThrow();
  });
});

describe('the builder', () => {
  const docx = docxBuilder({ lang: 'ru-RU', margins: { left: 25 } })
    .heading('Заголовок')
    .paragraph([{ text: 'жирный', bold: true, size: 11 }, ' обычный'], { align: 'right' })
    .table([[{ content: 'объединено', span: 2, align: 'center' }], ['a', { paragraphs: ['b1', 'b2'] }]], { widths: [1, 3] })
    .pageBreak()
    .paragraph('после разрыва', { align: 'justify' })
    .build();
  const xml = parts(docx)['word/document.xml']!;

  it('lays out an A4 page with the given margins', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(xml).toContain('w:left="1417"');
    expect(parts(docx)['word/styles.xml']).toContain('<w:lang w:val="ru-RU"');
  });

  it('writes alignment, bold, size, spans and breaks', () => {
    expect(xml).toContain('<w:jc w:val="right"/>');
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr><w:t>жирный</w:t></w:r>');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(extractText(docx)).toBe('[body]\nЗаголовок\nжирный обычный\nобъединено\na\tb1 b2\n\nпосле разрыва');
  });
});
