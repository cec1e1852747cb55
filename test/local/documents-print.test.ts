// Every default document of the demo school, in Kazakh and in Russian, printed to PDF by LibreOffice and read back
// as a director would check it: no hyphen typed to break a word, no table header broken inside a word, the report
// date of the school year (not the computer's day), tables and figures numbered in order. Skipped where `soffice`
// (Debian: libreoffice-writer) or `pdftotext` (poppler-utils) is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import PizZip from 'pizzip';
import { demoReportChanges } from '../../src/app/demo-reports';
import { dmy } from '../../src/domain/format';
import { readRegistry } from '../../src/domain/registry/registry';
import { parseSchoolYear, reportDate } from '../../src/domain/school-year';
import { defaultCatalogue, type Lang } from '../../src/domain/template';
import { extractText } from '../../src/local/docx';
import { cliRunner } from '../support/cli';
import { demoXlsx } from '../support/demo-registry';

const has = (command: string, arg: string) => spawnSync(command, [arg], { stdio: 'ignore' }).status === 0;
const canPrint = has('soffice', '--version') && has('pdftotext', '-v');
if (!canPrint) console.warn('documents-print: soffice or pdftotext is not installed; the printed documents are not checked');
const maybe = canPrint ? describe : describe.skip;

// A run in December for the school year that ended in May: the documents must still bear the year's date.
const clock = new Date('2026-12-06T09:00:00Z');
const SOFT_HYPHEN = '\u00AD';

type Printed = { name: string; docx: Uint8Array; text: string; pdf: string };

function docxFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? docxFiles(path) : name.endsWith('.docx') ? [path] : [];
  });
}

/** The words of each table's header row (rows marked to repeat on every page), soft hyphens kept. */
function headerWords(docx: Uint8Array): string[] {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  const words: string[] = [];
  for (const row of xml.split('<w:tr>').slice(1)) {
    if (!row.slice(0, row.indexOf('</w:trPr>') + 1).includes('<w:tblHeader/>')) continue;
    for (const cell of row.split('</w:tc>')) {
      const text = [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      words.push(...text.split(/\s+/).filter((w) => /\p{L}/u.test(w)));
    }
  }
  return words;
}

const letters = (w: string) => w.toLowerCase().replace(/[^\p{L}\-]/gu, '');

maybe('the default documents, printed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qamqor-print-'));
  const printed: Record<Lang, Printed[]> = { kk: [], ru: [] };
  let expectedDate = '';

  beforeAll(async () => {
    const book = join(dir, 'registry.xlsx');
    const lastYear = join(dir, 'registry-2024-2025.xlsx');
    await demoXlsx(book, { pupils: 300, language: 'kk' }, (wb) => wb.apply(demoReportChanges(readRegistry(wb.read()))));
    await demoXlsx(lastYear, { pupils: 300, language: 'kk', schoolYear: '2024-2025', seed: 20240901 });
    expectedDate = dmy(reportDate(parseSchoolYear('2025-2026'), null, clock.toISOString().slice(0, 10)));
    const run = cliRunner(clock);
    for (const lang of ['kk', 'ru'] as const) {
      const out = join(dir, lang);
      const result = await run('reports', book, '--out', out, '--lang', lang, '--compare', lastYear, '--draft');
      expect(result.code).toBe(0);
      // Every school document and list; two class passports and two profiles stand for the rest (same template).
      const files = docxFiles(out);
      const perClass = files.filter((f) => /Сынып паспорттары|Оқушы профильдері/.test(f));
      const chosen = [...files.filter((f) => !perClass.includes(f)), ...perClass.filter((f) => /паспорттары/.test(f)).slice(0, 2), ...perClass.filter((f) => /профильдері/.test(f)).slice(0, 2)];
      const pdfDir = join(dir, `${lang}-pdf`);
      mkdirSync(pdfDir);
      execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', pdfDir, ...chosen], { stdio: 'pipe' });
      for (const file of chosen) {
        const pdfPath = join(pdfDir, basename(file).replace(/\.docx$/, '.pdf'));
        const pdf = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' });
        const docx = readFileSync(file);
        printed[lang].push({ name: basename(file), docx, text: extractText(docx), pdf });
      }
    }
  }, 240_000);

  it.each(['kk', 'ru'] as const)('%s: prints every document, none with a placeholder left', (lang) => {
    expect(printed[lang].length).toBeGreaterThanOrEqual(17);
    for (const doc of printed[lang]) expect([doc.name, doc.pdf.match(/\{\{|\}\}/)]).toEqual([doc.name, null]);
  });

  it.each(['kk', 'ru'] as const)('%s: no hyphen is typed to break a word (Көп-балалы, Полу-сироты)', (lang) => {
    // A word written whole anywhere in the documents or the catalogue must not appear cut by a typed hyphen.
    const whole = new Set<string>();
    const corpus = [...printed[lang].map((d) => d.text), ...defaultCatalogue.map((c) => c[lang])].join(' ').replaceAll(SOFT_HYPHEN, '');
    // Words written whole, and the parts of compounds written with their own hyphen («Дети-полусироты»).
    for (const w of corpus.split(/[^\p{L}]+/u)) if (w) whole.add(w.toLowerCase());
    for (const doc of printed[lang]) {
      const typed = (doc.text.replaceAll(SOFT_HYPHEN, '').match(/\p{L}+-\p{L}+/gu) ?? []).filter((w) => whole.has(w.replace('-', '').toLowerCase()));
      expect([doc.name, typed]).toEqual([doc.name, []]);
    }
  });

  it.each(['kk', 'ru'] as const)('%s: no table header is broken inside a word: each word prints whole or at its soft hyphen', (lang) => {
    for (const doc of printed[lang]) {
      // A line-end hyphen is LibreOffice breaking at a soft hyphen (or at a word's own hyphen): both readings count.
      const tokens = new Set<string>();
      for (const joined of [doc.pdf.replace(/-\n/g, ''), doc.pdf.replace(/-\n/g, '-')]) for (const t of joined.split(/\s+/)) tokens.add(letters(t));
      const broken = headerWords(doc.docx)
        .map((w) => letters(w.replaceAll(SOFT_HYPHEN, '')))
        .filter((w) => w !== '' && !tokens.has(w));
      expect([doc.name, broken]).toEqual([doc.name, []]);
    }
  });

  it.each(['kk', 'ru'] as const)('%s: dated by the school year (31 May), not by the day the reports were made', (lang) => {
    expect(expectedDate).toBe('31.05.2026');
    const dateLine = lang === 'kk' ? 'Күні:' : 'Дата:';
    for (const doc of printed[lang]) {
      expect([doc.name, doc.pdf.includes(`${dateLine} ${expectedDate}`)]).toEqual([doc.name, true]);
      expect([doc.name, doc.pdf.includes(dmy(clock.toISOString().slice(0, 10)))]).toEqual([doc.name, false]);
    }
  });

  it.each(['kk', 'ru'] as const)('%s: tables and figures are numbered 1, 2, 3… in the order they print', (lang) => {
    const table = lang === 'kk' ? /(\d+)-кесте\. / : /Таблица (\d+)\. /;
    const figure = lang === 'kk' ? /(\d+)-сурет\. / : /Рис\. (\d+)\. /;
    const numbers = (text: string, re: RegExp) => [...text.matchAll(new RegExp(re, 'g'))].map((m) => Number(m[1]));
    const counting = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    for (const doc of printed[lang]) {
      const tables = numbers(doc.pdf, table);
      const figures = numbers(doc.pdf, figure);
      expect([doc.name, tables]).toEqual([doc.name, counting(tables.length)]);
      expect([doc.name, figures]).toEqual([doc.name, counting(figures.length)]);
    }
    const annual = printed[lang].find((d) => /талдауы|Анализ/.test(d.name))!;
    expect(numbers(annual.pdf, table)).toEqual([1, 2, 3]);
    expect(numbers(annual.pdf, figure)).toEqual([1, 2, 3]);
    const school = printed[lang].find((d) => /Мектептің әлеуметтік паспорты|Социальный паспорт школы/.test(d.name))!;
    // The fifth: the year's aid by kind, from the aid register the demo school keeps.
    expect(numbers(school.pdf, table)).toEqual([1, 2, 3, 4, 5]);
  });
});
