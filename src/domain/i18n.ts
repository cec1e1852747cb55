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
    kk: (p) => `«${p.value}» — отбасы санаты, бірақ бір отбасының балаларында әртүрлі белгіленген: белгіленгендер — ${p.with}; белгіленбегендер — ${p.without}`,
    ru: (p) => `«${p.value}» — категория семьи, но у детей одной семьи отмечена по-разному: отмечена у ${p.with}; не отмечена у ${p.without}`,
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
  // unknown_category said with the catalogue's labels, which a teacher types, rather than its codes.
  unknown_category_label: {
    kk: (p) => `«${p.value}» деген санат «Санаттар» парағында жоқ; санатты сол парақтағы атауымен жазыңыз немесе параққа жаңа санат қосыңыз`,
    ru: (p) => `категории «${p.value}» нет на листе «Категории»; напишите категорию так, как она названа на этом листе, или добавьте её туда`,
  },
  unknown_category_near: {
    kk: (p) => `«${p.value}» деген санат «Санаттар» парағында жоқ; «${p.near}» деп жазу керек пе?`,
    ru: (p) => `категории «${p.value}» нет на листе «Категории»; может быть, «${p.near}»?`,
  },
  // The pedagogue's registers (src/domain/registers): an IIN of no pupil, a date of another school year.
  unknown_pupil: {
    kk: (p) => `ЖСН ${p.value} бойынша оқушы сынып парақтарында да, мұрағатта да жоқ`,
    ru: (p) => `ученика с ИИН ${p.value} нет ни на листах классов, ни в архиве`,
  },
  date_outside_year: {
    kk: (p) => `${p.value} күні ${p.year} оқу жылына жатпайды (${p.from} – ${p.to})`,
    ru: (p) => `дата ${p.value} не относится к ${p.year} учебному году (${p.from} – ${p.to})`,
  },
  unknown_aid_kind: {
    kk: (p) => `«${p.value}» көмек түрі көмек түрлерінің тізімінде жоқ`,
    ru: (p) => `вида помощи «${p.value}» нет в перечне видов помощи`,
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
  dateFormat: { kk: 'күн, 31.05.2026 түрінде', ru: 'дата в виде 31.05.2026' },
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
  // A checkbox where the workbook has none (.xlsx): the dropdown's words; an unticked box is left empty.
  flagYes: { kk: 'иә', ru: 'да' },
  flagNo: { kk: 'жоқ', ru: 'нет' },
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
  // The same pupil twice, a value no cell can hold, and what the rejects file had to shorten.
  iin_in_file: {
    kk: (p) => `ЖСН ${p.value} осы файлда бұрын да кездесті: ${p.line}-жол`,
    ru: (p) => `ИИН ${p.value} уже встречался в этом файле: строка ${p.line}`,
  },
  pupil_exists: {
    kk: (p) => `ЖСН-сіз жол тізілімдегі оқушымен аты-жөні, туған күні және сыныбы бойынша сәйкес келеді: ${p.other}`,
    ru: (p) => `строка без ИИН совпадает по ФИО, дате рождения и классу с учеником, который уже есть в реестре: ${p.other}`,
  },
  pupil_in_file: {
    kk: (p) => `ЖСН-сіз жол осы файлдың ${p.line}-жолымен аты-жөні, туған күні және сыныбы бойынша сәйкес келеді`,
    ru: (p) => `строка без ИИН совпадает по ФИО, дате рождения и классу со строкой ${p.line} этого файла`,
  },
  pupil_exists_without_iin: {
    kk: (p) => `тізілімде осы аты-жөні, туған күні және сыныбы бар ЖСН-сіз оқушы бұрыннан бар: ${p.other}; ЖСН-ді сол жолға жазыңыз`,
    ru: (p) => `в реестре уже есть ученик без ИИН с теми же ФИО, датой рождения и классом: ${p.other}; впишите ИИН в его строку`,
  },
  pupil_in_file_without_iin: {
    kk: (p) => `осы файлдың ${p.line}-жолында дәл осы аты-жөні, туған күні және сыныбы бар ЖСН-сіз оқушы бұрыннан бар`,
    ru: (p) => `в строке ${p.line} этого файла уже есть ученик без ИИН с теми же ФИО, датой рождения и классом`,
  },
  too_long: {
    kk: (p) => `«${p.column}» бағанындағы мән тым ұзын: ${p.length} таңба, Excel ұяшығына ең көбі ${p.limit} таңба сыяды`,
    ru: (p) => `значение в столбце «${p.column}» слишком длинное: ${p.length} знаков, в ячейку Excel помещается не более ${p.limit}`,
  },
  cut_in_rejects: {
    kk: (p) => `Excel ұяшығына сыймайтын мән осы файлда ${p.limit} таңбаға дейін қысқартылып, соңына «…» қойылды; толық мәтіні «${p.file}» файлында қалды`,
    ru: (p) => `значение, которое не помещается в ячейку Excel, в этом файле сокращено до ${p.limit} знаков и отмечено «…» в конце; полный текст остался в файле «${p.file}»`,
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
  // The .xlsx file itself: what Excel cannot hold, and tabs that another program shuffled.
  tab_unplaced: {
    kk: (p) =>
      `кітапқа ештеңе жазылмады: «${p.tab}» парағын анықтау мүмкін емес — оның Qamqor жазып қойған нөмірі мен атауы басқа-басқа парақтарды көрсетеді (кітапты басқа бағдарлама, мысалы LibreOffice, парақтарды қайта нөмірлеп сақтаған болуы мүмкін). Парақтың атауын Qamqor берген қалпына келтіріңіз немесе кітаптың сақтық көшірмесін пайдаланыңыз`,
    ru: (p) =>
      `в книгу ничего не записано: лист «${p.tab}» не удаётся опознать — записанные Qamqor номер и название листа указывают на разные листы (возможно, книгу сохранила другая программа, например LibreOffice, перенумеровав листы). Верните листу название, данное Qamqor, или воспользуйтесь резервной копией книги`,
  },
  cell_too_long: {
    kk: (p) => `«${p.tab}» парағы, ${p.cell} ұяшығы: мәтін тым ұзын (${p.length} таңба, Excel ұяшығына ең көбі ${p.max} таңба сыяды); кітапқа ештеңе жазылмады`,
    ru: (p) => `лист «${p.tab}», ячейка ${p.cell}: слишком длинный текст (${p.length} знаков, в ячейку Excel помещается не более ${p.max}); в книгу ничего не записано`,
  },
  csv_no_class_column: {
    kk: (p) => `«${p.file}» файлында «class» (сынып) бағаны жоқ; бірде-бір жолды орналастыру мүмкін емес`,
    ru: (p) => `в файле «${p.file}» нет столбца «class» (класс); ни одну строку нельзя разместить`,
  },
  // Reading the pupils CSV: nothing is imported from a file that cannot be read whole and as written.
  csv_is_folder: {
    kk: (p) => `«${p.file}» — файл емес, қалта; CSV файлын көрсетіңіз`,
    ru: (p) => `«${p.file}» — это папка, а не файл; укажите CSV-файл`,
  },
  file_unreadable: {
    kk: (p) => `«${p.file}» файлын оқуға рұқсат жоқ; файлға оқу рұқсатын беріп, команданы қайталаңыз`,
    ru: (p) => `нет права на чтение файла «${p.file}»; разрешите чтение файла и повторите команду`,
  },
  csv_mixed_encoding: {
    kk: (p) =>
      `«${p.file}» файлы ${p.encoding} кодтауында, бірақ оның ${p.line}-жолы бұл кодтауға сәйкес келмейді (бүлінген байт немесе басқа кодтаудағы мәтін); ештеңе импортталмады. Файлды Excel-де «CSV UTF-8» түрінде қайта сақтаңыз`,
    ru: (p) =>
      `файл «${p.file}» записан в кодировке ${p.encoding}, но его строка ${p.line} ей не соответствует (повреждённый байт или текст в другой кодировке); ничего не импортировано. Сохраните файл в Excel заново в формате «CSV UTF-8»`,
  },
  csv_quote_not_closed: {
    kk: (p) => `«${p.file}» файлының ${p.line}-жолында басталған жазбадағы тырнақша жабылмаған; ештеңе импортталмады`,
    ru: (p) => `в файле «${p.file}» не закрыта кавычка в записи, начинающейся в строке ${p.line}; ничего не импортировано`,
  },
  csv_text_after_quote: {
    kk: (p) => `«${p.file}» файлының ${p.line}-жолында басталған жазбада жабылатын тырнақшадан кейін мәтін тұр; ештеңе импортталмады`,
    ru: (p) => `в файле «${p.file}» в записи, начинающейся в строке ${p.line}, после закрывающей кавычки стоит текст; ничего не импортировано`,
  },
  csv_malformed: {
    kk: (p) => `«${p.file}» файлының ${p.line}-жолында басталған жазба оқылмады (${p.reason}); ештеңе импортталмады`,
    ru: (p) => `в файле «${p.file}» не читается запись, начинающаяся в строке ${p.line} (${p.reason}); ничего не импортировано`,
  },
  already_archived: {
    kk: (p) => `${p.year} оқу жылының паспорты мұрағатта бұрыннан бар; жаңартылды`,
    ru: (p) => `паспорт ${p.year} учебного года уже был в архиве; обновлён`,
  },
  // Keeping the workbook file safe: locks, read-only files, the new-year guard.
  file_read_only: {
    kk: (p) => `«${p.file}» файлы тек оқуға арналған, оған өзгерістер жазылмайды. Файлға жазуға рұқсат беріп, команданы қайталаңыз`,
    ru: (p) => `файл «${p.file}» доступен только для чтения, изменения в него не записываются. Разрешите запись в файл и повторите команду`,
  },
  folder_read_only: {
    kk: (p) => `«${p.file}» кітабын сақтау мүмкін емес: «${p.folder}» қалтасына жазуға рұқсат жоқ`,
    ru: (p) => `книгу «${p.file}» невозможно сохранить: нет права записи в папку «${p.folder}»`,
  },
  workbook_busy: {
    kk: (p) =>
      p.command
        ? `«${p.file}» кітабын қазір басқа команда өзгертуде: ${p.command} (процесс ${p.pid}, ${p.since} бастап). Ол аяқталғаннан кейін команданы қайталаңыз`
        : `«${p.file}» кітабын қазір басқа команда өзгертуде. Ол аяқталғаннан кейін команданы қайталаңыз`,
    ru: (p) =>
      p.command
        ? `книгу «${p.file}» сейчас изменяет другая команда: ${p.command} (процесс ${p.pid}, с ${p.since}). Повторите команду после её завершения`
        : `книгу «${p.file}» сейчас изменяет другая команда. Повторите команду после её завершения`,
  },
  workbook_lock_lost: {
    kk: (p) => `«${p.file}» кітабы сақталмады: жұмыс кезінде кітапты басқа команда иеленді. Кітапты тексеріп, команданы қайталаңыз`,
    ru: (p) => `книга «${p.file}» не сохранена: во время работы её заняла другая команда. Проверьте книгу и повторите команду`,
  },
  new_year_too_early: {
    kk: (p) => `тізілім қазірдің өзінде ${p.year} оқу жылында жүргізілуде. ${p.next} оқу жылына көшу ${p.date} бастап мүмкін: жаңа оқу жылы ағымдағы оқу жылының соңғы айы — мамырдан бастап ашылады, сондықтан бір жыл екі рет басталмайды`,
    ru: (p) => `реестр уже ведётся за ${p.year} учебный год. Перейти на ${p.next} учебный год можно с ${p.date}: новый учебный год открывается с мая, последнего месяца текущего учебного года, поэтому один год не может быть начат дважды`,
  },
  // The confidential case file (src/domain/cases): a workbook of its own, maybe encrypted with a password.
  not_a_case_file: {
    kk: (p) => `«${p.file}» іс қағаздары файлы емес: онда «Істер» парағы жоқ (тізілімнің өзі ме? Іс қағаздарын «qamqor cases init» жасайды)`,
    ru: (p) => `«${p.file}» не является файлом дел: в нём нет листа «Дела» (это сам реестр? Файл дел создаёт «qamqor cases init»)`,
  },
  case_file_is_registry: {
    kk: (p) => `«${p.file}» — мектептің ортақ тізілімі: іс қағаздары оған ешқашан жазылмайды; бөлек файлды көрсетіңіз`,
    ru: (p) => `«${p.file}» — общий реестр школы: сведения о делах в него никогда не записываются; укажите отдельный файл`,
  },
  cases_password_needed: {
    kk: (p) => `«${p.file}» құпиясөзбен шифрланған: құпиясөзді --password параметрімен немесе QAMQOR_CASES_PASSWORD айнымалысымен беріңіз`,
    ru: (p) => `файл «${p.file}» зашифрован паролем: укажите пароль параметром --password или в переменной QAMQOR_CASES_PASSWORD`,
  },
  cases_password_wrong: {
    kk: (p) => `«${p.file}» ашылмады: құпиясөз қате. Ештеңе өзгерген жоқ`,
    ru: (p) => `файл «${p.file}» не открыт: неверный пароль. Ничего не изменено`,
  },
  cases_not_decrypted: {
    kk: (p) => `«${p.file}» шифрын ашу мүмкін болмады (${p.reason}): файлды Excel немесе LibreOffice-те ашып, құпиясөзбен қайта сақтаңыз`,
    ru: (p) => `файл «${p.file}» не удалось расшифровать (${p.reason}): откройте его в Excel или LibreOffice и сохраните с паролем заново`,
  },
  csv_missing_column: {
    kk: (p) => `«${p.file}» файлында міндетті «${p.column}» бағаны жоқ; ештеңе қосылмады`,
    ru: (p) => `в файле «${p.file}» нет обязательного столбца «${p.column}»; ничего не добавлено`,
  },
} satisfies Record<string, Message>;

/** Why a file is not an .xlsx workbook Qamqor can open: the `reason` of `not_xlsx`. */
export const xlsxProblems = {
  not_a_file: { kk: 'бұл файл емес (қалта?)', ru: 'это не файл (папка?)' },
  empty: { kk: 'файл бос', ru: 'файл пуст' },
  old_xls: { kk: 'бұл ескі .xls файлы немесе құпиясөзбен қорғалған кітап: оны .xlsx ретінде құпиясөзсіз сақтаңыз', ru: 'это старый файл .xls или книга, защищённая паролем: сохраните её как .xlsx без пароля' },
  not_zip: { kk: 'бұл .xlsx архиві емес (атауы .xlsx болып өзгертілген .csv немесе басқа файл ма?)', ru: 'это не архив .xlsx (файл .csv или другой файл, переименованный в .xlsx?)' },
  damaged: { kk: 'архив бүлінген (файл толық көшірілмеген болуы мүмкін)', ru: 'архив повреждён (возможно, файл скопирован не полностью)' },
  too_large: { kk: 'ZIP64 архиві (4 ГБ-тан үлкен немесе 65 535-тен көп бөлік): бұл тізілім емес', ru: 'архив ZIP64 (больше 4 ГБ или более 65 535 частей): это не реестр' },
  encrypted: { kk: 'архив шифрланған: кітапты құпиясөзсіз сақтаңыз', ru: 'архив зашифрован: сохраните книгу без пароля' },
  no_workbook: { kk: 'архивте Excel кітабы жоқ', ru: 'в архиве нет книги Excel' },
  no_worksheets: { kk: 'кітапта бірде-бір парақ жоқ', ru: 'в книге нет ни одного листа' },
} satisfies Record<string, Record<Lang, string>>;

export type XlsxProblem = keyof typeof xlsxProblems;

/** What a command says about the files it made to keep the workbook safe. */
export const fileNotes = {
  backup_written: {
    kk: (p) => `Кітаптың сақтық көшірмесі жасалды: «${p.file}»`,
    ru: (p) => `Сделана резервная копия книги: «${p.file}»`,
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

/** The district workbook's tabs, headers and labels (`qamqor district`). */
export const districtWords = {
  department: { kk: 'Аудандық білім бөлімі', ru: 'Районный отдел образования' },
  tabSummary: { kk: 'Аудан', ru: 'Район' },
  tabSchools: { kk: 'Мектептер', ru: 'Школы' },
  tabData: { kk: 'Деректер', ru: 'Данные' },
  schools: { kk: 'Мектептер', ru: 'Школы' },
  school: { kk: 'Мектеп', ru: 'Школа' },
  shareOfDistrict: { kk: 'Аудандағы үлесі (оқушылар)', ru: 'Доля в районе (учащиеся)' },
  lastYearStudents: { kk: 'Өткен жылы: оқушылар', ru: 'В прошлом году: учащиеся' },
  lastYearFamilies: { kk: 'Өткен жылы: отбасылар', ru: 'В прошлом году: семьи' },
  changeStudents: { kk: 'Өзгерісі: оқушылар', ru: 'Изменение: учащиеся' },
  changeFamilies: { kk: 'Өзгерісі: отбасылар', ru: 'Изменение: семьи' },
  excludedTitle: { kk: 'Жиынтыққа енгізілмеген мектептер', ru: 'Школы, не включённые в свод' },
  source: { kk: 'Файл немесе ids.txt жолы', ru: 'Файл или строка ids.txt' },
  reason: { kk: 'Себебі', ru: 'Причина' },
  chartTitle: { kk: 'Санаттар бойынша оқушылар саны', ru: 'Число учащихся по категориям' },
  fileMissing: { kk: 'файл табылмады', ru: 'файл не найден' },
  reportFile: { kk: 'Аудандық талдамалық есеп', ru: 'Районный аналитический отчёт' },
  chartPupils: { kk: 'Оқушы санаттары: оқушылар саны', ru: 'Категории учащихся: число учащихся' },
  chartFamilies: { kk: 'Отбасы санаттары: оқушылар саны', ru: 'Категории семей: число учащихся' },
  noCompare: {
    kk: 'Өткен оқу жылымен салыстыру жоқ: кей мектептердің паспорт парағында өткен жылдың көрсеткіштері жоқ',
    ru: 'Сравнения с прошлым учебным годом нет: на листе паспорта некоторых школ нет показателей прошлого года',
  },
  // The data tab: one row per school and category, read back by `qamqor reports`; headers found by either language.
  colSchoolYear: { kk: 'Оқу жылы', ru: 'Учебный год' },
  colSchool: { kk: 'Мектеп', ru: 'Школа' },
  colSource: { kk: 'Дереккөз (файл немесе ids.txt жолы)', ru: 'Источник (файл или строка ids.txt)' },
  colCategory: { kk: 'Санат коды (бос — мектеп бойынша барлығы)', ru: 'Код категории (пусто — всего по школе)' },
  colLabelKk: { kk: 'Санат (қазақша)', ru: 'Категория (каз.)' },
  colLabelRu: { kk: 'Санат (орысша)', ru: 'Категория (рус.)' },
  colLevel: { kk: 'Деңгейі (pupil / family)', ru: 'Уровень (pupil / family)' },
  colKind: { kk: 'Түрі (category / support)', ru: 'Вид (category / support)' },
  colStudents: { kk: 'Оқушылар', ru: 'Учащиеся' },
  colFamilies: { kk: 'Отбасылар', ru: 'Семьи' },
  colBeforeYear: { kk: 'Өткен оқу жылы', ru: 'Прошлый учебный год' },
  colBeforeStudents: { kk: 'Өткен жылы: оқушылар', ru: 'В прошлом году: учащиеся' },
  colBeforeFamilies: { kk: 'Өткен жылы: отбасылар', ru: 'В прошлом году: семьи' },
  colProblem: { kk: 'Жиынтыққа енгізілмеу себебі (коды)', ru: 'Причина исключения из свода (код)' },
  colDetail: { kk: 'Түсіндірме', ru: 'Пояснение' },
} satisfies Record<string, Record<Lang, string>>;

/** District titles that take figures. */
export const districtTitles = {
  summary: {
    kk: (p) => `Аудан мектептерінің әлеуметтік паспорттарының жиынтығы — ${p.year} оқу жылы`,
    ru: (p) => `Свод социальных паспортов школ района — ${p.year} учебный год`,
  },
  counts: {
    kk: (p) => `Мектептер: ${p.schools}; оқушылар: ${p.students}; отбасылар: ${p.families}`,
    ru: (p) => `Школ: ${p.schools}; учащихся: ${p.students}; семей: ${p.families}`,
  },
  lastYear: {
    kk: (p) => `Өткен жылы (${p.year})`,
    ru: (p) => `В прошлом году (${p.year})`,
  },
} satisfies Record<string, Message>;

/** Why a school is not in the district's total: the full sentence, naming the file or the ids.txt line. */
export const districtProblems = {
  no_passport: {
    kk: (p) => `«${p.source}»: «Әлеуметтік паспорт» парағы жоқ немесе бос — мектепте алдымен «qamqor passport --write» орындалуы керек; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: листа «Социальный паспорт» нет или он пуст — в школе сначала нужно выполнить «qamqor passport --write»; в свод не включена`,
  },
  unreadable_passport: {
    kk: (p) => `«${p.source}»: паспорт парағы оқылмады (${p.detail}): оны «qamqor passport --write» арқылы қайта жазыңыз; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: лист паспорта не читается (${p.detail}): перезапишите его командой «qamqor passport --write»; в свод не включена`,
  },
  unknown_category: {
    kk: (p) => `«${p.source}»: паспорттағы «${p.detail}» санаты мектептің «Санаттар» парағында жоқ (санаттар паспорт жазылғаннан кейін өзгерген): паспортты «qamqor passport --write» арқылы қайта жазыңыз; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: категории «${p.detail}» из паспорта нет на листе «Категории» школы (категории изменены после записи паспорта): перезапишите паспорт командой «qamqor passport --write»; в свод не включена`,
  },
  no_school_name: {
    kk: (p) => `«${p.source}»: «Баптаулар» парағында мектептің атауы жазылмаған; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: на листе «Настройки» не указано наименование школы; в свод не включена`,
  },
  unreadable_file: {
    kk: (p) => `«${p.source}»: ${p.detail}; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: ${p.detail}; в свод не включена`,
  },
  not_found: {
    kk: (p) => `«${p.source}»: Google кестесі табылмады (404): идентификаторды немесе сілтемені тексеріңіз; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: таблица Google не найдена (404): проверьте идентификатор или ссылку; в свод не включена`,
  },
  no_access: {
    kk: (p) => `«${p.source}»: қызметтік аккаунттың бұл кестеге рұқсаты жоқ (403): мектеп кестені ${p.detail} мекенжайымен «Оқырман» ретінде бөлісуі керек; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: у сервисного аккаунта нет доступа к таблице (403): школа должна открыть доступ для ${p.detail} с ролью «Читатель»; в свод не включена`,
  },
  quota: {
    kk: (p) => `«${p.source}»: Google сұраныстар шегі (${p.detail}) бірнеше рет күткеннен кейін де босамады: команданы біраздан соң қайталаңыз; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: лимит запросов Google (${p.detail}) не освободился и после нескольких повторов: повторите команду позже; в свод не включена`,
  },
  google_error: {
    kk: (p) => `«${p.source}»: Google қатесі (${p.detail}); жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}»: ошибка Google (${p.detail}); в свод не включена`,
  },
  bad_line: {
    kk: (p) => `«${p.source}»: «${p.detail}» — Google кестесінің идентификаторы да, сілтемесі де емес; жол өткізіп жіберілді`,
    ru: (p) => `«${p.source}»: «${p.detail}» — не идентификатор и не ссылка на таблицу Google; строка пропущена`,
  },
  other_year: {
    kk: (p) => `«${p.source}» (${p.school}): паспорт ${p.year} оқу жылына жасалған, ал аудан жиынтығы ${p.district} оқу жылына; жиынтыққа енгізілмеді`,
    ru: (p) => `«${p.source}» (${p.school}): паспорт составлен за ${p.year} учебный год, а свод района — за ${p.district} учебный год; в свод не включена`,
  },
  duplicate_name: {
    kk: (p) => `«${p.source}»: «${p.school}» атты мектеп жиынтықта бұрыннан бар («${p.first}»); екіншісі енгізілмеді — мектептердің «Баптаулар» парағындағы атауларын тексеріңіз`,
    ru: (p) => `«${p.source}»: школа «${p.school}» уже есть в своде («${p.first}»); вторая не включена — проверьте наименования школ на листе «Настройки»`,
  },
} satisfies Record<string, Message>;

/** The same reasons, short enough for a table cell. */
export const districtReasons = {
  no_passport: { kk: () => 'паспорт парағы жоқ', ru: () => 'нет листа паспорта' },
  unreadable_passport: { kk: () => 'паспорт парағы оқылмады', ru: () => 'лист паспорта не читается' },
  unknown_category: { kk: (p) => `«${p.detail}» санаты тізімде жоқ`, ru: (p) => `категории «${p.detail}» нет в перечне` },
  no_school_name: { kk: () => 'мектептің атауы жазылмаған', ru: () => 'не указано наименование школы' },
  unreadable_file: { kk: () => 'файл ашылмады', ru: () => 'файл не открывается' },
  not_found: { kk: () => 'Google кестесі табылмады (404)', ru: () => 'таблица Google не найдена (404)' },
  no_access: { kk: () => 'кестеге рұқсат жоқ (403)', ru: () => 'нет доступа к таблице (403)' },
  quota: { kk: () => 'Google сұраныстар шегі', ru: () => 'лимит запросов Google' },
  google_error: { kk: (p) => `Google қатесі (${p.detail})`, ru: (p) => `ошибка Google (${p.detail})` },
  bad_line: { kk: () => 'жол оқылмады', ru: () => 'строка не распознана' },
  other_year: { kk: (p) => `басқа оқу жылы (${p.year})`, ru: (p) => `другой учебный год (${p.year})` },
  duplicate_name: { kk: () => 'аттас мектеп қайталанған', ru: () => 'повтор наименования школы' },
} satisfies Record<string, Message>;

/** The district report's sentences made from the figures. */
export const districtNarrative = {
  intro: {
    kk: (p) => `Жиынтық аудан мектептерінің ${p.year} оқу жылындағы әлеуметтік паспорттары бойынша жасалды: жиынтыққа енген мектептер – ${p.schools}, оқушылар – ${p.students}, отбасылар – ${p.families}.`,
    ru: (p) => `Свод составлен по социальным паспортам школ района за ${p.year} учебный год: школ в своде – ${p.schools}, учащихся – ${p.students}, семей – ${p.families}.`,
  },
  largest: {
    kk: (p) => `Оқушылар саны бойынша ең ірі санаттар: ${p.list}.`,
    ru: (p) => `Наиболее многочисленные категории учащихся: ${p.list}.`,
  },
  noneInCategories: {
    kk: () => 'Мектептердің паспорттарында әлеуметтік санаттағы оқушылар жоқ.',
    ru: () => 'В паспортах школ нет учащихся социальных категорий.',
  },
  growth: {
    kk: (p) => `${p.before} оқу жылымен салыстырғанда оқушылар саны ең көп өскен санаттар: ${p.list}.`,
    ru: (p) => `По сравнению с ${p.before} учебным годом наибольший рост числа учащихся: ${p.list}.`,
  },
  decline: {
    kk: (p) => `Оқушылар саны ең көп азайған санаттар: ${p.list}.`,
    ru: (p) => `Наибольшее снижение числа учащихся: ${p.list}.`,
  },
  steady: {
    kk: (p) => `${p.before} оқу жылымен салыстырғанда санаттардағы оқушылар саны өзгерген жоқ.`,
    ru: (p) => `По сравнению с ${p.before} учебным годом число учащихся в категориях не изменилось.`,
  },
  noCompare: {
    kk: (p) => `Өткен оқу жылымен салыстыру жасалмады: мына мектептердің паспортында өткен жылдың көрсеткіштері жоқ: ${p.names}.`,
    ru: (p) => `Сравнение с прошлым учебным годом не проведено: в паспортах этих школ нет показателей прошлого года: ${p.names}.`,
  },
  excluded: {
    kk: (p) => `Жиынтыққа енгізілмеген дереккөздер (мектептер) – ${p.count}; себептері 4-бөлімде келтірілген.`,
    ru: (p) => `Не включено в свод источников (школ) – ${p.count}; причины приведены в разделе 4.`,
  },
  topSchool: {
    kk: (p) => `«${p.label}» санатындағы оқушылар ең көп мектеп: ${p.school} (${p.count}).`,
    ru: (p) => `Больше всего учащихся категории «${p.label}»: ${p.school} (${p.count}).`,
  },
  none: { kk: () => 'жоқ', ru: () => 'нет' },
  andMore: { kk: (p) => `және тағы ${p.count}`, ru: (p) => `и ещё ${p.count}` },
} satisfies Record<string, Message>;

/**
 * What a spreadsheet tells a teacher about a typed column: the hint on entering a cell, and the warning when a value
 * breaks the column's rule (the engine still reads and reports what was typed). By column type; `values` is the
 * dropdown's list, `yes`/`no` a checkbox's words, `labels` the catalogue's category names.
 */
export const columnHints = {
  iin: {
    title: { kk: () => 'ЖСН', ru: () => 'ИИН' },
    prompt: { kk: () => 'ЖСН: 12 цифр, бос орынсыз. Туған күні мен жынысы ЖСН бойынша тексеріледі.', ru: () => 'ИИН: 12 цифр без пробелов. Дата рождения и пол сверяются с ИИН.' },
    errorTitle: { kk: () => 'ЖСН: 12 цифр', ru: () => 'ИИН: 12 цифр' },
    error: { kk: () => 'ЖСН 12 цифрдан тұрады. Жазылғанын құжатпен салыстырыңыз.', ru: () => 'ИИН состоит из 12 цифр. Сверьте записанное с документом.' },
  },
  date: {
    title: { kk: () => 'Күні', ru: () => 'Дата' },
    prompt: { kk: () => 'КК.АА.ЖЖЖЖ түрінде, мысалы 15.03.2014', ru: () => 'В виде ДД.ММ.ГГГГ, например 15.03.2014' },
    errorTitle: { kk: () => 'Күн емес', ru: () => 'Это не дата' },
    error: { kk: () => 'Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз, мысалы 15.03.2014', ru: () => 'Запишите дату в виде ДД.ММ.ГГГГ, например 15.03.2014' },
  },
  sex: {
    title: { kk: () => 'Жынысы', ru: () => 'Пол' },
    prompt: { kk: (p) => `Тізімнен таңдаңыз: ${p.values}`, ru: (p) => `Выберите из списка: ${p.values}` },
    errorTitle: { kk: () => 'Тізімде жоқ', ru: () => 'Нет в списке' },
    error: { kk: (p) => `Жынысы былай жазылады: ${p.values}`, ru: (p) => `Пол записывается так: ${p.values}` },
  },
  checkbox: {
    title: { kk: () => 'Иә / жоқ', ru: () => 'Да / нет' },
    prompt: { kk: (p) => `«${p.yes}» — белгіленген; бос немесе «${p.no}» — белгіленбеген`, ru: (p) => `«${p.yes}» — отмечено; пусто или «${p.no}» — не отмечено` },
    errorTitle: { kk: () => 'Иә немесе жоқ', ru: () => 'Да или нет' },
    error: { kk: (p) => `Бұл бағанға «${p.yes}» деп жазыңыз немесе бос қалдырыңыз`, ru: (p) => `В этом столбце пишите «${p.yes}» или оставьте пустым` },
  },
  integer: {
    title: { kk: () => 'Сан', ru: () => 'Число' },
    prompt: { kk: () => 'Бүтін сан, мысалы 4', ru: () => 'Целое число, например 4' },
    errorTitle: { kk: () => 'Бүтін сан емес', ru: () => 'Не целое число' },
    error: { kk: () => 'Бұл бағанға тек бүтін сан жазылады', ru: () => 'В этот столбец пишется только целое число' },
  },
  choice: {
    title: { kk: () => 'Тізімнен', ru: () => 'Из списка' },
    prompt: { kk: (p) => `Тізімнен таңдаңыз: ${p.values}`, ru: (p) => `Выберите из списка: ${p.values}` },
    errorTitle: { kk: () => 'Тізімде жоқ', ru: () => 'Нет в списке' },
    error: { kk: (p) => `Күтілетін мәндер: ${p.values}`, ru: (p) => `Допустимые значения: ${p.values}` },
  },
  language: {
    title: { kk: () => 'Тіл', ru: () => 'Язык' },
    prompt: { kk: () => 'kk — қазақша, ru — орысша', ru: () => 'kk — казахский, ru — русский' },
    errorTitle: { kk: () => 'Тізімде жоқ', ru: () => 'Нет в списке' },
    error: { kk: () => 'Тіл kk немесе ru деп жазылады', ru: () => 'Язык записывается как kk или ru' },
  },
  category_list: {
    title: { kk: () => 'Санаттар', ru: () => 'Категории' },
    prompt: {
      kk: (p) => `Санаттардың атауы «;» арқылы, «Санаттар» парағындағыдай: ${p.labels}`,
      ru: (p) => `Названия категорий через «;», как на листе «Категории»: ${p.labels}`,
    },
  },
  phone: {
    title: { kk: () => 'Телефоны', ru: () => 'Телефон' },
    prompt: { kk: () => 'Мысалы: +7 701 123 45 67', ru: () => 'Например: +7 701 123 45 67' },
  },
  email: {
    title: { kk: () => 'Эл. пошта', ru: () => 'Эл. почта' },
    prompt: { kk: () => 'Мысалы: aigerim@mektep.kz', ru: () => 'Например: aigerim@mektep.kz' },
  },
  class: {
    title: { kk: () => 'Сынып', ru: () => 'Класс' },
    prompt: { kk: () => 'Сан 0–12 және әріп, мысалы 5Ә', ru: () => 'Число 0–12 и буква, например 5А' },
  },
  school_year: {
    title: { kk: () => 'Оқу жылы', ru: () => 'Учебный год' },
    prompt: { kk: () => '2025-2026 түрінде', ru: () => 'В виде 2025-2026' },
  },
} satisfies Record<string, { title: Message; prompt: Message; errorTitle?: Message; error?: Message }>;
