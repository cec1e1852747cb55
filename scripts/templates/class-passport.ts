// The class social passport (seed 002): the class's figures per category with the pupils named, then the
// list of the class's pupils with a social status. Signed by the class teacher and the social pedagogue.
import { approval, page, signatures, tableCaption, title, type Lang } from './common';

const text = {
  kk: {
    title: '{{class.name}} сыныбының әлеуметтік паспорты',
    year: '{{school.year}} оқу жылы',
    info: [
      ['Сынып жетекшісі', '{{class.teacher}}'],
      ['Оқушылар саны', '{{class.students}} (ұлдар – {{class.boys}}, қыздар – {{class.girls}})'],
      ['Отбасылар саны', '{{class.families}}'],
    ],
    categoriesHeading: 'Әлеуметтік санаттар бойынша оқушылар мен отбасылар',
    header: ['№', 'Санат', 'Оқушы', 'Отбасы', 'Оқушылардың аты-жөні'],
    pupilsHeading: 'Әлеуметтік санаттағы оқушылар',
    pupilsHeader: ['№', 'Оқушының аты-жөні', 'Туған күні', 'Санаттары'],
    none: 'Сыныпта әлеуметтік санаттағы оқушы жоқ.',
  },
  ru: {
    title: 'Социальный паспорт {{class.name}} класса',
    year: '{{school.year}} учебный год',
    info: [
      ['Классный руководитель', '{{class.teacher}}'],
      ['Учащихся', '{{class.students}} (мальчиков – {{class.boys}}, девочек – {{class.girls}})'],
      ['Семей', '{{class.families}}'],
    ],
    categoriesHeading: 'Учащиеся и семьи по социальным категориям',
    header: ['№', 'Категория', 'Учащиеся', 'Семьи', 'ФИО учащихся'],
    pupilsHeading: 'Учащиеся социальных категорий',
    pupilsHeader: ['№', 'ФИО учащегося', 'Дата рождения', 'Категории'],
    none: 'В классе нет учащихся социальных категорий.',
  },
};

export function classPassport(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang);
  approval(b, lang);
  title(b, t.title, '{{school.name}}', t.year);
  b.table(t.info, { borders: false, widths: [4, 8] });
  tableCaption(b, lang, '1', t.categoriesHeading);
  b.table(
    [t.header, ['{{#categories}}{{@index}}', '{{label}}', '{{students}}', '{{families}}', '{{names}}{{/categories}}']],
    { header: true, widths: [0.8, 5.6, 1.7, 1.7, 6], align: ['center', 'left', 'center', 'center', 'left'], size: 10 },
  );
  b.paragraph('{{#if has_pupils}}');
  tableCaption(b, lang, '2', t.pupilsHeading);
  b.table(
    [t.pupilsHeader, ['{{#pupils}}{{@index}}', '{{full_name}}', '{{birth_date}}', '{{categories}}{{/pupils}}']],
    { header: true, widths: [0.8, 6, 2.2, 6.5], align: ['center', 'left', 'center', 'left'], size: 10 },
  );
  b.paragraph('{{else}}');
  b.paragraph(t.none, { italic: true, spaceBefore: 10 });
  b.paragraph('{{/if}}');
  signatures(b, lang, ['teacher', 'pedagogue']);
  return b.build();
}
