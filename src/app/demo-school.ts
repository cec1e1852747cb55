// The demo school: a deterministic, realistic generated school (classes, teachers, families, pupils) whose
// category frequencies follow a real school's annual report, with a known set of deliberate mistakes.
import { compareClassNames } from '../domain/registry/class-name';
import { compareText } from '../domain/collate';
import { makeIin, type Sex } from '../domain/registry/iin';
import { parseSchoolYear } from '../domain/school-year';
import { defaultCatalogue } from '../domain/template';

type Lang = 'kk' | 'ru';

/** One row of the pupils CSV (DESIGN.md "The pupils CSV"). */
export interface DemoPupil {
  class: string;
  full_name: string;
  iin: string;
  birth_date: string;
  sex: Sex;
  family_id: string;
  categories: string[];
  children_in_family: number | null;
  guardian: string;
  placement: string;
  address: string;
  phone: string;
  notes: string;
  res64_council: boolean;
}

export interface DemoClass {
  name: string;
  teacher: string;
  teacherEmail: string;
  instructionLanguage: Lang;
}

export interface DemoMistake {
  code: string;
  class: string;
  full_name: string;
}

export interface DemoSchool {
  schoolName: string;
  schoolYear: string;
  language: Lang;
  socialPedagogue: string;
  director: string;
  classes: DemoClass[];
  pupils: DemoPupil[];
  /**
   * The deliberate mistakes, so that tests and the demo can show validation catching each: one of each
   * code per 1,000 pupils (at least one). A duplicate_iin names the copied row; validation flags both rows.
   */
  mistakes: DemoMistake[];
}

export interface DemoOptions {
  pupils?: number;
  seed?: number;
  schoolYear?: string;
  language?: Lang;
  /** The deliberate mistakes a registry carries (default); without them, a school whose documents can be signed. */
  mistakes?: boolean;
}

export const MISTAKE_CODES = [
  'iin_checksum', 'iin_birth_date_mismatch', 'iin_sex_mismatch', 'duplicate_iin', 'guardian_missing',
  'exclusive_categories', 'family_inconsistent', 'large_family_size', 'age_grade_mismatch', 'unknown_category',
  'formula_in_cell', 'missing_required',
] as const;

// Chosen among the first 600 seeds as the one whose 1,000-pupil school comes closest to seed 001's shares.
const DEFAULT_SEED = 525;
const GRADES = 12;
/** Kazakh alphabet order; the soft and hard signs and Ё, Й are never class letters. */
const CLASS_LETTERS = [...'АӘБВГҒДЕЖЗИКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЫІЭЮЯ'];
const CATALOGUE_ORDER = new Map(defaultCatalogue.map((c, i) => [c.code, i]));
const DAY = 86_400_000;
// Globals read once: in a vm context (jest) every global lookup goes through an interceptor, which made
// 100,000 pupils take several times longer there than in plain Node.
const { floor, imul, max, min, round } = Math;
const utc = Date.UTC;
/** Brothers and sisters (no twins in the demo) are born at least this many days apart. */
const SIBLING_GAP_DAYS = 335;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, so that the same seed gives the same school on every platform.

class Random {
  // A Uint32Array wraps the state at 2^32 by itself.
  private readonly state = new Uint32Array(1);
  constructor(seed: number) {
    this.state[0] = seed;
  }
  next(): number {
    this.state[0] += 0x6d2b79f5;
    let t = this.state[0];
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return floor(this.next() * n);
  }
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** An index drawn with the given weights; -1 when they are all zero. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (total <= 0) return -1;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0 && weights[i] > 0) return i;
    }
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return -1;
  }
}

// ---------------------------------------------------------------------------------------------
// Names, streets and phrases: data.

const words = (text: string) => text.trim().split(/\s+/);

const KK_SURNAMES = words(`
  Әбдіқадыров Нұрланов Қасымов Төлеубаев Сәрсенбаев Жақсылықов Құдайбергенов Ермеков Бейсенов Мұхамеджанов
  Серікбаев Омаров Әбілов Ахметов Байжанов Дүйсенов Есенов Жұмабаев Ибраев Исаев Қайратов Қалиев Көшербаев
  Мақсұтов Мұратов Нұрғалиев Оразов Өтегенов Рахимов Сағындықов Смағұлов Тоқтаров Тұрсынов Уәлиханов Үсенов
  Хамитов Шәкенов Ыбыраев Іскаков Әлімжанов Ғабдуллин Ержанов Қуанышев Бекенов Жүсіпов Сүлейменов Темірбаев
  Әміров Нұрмағамбетов Бөкейханов Тілеуов Құрманғалиев Досмағамбетов Ақылбеков Мәлікұлов Садықов Ораз Байғали
  Сейітқали Жұмабек Оспан Серікбай Қайырбек Әмірхан Бақытжан Төлеген Ерғали Мұқан Қожахмет Әуелбек Нұржан
`);
const RU_SURNAMES = words(`
  Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев
  Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев
  Соловьёв Борисов Яковлев Григорьев Романов Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев
  Ким Пак Цой Шевченко Бондаренко Ткаченко Шмидт Вагнер Гайнуллин Сафин Хабибуллин Юсупов Ковальчук
`);
const KK_BOYS = words(`
  Нұрсұлтан Әлихан Дәулет Ерасыл Бауыржан Мағжан Ілияс Абылай Айбек Арман Бекзат Ерғали Жәнібек Қуаныш Мирас
  Нұрислам Әділет Санжар Темірлан Ұлан Шыңғыс Елнұр Алдияр Рахат Нұрәли Айдос Бейбарыс Дастан Еркебұлан
  Мәһди Әмір Ақжол Бексұлтан Жиһан Нұрдәулет Ансар Алинұр Ерқанат Іңкәрбек Тұрар Ғалымжан Өркен Үмбет Айсұлтан
`);
const KK_GIRLS = words(`
  Айгерім Ұлжан Ақбота Інжу Әсел Гүлназ Тоғжан Аружан Айзере Ақерке Дана Жансая Мөлдір Назерке Салтанат
  Томирис Үміт Әйгерім Айару Балнұр Гүлнұр Ділназ Еркежан Жұлдыз Зере Іңкәр Қарлығаш Мадина Нұрай Сезім
  Шұғыла Әдемі Айым Жәмилә Ләйлә Нәзира Көркем Аяулым Ақниет Медина Һадия Өмірай Ұлпан Жібек Әлия
`);
/** Men's names: fathers (patronymics), parents, guardians, teachers. */
const KK_MEN = words(`
  Нұрлан Серік Қайрат Болат Ерлан Асқар Бақыт Дәурен Ержан Марат Мұрат Талғат Жанболат Ғалым Бауыржан
  Өмірзақ Нұрбол Сәкен Мейрам Төлеген Әділ Қанат Ерболат Ғабит Самат Айдар Арман Жандос Нұржан Бекжан
  Ермек Дархан Руслан Азамат Рүстем Есен Берік Тимур Қуаныш Жақсылық Әбдірахман Өмірбек Сұлтан Ғазиз
`);
const KK_WOMEN = words(`
  Гүлмира Сәуле Бақытгүл Райхан Жанар Күләш Алма Динара Гүлнара Әйгүл Ботагөз Мәдина Ләззат Назгүл Ақмарал
  Гүлжан Шынар Айнұр Меруерт Сәния Роза Зәуре Қарлығаш Ұлбосын Нұржамал Жібек Салтанат Әлия Гүлшат Маржан
`);
const RU_BOYS = words(`
  Александр Дмитрий Максим Артём Иван Михаил Даниил Кирилл Егор Никита Матвей Андрей Илья Алексей Тимофей
  Роман Владимир Денис Марк Лев Арсений Глеб Степан Тимур Руслан Эмиль
`);
const RU_GIRLS = words(`
  Анастасия Мария Анна Виктория Полина Елизавета Екатерина Дарья Софья Алиса Ксения Валерия Вероника Алина
  Ульяна Арина Варвара Милана Ева Кристина Диана Камила Амина
`);
const RU_WOMEN = words(`Ольга Елена Татьяна Наталья Ирина Светлана Юлия Марина Оксана Людмила Галина Анна Евгения Лариса`);
/** Russian fathers' names with their patronymics: [name, son's, daughter's]. */
const RU_FATHERS: readonly [string, string, string][] = [
  ['Сергей', 'Сергеевич', 'Сергеевна'], ['Александр', 'Александрович', 'Александровна'],
  ['Андрей', 'Андреевич', 'Андреевна'], ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
  ['Владимир', 'Владимирович', 'Владимировна'], ['Алексей', 'Алексеевич', 'Алексеевна'],
  ['Игорь', 'Игоревич', 'Игоревна'], ['Олег', 'Олегович', 'Олеговна'], ['Евгений', 'Евгеньевич', 'Евгеньевна'],
  ['Николай', 'Николаевич', 'Николаевна'], ['Михаил', 'Михайлович', 'Михайловна'],
  ['Виктор', 'Викторович', 'Викторовна'], ['Юрий', 'Юрьевич', 'Юрьевна'], ['Павел', 'Павлович', 'Павловна'],
  ['Константин', 'Константинович', 'Константиновна'], ['Вадим', 'Вадимович', 'Вадимовна'],
];
const STREETS: readonly { kk: string; ru: string; district?: boolean }[] = [
  { kk: 'Абай даңғылы', ru: 'пр. Абая' }, { kk: 'Сәтбаев көшесі', ru: 'ул. Сатпаева' },
  { kk: 'Төле би көшесі', ru: 'ул. Толе би' }, { kk: 'Қабанбай батыр көшесі', ru: 'ул. Кабанбай батыра' },
  { kk: 'Жамбыл көшесі', ru: 'ул. Жамбыла' }, { kk: 'Әуезов көшесі', ru: 'ул. Ауэзова' },
  { kk: 'Бауыржан Момышұлы көшесі', ru: 'ул. Бауыржана Момышулы' }, { kk: 'Құрманғазы көшесі', ru: 'ул. Курмангазы' },
  { kk: 'Шоқан Уәлиханов көшесі', ru: 'ул. Чокана Валиханова' }, { kk: 'Райымбек даңғылы', ru: 'пр. Райымбека' },
  { kk: 'Сейфуллин көшесі', ru: 'ул. Сейфуллина' }, { kk: 'Достық даңғылы', ru: 'пр. Достык' },
  { kk: 'Тәуелсіздік көшесі', ru: 'ул. Тауелсиздик' }, { kk: 'Мұқанов көшесі', ru: 'ул. Муканова' },
  { kk: 'Гагарин көшесі', ru: 'ул. Гагарина' }, { kk: 'Ыбырай Алтынсарин көшесі', ru: 'ул. Ы. Алтынсарина' },
  { kk: 'Қонаев көшесі', ru: 'ул. Кунаева' }, { kk: 'Бөгенбай батыр көшесі', ru: 'ул. Богенбай батыра' },
  { kk: 'Жетісу ықшамауданы', ru: 'мкр. Жетысу', district: true }, { kk: 'Самал ықшамауданы', ru: 'мкр. Самал', district: true },
  { kk: 'Көктем ықшамауданы', ru: 'мкр. Коктем', district: true }, { kk: 'Ақбұлақ ықшамауданы', ru: 'мкр. Акбулак', district: true },
];
const OPERATORS = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];
const KANDAS_FROM: readonly { kk: string; ru: string }[] = [
  { kk: 'Қытайдан', ru: 'из Китая' }, { kk: 'Өзбекстаннан', ru: 'из Узбекистана' },
  { kk: 'Моңғолиядан', ru: 'из Монголии' }, { kk: 'Түрікменстаннан', ru: 'из Туркменистана' },
];
/** How orphans and children without parental care live (DOMAIN.md): mostly under guardianship. */
const PLACEMENTS: Record<Lang, string>[] = [
  { kk: 'Қорғаншылық (қамқоршылық)', ru: 'Опека (попечительство)' },
  { kk: 'Қорғаншылық (қамқоршылық)', ru: 'Опека (попечительство)' },
  { kk: 'Қорғаншылық (қамқоршылық)', ru: 'Опека (попечительство)' },
  { kk: 'Қабылдаушы отбасы', ru: 'Приёмная семья' },
  { kk: 'Патронаттық тәрбие', ru: 'Патронатное воспитание' },
];

const NOTES = {
  homeSchooled: { kk: 'ДКК қорытындысы бойынша үйде оқытылады', ru: 'Обучение на дому по заключению ВКК' },
  pmpk: { kk: 'ПМПК қорытындысы бар', ru: 'Есть заключение ПМПК' },
  emergency: { kk: 'Тұрғын үйі су тасқынынан зардап шекті', ru: 'Жильё пострадало от паводка' },
  council: { kk: 'Қамқоршылық кеңесінің шешімі, тұрғын үй жағдайын тексеру актісі бойынша', ru: 'Решение попечительского совета по акту обследования жилищных условий' },
  uniform: { kk: '«Мектепке жол» акциясы: мектеп формасы', ru: '«Дорога в школу»: школьная форма' },
} as const;

const RU_SPELLING: Record<string, string> = {
  ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и',
  Ә: 'А', Ғ: 'Г', Қ: 'К', Ң: 'Н', Ө: 'О', Ұ: 'У', Ү: 'У', Һ: 'Х', І: 'И',
};
/** A Kazakh name as Russian-medium registers write it (Нұрсұлтан → Нурсултан). */
function russianSpelling(text: string): string {
  return text.replace(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g, (ch) => RU_SPELLING[ch]);
}

const LATIN: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'i',
  ь: '', э: 'e', ю: 'yu', я: 'ya',
};
/** Latin letters for an e-mail address (Нұрланова → nurlanova). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += LATIN[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '');
  return out;
}

function femaleSurname(male: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  return male;
}

// ---------------------------------------------------------------------------------------------
// People.

type Origin = 'kazakh' | 'russian';

/** How a family's names are written: the people's origin and the class language's spelling. */
interface Naming {
  origin: Origin;
  /** Russian spelling of Kazakh names, as Russian-medium classes write them. */
  ruSpelling: boolean;
  /** Kazakh patronymics as -ұлы / -қызы rather than -ович / -овна. */
  uly: boolean;
}

function spell(naming: Naming, text: string): string {
  return naming.origin === 'kazakh' && naming.ruSpelling ? russianSpelling(text) : text;
}

function patronymic(naming: Naming, father: string, sex: Sex): string {
  if (naming.origin === 'russian') {
    const f = RU_FATHERS.find((r) => r[0] === father) ?? RU_FATHERS[0];
    return sex === 'M' ? f[1] : f[2];
  }
  const stem = spell(naming, father);
  if (naming.uly) return stem + (sex === 'M' ? (naming.ruSpelling ? 'улы' : 'ұлы') : naming.ruSpelling ? 'кызы' : 'қызы');
  return stem + (sex === 'M' ? 'ович' : 'овна');
}

function surnameFor(naming: Naming, male: string, sex: Sex): string {
  return spell(naming, sex === 'M' ? male : femaleSurname(male));
}

function randomNaming(rng: Random, lang: Lang, origin: Origin): Naming {
  return { origin, ruSpelling: lang === 'ru', uly: lang === 'kk' ? rng.chance(0.75) : rng.chance(0.12) };
}

/** An adult's full name: parents, guardians, teachers. */
function adultName(rng: Random, naming: Naming, sex: Sex, surnameMale?: string, firstName?: string): string {
  const kazakh = naming.origin === 'kazakh';
  const surname = surnameMale ?? rng.pick(kazakh ? KK_SURNAMES : RU_SURNAMES);
  const first = firstName ?? (kazakh ? rng.pick(sex === 'M' ? KK_MEN : KK_WOMEN) : sex === 'M' ? rng.pick(RU_FATHERS)[0] : rng.pick(RU_WOMEN));
  const father = kazakh ? rng.pick(KK_MEN) : rng.pick(RU_FATHERS)[0];
  return `${surnameFor(naming, surname, sex)} ${spell(naming, first)} ${patronymic(naming, father, sex)}`;
}

function childFirstName(rng: Random, naming: Naming, sex: Sex): string {
  if (naming.origin === 'kazakh') return spell(naming, rng.pick(sex === 'M' ? KK_BOYS : KK_GIRLS));
  return rng.pick(sex === 'M' ? RU_BOYS : RU_GIRLS);
}

function phone(rng: Random): string {
  return `+7 ${rng.pick(OPERATORS)} ${rng.between(200, 999)} ${`${rng.int(10000)}`.padStart(4, '0')}`;
}

function address(rng: Random, lang: Lang): string {
  const street = rng.pick(STREETS);
  const house = street.district ? rng.between(1, 60) : rng.between(1, 180);
  const flat = street.district || rng.chance(0.7) ? rng.between(1, 160) : null;
  if (lang === 'kk') return `${street.kk}, ${house}-үй${flat === null ? '' : `, ${flat}-пәтер`}`;
  return `${street.ru}, д. ${house}${flat === null ? '' : `, кв. ${flat}`}`;
}

// ---------------------------------------------------------------------------------------------
// Classes.

interface ClassPlan {
  name: string;
  grade: number;
  lang: Lang;
  size: number;
  free: number;
}

function classLetter(index: number): string {
  const n = CLASS_LETTERS.length;
  if (index < n) return CLASS_LETTERS[index];
  const first = floor(index / n) - 1;
  if (first >= n) throw new RangeError(`Too many parallel classes for a demo school: ${index + 1}`);
  return CLASS_LETTERS[first] + CLASS_LETTERS[index % n];
}

/** About 25 pupils a class, the extra parallels in the lower grades, two thirds of each grade Kazakh-medium. */
function planClasses(rng: Random, pupils: number): ClassPlan[] {
  const count = max(1, round(pupils / 25));
  const perGrade = new Array<number>(GRADES).fill(0);
  if (count < GRADES) for (let i = 0; i < count; i++) perGrade[floor((i * GRADES) / count)]++;
  else for (let g = 0; g < GRADES; g++) perGrade[g] = floor(count / GRADES) + (g < count % GRADES ? 1 : 0);

  const plans: ClassPlan[] = [];
  const weights: number[] = [];
  for (let grade = 0; grade < GRADES; grade++) {
    const parallels = perGrade[grade];
    const kazakh = max(1, round((parallels * 2) / 3));
    for (let j = 0; j < parallels; j++) {
      plans.push({ name: `${grade}${classLetter(j)}`, grade, lang: j < kazakh ? 'kk' : 'ru', size: 0, free: 0 });
      // Within about ±10 % of the mean, so that a 1,000-pupil school has classes of 22–28.
      weights.push(22.6 + rng.next() * 5);
    }
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  plans.forEach((p, i) => {
    p.size = floor((pupils * weights[i]) / total);
    assigned += p.size;
  });
  for (let i = assigned; i < pupils; i++) plans[rng.int(plans.length)].size++;
  for (const p of plans) p.free = p.size;
  return plans;
}

/** Free places by language and grade, and the classes of each that still have room. */
class Places {
  readonly open: Record<Lang, number[][]> = { kk: [], ru: [] };
  readonly free: Record<Lang, number[]> = { kk: new Array(GRADES).fill(0), ru: new Array(GRADES).fill(0) };
  constructor(readonly classes: ClassPlan[]) {
    for (const lang of ['kk', 'ru'] as const) for (let g = 0; g < GRADES; g++) this.open[lang].push([]);
    classes.forEach((c, i) => {
      if (c.free === 0) return;
      this.open[c.lang][c.grade].push(i);
      this.free[c.lang][c.grade] += c.free;
    });
  }
  total(lang: Lang): number {
    return this.free[lang].reduce((a, b) => a + b, 0);
  }
  take(rng: Random, lang: Lang, grade: number): ClassPlan {
    const open = this.open[lang][grade];
    const k = rng.int(open.length);
    const c = this.classes[open[k]];
    c.free--;
    this.free[lang][grade]--;
    if (c.free === 0) {
      open[k] = open[open.length - 1];
      open.pop();
    }
    return c;
  }
}

// ---------------------------------------------------------------------------------------------
// Families.

type Parental = 'orphan' | 'no_parental_care' | 'half_orphan' | null;

interface FamilyTraits {
  parental: Parental;
  kandas: boolean;
  categories: string[];
  childrenInFamily: number | null;
  res64: boolean;
}

/**
 * Family-level facts, drawn so that the pupil shares match seed 001 (large ~13 %, incomplete ~17 %,
 * low income ~4 %, АСП ~3 %…): a large family has more children in school, hence lower family rates here.
 */
function drawTraits(rng: Random): FamilyTraits {
  const u = rng.next();
  const parental: Parental = u < 0.0052 ? 'orphan' : u < 0.0082 ? 'no_parental_care' : u < 0.0192 ? 'half_orphan' : null;
  const cats: string[] = [];
  const cared = parental === 'orphan' || parental === 'no_parental_care';
  const large = rng.chance(cared ? 0.07 : 0.09);
  if (large) cats.push('large_family');
  if (parental === 'half_orphan') cats.push(rng.chance(0.8) ? 'incomplete_family' : 'step_parent');
  else if (!cared) {
    if (rng.chance(large ? 0.1 : 0.18)) cats.push('incomplete_family');
    else if (rng.chance(0.04)) cats.push('step_parent');
  }
  const single = cats.includes('incomplete_family');
  const asp = large ? 0.09 : single ? 0.035 : 0.017;
  const low = large ? 0.09 : single ? 0.055 : 0.031;
  const income = rng.next();
  if (income < asp) cats.push('asp');
  else if (income < asp + low) cats.push('low_income');
  const poor = cats.includes('asp') || cats.includes('low_income');
  if (!cared && rng.chance(poor ? 0.03 : 0.003)) cats.push('dysfunctional_family');
  if (rng.chance(0.002)) cats.push('emergency');
  if (!cared && rng.chance(0.011)) cats.push('disabled_parent');

  const childrenInFamily = large ? rng.pick([4, 4, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8]) : null;
  const eligible = cared || poor || cats.includes('emergency');
  const res64 = !eligible && rng.chance(large || single || parental === 'half_orphan' || cats.includes('disabled_parent') ? 0.01 : 0.0008);
  return { parental, kandas: rng.chance(0.009), categories: cats, childrenInFamily, res64 };
}

/** How many of the family's children are in this school. */
function drawChildrenInSchool(rng: Random, traits: FamilyTraits): number {
  if (traits.childrenInFamily !== null) {
    const k = 1 + rng.weighted([0.35, 0.3, 0.18, 0.1, 0.05, 0.02]);
    return min(k, traits.childrenInFamily);
  }
  // A family with four children or more in the school would be a large family.
  return 1 + rng.weighted([0.64, 0.28, 0.08]);
}

interface Child {
  plan: ClassPlan;
  birthDay: number;
  sex: Sex;
}

/** Birth days (days since 1970) of pupils aged `age` on 1 September of `year`. */
function birthRange(year: number, age: number): [number, number] {
  return [utc(year - age - 1, 8, 2) / DAY, utc(year - age, 8, 1) / DAY];
}

/** YYYY-MM-DD of a day number, by arithmetic: a Date per pupil is too slow for 100,000 pupils. */
function isoDay(day: number): string {
  // Howard Hinnant's civil_from_days.
  const z = day + 719468;
  const era = floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const d = doy - floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Eldest first, each younger one a grade or more below and born at least ~11 months later. */
function placeChildren(rng: Random, places: Places, lang: Lang, count: number, yearStart: number): Child[] {
  const free = places.free[lang];
  // The eldest sits high enough for the younger ones to fit below.
  const lowest = min(round((count - 1) * 1.6), GRADES - 1);
  const eligible = free.map((f, g) => (g >= lowest ? f : 0));
  const gaps = count >= 4 ? [1, 1, 2, 2, 2, 3] : [1, 2, 2, 2, 3, 3, 4];
  let grade = rng.weighted(eligible);
  if (grade < 0) grade = rng.weighted(free);
  if (grade < 0) return [];
  const children: Child[] = [];
  let previous: number | null = null;
  for (;;) {
    const child = birth(rng, grade, yearStart, previous);
    if (child === null) break;
    children.push({ plan: places.take(rng, lang, grade), birthDay: child, sex: rng.chance(0.51) ? 'M' : 'F' });
    previous = child;
    if (children.length === count) break;
    let next = -1;
    for (const gap of [rng.pick(gaps), 1, 2, 3, 4, 5]) {
      if (grade - gap >= 0 && free[grade - gap] > 0) {
        next = grade - gap;
        break;
      }
    }
    if (next < 0) break;
    grade = next;
  }
  return children;
}

function birth(rng: Random, grade: number, yearStart: number, previous: number | null): number | null {
  // Most pupils are grade + 6 on 1 September; a few started late or repeated a year.
  for (const age of rng.chance(0.07) ? [grade + 7, grade + 6] : [grade + 6]) {
    const [from, to] = birthRange(yearStart, age);
    const start = previous === null ? from : max(from, previous + SIBLING_GAP_DAYS);
    if (start <= to) return start + rng.int(to - start + 1);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The school.

let nameRanks: Map<string, number> | null = null;

/**
 * Every surname and first name the generator can write, ranked once in Kazakh alphabetical order, so
 * that class lists sort by two numbers: compareText on 100,000 full names took most of the time.
 */
function nameRank(name: string): number {
  if (!nameRanks) {
    const all = new Set<string>();
    for (const m of [...KK_SURNAMES, ...RU_SURNAMES]) for (const form of [m, femaleSurname(m)]) all.add(form).add(russianSpelling(form));
    for (const n of [...KK_BOYS, ...KK_GIRLS]) all.add(n).add(russianSpelling(n));
    for (const n of [...RU_BOYS, ...RU_GIRLS]) all.add(n);
    nameRanks = new Map([...all].sort(compareText).map((n, i) => [n, i]));
  }
  return nameRanks.get(name) ?? 0;
}

function orderCategories(codes: readonly string[]): string[] {
  return codes.filter((c, i) => codes.indexOf(c) === i).sort((a, b) => (CATALOGUE_ORDER.get(a) ?? 999) - (CATALOGUE_ORDER.get(b) ?? 999));
}

class IinBook {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Random) {}
  issue(birthDate: string, sex: Sex): string {
    for (let serial = this.rng.int(10000), tries = 0; tries < 10000; serial = (serial + 1) % 10000, tries++) {
      const iin = makeIin(birthDate, sex, serial);
      if (iin !== null && !this.used.has(iin)) {
        this.used.add(iin);
        return iin;
      }
    }
    throw new RangeError(`No IIN serial left for ${birthDate}`);
  }
}

export function generateSchool(options: DemoOptions = {}): DemoSchool {
  const total = max(1, floor(options.pupils ?? 1000));
  const seed = options.seed ?? DEFAULT_SEED;
  const language = options.language ?? 'kk';
  const year = parseSchoolYear(options.schoolYear ?? '2025-2026');
  if (!year) throw new RangeError(`Not a school year: ${options.schoolYear}`);
  const rng = new Random(seed);
  const iins = new IinBook(rng);

  const plans = planClasses(rng, total);
  const places = new Places(plans);
  const byClass = new Map<ClassPlan, { pupil: DemoPupil; key: number }[]>(plans.map((p) => [p, []]));
  let families = 0;

  while (places.total('kk') + places.total('ru') > 0) {
    const traits = drawTraits(rng);
    // Kandas families come for Kazakh-medium schooling; others follow the free places.
    const kk = places.total('kk');
    const lang: Lang = (traits.kandas && kk > 0) || kk > rng.next() * (kk + places.total('ru')) ? 'kk' : 'ru';
    const children = placeChildren(rng, places, lang, drawChildrenInSchool(rng, traits), year.start);
    if (children.length === 0) continue;
    const origin: Origin = traits.kandas || rng.chance(lang === 'kk' ? 0.97 : 0.55) ? 'kazakh' : 'russian';
    const naming = randomNaming(rng, lang, origin);
    const surname = rng.pick(origin === 'kazakh' ? KK_SURNAMES : RU_SURNAMES);
    const father = origin === 'kazakh' ? rng.pick(KK_MEN) : rng.pick(RU_FATHERS)[0];
    const familyId = children.length > 1 ? `F${`${++families}`.padStart(4, '0')}` : '';

    const cared = traits.parental === 'orphan' || traits.parental === 'no_parental_care';
    let guardian = '';
    if (cared) guardian = adultName(rng, naming, rng.chance(0.75) ? 'F' : 'M', rng.chance(0.6) ? surname : undefined);
    else if (rng.chance(0.85)) {
      const mother = traits.categories.includes('incomplete_family') ? rng.chance(0.85) : rng.chance(0.7);
      // The father's first name is the one the children's patronymics come from.
      guardian = mother ? adultName(rng, naming, 'F', rng.chance(0.6) ? surname : undefined) : adultName(rng, naming, 'M', surname, father);
    }
    let childrenInFamily = traits.childrenInFamily;
    if (childrenInFamily === null && rng.chance(traits.categories.length > 0 || children.length > 1 ? 0.3 : 0.05)) {
      childrenInFamily = rng.between(children.length, 3);
    }
    if (childrenInFamily !== null) childrenInFamily = max(childrenInFamily, children.length);
    const home = address(rng, lang);
    const tel = phone(rng);
    const kandasFrom = rng.pick(KANDAS_FROM);
    const firstNames: string[] = [];

    for (const child of children) {
      let first = childFirstName(rng, naming, child.sex);
      for (let i = 0; i < 5 && firstNames.includes(first); i++) first = childFirstName(rng, naming, child.sex);
      firstNames.push(first);
      const grade = child.plan.grade;
      const cats: string[] = traits.categories.slice();
      if (traits.parental) cats.push(traits.parental);
      if (traits.kandas) cats.push('kandas');
      const notes: string[] = [];
      if (rng.chance(0.015)) {
        cats.push('disability');
        if (rng.chance(0.5)) cats.push('sen');
        if (rng.chance(0.25)) cats.push('home_schooled');
      } else if (rng.chance(0.024)) cats.push('sen');
      const troubled = traits.categories.includes('dysfunctional_family');
      const police = grade >= 6 && rng.chance(troubled ? 0.05 : 0.0038);
      if (police) cats.push('police_register', 'school_register');
      else if (grade >= 5 && rng.chance(troubled ? 0.08 : 0.0045)) cats.push('school_register');
      if (grade >= 3 && rng.chance(troubled ? 0.25 : police ? 0.5 : 0.012)) cats.push('risk_group');

      const has = (code: string) => cats.includes(code);
      const res64Eligible = has('asp') || has('low_income') || cared || has('emergency');
      const meals =
        has('asp') || has('low_income') || cared ||
        rng.chance(has('emergency') ? 0.7 : traits.res64 ? 0.5 : troubled ? 0.3 : has('half_orphan') ? 0.2 : has('large_family') ? 0.04 : 0.002);
      if (meals) cats.push('free_meals');
      if ((res64Eligible && rng.chance(0.45)) || traits.res64) cats.push('vseobuch_aid');

      if (has('home_schooled')) notes.push(NOTES.homeSchooled[lang]);
      else if (has('sen') && rng.chance(0.4)) notes.push(NOTES.pmpk[lang]);
      if (traits.kandas) notes.push(lang === 'kk' ? `Отбасы ${kandasFrom.kk} көшіп келген` : `Семья переехала ${kandasFrom.ru}`);
      if (has('emergency')) notes.push(NOTES.emergency[lang]);
      if (traits.res64) notes.push(NOTES.council[lang]);
      else if (has('vseobuch_aid') && rng.chance(0.3)) notes.push(NOTES.uniform[lang]);

      const birthDate = isoDay(child.birthDay);
      const last = surnameFor(naming, surname, child.sex);
      const iin = iins.issue(birthDate, child.sex);
      const pupil: DemoPupil = {
        class: child.plan.name,
        full_name: `${last} ${first} ${patronymic(naming, father, child.sex)}`,
        iin,
        birth_date: birthDate,
        sex: child.sex,
        family_id: familyId,
        categories: cats.length > 1 ? orderCategories(cats) : cats,
        children_in_family: childrenInFamily,
        guardian,
        // Chosen from the IIN, not drawn: the demo's random sequence (and so every other pupil) stays as it was.
        placement: cared ? PLACEMENTS[Number(iin.slice(-3, -1)) % PLACEMENTS.length]![lang] : '',
        address: home,
        phone: tel,
        notes: notes.join('; '),
        res64_council: traits.res64,
      };
      byClass.get(child.plan)!.push({ pupil, key: nameRank(last) * 4096 + nameRank(first) });
    }
  }

  const ordered = [...plans].sort((a, b) => compareClassNames(a.name, b.name));
  const pupils: DemoPupil[] = [];
  for (const plan of ordered) {
    const list = byClass.get(plan)!;
    list.sort((a, b) => a.key - b.key || (a.pupil.full_name < b.pupil.full_name ? -1 : a.pupil.full_name > b.pupil.full_name ? 1 : 0));
    for (const { pupil } of list) pupils.push(pupil);
  }
  const mistakes = options.mistakes === false ? [] : addMistakes(rng, iins, pupils, new Map(plans.map((p) => [p.name, p])), max(1, round(total / 1000)));

  const emails = new Set<string>();
  const classes = ordered.map((plan) => {
    const naming = randomNaming(rng, plan.lang, plan.lang === 'kk' || rng.chance(0.5) ? 'kazakh' : 'russian');
    const teacher = adultName(rng, naming, rng.chance(0.85) ? 'F' : 'M');
    return { name: plan.name, teacher, teacherEmail: teacherEmail(teacher, emails), instructionLanguage: plan.lang };
  });
  const staff = randomNaming(rng, language, 'kazakh');
  const number = 1 + rng.int(120);
  return {
    schoolName: language === 'kk' ? `№ ${number} жалпы білім беретін мектеп` : `Общеобразовательная школа № ${number}`,
    schoolYear: year.name,
    language,
    socialPedagogue: adultName(rng, staff, 'F'),
    director: adultName(rng, staff, rng.chance(0.5) ? 'F' : 'M'),
    classes,
    pupils,
    mistakes,
  };
}

function teacherEmail(fullName: string, taken: Set<string>): string {
  const [surname, first] = fullName.split(' ');
  const base = `${transliterate(first).charAt(0)}.${transliterate(surname)}`;
  let local = base;
  for (let i = 2; taken.has(local); i++) local = `${base}${i}`;
  taken.add(local);
  return `${local}@school.edu.kz`;
}

// ---------------------------------------------------------------------------------------------
// The deliberate mistakes: each on a pupil who is otherwise clean, so that validation finds exactly it.

function addMistakes(rng: Random, iins: IinBook, pupils: DemoPupil[], classes: ReadonlyMap<string, ClassPlan>, times: number): DemoMistake[] {
  const used = new Set<DemoPupil>();
  const mistakes: DemoMistake[] = [];
  const alone = (p: DemoPupil) => p.family_id === '' && !used.has(p);
  const plain = (p: DemoPupil) => alone(p) && p.categories.length === 0 && p.birth_date !== '';
  const plainPool = pupils.filter(plain);
  const take = <T>(pool: readonly T[], ok: (item: T) => boolean): T | null => {
    for (let tries = 0; tries < 200 && pool.length > 0; tries++) {
      const p = pool[rng.int(pool.length)];
      if (ok(p)) return p;
    }
    return pool.find(ok) ?? null;
  };
  const record = (code: string, p: DemoPupil) => {
    used.add(p);
    mistakes.push({ code, class: p.class, full_name: p.full_name });
  };
  const orphans = pupils.filter((p) => p.categories.includes('orphan') && p.family_id === '' && p.guardian !== '');
  const orphan = (): DemoPupil | null => {
    const p = take(orphans, alone) ?? take(plainPool, plain);
    if (p && !p.categories.includes('orphan')) {
      p.categories = orderCategories([...p.categories, 'orphan', 'free_meals']);
      p.guardian = adultName(rng, randomNaming(rng, classes.get(p.class)!.lang, 'kazakh'), 'F');
    }
    return p;
  };
  const grade = (p: DemoPupil) => classes.get(p.class)!.grade;
  const peers = new Map<string, DemoPupil[]>();
  for (const q of plainPool) {
    const key = `${grade(q)}|${q.sex}`;
    const list = peers.get(key);
    if (list) list.push(q);
    else peers.set(key, [q]);
  }
  const largeFamilies = new Map<string, DemoPupil[]>();
  for (const q of pupils) {
    if (!q.family_id || !q.categories.includes('large_family')) continue;
    const list = largeFamilies.get(q.family_id);
    if (list) list.push(q);
    else largeFamilies.set(q.family_id, [q]);
  }
  const multiLarge = [...largeFamilies.values()].filter((f) => f.length > 1);

  for (let round = 0; round < times; round++) {
    let p = take(plainPool, plain);
    if (p) {
      const last = Number(p.iin[11]);
      p.iin = p.iin.slice(0, 11) + String((last + 1 + rng.int(9)) % 10);
      record('iin_checksum', p);
    }
    if ((p = take(plainPool, plain))) {
      p.birth_date = isoDay(Date.parse(p.birth_date) / DAY + (rng.chance(0.5) ? 1 : -1));
      record('iin_birth_date_mismatch', p);
    }
    if ((p = take(plainPool, plain))) {
      p.sex = p.sex === 'M' ? 'F' : 'M';
      record('iin_sex_mismatch', p);
    }
    let pair: [DemoPupil, DemoPupil] | null = null;
    for (let tries = 0; tries < 50 && !pair; tries++) {
      const a = take(plainPool, plain);
      if (!a) break;
      // A parallel class first; a small school has none, and a grade next door still fits the copied birth date.
      for (const g of [grade(a), grade(a) + 1, grade(a) - 1]) {
        const b = take(peers.get(`${g}|${a.sex}`) ?? [], (q) => plain(q) && q !== a && q.class !== a.class);
        if (b) {
          pair = [a, b];
          break;
        }
      }
    }
    if (pair) {
      const [first, copy] = pair;
      used.add(first);
      // A row copied from another pupil's: the IIN and the birth date came along, so only the duplicate shows.
      copy.iin = first.iin;
      copy.birth_date = first.birth_date;
      record('duplicate_iin', copy);
    }
    if ((p = orphan())) {
      p.guardian = '';
      record('guardian_missing', p);
    }
    if ((p = orphan())) {
      p.categories = orderCategories([...p.categories, 'half_orphan']);
      record('exclusive_categories', p);
    }
    const family = take(multiLarge, (f) => f.every((q) => !used.has(q)));
    if (family) {
      p = family[1 + rng.int(family.length - 1)];
      p.categories = p.categories.filter((c) => c !== 'large_family');
      for (const q of family) used.add(q);
      record('family_inconsistent', p);
    }
    if ((p = take(pupils, (q) => alone(q) && q.categories.includes('large_family')) ?? take(plainPool, plain))) {
      p.categories = orderCategories([...p.categories, 'large_family']);
      p.children_in_family = 3;
      record('large_family_size', p);
    }
    if ((p = take(plainPool, plain))) {
      // Four years too old: a birth year typed wrong, with the IIN issued for that date so only the age shows.
      const [y, m, d] = p.birth_date.split('-').map(Number);
      const date = isoDay(utc(y - 4, m - 1, m === 2 && d === 29 ? 28 : d) / DAY);
      p.birth_date = date;
      p.iin = iins.issue(date, p.sex);
      record('age_grade_mismatch', p);
    }
    if ((p = take(plainPool, plain))) {
      p.categories = ['orphn'];
      record('unknown_category', p);
    }
    if ((p = take(plainPool, plain))) {
      p.full_name = '=HYPERLINK("http://example.com","Иванов")';
      record('formula_in_cell', p);
    }
    if ((p = take(plainPool, plain))) {
      p.birth_date = '';
      record('missing_required', p);
    }
  }
  return mistakes;
}
