// The annual plan's words in Kazakh and Russian: the six directions of seed 001, month names as people write them
// in a plan («Қыркүйек – қазан», «в течение года»), the statuses of an activity, and the plan command's sentences.
import type { Lang } from '../template';

export const DIRECTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The six directions of the social pedagogue's work, as seed 001 names them. */
export const directionNames: Record<Direction, Record<Lang, string>> = {
  I: { kk: 'Сыныптарға, мектепке әлеуметтік паспорттауды жүргізу', ru: 'Социальная паспортизация классов и школы' },
  II: { kk: 'Балалық шақтың құқығын қорғау жұмысы', ru: 'Защита прав детства' },
  III: { kk: 'Әртүрлі есепте тұрған оқушылармен жеке-профилактикалық жұмыс', ru: 'Индивидуально-профилактическая работа с учащимися, состоящими на различных видах учёта' },
  IV: { kk: 'Педагогикалық ұжыммен және сыртқы ұйымдармен өзара іс-қимыл', ru: 'Взаимодействие с педагогическим коллективом и внешними организациями' },
  V: { kk: 'Білім алушылардың ата-аналарымен (отбасыларымен) профилактикалық жұмыс', ru: 'Профилактическая работа с родителями (семьями) учащихся' },
  VI: { kk: 'Диагностикалау-талдау қызметі', ru: 'Диагностико-аналитическая деятельность' },
};

/**
 * The direction column's words besides I–VI: the Cyrillic І that Kazakh texts use for the Roman one (seed 001 writes
 * «ІІ», «ІV»), and Arabic numbers.
 */
export const directionWords: Record<Direction, Record<Lang, readonly string[]>> = {
  I: { kk: ['І', '1'], ru: ['І', '1'] },
  II: { kk: ['ІІ', '2'], ru: ['ІІ', '2'] },
  III: { kk: ['ІІІ', '3'], ru: ['ІІІ', '3'] },
  IV: { kk: ['ІV', 'ІВ', '4'], ru: ['ІV', 'IВ', '4'] },
  V: { kk: ['В', '5'], ru: ['В', '5'] },
  VI: { kk: ['VІ', 'ВІ', '6'], ru: ['VІ', 'ВI', '6'] },
};

/** Month names by two-digit month, each language's nominative as a plan prints it. */
export const monthNames: Record<string, Record<Lang, string>> = {
  '09': { kk: 'қыркүйек', ru: 'сентябрь' },
  '10': { kk: 'қазан', ru: 'октябрь' },
  '11': { kk: 'қараша', ru: 'ноябрь' },
  '12': { kk: 'желтоқсан', ru: 'декабрь' },
  '01': { kk: 'қаңтар', ru: 'январь' },
  '02': { kk: 'ақпан', ru: 'февраль' },
  '03': { kk: 'наурыз', ru: 'март' },
  '04': { kk: 'сәуір', ru: 'апрель' },
  '05': { kk: 'мамыр', ru: 'май' },
  '06': { kk: 'маусым', ru: 'июнь' },
  '07': { kk: 'шілде', ru: 'июль' },
  '08': { kk: 'тамыз', ru: 'август' },
};

/** The first letters that tell a month written as a word, in either language and any case ending («сентября», «мамырда»). */
export const monthStems: [string, string][] = [
  ['қыр', '09'], ['қаз', '10'], ['қар', '11'], ['жел', '12'], ['қаң', '01'], ['ақп', '02'], ['нау', '03'], ['сәу', '04'], ['мам', '05'], ['мау', '06'], ['шіл', '07'], ['там', '08'],
  ['сен', '09'], ['окт', '10'], ['ноя', '11'], ['дек', '12'], ['янв', '01'], ['фев', '02'], ['мар', '03'], ['апр', '04'], ['май', '05'], ['мая', '05'], ['июн', '06'], ['июл', '07'], ['авг', '08'],
];

/** What a plan writes for "every month of the school year" (seed 002: «жыл бойы», «үнемі», «жүйелі түрде», «ай сайын»…). */
export const allYearWords: readonly string[] = [
  'all', 'жыл бойы', 'үнемі', 'жүйелі түрде', 'ай сайын', 'әр айда', 'әр айда 1 рет', 'тоқсан сайын', 'тоқсанына 1 рет', 'оқу жылы бойы',
  'в течение года', 'в течение учебного года', 'весь год', 'постоянно', 'систематически', 'ежемесячно', 'ежеквартально', 'раз в четверть',
];

/** How `all` is printed. */
export const allYear: Record<Lang, string> = { kk: 'жыл бойы', ru: 'в течение года' };

export type PlanStatus = 'done' | 'due' | 'overdue' | 'later';

export const statusWords: Record<PlanStatus, Record<Lang, string>> = {
  done: { kk: 'орындалды', ru: 'выполнено' },
  due: { kk: 'осы айда', ru: 'в этом месяце' },
  overdue: { kk: 'мерзімі өтті', ru: 'просрочено' },
  later: { kk: 'алда', ru: 'предстоит' },
};

type Resolved = Record<string, string | number>;

/** The plan command's and the open-time notice's sentences. */
export const planText = {
  heading: {
    kk: (p: Resolved) => `${p.school} — ${p.year} оқу жылының жоспары, ${p.today}: ${p.total} іс-шара`,
    ru: (p: Resolved) => `${p.school} — план на ${p.year} учебный год, ${p.today}: мероприятий ${p.total}`,
  },
  summary: {
    kk: (p: Resolved) => `Орындалды: ${p.done}; осы айда: ${p.due}; мерзімі өтті: ${p.overdue}; алда: ${p.later}.`,
    ru: (p: Resolved) => `Выполнено: ${p.done}; в этом месяце: ${p.due}; просрочено: ${p.overdue}; предстоит: ${p.later}.`,
  },
  noPlan: {
    kk: (p: Resolved) => `«${p.tab}» парағында іс-шара жоқ: «qamqor init» немесе мәзірдегі «Баптау» әдепкі жоспарды салады`,
    ru: (p: Resolved) => `на листе «${p.tab}» нет мероприятий: «qamqor init» или «Настройка» в меню заложит план по умолчанию`,
  },
  /** The pedagogue's open-time toast: said only when something is due or overdue. */
  notice: {
    kk: (p: Resolved) => `Жылдық жоспар: осы айда — ${p.due} іс-шара, мерзімі өткені — ${p.overdue}.`,
    ru: (p: Resolved) => `Годовой план: в этом месяце — мероприятий ${p.due}, просрочено — ${p.overdue}.`,
  },
  badMonths: {
    kk: (p: Resolved) => `«${p.value}» мерзімі оқылмайды; айларды 09, 09-10 түрінде немесе all (жыл бойы) деп жазыңыз`,
    ru: (p: Resolved) => `срок «${p.value}» не читается; запишите месяцы в виде 09, 09-10 или all (в течение года)`,
  },
} satisfies Record<string, Record<Lang, (p: Resolved) => string>>;
