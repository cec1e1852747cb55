// The report models on the fixture school: figures equal the passport's, names sorted in Kazakh order,
// display strings as the seeds write them, and no case-file detail anywhere.
import { formatChange } from '../../src/domain/format';
import { readNotes, noteKeys } from '../../src/reports/models/notes';
import { classPassportModel } from '../../src/reports/models/class-passport';
import { reportContext, schoolBlock } from '../../src/reports/models/context';
import { defaultListKeys, defaultLists, listModel, listOf } from '../../src/reports/models/lists';
import { profileModel } from '../../src/reports/models/profile';
import { categoriesChart, dynamicsChart, schoolModel } from '../../src/reports/models/school';
import { describeModel } from '../../src/reports/model';
import { tabSpec } from '../../src/domain/template';
import { BRACES_NAME, fixture, FORMULA_NAME, POLICE_NOTE, SCRIPT_NAME, TODAY } from './fixture';
import { dotCharts } from './corpus';

const kk = fixture('kk');
const ctx = reportContext(kk.registry, kk.passport, { lang: 'kk', today: TODAY });
const ru = reportContext(fixture('ru').registry, fixture('ru').passport, { lang: 'ru', today: TODAY });

describe('the school model', () => {
  const m = schoolModel(ctx, dotCharts);

  it('has every category of the catalogue with the passport figures, and the totals', () => {
    expect(m.categories.map((c) => c.code)).toEqual(kk.registry.catalogue.filter((c) => c.kind === 'category').map((c) => c.code));
    for (const line of [...m.categories, ...m.support]) {
      const p = kk.passport.categories[line.code]!;
      expect([line.students, line.families, line.pair]).toEqual([String(p.students), String(p.families), `${p.students}/${p.families}`]);
    }
    expect(m.totals).toEqual({ students: '13', families: '12', boys: '10', girls: '3', classes: '4' });
    expect(m.count.orphan).toBe('1');
    expect(m.orphans_and_no_care).toBe('2');
  });

  it('gives the dynamics of the passport comparison, signed as in seed 001', () => {
    const compare = kk.passport.compare!;
    for (const d of m.dynamics) {
      const c = compare.categories[d.code]!;
      expect(d.before_pair).toBe(`${c.students}/${c.families}`);
      expect(d.students_change).toBe(formatChange(c.studentsChangePct));
      expect(d.families_change).toBe(formatChange(c.familiesChangePct));
    }
    expect(m.dynamics.find((d) => d.code === 'asp')).toMatchObject({ before_pair: '1/1', now_pair: '2/1', students_change: '+100 %', families_change: '0 %' });
    expect(m.dynamics.find((d) => d.code === 'low_income')).toMatchObject({ students_change: '−75 %', families_change: '−66,7 %' });
    expect(m.dynamics.find((d) => d.code === 'kandas')?.students_change).toBe('—');
    // Categories with no pupil in either year are left out of the dynamics.
    expect(m.dynamics.map((d) => d.code)).not.toContain('no_such');
    expect(m.has_compare).toBe(true);
  });

  it('takes aid and meals from the aid register, applications and the meal\'s cost from the notes tab: tenge with its sign and thousands apart', () => {
    expect(m.aid).toMatchObject({
      applications: '57', has_applications: true, road: '2', road_amount: '37\u00a0000 ₸', sponsor_money: '30\u00a0000 ₸', has_sponsor: true,
      financial: '2', material: '0', food: '0', fund: '2', gifts: '1', has_gifts: true, has_road: true, has_any: true,
      total: { pupils: '5', records: '9', amount: '194\u00a0456 ₸' },
    });
    expect(m.aid.kinds.map((k) => k.code)).toEqual(['school_road', 'fund_cash', 'fund_material', 'food', 'meals_fund', 'meals_tenant', 'sponsor', 'gift', 'camp', 'textbooks']);
    expect(m.aid.kinds[1]).toEqual({ code: 'fund_cash', label: 'ЖББҚ қаржылай көмегі (№64 қаулы)', pupils: '2', records: '2', amount: '92\u00a0456 ₸' });
    expect(m.meals).toMatchObject({ now: '3', before: '5', difference: '2', change: '−40 %', decreased: true, increased: false, cost: '603 ₸', fund: '1', tenant: '1', has_register: true });
    expect([m.camps, m.has_camps]).toEqual(['1', true]);
    // The plan's activities marked done, under their directions.
    expect(m.plan.events.I).toBe('– Әлеуметтік педагогтің жылдық жоспарын құру (05.09.2025)');
    expect(m.plan.events.II).toMatch(/^– «Мектепке жол» қайырымдылық акциясы: .* \(15\.09\.2025\)$/);
    expect(m.plan.events.III).toBe('');
    expect([m.plan.done, m.plan.total, m.plan.has_plan]).toEqual(['4', '61', true]);
    expect(m.registers).toEqual({ school: '1', risk: '2', police: '1', any: true });
    expect(m.notes.rights_events).toBe('Бірінші шара.\nЕкінші шара.');
    expect(m.notes.my_own_key).toBe('Өз жазбам');
    expect(m.has_swot).toBe(true);
  });

  it('draws both charts; without a comparison, one year of bars and no dynamics', () => {
    expect(m.charts.categories).not.toBeNull();
    expect(m.charts.dynamics).not.toBeNull();
    const alone = fixture('kk', { compare: false });
    const single = schoolModel(reportContext(alone.registry, alone.passport, { lang: 'kk', today: TODAY }), dotCharts);
    expect(single.has_compare).toBe(false);
    expect(single.dynamics).toEqual([]);
    expect(single.charts.dynamics).toBeNull();
    expect(single.categories[0]!.students_change).toBe('');
  });

  it('chart data follow the passport: last year and this year per category, changes in %', () => {
    const bars = categoriesChart(ctx);
    expect(bars.kind === 'grouped-bars' && bars.series.map((s) => s.name)).toEqual(['2024-2025', '2025-2026']);
    const orphan = bars.kind === 'grouped-bars' ? bars.rows.find((r) => r.label === 'Жетім') : undefined;
    expect(orphan).toEqual({ label: 'Жетім', values: [2, 1], texts: ['2/2', '1/1'] });
    const changes = dynamicsChart(ctx);
    expect(changes.kind === 'change-bars' && changes.rows.map((r) => r.text)).toEqual(m.dynamics.filter((d) => d.students_change !== '—').map((d) => d.students_change));
  });

  it('holds no name at all: the director reads aggregates', () => {
    const text = JSON.stringify(m);
    for (const p of kk.registry.pupils) expect(text).not.toContain(p.fullName);
  });
});

describe('the class passport', () => {
  const m = classPassportModel(ctx, '5А');
  it('counts the class as the passport does and names each category\'s pupils in Kazakh order', () => {
    const figures = kk.passport.classes['5А']!;
    expect(m.class).toMatchObject({ name: '5А', teacher: 'Teacher 5А', students: '5', families: '5', boys: '3', girls: '2' });
    for (const c of m.categories) expect(c.students).toBe(String(figures.categories[c.code]!.students));
    expect(m.categories.find((c) => c.code === 'free_meals')!.names).toBe('Ахметова Айгерім Нұрланқызы\nӘбенов Әлихан Серікұлы');
    expect(m.pupils.map((p) => p.full_name)).toEqual([FORMULA_NAME, 'Ахметова Айгерім Нұрланқызы', 'Әбенов Әлихан Серікұлы', 'Бекова Ұлжан Ерланқызы']);
    expect(m.present.map((c) => c.code)).toContain('home_schooled');
  });
  it('names a pupil on the police register under that flag, and says nothing more of it', () => {
    const m = classPassportModel(ctx, '9Б');
    expect(m.categories.find((c) => c.code === 'police_register')!.names).toBe('Сидоров Олег Петрович');
    expect(JSON.stringify(m)).not.toContain(POLICE_NOTE);
  });
  it('of a class without pupils is all zeros', () => {
    const empty = classPassportModel(ctx, '11А');
    expect(empty.class.students).toBe('0');
    expect(empty.has_pupils).toBe(false);
  });
});

describe('the lists', () => {
  const list = (key: keyof typeof defaultLists, c = ctx) => listModel(c, { key, ...defaultLists[key] });

  it('name every orphan and child without parental care with the guardian, in school order', () => {
    const m = list('orphans');
    const expected = kk.registry.pupils.filter((p) => p.categories.includes('orphan') || p.categories.includes('no_parental_care'));
    expect(m.pupils.map((p) => p.full_name).sort()).toEqual(expected.map((p) => p.fullName).sort());
    expect(m.pupils.map((p) => [p.class, p.categories, p.guardian])).toEqual([
      ['5А', 'Жетім', 'Әбенова Гүлмира Қайратқызы'],
      ['5Ә', 'Ата-анасының қамқорлығынсыз қалған', 'Қамқоршы <b>Ана</b>'],
    ]);
    expect(m.list).toMatchObject({ key: 'orphans', students: '2', families: '2' });
    expect(m.pupils[1]!.full_name).toBe(SCRIPT_NAME);
  });

  it('number families so that brothers and sisters share one', () => {
    const m = list('large_families');
    expect(m.pupils.map((p) => [p.class, p.family, p.children])).toEqual([['5А', '1', '5'], ['5Ә', '1', '5']]);
    expect(m.list.families).toBe('1');
  });

  it('of Resolution No. 64: groups 1–4 from the categories, 5 by the council', () => {
    const m = list('res64');
    const groups = Object.fromEntries(m.pupils.map((p) => [p.full_name, p.groups]));
    expect(groups).toEqual({
      'Әбенов Әлихан Серікұлы': '3',
      'Ахметова Айгерім Нұрланқызы': '1',
      'Ахметов Нұрсұлтан Нұрланұлы': '1',
      [SCRIPT_NAME]: '3',
      'Ғалымов Ерлан Асқарұлы': '2',
      'Жұмабаев Тимур Болатұлы': '5',
      [BRACES_NAME]: '4',
    });
    expect(m.groups.map((g) => g.students)).toEqual(['2', '1', '2', '1', '1']);
    expect(m.pupils[0]!.iin).toMatch(/^\d{12}$/);
  });

  it('of registers show the flags and nothing of the police case', () => {
    const m = list('registers');
    expect(m.pupils.map((p) => [p.full_name, p.school_register, p.risk_group, p.police_register])).toEqual([
      ['Өтегенова Інжу Маратқызы', '', '✓', ''],
      ['Сидоров Олег Петрович', '✓', '✓', '✓'],
    ]);
    for (const key of defaultListKeys) expect(JSON.stringify(list(key))).not.toContain(POLICE_NOTE);
  });

  it('asked for by category codes or names get a title made of the names', () => {
    const found = listOf('step_parent; Қолайсыз отбасы', kk.registry.catalogue);
    expect('list' in found && found.list).toMatchObject({ key: 'step_parent+dysfunctional_family', template: 'list-families' });
    const m = listModel(ctx, (found as { list: Parameters<typeof listModel>[1] }).list);
    expect(m.list.title).toBe('Оқушылар тізімі: Өгей ата-анасымен тұратын, Қолайсыз отбасы');
    expect(m.pupils.map((p) => p.full_name)).toEqual(['Жұмабаев Тимур Болатұлы', 'Өтегенова Інжу Маратқызы']);
    expect(listOf('no-such-thing', kk.registry.catalogue)).toEqual({ unknown: 'no-such-thing' });
  });

  it('are titled in Russian in a Russian context', () => {
    expect(list('half_orphans', ru).list.title).toBe('Список учащихся-полусирот');
  });
});

describe('the pupil profile', () => {
  it('fills what the registry knows and leaves the case-file fields to be written by hand', () => {
    const orphan = ctx.pupils.find((p) => p.categories.includes('orphan'))!;
    const m = profileModel(ctx, orphan).pupil;
    expect(m).toMatchObject({
      full_name: 'Әбенов Әлихан Серікұлы',
      class: '5А',
      age: '12',
      birth_date: '15.03.2014',
      disability: 'жоқ',
      home_schooled: 'жоқ',
      special_needs: 'жоқ',
      family_status: '—',
      attendance: '',
      behaviour: '',
      characteristic: '',
    });
    expect(m.family_composition).toBe('қамқоршысы: Әбенова Гүлмира Қайратқызы');
    const sister = profileModel(ru, ru.pupils.find((p) => p.fullName.startsWith('Ахметова'))!).pupil;
    expect(sister.family_composition).toBe('детей в семье: 5; многодетная семья; братьев и сестёр в этой школе: 1');
    expect(sister.family_status).toBe('Многодетная семья, Получатели АСП');
  });
  it('of a pupil on the police register carries the flag only', () => {
    const m = profileModel(ctx, ctx.pupils.find((p) => p.categories.includes('police_register'))!);
    expect(JSON.stringify(m)).not.toContain(POLICE_NOTE);
    expect(m.pupil.categories).toContain('Ювеналдық полиция есебінде');
  });
});

describe('the notes tab', () => {
  it('starts with the keys the annual report reads, and a school may add its own', () => {
    const keys = noteKeys();
    const m = schoolModel(ctx);
    for (const key of keys) expect(m.notes).toHaveProperty(key);
    expect(keys).toEqual(tabSpec('notes').starterRows.map((r) => r.key));
  });
  it('without the tab, every known note is empty and the templates still fill', () => {
    const none = fixture('kk', { notes: null });
    const m = schoolModel(reportContext(none.registry, none.passport, { lang: 'kk', today: TODAY }));
    expect(m.notes.rights_events).toBe('');
    // The aid register still says what was given; the applications and the meal's cost were notes.
    expect(m.aid.has_applications).toBe(false);
    expect(m.aid.applications).toBe('—');
    expect(m.meals.has_cost).toBe(false);
    const bare = fixture('kk', { notes: null, registers: false });
    const b = schoolModel(reportContext(bare.registry, bare.passport, { lang: 'kk', today: TODAY }));
    expect([b.aid.has_road, b.aid.has_any, b.meals.has_register, b.has_camps, b.plan.has_plan]).toEqual([false, false, false, false, false]);
    expect(readNotes(undefined).unreadable).toBeNull();
  });
  it('every path of a model is described for a help tab', () => {
    const paths = describeModel(schoolModel(ctx, dotCharts)).map((p) => p.placeholder);
    expect(paths).toContain('{{count.orphan}}');
    expect(paths).toContain('{{#dynamics}} … {{/dynamics}}');
    expect(paths).toContain('{{image:charts.categories}}');
  });
});

describe('the report date', () => {
  it('is the last day of the school year when the documents are made after it, ages on that day', () => {
    const late = reportContext(kk.registry, kk.passport, { lang: 'kk', today: '2026-12-01' });
    expect(late.today).toBe('2026-05-31');
    expect(schoolBlock(late).date).toBe('31.05.2026');
  });

  it('is the day the documents are made while the school year runs', () => {
    expect(reportContext(kk.registry, kk.passport, { lang: 'kk', today: '2026-02-10' }).today).toBe('2026-02-10');
  });

  it('is the date the school gave in its settings, whenever the documents are made', () => {
    const registry = { ...kk.registry, settings: { ...kk.registry.settings, reportDate: '2026-05-25' } };
    expect(reportContext(registry, kk.passport, { lang: 'kk', today: '2026-12-01' }).today).toBe('2026-05-25');
  });
});
