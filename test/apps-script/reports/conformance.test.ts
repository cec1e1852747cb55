// The Google Docs renderer on the conformance corpus: every default template, in Kazakh and in Russian, converted by
// (fake) Drive from the same .docx the offline side fills, read once through the Docs API, filled with one batchUpdate
// (pictures through DocumentApp), and read back. Its text must be the engine's text of the filled tree, and the .docx
// renderer's text of the same template and model; what it copies must look like the template.
import type { docs_v1 } from 'googleapis/build/src/apis/docs';
import { blobMaker, fillGoogleTemplate, googleDocText, loadTemplate, planRendering, renderInto } from '../../../src/apps-script/reports/render';
import { extractText, renderDocx } from '../../../src/local/docx';
import { treeText } from '../../../src/reports/doc-tree';
import { fakeGoogle } from '../../fakes/google';
import { paragraphsOf, type InlineNode } from '../../fakes/google-docs';
import { docxBlob, MIME } from '../../fakes/google-drive';
import { inProcess } from '../../fakes/latency';
import { corpus, templateBytes } from '../../reports/corpus';
import { BRACES_NAME, FORMULA_NAME, SCRIPT_NAME } from '../../reports/fixture';

/**
 * Page numbers are fields: Word files keep their last result ("1"), Docs shows them as auto text with no characters.
 * The one place where the two renderers' texts may differ.
 */
const withoutPageNumbers = (text: string) => text.replace(/^(Бет |Страница )1( \/ | из )1$/m, '$1$2');

const google = fakeGoogle();
const cases = corpus().map((c) => {
  const bytes = templateBytes(c);
  const template = google.Drive.Files.create({ name: c.name, mimeType: MIME.doc }, docxBlob(bytes, `${c.name}.docx`)).id!;
  const loaded = loadTemplate(google.Docs, template);
  const filled = fillGoogleTemplate(loaded, c.model);
  const rendering = planRendering(loaded, filled);
  const copy = google.Drive.Files.copy({ name: `out ${c.name}` }, template).id!;
  google.log.reset();
  renderInto(google, copy, rendering, blobMaker(google.Utilities));
  const calls = Object.entries(google.log.byMethod()).filter(([m]) => !inProcess(m));
  const json = google.Docs.Documents.get(copy);
  return {
    ...c, bytes, rendering, calls,
    expected: treeText(filled),
    text: googleDocText(json),
    json,
    templateJson: google.Docs.Documents.get(template),
    doc: google.drive.files.get(copy)!.doc!,
    templateDoc: google.drive.files.get(template)!.doc!,
  };
});

/** Every style of a kind a document's JSON holds, as JSON strings. */
function styles(doc: docs_v1.Schema$Document, kind: 'text' | 'paragraph' | 'cell'): Set<string> {
  const out = new Set<string>();
  const walk = (content: docs_v1.Schema$StructuralElement[] | undefined): void => {
    for (const e of content ?? []) {
      if (e.paragraph) {
        if (kind === 'paragraph') out.add(JSON.stringify(e.paragraph.paragraphStyle));
        if (kind === 'text') for (const x of e.paragraph.elements ?? []) if (x.textRun) out.add(JSON.stringify(x.textRun.textStyle));
      }
      for (const row of e.table?.tableRows ?? []) {
        for (const cell of row.tableCells ?? []) {
          if (kind === 'cell') out.add(JSON.stringify(cell.tableCellStyle));
          walk(cell.content);
        }
      }
    }
  };
  walk(doc.body?.content);
  for (const h of Object.values(doc.headers ?? {})) walk(h.content);
  for (const f of Object.values(doc.footers ?? {})) walk(f.content);
  return out;
}

describe.each(cases.map((c) => [c.name, c] as const))('%s in Google Docs', (_name, c) => {
  it('reads exactly as the engine fills it', () => {
    expect(c.text).toBe(c.expected);
  });

  it('reads as the .docx renderer writes it (page numbers aside)', () => {
    expect(c.text).toBe(withoutPageNumbers(extractText(renderDocx(c.bytes, c.model, { template: c.name }))));
  });

  it('leaves no placeholder, headers and footers included', () => {
    expect(c.text.split(BRACES_NAME).join('')).not.toMatch(/\{\{|\}\}/);
    expect(c.text).toMatch(/^\[header\]\n/);
    expect(c.text).toMatch(/\n\[footer\]\n/);
  });

  it('is filled by one batchUpdate; DocumentApp opens it only to put pictures in', () => {
    expect(c.rendering.calls).toHaveLength(1);
    const images = c.rendering.images.length;
    // The corpus draws its charts as a 1×1 dot said to be 600×300: each is sized after it goes in.
    const resized = images;
    expect(Object.fromEntries(c.calls)).toEqual({
      'Docs.Documents.batchUpdate': 1,
      ...(images ? { 'DocumentApp.openById': 1, 'Document.getBody': 1, 'Body.getParagraphs': 1, 'Paragraph.appendInlineImage': images, 'Document.saveAndClose': 1 } : {}),
      ...(resized ? { 'InlineImage.setWidth': resized, 'InlineImage.setHeight': resized } : {}),
    });
  });

  it('keeps the template’s formatting: the header’s school name still italic; no text, paragraph or cell style the template lacks', () => {
    const header = Object.values(c.json.headers!)[0]!.content![0]!.paragraph!;
    const runs = header.elements!.filter((e) => e.textRun && e.textRun.content !== '\n');
    expect(runs.map((e) => e.textRun!.content!.replace(/\n$/, ''))).toEqual([expect.stringMatching(/мектеп|Школа/i)]);
    expect(runs.every((e) => e.textRun!.textStyle!.italic === true)).toBe(true);
    for (const kind of ['text', 'paragraph', 'cell'] as const) {
      const before = styles(c.templateJson, kind);
      for (const style of styles(c.json, kind)) expect([kind, before.has(style) ? 'known' : style]).toEqual([kind, 'known']);
    }
  });
});

describe('the Google renderer, more closely', () => {
  const byName = new Map(cases.map((c) => [c.name, c]));

  it('prints names as written: a formula, markup, braces (even the name of a placeholder), Kazakh letters', () => {
    for (const lang of ['kk', 'ru']) {
      expect(byName.get(`list-orphans.${lang}`)!.text).toContain(SCRIPT_NAME);
      expect(byName.get(`list-orphans.${lang}`)!.text).toContain('Қамқоршы <b>Ана</b>');
      expect(byName.get(`class-passport.${lang}`)!.text).toContain(FORMULA_NAME);
      expect(byName.get(`list-res64.${lang}`)!.text).toContain(BRACES_NAME);
      expect(byName.get(`class-passport.${lang}`)!.text).toContain('Әбенов Әлихан Серікұлы');
    }
  });

  it('copies a repeated row’s look onto every row made from it: its cells’ paragraph and text styles', () => {
    const c = byName.get('class-passport.kk')!;
    const rowsOf = (doc: docs_v1.Schema$Document) => (doc.body!.content ?? []).flatMap((e) => e.table?.tableRows ?? []);
    const look = (row: docs_v1.Schema$TableRow) => JSON.stringify(row.tableCells!.map((cell) => cell.content!.map((p) => [p.paragraph?.paragraphStyle, p.paragraph?.elements?.map((x) => x.textRun?.textStyle)])));
    const loops = rowsOf(c.templateJson).filter((r) => JSON.stringify(r).includes('{{#'));
    expect(loops.length).toBeGreaterThan(0);
    const made = rowsOf(c.json);
    for (const loop of loops) {
      const firstCell = (loop.tableCells![0]!.content![0]!.paragraph!.elements ?? []).map((e) => e.textRun?.content ?? '').join('');
      expect(firstCell).toMatch(/^\{\{#/);
      const templateLook = look(loop).replace(/"content":"[^"]*"/g, '');
      expect(made.some((r) => look(r).replace(/"content":"[^"]*"/g, '') === templateLook)).toBe(true);
    }
  });

  it('puts the charts in as pictures no wider than the page, and leaves the template untouched', () => {
    const annual = byName.get('annual-report.kk')!;
    const images = paragraphsOf(annual.doc.body.children).flatMap((p) => p.children.filter((x): x is InlineNode => x.kind === 'INLINE_IMAGE'));
    expect(images).toHaveLength(annual.rendering.images.length);
    expect(images.length).toBeGreaterThanOrEqual(1);
    const textWidthPx = ((annual.doc.page.width - annual.doc.page.left - annual.doc.page.right) * 96) / 72;
    for (const image of images) {
      expect(image.image!.contentType).toBe('image/png');
      expect(image.image!.width).toBeLessThanOrEqual(Math.ceil(textWidthPx));
    }
    expect(googleDocText(annual.templateJson)).toMatch(/\{\{image:charts\.categories\}\}/);
  });
});
