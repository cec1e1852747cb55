// The annual analytical report of the social pedagogue in the structure of seed 001: the six directions,
// the passport dynamics (table and two charts), «Мектепке жол» and free meals, registers, SWOT, recommendations.
import { approval, page, signatures, title, type Lang } from './common';

const text = {
  kk: {
    title: '{{school.year}} оқу жылында атқарылған әлеуметтік-педагогикалық жұмыстарға сараптама',
    intro:
      '{{school.year}} оқу жылында әлеуметтік педагогтің жұмысы мектептің әлеуметтік осал топтағы оқушыларына әлеуметтік-педагогикалық қолдау көрсете отырып, әлеуметтік теңсіздіктің алдын алуға, мектептің әлеуметтік әл-ауқатын арттыруға бағытталды.',
    plan: 'Оқу жылының басында ҚР Оқу-ағарту министрінің 27.08.2022 №382 бұйрығына сәйкес әлеуметтік педагогтің жылдық жоспары құрылды. Жылдық жоспарға сәйкес әлеуметтік-педагогикалық жұмыс төмендегі алты бағыт бойынша ұйымдастырылды:',
    directions: [
      'І. Сыныптарға, мектепке әлеуметтік паспорттауды жүргізу;',
      'ІІ. Балалық шақтың құқығын қорғау жұмысы;',
      'ІІІ. Әртүрлі есепте тұрған оқушылармен жеке-профилактикалық жұмыс;',
      'ІV. Педагогикалық ұжыммен және сыртқы ұйымдармен (кәмелетке толмағандардың істері жөніндегі бөлім мен комиссия, қамқоршылық және қорғаншылық органы және т.б.) өзара іс-қимыл;',
      'V. Білім алушылардың ата-аналарымен (отбасыларымен) профилактикалық жұмыс;',
      'VІ. Диагностикалау-талдау қызметі.',
    ],
    h1: 'І. Сыныптарға, мектепке әлеуметтік паспорттауды жүргізу туралы',
    totals: 'Оқу жылының соңында мектепте {{totals.classes}} сыныпта {{totals.students}} оқушы білім алды (ұлдар – {{totals.boys}}, қыздар – {{totals.girls}}), олар {{totals.families}} отбасынан.',
    compared: 'Әлеуметтік санаттағы оқушылар мен олардың отбасыларының саны {{years.before}} оқу жылымен салыстырғанда төмендегі кестеде және 1-суретте көрсетілген (оқушы/отбасы).',
    notCompared: 'Әлеуметтік санаттағы оқушылар мен олардың отбасыларының саны төмендегі кестеде көрсетілген. Өткен оқу жылының паспорты мұрағатта болмағандықтан, салыстыру жасалмады.',
    dynamicsHeader: ['Санат', '{{years.before}}', '{{years.now}}', 'Өзгерісі (оқушы)', 'Өзгерісі (отбасы)'],
    categoriesHeader: ['Санат', 'Оқушы', 'Отбасы', 'Мектептегі үлесі'],
    figure1: '1-сурет. Әлеуметтік мәртебеге ие отбасылардан шыққан білім алушылардың сандық көрсеткіші ({{years.before}} оқу жылымен салыстырмалы талдау)',
    figure1Alone: '1-сурет. Әлеуметтік мәртебеге ие отбасылардан шыққан білім алушылардың сандық көрсеткіші',
    figure2: '2-сурет. Әлеуметтік мәртебеге ие отбасылардан шыққан оқушылар санының өзгеру динамикасы, %',
    h2: 'ІІ. Балалық шақтың құқығын қорғау жұмысы туралы',
    orphans: 'Жетім және ата-анасының қамқорлығынсыз қалған білім алушылар саны – {{orphans_and_no_care}}.',
    road: 'Білім алушылардың сабаққа бармауының алдын алу мақсатында «Мектепке жол» республикалық акциясы жүзеге асырылды. Акция аясында әлеуметтік мәртебеге ие отбасылардан шыққан білім алушыларға қаржылай және материалдық қолдау көрсетілді (3-кесте).',
    roadRows: [
      ['Түскен өтініштер саны', '{{aid.applications}}'],
      ['Демеушілер қаражаты', '{{aid.sponsor_money}}'],
      ['Қаржылай көмек алған оқушылар', '{{aid.financial}}'],
      ['Материалдық көмек алған оқушылар (мектеп формасы, кеңсе құралдары және т.б.)', '{{aid.material}}'],
      ['Азық-түлікпен көмек алған оқушылар', '{{aid.food}}'],
      ['№64 қаулыға сәйкес ЖББҚ есебінен көмек алған оқушылар', '{{aid.fund}}'],
    ],
    roadHeader: ['Көрсеткіш', 'Саны'],
    table3: '3-кесте. Әлеуметтік мәртебеге ие отбасылардан шыққан білім алушыларға көрсетілген қаржылай және материалдық қолдау',
    fund: '№64 қаулыға сәйкес жалпыға бірдей білім беру қорынан (ЖББҚ) көмек алған оқушылар саны – {{aid.fund}}.',
    meals:
      '{{school.year}} оқу жылында ЖББҚ есебінен әлеуметтік мәртебеге ие отбасылардан шыққан {{meals.now}} оқушы тегін ыстық тамақпен қамтылды.{{#if has_compare}} {{years.before}} оқу жылында – {{meals.before}} оқушы{{#if meals.decreased}}, яғни ыстық тамақ ішетін оқушылар саны {{meals.difference}} оқушыға кеміді ({{meals.change}}){{/if}}{{#if meals.increased}}, яғни ыстық тамақ ішетін оқушылар саны {{meals.difference}} оқушыға артты ({{meals.change}}){{/if}}.{{/if}}',
    mealCost: '{{#if meals.has_cost}}Бір оқушының күндік ыстық тамағының құны – {{meals.cost}}.{{/if}}{{#if meals.has_tenant}} Асхана арендаторы есебінен {{meals.tenant}} оқушы тегін ыстық тамақпен қамтылды.{{/if}}',
    h3: 'ІІІ. Әртүрлі есепте тұрған оқушылармен жеке-профилактикалық жұмыс туралы',
    registersIntro: 'Мектепте әртүрлі есепте тұрған білім алушылар туралы сандық ақпарат төмендегідей:',
    registers: ['Мектепішілік есепте тұрғандар – {{registers.school}}.', 'Тәуекел тобындағы оқушылар – {{registers.risk}}.', 'Ювеналдық полиция есебінде тұрғандар – {{registers.police}}.'],
    h4: 'ІV. Педагогикалық ұжыммен және сыртқы ұйымдармен өзара іс-қимыл жүргізу жұмысы туралы',
    h5: 'V. Білім алушылардың ата-аналарымен (отбасыларымен) профилактикалық жұмыс туралы',
    h6: 'VІ. Диагностикалау-талдау қызметі туралы',
    swot: 'SWOT-талдау',
    swotCells: [
      ['S — Күшті жақтары', 'W — Әлсіз жақтары'],
      ['O — Мүмкіндіктері', 'T — Қауіп-қатерлері'],
    ],
    figureSwot: '{{school.year}} оқу жылында атқарылған жұмыстарға SWOT-талдау',
    recommendations: 'Жоғарыда атқарылған жұмыстар мен мектептің әлеуметтік көрсеткіштерін ескере отырып, төмендегідей ұсыныстар беріледі:',
  },
  ru: {
    title: 'Анализ социально-педагогической работы за {{school.year}} учебный год',
    intro:
      'В {{school.year}} учебном году работа социального педагога была направлена на социально-педагогическую поддержку учащихся из социально уязвимых групп, профилактику социального неравенства и повышение социального благополучия школы.',
    plan: 'В начале учебного года в соответствии с приказом Министра просвещения РК от 27.08.2022 № 382 был составлен годовой план социального педагога. Социально-педагогическая работа велась по шести направлениям:',
    directions: [
      'I. Социальная паспортизация классов и школы;',
      'II. Защита прав детства;',
      'III. Индивидуально-профилактическая работа с учащимися, состоящими на различных видах учёта;',
      'IV. Взаимодействие с педагогическим коллективом и внешними организациями (отдел и комиссия по делам несовершеннолетних, органы опеки и попечительства и др.);',
      'V. Профилактическая работа с родителями (семьями) учащихся;',
      'VI. Диагностико-аналитическая деятельность.',
    ],
    h1: 'I. Социальная паспортизация классов и школы',
    totals: 'На конец учебного года в школе в {{totals.classes}} классах обучались {{totals.students}} учащихся (мальчиков – {{totals.boys}}, девочек – {{totals.girls}}) из {{totals.families}} семей.',
    compared: 'Число учащихся социальных категорий и их семей в сравнении с {{years.before}} учебным годом приведено в таблице и на рисунке 1 (учащиеся/семьи).',
    notCompared: 'Число учащихся социальных категорий и их семей приведено в таблице. Паспорта прошлого учебного года нет в архиве, поэтому сравнение не проводилось.',
    dynamicsHeader: ['Категория', '{{years.before}}', '{{years.now}}', 'Изменение (учащиеся)', 'Изменение (семьи)'],
    categoriesHeader: ['Категория', 'Учащиеся', 'Семьи', 'Доля в школе'],
    figure1: 'Рис. 1. Число учащихся из семей, имеющих социальный статус (в сравнении с {{years.before}} учебным годом)',
    figure1Alone: 'Рис. 1. Число учащихся из семей, имеющих социальный статус',
    figure2: 'Рис. 2. Динамика числа учащихся из семей, имеющих социальный статус, %',
    h2: 'II. Защита прав детства',
    orphans: 'Число детей-сирот и детей, оставшихся без попечения родителей, – {{orphans_and_no_care}}.',
    road: 'В целях профилактики непосещения занятий проведена республиканская акция «Дорога в школу». В её рамках учащимся из семей, имеющих социальный статус, оказана финансовая и материальная помощь (таблица 3).',
    roadRows: [
      ['Поступило заявлений', '{{aid.applications}}'],
      ['Средства спонсоров', '{{aid.sponsor_money}}'],
      ['Получили финансовую помощь, учащихся', '{{aid.financial}}'],
      ['Получили материальную помощь (школьная форма, канцтовары и др.), учащихся', '{{aid.material}}'],
      ['Получили продуктовую помощь, учащихся', '{{aid.food}}'],
      ['Получили помощь из фонда всеобуча по постановлению № 64, учащихся', '{{aid.fund}}'],
    ],
    roadHeader: ['Показатель', 'Значение'],
    table3: 'Таблица 3. Финансовая и материальная поддержка учащихся из семей, имеющих социальный статус',
    fund: 'Помощь из фонда всеобуча по постановлению № 64 получили учащихся: {{aid.fund}}.',
    meals:
      'В {{school.year}} учебном году бесплатным горячим питанием из фонда всеобуча были обеспечены {{meals.now}} учащихся из семей, имеющих социальный статус.{{#if has_compare}} В {{years.before}} учебном году – {{meals.before}}{{#if meals.decreased}}: число питающихся уменьшилось на {{meals.difference}} ({{meals.change}}){{/if}}{{#if meals.increased}}: число питающихся увеличилось на {{meals.difference}} ({{meals.change}}){{/if}}.{{/if}}',
    mealCost: '{{#if meals.has_cost}}Стоимость горячего питания одного учащегося в день – {{meals.cost}}.{{/if}}{{#if meals.has_tenant}} За счёт арендатора столовой бесплатно питались учащихся: {{meals.tenant}}.{{/if}}',
    h3: 'III. Индивидуально-профилактическая работа с учащимися, состоящими на учёте',
    registersIntro: 'Число учащихся, состоящих на различных видах учёта:',
    registers: ['На внутришкольном учёте – {{registers.school}}.', 'В группе риска – {{registers.risk}}.', 'На учёте ювенальной полиции – {{registers.police}}.'],
    h4: 'IV. Взаимодействие с педагогическим коллективом и внешними организациями',
    h5: 'V. Профилактическая работа с родителями (семьями) учащихся',
    h6: 'VI. Диагностико-аналитическая деятельность',
    swot: 'SWOT-анализ',
    swotCells: [
      ['S — Сильные стороны', 'W — Слабые стороны'],
      ['O — Возможности', 'T — Угрозы'],
    ],
    figureSwot: 'SWOT-анализ работы за {{school.year}} учебный год',
    recommendations: 'С учётом проделанной работы и социальных показателей школы предлагаются следующие рекомендации:',
  },
};

export function annualReport(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang);
  const body = (content: string) => b.paragraph(content, { align: 'justify', firstLineIndent: 1.25 });
  // A note may run over several lines (one event a line): no red line, which only its first line would get.
  const note = (key: string) => b.paragraph(`{{#if notes.${key}}}{{notes.${key}}}{{/if}}`, { align: 'justify' });
  const caption = (content: string) => b.paragraph(content, { align: 'center', italic: true, size: 10, spaceAfter: 12 });
  const section = (heading: string) => b.heading(heading, { level: 2, spaceBefore: 12 });

  approval(b, lang);
  title(b, t.title, '{{school.name}}');
  body(t.intro);
  body(t.plan);
  for (const d of t.directions) b.paragraph(d, { align: 'left', firstLineIndent: 1.25, spaceAfter: 2 });

  section(t.h1);
  body(t.totals);
  b.paragraph('{{#if has_compare}}');
  body(t.compared);
  b.table(
    [t.dynamicsHeader, ['{{#dynamics}}{{label}}', '{{before_pair}}', '{{now_pair}}', '{{students_change}}', '{{families_change}}{{/dynamics}}']],
    { header: true, widths: [6, 2.5, 2.5, 2.5, 2.5], align: ['left', 'center', 'center', 'center', 'center'], size: 11 },
  );
  b.paragraph('{{else}}');
  body(t.notCompared);
  b.table(
    [t.categoriesHeader, ['{{#categories}}{{label}}', '{{students}}', '{{families}}', '{{share}}{{/categories}}']],
    { header: true, widths: [7, 2, 2, 2.5], align: ['left', 'center', 'center', 'center'], size: 11 },
  );
  b.paragraph('{{/if}}');
  b.paragraph('{{image:charts.categories}}', { align: 'center', spaceBefore: 12 });
  caption(`{{#if charts.categories}}{{#if has_compare}}${t.figure1}{{else}}${t.figure1Alone}{{/if}}{{/if}}`);
  b.paragraph('{{image:charts.dynamics}}', { align: 'center' });
  caption(`{{#if charts.dynamics}}${t.figure2}{{/if}}`);
  note('passport_comment');

  section(t.h2);
  body(t.orphans);
  note('rights_events');
  b.paragraph('{{#if aid.has_road}}');
  body(t.road);
  b.table([t.roadHeader, ...t.roadRows], { header: true, widths: [8, 3], align: ['left', 'center'], size: 11 });
  caption(t.table3);
  b.paragraph('{{else}}');
  body(t.fund);
  b.paragraph('{{/if}}');
  body(t.meals);
  body(t.mealCost);

  section(t.h3);
  body(t.registersIntro);
  for (const line of t.registers) b.paragraph(line, { firstLineIndent: 1.25, spaceAfter: 2 });
  note('prevention_events');

  section(t.h4);
  note('outside_events');
  section(t.h5);
  note('family_events');
  section(t.h6);
  note('diagnostics_events');

  b.paragraph('{{#if has_swot}}');
  section(t.swot);
  const [[s, w], [o, th]] = t.swotCells as [[string, string], [string, string]];
  b.table(
    [
      [
        { paragraphs: [[{ text: s, bold: true }], '{{notes.swot_strengths}}'] },
        { paragraphs: [[{ text: w, bold: true }], '{{notes.swot_weaknesses}}'] },
      ],
      [
        { paragraphs: [[{ text: o, bold: true }], '{{notes.swot_opportunities}}'] },
        { paragraphs: [[{ text: th, bold: true }], '{{notes.swot_threats}}'] },
      ],
    ],
    { widths: [1, 1], size: 11 },
  );
  caption(t.figureSwot);
  b.paragraph('{{/if}}');

  b.paragraph('{{#if notes.recommendations}}');
  body(t.recommendations);
  b.paragraph('{{notes.recommendations}}', { align: 'justify' });
  b.paragraph('{{/if}}');

  signatures(b, lang, ['pedagogue']);
  return b.build();
}
