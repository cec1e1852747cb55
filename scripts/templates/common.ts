// What every default report template shares, laid out like a document a director signs: the school in the
// header, the approval block, the signature lines, the page numbers in the footer, in Kazakh or in Russian.
import { docxBuilder, type DocxBuilder, type PageOptions } from '../../src/local/docx/builder';

export type Lang = 'kk' | 'ru';
export type Both = Record<Lang, string>;

export const both = (kk: string, ru: string): Both => ({ kk, ru });

/** A new A4 document in the language, with the school name in the header and "page N of M" in the footer. */
export function page(lang: Lang, options: PageOptions & { confidential?: boolean } = {}): DocxBuilder {
  const { confidential, ...pageOptions } = options;
  const b = docxBuilder({ lang: lang === 'kk' ? 'kk-KZ' : 'ru-RU', ...pageOptions });
  b.header('{{school.name}}', { align: 'right', italic: true, size: 9 });
  if (confidential) {
    b.header(lang === 'kk' ? 'Құпия: әлеуметтік педагогтің ісіне' : 'Конфиденциально: в дело социального педагога', { align: 'right', size: 9 });
  }
  b.footer(
    lang === 'kk'
      ? ['Бет ', { field: 'PAGE' }, ' / ', { field: 'NUMPAGES' }]
      : ['Страница ', { field: 'PAGE' }, ' из ', { field: 'NUMPAGES' }],
    { align: 'center', size: 9 },
  );
  return b;
}

/** «Бекітемін» / «Утверждаю»: the director's approval, top right, the date left to be written when signed. */
export function approval(b: DocxBuilder, lang: Lang): DocxBuilder {
  const lines =
    lang === 'kk'
      ? [[{ text: 'БЕКІТЕМІН', bold: true }], ['Мектеп директоры'], ['__________ {{school.director}}'], ['«___» ____________ 20___ ж.']]
      : [[{ text: 'УТВЕРЖДАЮ', bold: true }], ['Директор школы'], ['__________ {{school.director}}'], ['«___» ____________ 20___ г.']];
  return b
    .table([['', { paragraphs: lines, align: 'left' }]], { borders: false, widths: [4, 5] })
    .paragraph('', { spaceAfter: 6 });
}

/** The title block: the title in capitals-free bold, then smaller lines (school, year, date) centred. */
export function title(b: DocxBuilder, main: string, ...sub: string[]): DocxBuilder {
  b.heading(main, { spaceAfter: sub.length ? 4 : 12 });
  sub.forEach((line, i) => b.paragraph(line, { align: 'center', spaceAfter: i === sub.length - 1 ? 12 : 2 }));
  return b;
}

export type Signer = 'pedagogue' | 'director' | 'teacher';

const signers: Record<Signer, { role: Both; name: string }> = {
  pedagogue: { role: both('Әлеуметтік педагог', 'Социальный педагог'), name: '{{school.social_pedagogue}}' },
  director: { role: both('Мектеп директоры', 'Директор школы'), name: '{{school.director}}' },
  teacher: { role: both('Сынып жетекшісі', 'Классный руководитель'), name: '{{class.teacher}}' },
};

/**
 * Signature lines: role, a line to sign on, the name (laid out with tab stops: paragraphs, unlike a table's
 * cells, keep with the next in every renderer); then the document date. The block keeps together and with its
 * date, and a template ends the text before it with `keepWithNext`, so a signature never stands alone on a page.
 */
export function signatures(b: DocxBuilder, lang: Lang, who: Signer[], names: Partial<Record<Signer, string>> = {}): DocxBuilder {
  b.paragraph('', { spaceAfter: 12, keepWithNext: true });
  const tabs = [{ at: 58 }, { at: 92 }];
  for (const s of who) {
    b.paragraph(`${signers[s].role[lang]}\t_______________\t${names[s] ?? signers[s].name}`, { tabs, keepWithNext: true, spaceAfter: 10 });
  }
  return b.paragraph(lang === 'kk' ? 'Күні: {{school.date}}' : 'Дата: {{school.date}}', { spaceBefore: 12, size: 10 });
}

/** «1-кесте. …» / «Таблица 1. …» above its table, kept on the table's page. */
export function tableCaption(b: DocxBuilder, lang: Lang, number: string, text: string): DocxBuilder {
  const caption = lang === 'kk' ? `${number}-кесте. ${text}` : `Таблица ${number}. ${text}`;
  return b.paragraph(caption, { align: 'left', italic: true, size: 11, spaceBefore: 6, spaceAfter: 4, keepWithNext: true });
}

/** «1-сурет. …» / «Рис. 1. …» below its picture (the picture's paragraph keeps with it). */
export function figureCaption(b: DocxBuilder, lang: Lang, number: string, text: string): DocxBuilder {
  const caption = lang === 'kk' ? `${number}-сурет. ${text}` : `Рис. ${number}. ${text}`;
  return b.paragraph(caption, { align: 'center', italic: true, size: 10, spaceAfter: 12 });
}

/**
 * The default categories as short column headings of the wide tables (classes or schools × categories): code, kk, ru.
 * The full names are in each document's first table.
 */
export const pupilColumns: [string, string, string][] = [
  ['orphan', 'Жетім', 'Сироты'],
  ['no_parental_care', 'Ата-анасының қамқор\u00ADлығын\u00ADсыз', 'Без попечения родителей'],
  ['half_orphan', 'Жартылай жетім', 'Полу\u00ADсироты'],
  ['disability', 'Мүгедек\u00ADтігі бар', 'С инвалид\u00ADностью'],
  ['sen', 'ЕБҚ', 'ООП'],
  ['home_schooled', 'Үйде оқиды', 'На дому'],
  ['kandas', 'Қандас', 'Кандасы'],
  ['school_register', 'Мектеп\u00ADішілік есеп', 'ВШУ'],
  ['risk_group', 'Тәуекел тобы', 'Группа риска'],
  ['police_register', 'Полиция есебі', 'ОЮП'],
];

export const familyColumns: [string, string, string][] = [
  ['large_family', 'Көп\u00ADбалалы', 'Много\u00ADдетные'],
  ['asp', 'АӘК алады', 'АСП'],
  ['low_income', 'Аз қамтылған', 'Мало\u00ADобеспеч.'],
  ['incomplete_family', 'Толық емес', 'Неполные'],
  ['step_parent', 'Өгей ата-анамен', 'С отчимом / мачехой'],
  ['dysfunctional_family', 'Қолайсыз', 'Неблаго\u00ADполучные'],
  ['emergency', 'ТЖ зардап шеккен', 'Постр. от ЧС'],
  ['disabled_parent', 'Ата-анасы мүгедек', 'Родители-инвалиды'],
];

export const supportColumns: [string, string, string][] = [
  ['free_meals', 'Тегін ыстық тамақ', 'Бесплатное питание'],
  ['vseobuch_aid', 'ЖББҚ көмегі', 'Помощь всеобуча'],
];
