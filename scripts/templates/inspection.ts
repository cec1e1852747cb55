// The housing-condition inspection act (тұрғын үй-тұрмыс жағдайын тексеру актісі / акт обследования жилищно-бытовых
// условий, DOMAIN.md): the commission, the child, the parents, the family, the dwelling, the child's own conditions,
// the family climate, the conclusion and recommendations, signed by the commission and the parent. And the
// inspection schedule: who needs an act, by when, what is done, who is responsible, approved by the director.
import { approval, page, signatures, tableCaption, title, type Lang } from './common';

const text = {
  kk: {
    actTitle: 'Тұрғын үй-тұрмыс жағдайын тексеру актісі',
    actDate: 'Тексеру күні: {{act.date}}',
    commission: 'Комиссия құрамы:',
    child: '1. Бала туралы мәлімет',
    childRows: [
      ['Аты-жөні', '{{pupil.full_name}}'],
      ['Туған күні', '{{pupil.birth_date}}'],
      ['Сыныбы', '{{pupil.class}}'],
      ['Мекенжайы', '{{pupil.address}}'],
      ['Әлеуметтік мәртебесі', '{{pupil.categories}}'],
    ],
    parents: '2. Ата-анасы (заңды өкілдері): аты-жөні, жұмыс орны, табысы',
    family: '3. Отбасы құрамы: аты-жөні, туыстығы, жасы, кәсібі',
    dwelling: '4. Тұрғын үй жағдайы',
    dwellingRows: [
      ['Тұрғын үй', '{{act.housing}}'],
      ['Бөлме саны', '{{act.rooms}}'],
      ['Аумағы, м²', '{{act.area}}'],
      ['Жылыту', '{{act.heating}}'],
      ['Су', '{{act.water}}'],
      ['Санитарлық жағдайы', '{{act.sanitary}}'],
    ],
    childConditions: '5. Баланың жағдайы',
    childConditionRows: [
      ['Жеке төсегі бар', '{{act.own_bed}}'],
      ['Сабақ оқитын орны бар', '{{act.study_place}}'],
      ['Киіммен және оқу құралдарымен қамтылған', '{{act.clothing}}'],
    ],
    climate: '6. Отбасындағы ахуал',
    conclusion: 'Қорытынды',
    recommendations: 'Ұсыныстар',
    signedBy: 'Комиссия мүшелері:',
    parentSign: 'Актімен таныстым, ата-анасы (заңды өкілі):',
    copies: 'Акт екі данада жасалды: біреуі мектепте сақталады, екіншісі ата-анасына (заңды өкіліне) беріледі.',
    scheduleTitle: 'Тұрғын үй-тұрмыс жағдайын тексеру кестесі',
    scheduleYear: '{{school.year}} оқу жылы, {{schedule.today}} күнгі жағдай',
    scheduleRule: 'Жетім және ата-анасының қамқорлығынсыз қалған балалар жылына екі рет тексеріледі (1 қыркүйек – 31 желтоқсан және 1 қаңтар – 31 мамыр), әлеуметтік мәртебесі бар басқа оқушылар – жылына бір рет, 31 желтоқсанға дейін.',
    scheduleTotals: 'Акт керек оқушылар – {{schedule.required}}, оның ішінде мерзімі өткені – {{schedule.overdue}}, 30 күн ішінде мерзімі келетіні – {{schedule.soon}}.',
    scheduleHeader: ['№', 'Оқушының аты-жөні', 'Сынып', 'Санаты', 'Мерзімдері', 'Жасалған актілер', 'Келесі мерзімі', 'Жауаптылар'],
    scheduleCaption: 'Тексеру кестесі',
    noSchedule: 'Тұрғын үй актісі керек оқушы жоқ.',
  },
  ru: {
    actTitle: 'Акт обследования жилищно-бытовых условий',
    actDate: 'Дата обследования: {{act.date}}',
    commission: 'Состав комиссии:',
    child: '1. Сведения о ребёнке',
    childRows: [
      ['ФИО', '{{pupil.full_name}}'],
      ['Дата рождения', '{{pupil.birth_date}}'],
      ['Класс', '{{pupil.class}}'],
      ['Адрес', '{{pupil.address}}'],
      ['Социальный статус', '{{pupil.categories}}'],
    ],
    parents: '2. Родители (законные представители): ФИО, место работы, доход',
    family: '3. Состав семьи: ФИО, родство, возраст, занятость',
    dwelling: '4. Жилищные условия',
    dwellingRows: [
      ['Жильё', '{{act.housing}}'],
      ['Количество комнат', '{{act.rooms}}'],
      ['Площадь, м²', '{{act.area}}'],
      ['Отопление', '{{act.heating}}'],
      ['Водоснабжение', '{{act.water}}'],
      ['Санитарное состояние', '{{act.sanitary}}'],
    ],
    childConditions: '5. Условия ребёнка',
    childConditionRows: [
      ['Есть своё спальное место', '{{act.own_bed}}'],
      ['Есть место для занятий', '{{act.study_place}}'],
      ['Обеспечен одеждой и школьными принадлежностями', '{{act.clothing}}'],
    ],
    climate: '6. Климат в семье',
    conclusion: 'Заключение',
    recommendations: 'Рекомендации',
    signedBy: 'Члены комиссии:',
    parentSign: 'С актом ознакомлен(а), родитель (законный представитель):',
    copies: 'Акт составлен в двух экземплярах: один хранится в школе, второй выдаётся родителю (законному представителю).',
    scheduleTitle: 'График обследования жилищно-бытовых условий',
    scheduleYear: '{{school.year}} учебный год, по состоянию на {{schedule.today}}',
    scheduleRule: 'Дети-сироты и дети, оставшиеся без попечения родителей, обследуются дважды в год (1 сентября – 31 декабря и 1 января – 31 мая), другие учащиеся с социальным статусом – один раз в год, до 31 декабря.',
    scheduleTotals: 'Учащихся, которым нужен акт, – {{schedule.required}}, из них с истёкшим сроком – {{schedule.overdue}}, со сроком в ближайшие 30 дней – {{schedule.soon}}.',
    scheduleHeader: ['№', 'ФИО учащегося', 'Класс', 'Категория', 'Сроки', 'Составленные акты', 'Следующий срок', 'Ответственные'],
    scheduleCaption: 'График обследования',
    noSchedule: 'Учащихся, которым нужен акт обследования, нет.',
  },
};

export function inspectionAct(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang);
  approval(b, lang);
  title(b, t.actTitle, '{{school.name}}', t.actDate);
  b.paragraph(t.commission, { bold: true, keepWithNext: true, spaceAfter: 2 });
  b.table([['{{#act.commission}}{{member}}{{/act.commission}}']], { borders: false, widths: [12], size: 11 });
  const section = (heading: string) => b.paragraph(heading, { bold: true, spaceBefore: 6, spaceAfter: 2, keepWithNext: true });
  section(t.child);
  b.table(t.childRows, { widths: [4.5, 11], size: 10 });
  section(t.parents);
  b.paragraph('{{act.parents}}', { spaceAfter: 2 });
  section(t.family);
  b.paragraph('{{act.family}}', { spaceAfter: 2 });
  section(t.dwelling);
  b.table(t.dwellingRows, { widths: [4.5, 11], size: 10 });
  section(t.childConditions);
  b.table(t.childConditionRows, { widths: [9, 6.5], size: 10 });
  section(t.climate);
  b.paragraph('{{act.climate}}', { spaceAfter: 2 });
  section(t.conclusion);
  b.paragraph('{{act.conclusion}}', { spaceAfter: 2 });
  b.paragraph('{{#if act.has_recommendations}}');
  section(t.recommendations);
  b.paragraph('{{act.recommendations}}', { spaceAfter: 2 });
  b.paragraph('{{/if}}');
  // The commission's and the parent's signatures in one table kept on one page, under their heading.
  b.paragraph(t.signedBy, { bold: true, spaceBefore: 10, spaceAfter: 2, keepWithNext: true });
  b.table(
    [
      ['{{#act.commission}}{{member}}', '_______________{{/act.commission}}'],
      [{ content: t.parentSign, span: 2 }],
      ['{{pupil.guardian}}', '_______________'],
    ],
    { borders: false, widths: [10, 5.5], keepTogether: true, size: 11 },
  );
  // A document ends with a paragraph (Google Docs adds one after a closing table): the act's copies.
  b.paragraph(t.copies, { size: 9, italic: true, spaceBefore: 8 });
  return b.build();
}

export function inspectionSchedule(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang, { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } });
  approval(b, lang);
  title(b, t.scheduleTitle, '{{school.name}}', t.scheduleYear);
  b.paragraph(t.scheduleRule, { size: 10, spaceAfter: 6 });
  b.paragraph(t.scheduleTotals, { spaceAfter: 6 });
  b.paragraph('{{#if schedule.has_lines}}');
  tableCaption(b, lang, '1', t.scheduleCaption);
  b.table(
    [t.scheduleHeader, ['{{#schedule.lines}}{{n}}', '{{full_name}}', '{{class}}', '{{categories}}', '{{due}}', '{{done}}', '{{next}}', '{{responsible}}{{/schedule.lines}}']],
    { header: true, widths: [0.8, 5, 1.4, 4.2, 3, 3, 3, 5.6], align: ['center', 'left', 'center', 'left', 'center', 'center', 'center', 'left'], size: 9 },
  );
  b.paragraph('{{else}}');
  b.paragraph(t.noSchedule, { italic: true });
  b.paragraph('{{/if}}');
  signatures(b, lang, ['pedagogue']);
  return b.build();
}
