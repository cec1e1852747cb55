// The monthly social movement report (seed 002: «ай сайын сыныптың әлеуметтік қозғалысы туралы есеп»): a class's or
// the school's roll at the month's start and end, arrivals, departures and transfers, and each movement named with
// its date, place and reason. The class's is signed by its teacher and the social pedagogue; the school's is the
// pedagogue's, approved by the director.
import { approval, page, signatures, tableCaption, title, type Lang } from './common';

const text = {
  kk: {
    classTitle: '{{class.name}} сыныбының оқушылар қозғалысы туралы есебі',
    schoolTitle: 'Оқушылар қозғалысы туралы есеп',
    month: '{{month.title}} ({{month.from}} – {{month.to}})',
    teacher: 'Сынып жетекшісі: {{class.teacher}}',
    figures: 'Оқушылар саны',
    figuresHeader: ['Ай басында', 'Келді', 'Кетті', 'Басқа сыныптан ауысып келді', 'Басқа сыныпқа ауысып кетті', 'Ай соңында'],
    classesHeader: ['Сынып', 'Ай басында', 'Келді', 'Кетті', 'Ауысып келді', 'Ауысып кетті', 'Ай соңында'],
    total: 'Мектеп бойынша',
    events: 'Қозғалыс',
    eventsHeader: ['№', 'Күні', 'Оқушының аты-жөні', 'Қозғалыс', 'Қайдан / қайда', 'Себебі'],
    schoolEventsHeader: ['№', 'Күні', 'Оқушының аты-жөні', 'Сынып', 'Қозғалыс', 'Қайдан / қайда', 'Себебі'],
    none: 'Бұл айда оқушылар қозғалысы болған жоқ.',
    note: 'Ай басындағы сан – айдың бірінші күнінің алдындағы күннің соңындағы оқушылар саны; ай соңындағы сан – айдың соңғы күнінің соңындағы саны.',
  },
  ru: {
    classTitle: 'Отчёт о движении учащихся {{class.name}} класса',
    schoolTitle: 'Отчёт о движении учащихся',
    month: 'за {{month.title}} ({{month.from}} – {{month.to}})',
    teacher: 'Классный руководитель: {{class.teacher}}',
    figures: 'Численность учащихся',
    figuresHeader: ['На начало месяца', 'Прибыло', 'Выбыло', 'Переведено из других классов', 'Переведено в другие классы', 'На конец месяца'],
    classesHeader: ['Класс', 'На начало месяца', 'Прибыло', 'Выбыло', 'Переведено в класс', 'Переведено из класса', 'На конец месяца'],
    total: 'Итого по школе',
    events: 'Движение',
    eventsHeader: ['№', 'Дата', 'ФИО учащегося', 'Движение', 'Откуда / куда', 'Причина'],
    schoolEventsHeader: ['№', 'Дата', 'ФИО учащегося', 'Класс', 'Движение', 'Откуда / куда', 'Причина'],
    none: 'В этом месяце движения учащихся не было.',
    note: 'Численность на начало месяца – на конец дня, предшествующего первому дню месяца; на конец месяца – на конец его последнего дня.',
  },
};

export function movementClass(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang);
  approval(b, lang);
  title(b, t.classTitle, '{{school.name}}', t.month);
  b.paragraph(t.teacher, { spaceAfter: 8 });
  tableCaption(b, lang, '1', t.figures);
  b.table(
    [t.figuresHeader, ['{{class.start}}', '{{class.arrived}}', '{{class.left}}', '{{class.transferred_in}}', '{{class.transferred_out}}', '{{class.end}}']],
    { header: true, widths: [2.5, 2, 2, 3, 3, 2.5], align: ['center', 'center', 'center', 'center', 'center', 'center'], size: 10 },
  );
  b.paragraph('{{#if has_events}}');
  tableCaption(b, lang, '2', t.events);
  b.table(
    [t.eventsHeader, ['{{#events}}{{n}}', '{{date}}', '{{full_name}}', '{{kind}}', '{{place}}', '{{reason}}{{/events}}']],
    { header: true, widths: [0.8, 2.2, 5, 2.8, 4, 3.5], align: ['center', 'center', 'left', 'left', 'left', 'left'], size: 10 },
  );
  b.paragraph('{{else}}');
  b.paragraph(t.none, { italic: true, spaceBefore: 8 });
  b.paragraph('{{/if}}');
  b.paragraph(t.note, { size: 9, italic: true, spaceBefore: 8, keepWithNext: true });
  signatures(b, lang, ['teacher', 'pedagogue']);
  return b.build();
}

export function movementSchool(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang, { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } });
  approval(b, lang);
  title(b, t.schoolTitle, '{{school.name}}', t.month);
  tableCaption(b, lang, '1', t.figures);
  b.table(
    [
      t.classesHeader,
      ['{{#classes}}{{name}}', '{{start}}', '{{arrived}}', '{{left}}', '{{transferred_in}}', '{{transferred_out}}', '{{end}}{{/classes}}'],
      [{ content: t.total, bold: true }, '{{total.start}}', '{{total.arrived}}', '{{total.left}}', '{{total.transferred_in}}', '{{total.transferred_out}}', '{{total.end}}'],
    ],
    { header: true, widths: [3, 2.6, 2.2, 2.2, 2.8, 2.8, 2.6], align: ['left', 'center', 'center', 'center', 'center', 'center', 'center'], size: 10 },
  );
  b.paragraph('{{#if has_events}}');
  tableCaption(b, lang, '2', t.events);
  b.table(
    [t.schoolEventsHeader, ['{{#events}}{{n}}', '{{date}}', '{{full_name}}', '{{class}}', '{{kind}}', '{{place}}', '{{reason}}{{/events}}']],
    { header: true, widths: [0.8, 2.2, 6, 1.6, 3.4, 5, 4.5], align: ['center', 'center', 'left', 'center', 'left', 'left', 'left'], size: 10 },
  );
  b.paragraph('{{else}}');
  b.paragraph(t.none, { italic: true, spaceBefore: 8 });
  b.paragraph('{{/if}}');
  b.paragraph(t.note, { size: 9, italic: true, spaceBefore: 8, keepWithNext: true });
  signatures(b, lang, ['pedagogue']);
  return b.build();
}
