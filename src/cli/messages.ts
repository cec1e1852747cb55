// What the `qamqor` command says, in Kazakh and in Russian.
import type { Lang } from '../domain/template';

type P = Record<string, string | number>;
type Line = Record<Lang, (p: P) => string>;

export const cli = {
  usage: {
    kk: () => `Қолданылуы:
  qamqor init <кітап.xlsx> [--lang kk|ru] [--year 2025-2026] [--school АТАУЫ]
  qamqor import <кітап.xlsx> <оқушылар.csv>
  qamqor validate <кітап.xlsx> [--json]
  qamqor passport <кітап.xlsx> [--json] [--write] [--compare <өткен-жыл.xlsx>]
  qamqor snapshot <кітап.xlsx>
  qamqor new-year <кітап.xlsx>
  qamqor reports <кітап.xlsx> --out БУМА [--lang kk|ru] [--compare <өткен-жыл.xlsx>] [--only ЕСЕП]
  qamqor demo [--out БУМА] [--lang kk|ru] [--pupils 1000]
Хабарлама тілі кітаптың баптауларынан алынады; --lang оны ауыстырады.
reports «Есептер» парағындағы белгіленген жолдарды (ол жоқ болса — әдепкі есептерді) .docx етіп жазады:
  талдамалық есеп, мектептің және әр сыныптың әлеуметтік паспорты, тізімдер, №64 қаулы тізімі.
  --only тек атаған есептерді жасайды (үтір арқылы): annual-report, school-passport, class-passport,
  lists, orphans, res64… Әр оқушының профилі тек --only profiles арқылы жасалады.`,
    ru: () => `Использование:
  qamqor init <книга.xlsx> [--lang kk|ru] [--year 2025-2026] [--school НАЗВАНИЕ]
  qamqor import <книга.xlsx> <ученики.csv>
  qamqor validate <книга.xlsx> [--json]
  qamqor passport <книга.xlsx> [--json] [--write] [--compare <прошлый-год.xlsx>]
  qamqor snapshot <книга.xlsx>
  qamqor new-year <книга.xlsx>
  qamqor reports <книга.xlsx> --out ПАПКА [--lang kk|ru] [--compare <прошлый-год.xlsx>] [--only ОТЧЁТ]
  qamqor demo [--out ПАПКА] [--lang kk|ru] [--pupils 1000]
Язык сообщений берётся из настроек книги; --lang его меняет.
reports пишет в .docx отмеченные строки листа «Отчёты» (если его нет — отчёты по умолчанию):
  аналитический отчёт, социальные паспорта школы и каждого класса, списки, список по постановлению № 64.
  --only — только названные отчёты (через запятую): annual-report, school-passport, class-passport,
  lists, orphans, res64… Профиль каждого ученика создаётся только по --only profiles.`,
  },
  unknownCommand: { kk: (p) => `«${p.value}» деген команда жоқ`, ru: (p) => `нет команды «${p.value}»` },
  badOption: { kk: (p) => `параметр қате: ${p.value}`, ru: (p) => `неверный параметр: ${p.value}` },
  initDone: {
    kk: (p) => `«${p.file}» жаңа тізілімі құрылды (${p.year}): ${p.tabs}`,
    ru: (p) => `создан новый реестр «${p.file}» (${p.year}): ${p.tabs}`,
  },
  importPlaced: {
    kk: (p) => `${p.count} оқушы ${p.classes} сыныпқа орналастырылды${p.created ? `, жаңа сынып парақтары: ${p.created}` : ''}`,
    ru: (p) => `${p.count} учеников размещено в ${p.classes} классах${p.created ? `, новые листы классов: ${p.created}` : ''}`,
  },
  importRejected: {
    kk: (p) => `${p.count} жол орналастырылмады; олар «${p.file}» файлында сақталды:`,
    ru: (p) => `${p.count} строк не размещено; они сохранены в файле «${p.file}»:`,
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
    kk: (p) => `есептер: ${p.count} құжат → ${p.dir} (профильдер — тәуекел тобындағы оқушыларға, «Есептер» парағының жолы бойынша)`,
    ru: (p) => `отчёты: ${p.count} документов → ${p.dir} (профили — для группы риска, по строке листа «Отчёты»)`,
  },
} satisfies Record<string, Line>;

export function t(line: Line, lang: Lang, params: P = {}): string {
  return line[lang](params);
}
