// The pupil profile of case management (seed 003): the fields in the seed's order; what the registry does not
// hold (attendance, behaviour, performance, health, relations, housing act, characteristic) is written by hand.
import { page, signatures, title, type Lang } from './common';

const rows = {
  kk: [
    ['Аты-жөні', '{{pupil.full_name}}'],
    ['Сыныбы', '{{pupil.class}}'],
    ['Жасы', '{{pupil.age}} (туған күні {{pupil.birth_date}})'],
    ['Сүйемелдеу негізі', '{{pupil.reason}}'],
    ['Сабаққа қатысуы, %', '{{pupil.attendance}}'],
    ['Тәртібі (1–5)', '{{pupil.behaviour}}'],
    ['Үлгерімі (1–5)', '{{pupil.performance}}'],
    ['Мүгедектігі', '{{pupil.disability}}'],
    ['Отбасы құрамы', '{{pupil.family_composition}}'],
    ['Отбасының әлеуметтік мәртебесі', '{{pupil.family_status}}'],
    ['Үйде оқыту', '{{pupil.home_schooled}}'],
    ['Ерекше білім беру қажеттіліктері', '{{pupil.special_needs}}'],
    ['Денсаулығы', '{{pupil.health}}'],
    ['Сыныптағы қарым-қатынасы', '{{pupil.relations}}'],
    ['Тұрғын үй жағдайын тексеру актісі', '{{pupil.housing_act}}'],
    ['Мінездеме', '{{pupil.characteristic}}'],
  ],
  ru: [
    ['ФИО', '{{pupil.full_name}}'],
    ['Класс', '{{pupil.class}}'],
    ['Возраст', '{{pupil.age}} (дата рождения {{pupil.birth_date}})'],
    ['Основание для сопровождения', '{{pupil.reason}}'],
    ['Посещаемость, %', '{{pupil.attendance}}'],
    ['Поведение (от 1 до 5)', '{{pupil.behaviour}}'],
    ['Успеваемость (от 1 до 5)', '{{pupil.performance}}'],
    ['Инвалидность', '{{pupil.disability}}'],
    ['Состав семьи', '{{pupil.family_composition}}'],
    ['Социальный статус семьи', '{{pupil.family_status}}'],
    ['Домашнее обучение', '{{pupil.home_schooled}}'],
    ['Особые потребности', '{{pupil.special_needs}}'],
    ['Здоровье', '{{pupil.health}}'],
    ['Взаимоотношения в классе', '{{pupil.relations}}'],
    ['Акт обследования жилищно-бытовых условий', '{{pupil.housing_act}}'],
    ['Характеристика', '{{pupil.characteristic}}'],
  ],
};

// Fields written by hand get room to write in: empty lines under the value.
const HANDWRITTEN: Record<string, number> = {
  '{{pupil.attendance}}': 1,
  '{{pupil.behaviour}}': 1,
  '{{pupil.performance}}': 1,
  '{{pupil.health}}': 2,
  '{{pupil.relations}}': 2,
  '{{pupil.housing_act}}': 2,
  '{{pupil.characteristic}}': 8,
};

export function profile(lang: Lang): Uint8Array {
  const b = page(lang, { confidential: true });
  title(
    b,
    lang === 'kk' ? 'Оқушы профилі' : 'Профиль ученика',
    lang === 'kk' ? 'Әлеуметтік сүйемелдеу' : 'Социальное сопровождение',
    lang === 'kk' ? '{{school.name}}, {{school.year}} оқу жылы' : '{{school.name}}, {{school.year}} учебный год',
  );
  b.table(
    rows[lang].map(([field, value]) => [
      { content: field!, bold: true },
      { paragraphs: [value!, ...Array<string>(HANDWRITTEN[value!] ?? 0).fill('')] },
    ]),
    { widths: [5, 9], size: 11 },
  );
  signatures(b, lang, ['teacher', 'pedagogue'], { teacher: '{{pupil.teacher}}' });
  return b.build();
}
