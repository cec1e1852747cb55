// The demo school's aid register: a realistic school year of help, entered as a pedagogue would — the «Мектепке жол»
// campaign in September, free textbooks, free meals from the fund and from the canteen's tenant, Resolution No. 64
// payments to eligible pupils' parents in October and March, winter clothes, food parcels, sponsors' money, New Year
// and «Қамқорлық» gifts, summer camp vouchers in May and June. Deterministic: the same school gives the same records.
import { parseClassName } from '../domain/registry/class-name';
import { res64Eligible } from '../domain/registry/res64';
import type { Pupil, Registry } from '../domain/registry/registry';
import type { Cell } from '../domain/sheet';
import type { Lang } from '../domain/template';
import { appendRegisterRows } from './registers-append';
import type { WorkbookChange } from './workbook-port';

/** What the pedagogue writes in the items, source and basis columns, in the school's language (sample data). */
const TEXT: Record<Lang, Record<string, string>> = {
  kk: {
    uniform: 'мектеп формасы', bag: 'рюкзак және кеңсе тауарлары', textbooks: 'оқулықтар жинағы', meals: 'тегін ыстық тамақ (қыркүйек – мамыр)',
    winter: 'қысқы киім (күрте, етік)', parcel: 'азық-түлік себеті', newYear: 'жаңа жылдық сыйлық', care: '«Қамқорлық» акциясының сыйлығы',
    voucher: '«Балдәурен» сауықтыру лагеріне жолдама', cityCamp: 'мектеп жанындағы жазғы лагерь',
    fund: 'ЖББҚ', sponsorA: '«Береке» ЖШС (демеуші)', sponsorB: 'ЖК Сапарова А. (демеуші)', tenant: 'Асхана арендаторы «Дәм» ЖК',
    library: 'Мектеп кітапханасы', charity: '«Мейірім» қайырымдылық қоры', parents: 'Ата-аналар комитеті', akimat: 'Аудан әкімдігі',
    application: 'Ата-ананың өтініші', council: 'Қамқоршылық кеңесінің хаттамасы', order: 'Директордың бұйрығы',
  },
  ru: {
    uniform: 'школьная форма', bag: 'рюкзак и канцтовары', textbooks: 'комплект учебников', meals: 'бесплатное горячее питание (сентябрь – май)',
    winter: 'зимняя одежда (куртка, сапоги)', parcel: 'продуктовый набор', newYear: 'новогодний подарок', care: 'подарок акции «Забота»',
    voucher: 'путёвка в оздоровительный лагерь «Балдәурен»', cityCamp: 'пришкольный летний лагерь',
    fund: 'Фонд всеобуча', sponsorA: 'ТОО «Береке» (спонсор)', sponsorB: 'ИП Сапарова А. (спонсор)', tenant: 'Арендатор столовой ИП «Дәм»',
    library: 'Школьная библиотека', charity: 'Благотворительный фонд «Мейірім»', parents: 'Родительский комитет', akimat: 'Акимат района',
    application: 'Заявление родителя', council: 'Протокол попечительского совета', order: 'Приказ директора',
  },
};

/** Resolution No. 64's 2025 minimum per child (DOMAIN.md). */
const RES64_PAYMENT = 46228;

type Row = Record<string, Cell>;

/** A small deterministic generator: the demo's records do not change from one run to the next. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function demoAidRows(registry: Pick<Registry, 'pupils' | 'catalogue' | 'lang' | 'settings'>): Row[] {
  const w = TEXT[registry.lang];
  const start = registry.settings.schoolYear?.start ?? 2025;
  const day = (md: string, next = false) => `${next ? start + 1 : start}-${md}`;
  const rnd = random(20250902);
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const pool = [...list];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
    return out;
  };
  const withIin = registry.pupils.filter((p) => /^\d{12}$/.test(p.iin));
  const has = (p: Pupil, ...codes: string[]) => codes.some((c) => p.categories.includes(c));
  const grade = (p: Pupil) => parseClassName(p.className)?.grade ?? 0;
  const eligible = res64Eligible(withIin, registry.catalogue).map((e) => e.pupil);
  const poor = withIin.filter((p) => has(p, 'asp', 'low_income', 'large_family'));
  const orphans = withIin.filter((p) => has(p, 'orphan', 'no_parental_care'));
  const rows: Row[] = [];
  const add = (p: Pupil, date: string, kind: string, amount: number | null, items: string, source: string, basis = '') =>
    rows.push({ date: new Date(`${date}T00:00:00Z`), iin: p.iin, full_name: p.fullName, kind, amount, items, source, basis });

  // «Мектепке жол»: first graders of poor and large families and the pupils under guardianship, then a few more.
  const road = [...new Set([...poor.filter((p) => grade(p) <= 1), ...orphans, ...pick(poor.filter((p) => grade(p) > 1), 12)])];
  road.forEach((p, i) => {
    const uniform = i % 3 !== 2;
    add(p, day(`09-0${2 + (i % 7)}`), 'school_road', uniform ? 25000 : 15000, uniform ? w.uniform! : w.bag!, i % 4 === 3 ? w.sponsorB! : w.sponsorA!, `${w.application} №${i + 1}`);
  });
  // Sponsors' money handed to families in September, textbooks from the library.
  pick(poor, 4).forEach((p, i) => add(p, day(`09-1${i}`), 'sponsor', 30000, '', w.sponsorA!, `${w.order} №${101 + i}`));
  [...orphans, ...pick(poor, 20)].forEach((p, i) => add(p, day(`09-0${1 + (i % 5)}`), 'textbooks', null, w.textbooks!, w.library!));
  // Free meals all year: the eligible from the fund, the others with the support ticked from the canteen's tenant.
  const meals = withIin.filter((p) => has(p, 'free_meals'));
  const eligibleSet = new Set(eligible);
  for (const p of meals) {
    if (eligibleSet.has(p)) add(p, day('09-02'), 'meals_fund', null, w.meals!, w.fund!, `${w.order} №87`);
    else if (grade(p) > 4) add(p, day('09-02'), 'meals_tenant', null, w.meals!, w.tenant!);
  }
  // Resolution No. 64: money to the parents' accounts in October and March, by the board of trustees' protocols.
  const paid = pick(eligible, Math.min(eligible.length, 30));
  paid.forEach((p) => add(p, day('10-15'), 'fund_cash', RES64_PAYMENT, '', w.fund!, `${w.council} №2, ${day('10-10').split('-').reverse().join('.')}`));
  paid.slice(0, Math.ceil(paid.length / 2)).forEach((p) => add(p, day('03-16', true), 'fund_cash', RES64_PAYMENT, '', w.fund!, `${w.council} №5, ${day('03-10', true).split('-').reverse().join('.')}`));
  pick(eligible, 15).forEach((p) => add(p, day('11-12'), 'fund_material', 25000, w.winter!, w.fund!, `${w.council} №3`));
  // Food parcels before the winter holidays and in spring.
  pick(poor, 8).forEach((p, i) => add(p, day(i < 4 ? '12-20' : '03-05', i >= 4), 'food', 12000, w.parcel!, w.charity!));
  // New Year gifts with the canteen's tenant, «Қамқорлық» gifts from the parents' committee.
  [...orphans, ...pick(poor, 20)].forEach((p) => add(p, day('12-25'), 'gift', null, w.newYear!, w.tenant!));
  pick([...orphans, ...poor], 10).forEach((p) => add(p, day('04-10', true), 'gift', 5000, w.care!, w.parents!));
  // Summer camps: vouchers handed in May, the school's own camp in June.
  pick([...orphans, ...eligible], 12).forEach((p) => add(p, day('05-22', true), 'camp', 60000, w.voucher!, w.akimat!));
  pick(poor, 10).forEach((p) => add(p, day('06-02', true), 'camp', null, w.cityCamp!, w.fund!));
  return rows.sort((a, b) => (a.date as Date).getTime() - (b.date as Date).getTime());
}

/** The demo's aid records appended to the aid tab (made if the workbook has none). */
export function demoAidChanges(registry: Registry): WorkbookChange[] {
  return appendRegisterRows(registry, 'aid', demoAidRows(registry).map((r) => new Map(Object.entries(r))));
}
