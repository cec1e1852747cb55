// What is wrong with a template, worded for the teacher who edits it, in Kazakh and Russian.
// The engine collects every problem of a template and throws them together in one TemplateError.
import type { SectionKind } from './doc-tree';

export type TemplateProblemCode =
  // The template itself is wrong, whatever the data.
  | 'malformed_placeholder'
  | 'unclosed_block'
  | 'unexpected_close'
  | 'mismatched_close'
  | 'stray_else'
  | 'loop_not_row_start'
  | 'loop_close_not_in_row'
  | 'image_not_alone'
  /** In a place a renderer does not fill (a text box, a footnote): it would survive into the document. */
  | 'unsupported_place'
  // The template asks for something the data does not have, or has in another shape.
  | 'unknown_placeholder'
  | 'not_a_list'
  | 'not_text'
  | 'not_an_image';

export type Bilingual = { kk: string; ru: string };

export interface TemplateProblem {
  code: TemplateProblemCode;
  /** The placeholder as written in the template, e.g. `{{schol.name}}`. */
  placeholder: string;
  section: SectionKind;
  /** The template paragraph it sits in, shortened: lets a teacher find it with Ctrl+F. */
  context: string;
  /** The nearest path the data does offer, for a likely typo. */
  suggestion?: string;
  /** For `not_text`: what the value is instead. */
  found?: ValueShape;
  message: Bilingual;
}

export type ValueShape = 'list' | 'group' | 'flag' | 'image';

type Params = { placeholder: string; expected?: string; suggestion?: string; found?: ValueShape };
type Wording = { kk: (p: Params) => string; ru: (p: Params) => string };

const shapes: Record<ValueShape, Bilingual> = {
  list: { kk: 'тізім', ru: 'список' },
  group: { kk: 'өрістер тобы', ru: 'группа полей' },
  flag: { kk: 'иә/жоқ белгісі', ru: 'признак да/нет' },
  image: { kk: 'сурет', ru: 'изображение' },
};

const wordings: Record<TemplateProblemCode, Wording> = {
  malformed_placeholder: {
    kk: (p) => `«${p.placeholder}» белгісі қате жазылған: қос жақшалар мен атауды тексеріңіз`,
    ru: (p) => `метка «${p.placeholder}» записана неверно: проверьте двойные скобки и имя`,
  },
  unclosed_block: {
    kk: (p) => `«${p.placeholder}» жабылмаған: «${p.expected}» жетіспейді`,
    ru: (p) => `«${p.placeholder}» не закрыт: не хватает «${p.expected}»`,
  },
  unexpected_close: {
    kk: (p) => `«${p.placeholder}» алдында оны ашатын белгі жоқ`,
    ru: (p) => `перед «${p.placeholder}» нет открывающей метки`,
  },
  mismatched_close: {
    kk: (p) => `«${p.placeholder}» басқа блокты жабады: мұнда «${p.expected}» болуы керек`,
    ru: (p) => `«${p.placeholder}» закрывает не тот блок: здесь должно быть «${p.expected}»`,
  },
  stray_else: {
    kk: (p) => `«${p.placeholder}» тек «{{#if …}}» немесе «{{#unless …}}» блогының ішінде тұра алады`,
    ru: (p) => `«${p.placeholder}» может стоять только внутри блока «{{#if …}}» или «{{#unless …}}»`,
  },
  loop_not_row_start: {
    kk: (p) => `«${p.placeholder}» кесте жолының бірінші ұяшығының басында тұруы керек (жол тізімнің әр элементі үшін қайталанады)`,
    ru: (p) => `«${p.placeholder}» должен стоять в начале первой ячейки строки таблицы (строка повторяется для каждого элемента списка)`,
  },
  loop_close_not_in_row: {
    kk: (p) => `«${p.placeholder}» қайталанатын жолы сол жолдың соңғы ұяшығының соңында «${p.expected}» белгісімен жабылуы керек`,
    ru: (p) => `повторяемая строка «${p.placeholder}» должна закрываться меткой «${p.expected}» в конце последней ячейки той же строки`,
  },
  image_not_alone: {
    kk: (p) => `«${p.placeholder}» абзацта жалғыз тұруы керек`,
    ru: (p) => `«${p.placeholder}» должен стоять в абзаце один`,
  },
  unsupported_place: {
    kk: (p) => `«${p.placeholder}» толтырылмайды: белгілер жазу алаңында, сілтемеде және ескертуде жұмыс істемейді, оны негізгі мәтінге не кестеге көшіріңіз`,
    ru: (p) => `«${p.placeholder}» не будет заполнен: метки не работают в надписях, сносках и примечаниях — перенесите её в основной текст или таблицу`,
  },
  unknown_placeholder: {
    kk: (p) => `«${p.placeholder}» деректерде жоқ өрісті көрсетеді${p.suggestion ? ` («${p.suggestion}» болуы мүмкін бе?)` : ''}`,
    ru: (p) => `«${p.placeholder}» ссылается на поле, которого нет в данных${p.suggestion ? ` (может быть, «${p.suggestion}»?)` : ''}`,
  },
  not_a_list: {
    kk: (p) => `«${p.placeholder}» тізім емес, сондықтан жолды ол бойынша қайталауға болмайды`,
    ru: (p) => `«${p.placeholder}» — не список, по нему нельзя повторять строку`,
  },
  not_text: {
    kk: (p) => `«${p.placeholder}» мәтін емес, ${shapes[p.found ?? 'group'].kk}, оны мәтінге қоюға болмайды${p.expected ? `: «${p.expected}» қолданыңыз` : ''}`,
    ru: (p) => `«${p.placeholder}» — не текст, а ${shapes[p.found ?? 'group'].ru}, его нельзя вставить в текст${p.expected ? `: используйте «${p.expected}»` : ''}`,
  },
  not_an_image: {
    kk: (p) => `«${p.placeholder}» сурет емес`,
    ru: (p) => `«${p.placeholder}» — не изображение`,
  },
};

const sectionNames: Record<SectionKind, Bilingual> = {
  header: { kk: 'жоғарғы колонтитул', ru: 'верхний колонтитул' },
  body: { kk: 'құжат мәтіні', ru: 'текст документа' },
  footer: { kk: 'төменгі колонтитул', ru: 'нижний колонтитул' },
};

export const structuralCodes: ReadonlySet<TemplateProblemCode> = new Set<TemplateProblemCode>([
  'malformed_placeholder', 'unclosed_block', 'unexpected_close', 'mismatched_close', 'stray_else',
  'loop_not_row_start', 'loop_close_not_in_row', 'image_not_alone', 'unsupported_place',
]);

export function describeProblem(
  code: TemplateProblemCode,
  params: Params,
  section: SectionKind,
  context: string,
): Bilingual {
  const where = (lang: 'kk' | 'ru') => `${sectionNames[section][lang]}: «${context}»`;
  return {
    kk: `${wordings[code].kk(params)} (${where('kk')})`,
    ru: `${wordings[code].ru(params)} (${where('ru')})`,
  };
}

const headings: { kk: (t: string, n: number) => string; ru: (t: string, n: number) => string } = {
  kk: (t, n) => `«${t}» үлгісінде ${n} қате:`,
  ru: (t, n) => `В шаблоне «${t}» ошибок: ${n}:`,
};

export class TemplateError extends Error {
  /** The first problem's placeholder: what most callers show. */
  readonly placeholder: string;
  readonly messages: Bilingual;

  constructor(
    readonly template: string,
    readonly problems: readonly TemplateProblem[],
  ) {
    const worded = (lang: 'kk' | 'ru') =>
      [headings[lang](template, problems.length), ...problems.map((p) => `- ${p.message[lang]}`)].join('\n');
    const messages = { kk: worded('kk'), ru: worded('ru') };
    super(`${messages.kk}\n\n${messages.ru}`);
    this.name = 'TemplateError';
    this.placeholder = problems[0]?.placeholder ?? '';
    this.messages = messages;
  }

  messageIn(lang: 'kk' | 'ru'): string {
    return this.messages[lang];
  }
}
