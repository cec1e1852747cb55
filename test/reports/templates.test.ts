// The default templates: committed exactly as scripts/make-templates.ts builds them, free of syntax problems,
// and asking only for what their report model offers, in both languages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocxTemplate, docxPlaceholders, extractText } from '../../src/local/docx';
import { defaultTemplateNames } from '../../src/reports/jobs';
import { LANGS, sameDocx, templateBuilders, templateFileName, TEMPLATES_DIR } from '../../scripts/templates';
import { corpus, templateBytes } from './corpus';

describe('the committed templates', () => {
  it.each(defaultTemplateNames.flatMap((name) => LANGS.map((lang) => [templateFileName(name, lang), name, lang] as const)))(
    '%s is what `npm run templates` makes',
    (file, name, lang) => {
      const path = join(TEMPLATES_DIR, file);
      expect(existsSync(path)).toBe(true);
      expect(sameDocx(readFileSync(path), templateBuilders[name](lang))).toBe(true);
    },
  );

  it('builds to the same bytes twice, so a rebuild changes nothing in git', () => {
    expect(Buffer.from(templateBuilders['annual-report']('kk')).equals(Buffer.from(templateBuilders['annual-report']('kk')))).toBe(true);
  });
});

describe.each(corpus().map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const template = templateBytes(c);
  it('has no syntax problem and asks only for what its model offers', () => {
    expect(checkDocxTemplate(template)).toEqual([]);
    expect(checkDocxTemplate(template, c.model)).toEqual([]);
  });
  it('is laid out to be signed: the school in the header, page numbers in the footer, a signature line', () => {
    const text = extractText(template);
    expect(text).toMatch(/^\[header\]\n\{\{school\.name\}\}/);
    expect(text).toMatch(/\[footer\]\n(Бет 1 \/ 1|Страница 1 из 1)$/);
    expect(text).toMatch(/_______________/);
    if (c.template !== 'profile') expect(text).toMatch(c.lang === 'kk' ? /БЕКІТЕМІН/ : /УТВЕРЖДАЮ/);
    // An inspection act bears the day of the inspection, not the day it was printed.
    if (c.template !== 'inspection-act') expect(docxPlaceholders(template).map((p) => p.placeholder)).toContain('{{school.date}}');
  });
});
