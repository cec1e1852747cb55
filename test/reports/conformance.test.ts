// The .docx renderer against the engine on the corpus: same template, same model, same text. The snapshot is the
// corpus's expected text, for review and for the Google Docs renderer to be compared with.
import { extractText, renderDocx } from '../../src/local/docx';
import { corpus, expectedDocxText, templateBytes } from './corpus';
import { BRACES_NAME, FORMULA_NAME, SCRIPT_NAME } from './fixture';

describe.each(corpus().map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const template = templateBytes(c);
  const expected = expectedDocxText(template, c.model, c.name);
  const text = extractText(renderDocx(template, c.model, { template: c.name }));

  it('reads exactly as the engine fills it', () => {
    expect(text).toBe(expected);
  });

  it('leaves no placeholder, headers and footers included; only a name written with braces keeps them', () => {
    expect(text.split(BRACES_NAME).join('')).not.toMatch(/\{\{|\}\}/);
    expect(text).toMatch(/^\[header\]\n/);
    expect(text).toMatch(/\n\[footer\]\n.*1/);
  });

  it('matches the corpus', () => {
    expect(expected).toMatchSnapshot();
  });
});

describe('names are printed as written', () => {
  const byName = new Map(corpus().map((c) => [c.name, c]));
  const textOf = (name: string) => {
    const c = byName.get(name)!;
    return extractText(renderDocx(templateBytes(c), c.model, { template: name }));
  };
  it('a formula, markup and braces in the orphans list and the class passport', () => {
    for (const lang of ['kk', 'ru']) {
      expect(textOf(`list-orphans.${lang}`)).toContain(SCRIPT_NAME);
      expect(textOf(`list-orphans.${lang}`)).toContain('Қамқоршы <b>Ана</b>');
      expect(textOf(`class-passport.${lang}`)).toContain(FORMULA_NAME);
      expect(textOf(`list-res64.${lang}`)).toContain(BRACES_NAME);
    }
  });
});
