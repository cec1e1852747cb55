// Every sentence and word of the case file in Kazakh and in Russian: its issues, stages, reasons, audit entries and
// the words its documents print. Code names them; this table words them (as src/domain/i18n.ts does for the registry).
import type { Lang } from '../template';

type Resolved = Record<string, string | number>;
type Message = { kk: (p: Resolved) => string; ru: (p: Resolved) => string };
type Word = Record<Lang, string>;

/** Why a case came to the team (DESIGN.md's `reason` codes, also an action's area). */
export const reasonWords = {
  attendance: { kk: 'сабаққа қатысу', ru: 'посещаемость' },
  behaviour: { kk: 'тәртіп', ru: 'поведение' },
  performance: { kk: 'үлгерім', ru: 'успеваемость' },
  family: { kk: 'отбасы жағдайы', ru: 'семейная ситуация' },
  health: { kk: 'денсаулық', ru: 'здоровье' },
  other: { kk: 'басқа', ru: 'другое' },
} satisfies Record<string, Word>;

export const closureWords = {
  goals_met: { kk: 'мақсаттарға қол жеткізілді', ru: 'цели достигнуты' },
  transferred: { kk: 'басқа мектепке ауысты', ru: 'переведён в другую школу' },
  moved: { kk: 'отбасы көшіп кетті', ru: 'семья переехала' },
  graduated: { kk: 'мектепті бітірді', ru: 'окончил школу' },
  referred: { kk: 'басқа қызметке жолданды', ru: 'передан другой службе' },
  other: { kk: 'басқа себеп', ru: 'другая причина' },
} satisfies Record<string, Word>;

export const stageWords = {
  identified: { kk: 'анықталды', ru: 'выявлен' },
  opened: { kk: 'ашылды', ru: 'открыт' },
  plan: { kk: 'жоспар бойынша жұмыс', ru: 'работа по плану' },
  monitoring: { kk: 'мониторинг', ru: 'мониторинг' },
  closed: { kk: 'жабылды', ru: 'закрыт' },
} satisfies Record<string, Word>;

export const overdueWords = {
  opening: { kk: 'кеңес шешімі кешікті', ru: 'просрочено открытие' },
  plan: { kk: 'жоспар жасалмады', ru: 'нет плана в срок' },
  review: { kk: 'шолу кешікті', ru: 'просрочен обзор' },
  actions: { kk: 'шаралар мерзімі өтті', ru: 'просрочены мероприятия' },
} satisfies Record<string, Word>;

/** Words of tables, the sidebar and documents. */
export const caseWords = {
  school: { kk: 'мектеп', ru: 'школа' },
  none: { kk: 'жоқ', ru: 'нет' },
  yes: { kk: 'иә', ru: 'да' },
  no: { kk: 'жоқ', ru: 'нет' },
  id: { kk: 'Іс', ru: 'Дело' },
  pupil: { kk: 'Оқушы', ru: 'Ученик' },
  classWord: { kk: 'Сынып', ru: 'Класс' },
  stage: { kk: 'Кезеңі', ru: 'Этап' },
  curator: { kk: 'Куратор', ru: 'Куратор' },
  nextReview: { kk: 'Келесі шолу', ru: 'Следующий обзор' },
  overdue: { kk: 'Мерзімі өткен', ru: 'Просрочено' },
  consent: { kk: 'Келісім', ru: 'Согласие' },
  actions: { kk: 'Шаралар', ru: 'Мероприятия' },
  reason: { kk: 'Себебі', ru: 'Причина' },
  latestReview: { kk: 'Соңғы шолу', ru: 'Последний обзор' },
  notInRegistry: { kk: 'тізілімде жоқ', ru: 'нет в реестре' },
  noOutsideData: {
    kk: 'заңды өкілдің жарамды келісімі жоқ: баланың деректері сырттағы ұйымдарға берілмейді',
    ru: 'действующего согласия законного представителя нет: данные ребёнка сторонним организациям не передаются',
  },
  notDone: { kk: 'орындалмаған', ru: 'не выполнено' },
} satisfies Record<string, Word>;

/** Where a problem sits: "«Қолдау жоспары», 5-жол, «Мерзімі» бағаны". */
export const casePlace: Message = {
  kk: (p) => [`«${p.tab}»`, p.row ? `${p.row}-жол` : '', p.column ? `«${p.column}» бағаны` : ''].filter(Boolean).join(', '),
  ru: (p) => [`«${p.tab}»`, p.row ? `строка ${p.row}` : '', p.column ? `столбец «${p.column}»` : ''].filter(Boolean).join(', '),
};

/** The case file's validation messages, by issue code (and the variants a code words differently). */
export const caseIssueMessages = {
  missing_required: { kk: (p) => `«${p.column}» толтырылмаған`, ru: (p) => `не заполнено «${p.column}»` },
  invalid_date: {
    kk: (p) => `«${p.value}» күн ретінде оқылмайды; КК.АА.ЖЖЖЖ түрінде жазыңыз`,
    ru: (p) => `«${p.value}» не читается как дата; запишите в виде ДД.ММ.ГГГГ`,
  },
  future_date: { kk: (p) => `${p.value} — әлі келмеген күн`, ru: (p) => `${p.value} — дата ещё не наступила` },
  invalid_value: {
    kk: (p) => `«${p.value}» мәні түсініксіз; күтілетіні: ${p.expected}`,
    ru: (p) => `значение «${p.value}» непонятно; ожидается: ${p.expected}`,
  },
  iin_format: { kk: (p) => `ЖСН 12 цифрдан тұруы керек, жазылғаны: «${p.value}»`, ru: (p) => `ИИН должен состоять из 12 цифр, записано: «${p.value}»` },
  iin_checksum: { kk: (p) => `ЖСН-нің бақылау цифры сәйкес емес: «${p.value}»`, ru: (p) => `не сходится контрольная цифра ИИН «${p.value}»` },
  formula_in_cell: {
    kk: (p) => `ұяшықта формула тұр («${p.value}»); деректер бағанына тек мәтін жазыңыз`,
    ru: (p) => `в ячейке формула («${p.value}»); в столбец данных пишите только текст`,
  },
  unknown_case: {
    kk: (p) => `«${p.value}» ісі «${p.cases}» парағында жоқ`,
    ru: (p) => `дела «${p.value}» нет на листе «${p.cases}»`,
  },
  unknown_pupil: {
    kk: (p) => `ЖСН ${p.value} тізілімде де, оның мұрағатында да жоқ`,
    ru: (p) => `ИИН ${p.value} нет ни в реестре, ни в его архиве`,
  },
  duplicate_case: {
    kk: (p) => `«${p.value}» ісі бұл парақта екі рет жазылған: ${p.other}`,
    ru: (p) => `дело «${p.value}» записано на листе дважды: ${p.other}`,
  },
  closure_reason_missing: {
    kk: () => `іс жабылған, бірақ жабылу себебі жазылмаған`,
    ru: () => `дело закрыто, но не указана причина закрытия`,
  },
  date_order: {
    kk: (p) => `${p.value} күні «${p.other}» күнінен (${p.before}) ерте тұр`,
    ru: (p) => `дата ${p.value} раньше даты «${p.other}» (${p.before})`,
  },
  consent_missing: {
    kk: (p) => `«${p.value}» ұйымы қатысатын шараға ${p.date} күні заңды өкілдің жарамды келісімі жоқ: баланың деректерін оған беруге болмайды`,
    ru: (p) => `для мероприятия с участием «${p.value}» на ${p.date} нет действующего согласия законного представителя: передавать ей данные ребёнка нельзя`,
  },
} satisfies Record<string, Message>;

/** What the audit tab says was done, in the case file's language. */
export const auditWords = {
  created: { kk: () => 'іс қағаздары файлы құрылды', ru: () => 'создан файл дел' },
  repaired: { kk: (p) => `парақтар қосылды немесе толықтырылды: ${p.tabs}`, ru: (p) => `добавлены или дополнены листы: ${p.tabs}` },
  imported: {
    kk: (p) => `«${p.tab}» парағына жол қосылды (${p.file}, ${p.line}-жол)`,
    ru: (p) => `добавлена строка на лист «${p.tab}» (${p.file}, строка ${p.line})`,
  },
  importedConsent: {
    kk: (p) => `ЖСН ${p.iin}: заңды өкілдің келісімі қосылды (${p.file}, ${p.line}-жол)`,
    ru: (p) => `ИИН ${p.iin}: добавлено согласие законного представителя (${p.file}, строка ${p.line})`,
  },
} satisfies Record<string, Message>;

export function sayCase(message: Message, lang: Lang, params: Record<string, string | number | Word> = {}): string {
  const resolved: Resolved = {};
  for (const [k, v] of Object.entries(params)) resolved[k] = typeof v === 'object' ? v[lang] : v;
  return message[lang](resolved);
}

/** Why an imported CSV row was not added to the case file: written into the rejects file beside the CSV. */
export const caseRejectReasons = {
  missing: { kk: (p) => `«${p.column}» толтырылмаған`, ru: (p) => `не заполнено «${p.column}»` },
  bad_date: {
    kk: (p) => `«${p.column}»: «${p.value}» күн ретінде оқылмайды (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ)`,
    ru: (p) => `«${p.column}»: «${p.value}» не читается как дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)`,
  },
  bad_value: {
    kk: (p) => `«${p.column}»: «${p.value}» мәні түсініксіз; күтілетіні: ${p.expected}`,
    ru: (p) => `«${p.column}»: значение «${p.value}» непонятно; ожидается: ${p.expected}`,
  },
  bad_iin: {
    kk: (p) => `«${p.value}» — дұрыс ЖСН емес (12 цифр, бақылау цифры сәйкес болуы керек)`,
    ru: (p) => `«${p.value}» — неверный ИИН (12 цифр, контрольная цифра должна сходиться)`,
  },
  case_exists: {
    kk: (p) => `«${p.value}» ісі «${p.tab}» парағында бұрыннан бар (${p.row}-жол)`,
    ru: (p) => `дело «${p.value}» уже есть на листе «${p.tab}» (строка ${p.row})`,
  },
  case_in_file: {
    kk: (p) => `«${p.value}» ісі осы файлдың ${p.line}-жолында бұрын кездесті`,
    ru: (p) => `дело «${p.value}» уже встречалось в строке ${p.line} этого файла`,
  },
  no_case: {
    kk: (p) => `«${p.value}» ісі «${p.tab}» парағында жоқ: алдымен істің өзін қосыңыз (--into cases)`,
    ru: (p) => `дела «${p.value}» нет на листе «${p.tab}»: сначала добавьте само дело (--into cases)`,
  },
  row_exists: {
    kk: (p) => `дәл осындай жол «${p.tab}» парағында бұрыннан бар (${p.row}-жол)`,
    ru: (p) => `такая же строка уже есть на листе «${p.tab}» (строка ${p.row})`,
  },
  row_in_file: {
    kk: (p) => `дәл осындай жол осы файлдың ${p.line}-жолында бар`,
    ru: (p) => `такая же строка уже есть в строке ${p.line} этого файла`,
  },
} satisfies Record<string, Message>;

/** The documents of `qamqor cases reports`: how each is named on disk, and the phrases their models are made of. */
export const documentWords = {
  plan: { kk: 'жеке қолдау жоспары', ru: 'индивидуальный план поддержки' },
  summary: { kk: 'қорытынды анықтама', ru: 'итоговая справка' },
  profile: { kk: 'оқушы профилі', ru: 'профиль ученика' },
  protocol: { kk: 'кеңес хаттамасынан үзінді', ru: 'выписка из протокола консилиума' },
  order: { kk: 'Кураторларды бекіту туралы бұйрықтың жобасы', ru: 'Проект приказа о закреплении кураторов' },
  meeting: { kk: 'Кураторлардың кеңестегі есебі', ru: 'Отчёт кураторов на совещании' },
} satisfies Record<string, Word>;

export const documentPhrases = {
  consent: {
    kk: (p) => `${p.representative}${p.relation ? ` (${p.relation})` : ''}, ${p.date}${p.purposes ? `: ${p.purposes}` : ''}`,
    ru: (p) => `${p.representative}${p.relation ? ` (${p.relation})` : ''}, ${p.date}${p.purposes ? `: ${p.purposes}` : ''}`,
  },
  order: { kk: (p) => `№ ${p.number}${p.date ? `, ${p.date}` : ''}`, ru: (p) => `№ ${p.number}${p.date ? ` от ${p.date}` : ''}` },
  fromReview: { kk: (p) => `${p.value} (${p.date} шолуы бойынша)`, ru: (p) => `${p.value} (по обзору от ${p.date})` },
  days: { kk: (p) => `${p.n} күн`, ru: (p) => `${p.n} ${p.form}` },
  ageRu: { kk: (p) => `${p.n} жас`, ru: (p) => `${p.n} ${p.form}` },
  dynamics: {
    kk: (p) => `Алғашқы шолудан (${p.from}) соңғысына (${p.to}) дейін: сабаққа қатысу ${p.attendance}; үлгерім ${p.performance}; тәртіп ${p.behaviour}.`,
    ru: (p) => `С первого обзора (${p.from}) до последнего (${p.to}): посещаемость ${p.attendance}; успеваемость ${p.performance}; поведение ${p.behaviour}.`,
  },
  latestReview: {
    kk: (p) => `${p.date}: қатысу ${p.attendance}, үлгерім ${p.performance}, тәртіп ${p.behaviour}`,
    ru: (p) => `${p.date}: посещ. ${p.attendance}, успев. ${p.performance}, повед. ${p.behaviour}`,
  },
  healthAction: {
    kk: (p) => `${p.action}${p.done ? ` (орындалды ${p.done})` : ''}${p.result ? `: ${p.result}` : ''}`,
    ru: (p) => `${p.action}${p.done ? ` (выполнено ${p.done})` : ''}${p.result ? `: ${p.result}` : ''}`,
  },
  caseReason: {
    kk: (p) => `${p.reason} (іс № ${p.id}, анықталды ${p.date})${p.categories ? `; ${p.categories}` : ''}`,
    ru: (p) => `${p.reason} (дело № ${p.id}, выявлен ${p.date})${p.categories ? `; ${p.categories}` : ''}`,
  },
} satisfies Record<string, Message>;

/** Russian words that agree with the pupil's sex in the case documents (Kazakh has no gender); both forms when unknown. */
export const ruPupilForms = {
  M: { pupil: 'Ученик', of_pupil: 'ученика', identified: 'выявлен', needing: 'нуждающийся' },
  F: { pupil: 'Ученица', of_pupil: 'ученицы', identified: 'выявлена', needing: 'нуждающаяся' },
  unknown: { pupil: 'Ученик(ца)', of_pupil: 'ученика(цы)', identified: 'выявлен(а)', needing: 'нуждающийся(аяся)' },
};
