// The registers' words in Kazakh and Russian: the codes of their choice columns as people write them, and the
// sentences of their validation issues and import refusals.
import type { Lang } from '../template';
import type { ChoiceWords } from './read';

type Resolved = Record<string, string | number>;
export type RegisterMessage = Record<Lang, (p: Resolved) => string>;

/** Movement kinds: the codes of the movements tab's `kind` column and the words a pedagogue types instead. */
export const movementKindWords = {
  arrived: { kk: ['келді', 'келген'], ru: ['прибыл', 'прибыла', 'прибытие'] },
  left: { kk: ['кетті', 'шықты', 'кеткен'], ru: ['выбыл', 'выбыла', 'выбытие'] },
  transferred: { kk: ['ауысты', 'ауыстырылды', 'басқа сыныпқа ауысты'], ru: ['переведён', 'переведен', 'переведена', 'перевод'] },
} as const;

/** How each kind is named in a report or a dialog. */
export const movementKindLabels: Record<'arrived' | 'left' | 'transferred', Record<Lang, string>> = {
  arrived: { kk: 'келді', ru: 'прибыл' },
  left: { kk: 'кетті', ru: 'выбыл' },
  transferred: { kk: 'басқа сыныпқа ауысты', ru: 'переведён в другой класс' },
};

export const housingWords = {
  own: { kk: ['меншікті', 'жеке меншік', 'өз үйі'], ru: ['собственное', 'своё', 'свое', 'собственность'] },
  rented: { kk: ['жалдамалы', 'жалға алынған', 'пәтерде'], ru: ['съёмное', 'съемное', 'аренда', 'снимают'] },
  municipal: { kk: ['мемлекеттік', 'коммуналдық', 'әлеуметтік'], ru: ['муниципальное', 'государственное', 'социальное'] },
} as const;

export const housingLabels: Record<'own' | 'rented' | 'municipal', Record<Lang, string>> = {
  own: { kk: 'меншікті', ru: 'собственное' },
  rented: { kk: 'жалдамалы', ru: 'съёмное' },
  municipal: { kk: 'мемлекеттік (коммуналдық)', ru: 'муниципальное' },
};

export const sanitaryWords = {
  good: { kk: ['жақсы'], ru: ['хорошее', 'хорошо'] },
  satisfactory: { kk: ['қанағаттанарлық'], ru: ['удовлетворительное', 'удовлетворительно'] },
  poor: { kk: ['нашар', 'қанағаттанарлықсыз'], ru: ['плохое', 'плохо', 'неудовлетворительное'] },
} as const;

export const sanitaryLabels: Record<'good' | 'satisfactory' | 'poor', Record<Lang, string>> = {
  good: { kk: 'жақсы', ru: 'хорошее' },
  satisfactory: { kk: 'қанағаттанарлық', ru: 'удовлетворительное' },
  poor: { kk: 'нашар', ru: 'плохое' },
};

export const movementChoices: ChoiceWords = { kind: movementKindWords };
export const inspectionChoices: ChoiceWords = { housing: housingWords, sanitary: sanitaryWords };

/** Sentences of the registers' own validation issues (the shared codes are worded in src/domain/i18n.ts). */
export const registerMessages = {
  transfer_without_class: {
    kk: () => `ауысқанда жаңа сыныбы жазылуы керек`,
    ru: () => `при переводе нужно указать новый класс`,
  },
  transfer_same_class: {
    kk: (p) => `жаңа сыныбы бұрынғысымен бірдей: ${p.value}`,
    ru: (p) => `новый класс совпадает с прежним: ${p.value}`,
  },
  transfer_without_from: {
    kk: () => `ауысқан оқушының бұрынғы сыныбы жазылмаған: оны «Оқушылар қозғалысы» парағында толтырыңыз`,
    ru: () => `у переведённого ученика не указан прежний класс: заполните его на листе «Движение учащихся»`,
  },
} satisfies Record<string, RegisterMessage>;

/** Why a register row of a CSV was not taken: written into the rejects file. */
export const registerRejects = {
  missing: {
    kk: (p) => `«${p.column}» толтырылмаған`,
    ru: (p) => `не заполнено «${p.column}»`,
  },
  bad_date: {
    kk: (p) => `«${p.column}»: «${p.value}» күн ретінде оқылмайды (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ)`,
    ru: (p) => `«${p.column}»: «${p.value}» не читается как дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)`,
  },
  bad_value: {
    kk: (p) => `«${p.column}»: «${p.value}» мәні түсініксіз; күтілетіні: ${p.expected}`,
    ru: (p) => `«${p.column}»: значение «${p.value}» непонятно; ожидается: ${p.expected}`,
  },
  bad_iin: {
    kk: (p) => `«${p.column}»: «${p.value}» дұрыс ЖСН емес`,
    ru: (p) => `«${p.column}»: «${p.value}» — неверный ИИН`,
  },
  formula: {
    kk: (p) => `«${p.column}»: «${p.value}» формула сияқты; мәтінді формуласыз жазыңыз`,
    ru: (p) => `«${p.column}»: «${p.value}» похоже на формулу; запишите текст без формулы`,
  },
  outside_year: {
    kk: (p) => `«${p.column}»: ${p.value} күні ${p.year} оқу жылына жатпайды (${p.from} – ${p.to})`,
    ru: (p) => `«${p.column}»: дата ${p.value} не относится к ${p.year} учебному году (${p.from} – ${p.to})`,
  },
  unknown_pupil: {
    kk: (p) => `ЖСН ${p.value} тізілімде де, мұрағатта да жоқ`,
    ru: (p) => `ИИН ${p.value} нет ни в реестре, ни в архиве`,
  },
  row_exists: {
    kk: (p) => `бұл жол «${p.tab}» парағында бұрыннан бар: ${p.row}-жол`,
    ru: (p) => `эта строка уже есть на листе «${p.tab}»: строка ${p.row}`,
  },
  row_in_file: {
    kk: (p) => `бұл жол осы файлдың ${p.line}-жолында бұрын да кездесті`,
    ru: (p) => `эта строка уже встречалась в этом файле: строка ${p.line}`,
  },
  // Movements: what applying a departure or a transfer needs.
  arrival_in_movements: {
    kk: () => `келген оқушы оқушылар CSV-імен қосылады (arrived_on, arrived_from бағандары): qamqor import <кітап.xlsx> <оқушылар.csv>`,
    ru: () => `прибывший ученик добавляется CSV учеников (столбцы arrived_on, arrived_from): qamqor import <книга.xlsx> <ученики.csv>`,
  },
  not_on_roll: {
    kk: (p) => `ЖСН ${p.value} оқушысы қазір ешбір сыныпта жоқ${p.archive ? ` (мұрағатта: ${p.archive})` : ''}`,
    ru: (p) => `ученика с ИИН ${p.value} сейчас нет ни в одном классе${p.archive ? ` (в архиве: ${p.archive})` : ''}`,
  },
  duplicate_on_roll: {
    kk: (p) => `ЖСН ${p.value} тізілімде екі жолда тұр (${p.other}): алдымен қайталануды түзетіңіз`,
    ru: (p) => `ИИН ${p.value} стоит в реестре в двух строках (${p.other}): сначала исправьте повтор`,
  },
  no_class_tab: {
    kk: (p) => `«${p.value}» сыныбының парағы жоқ: сыныпты «Сыныптар» парағына қосып, мәзірден «Баптау» орындаңыз`,
    ru: (p) => `листа класса «${p.value}» нет: добавьте класс на лист «Классы» и выполните «Настройку» из меню`,
  },
  same_class: {
    kk: (p) => `оқушы қазірдің өзінде ${p.value} сыныбында`,
    ru: (p) => `ученик уже в классе ${p.value}`,
  },
  before_arrival: {
    kk: (p) => `${p.date} күні оқушы мектепке әлі келмеген еді (келген күні ${p.arrived})`,
    ru: (p) => `${p.date} ученик ещё не прибыл в школу (дата прибытия ${p.arrived})`,
  },
  before_last_move: {
    kk: (p) => `оқушының соңғы қозғалысы ${p.last} күні жазылған; ${p.date} күнгі қозғалыс одан бұрын болмайды`,
    ru: (p) => `последнее движение ученика записано ${p.last}; движение от ${p.date} не может быть раньше`,
  },
} satisfies Record<string, RegisterMessage>;

export function sayRegister(message: RegisterMessage, lang: Lang, params: Record<string, string | number> = {}): string {
  return message[lang](params);
}

/** Month names: «2025 жылғы қазан» / «октябрь 2025 г.», as a monthly report is headed. */
export const monthNames: Record<Lang, readonly string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
};

export function monthTitle(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  const name = monthNames[lang][m - 1] ?? month;
  return lang === 'kk' ? `${y} жылғы ${name}` : `${name} ${y} г.`;
}

/** Words the registers' documents fill in (the templates hold the rest). */
export const registerDocWords = {
  yes: { kk: 'иә', ru: 'да' },
  no: { kk: 'жоқ', ru: 'нет' },
  notRecorded: { kk: 'жазылмаған', ru: 'не указано' },
  pedagogue: { kk: 'әлеуметтік педагог', ru: 'социальный педагог' },
  classTeacher: { kk: 'сынып жетекшісі', ru: 'классный руководитель' },
  done: { kk: 'жасалды', ru: 'составлен' },
  overdue: { kk: 'мерзімі өтті', ru: 'просрочен' },
  due: { kk: 'мерзімі', ru: 'срок' },
  fromStart: { kk: 'оқу жылының басынан', ru: 'с начала учебного года' },
} satisfies Record<string, Record<Lang, string>>;

/** What the demo school's pedagogue writes in her registers (src/app/demo-registers.ts): places, reasons, acts. */
export const demoRegisterWords: Record<Lang, {
  arrivedFrom: readonly string[];
  leftTo: readonly string[];
  leftReasons: readonly string[];
  transferReasons: readonly string[];
  order: string;
  pedagogue: string;
  teacher: string;
  parentsUnknown: string;
  family: readonly string[];
  heating: readonly string[];
  water: readonly string[];
  climate: readonly string[];
  conclusion: Record<'good' | 'satisfactory' | 'poor', string>;
  recommendations: readonly string[];
}> = {
  kk: {
    arrivedFrom: ['Шымкент қ., № 40 мектеп-гимназия', 'Түркістан облысы, Сайрам ауданы, № 12 мектеп', 'Алматы қ., № 175 мектеп', 'Қарағанды қ., № 3 мектеп-лицей', 'Өзбекстан, Ташкент облысы (қандас)', 'Ақтөбе қ., № 21 мектеп', 'Тараз қ., № 7 мектеп'],
    leftTo: ['Алматы қ., № 12 мектеп', 'Астана қ., № 64 мектеп-гимназия', 'Шымкент қ., № 101 мектеп', 'Қостанай қ., № 5 мектеп', 'колледж (9-сыныптан кейін)', 'Ресей, Омбы қ.', 'Талдықорған қ., № 18 мектеп'],
    leftReasons: ['отбасы басқа қалаға көшті', 'тұрғылықты жерін ауыстырды', 'ата-анасының өтініші бойынша', 'колледжге түсті', 'отбасы шетелге көшті'],
    transferReasons: ['ата-анасының өтініші бойынша', 'оқыту тілін ауыстыру', 'бейінді сыныпқа ауысу', 'психолог ұсынысы бойынша'],
    order: '№ {n}, {date}',
    pedagogue: 'әлеуметтік педагог',
    teacher: 'сынып жетекшісі',
    parentsUnknown: 'анасы, жұмыс орны жоқ, АӘК алады',
    family: ['анасы, әкесі, 2 бауыры', 'анасы, 3 бауыры', 'әжесі (қамқоршы), інісі', 'анасы, өгей әкесі, қарындасы', 'анасы, әкесі, 4 бала', 'әкесі, әжесі, ағасы'],
    heating: ['орталық', 'пеш (көмір)', 'газ (жеке қазандық)', 'электр'],
    water: ['орталық', 'аулада құдық', 'колонка', 'орталық, ыстық су бар'],
    climate: ['жылы, бір-біріне қамқор', 'тұрақты', 'ата-анасы баламен жеткілікті айналыспайды', 'шиеленісті, жанжалдар болады'],
    conclusion: {
      good: 'Баланың тұрмыс жағдайы жақсы, оқуына жағдай жасалған.',
      satisfactory: 'Баланың тұрмыс жағдайы қанағаттанарлық.',
      poor: 'Тұрмыс жағдайы нашар: қамқорлық және әлеуметтік көмек қажет.',
    },
    recommendations: ['ЖББҚ есебінен киіммен көмек көрсету', 'тегін ыстық тамақпен қамтуды жалғастыру', 'отбасымен психологтың жұмысын ұйымдастыру', 'қамқоршылық органына хабарлау', 'бақылауды жалғастыру'],
  },
  ru: {
    arrivedFrom: ['г. Шымкент, школа-гимназия № 40', 'Туркестанская обл., Сайрамский р-н, школа № 12', 'г. Алматы, школа № 175', 'г. Караганда, школа-лицей № 3', 'Узбекистан, Ташкентская обл. (кандас)', 'г. Актобе, школа № 21', 'г. Тараз, школа № 7'],
    leftTo: ['г. Алматы, школа № 12', 'г. Астана, школа-гимназия № 64', 'г. Шымкент, школа № 101', 'г. Костанай, школа № 5', 'колледж (после 9 класса)', 'Россия, г. Омск', 'г. Талдыкорган, школа № 18'],
    leftReasons: ['семья переехала в другой город', 'смена места жительства', 'по заявлению родителей', 'поступил в колледж', 'семья выехала за рубеж'],
    transferReasons: ['по заявлению родителей', 'смена языка обучения', 'перевод в профильный класс', 'по рекомендации психолога'],
    order: '№ {n} от {date}',
    pedagogue: 'социальный педагог',
    teacher: 'классный руководитель',
    parentsUnknown: 'мать, не работает, получает АСП',
    family: ['мать, отец, 2 брата', 'мать, 3 ребёнка', 'бабушка (опекун), младший брат', 'мать, отчим, сестра', 'мать, отец, 4 ребёнка', 'отец, бабушка, старший брат'],
    heating: ['центральное', 'печное (уголь)', 'газовое (свой котёл)', 'электрическое'],
    water: ['центральное', 'колодец во дворе', 'колонка', 'центральное, есть горячая вода'],
    climate: ['тёплый, заботливый', 'спокойный', 'родители недостаточно занимаются ребёнком', 'напряжённый, бывают конфликты'],
    conclusion: {
      good: 'Жилищно-бытовые условия ребёнка хорошие, условия для учёбы созданы.',
      satisfactory: 'Жилищно-бытовые условия ребёнка удовлетворительные.',
      poor: 'Условия плохие: необходимы опека и социальная помощь.',
    },
    recommendations: ['оказать помощь одеждой из фонда всеобуча', 'продолжить бесплатное горячее питание', 'организовать работу психолога с семьёй', 'сообщить в органы опеки', 'продолжить наблюдение'],
  },
};
