// Re-renders the README's pictures (docs/img) from the demo school's documents as a director sees them: the demo run
// in Kazakh and in Russian, pages printed by LibreOffice and rasterised by pdftoppm at 80 dpi.
// Needs `soffice` and `pdftoppm`: node bin/run-ts.js scripts/readme-pictures.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = join(__dirname, '..');
const out = join(root, 'docs', 'img');

/** Which document (a pattern of its path under reports/), which page, and the picture's name. */
const PICTURES: { lang: 'kk' | 'ru'; file: RegExp; page: number; name: string }[] = [
  { lang: 'kk', file: /талдауы\.docx$/, page: 1, name: 'annual-report-kk' },
  { lang: 'kk', file: /талдауы\.docx$/, page: 3, name: 'annual-report-kk-charts' },
  { lang: 'kk', file: /^Мектептің әлеуметтік паспорты/, page: 1, name: 'school-passport-kk' },
  { lang: 'kk', file: /^Мектептің әлеуметтік паспорты/, page: 2, name: 'school-passport-kk-classes' },
  { lang: 'kk', file: /Сынып паспорттары\/5А /, page: 1, name: 'class-passport-kk' },
  { lang: 'kk', file: /Тізімдер\/Жетім және/, page: 1, name: 'list-orphans-kk' },
  { lang: 'kk', file: /Тізімдер\/Көпбалалы/, page: 1, name: 'list-families-kk' },
  { lang: 'kk', file: /Тізімдер\/Әртүрлі есепте/, page: 1, name: 'list-registers-kk' },
  { lang: 'kk', file: /Тізімдер\/ҚР Үкіметінің/, page: 1, name: 'list-res64-kk' },
  { lang: 'kk', file: /Тізімдер\/Мүгедектігі бар/, page: 1, name: 'list-kk' },
  { lang: 'kk', file: /Тізімдер\/Тегін ыстық тамақ/, page: 1, name: 'list-meals-kk' },
  { lang: 'kk', file: /Оқушы профильдері\//, page: 1, name: 'profile-kk' },
  { lang: 'ru', file: /^Анализ/, page: 1, name: 'annual-report-ru' },
  { lang: 'ru', file: /^Социальный паспорт школы/, page: 1, name: 'school-passport-ru' },
];

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

const work = mkdtempSync(join(tmpdir(), 'qamqor-pictures-'));
try {
  mkdirSync(out, { recursive: true });
  for (const lang of ['kk', 'ru'] as const) {
    const demo = join(work, lang);
    execFileSync('node', [join(root, 'bin', 'qamqor.js'), 'demo', '--out', demo, '--lang', lang], { stdio: 'ignore' });
    const reports = join(demo, 'reports');
    const all = files(reports);
    for (const picture of PICTURES.filter((p) => p.lang === lang)) {
      const doc = all.find((f) => picture.file.test(f));
      if (!doc) throw new Error(`no document matches ${picture.file}`);
      const pdfDir = join(work, `${lang}-pdf`);
      const pdf = join(pdfDir, basename(doc).replace(/\.docx$/, '.pdf'));
      execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', pdfDir, join(reports, doc)], { stdio: 'ignore' });
      const stem = join(work, picture.name);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(picture.page), '-l', String(picture.page), '-singlefile', pdf, stem]);
      renameSync(`${stem}.png`, join(out, `${picture.name}.png`));
      console.log(`docs/img/${picture.name}.png ← ${doc}, page ${picture.page}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
