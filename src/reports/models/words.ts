// What report models say in words, in Kazakh and in Russian: list titles, yes/no, groups of Resolution No. 64,
// chart labels and the messages about report jobs. Code names the phrase; this table words it.
import { formatDecimal as count } from '../../domain/format';
import { words } from '../../domain/i18n';
import { ruForm, type RuForms } from '../../domain/plural';
import type { Lang } from '../../domain/template';

type Worded = Record<Lang, string>;
type Phrase<P> = Record<Lang, (p: P) => string>;

/** Titles of the default lists (the `filter` of a category job names one of these keys). */
export const listTitles = {
  orphans: { kk: 'Жетім және ата-анасының қамқорлығынсыз қалған оқушылар тізімі', ru: 'Список детей-сирот и детей, оставшихся без попечения родителей' },
  half_orphans: { kk: 'Жартылай жетім оқушылар тізімі', ru: 'Список учащихся-полусирот' },
  large_families: { kk: 'Көпбалалы отбасылардан шыққан оқушылар тізімі', ru: 'Список учащихся из многодетных семей' },
  low_income: { kk: 'АӘК алатын және аз қамтылған отбасылардан шыққан оқушылар тізімі', ru: 'Список учащихся из семей, получающих АСП, и малообеспеченных семей' },
  incomplete_families: { kk: 'Толық емес отбасылардан шыққан оқушылар тізімі', ru: 'Список учащихся из неполных семей' },
  special_needs: { kk: 'Мүгедектігі бар және ерекше білім беру қажеттілігі бар оқушылар тізімі', ru: 'Список детей с инвалидностью и с особыми образовательными потребностями' },
  home_schooled: { kk: 'Үйде оқытылатын оқушылар тізімі', ru: 'Список учащихся на домашнем обучении' },
  kandas: { kk: 'Қандас оқушылар тізімі', ru: 'Список учащихся-кандасов' },
  registers: { kk: 'Әртүрлі есепте тұрған оқушылар тізімі', ru: 'Список учащихся, состоящих на различных видах учёта' },
  free_meals: { kk: 'Тегін ыстық тамақпен қамтылған оқушылар тізімі', ru: 'Список учащихся, обеспеченных бесплатным горячим питанием' },
  res64: {
    kk: 'ҚР Үкіметінің 2008 жылғы 25 қаңтардағы №64 қаулысы бойынша көмек алуға құқығы бар оқушылар тізімі',
    ru: 'Список учащихся, имеющих право на помощь по постановлению Правительства РК от 25.01.2008 № 64',
  },
} satisfies Record<string, Worded>;

export type DefaultListKey = keyof typeof listTitles;

/**
 * The default categories named as groups, where a count table needs a group and not a pupil's status: «Дети-сироты»,
 * not «Сирота». Kazakh names serve both. Used only while a category keeps its default name (a school's own wording
 * is printed as written).
 */
export const groupLabels: Record<string, Partial<Worded>> = {
  orphan: { ru: 'Дети-сироты' },
  no_parental_care: { ru: 'Дети, оставшиеся без попечения родителей' },
  half_orphan: { ru: 'Дети-полусироты' },
  disability: { ru: 'Дети с инвалидностью' },
  sen: { ru: 'Дети с особыми образовательными потребностями (ООП)' },
  home_schooled: { ru: 'Обучающиеся на дому' },
  kandas: { ru: 'Дети-кандасы' },
  school_register: { ru: 'Состоящие на внутришкольном учёте (ВШУ)' },
  police_register: { ru: 'Состоящие на учёте ювенальной полиции (ОЮП)' },
  large_family: { ru: 'Многодетные семьи' },
  asp: { ru: 'Семьи, получающие АСП' },
  low_income: { ru: 'Малообеспеченные семьи (без АСП)' },
  incomplete_family: { ru: 'Неполные семьи' },
  step_parent: { ru: 'Семьи с отчимом / мачехой' },
  dysfunctional_family: { ru: 'Неблагополучные семьи' },
  emergency: { ru: 'Семьи, пострадавшие от ЧС' },
};

/** A girl's status where Russian marks it: «Оставшаяся без попечения родителей» (same rule: default names only). */
export const femaleLabels: Record<string, string> = {
  no_parental_care: 'Оставшаяся без попечения родителей',
};

/** How people write tenge after a figure in a note: "60 000 тг", "603 теңге", "603 ₸". */
export const tengeUnits = ['₸', 'тг.', 'тг', 'теңге', 'тенге', 'tg'];

/** The words of the lists' columns. */
export const listWords = {
  categories: { kk: 'Санаты', ru: 'Категория' },
  otherCategories: { kk: 'Басқа санаттары', ru: 'Другие категории' },
  fund: { kk: 'ЖББҚ (№64 қаулы)', ru: 'Фонд всеобуча (пост. № 64)' },
  localBudget: { kk: 'Жергілікті бюджет (1–4 сынып)', ru: 'Местный бюджет (1–4 классы)' },
  unknownSource: { kk: 'Негізі көрсетілмеген', ru: 'Основание не указано' },
} satisfies Record<string, Worded>;

/** A list a school asked for by category codes: titled by the categories' names. */
export const customListTitle: Phrase<{ labels: string }> = {
  kk: (p) => `Оқушылар тізімі: ${p.labels}`,
  ru: (p) => `Список учащихся: ${p.labels}`,
};

/** The groups of Resolution No. 64 of 25.01.2008 (DOMAIN.md), short enough for a table cell. */
export const res64Groups: Record<1 | 2 | 3 | 4 | 5, Worded> = {
  1: { kk: 'АӘК алатын отбасылар', ru: 'семьи, получающие АСП' },
  2: { kk: 'АӘК алмайтын, табысы ең төменгі күнкөріс деңгейінен төмен отбасылар', ru: 'семьи без АСП с доходом ниже прожиточного минимума' },
  3: { kk: 'отбасында тұратын жетімдер мен ата-анасының қамқорлығынсыз қалған балалар', ru: 'сироты и дети без попечения родителей, живущие в семьях' },
  4: { kk: 'төтенше жағдайдан зардап шеккен отбасылар', ru: 'семьи, пострадавшие от ЧС' },
  // Group 5 is decided by the board of trustees after a home inspection (DOMAIN.md), not by a school council.
  5: { kk: 'Қамқоршылық кеңесі тұрғын үй жағдайын тексеру актісі бойынша шешкен', ru: 'по решению попечительского совета по акту обследования жилищных условий' },
};

export const reportWords = {
  /** What a draft carries in its header: it is not a paper to sign. */
  draft: { kk: 'ЖОБА', ru: 'ПРОЕКТ' },
  yes: { kk: 'иә', ru: 'да' },
  no: { kk: 'жоқ', ru: 'нет' },
  none: { kk: '—', ru: '—' },
  male: { kk: 'ұл', ru: 'мужской' },
  female: { kk: 'қыз', ru: 'женский' },
  // The same words as the passport's tables: one wording in the whole product.
  total: words.total,
  students: words.students,
  families: words.families,
  pupilLevel: { kk: 'оқушы', ru: 'ученик' },
  familyLevel: { kk: 'отбасы', ru: 'семья' },
  chartCategoriesTitle: { kk: 'Әлеуметтік санаттағы оқушылар саны', ru: 'Число учащихся по социальным категориям' },
  chartDynamicsTitle: { kk: 'Өткен оқу жылымен салыстырғандағы өзгеріс, %', ru: 'Изменение по сравнению с прошлым учебным годом, %' },
  chartMealsTitle: { kk: 'Тегін ыстық тамақпен қамтылған оқушылар', ru: 'Учащиеся, получающие бесплатное горячее питание' },
} satisfies Record<string, Worded>;

type Counted = Record<Lang, (n: number) => string>;
const ru = (n: number, forms: RuForms) => `${count(n)} ${ruForm(n, forms)}`;
const PUPILS: RuForms = ['учащийся', 'учащихся', 'учащихся'];

/**
 * Counts said with their words, for running text: Russian agrees with the number by rule (plural.ts), Kazakh keeps
 * the noun singular after a numeral. A template writes `{{said.students}}` where it would write a number and a noun.
 */
export const countPhrases = {
  students: { kk: (n) => `${count(n)} оқушы`, ru: (n) => ru(n, PUPILS) },
  studied: { kk: () => 'білім алды', ru: (n) => ruForm(n, ['обучался', 'обучались', 'обучались']) },
  in_classes: { kk: (n) => `${count(n)} сыныпта`, ru: (n) => `в ${count(n)} ${ruForm(n, ['классе', 'классах', 'классах'])}` },
  from_families: { kk: (n) => `${count(n)} отбасынан`, ru: (n) => `из ${count(n)} ${ruForm(n, ['семьи', 'семей', 'семей'])}` },
  meals_now: { kk: (n) => `${count(n)} оқушы`, ru: (n) => `${ruForm(n, ['обеспечен', 'обеспечены', 'обеспечены'])} ${ru(n, PUPILS)}` },
  meals_before: { kk: (n) => `${count(n)} оқушы`, ru: (n) => ru(n, PUPILS) },
  meals_difference: { kk: (n) => `${count(n)} оқушыға`, ru: (n) => `на ${ru(n, ['учащегося', 'учащихся', 'учащихся'])}` },
  tenant: { kk: (n) => `${count(n)} оқушы`, ru: (n) => `${ruForm(n, ['питался', 'питались', 'питались'])} ${ru(n, PUPILS)}` },
  fund: { kk: (n) => `${count(n)} оқушы`, ru: (n) => `${ruForm(n, ['получил', 'получили', 'получили'])} ${ru(n, PUPILS)}` },
  eligible: { kk: (n) => `${count(n)} оқушының`, ru: (n) => ru(n, PUPILS) },
  road: { kk: (n) => `${count(n)} оқушы`, ru: (n) => `${ruForm(n, ['получил', 'получили', 'получили'])} ${ru(n, PUPILS)}` },
  gifts: { kk: (n) => `${count(n)} оқушыға`, ru: (n) => ru(n, ['учащемуся', 'учащимся', 'учащимся']) },
} satisfies Record<string, Counted>;

/** How a family is described in a pupil profile: "4 бала; толық емес отбасы; қамқоршысы: …". */
export const profilePhrases = {
  children: { kk: (p: { n: number }) => `отбасында ${p.n} бала`, ru: (p: { n: number }) => `детей в семье: ${p.n}` },
  guardian: { kk: (p: { name: string }) => `қамқоршысы: ${p.name}`, ru: (p: { name: string }) => `опекун (попечитель): ${p.name}` },
  representative: { kk: (p: { name: string }) => `заңды өкілі: ${p.name}`, ru: (p: { name: string }) => `законный представитель: ${p.name}` },
  placement: { kk: (p: { name: string }) => `орналастыру нысаны: ${p.name}`, ru: (p: { name: string }) => `форма устройства: ${p.name}` },
  siblings: { kk: (p: { n: number }) => `осы мектепте оқитын бауырлары: ${p.n}`, ru: (p: { n: number }) => `братьев и сестёр в этой школе: ${p.n}` },
} satisfies Record<string, Phrase<never>>;

/** Problems with a report job or a document, for the person who runs the reports; `place` is "«Есептер», 5-жол". */
type JobParams = { place: string; value: string; scope: string };

export const jobMessages = {
  unknown_template: {
    kk: (p) => `${p.place}: «${p.value}» үлгісі табылмады`,
    ru: (p) => `${p.place}: шаблон «${p.value}» не найден`,
  },
  template_scope: {
    kk: (p) => `${p.place}: «${p.value}» үлгісі «${p.scope}» ауқымына арналмаған`,
    ru: (p) => `${p.place}: шаблон «${p.value}» не предназначен для охвата «${p.scope}»`,
  },
  no_template: {
    kk: (p) => `${p.place}: «${p.scope}» ауқымы үшін үлгінің атауын жазыңыз`,
    ru: (p) => `${p.place}: для охвата «${p.scope}» укажите шаблон`,
  },
  bad_scope: {
    kk: (p) => `${p.place}: «${p.value}» ауқымы белгісіз (school, class, category, pupil)`,
    ru: (p) => `${p.place}: неизвестный охват «${p.value}» (school, class, category, pupil)`,
  },
  bad_filter: {
    kk: (p) => `${p.place}: «${p.value}» сүзгісі тізім де, санат та, сынып та, ЖСН де емес`,
    ru: (p) => `${p.place}: фильтр «${p.value}» — не список, не категория, не класс и не ИИН`,
  },
  bad_file_name: {
    kk: (p) => `${p.place}: файл атауындағы «${p.value}» белгісі деректерде жоқ; әдепкі атау берілді`,
    ru: (p) => `${p.place}: метки «${p.value}» в имени файла нет в данных; дано имя по умолчанию`,
  },
  bad_tab: {
    kk: (p) => `${p.place} оқылмады (${p.value}); әдепкі есептер жасалады`,
    ru: (p) => `${p.place} не прочитан (${p.value}); создаются отчёты по умолчанию`,
  },
  empty_class: {
    kk: (p) => `${p.value} сыныбында оқушы жоқ: оның паспорты жасалмады`,
    ru: (p) => `в классе ${p.value} нет учеников: его паспорт не создан`,
  },
  no_pupils: {
    kk: (p) => `${p.place}: сүзгіге сай оқушы жоқ («${p.value}»)`,
    ru: (p) => `${p.place}: нет учеников под фильтр «${p.value}»`,
  },
} satisfies Record<string, Phrase<JobParams>>;

export type JobMessageCode = keyof typeof jobMessages;

/** Where a job sits: "«Есептер» парағы, 5-жол"; a default job (no reports tab) is named by its template or list. */
export const jobPlace: Phrase<{ tab: string; row: number }> = {
  kk: (p) => `«${p.tab}» парағы, ${p.row}-жол`,
  ru: (p) => `лист «${p.tab}», строка ${p.row}`,
};
