// The annual analytical report of the social pedagogue in the structure of seed 001: the six directions, each with
// the plan's activities marked done and the pedagogue's narrative, the passport dynamics (table and two charts),
// «Мектепке жол», the aid register by kind and free meals, registers, SWOT, recommendations.
import { approval, figureCaption, page, signatures, tableCaption, title, type Lang } from './common';

const word = { total: { kk: 'Барлығы', ru: 'Всего' } };

const text = {
  kk: {
    title: '{{school.year}} оқу жылындағы әлеуметтік-педагогикалық жұмыстың талдауы',
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
    totals: 'Оқу жылының соңында мектепте {{said.in_classes}} {{said.students}} білім алды (ұлдар – {{totals.boys}}, қыздар – {{totals.girls}}), олар {{said.from_families}} шыққан.',
    compared: 'Әлеуметтік санаттағы оқушылар мен олардың отбасыларының саны {{years.before}} оқу жылымен салыстырғанда {{numbers.table_passport}}-кестеде{{#if charts.categories}} және {{numbers.figure_categories}}-суретте{{/if}} көрсетілген (оқушы/отбасы).',
    notCompared: 'Әлеуметтік санаттағы оқушылар мен олардың отбасыларының саны {{numbers.table_passport}}-кестеде көрсетілген. Өткен оқу жылының паспорты мұрағатта болмағандықтан, салыстыру жасалмады.',
    tablePassport: 'Әлеуметтік санаттағы оқушылар мен отбасылардың саны (оқушы/отбасы)',
    dynamicsHeader: ['Санат', '{{years.before}}', '{{years.now}}', 'Өзгерісі (оқушы)', 'Өзгерісі (отбасы)'],
    categoriesHeader: ['Санат', 'Оқушы', 'Отбасы', 'Мектептегі үлесі'],
    figure1: 'Әлеуметтік мәртебеге ие отбасылардан шыққан білім алушылардың сандық көрсеткіші ({{years.before}} оқу жылымен салыстырмалы талдау)',
    figure1Alone: 'Әлеуметтік мәртебеге ие отбасылардан шыққан білім алушылардың сандық көрсеткіші',
    figure2: 'Әлеуметтік мәртебеге ие отбасылардан шыққан оқушылар санының өзгеру динамикасы, %',
    h2: 'ІІ. Балалық шақтың құқығын қорғау жұмысы туралы',
    orphans: 'Жетім және ата-анасының қамқорлығынсыз қалған (бұдан әрі – АҚҚ) білім алушылар саны – {{orphans_and_no_care}}.{{#if has_housing_queue}} Олардың ішінде тұрғын үй кезегіне қойылғандары – {{housing_queue}}.{{/if}}',
    res64: 'ҚР Үкіметінің 2008 жылғы 25 қаңтардағы №64 қаулысына сәйкес жалпыға бірдей білім беру қорынан (бұдан әрі – ЖББҚ) көмек алуға құқығы бар оқушылар саны – {{res64.eligible}}, оның ішінде оқу жылында көмек алғандары – {{aid.fund}}.',
    road: 'Білім алушылардың сабаққа бармауының алдын алу мақсатында «Мектепке жол» республикалық акциясы жүзеге асырылды{{#if aid.has_applications}}: {{aid.applications}} өтініш түсті{{/if}}. Акция аясында әлеуметтік мәртебеге ие отбасылардан шыққан {{said.road}} қолдау алды{{#if aid.has_sponsor}}; демеушілер қаражаты – {{aid.sponsor_money}}{{/if}}.',
    aid: 'Оқу жылында көрсетілген көмек «Көмек журналы» бойынша {{numbers.table_aid}}-кестеде келтірілген: барлығы {{aid.total.pupils}} оқушыға көмек көрсетілді, жалпы сомасы – {{aid.total.amount}}.',
    aidHeader: ['Көмек түрі', 'Оқушылар', 'Сомасы'],
    tableAid: 'Әлеуметтік мәртебеге ие отбасылардан шыққан білім алушыларға көрсетілген көмек, түрлері бойынша',
    meals:
      '{{school.year}} оқу жылында әлеуметтік мәртебеге ие отбасылардан шыққан {{said.meals_now}} тегін ыстық тамақпен қамтылды{{#if meals.has_register}}: ЖББҚ есебінен – {{meals.fund}}, асхана арендаторы есебінен – {{meals.tenant}}{{/if}}.{{#if has_compare}} {{years.before}} оқу жылында – {{said.meals_before}}{{#if meals.decreased}}, яғни ыстық тамақ ішетін оқушылар саны {{said.meals_difference}} кеміді ({{meals.change}}){{/if}}{{#if meals.increased}}, яғни ыстық тамақ ішетін оқушылар саны {{said.meals_difference}} артты ({{meals.change}}){{/if}}.{{/if}}{{#if charts.meals}} Көрсеткіштер {{numbers.figure_meals}}-суретте берілген.{{/if}}',
    mealCost: '{{#if meals.has_cost}}Бір оқушының күндік ыстық тамағының құны – {{meals.cost}}.{{/if}}',
    figureMeals: 'Тегін ыстық тамақпен қамтылған оқушылар саны',
    h3: 'ІІІ. Әртүрлі есепте тұрған оқушылармен жеке-профилактикалық жұмыс туралы',
    registersIntro: 'Мектепте әртүрлі есепте тұрған білім алушылар туралы сандық ақпарат төмендегідей:',
    registers: ['Мектепішілік есепте тұрғандар – {{registers.school}}.', 'Тәуекел тобындағы оқушылар – {{registers.risk}}.', 'Ювеналдық полиция есебінде тұрғандар – {{registers.police}}.'],
    h4: 'ІV. Педагогикалық ұжыммен және сыртқы ұйымдармен өзара іс-қимыл жүргізу жұмысы туралы',
    outside: 'Сыртқы ұйымдармен бірлесіп жұмыс жүргізілетін оқушылар: жетім және АҚҚ балалар (қамқоршылық және қорғаншылық органы) – {{orphans_and_no_care}}, ювеналдық полиция есебіндегілер – {{registers.police}}, №64 қаулы бойынша көмекке құқығы барлар – {{res64.eligible}}.',
    camps: '{{#if has_camps}}Жазғы демалыс кезінде лагерьлермен қамтылған әлеуметтік санаттағы оқушылар саны – {{camps}}.{{/if}}{{#if aid.has_gifts}} Мерекелік сыйлықтар {{said.gifts}} берілді.{{/if}}',
    events: 'Жылдық жоспарға сәйкес атқарылған іс-шаралар:',
    h5: 'V. Білім алушылардың ата-аналарымен (отбасыларымен) профилактикалық жұмыс туралы',
    families: 'Мектепте әлеуметтік мәртебеге ие отбасылар саны – {{social.families}}; отбасы санаттары бойынша сандар {{numbers.table_passport}}-кестеде берілген.',
    h6: 'VІ. Диагностикалау-талдау қызметі туралы',
    diagnostics: 'Оқу жылында {{totals.classes}} сыныптың және мектептің әлеуметтік паспорты жасалды: әлеуметтік санаттағы оқушылар саны – {{social.students}} (барлық оқушылардың {{social.share}}).',
    swot: 'SWOT-талдау',
    swotCells: [
      ['S — Күшті жақтары', 'W — Әлсіз жақтары'],
      ['O — Мүмкіндіктері', 'T — Қауіп-қатерлері'],
    ],
    tableSwot: '{{school.year}} оқу жылында атқарылған жұмыстарға SWOT-талдау',
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
    totals: 'На конец учебного года в школе {{said.in_classes}} {{said.studied}} {{said.students}} (мальчиков – {{totals.boys}}, девочек – {{totals.girls}}) {{said.from_families}}.',
    compared: 'Число учащихся социальных категорий и их семей в сравнении с {{years.before}} учебным годом приведено в таблице {{numbers.table_passport}}{{#if charts.categories}} и на рисунке {{numbers.figure_categories}}{{/if}} (учащиеся/семьи).',
    notCompared: 'Число учащихся социальных категорий и их семей приведено в таблице {{numbers.table_passport}}. Паспорта прошлого учебного года нет в архиве, поэтому сравнение не проводилось.',
    tablePassport: 'Число учащихся социальных категорий и их семей (учащиеся/семьи)',
    dynamicsHeader: ['Категория', '{{years.before}}', '{{years.now}}', 'Изменение (учащиеся)', 'Изменение (семьи)'],
    categoriesHeader: ['Категория', 'Учащиеся', 'Семьи', 'Доля в школе'],
    figure1: 'Число учащихся из семей, имеющих социальный статус (в сравнении с {{years.before}} учебным годом)',
    figure1Alone: 'Число учащихся из семей, имеющих социальный статус',
    figure2: 'Динамика числа учащихся из семей, имеющих социальный статус, %',
    h2: 'II. Защита прав детства',
    orphans: 'Детей-сирот и детей, оставшихся без попечения родителей, – {{orphans_and_no_care}}.{{#if has_housing_queue}} Из них поставлены в очередь на получение жилья – {{housing_queue}}.{{/if}}',
    res64: 'Право на помощь из фонда всеобщего обязательного среднего образования (далее – фонд всеобуча) по постановлению Правительства РК от 25.01.2008 № 64 имеют {{said.eligible}}; из них в учебном году помощь {{said.fund}}.',
    road: 'В целях профилактики непосещения занятий проведена республиканская акция «Дорога в школу»{{#if aid.has_applications}}: поступило заявлений – {{aid.applications}}{{/if}}. В её рамках поддержку {{said.road}} из семей, имеющих социальный статус{{#if aid.has_sponsor}}; средства спонсоров – {{aid.sponsor_money}}{{/if}}.',
    aid: 'Помощь, оказанная в учебном году, по журналу помощи приведена в таблице {{numbers.table_aid}}: всего помощь получили учащихся – {{aid.total.pupils}}, на общую сумму {{aid.total.amount}}.',
    aidHeader: ['Вид помощи', 'Учащиеся', 'Сумма'],
    tableAid: 'Помощь учащимся из семей, имеющих социальный статус, по видам',
    meals:
      'В {{school.year}} учебном году бесплатным горячим питанием {{said.meals_now}} из семей, имеющих социальный статус{{#if meals.has_register}}: за счёт фонда всеобуча – {{meals.fund}}, за счёт арендатора столовой – {{meals.tenant}}{{/if}}.{{#if has_compare}} В {{years.before}} учебном году – {{said.meals_before}}{{#if meals.decreased}}: число питающихся уменьшилось {{said.meals_difference}} ({{meals.change}}){{/if}}{{#if meals.increased}}: число питающихся увеличилось {{said.meals_difference}} ({{meals.change}}){{/if}}.{{/if}}{{#if charts.meals}} Показатели приведены на рисунке {{numbers.figure_meals}}.{{/if}}',
    mealCost: '{{#if meals.has_cost}}Стоимость горячего питания одного учащегося в день – {{meals.cost}}.{{/if}}',
    figureMeals: 'Число учащихся, получающих бесплатное горячее питание',
    h3: 'III. Индивидуально-профилактическая работа с учащимися, состоящими на учёте',
    registersIntro: 'Число учащихся, состоящих на различных видах учёта:',
    registers: ['На внутришкольном учёте – {{registers.school}}.', 'В группе риска – {{registers.risk}}.', 'На учёте ювенальной полиции – {{registers.police}}.'],
    h4: 'IV. Взаимодействие с педагогическим коллективом и внешними организациями',
    outside: 'Учащиеся, работа с которыми ведётся совместно с внешними организациями: дети-сироты и дети, оставшиеся без попечения родителей (органы опеки и попечительства), – {{orphans_and_no_care}}, состоящие на учёте ювенальной полиции – {{registers.police}}, имеющие право на помощь по постановлению № 64 – {{res64.eligible}}.',
    camps: '{{#if has_camps}}Летним отдыхом в лагерях охвачено учащихся социальных категорий: {{camps}}.{{/if}}{{#if aid.has_gifts}} Праздничные подарки вручены {{said.gifts}}.{{/if}}',
    events: 'В соответствии с годовым планом проведены мероприятия:',
    h5: 'V. Профилактическая работа с родителями (семьями) учащихся',
    families: 'Семей, имеющих социальный статус, в школе – {{social.families}}; число семей по категориям приведено в таблице {{numbers.table_passport}}.',
    h6: 'VI. Диагностико-аналитическая деятельность',
    diagnostics: 'В учебном году составлены социальные паспорта классов ({{totals.classes}}) и школы: учащихся социальных категорий – {{social.students}} ({{social.share}} от всех учащихся).',
    swot: 'SWOT-анализ',
    swotCells: [
      ['S — Сильные стороны', 'W — Слабые стороны'],
      ['O — Возможности', 'T — Угрозы'],
    ],
    tableSwot: 'SWOT-анализ работы за {{school.year}} учебный год',
    recommendations: 'С учётом проделанной работы и социальных показателей школы предлагаются следующие рекомендации:',
  },
};

export function annualReport(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang);
  const body = (content: string, options: { keepWithNext?: boolean } = {}) => b.paragraph(content, { align: 'justify', firstLineIndent: 1.25, ...options });
  // A note may run over several lines (one event a line): no red line, which only its first line would get.
  const note = (key: string) => b.paragraph(`{{#if notes.${key}}}{{notes.${key}}}{{/if}}`, { align: 'justify' });
  // The plan's activities marked done under a direction, one a line, before the pedagogue's own narrative.
  const events = (direction: string) => {
    b.paragraph(`{{#if plan.events.${direction}}}`);
    body(t.events, { keepWithNext: true });
    b.paragraph(`{{plan.events.${direction}}}`, { align: 'left' });
    b.paragraph('{{/if}}');
  };
  const section = (heading: string) => b.heading(heading, { level: 2, spaceBefore: 12 });
  // The text after a table starts a little below it.
  const gap = () => b.paragraph('', { size: 6 });
  const picture = (chart: string, caption: string) => {
    b.paragraph(`{{image:charts.${chart}}}`, { align: 'center', spaceBefore: 12, keepWithNext: true });
    b.paragraph(`{{#if charts.${chart}}}`);
    figureCaption(b, lang, `{{numbers.figure_${chart}}}`, caption);
    b.paragraph('{{/if}}');
  };

  approval(b, lang);
  title(b, t.title, '{{school.name}}');
  body(t.intro);
  body(t.plan);
  for (const d of t.directions) b.paragraph(d, { align: 'left', firstLineIndent: 1.25, spaceAfter: 2 });

  section(t.h1);
  body(t.totals);
  b.paragraph('{{#if has_compare}}');
  body(t.compared);
  tableCaption(b, lang, '{{numbers.table_passport}}', t.tablePassport);
  b.table(
    [t.dynamicsHeader, ['{{#dynamics}}{{label}}', '{{before_pair}}', '{{now_pair}}', '{{students_change}}', '{{families_change}}{{/dynamics}}']],
    { header: true, widths: [6, 2.5, 2.5, 2.5, 2.5], align: ['left', 'center', 'center', 'center', 'center'], size: 11 },
  );
  gap();
  b.paragraph('{{else}}');
  body(t.notCompared);
  tableCaption(b, lang, '{{numbers.table_passport}}', t.tablePassport);
  b.table(
    [t.categoriesHeader, ['{{#categories}}{{label}}', '{{students}}', '{{families}}', '{{share}}{{/categories}}']],
    { header: true, widths: [7, 2, 2, 2.5], align: ['left', 'center', 'center', 'center'], size: 11 },
  );
  gap();
  b.paragraph('{{/if}}');
  picture('categories', `{{#if has_compare}}${t.figure1}{{else}}${t.figure1Alone}{{/if}}`);
  picture('dynamics', t.figure2);
  events('I');
  note('passport_comment');

  section(t.h2);
  body(t.orphans);
  events('II');
  note('rights_events');
  body(t.res64);
  b.paragraph('{{#if aid.has_road}}');
  body(t.road);
  b.paragraph('{{/if}}');
  b.paragraph('{{#if aid.has_any}}');
  body(t.aid);
  tableCaption(b, lang, '{{numbers.table_aid}}', t.tableAid);
  // The same figures as `qamqor aid`: every kind of the catalogue, then the total.
  b.table(
    [
      t.aidHeader,
      ['{{#aid.kinds}}{{label}}', '{{pupils}}', '{{amount}}{{/aid.kinds}}'],
      [{ content: word.total[lang], bold: true }, { content: '{{aid.total.pupils}}', bold: true }, { content: '{{aid.total.amount}}', bold: true }],
    ],
    { header: true, widths: [8, 2, 3], align: ['left', 'center', 'right'], size: 11, keepTogether: true },
  );
  gap();
  b.paragraph('{{/if}}');
  body(t.meals);
  body(t.mealCost);
  picture('meals', t.figureMeals);

  section(t.h3);
  body(t.registersIntro, { keepWithNext: true });
  for (const line of t.registers) b.paragraph(line, { firstLineIndent: 1.25, spaceAfter: 2 });
  events('III');
  note('prevention_events');

  section(t.h4);
  body(t.outside);
  body(t.camps);
  events('IV');
  note('outside_events');
  section(t.h5);
  body(t.families);
  events('V');
  note('family_events');
  section(t.h6);
  body(t.diagnostics);
  events('VI');
  note('diagnostics_events');

  b.paragraph('{{#if has_swot}}');
  section(t.swot);
  tableCaption(b, lang, '{{numbers.table_swot}}', t.tableSwot);
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
    { widths: [1, 1], size: 11, keepTogether: true },
  );
  gap();
  b.paragraph('{{/if}}');

  b.paragraph('{{#if notes.recommendations}}');
  body(t.recommendations, { keepWithNext: true });
  b.paragraph('{{notes.recommendations}}', { align: 'justify', keepWithNext: true });
  b.paragraph('{{/if}}');

  signatures(b, lang, ['pedagogue']);
  return b.build();
}
