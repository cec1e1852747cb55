// The social pedagogue's annual plan as a document, approved by the director: the activities under the six
// directions of seed 001, each with its months, who is responsible, and the mark of completion.
import { approval, page, signatures, title, type Lang } from './common';

const DIRECTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

const text = {
  kk: {
    title: 'Әлеуметтік педагогтің {{school.year}} оқу жылына арналған жылдық жұмыс жоспары',
    header: ['№', 'Іс-шаралар', 'Мерзімі', 'Жауаптылар', 'Орындалуы'],
    totals: 'Жоспарда барлығы {{plan.total}} іс-шара, оның ішінде орындалғаны – {{plan.done}}.',
    empty: 'Жоспарда іс-шара жоқ.',
  },
  ru: {
    title: 'Годовой план работы социального педагога на {{school.year}} учебный год',
    header: ['№', 'Мероприятия', 'Сроки', 'Ответственные', 'Отметка о выполнении'],
    totals: 'Всего в плане мероприятий – {{plan.total}}, из них выполнено – {{plan.done}}.',
    empty: 'В плане нет мероприятий.',
  },
};

export function plan(lang: Lang): Uint8Array {
  const t = text[lang];
  const b = page(lang, { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } });
  approval(b, lang);
  title(b, t.title, '{{school.name}}');
  b.paragraph('{{#if plan.has_items}}');
  // One table per direction, its name above it; a direction with no activity leaves nothing.
  for (const d of DIRECTIONS) {
    b.paragraph(`{{#if plan.${d}.any}}`);
    b.heading(`{{plan.${d}.name}}`, { level: 2, spaceBefore: 10 });
    b.table(
      [t.header, [`{{#plan.${d}.items}}{{n}}`, '{{activity}}', '{{months}}', '{{responsible}}', `{{done}}{{/plan.${d}.items}}`]],
      { header: true, widths: [1, 12, 3.2, 5.5, 2.8], align: ['center', 'left', 'center', 'left', 'center'], size: 10 },
    );
    b.paragraph('{{/if}}');
  }
  b.paragraph(t.totals, { spaceBefore: 8, keepWithNext: true });
  b.paragraph('{{else}}');
  b.paragraph(t.empty, { italic: true });
  b.paragraph('{{/if}}');
  signatures(b, lang, ['pedagogue']);
  return b.build();
}
