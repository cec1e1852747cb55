// The Google Docs renderer on the conformance corpus: every default template, in Kazakh and in Russian, converted by
// (fake) Drive from the same .docx the offline side fills, filled through DocumentApp, and read back. Its text must
// be the engine's text of the filled tree, and the .docx renderer's text of the same template and model.
import { readGoogleDoc } from '../../../src/apps-script/reports/doc-read';
import { blobMaker, fillGoogleTemplate, googleDocText, loadTemplate, renderInto } from '../../../src/apps-script/reports/render';
import { extractText, renderDocx } from '../../../src/local/docx';
import { treeText } from '../../../src/reports/doc-tree';
import { fakeGoogle } from '../../fakes/google';
import { attributeIndices, textNodes, type DocModel, type InlineNode } from '../../fakes/google-docs';
import { docxBlob, MIME } from '../../fakes/google-drive';
import { corpus, templateBytes } from '../../reports/corpus';
import { BRACES_NAME, FORMULA_NAME, SCRIPT_NAME } from '../../reports/fixture';

/**
 * Page numbers are fields: Word files keep their last result ("1"), Docs shows them as page-number elements that
 * DocumentApp reads as no text. The one place where the two renderers' texts may differ.
 */
const withoutPageNumbers = (text: string) => text.replace(/^(Бет |Страница )1( \/ | из )1$/m, '$1$2');

const google = fakeGoogle();
const cases = corpus().map((c) => {
  const bytes = templateBytes(c);
  const template = google.Drive.Files.create({ name: c.name, mimeType: MIME.doc }, docxBlob(bytes, `${c.name}.docx`)).id!;
  const loaded = loadTemplate(google.DocumentApp, template);
  const filled = fillGoogleTemplate(loaded, c.model);
  const copy = google.Drive.Files.copy({ name: `out ${c.name}` }, template).id!;
  renderInto(google.DocumentApp.openById(copy), filled, blobMaker(google.Utilities));
  return {
    ...c,
    bytes,
    expected: treeText(filled),
    text: googleDocText(google.DocumentApp.openById(copy), google.DocumentApp.ElementType),
    templateDoc: google.drive.files.get(template)!.doc!,
    doc: google.drive.files.get(copy)!.doc!,
  };
});

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

  it('keeps the template’s formatting on filled text: the header’s school name is still italic, no new style appears', () => {
    const header = c.doc.header!.children[0]!;
    expect(header.kind).toBe('PARAGRAPH');
    const runs = header.kind === 'PARAGRAPH' ? header.children.filter((x) => x.kind === 'TEXT') : [];
    expect(runs.map((t) => (t.kind === 'TEXT' ? t.chars : ''))).toEqual([expect.stringMatching(/мектеп|Школа/i)]);
    expect(runs.every((t) => t.kind === 'TEXT' && t.attrs.every((a) => a.ITALIC === true))).toBe(true);
    const styles = (doc: DocModel) => new Set(textNodes(doc).flatMap((t) => t.attrs.map((a) => JSON.stringify(a))));
    const before = styles(c.templateDoc);
    for (const style of styles(c.doc)) expect(before).toContain(style);
  });
});

describe('the Google renderer, more closely', () => {
  const byName = new Map(cases.map((c) => [c.name, c]));

  it('prints names as written: a formula, markup, braces, Kazakh letters', () => {
    for (const lang of ['kk', 'ru']) {
      expect(byName.get(`list-orphans.${lang}`)!.text).toContain(SCRIPT_NAME);
      expect(byName.get(`list-orphans.${lang}`)!.text).toContain('Қамқоршы <b>Ана</b>');
      expect(byName.get(`class-passport.${lang}`)!.text).toContain(FORMULA_NAME);
      expect(byName.get(`list-res64.${lang}`)!.text).toContain(BRACES_NAME);
      expect(byName.get(`class-passport.${lang}`)!.text).toContain('Әбенов Әлихан Серікұлы');
    }
  });

  it('puts the charts in as pictures no wider than the page, and leaves the template untouched', () => {
    const annual = byName.get('annual-report.kk')!;
    const images = annual.doc.body.children.flatMap((b) => (b.kind === 'TABLE' ? [] : b.children.filter((x): x is InlineNode => x.kind === 'INLINE_IMAGE')));
    expect(images.length).toBeGreaterThanOrEqual(1);
    const textWidthPx = ((annual.doc.page.width - annual.doc.page.left - annual.doc.page.right) * 96) / 72;
    for (const image of images) {
      expect(image.image!.contentType).toBe('image/png');
      expect(image.image!.width).toBeLessThanOrEqual(Math.ceil(textWidthPx));
    }
    expect(treeText(readGoogleDoc(google.DocumentApp.openById(google.drive.inFolder('root').find((f) => f.name === 'annual-report.kk')!.id), google.DocumentApp.ElementType, { full: true }).tree)).toMatch(/\{\{image:charts\.categories\}\}/);
  });

  it('splits runs where attributes change and merges equal neighbours, as Docs does', () => {
    const body = cases[0]!.templateDoc.body;
    const texts = body.children.flatMap((b) => (b.kind === 'TABLE' ? [] : b.children.filter((x) => x.kind === 'TEXT')));
    expect(texts.every((t) => t.kind === 'TEXT' && attributeIndices(t)[0] === 0)).toBe(true);
  });
});
