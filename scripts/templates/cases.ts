// The case file's documents (seeds 003 and 004), every one marked confidential in its header: the individual support
// plan, the summary at closure, the council protocol extract, the director's order assigning curators and the
// curators' report for the director's meeting. Filled by src/app/cases-documents.ts from the case file and the registry.
import type { CellSpec, DocxBuilder } from '../../src/local/docx/builder';
import { approval, both, page, signatures, tableCaption, title, type Lang } from './common';

const schoolYear = both('{{school.name}}, {{school.year}} оқу жылы', '{{school.name}}, {{school.year}} учебный год');

/** A signature line of someone the common signers do not name (the curator, the council's chair), laid out alike. */
function signLine(b: DocxBuilder, role: string, name = ''): DocxBuilder {
  return b.paragraph(`${role}\t_______________\t${name}`, { tabs: [{ at: 58 }, { at: 92 }], keepWithNext: true, spaceAfter: 10 });
}

/** Two columns, what and its value: the facts of the case above its tables. */
function facts(b: DocxBuilder, rows: [string, string][]): DocxBuilder {
  return b.table(
    rows.map(([field, value]) => [{ content: field, bold: true }, value]),
    { widths: [5, 10], size: 11, keepTogether: true },
  );
}

/** A table whose second row repeats once per item of `list`. */
function loopTable(b: DocxBuilder, list: string, columns: { header: string; cell: string; width: number; align?: 'left' | 'center' }[]): DocxBuilder {
  const last = columns.length - 1;
  const row: CellSpec[] = columns.map((c, i) => `${i === 0 ? `{{#${list}}}` : ''}${c.cell}${i === last ? `{{/${list}}}` : ''}`);
  return b.table([columns.map((c) => c.header), row], { header: true, widths: columns.map((c) => c.width), align: columns.map((c) => c.align ?? 'left'), size: 10 });
}

const caseFacts: Record<Lang, [string, string][]> = {
  kk: [
    ['Оқушы', '{{pupil.full_name}}, {{pupil.class}} сынып, туған күні {{pupil.birth_date}} ({{pupil.age}} жас)'],
    ['Анықталды', '{{case.identified_on}}, себебі: {{case.reason}}{{#if case.identified_by}}; анықтаған: {{case.identified_by}}{{/if}}'],
    ['Кеңес шешімімен ашылды', '{{case.opened_on}}{{#if case.council_protocol}}, хаттама № {{case.council_protocol}}{{/if}}'],
    ['Куратор', '{{case.curator}}{{#if case.curator_order}}, бұйрық {{case.curator_order}}{{/if}}'],
  ],
  ru: [
    ['Ученик', '{{pupil.full_name}}, {{pupil.class}} класс, дата рождения {{pupil.birth_date}} ({{pupil.age_words}})'],
    ['Выявлен', '{{case.identified_on}}, причина: {{case.reason}}{{#if case.identified_by}}; выявил: {{case.identified_by}}{{/if}}'],
    ['Открыт решением консилиума', '{{case.opened_on}}{{#if case.council_protocol}}, протокол № {{case.council_protocol}}{{/if}}'],
    ['Куратор', '{{case.curator}}{{#if case.curator_order}}, приказ {{case.curator_order}}{{/if}}'],
  ],
};

const ACTIONS: Record<Lang, { header: string; cell: string; width: number; align?: 'left' | 'center' }[]> = {
  kk: [
    { header: '№', cell: '{{@index}}', width: 0.9, align: 'center' },
    { header: 'Шара', cell: '{{action}}', width: 4.6 },
    { header: 'Бағыты', cell: '{{area}}', width: 2.2 },
    { header: 'Орындаушы', cell: '{{provider}}', width: 2.6 },
    { header: 'Жауапты', cell: '{{responsible}}', width: 2.6 },
    { header: 'Мерзімі', cell: '{{due_on}}', width: 2.1, align: 'center' },
    { header: 'Орындалды', cell: '{{done_on}}', width: 2.1, align: 'center' },
    { header: 'Нәтижесі', cell: '{{result}}', width: 3.2 },
  ],
  ru: [
    { header: '№', cell: '{{@index}}', width: 0.9, align: 'center' },
    { header: 'Мероприятие', cell: '{{action}}', width: 4.6 },
    { header: 'Направление', cell: '{{area}}', width: 2.2 },
    { header: 'Исполнитель', cell: '{{provider}}', width: 2.6 },
    { header: 'Ответственный', cell: '{{responsible}}', width: 2.6 },
    { header: 'Срок', cell: '{{due_on}}', width: 2.1, align: 'center' },
    { header: 'Выполнено', cell: '{{done_on}}', width: 2.1, align: 'center' },
    { header: 'Результат', cell: '{{result}}', width: 3.2 },
  ],
};

/** Underscores that fill a line of 12 pt Times without wrapping: portrait (165 mm of text), landscape (262 mm). */
const PORTRAIT_LINE = 70;
const LANDSCAPE_LINE = 112;

const landscape = { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } } as const;

/** The individual support plan of one case (seed 003, step 5): the facts, the actions, the consent. */
export function casePlan(lang: Lang): Uint8Array {
  const b = page(lang, { ...landscape, confidential: true });
  approval(b, lang);
  title(
    b,
    lang === 'kk' ? 'Жеке қолдау жоспары' : 'Индивидуальный план поддержки',
    lang === 'kk' ? 'Әлеуметтік сүйемелдеу, іс № {{case.id}}' : 'Социальное сопровождение, дело № {{case.id}}',
    schoolYear[lang],
  );
  facts(b, [
    ...caseFacts[lang],
    lang === 'kk' ? ['Келесі шолу', '{{case.next_review}}'] : ['Следующий обзор', '{{case.next_review}}'],
    lang === 'kk' ? ['Заңды өкілдің келісімі', '{{consent}}'] : ['Согласие законного представителя', '{{consent}}'],
  ]);
  tableCaption(b, lang, '1', lang === 'kk' ? 'Жоспардың шаралары' : 'Мероприятия плана');
  b.paragraph('{{#if has_actions}}');
  loopTable(b, 'actions', ACTIONS[lang]);
  b.paragraph('{{else}}');
  b.paragraph(lang === 'kk' ? 'Жоспарда шара әлі жоқ.' : 'Мероприятий в плане пока нет.', { italic: true });
  b.paragraph('{{/if}}');
  b.paragraph('{{#if outside_without_consent}}');
  b.paragraph(
    lang === 'kk'
      ? 'Назар аударыңыз: сырттағы ұйымдар қатысатын шаралар бар, ал заңды өкілдің жарамды келісімі жоқ. Келісім алынғанға дейін баланың деректері оларға берілмейді (ҚР «Дербес деректер және оларды қорғау туралы» Заңы, 8-бап).'
      : 'Внимание: в плане есть мероприятия сторонних организаций, а действующего согласия законного представителя нет. До получения согласия данные ребёнка им не передаются (Закон РК «О персональных данных и их защите», ст. 8).',
    { bold: true, spaceBefore: 6 },
  );
  b.paragraph('{{/if}}');
  b.paragraph('', { spaceAfter: 12, keepWithNext: true });
  signLine(b, lang === 'kk' ? 'Куратор' : 'Куратор', '{{case.curator}}');
  signLine(b, lang === 'kk' ? 'Мектеп психологы' : 'Психолог школы');
  signLine(b, lang === 'kk' ? 'Заңды өкілі танысты' : 'С планом ознакомлен(а) законный представитель');
  signatures(b, lang, ['pedagogue']);
  return b.build();
}

const REVIEWS: Record<Lang, { header: string; cell: string; width: number; align?: 'left' | 'center' }[]> = {
  kk: [
    { header: '№', cell: '{{@index}}', width: 0.9, align: 'center' },
    { header: 'Шолу күні', cell: '{{date}}', width: 2.2, align: 'center' },
    { header: 'Қатысуы, %', cell: '{{attendance}}', width: 2, align: 'center' },
    { header: 'Үлгерімі (1–5)', cell: '{{performance}}', width: 2, align: 'center' },
    { header: 'Тәртібі (1–5)', cell: '{{behaviour}}', width: 2, align: 'center' },
    { header: 'Ескертпе', cell: '{{note}}', width: 6 },
  ],
  ru: [
    { header: '№', cell: '{{@index}}', width: 0.9, align: 'center' },
    { header: 'Дата обзора', cell: '{{date}}', width: 2.2, align: 'center' },
    { header: 'Посещаемость, %', cell: '{{attendance}}', width: 2, align: 'center' },
    { header: 'Успеваемость (1–5)', cell: '{{performance}}', width: 2, align: 'center' },
    { header: 'Поведение (1–5)', cell: '{{behaviour}}', width: 2, align: 'center' },
    { header: 'Примечание', cell: '{{note}}', width: 6 },
  ],
};

/** The summary of a case at its closure (seed 003, step 8): what was done, how the three measures moved, why it closed. */
export function caseSummary(lang: Lang): Uint8Array {
  const b = page(lang, { confidential: true });
  approval(b, lang);
  title(
    b,
    lang === 'kk' ? 'Әлеуметтік сүйемелдеу ісі бойынша қорытынды анықтама' : 'Итоговая справка по делу социального сопровождения',
    lang === 'kk' ? 'Іс № {{case.id}}' : 'Дело № {{case.id}}',
    schoolYear[lang],
  );
  facts(b, [
    ...caseFacts[lang],
    lang === 'kk' ? ['Жабылды', '{{case.closed_on}} ({{case.duration}})'] : ['Закрыт', '{{case.closed_on}} ({{case.duration}})'],
    lang === 'kk' ? ['Жабылу себебі', '{{case.closure_reason}}'] : ['Причина закрытия', '{{case.closure_reason}}'],
  ]);
  tableCaption(b, lang, '1', lang === 'kk' ? 'Жеке қолдау жоспарының орындалуы' : 'Выполнение индивидуального плана поддержки');
  b.paragraph('{{#if has_actions}}');
  loopTable(b, 'actions', ACTIONS[lang].filter((c) => c.cell !== '{{responsible}}'));
  b.paragraph(lang === 'kk' ? 'Орындалған шаралар: {{done}} / {{total}}.' : 'Выполнено мероприятий: {{done}} из {{total}}.', { spaceBefore: 4 });
  b.paragraph('{{else}}');
  b.paragraph(lang === 'kk' ? 'Жоспарда шара болған жоқ.' : 'Мероприятий в плане не было.', { italic: true });
  b.paragraph('{{/if}}');
  tableCaption(b, lang, '2', lang === 'kk' ? 'Мониторинг: сабаққа қатысу, үлгерім, тәртіп' : 'Мониторинг: посещаемость, успеваемость, поведение');
  b.paragraph('{{#if has_reviews}}');
  loopTable(b, 'reviews', REVIEWS[lang]);
  b.paragraph('{{#if dynamics}}{{dynamics}}{{/if}}', { spaceBefore: 4 });
  b.paragraph('{{else}}');
  b.paragraph(lang === 'kk' ? 'Шолу жүргізілмеген.' : 'Обзоров не проводилось.', { italic: true });
  b.paragraph('{{/if}}');
  b.paragraph(lang === 'kk' ? 'Қорытынды және ұсынымдар:' : 'Выводы и рекомендации:', { bold: true, spaceBefore: 8 });
  for (let i = 0; i < 3; i++) b.paragraph('_'.repeat(PORTRAIT_LINE), { spaceAfter: 4 });
  b.paragraph('', { spaceAfter: 12, keepWithNext: true });
  signLine(b, 'Куратор', '{{case.curator}}');
  signatures(b, lang, ['pedagogue', 'director']);
  return b.build();
}

/** An extract of the council's protocol that opened the case (seed 003: «Открытие … консилиум … принимает решение»). */
export function caseProtocol(lang: Lang): Uint8Array {
  const b = page(lang, { confidential: true });
  title(
    b,
    lang === 'kk' ? 'Психологиялық-педагогикалық кеңес (консилиум) отырысы хаттамасынан үзінді' : 'Выписка из протокола заседания психолого-педагогического консилиума',
    lang === 'kk' ? '№ {{case.council_protocol}} хаттама, {{case.opened_on}}' : 'Протокол № {{case.council_protocol}} от {{case.opened_on}}',
    '{{school.name}}',
  );
  const p = (text: string, options: { bold?: boolean; spaceBefore?: number } = {}) => b.paragraph(text, { align: 'justify', firstLineIndent: options.bold ? 0 : 1.25, spaceAfter: 4, ...options });
  if (lang === 'kk') {
    p('ТЫҢДАЛДЫ:', { bold: true });
    p('{{pupil.class}} сынып оқушысы {{pupil.full_name}} ({{pupil.birth_date}} ж. т.) {{case.identified_on}}{{#if case.identified_by}} ({{case.identified_by}}){{/if}} әлеуметтік сүйемелдеуді қажет ететін оқушы ретінде анықталды; себебі — {{case.reason}}. Сынып жетекшісі әлеуметтік паспортты, тұрғын үй жағдайын тексеру актісін, мінездемені, үлгерім мен сабаққа қатысу табелін ұсынды.');
    p('ҚАУЛЫ ЕТТІ:', { bold: true, spaceBefore: 6 });
    p('1. {{pupil.full_name}} әлеуметтік сүйемелдеуге алынсын (іс № {{case.id}}).');
    p('2. {{#if case.curator}}Куратор етіп {{case.curator}} ұсынылсын; куратор директордың бұйрығымен бекітіледі.{{else}}Куратор директордың бұйрығымен бекітілсін.{{/if}}');
    p('3. Куратор әлеуметтік педагог пен психологпен бірге жеке қолдау жоспарын {{case.plan_due}} дейін әзірлесін.');
    p('4. Сабаққа қатысу, үлгерім және тәртіп мониторингі кемінде {{case.review_days}} күнде бір рет жүргізілсін; алғашқы шолу {{case.first_review}} дейін.');
    p('5. Сырттағы ұйымдар тартылатын болса, заңды өкілдің келісімі алдын ала алынсын.');
  } else {
    p('СЛУШАЛИ:', { bold: true });
    p('{{pupil.ru.pupil}} {{pupil.class}} класса {{pupil.full_name}} ({{pupil.birth_date}} г. р.) {{pupil.ru.identified}} {{case.identified_on}}{{#if case.identified_by}} ({{case.identified_by}}){{/if}} как {{pupil.ru.needing}} в социальном сопровождении; причина — {{case.reason}}. Классный руководитель представил социальный паспорт, акт обследования жилищно-бытовых условий, характеристику, табели успеваемости и посещаемости.');
    p('ПОСТАНОВИЛИ:', { bold: true, spaceBefore: 6 });
    p('1. Открыть социальное сопровождение {{pupil.ru.of_pupil}} {{pupil.full_name}} (дело № {{case.id}}).');
    p('2. {{#if case.curator}}Предложить куратором {{case.curator}}; куратор закрепляется приказом директора.{{else}}Закрепить куратора приказом директора.{{/if}}');
    p('3. Куратору совместно с социальным педагогом и психологом разработать индивидуальный план поддержки до {{case.plan_due}}.');
    p('4. Мониторинг посещаемости, успеваемости и поведения проводить не реже одного раза в {{case.review_days}} дней; первый обзор — до {{case.first_review}}.');
    p('5. При привлечении сторонних организаций предварительно получить согласие законного представителя.');
  }
  b.paragraph('', { spaceAfter: 12, keepWithNext: true });
  signLine(b, lang === 'kk' ? 'Кеңес төрағасы' : 'Председатель консилиума');
  signLine(b, lang === 'kk' ? 'Хатшы' : 'Секретарь');
  b.paragraph(lang === 'kk' ? 'Үзінді дұрыс:' : 'Выписка верна:', { spaceBefore: 6, keepWithNext: true });
  signatures(b, lang, ['pedagogue']);
  return b.build();
}

/** The director's order assigning curators (seed 004, 2.2 and 3.1: «закрепляет приказом куратора»). */
export function curatorOrder(lang: Lang): Uint8Array {
  const b = page(lang, { confidential: true });
  b.paragraph('{{school.name}}', { align: 'center', bold: true, spaceAfter: 10 });
  b.heading(lang === 'kk' ? 'БҰЙРЫҚ' : 'ПРИКАЗ', { spaceAfter: 4 });
  b.paragraph(lang === 'kk' ? '«___» ____________ 20___ ж.\t№ _____' : '«___» ____________ 20___ г.\t№ _____', { tabs: [{ at: 165, align: 'right' }], spaceAfter: 10 });
  b.paragraph(lang === 'kk' ? 'Оқушыларға кураторларды бекіту туралы' : 'О закреплении кураторов за обучающимися', { bold: true, spaceAfter: 10 });
  const p = (text: string) => b.paragraph(text, { align: 'justify', firstLineIndent: 1.25, spaceAfter: 4 });
  if (lang === 'kk') {
    p('Оқушыларды жеке патронаттау туралы ережеге сәйкес, психологиялық-педагогикалық кеңестің шешімдері негізінде, әлеуметтік сүйемелдеуді қажет ететін оқушыларға уақтылы психологиялық-педагогикалық, әлеуметтік және медициналық қолдау көрсету мақсатында');
    b.paragraph('БҰЙЫРАМЫН:', { bold: true, spaceBefore: 6, spaceAfter: 4 });
    p('1. Төмендегі оқушыларға кураторлар бекітілсін:');
  } else {
    p('В соответствии с Положением об индивидуальном патронате обучающихся, на основании решений психолого-педагогического консилиума, в целях своевременной психолого-педагогической, социальной и медицинской поддержки обучающихся, нуждающихся в социальном сопровождении,');
    b.paragraph('ПРИКАЗЫВАЮ:', { bold: true, spaceBefore: 6, spaceAfter: 4 });
    p('1. Закрепить кураторов за обучающимися:');
  }
  loopTable(b, 'rows', [
    { header: '№', cell: '{{@index}}', width: 0.9, align: 'center' },
    { header: lang === 'kk' ? 'Оқушының аты-жөні' : 'ФИО обучающегося', cell: '{{full_name}}', width: 5 },
    { header: lang === 'kk' ? 'Сынып' : 'Класс', cell: '{{class}}', width: 1.6, align: 'center' },
    { header: lang === 'kk' ? 'Куратор' : 'Куратор', cell: '{{curator}}', width: 4.4 },
    { header: lang === 'kk' ? 'Негіздеме (кеңес хаттамасы)' : 'Основание (протокол консилиума)', cell: '{{basis}}', width: 3.6 },
  ]);
  b.paragraph('', { spaceAfter: 2 });
  if (lang === 'kk') {
    p('2. Кураторлар оқушымен, оның ата-анасымен (заңды өкілдерімен) және пән мұғалімдерімен тұрақты байланыста болсын, жеке қолдау жоспары бойынша жұмыс жүргізсін және атқарылған жұмыс туралы директор жанындағы кеңесте есеп берсін.');
    p('3. Кураторлардың жұмысын үйлестіру әлеуметтік педагогқа ({{school.social_pedagogue}}) жүктелсін.');
    p('4. Осы бұйрықтың орындалуын бақылауды өзіме қалдырамын.');
  } else {
    p('2. Кураторам осуществлять постоянную связь с обучающимся, его родителями (законными представителями) и учителями-предметниками, вести работу по индивидуальному плану поддержки и отчитываться о проделанной работе на совещании при директоре.');
    p('3. Координацию работы кураторов возложить на социального педагога ({{school.social_pedagogue}}).');
    p('4. Контроль за исполнением приказа оставляю за собой.');
  }
  b.paragraph('', { spaceAfter: 12, keepWithNext: true });
  signLine(b, lang === 'kk' ? 'Мектеп директоры' : 'Директор школы', '{{school.director}}');
  b.paragraph(lang === 'kk' ? 'Бұйрықпен таныстым:' : 'С приказом ознакомлены:', { spaceBefore: 10, keepWithNext: true });
  loopTable(b, 'curators', [
    { header: lang === 'kk' ? 'Куратор' : 'Куратор', cell: '{{name}}', width: 6 },
    { header: lang === 'kk' ? 'Қолы' : 'Подпись', cell: '', width: 3 },
    { header: lang === 'kk' ? 'Күні' : 'Дата', cell: '', width: 3 },
  ]);
  b.paragraph(lang === 'kk' ? 'Жобаны дайындаған: әлеуметтік педагог {{school.social_pedagogue}}, {{school.date}}' : 'Проект подготовил: социальный педагог {{school.social_pedagogue}}, {{school.date}}', { size: 10, spaceBefore: 10 });
  return b.build();
}

/** The curators' report for the director's meeting (seed 004, 3.3: «отчитывается … на совещании при директоре»). */
export function curatorsReport(lang: Lang): Uint8Array {
  const b = page(lang, { ...landscape, confidential: true });
  title(
    b,
    lang === 'kk' ? 'Кураторлардың директор жанындағы кеңестегі есебі' : 'Отчёт кураторов на совещании при директоре',
    lang === 'kk' ? 'Жеке патронат және әлеуметтік сүйемелдеу, {{school.date}} күнгі жағдай' : 'Индивидуальный патронат и социальное сопровождение на {{school.date}}',
    schoolYear[lang],
  );
  b.paragraph(
    lang === 'kk'
      ? 'Сүйемелдеудегі оқушылар: {{counts.open}}; мерзімі өткен жұмысы барлар: {{counts.overdue}}; осы оқу жылында жабылған істер: {{counts.closed}}.'
      : 'Обучающихся на сопровождении: {{counts.open}}; с просроченными мероприятиями или обзорами: {{counts.overdue}}; закрыто дел в этом учебном году: {{counts.closed}}.',
    { spaceAfter: 8 },
  );
  tableCaption(b, lang, '1', lang === 'kk' ? 'Әр оқушы бойынша' : 'По каждому обучающемуся');
  b.paragraph('{{#if has_rows}}');
  loopTable(b, 'rows', [
    { header: '№', cell: '{{@index}}', width: 0.9, align: 'center' },
    { header: lang === 'kk' ? 'Іс' : 'Дело', cell: '{{id}}', width: 1.6, align: 'center' },
    { header: lang === 'kk' ? 'Оқушы' : 'Обучающийся', cell: '{{full_name}}', width: 4 },
    { header: lang === 'kk' ? 'Сынып' : 'Класс', cell: '{{class}}', width: 1.4, align: 'center' },
    { header: lang === 'kk' ? 'Куратор' : 'Куратор', cell: '{{curator}}', width: 3.4 },
    { header: lang === 'kk' ? 'Кезеңі' : 'Этап', cell: '{{stage}}', width: 2.6 },
    { header: lang === 'kk' ? 'Соңғы шолу' : 'Последний обзор', cell: '{{latest_review}}', width: 4 },
    { header: lang === 'kk' ? 'Мерзімі өткені' : 'Просрочено', cell: '{{overdue}}', width: 3.6 },
    { header: lang === 'kk' ? 'Келесі шолу' : 'Следующий обзор', cell: '{{next_review}}', width: 2.2, align: 'center' },
  ]);
  b.paragraph('{{else}}');
  b.paragraph(lang === 'kk' ? 'Сүйемелдеудегі оқушы жоқ.' : 'Обучающихся на сопровождении нет.', { italic: true });
  b.paragraph('{{/if}}');
  b.paragraph(lang === 'kk' ? 'Кеңес шешімі:' : 'Решение совещания:', { bold: true, spaceBefore: 8 });
  for (let i = 0; i < 3; i++) b.paragraph('_'.repeat(LANDSCAPE_LINE), { spaceAfter: 4 });
  signatures(b, lang, ['pedagogue', 'director']);
  return b.build();
}

/** The case documents by template name; `profile` is the registry's own template, filled from the case file too. */
export const caseTemplateBuilders = {
  'case-plan': casePlan,
  'case-summary': caseSummary,
  'case-protocol': caseProtocol,
  'curator-order': curatorOrder,
  'curators-report': curatorsReport,
} satisfies Record<string, (lang: Lang) => Uint8Array>;

export type CaseTemplateName = keyof typeof caseTemplateBuilders;
