// The aid register's words in Kazakh and Russian: the aid command's table, and the words the aid documents and
// the annual report print (sources of meals, "without amount"…).
import type { Lang } from '../template';

type Resolved = Record<string, string | number>;

export const aidText = {
  heading: {
    kk: (p: Resolved) => `${p.school} — ${p.year} оқу жылында көрсетілген көмек (${p.from} – ${p.to})`,
    ru: (p: Resolved) => `${p.school} — помощь, оказанная в ${p.year} учебном году (${p.from} – ${p.to})`,
  },
  kind: { kk: () => 'Көмек түрі', ru: () => 'Вид помощи' },
  pupils: { kk: () => 'Оқушылар', ru: () => 'Учащиеся' },
  records: { kk: () => 'Жазбалар', ru: () => 'Записи' },
  amount: { kk: () => 'Сомасы, ₸', ru: () => 'Сумма, ₸' },
  source: { kk: () => 'Қаржы көзі', ru: () => 'Источник' },
  total: { kk: () => 'Барлығы', ru: () => 'Всего' },
  empty: {
    kk: (p: Resolved) => `«${p.tab}» парағында осы оқу жылының жазбасы жоқ.`,
    ru: (p: Resolved) => `на листе «${p.tab}» нет записей этого учебного года.`,
  },
  notCounted: {
    kk: (p: Resolved) => `${p.count} жазба есептелмеді (оқылмайтын күн немесе ЖСН, белгісіз көмек түрі, басқа оқу жылы): толығырақ — qamqor validate`,
    ru: (p: Resolved) => `не учтено записей: ${p.count} (нечитаемая дата или ИИН, неизвестный вид помощи, другой учебный год): подробно — qamqor validate`,
  },
} satisfies Record<string, Record<Lang, (p: Resolved) => string>>;

/** Words the aid documents print. */
export const aidDocWords = {
  /** An amount cell of a record given without money (things, meals). */
  noAmount: { kk: '—', ru: '—' },
  /** Who receives Resolution No. 64 money when the class tab names no legal representative. */
  noRepresentative: { kk: 'көрсетілмеген', ru: 'не указан' },
  /** A pupil no longer on the roll (left or graduated): the class is the archive's. */
  archived: { kk: 'мұрағатта', ru: 'в архиве' },
} satisfies Record<string, Record<Lang, string>>;
