// What the `qamqor` command says, in Kazakh and in Russian.
import { ruCount, ruForm } from '../domain/plural';
import type { Lang } from '../domain/template';

type P = Record<string, string | number>;
type Line = Record<Lang, (p: P) => string>;

export const cli = {
  badOption: { kk: (p) => `параметр қате: ${p.value}`, ru: (p) => `неверный параметр: ${p.value}` },
  initDone: {
    kk: (p) => `«${p.file}» жаңа тізілімі құрылды (${p.year}): ${p.tabs}`,
    ru: (p) => `создан новый реестр «${p.file}» (${p.year}): ${p.tabs}`,
  },
  importPlaced: {
    kk: (p) => `${p.count} оқушы ${p.classes} сыныпқа орналастырылды${p.created ? `, жаңа сынып парақтары: ${p.created}` : ''}`,
    ru: (p) =>
      `${ruCount(Number(p.count), ['ученик', 'ученика', 'учеников'])} ${ruForm(Number(p.count), ['размещён', 'размещены', 'размещено'])} в ${ruCount(Number(p.classes), ['классе', 'классах', 'классах'])}${p.created ? `, новые листы классов: ${p.created}` : ''}`,
  },
  importRejected: {
    kk: (p) => `${p.count} жол орналастырылмады; олар «${p.file}» файлында сақталды:`,
    ru: (p) =>
      `${ruCount(Number(p.count), ['строка', 'строки', 'строк'])} не ${ruForm(Number(p.count), ['размещена', 'размещены', 'размещено'])}; ${Number(p.count) === 1 ? 'она сохранена' : 'они сохранены'} в файле «${p.file}»:`,
  },
  importRejectLine: { kk: (p) => `  ${p.line}-жол: ${p.reason}`, ru: (p) => `  строка ${p.line}: ${p.reason}` },
  importIgnored: {
    kk: (p) => `белгісіз бағандар еленбеді: ${p.value}`,
    ru: (p) => `неизвестные столбцы пропущены: ${p.value}`,
  },
  importThenValidate: {
    kk: (p) => `Тексеру: ${p.errors} қате, ${p.warnings} ескерту (толығырақ: qamqor validate)`,
    ru: (p) => `Проверка: ${p.errors} ошибок, ${p.warnings} предупреждений (подробно: qamqor validate)`,
  },
  classHeading: {
    kk: (p) => `${p.tab} — ${p.errors} қате, ${p.warnings} ескерту`,
    ru: (p) => `${p.tab} — ошибок: ${p.errors}, предупреждений: ${p.warnings}`,
  },
  validateSummary: {
    kk: (p) => `Барлығы: ${p.errors} қате, ${p.warnings} ескерту; ${p.pupils} оқушы, ${p.classes} сынып.`,
    ru: (p) => `Итого: ошибок ${p.errors}, предупреждений ${p.warnings}; учеников ${p.pupils}, классов ${p.classes}.`,
  },
  validateClean: {
    kk: (p) => `Қате табылмады: ${p.pupils} оқушы, ${p.classes} сынып.`,
    ru: (p) => `Ошибок не найдено: учеников ${p.pupils}, классов ${p.classes}.`,
  },
  passportTitle: {
    kk: (p) => `Әлеуметтік паспорт — ${p.school}, ${p.year} оқу жылы. Оқушылар: ${p.students}, отбасылар: ${p.families}.`,
    ru: (p) => `Социальный паспорт — ${p.school}, ${p.year} учебный год. Учащихся: ${p.students}, семей: ${p.families}.`,
  },
  passportNoCompare: {
    kk: (p) => `${p.year} оқу жылының мұрағатталған паспорты жоқ: өзгеріс көрсетілмейді (qamqor snapshot немесе --compare).`,
    ru: (p) => `архивного паспорта за ${p.year} нет: динамика не показана (qamqor snapshot или --compare).`,
  },
  passportWritten: { kk: (p) => `«${p.tab}» парағы жаңартылды.`, ru: (p) => `лист «${p.tab}» обновлён.` },
  snapshotDone: {
    kk: (p) => `${p.year} оқу жылының паспорты «${p.tab}» парағына мұрағатталды${p.replaced ? ' (бұрынғысы ауыстырылды)' : ''}.`,
    ru: (p) => `паспорт ${p.year} учебного года заархивирован на листе «${p.tab}»${p.replaced ? ' (прежний заменён)' : ''}.`,
  },
  newYearDone: {
    kk: (p) => `${p.from} → ${p.to}: ${p.graduates} түлек мұрағатқа көшірілді (${p.graduateClasses}); ${p.promoted} сынып келесі сыныпқа көшті.`,
    ru: (p) => `${p.from} → ${p.to}: ${p.graduates} выпускников перенесено в архив (${p.graduateClasses}); ${p.promoted} классов переведены.`,
  },
  reportWritten: { kk: (p) => `  ${p.file}`, ru: (p) => `  ${p.file}` },
  reportsProgress: { kk: (p) => `${p.bar} ${p.done}/${p.total} ${p.name}`, ru: (p) => `${p.bar} ${p.done}/${p.total} ${p.name}` },
  reportsDone: {
    kk: (p) => `${p.count} құжат жазылды: ${p.dir}`,
    ru: (p) => `записано документов: ${p.count} в ${p.dir}`,
  },
  reportsFailed: {
    kk: (p) => `${p.count} құжат жасалмады:`,
    ru: (p) => `не создано документов: ${p.count}:`,
  },
  reportsRefusedErrors: {
    kk: (p) => `Тізілімде ${p.count} қате бар (${p.tabs}): қол қойылатын құжаттар жасалмайды. Қателерді «qamqor validate» көрсетеді; оларды түзетіп, қайта іске қосыңыз. Жоба ретінде жасау үшін --draft қосыңыз: әр құжатта «ЖОБА» деп жазылады.`,
    ru: (p) => `В реестре есть ошибки — ${p.count} (${p.tabs}): документы на подпись не создаются. Ошибки покажет «qamqor validate»; исправьте их и запустите снова. Чтобы сделать проекты, добавьте --draft: на каждом документе будет «ПРОЕКТ».`,
  },
  reportsNothing: {
    kk: () => `жасалатын құжат жоқ: «Есептер» парағында белгіленген жол жоқ`,
    ru: () => `нечего создавать: на листе «Отчёты» нет отмеченных строк`,
  },
  reportsUnknownOnly: {
    kk: (p) => `--only ${p.value}: мұндай есеп жоқ (annual-report, school-passport, class-passport, lists, profiles, res64, orphans…)`,
    ru: (p) => `--only ${p.value}: такого отчёта нет (annual-report, school-passport, class-passport, lists, profiles, res64, orphans…)`,
  },
  reportsPdf: {
    kk: () => `PDF-ті Google Docs жасайды; офлайн .docx файлын Word немесе LibreOffice арқылы PDF етіп сақтаңыз.`,
    ru: () => `PDF создаёт Google Docs; офлайн сохраните .docx в PDF из Word или LibreOffice.`,
  },
  problemLine: { kk: (p) => `${p.severity}: ${p.value}`, ru: (p) => `${p.severity}: ${p.value}` },
  demoStep: { kk: (p) => `— ${p.value}`, ru: (p) => `— ${p.value}` },
  demoGenerated: {
    kk: (p) => `демо-мектеп: ${p.pupils} оқушы, ${p.classes} сынып → ${p.file}`,
    ru: (p) => `демо-школа: ${p.pupils} учеников, ${p.classes} классов → ${p.file}`,
  },
  demoDone: { kk: (p) => `Дайын. Барлық файлдар: ${p.dir}`, ru: (p) => `Готово. Все файлы: ${p.dir}` },
  demoReports: {
    kk: (p) => `есептер: ${p.count} құжат → ${p.dir} (профильдер — тәуекел тобындағы оқушыларға, «Есептер» парағының жолы бойынша)${p.draft ? '; тізілімде әдейі жіберілген қателер бар, сондықтан бұлар — «ЖОБА» белгісі бар жобалар (--draft)' : ''}`,
    ru: (p) => `отчёты: ${ruCount(Number(p.count), ['документ', 'документа', 'документов'])} → ${p.dir} (профили — для группы риска, по строке листа «Отчёты»)${p.draft ? '; в реестре есть намеренные ошибки, поэтому это проекты с пометкой «ПРОЕКТ» (--draft)' : ''}`,
  },
} satisfies Record<string, Line>;

/** Words of the usage lines: each positional argument and each flag's value, as a person would fill them in. */
export const placeholders = {
  book: { kk: '<кітап.xlsx>', ru: '<книга.xlsx>' },
  csv: { kk: '<оқушылар.csv>', ru: '<ученики.csv>' },
  command: { kk: 'КОМАНДА', ru: 'КОМАНДА' },
  lang: { kk: 'kk|ru', ru: 'kk|ru' },
  year: { kk: '2025-2026', ru: '2025-2026' },
  school: { kk: 'АТАУЫ', ru: 'НАЗВАНИЕ' },
  compare: { kk: '<өткен-жыл.xlsx>', ru: '<прошлый-год.xlsx>' },
  out: { kk: 'БУМА', ru: 'ПАПКА' },
  pupils: { kk: '1000', ru: '1000' },
  only: { kk: 'ЕСЕП', ru: 'ОТЧЁТ' },
  district: { kk: '<аудан.xlsx>', ru: '<район.xlsx>' },
  'schools…': { kk: '<мектеп.xlsx>…', ru: '<школа.xlsx>…' },
  google: { kk: '<ids.txt>', ru: '<ids.txt>' },
  credentials: { kk: '<key.json>', ru: '<key.json>' },
  'cases…': { kk: '[init|validate|reports] <істер.xlsx>', ru: '[init|validate|reports] <дела.xlsx>' },
  registry: { kk: '<кітап.xlsx>', ru: '<книга.xlsx>' },
  today: { kk: 'ЖЖЖЖ-АА-КК', ru: 'ГГГГ-ММ-ДД' },
  into: { kk: 'pupils|cases|actions|reviews|consents', ru: 'pupils|cases|actions|reviews|consents' },
  password: { kk: 'ҚҰПИЯСӨЗ', ru: 'ПАРОЛЬ' },
  cases: { kk: 'C-001,C-002', ru: 'C-001,C-002' },
} satisfies Record<string, Record<Lang, string>>;

export const helpText = {
  usage: { kk: () => 'Қолданылуы:', ru: () => 'Использование:' },
  usageNotes: {
    kk: () => `Хабарлама тілі кітаптың баптауларынан алынады; --lang оны ауыстырады.
Параметрлерді жолдың кез келген жерінде, команда атауының алдында да беруге болады.
Команданың толық анықтамасы: qamqor КОМАНДА --help; нұсқасы: qamqor --version.`,
    ru: () => `Язык сообщений берётся из настроек книги; --lang его меняет.
Параметры можно указывать в любом месте строки, в том числе перед названием команды.
Подробная справка по команде: qamqor КОМАНДА --help; версия: qamqor --version.`,
  },
  options: { kk: () => 'Параметрлер:', ru: () => 'Параметры:' },
  helpFlag: { kk: () => 'осы анықтама', ru: () => 'эта справка' },
  versionFlag: { kk: () => 'Qamqor нұсқасы', ru: () => 'версия Qamqor' },
  exitCodes: {
    kk: (p) => `Шығу коды: 0 — орындалды${p.one ? `, 1 — ${p.one}` : ''}, 2 — команда орындалмады.`,
    ru: (p) => `Код выхода: 0 — выполнено${p.one ? `, 1 — ${p.one}` : ''}, 2 — команда не выполнена.`,
  },
  seeHelp: { kk: (p) => `Толығырақ: qamqor ${p.command} --help`, ru: (p) => `Подробнее: qamqor ${p.command} --help` },
} satisfies Record<string, Line>;

/** What each command does, for `qamqor COMMAND --help`; `one` is what exit status 1 means for it, when it has one. */
export const commandHelp: Record<string, Record<Lang, { about: string; one?: string }>> = {
  init: {
    kk: { about: 'sheets-template/ үлгісі бойынша жаңа, бос тізілім жасайды. Бар файлдың үстінен жазбайды.' },
    ru: { about: 'Создаёт новый пустой реестр по образцу sheets-template/. Существующий файл не перезаписывает.' },
  },
  import: {
    kk: {
      about: 'Оқушыларды CSV файлынан сынып парақтарына қосады, жоқ сынып парақтарын жасайды.\nОрналастырылмаған жол CSV жанындағы <оқушылар>.rejects.csv файлына жолының нөмірімен және себебімен жазылады.',
      one: 'кейбір жолдар орналастырылмады',
    },
    ru: {
      about: 'Добавляет учеников из CSV на листы классов, создавая недостающие листы.\nНеразмещённая строка сохраняется в <ученики>.rejects.csv рядом с CSV, с номером строки и причиной.',
      one: 'часть строк не размещена',
    },
  },
  validate: {
    kk: { about: 'Тізілімдегі барлық қате мен ескерту, сынып бойынша топталған.', one: 'тізілімде қате бар' },
    ru: { about: 'Все ошибки и предупреждения реестра, по классам.', one: 'в реестре есть ошибки' },
  },
  passport: {
    kk: { about: 'Әлеуметтік паспорт: санаттар бойынша оқушылар мен отбасылар, сынып бойынша; өткен жылмен салыстыру\n(мұрағаттағы паспортпен немесе --compare кітабымен).' },
    ru: { about: 'Социальный паспорт: учащиеся и семьи по категориям и классам; сравнение с прошлым годом\n(с архивным паспортом или с книгой --compare).' },
  },
  snapshot: {
    kk: { about: 'Осы оқу жылының паспортын кітаптың ішіне мұрағаттайды (келесі жылы салыстыру үшін); қайталанса, бұрынғысын ауыстырады.' },
    ru: { about: 'Архивирует паспорт текущего учебного года внутри книги (для сравнения в следующем году); повторный снимок заменяет прежний.' },
  },
  'new-year': {
    kk: { about: 'Паспортты мұрағаттайды, бітіруші сыныптарды мұрағат парағына көшіреді, қалған сыныптарды бір сыныпқа\nжоғары көшіреді; баптауларда — келесі оқу жылы. Ешбір оқушының деректері жоғалмайды.' },
    ru: { about: 'Архивирует паспорт, переносит выпускные классы на лист архива, остальные классы переводит на год вперёд;\nв настройках — следующий учебный год. Данные учеников не теряются.' },
  },
  reports: {
    kk: {
      about: `«Есептер» парағындағы белгіленген жолдарды (ол жоқ болса — әдепкі есептерді) .docx етіп жазады:
талдамалық есеп, мектептің және әр сыныптың әлеуметтік паспорты, тізімдер, №64 қаулы тізімі.
Әр оқушының профилі тек --only profiles арқылы жасалады.`,
      one: 'кейбір құжаттар жасалмады',
    },
    ru: {
      about: `Пишет в .docx отмеченные строки листа «Отчёты» (если его нет — отчёты по умолчанию):
аналитический отчёт, социальные паспорта школы и каждого класса, списки, список по постановлению № 64.
Профиль каждого ученика создаётся только по --only profiles.`,
      one: 'часть документов не создана',
    },
  },
  cases: {
    kk: {
      about: `Құпия іс қағаздары (әлеуметтік сүйемелдеу мен патронат) — тізілімнен бөлек файл:
  cases init <істер.xlsx> [--lang] [--password]   жаңа файл; құпиясөзбен — Office стандартымен шифрланады
  cases <істер.xlsx> [--registry] [--today] [--json]   істер: кезеңі, кураторы, мерзімі өткендері, келесі шолу
  cases validate <істер.xlsx> [--registry] [--json]    барлық қате мен ескерту
  cases reports <істер.xlsx> --registry <кітап.xlsx> --out БУМА [--cases] [--only]   құжаттар (.docx, құпия)
CSV-ді парақтарға қосу: qamqor import <істер.xlsx> <файл.csv> --into cases|actions|reviews|consents.
Құпиясөз: --password немесе QAMQOR_CASES_PASSWORD. Әр өзгеріс «Өзгерістер журналы» парағына жазылады.`,
      one: 'іс қағаздарында қате бар немесе кейбір құжаттар жасалмады',
    },
    ru: {
      about: `Конфиденциальный файл дел (социальное сопровождение и патронат) — отдельно от реестра:
  cases init <дела.xlsx> [--lang] [--password]   новый файл; с паролем — шифрование по стандарту Office
  cases <дела.xlsx> [--registry] [--today] [--json]   дела: этап, куратор, просрочки, следующий обзор
  cases validate <дела.xlsx> [--registry] [--json]    все ошибки и предупреждения
  cases reports <дела.xlsx> --registry <книга.xlsx> --out ПАПКА [--cases] [--only]   документы (.docx, конфиденциально)
Добавить CSV на листы: qamqor import <дела.xlsx> <файл.csv> --into cases|actions|reviews|consents.
Пароль: --password или QAMQOR_CASES_PASSWORD. Каждое изменение записывается на лист «Журнал изменений».`,
      one: 'в файле дел есть ошибки или часть документов не создана',
    },
  },
  demo: {
    kk: { about: 'Жасалған мектепте бәрі қатарынан: CSV, тізілім, импорт, тексеру, паспорт, есептер, жаңа оқу жылы.\nБума бос емес және оны демо жасамаған болса, алдымен сұрайды.' },
    ru: { about: 'Всё подряд на сгенерированной школе: CSV, реестр, импорт, проверка, паспорт, отчёты, новый учебный год.\nЕсли папка не пуста и создана не демо, сначала спрашивает.' },
  },
  district: {
    kk: {
      about: `Мектептердің әлеуметтік паспорттарын аудан бойынша жинақтайды: әр кітаптың «qamqor passport --write» жазған
«Әлеуметтік паспорт» парағы ғана оқылады (оқушылардың жолдары оқылмайды). <аудан.xlsx> кітабына мектептер мен
санаттар кестесі, аудан бойынша барлығы, үлестер, өткен жылмен салыстыру және диаграмма жазылады; одан
«qamqor reports <аудан.xlsx> --out БУМА» талдамалық есеп жасайды. --google: мектептердің Google кестелері.`,
      one: 'кейбір мектептер жиынтыққа енгізілмеді (әрқайсысы аталады)',
    },
    ru: {
      about: `Сводит социальные паспорта школ по району: из каждой книги читается только лист «Социальный паспорт»,
записанный «qamqor passport --write» (строки учеников не читаются). В книгу <район.xlsx> пишутся таблица школ
по категориям, итоги района, доли, сравнение с прошлым годом и диаграмма; по ней «qamqor reports <район.xlsx>
--out ПАПКА» делает аналитический отчёт. --google: таблицы Google школ.`,
      one: 'часть школ не включена в свод (каждая названа)',
    },
  },
};

/** Each flag in a command's help; `command.flag` where a command gives the flag a meaning of its own. */
export const flagHelp: Record<string, Record<Lang, string>> = {
  lang: { kk: 'хабарлама тілі (әдепкіде — кітаптың тілі)', ru: 'язык сообщений (по умолчанию — язык книги)' },
  'init.lang': { kk: 'жаңа кітаптың тілі (әдепкіде kk)', ru: 'язык новой книги (по умолчанию kk)' },
  'reports.lang': {
    kk: 'хабарламалар мен барлық құжаттың тілі (әдепкіде — әр есептің өз тілі, болмаса кітаптың тілі)',
    ru: 'язык сообщений и всех документов (по умолчанию — язык каждого отчёта, иначе язык книги)',
  },
  'demo.lang': { kk: 'мектептің, хабарламалар мен есептердің тілі (әдепкіде kk)', ru: 'язык школы, сообщений и отчётов (по умолчанию kk)' },
  year: { kk: 'оқу жылы (әдепкіде — бүгінгі күн бойынша)', ru: 'учебный год (по умолчанию — по сегодняшней дате)' },
  school: { kk: 'мектептің атауы', ru: 'название школы' },
  json: { kk: 'нәтиже DESIGN.md сипаттаған JSON түрінде', ru: 'результат в виде JSON, описанного в DESIGN.md' },
  write: { kk: 'паспортты кітаптың паспорт парағына да жазады', ru: 'также записывает паспорт на лист паспорта в книге' },
  'validate.write': { kk: 'қателерді кітаптың қателер парағына да жазады', ru: 'также записывает ошибки на лист ошибок в книге' },
  compare: { kk: 'өткен оқу жылының кітабы: салыстыру сонымен жасалады', ru: 'книга прошлого учебного года: сравнение с ней' },
  'reports.out': { kk: 'құжаттар жазылатын бума (міндетті)', ru: 'папка для документов (обязательно)' },
  'demo.out': { kk: 'барлық файл жазылатын бума (әдепкіде demo-out)', ru: 'папка для всех файлов (по умолчанию demo-out)' },
  pupils: { kk: 'мектептегі оқушылар саны (әдепкіде шамамен 1000)', ru: 'число учеников школы (по умолчанию около 1000)' },
  draft: {
    kk: 'тізілімде қате болса да жасайды: әр құжаттың жоғарғы колонтитулында «ЖОБА» деп жазылады',
    ru: 'делает отчёты, даже если в реестре есть ошибки: в верхнем колонтитуле каждого документа — «ПРОЕКТ»',
  },
  only: {
    kk: 'тек аталған есептер, үтір арқылы: annual-report, school-passport, class-passport, lists, orphans, res64, profiles…',
    ru: 'только названные отчёты, через запятую: annual-report, school-passport, class-passport, lists, orphans, res64, profiles…',
  },
  google: {
    kk: 'мектептердің Google кестелері: әр жолда кестенің идентификаторы немесе сілтемесі, қаласаңыз соңынан kk не ru (# — түсініктеме)',
    ru: 'таблицы Google школ: в каждой строке идентификатор или ссылка на таблицу, при желании затем kk или ru (# — комментарий)',
  },
  credentials: {
    kk: 'Google қызметтік аккаунтының JSON кілті (әдепкіде GOOGLE_APPLICATION_CREDENTIALS)',
    ru: 'JSON-ключ сервисного аккаунта Google (по умолчанию GOOGLE_APPLICATION_CREDENTIALS)',
  },
  'district.year': { kk: 'жиынтықтың оқу жылы (әдепкіде — мектептердің көбінің оқу жылы)', ru: 'учебный год свода (по умолчанию — год большинства школ)' },
  'district.lang': { kk: 'хабарламалар мен жиынтық кітаптың тілі (әдепкіде kk)', ru: 'язык сообщений и книги свода (по умолчанию kk)' },
  'district.json': { kk: 'аудан жиынтығы DESIGN.md сипаттаған JSON түрінде', ru: 'свод района в виде JSON, описанного в DESIGN.md' },
  'import.into': {
    kk: 'CSV қайда қосылады: pupils (әдепкі, сынып парақтарына) немесе іс қағаздарының парағы: cases, actions, reviews, consents',
    ru: 'куда добавить CSV: pupils (по умолчанию, на листы классов) или лист файла дел: cases, actions, reviews, consents',
  },
  password: {
    kk: 'іс қағаздары файлының құпиясөзі (әдепкіде QAMQOR_CASES_PASSWORD айнымалысы)',
    ru: 'пароль файла дел (по умолчанию — переменная QAMQOR_CASES_PASSWORD)',
  },
  'cases.lang': { kk: 'хабарлама мен құжаттардың тілі; init үшін — жаңа файлдың тілі (әдепкіде kk)', ru: 'язык сообщений и документов; для init — язык нового файла (по умолчанию kk)' },
  'cases.registry': {
    kk: 'оқушылардың аты-жөні мен сыныбы ЖСН бойынша алынатын тізілім (reports үшін міндетті); тізілімге ештеңе жазылмайды',
    ru: 'реестр, из которого по ИИН берутся ФИО и класс учеников (для reports обязателен); в реестр ничего не пишется',
  },
  'cases.today': { kk: 'мерзімдер есептелетін күн (әдепкіде — бүгін)', ru: 'дата, на которую считаются сроки (по умолчанию — сегодня)' },
  'cases.json': { kk: 'істер DESIGN.md сипаттаған JSON түрінде (validate үшін — қателер тізімі)', ru: 'дела в виде JSON, описанного в DESIGN.md (для validate — список ошибок)' },
  'cases.out': { kk: 'reports: құжаттар жазылатын бума', ru: 'reports: папка для документов' },
  'cases.cases': {
    kk: 'reports: тек осы істердің құжаттары (үтір арқылы); бұйрыққа — тек осы істер',
    ru: 'reports: документы только этих дел (через запятую); в приказ — только эти дела',
  },
  'cases.only': {
    kk: 'reports: тек осы құжаттар: plan, summary, profile, protocol, order, meeting',
    ru: 'reports: только эти документы: plan, summary, profile, protocol, order, meeting',
  },
};

/** A command line that cannot be run as typed; always said in one language, --lang's or else Kazakh. */
export const usageProblems = {
  no_command: { kk: () => 'команда көрсетілмеген', ru: () => 'не указана команда' },
  unknown_command: {
    kk: (p) => `«${p.value}» деген команда жоқ${p.suggestion ? `; мүмкін, ${p.suggestion}?` : ''}`,
    ru: (p) => `нет команды «${p.value}»${p.suggestion ? `; может быть, ${p.suggestion}?` : ''}`,
  },
  unknown_flag: {
    kk: (p) => `белгісіз параметр: ${p.flag}${p.suggestion ? `; мүмкін, ${p.suggestion}?` : ''}`,
    ru: (p) => `неизвестный параметр: ${p.flag}${p.suggestion ? `; может быть, ${p.suggestion}?` : ''}`,
  },
  flag_not_taken: {
    kk: (p) => `${p.command} командасы ${p.flag} параметрін қабылдамайды`,
    ru: (p) => `команда ${p.command} не принимает параметр ${p.flag}`,
  },
  missing_value: {
    kk: (p) => `${p.flag} параметрінің мәні берілмеген (мысалы: ${p.flag} ${p.example})`,
    ru: (p) => `не указано значение параметра ${p.flag} (например: ${p.flag} ${p.example})`,
  },
  unexpected_value: { kk: (p) => `${p.flag} параметрі мән қабылдамайды`, ru: (p) => `параметр ${p.flag} не принимает значения` },
  repeated_flag: {
    kk: (p) => `${p.flag} параметрі екі рет әртүрлі мәнмен берілген`,
    ru: (p) => `параметр ${p.flag} указан дважды с разными значениями`,
  },
  bad_value: {
    kk: (p) => `${p.flag} мәні ${p.expected} болуы керек, берілгені: «${p.value}»`,
    ru: (p) => `значение ${p.flag} должно быть таким: ${p.expected}; указано «${p.value}»`,
  },
  missing_argument: { kk: (p) => `${p.command} командасына ${p.arg} керек`, ru: (p) => `команде ${p.command} нужен аргумент ${p.arg}` },
  extra_argument: { kk: (p) => `артық аргумент: «${p.value}»`, ru: (p) => `лишний аргумент: «${p.value}»` },
  missing_flag: {
    kk: (p) => `${p.command} командасына ${p.flag} ${p.example} керек`,
    ru: (p) => `команде ${p.command} нужен параметр ${p.flag} ${p.example}`,
  },
} satisfies Record<string, Line>;

/** What a flag's value must be, for `bad_value`. */
export const expectedValues = {
  lang: { kk: 'kk немесе ru', ru: 'kk или ru' },
  year: { kk: '2025-2026 түріндегі оқу жылы', ru: 'учебный год вида 2025-2026' },
  pupils: { kk: 'оң бүтін сан', ru: 'целое положительное число' },
  today: { kk: 'ЖЖЖЖ-АА-КК түріндегі күн', ru: 'дата вида ГГГГ-ММ-ДД' },
} satisfies Record<string, Record<Lang, string>>;

/** A file or folder the command could not use, by Node's error code; the path is the one the system named. */
export const fileErrors = {
  ENOENT: { kk: (p) => `«${p.path}» табылмады (${p.code})`, ru: (p) => `«${p.path}» не найден (${p.code})` },
  EACCES: { kk: (p) => `«${p.path}» үшін рұқсат жоқ (${p.code})`, ru: (p) => `нет доступа к «${p.path}» (${p.code})` },
  EISDIR: { kk: (p) => `«${p.path}» — бума, ал мұнда файл керек (${p.code})`, ru: (p) => `«${p.path}» — папка, а нужен файл (${p.code})` },
  ENOTDIR: {
    kk: (p) => `«${p.path}» жолының бір бөлігі бума емес, файл (${p.code})`,
    ru: (p) => `часть пути «${p.path}» — файл, а не папка (${p.code})`,
  },
  ENOSPC: { kk: (p) => `«${p.path}» жазылмады: дискіде орын жоқ (${p.code})`, ru: (p) => `«${p.path}» не записан: на диске нет места (${p.code})` },
  EROFS: {
    kk: (p) => `«${p.path}» жазылмады: диск тек оқуға арналған (${p.code})`,
    ru: (p) => `«${p.path}» не записан: диск доступен только для чтения (${p.code})`,
  },
  EEXIST: { kk: (p) => `«${p.path}» бұрыннан бар (${p.code})`, ru: (p) => `«${p.path}» уже существует (${p.code})` },
  ENAMETOOLONG: { kk: (p) => `атауы тым ұзын: «${p.path}» (${p.code})`, ru: (p) => `слишком длинное имя: «${p.path}» (${p.code})` },
  ENOTEMPTY: { kk: (p) => `«${p.path}» бумасы бос емес (${p.code})`, ru: (p) => `папка «${p.path}» не пуста (${p.code})` },
  EBUSY: {
    kk: (p) => `«${p.path}» бос емес: оны басқа бағдарлама ашып отыр (${p.code})`,
    ru: (p) => `«${p.path}» занят: его открыла другая программа (${p.code})`,
  },
  EMFILE: { kk: (p) => `ашық файлдар тым көп, «${p.path}» ашылмады (${p.code})`, ru: (p) => `открыто слишком много файлов, «${p.path}» не открыт (${p.code})` },
  ELOOP: { kk: (p) => `«${p.path}» сілтемелері тұйықталған (${p.code})`, ru: (p) => `ссылки «${p.path}» зациклены (${p.code})` },
  EIO: { kk: (p) => `«${p.path}» оқу не жазу кезінде диск қатесі (${p.code})`, ru: (p) => `ошибка диска при чтении или записи «${p.path}» (${p.code})` },
  other: { kk: (p) => `«${p.path}» файлымен жұмыс істеу мүмкін болмады (${p.code})`, ru: (p) => `не удалось работать с «${p.path}» (${p.code})` },
} satisfies Record<string, Line>;

/** Codes that mean the same to the person reading. */
export const fileErrorAliases: Record<string, keyof typeof fileErrors> = { EPERM: 'EACCES', EDQUOT: 'ENOSPC', ENFILE: 'EMFILE' };

export const failureText = {
  internal: {
    kk: (p) => `ішкі қате: ${p.value}. Бұл Qamqor-дың қатесі; толық мәлімет үшін команданы QAMQOR_DEBUG=1 орнатып қайталаңыз`,
    ru: (p) => `внутренняя ошибка: ${p.value}. Это ошибка Qamqor; для подробностей повторите команду с QAMQOR_DEBUG=1`,
  },
  stdout: { kk: () => 'нәтиже толық шығарылмады', ru: () => 'вывод записан не полностью' },
} satisfies Record<string, Line>;

/** `demo --out DIR` on a folder that holds other files. */
export const demoFolder = {
  question: {
    kk: (p) => `«${p.dir}» бумасында басқа файлдар бар. Демо оған өз файлдарын жазып, аттас файлдарды ауыстырады. Жалғастыру керек пе? (иә/жоқ)`,
    ru: (p) => `В папке «${p.dir}» есть другие файлы. Демо запишет туда свои файлы и заменит одноимённые. Продолжить? (да/нет)`,
  },
  refused: {
    kk: (p) => `«${p.dir}» бумасы бос емес және оны демо жасамаған: ондағы файлдар ауыстырылуы мүмкін. Басқа буманы немесе бос буманы көрсетіңіз (--out БУМА)`,
    ru: (p) => `папка «${p.dir}» не пуста и создана не демо: её файлы могут быть заменены. Укажите другую или пустую папку (--out ПАПКА)`,
  },
  declined: {
    kk: (p) => `тоқтатылды, «${p.dir}» бумасы өзгертілмеді. Басқа буманы көрсетіңіз (--out БУМА)`,
    ru: (p) => `отменено, папка «${p.dir}» не изменена. Укажите другую папку (--out ПАПКА)`,
  },
} satisfies Record<string, Line>;

/** Answers taken as yes, in either language and in Latin letters (a keyboard left in English). */
export const YES_ANSWERS: ReadonlySet<string> = new Set(['иә', 'ия', 'и', 'да', 'д', 'yes', 'y']);

export function t(line: Line, lang: Lang, params: P = {}): string {
  return line[lang](params);
}

/** What `qamqor district` says (the reasons a school is left out are in domain/i18n.ts, shared with the report). */
export const districtText = {
  written: {
    kk: (p) => `Аудан жиынтығы жазылды: «${p.file}» (мектептер: ${p.schools}, оқушылар: ${p.students}, отбасылар: ${p.families})`,
    ru: (p) => `Свод района записан: «${p.file}» (школ: ${p.schools}, учащихся: ${p.students}, семей: ${p.families})`,
  },
  excluded: {
    kk: (p) => `Жиынтыққа енгізілмеді: ${p.count} (жоғарыда аталған)`,
    ru: (p) => `Не включено в свод: ${p.count} (названы выше)`,
  },
  nothingSummed: { kk: () => 'Бірде-бір мектеп жиынтыққа енгізілмеді', ru: () => 'Ни одна школа не включена в свод' },
  noSchools: {
    kk: (p) => `district командасына мектептердің файлдары (${p.arg}) немесе --google <ids.txt> керек`,
    ru: (p) => `команде district нужны файлы школ (${p.arg}) или --google <ids.txt>`,
  },
  outNotDistrict: {
    kk: (p) => `«${p.file}» бар және ол аудан жиынтығы емес (мүмкін, мектептің тізілімі): үстінен жазбаймын. Жиынтық үшін жаңа файлдың атауын беріңіз`,
    ru: (p) => `«${p.file}» уже существует и не является сводом района (возможно, это реестр школы): не перезаписываю. Укажите для свода новое имя файла`,
  },
  no_credentials: {
    kk: () => 'Google қызметтік аккаунтының кілті көрсетілмеген: --credentials <key.json> немесе GOOGLE_APPLICATION_CREDENTIALS айнымалысы',
    ru: () => 'не указан ключ сервисного аккаунта Google: --credentials <key.json> или переменная GOOGLE_APPLICATION_CREDENTIALS',
  },
  bad_credentials: {
    kk: (p) => `«${p.file}» Google қызметтік аккаунтының кілті емес (${p.detail}): Google Cloud-та жүктеп алынған JSON кілтті көрсетіңіз`,
    ru: (p) => `«${p.file}» не является ключом сервисного аккаунта Google (${p.detail}): укажите JSON-ключ, скачанный в Google Cloud`,
  },
  auth_failed: {
    kk: (p) => `Google «${p.file}» кілтін қабылдамады (${p.detail}): кілт жойылмағанын және жобада Google Sheets API қосулы екенін тексеріңіз`,
    ru: (p) => `Google не принял ключ «${p.file}» (${p.detail}): проверьте, что ключ не удалён и в проекте включён Google Sheets API`,
  },
  ids_unreadable: {
    kk: (p) => `«${p.file}» оқылмады (${p.detail})`,
    ru: (p) => `не удалось прочитать «${p.file}» (${p.detail})`,
  },
  idsEmpty: {
    kk: (p) => `«${p.file}» файлында бірде-бір кесте жоқ`,
    ru: (p) => `в «${p.file}» нет ни одной таблицы`,
  },
  progress: {
    kk: (p) => `Google Sheets: ${p.bar} ${p.done}/${p.total} мектеп`,
    ru: (p) => `Google Sheets: ${p.bar} ${p.done}/${p.total} школ`,
  },
  reportsNotDistrict: {
    kk: (p) => `«${p.file}» — аудан жиынтығы емес`,
    ru: (p) => `«${p.file}» не является сводом района`,
  },
} satisfies Record<string, Line>;

/** What `qamqor cases` and `qamqor import --into` a case-file tab say. */
export const casesText = {
  initDone: {
    kk: (p) => `«${p.file}» іс қағаздары файлы құрылды: ${p.tabs}. ${p.encrypted ? 'Файл құпиясөзбен шифрланған (Office стандарты, ECMA-376 agile, AES-256): құпиясөзсіз оны ешкім, Qamqor да, аша алмайды' : 'Файл шифрланбаған: шифрлау үшін --password немесе QAMQOR_CASES_PASSWORD беріңіз'}`,
    ru: (p) => `создан файл дел «${p.file}»: ${p.tabs}. ${p.encrypted ? 'Файл зашифрован паролем (стандарт Office, ECMA-376 agile, AES-256): без пароля его не откроет никто, и Qamqor тоже' : 'Файл не зашифрован: для шифрования укажите --password или QAMQOR_CASES_PASSWORD'}`,
  },
  passwordUnused: {
    kk: (p) => `«${p.file}» шифрланбаған: берілген құпиясөз қолданылмады, файл бұрынғыдай шифрсыз сақталады`,
    ru: (p) => `файл «${p.file}» не зашифрован: указанный пароль не использован, файл сохраняется как был, без шифрования`,
  },
  heading: {
    kk: (p) => `Іс қағаздары «${p.file}», ${p.today} күнгі жағдай: ашық істер — ${p.open}, жабылғандары — ${p.closed}, мерзімі өткендері — ${p.overdue}`,
    ru: (p) => `Файл дел «${p.file}» на ${p.today}: открытых дел — ${p.open}, закрытых — ${p.closed}, с просрочкой — ${p.overdue}`,
  },
  noCases: { kk: () => 'Істер әлі жоқ.', ru: () => 'Дел пока нет.' },
  noRegistry: {
    kk: () => 'Оқушылардың аты-жөні мен сыныбы тізілімнен алынады: --registry <кітап.xlsx> беріңіз',
    ru: () => 'ФИО и классы учеников берутся из реестра: укажите --registry <книга.xlsx>',
  },
  checked: {
    kk: (p) => `Тексеру: ${p.errors} қате, ${p.warnings} ескерту${p.errors || p.warnings ? ' (толығырақ: qamqor cases validate)' : ''}`,
    ru: (p) => `Проверка: ошибок ${p.errors}, предупреждений ${p.warnings}${p.errors || p.warnings ? ' (подробно: qamqor cases validate)' : ''}`,
  },
  clean: { kk: (p) => `Іс қағаздарында қате жоқ: ${p.cases} іс.`, ru: (p) => `В файле дел ошибок нет: дел ${p.cases}.` },
  summary: {
    kk: (p) => `Барлығы: ${p.errors} қате, ${p.warnings} ескерту; ${p.cases} іс.`,
    ru: (p) => `Итого: ошибок ${p.errors}, предупреждений ${p.warnings}; дел ${p.cases}.`,
  },
  imported: {
    kk: (p) => `«${p.tab}» парағына ${p.count} жол қосылды; әрқайсысы «${p.audit}» парағына жазылды`,
    ru: (p) => `на лист «${p.tab}» добавлено строк: ${p.count}; каждая записана на лист «${p.audit}»`,
  },
  unknownSubcommand: {
    kk: (p) => `cases командасының «${p.value}» деген бөлімі жоқ: init, validate, reports немесе файлдың атауы`,
    ru: (p) => `у команды cases нет подкоманды «${p.value}»: init, validate, reports или имя файла`,
  },
  flagNotTaken: {
    kk: (p) => `cases ${p.sub} ${p.flag} параметрін қабылдамайды`,
    ru: (p) => `cases ${p.sub} не принимает параметр ${p.flag}`,
  },
  missingFile: { kk: (p) => `cases ${p.sub} командасына <істер.xlsx> керек`, ru: (p) => `команде cases ${p.sub} нужен файл <дела.xlsx>` },
  needsFlag: { kk: (p) => `cases ${p.sub} командасына ${p.flag} керек`, ru: (p) => `команде cases ${p.sub} нужен параметр ${p.flag}` },
  unknownInto: {
    kk: (p) => `--into ${p.value}: мұндай мақсат жоқ; болатындары: ${p.targets}`,
    ru: (p) => `--into ${p.value}: нет такого назначения; возможные: ${p.targets}`,
  },
  unknownCaseIds: {
    kk: (p) => `--cases: мұндай істер жоқ: ${p.value}`,
    ru: (p) => `--cases: таких дел нет: ${p.value}`,
  },
  unknownOnly: {
    kk: (p) => `--only ${p.value}: мұндай құжат жоқ (plan, summary, profile, protocol, order, meeting)`,
    ru: (p) => `--only ${p.value}: такого документа нет (plan, summary, profile, protocol, order, meeting)`,
  },
  documentsDone: {
    kk: (p) => `${p.count} құпия құжат жазылды: ${p.dir} (файлдарды тек өзіңіз оқи аласыз)`,
    ru: (p) => `записано конфиденциальных документов: ${p.count} в ${p.dir} (файлы доступны для чтения только вам)`,
  },
  demoDocuments: {
    kk: (p) => `іс қағаздарының құпия құжаттары (${p.today} күнгі жағдай): ${p.count} → ${p.dir}`,
    ru: (p) => `конфиденциальные документы по делам (на ${p.today}): ${p.count} → ${p.dir}`,
  },
  noProfile: {
    kk: (p) => `профиль жасалмады (${p.value}): оқушының ЖСН-і тізілімде жоқ, профильдің тізілімдегі жолдары бос қалар еді`,
    ru: (p) => `профиль не создан (${p.value}): ИИН ученика нет в реестре, строки профиля из реестра остались бы пустыми`,
  },
  extraArgument: { kk: (p) => `артық аргумент: «${p.value}»`, ru: (p) => `лишний аргумент: «${p.value}»` },
  documentsNone: {
    kk: () => 'жасалатын құжат жоқ: таңдалған істерде жоспар да, шолу да, жабылу да, жаңа куратор да жоқ',
    ru: () => 'документов для создания нет: у выбранных дел нет ни плана, ни обзоров, ни закрытия, ни новых кураторов',
  },
} satisfies Record<string, Line>;
