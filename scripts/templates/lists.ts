// The named lists: one general layout and four with the columns their purpose needs (guardians of orphans,
// children in large families, register flags only, Resolution No. 64 groups). Approved by the director.
import type { CellSpec } from '../../src/local/docx/builder';
import { approval, both, page, signatures, title, type Both, type Lang } from './common';

type Column = { header: Both; cell: string; width: number; align?: 'left' | 'center' };

const col = (kk: string, ru: string, cell: string, width: number, align: 'left' | 'center' = 'center'): Column => ({ header: both(kk, ru), cell, width, align });

// Wide enough for four digits at 11 pt with the cell's margins: 113 must not wrap as «11/3».
const NO = col('№', '№', '{{@index}}', 1.2);
const NAME = col('Оқушының аты-жөні', 'ФИО учащегося', '{{full_name}}', 4.7, 'left');
// «Сынып» in bold must not break as «Сыны/п».
const CLASS = col('Сынып', 'Класс', '{{class}}', 1.8);
const BIRTH = col('Туған күні', 'Дата рождения', '{{birth_date}}', 2.2);
// «Санаты» for a list of several categories, «Басқа санаттары» for one: the model words the header.
const CATEGORY = col('{{list.category_header}}', '{{list.category_header}}', '{{categories}}', 5.5, 'left');

const subtitle = both('{{school.name}}, {{school.year}} оқу жылы', '{{school.name}}, {{school.year}} учебный год');
const totals = both('Барлығы: {{list.students}} оқушы, {{list.families}} отбасы.', 'Всего: учащихся – {{list.students}}, семей – {{list.families}}.');
const empty = both('Тізімде оқушы жоқ.', 'Учащихся в списке нет.');

function listDocument(lang: Lang, columns: Column[], extra: { before?: (b: ReturnType<typeof page>) => void; after?: (b: ReturnType<typeof page>) => void; landscape?: boolean } = {}): Uint8Array {
  const b = page(lang, extra.landscape ? { landscape: true, margins: { left: 20, right: 15, top: 15, bottom: 15 } } : {});
  approval(b, lang);
  title(b, '{{list.title}}', subtitle[lang]);
  extra.before?.(b);
  b.paragraph('{{#if has_pupils}}');
  const last = columns.length - 1;
  const row: CellSpec[] = columns.map((c, i) => `${i === 0 ? '{{#pupils}}' : ''}${c.cell}${i === last ? '{{/pupils}}' : ''}`);
  b.table([columns.map((c) => c.header[lang]), row], {
    header: true,
    widths: columns.map((c) => c.width),
    align: columns.map((c) => c.align),
    size: 10,
  });
  b.paragraph(totals[lang], { spaceBefore: 6, keepWithNext: true });
  b.paragraph('{{else}}');
  b.paragraph(empty[lang], { italic: true });
  b.paragraph('{{/if}}');
  extra.after?.(b);
  signatures(b, lang, ['pedagogue']);
  return b.build();
}

/** Any categories: name, class, birth date, which of the list's categories. */
export function list(lang: Lang): Uint8Array {
  return listDocument(lang, [NO, NAME, CLASS, BIRTH, CATEGORY]);
}

/** Orphans and children without parental care, with their guardians and addresses (housing inspections). */
export function listOrphans(lang: Lang): Uint8Array {
  return listDocument(lang, [
    NO,
    NAME,
    CLASS,
    BIRTH,
    col('Мәртебесі', 'Статус', '{{categories}}', 3.4, 'left'),
    col('Орналастыру нысаны', 'Форма устройства', '{{placement}}', 3, 'left'),
    col('Қамқоршысы', 'Опекун (попечитель)', '{{guardian}}', 4, 'left'),
    col('Мекенжайы', 'Адрес', '{{address}}', 4.2, 'left'),
  ], { landscape: true });
}

/** Family categories: brothers and sisters share a family number, so families can be counted on paper. */
export function listFamilies(lang: Lang): Uint8Array {
  return listDocument(lang, [
    NO,
    { ...NAME, width: 5 },
    CLASS,
    BIRTH,
    { ...CATEGORY, width: 3.4 },
    col('Балалар саны', 'Детей в семье', '{{children}}', 1.9),
    col('Отбасы №', 'Семья №', '{{family}}', 1.7),
  ]);
}

/** Registers: the flags only. What lies behind a police register stays in the social pedagogue's case file. */
export function listRegisters(lang: Lang): Uint8Array {
  return listDocument(
    lang,
    [
      NO,
      NAME,
      CLASS,
      BIRTH,
      col('Мектеп\u00ADішілік есеп', 'ВШУ', '{{school_register}}', 2.1),
      col('Тәуекел тобы', 'Группа риска', '{{risk_group}}', 2.1),
      col('Полиция есебі', 'Учёт в ОЮП', '{{police_register}}', 2.1),
    ],
    {
      after: (b) =>
        b.paragraph(
          lang === 'kk'
            ? 'Тізімде есепте тұру фактісі ғана көрсетіледі; мән-жайлары әлеуметтік педагогтің жеке ісінде сақталады.'
            : 'В списке указан только факт постановки на учёт; обстоятельства хранятся в деле социального педагога.',
          { italic: true, size: 10, spaceBefore: 6 },
        ),
    },
  );
}

/** Resolution No. 64: the groups with their counts, then every eligible pupil with IIN and groups. */
export function listRes64(lang: Lang): Uint8Array {
  const groupsHeader = lang === 'kk' ? ['Топ', 'Санаты', 'Оқушылар'] : ['Группа', 'Категория получателей', 'Учащиеся'];
  return listDocument(
    lang,
    [NO, NAME, col('ЖСН', 'ИИН', '{{iin}}', 2.8), CLASS, BIRTH, col('Тобы', 'Группа', '{{groups}}', 1.3)],
    {
      before: (b) => {
        b.table([groupsHeader, ['{{#groups}}{{group}}', '{{name}}', '{{students}}{{/groups}}']], {
          header: true,
          widths: [1, 9, 2],
          align: ['center', 'left', 'center'],
          size: 10,
        });
        b.paragraph('', { spaceAfter: 6 });
      },
      after: (b) =>
        b.paragraph(
          lang === 'kk'
            ? '5-топ Қамқоршылық кеңесінің шешімімен белгіленді: №____ хаттама, «___» ____________ 20___ ж.'
            : 'Группа 5 определена решением попечительского совета: протокол № ____ от «___» ____________ 20___ г.',
          { size: 10, spaceBefore: 6 },
        ),
    },
  );
}

/** Free hot meals: on what ground (the pupil's social categories) and who pays (seed 001's sources). */
export function listMeals(lang: Lang): Uint8Array {
  return listDocument(lang, [
    NO,
    NAME,
    CLASS,
    col('Негізі (әлеуметтік санаты)', 'Основание (социальная категория)', '{{basis}}', 5, 'left'),
    col('Қаржыландыру көзі', 'Источник финансирования', '{{source}}', 3.6, 'left'),
  ]);
}
