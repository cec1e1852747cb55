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
  qamqor demo [--out БУМА] [--lang kk|ru] [--pupils 1000]
Хабарлама тілі кітаптың баптауларынан алынады; --lang оны ауыстырады.`,
    ru: () => `Использование:
  qamqor init <книга.xlsx> [--lang kk|ru] [--year 2025-2026] [--school НАЗВАНИЕ]
  qamqor import <книга.xlsx> <ученики.csv>
  qamqor validate <книга.xlsx> [--json]
  qamqor passport <книга.xlsx> [--json] [--write] [--compare <прошлый-год.xlsx>]
  qamqor snapshot <книга.xlsx>
  qamqor new-year <книга.xlsx>
  qamqor demo [--out ПАПКА] [--lang kk|ru] [--pupils 1000]
Язык сообщений берётся из настроек книги; --lang его меняет.`,
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
  demoStep: { kk: (p) => `— ${p.value}`, ru: (p) => `— ${p.value}` },
  demoGenerated: {
    kk: (p) => `демо-мектеп: ${p.pupils} оқушы, ${p.classes} сынып → ${p.file}`,
    ru: (p) => `демо-школа: ${p.pupils} учеников, ${p.classes} классов → ${p.file}`,
  },
  demoDone: { kk: (p) => `Дайын. Барлық файлдар: ${p.dir}`, ru: (p) => `Готово. Все файлы: ${p.dir}` },
} satisfies Record<string, Line>;

export function t(line: Line, lang: Lang, params: P = {}): string {
  return line[lang](params);
}
