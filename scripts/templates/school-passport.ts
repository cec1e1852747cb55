// The school social passport: totals, every category with its share of the school (and last year's figures
// when compared), then the classes by pupil categories and by family categories, and the year's aid by kind from the
// aid register (when it holds any). Landscape, for the wide tables.
import { approval, familyColumns, page, pupilColumns, signatures, supportColumns, tableCaption, title, type Lang } from './common';

const text = {
  kk: {
    title: 'Мектептің әлеуметтік паспорты',
    year: '{{school.year}} оқу жылы',
    totals: 'Оқушылар саны – {{totals.students}} (ұлдар – {{totals.boys}}, қыздар – {{totals.girls}}), отбасылар саны – {{totals.families}}, сыныптар саны – {{totals.classes}}.',
    categoriesHeading: 'Әлеуметтік санаттар бойынша оқушылар мен отбасылар',
    header: ['№', 'Санат', 'Деңгейі', 'Оқушылар', 'Отбасылар', 'Мектептегі үлесі'],
    headerCompared: ['№', 'Санат', 'Оқушылар', 'Отбасылар', 'Мектептегі үлесі', '{{years.before}} (оқушы/отбасы)', 'Өзгерісі (оқушы)', 'Өзгерісі (отбасы)'],
    supportHeading: 'Көрсетілген қолдау',
    supportHeader: ['Қолдау түрі', 'Оқушылар', 'Отбасылар', 'Мектептегі үлесі'],
    pupilsHeading: 'Сыныптар бойынша оқушы санаттары (оқушылар саны)',
    familiesHeading: 'Сыныптар бойынша отбасы санаттары (оқушы/отбасы) және қолдау (оқушылар)',
    classWord: 'Сынып',
    students: 'Оқушылар',
    families: 'Отбасылар',
    note: 'Отбасы санаттарында бір отбасы, балалары әртүрлі сыныпта оқыса да, мектеп бойынша бір рет саналады.',
    aidHeading: 'Оқу жылында көрсетілген көмек, түрлері бойынша («Көмек журналы»)',
    aidHeader: ['Көмек түрі', 'Оқушылар', 'Жазбалар', 'Сомасы'],
    total: 'Барлығы',
  },
  ru: {
    title: 'Социальный паспорт школы',
    year: '{{school.year}} учебный год',
    totals: 'Учащихся – {{totals.students}} (мальчиков – {{totals.boys}}, девочек – {{totals.girls}}), семей – {{totals.families}}, классов – {{totals.classes}}.',
    categoriesHeading: 'Учащиеся и семьи по социальным категориям',
    header: ['№', 'Категория', 'Уровень', 'Учащиеся', 'Семьи', 'Доля в школе'],
    headerCompared: ['№', 'Категория', 'Учащиеся', 'Семьи', 'Доля в школе', '{{years.before}} (уч./семьи)', 'Изменение (учащиеся)', 'Изменение (семьи)'],
    supportHeading: 'Оказанная поддержка',
    supportHeader: ['Вид поддержки', 'Учащиеся', 'Семьи', 'Доля в школе'],
    pupilsHeading: 'Категории учащихся по классам (число учащихся)',
    familiesHeading: 'Категории семей (учащиеся/семьи) и поддержка (учащиеся) по классам',
    classWord: 'Класс',
    students: 'Учащиеся',
    families: 'Семьи',
    note: 'В категориях семей семья, дети которой учатся в разных классах, в итоге по школе считается один раз.',
    aidHeading: 'Помощь, оказанная в учебном году, по видам (журнал помощи)',
    aidHeader: ['Вид помощи', 'Учащиеся', 'Записи', 'Сумма'],
    total: 'Всего',
  },
};

export function schoolPassport(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang, { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } });
  // Four tables, numbered in order; each caption keeps with its table.
  const caption = (n: number, content: string) => tableCaption(b, lang, String(n), content);
  const short = (cols: [string, string, string][]) => cols.map((c) => (lang === 'kk' ? c[1] : c[2]));

  approval(b, lang);
  title(b, t.title, '{{school.name}}', t.year);
  b.paragraph(t.totals, { align: 'justify', firstLineIndent: 1.25 });

  b.paragraph('{{#if has_compare}}');
  caption(1, t.categoriesHeading);
  b.table(
    [
      t.headerCompared,
      ['{{#categories}}{{@index}}', '{{label}}', '{{students}}', '{{families}}', '{{share}}', '{{before_pair}}', '{{students_change}}', '{{families_change}}{{/categories}}'],
    ],
    { header: true, widths: [0.7, 7.4, 2, 2, 1.9, 2.4, 2, 2], align: ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center'], size: 10 },
  );
  b.paragraph('{{else}}');
  caption(1, t.categoriesHeading);
  b.table(
    [t.header, ['{{#categories}}{{@index}}', '{{label}}', '{{level}}', '{{students}}', '{{families}}', '{{share}}{{/categories}}']],
    { header: true, widths: [0.7, 9, 1.6, 2, 2, 2], align: ['center', 'left', 'center', 'center', 'center', 'center'], size: 10 },
  );
  b.paragraph('{{/if}}');
  caption(2, t.supportHeading);
  b.table(
    [t.supportHeader, ['{{#support}}{{label}}', '{{students}}', '{{families}}', '{{share}}{{/support}}']],
    { header: true, widths: [9, 2, 2, 2], align: ['left', 'center', 'center', 'center'], size: 10, keepTogether: true },
  );

  // One row per class (a loop) and the school's total row; `path` says which figure of a category a cell shows.
  const classTable = (columns: [string, string, string][], path: (code: string) => string, first: 'students' | 'families') => {
    const last = columns.length - 1;
    b.table(
      [
        [t.classWord, t[first], ...short(columns)],
        ['{{#classes}}{{name}}', `{{${first}}}`, ...columns.map(([code], i) => `{{${path(code)}}}${i === last ? '{{/classes}}' : ''}`)],
        [
          { content: '{{total.name}}', bold: true },
          { content: `{{total.${first}}}`, bold: true },
          ...columns.map(([code]) => ({ content: `{{total.${path(code)}}}`, bold: true })),
        ],
      ],
      { header: true, widths: [1.3, 1.8, ...columns.map(() => 1.5)], align: ['center', 'center', ...columns.map(() => 'center' as const)], size: 9 },
    );
  };
  caption(3, t.pupilsHeading);
  classTable(pupilColumns, (code) => `count.${code}`, 'students');
  caption(4, t.familiesHeading);
  const isSupport = (code: string) => supportColumns.some(([c]) => c === code);
  classTable([...familyColumns, ...supportColumns], (code) => (isSupport(code) ? `count.${code}` : `pair.${code}`), 'families');
  b.paragraph(t.note, { italic: true, size: 10, spaceBefore: 6, keepWithNext: true });
  // The aid register's year, the same figures as `qamqor aid`; last, so that a school without it numbers no gap.
  b.paragraph('{{#if aid.has_any}}');
  caption(5, t.aidHeading);
  b.table(
    [
      t.aidHeader,
      ['{{#aid.kinds}}{{label}}', '{{pupils}}', '{{records}}', '{{amount}}{{/aid.kinds}}'],
      [{ content: t.total, bold: true }, { content: '{{aid.total.pupils}}', bold: true }, { content: '{{aid.total.records}}', bold: true }, { content: '{{aid.total.amount}}', bold: true }],
    ],
    { header: true, widths: [9, 2, 2, 3], align: ['left', 'center', 'center', 'right'], size: 10, keepTogether: true },
  );
  b.paragraph('{{/if}}');

  signatures(b, lang, ['pedagogue']);
  return b.build();
}
