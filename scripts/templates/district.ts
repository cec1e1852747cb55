// The district's analytical report (`qamqor reports` on a district workbook): the summary by category with shares and
// dynamics, the chart, the schools by categories, the schools left out, the sentences drawn from the figures, and the
// department's signatures. Landscape, for the schools' wide tables. The district department is in every header.
import { docxBuilder } from '../../src/local/docx/builder';
import { familyColumns, figureCaption, pupilColumns, supportColumns, tableCaption, type Lang } from './common';

const text = {
  kk: {
    title: 'Аудан мектептерінің әлеуметтік паспорттары бойынша талдамалық есеп',
    year: '{{district.year}} оқу жылы',
    h1: '1. Жалпы мәліметтер',
    h2: '2. Әлеуметтік санаттар бойынша аудан жиынтығы',
    h3: '3. Мектептер бойынша көрсеткіштер',
    h4: '4. Жиынтыққа енгізілмеген мектептер',
    tableCategories: 'Аудан мектептеріндегі әлеуметтік санаттағы оқушылар мен отбасылар',
    tableSupport: 'Көрсетілген қолдау',
    tablePupils: 'Мектептер бойынша оқушы санаттары (оқушылар саны)',
    tableFamilies: 'Мектептер бойынша отбасы санаттары (оқушы/отбасы) және қолдау (оқушылар)',
    tableExcluded: 'Жиынтыққа енгізілмеген мектептер және себептері',
    figurePupils: 'Оқушы санаттары бойынша оқушылар саны{{#if has_compare}}: {{district.year_before}} және {{district.year}} оқу жылдары{{/if}} (жолақ жанында – оқушы/отбасы)',
    figureFamilies: 'Отбасы санаттары бойынша оқушылар саны{{#if has_compare}}: {{district.year_before}} және {{district.year}} оқу жылдары{{/if}} (жолақ жанында – оқушы/отбасы)',
    header: ['№', 'Санат', 'Деңгейі', 'Оқушылар', 'Отбасылар', 'Аудандағы үлесі'],
    headerCompared: ['№', 'Санат', 'Оқушылар', 'Отбасылар', 'Аудандағы үлесі', '{{district.year_before}} (оқушы/отбасы)', 'Өзгерісі (оқушы)', 'Өзгерісі (отбасы)'],
    supportHeader: ['Қолдау түрі', 'Оқушылар', 'Отбасылар', 'Аудандағы үлесі'],
    school: 'Мектеп',
    students: 'Оқушылар',
    families: 'Отбасылар',
    excludedHeader: ['№', 'Дереккөз (файл немесе ids.txt жолы)', 'Мектеп', 'Себебі'],
    note: 'Мектептердің көрсеткіштері олардың «Әлеуметтік паспорт» парағынан алынды; мектеп оқушыларының жеке деректері аудан жиынтығына берілмейді. Отбасы санаттарында бір отбасы әр мектепте бір рет саналады.',
    head: 'Аудандық білім бөлімінің басшысы',
    specialist: 'Жауапты маман',
    date: 'Күні: {{district.date}}',
    pageWord: ['Бет ', ' / '],
  },
  ru: {
    title: 'Аналитический отчёт по социальным паспортам школ района',
    year: '{{district.year}} учебный год',
    h1: '1. Общие сведения',
    h2: '2. Свод района по социальным категориям',
    h3: '3. Показатели по школам',
    h4: '4. Школы, не включённые в свод',
    tableCategories: 'Учащиеся социальных категорий и их семьи в школах района',
    tableSupport: 'Оказанная поддержка',
    tablePupils: 'Категории учащихся по школам (число учащихся)',
    tableFamilies: 'Категории семей по школам (учащиеся/семьи) и поддержка (учащиеся)',
    tableExcluded: 'Школы, не включённые в свод, и причины',
    figurePupils: 'Число учащихся по категориям учащихся{{#if has_compare}}: {{district.year_before}} и {{district.year}} учебные годы{{/if}} (у столбца – учащиеся/семьи)',
    figureFamilies: 'Число учащихся по категориям семей{{#if has_compare}}: {{district.year_before}} и {{district.year}} учебные годы{{/if}} (у столбца – учащиеся/семьи)',
    header: ['№', 'Категория', 'Уровень', 'Учащиеся', 'Семьи', 'Доля в районе'],
    headerCompared: ['№', 'Категория', 'Учащиеся', 'Семьи', 'Доля в районе', '{{district.year_before}} (уч./семьи)', 'Изменение (учащиеся)', 'Изменение (семьи)'],
    supportHeader: ['Вид поддержки', 'Учащиеся', 'Семьи', 'Доля в районе'],
    school: 'Школа',
    students: 'Учащиеся',
    families: 'Семьи',
    excludedHeader: ['№', 'Источник (файл или строка ids.txt)', 'Школа', 'Причина'],
    note: 'Показатели школ взяты с их листа «Социальный паспорт»; персональные данные учащихся в свод района не передаются. В категориях семей семья учитывается в каждой школе один раз.',
    head: 'Руководитель районного отдела образования',
    specialist: 'Ответственный специалист',
    date: 'Дата: {{district.date}}',
    pageWord: ['Страница ', ' из '],
  },
};

export function districtReport(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = docxBuilder({ lang: lang === 'kk' ? 'kk-KZ' : 'ru-RU', landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } });
  b.header('{{district.department}}', { align: 'right', italic: true, size: 9 });
  b.footer([t.pageWord[0]!, { field: 'PAGE' }, t.pageWord[1]!, { field: 'NUMPAGES' }], { align: 'center', size: 9 });
  const body = (content: string) => b.paragraph(`{{#if narrative.${content}}}{{narrative.${content}}}{{/if}}`, { align: 'justify', firstLineIndent: 1.25 });
  const section = (heading: string) => b.heading(heading, { level: 2, spaceBefore: 12 });

  b.paragraph('{{district.department}}', { align: 'center', bold: true, spaceAfter: 12 });
  b.heading(t.title, { spaceAfter: 4 });
  b.paragraph(t.year, { align: 'center', spaceAfter: 12 });

  section(t.h1);
  for (const key of ['intro', 'largest', 'top_school', 'growth', 'decline', 'steady', 'no_compare', 'excluded']) body(key);

  section(t.h2);
  tableCaption(b, lang, '1', t.tableCategories);
  b.paragraph('{{#if has_compare}}');
  b.table(
    [t.headerCompared, ['{{#categories}}{{@index}}', '{{label}}', '{{students}}', '{{families}}', '{{share}}', '{{before_pair}}', '{{students_change}}', '{{families_change}}{{/categories}}']],
    { header: true, widths: [0.7, 7.4, 2, 2, 1.9, 2.4, 2, 2], align: ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center'], size: 10 },
  );
  b.paragraph('{{else}}');
  b.table(
    [t.header, ['{{#categories}}{{@index}}', '{{label}}', '{{level}}', '{{students}}', '{{families}}', '{{share}}{{/categories}}']],
    { header: true, widths: [0.7, 9, 1.6, 2, 2, 2], align: ['center', 'left', 'center', 'center', 'center', 'center'], size: 10 },
  );
  b.paragraph('{{/if}}');
  b.paragraph('{{#if has_support}}');
  b.paragraph(t.tableSupport, { bold: true, spaceBefore: 8, keepWithNext: true });
  b.table([t.supportHeader, ['{{#support}}{{label}}', '{{students}}', '{{families}}', '{{share}}{{/support}}']], {
    header: true,
    widths: [9, 2, 2, 2],
    align: ['left', 'center', 'center', 'center'],
    size: 10,
  });
  b.paragraph('{{/if}}');
  const picture = (chart: 'pupils' | 'families', number: string, caption: string) => {
    b.paragraph(`{{image:charts.${chart}}}`, { align: 'center', spaceBefore: 12, keepWithNext: true });
    b.paragraph(`{{#if charts.${chart}}}`);
    figureCaption(b, lang, number, caption);
    b.paragraph('{{/if}}');
  };
  picture('pupils', '1', t.figurePupils);
  picture('families', '{{#if charts.pupils}}2{{else}}1{{/if}}', t.figureFamilies);

  section(t.h3);
  // One row per school (a loop) and the district's total row; `path` says which figure of a category a cell shows.
  const schoolTable = (columns: [string, string, string][], path: (code: string) => string, first: 'students' | 'families') => {
    const last = columns.length - 1;
    const short = columns.map((c) => (lang === 'kk' ? c[1] : c[2]));
    b.table(
      [
        ['№', t.school, t[first], ...short],
        ['{{#schools}}{{@index}}', '{{name}}', `{{${first}}}`, ...columns.map(([code], i) => `{{${path(code)}}}${i === last ? '{{/schools}}' : ''}`)],
        [
          '',
          { content: '{{total.name}}', bold: true },
          { content: `{{total.${first}}}`, bold: true },
          ...columns.map(([code]) => ({ content: `{{total.${path(code)}}}`, bold: true })),
        ],
      ],
      { header: true, widths: [0.8, 4.6, 1.7, ...columns.map(() => 1.5)], align: ['center', 'left', 'center', ...columns.map(() => 'center' as const)], size: 9 },
    );
  };
  tableCaption(b, lang, '2', t.tablePupils);
  schoolTable(pupilColumns, (code) => `count.${code}`, 'students');
  tableCaption(b, lang, '3', t.tableFamilies);
  const isSupport = (code: string) => supportColumns.some(([c]) => c === code);
  schoolTable([...familyColumns, ...supportColumns], (code) => (isSupport(code) ? `count.${code}` : `pair.${code}`), 'families');
  b.paragraph(t.note, { italic: true, size: 10, spaceBefore: 6 });

  b.paragraph('{{#if has_excluded}}');
  section(t.h4);
  tableCaption(b, lang, '4', t.tableExcluded);
  b.table([t.excludedHeader, ['{{#excluded}}{{@index}}', '{{source}}', '{{school}}', '{{reason}}{{/excluded}}']], {
    header: true,
    widths: [0.7, 6, 6, 6],
    align: ['center', 'left', 'left', 'left'],
    size: 10,
  });
  b.paragraph('{{/if}}');

  // The department signs: its head and the specialist who made the summary; names written by hand when signed.
  b.paragraph('', { spaceAfter: 12, keepWithNext: true });
  const tabs = [{ at: 110 }, { at: 160 }];
  for (const role of [t.head, t.specialist]) b.paragraph(`${role}\t_______________\t_______________________`, { tabs, keepWithNext: true, spaceAfter: 10 });
  b.paragraph(t.date, { spaceBefore: 12, size: 10 });
  return b.build();
}
