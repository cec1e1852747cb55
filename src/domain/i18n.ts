// Every sentence a person reads, in Kazakh and in Russian. Code names the message; this table words it.
import type { Lang } from './template';

type Resolved = Record<string, string | number>;
/** A parameter may itself be worded per language (a column header), resolved when the message is said. */
export type Params = Record<string, string | number | Record<Lang, string>>;
type Message = { kk: (p: Resolved) => string; ru: (p: Resolved) => string };

/** Where a problem sits: "5А, 7-жол, «ЖСН»" / "5А, строка 7, «ИИН»". */
export const where: Message = {
  kk: (p) => [p.tab, p.row ? `${p.row}-жол` : '', p.column ? `«${p.column}» бағаны` : ''].filter(Boolean).join(', '),
  ru: (p) => [p.tab, p.row ? `строка ${p.row}` : '', p.column ? `столбец «${p.column}»` : ''].filter(Boolean).join(', '),
};

export const issueMessages = {
  iin_format: {
    kk: (p) => `ЖСН 12 цифрдан тұруы керек, жазылғаны: «${p.value}»`,
    ru: (p) => `ИИН должен состоять из 12 цифр, записано: «${p.value}»`,
  },
  iin_date: {
    kk: (p) => `ЖСН-нің алғашқы 7 цифры туған күн мен ғасырды білдірмейді: «${p.value}»`,
    ru: (p) => `первые 7 цифр ИИН не образуют дату рождения и век: «${p.value}»`,
  },
  iin_checksum: {
    kk: (p) => `ЖСН-нің бақылау цифры сәйкес емес: «${p.value}» (цифрлардың бірі қате жазылған)`,
    ru: (p) => `не сходится контрольная цифра ИИН «${p.value}» (одна из цифр записана неверно)`,
  },
  iin_birth_date_mismatch: {
    kk: (p) => `ЖСН бойынша туған күні ${p.expected}, ал «Туған күні» бағанында ${p.value}`,
    ru: (p) => `по ИИН дата рождения ${p.expected}, а в столбце «Дата рождения» — ${p.value}`,
  },
  iin_sex_mismatch: {
    kk: (p) => `ЖСН бойынша жынысы — ${p.expected}, ал жазылғаны — «${p.value}»`,
    ru: (p) => `по ИИН пол — ${p.expected}, а записано «${p.value}»`,
  },
  duplicate_iin: {
    kk: (p) => `ЖСН ${p.value} басқа жолда да бар: ${p.other}`,
    ru: (p) => `ИИН ${p.value} встречается и в другой строке: ${p.other}`,
  },
  missing_required: {
    kk: (p) => `«${p.column}» толтырылмаған`,
    ru: (p) => `не заполнено «${p.column}»`,
  },
  invalid_date: {
    kk: (p) => `«${p.value}» күн ретінде оқылмайды; КК.АА.ЖЖЖЖ түрінде жазыңыз`,
    ru: (p) => `«${p.value}» не читается как дата; запишите в виде ДД.ММ.ГГГГ`,
  },
  implausible_date: {
    kk: (p) => `туған күні ${p.value} оқушы үшін мүмкін емес`,
    ru: (p) => `дата рождения ${p.value} невозможна для ученика`,
  },
  invalid_value: {
    kk: (p) => `«${p.value}» мәні түсініксіз; күтілетіні: ${p.expected}`,
    ru: (p) => `значение «${p.value}» непонятно; ожидается: ${p.expected}`,
  },
  exclusive_categories: {
    kk: (p) => `бір оқушыда бірге бола алмайтын санаттар белгіленген: ${p.value}`,
    ru: (p) => `у одного ученика отмечены взаимоисключающие категории: ${p.value}`,
  },
  guardian_missing: {
    kk: (p) => `«${p.value}» санатындағы оқушының қамқоршысы жазылмаған`,
    ru: (p) => `у ученика категории «${p.value}» не указан опекун`,
  },
  family_inconsistent: {
    kk: (p) => `«${p.value}» — отбасы санаты, бірақ осы отбасының балаларында әртүрлі белгіленген (${p.other})`,
    ru: (p) => `«${p.value}» — категория семьи, но у детей этой семьи отмечена по-разному (${p.other})`,
  },
  large_family_size: {
    kk: (p) => `көпбалалы отбасы деп белгіленген, бірақ балалар саны ${p.value} (кемінде ${p.expected} болуы керек)`,
    ru: (p) => `отмечена многодетная семья, но детей ${p.value} (должно быть не менее ${p.expected})`,
  },
  age_grade_mismatch: {
    kk: (p) => `1 қыркүйекте оқушы ${p.value} жаста, ${p.grade}-сыныпқа әдетте ${p.expected} жас`,
    ru: (p) => `на 1 сентября ученику ${p.value} лет, для ${p.grade} класса обычно ${p.expected} лет`,
  },
  unknown_category: {
    kk: (p) => `«${p.value}» санаты «Санаттар» парағында жоқ; кодты түзетіңіз немесе санатты қосыңыз`,
    ru: (p) => `категории «${p.value}» нет на листе «Категории»; исправьте код или добавьте категорию`,
  },
  unknown_class: {
    kk: (p) => `«${p.value}» сыныбы «Сыныптар» парағында жоқ`,
    ru: (p) => `класса «${p.value}» нет на листе «Классы»`,
  },
  bad_class_name: {
    kk: (p) => `«${p.value}» сынып атауы емес (сан 0–12 және әріп, мысалы 5Ә)`,
    ru: (p) => `«${p.value}» не является названием класса (число 0–12 и буква, например 5А)`,
  },
  formula_in_cell: {
    kk: (p) => `ұяшықта формула тұр («${p.value}»); деректер бағанына тек мәтін жазыңыз`,
    ru: (p) => `в ячейке формула («${p.value}»); в столбец данных пишите только текст`,
  },
  invalid_setting: {
    kk: (p) => `«${p.column}» баптауының мәні «${p.value}» дұрыс емес; күтілетіні: ${p.expected}`,
    ru: (p) => `значение настройки «${p.column}» «${p.value}» неверно; ожидается: ${p.expected}`,
  },
  invalid_category_row: {
    kk: (p) => `санат жолы дұрыс емес: ${p.value}`,
    ru: (p) => `строка категории неверна: ${p.value}`,
  },
} satisfies Record<string, Message>;

export type MessageCode = keyof typeof issueMessages;

/** Words used inside messages and tables. */
export const words = {
  male: { kk: 'ер', ru: 'мужской' },
  female: { kk: 'әйел', ru: 'женский' },
  yesNo: { kk: 'иә / жоқ (немесе белгі)', ru: 'да / нет (или флажок)' },
  sexValues: { kk: 'ұл / қыз (М / Ж)', ru: 'М / Ж' },
  wholeNumber: { kk: 'бүтін сан', ru: 'целое число' },
  schoolYearFormat: { kk: '2025-2026 түрінде', ru: 'в виде 2025-2026' },
  language: { kk: 'kk немесе ru', ru: 'kk или ru' },
  school: { kk: 'Мектеп', ru: 'Школа' },
  total: { kk: 'Барлығы', ru: 'Всего' },
  classWord: { kk: 'Сынып', ru: 'Класс' },
  students: { kk: 'Оқушылар', ru: 'Учащиеся' },
  families: { kk: 'Отбасылар', ru: 'Семьи' },
  category: { kk: 'Санат', ru: 'Категория' },
  shareOfSchool: { kk: 'Мектептегі үлесі', ru: 'Доля в школе' },
  lastYear: { kk: 'Өткен жылы', ru: 'В прошлом году' },
  change: { kk: 'Өзгерісі', ru: 'Изменение' },
  graduated: { kk: 'бітірді', ru: 'выпуск' },
  sexMale: { kk: 'ұл', ru: 'М' },
  sexFemale: { kk: 'қыз', ru: 'Ж' },
  studentsSlashFamilies: { kk: 'оқушы/отбасы', ru: 'учащиеся/семьи' },
  error: { kk: 'қате', ru: 'ошибка' },
  warning: { kk: 'ескерту', ru: 'предупреждение' },
} satisfies Record<string, Record<Lang, string>>;

/** Why an imported row could not be placed: written into the rejects file. */
export const rejectReasons = {
  no_class: {
    kk: () => `сынып көрсетілмеген`,
    ru: () => `не указан класс`,
  },
  bad_class: {
    kk: (p) => `«${p.value}» сынып атауы емес (сан 0–12 және әріп, мысалы 5Ә)`,
    ru: (p) => `«${p.value}» не является названием класса (число 0–12 и буква, например 5А)`,
  },
  iin_exists: {
    kk: (p) => `ЖСН ${p.value} тізілімде бұрыннан бар: ${p.other}`,
    ru: (p) => `ИИН ${p.value} уже есть в реестре: ${p.other}`,
  },
} satisfies Record<string, Message>;

/** Errors that stop an action: the file is not a registry, a required column is missing… */
export const failures = {
  not_a_registry: {
    kk: (p) => `«${p.file}» әлеуметтік тізілім емес: сынып парақтары да, «Баптаулар» парағы да табылмады`,
    ru: (p) => `«${p.file}» не является социальным реестром: нет ни листов классов, ни листа «Настройки»`,
  },
  missing_column: {
    kk: (p) => `«${p.tab}» парағында міндетті «${p.column}» бағаны жоқ (тақырып жолында ${p.headerRow}-жол)`,
    ru: (p) => `на листе «${p.tab}» нет обязательного столбца «${p.column}» (строка заголовков ${p.headerRow})`,
  },
  no_header: {
    kk: (p) => `«${p.tab}» парағында тақырып жолы табылмады (алғашқы ${p.rows} жолда «${p.column}» бағаны жоқ)`,
    ru: (p) => `на листе «${p.tab}» не найдена строка заголовков (в первых ${p.rows} строках нет столбца «${p.column}»)`,
  },
  file_missing: {
    kk: (p) => `«${p.file}» файлы табылмады`,
    ru: (p) => `файл «${p.file}» не найден`,
  },
  file_exists: {
    kk: (p) => `«${p.file}» файлы бұрыннан бар; үстінен жазбаймын`,
    ru: (p) => `файл «${p.file}» уже существует; не перезаписываю`,
  },
  not_xlsx: {
    kk: (p) => `«${p.file}» Excel (.xlsx) кітабы ретінде ашылмады: ${p.reason}`,
    ru: (p) => `«${p.file}» не открывается как книга Excel (.xlsx): ${p.reason}`,
  },
  no_school_year: {
    kk: () => `«Баптаулар» парағында оқу жылы көрсетілмеген (2025-2026 түрінде)`,
    ru: () => `на листе «Настройки» не указан учебный год (в виде 2025-2026)`,
  },
  class_exists: {
    kk: (p) => `жаңа оқу жылына көшу мүмкін емес: «${p.value}» сыныбы бұрыннан бар, ал оған «${p.other}» көшуі керек`,
    ru: (p) => `перевод невозможен: класс «${p.value}» уже есть, а в него должен перейти «${p.other}»`,
  },
  csv_no_class_column: {
    kk: (p) => `«${p.file}» файлында «class» (сынып) бағаны жоқ; бірде-бір жолды орналастыру мүмкін емес`,
    ru: (p) => `в файле «${p.file}» нет столбца «class» (класс); ни одну строку нельзя разместить`,
  },
  already_archived: {
    kk: (p) => `${p.year} оқу жылының паспорты мұрағатта бұрыннан бар; жаңартылды`,
    ru: (p) => `паспорт ${p.year} учебного года уже был в архиве; обновлён`,
  },
} satisfies Record<string, Message>;

export type FailureCode = keyof typeof failures;

export function say(message: Message, lang: Lang, params: Params = {}): string {
  const resolved: Resolved = {};
  for (const [k, v] of Object.entries(params)) resolved[k] = typeof v === 'object' ? v[lang] : v;
  return message[lang](resolved);
}

/** An error that a person reads: it carries its wording in both languages. */
export class RegistryError extends Error {
  /** The workbook's language, when the error arose after it was known. */
  lang: Lang | null = null;

  constructor(
    readonly code: FailureCode,
    readonly params: Params = {},
  ) {
    super(say(failures[code], 'ru', params));
  }

  text(lang: Lang): string {
    return say(failures[this.code], lang, this.params);
  }
}
