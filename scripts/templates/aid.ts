// The aid register's documents, approved by the director: the «Мектепке жол» campaign report (who got what, totals by
// kind, the money by source) and the list of Resolution No. 64 payments (who, how much, the parent who receives it).
import { approval, page, signatures, tableCaption, title, type Lang } from './common';

const road = {
  kk: {
    title: '«Мектепке жол» республикалық акциясының қорытындысы туралы есеп',
    subtitle: '{{school.name}}, {{school.year}} оқу жылы',
    intro:
      'Білім алушылардың сабаққа бармауының алдын алу және әлеуметтік мәртебеге ие отбасылардан шыққан балаларды оқу жылына дайындау мақсатында {{road.period}} аралығында «Мектепке жол» республикалық акциясы өткізілді.{{#if road.has_applications}} Акцияға {{road.applications}} өтініш түсті.{{/if}}',
    totals: 'Акция аясында {{road.total.pupils}} оқушыға көмек көрсетілді (барлығы {{road.total.records}} рет), жалпы сомасы – {{road.total.amount}}.{{#if road.has_sponsor}} Оның ішінде демеушілер қаражаты – {{road.sponsor_money}}.{{/if}}',
    kinds: 'Көмек түрлері бойынша',
    kindsHeader: ['Көмек түрі', 'Оқушылар', 'Рет', 'Сомасы'],
    sources: 'Қаржы көздері бойынша',
    sourcesHeader: ['Қаржы көзі', 'Рет', 'Сомасы'],
    pupils: 'Көмек алған оқушылар',
    pupilsHeader: ['№', 'Оқушының аты-жөні', 'Сынып', 'Күні', 'Көмек түрі', 'Не берілді', 'Сомасы', 'Қаржы көзі'],
    total: 'Барлығы',
    empty: 'Акция аясында көрсетілген көмек «Көмек журналына» жазылмаған.',
  },
  ru: {
    title: 'Отчёт об итогах республиканской акции «Дорога в школу»',
    subtitle: '{{school.name}}, {{school.year}} учебный год',
    intro:
      'В целях профилактики непосещения занятий и подготовки к учебному году детей из семей, имеющих социальный статус, в период {{road.period}} проведена республиканская акция «Дорога в школу».{{#if road.has_applications}} Поступило заявлений – {{road.applications}}.{{/if}}',
    totals: 'В рамках акции помощь оказана учащимся в количестве {{road.total.pupils}} (всего случаев – {{road.total.records}}) на общую сумму {{road.total.amount}}.{{#if road.has_sponsor}} В том числе средства спонсоров – {{road.sponsor_money}}.{{/if}}',
    kinds: 'По видам помощи',
    kindsHeader: ['Вид помощи', 'Учащиеся', 'Случаи', 'Сумма'],
    sources: 'По источникам',
    sourcesHeader: ['Источник', 'Случаи', 'Сумма'],
    pupils: 'Учащиеся, получившие помощь',
    pupilsHeader: ['№', 'ФИО учащегося', 'Класс', 'Дата', 'Вид помощи', 'Что выдано', 'Сумма', 'Источник'],
    total: 'Итого',
    empty: 'Помощь в рамках акции в журнал помощи не записана.',
  },
};

export function aidRoad(lang: Lang): Uint8Array {
  const t = road[lang];
  const b = page(lang, { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } });
  const body = (content: string) => b.paragraph(content, { align: 'justify', firstLineIndent: 1.25 });
  approval(b, lang);
  title(b, t.title, t.subtitle);
  body(t.intro);
  b.paragraph('{{#if road.has_records}}');
  body(t.totals);
  tableCaption(b, lang, '1', t.kinds);
  b.table(
    [
      t.kindsHeader,
      ['{{#road.kinds}}{{label}}', '{{pupils}}', '{{records}}', '{{amount}}{{/road.kinds}}'],
      [{ content: t.total, bold: true }, { content: '{{road.total.pupils}}', bold: true }, { content: '{{road.total.records}}', bold: true }, { content: '{{road.total.amount}}', bold: true }],
    ],
    { header: true, widths: [10, 2.2, 2, 3], align: ['left', 'center', 'center', 'right'], size: 10, keepTogether: true },
  );
  tableCaption(b, lang, '2', t.sources);
  b.table(
    [t.sourcesHeader, ['{{#road.sources}}{{source}}', '{{records}}', '{{amount}}{{/road.sources}}']],
    { header: true, widths: [12, 2, 3], align: ['left', 'center', 'right'], size: 10, keepTogether: true },
  );
  tableCaption(b, lang, '3', t.pupils);
  b.table(
    [t.pupilsHeader, ['{{#road.records}}{{n}}', '{{full_name}}', '{{class}}', '{{date}}', '{{kind}}', '{{items}}', '{{amount}}', '{{source}}{{/road.records}}']],
    { header: true, widths: [1, 4.6, 1.5, 2.2, 4, 4.4, 2.2, 4], align: ['center', 'left', 'center', 'center', 'left', 'left', 'right', 'left'], size: 9 },
  );
  b.paragraph('{{else}}');
  b.paragraph(t.empty, { italic: true });
  b.paragraph('{{/if}}');
  signatures(b, lang, ['pedagogue']);
  return b.build();
}

const payments = {
  kk: {
    title: 'ҚР Үкіметінің 2008 жылғы 25 қаңтардағы №64 қаулысына сәйкес жалпыға бірдей білім беру қорынан көрсетілген қаржылай көмекті төлеу тізімі',
    subtitle: '{{school.name}}, {{school.year}} оқу жылы',
    intro: 'Қаражат білім алушының заңды өкілінің (ата-анасының, қамқоршысының) шотына аударылады.',
    header: ['№', 'Оқушының аты-жөні', 'ЖСН', 'Сынып', 'Тобы', 'Төлем күні', 'Сомасы', 'Алушы – заңды өкілі', 'Негіздеме'],
    total: 'Барлығы: {{payments.pupils}} оқушыға {{payments.total}}.',
    groups: '№64 қаулы бойынша топтар:',
    council: 'Төлемдер Қамқоршылық кеңесінің шешімімен бекітілді: №____ хаттама, «___» ____________ 20___ ж.',
    empty: 'Оқу жылында ЖББҚ есебінен қаржылай көмек төленбеген.',
  },
  ru: {
    title: 'Список выплат материальной помощи из фонда всеобщего обязательного среднего образования по постановлению Правительства РК от 25.01.2008 № 64',
    subtitle: '{{school.name}}, {{school.year}} учебный год',
    intro: 'Средства перечисляются на счёт законного представителя (родителя, опекуна) учащегося.',
    header: ['№', 'ФИО учащегося', 'ИИН', 'Класс', 'Группа', 'Дата выплаты', 'Сумма', 'Получатель – законный представитель', 'Основание'],
    total: 'Итого: учащихся – {{payments.pupils}}, на сумму {{payments.total}}.',
    groups: 'Группы по постановлению № 64:',
    council: 'Выплаты утверждены решением попечительского совета: протокол № ____ от «___» ____________ 20___ г.',
    empty: 'Материальная помощь из фонда всеобуча в учебном году не выплачивалась.',
  },
};

export function aidRes64(lang: Lang): Uint8Array {
  const t = payments[lang];
  const b = page(lang, { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } });
  approval(b, lang);
  title(b, t.title, t.subtitle);
  b.paragraph('{{#if payments.has_records}}');
  b.paragraph(t.intro, { align: 'justify', firstLineIndent: 1.25 });
  b.table(
    [t.header, ['{{#payments.records}}{{n}}', '{{full_name}}', '{{iin}}', '{{class}}', '{{groups}}', '{{date}}', '{{amount}}', '{{representative}}', '{{basis}}{{/payments.records}}']],
    { header: true, widths: [1, 4.4, 2.8, 1.5, 1.4, 2.2, 2.2, 4.6, 4], align: ['center', 'left', 'center', 'center', 'center', 'center', 'right', 'left', 'left'], size: 9 },
  );
  b.paragraph(t.total, { spaceBefore: 6, bold: true });
  b.paragraph(t.groups, { size: 9, spaceBefore: 6, keepWithNext: true });
  b.table([['{{#payments.groups}}{{group}}', '{{name}}{{/payments.groups}}']], { widths: [0.8, 20], align: ['center', 'left'], size: 9, borders: false, keepTogether: true });
  b.paragraph(t.council, { size: 10, spaceBefore: 6, keepWithNext: true });
  b.paragraph('{{else}}');
  b.paragraph(t.empty, { italic: true });
  b.paragraph('{{/if}}');
  signatures(b, lang, ['pedagogue']);
  return b.build();
}

