import { categoryMatcher, readCategoryList, readRegistry, suggestCategory } from '../../../src/domain/registry/registry';
import { defaultCatalogue } from '../../../src/domain/template';
import { RegistryError } from '../../../src/domain/i18n';
import { book, pupil, settingsTab, tab } from '../../support/workbook';

describe('reading a class tab by its headers', () => {
  const p = pupil(5, { family_id: 'F7', large_family: true, children_in_family: 4 });

  it('reads a header typed in Russian', () => {
    const b = book('ru', { '5А': [p] });
    expect(readRegistry(b).pupils[0]).toMatchObject({ iin: p.iin, familyId: 'F7', categories: ['large_family'], childrenInFamily: 4 });
  });

  it('reads a header typed in Kazakh, with columns reordered and extra columns kept', () => {
    const rows = [
      ['Ескерту мұғалімнен', 'ЖСН', 'Туған күні', 'Оқушының аты-жөні', 'Жынысы', 'Көпбалалы отбасы'],
      ['жақсы оқиды', p.iin, '15.03.2014', 'Әлиев Нұрсұлтан', 'ұл', 'иә'],
    ];
    const b = { tabs: [settingsTab('kk', { school_year: '2025-2026' }), tab('5А', rows)] };
    const [read] = readRegistry(b).pupils;
    expect(read).toMatchObject({ fullName: 'Әлиев Нұрсұлтан', birthDate: '2014-03-15', sex: 'M', categories: ['large_family'] });
    expect(read.extra).toEqual({ 'Ескерту мұғалімнен': 'жақсы оқиды' });
  });

  it('finds the header below title rows and reads short headers people use (ФИО, ИИН)', () => {
    const rows = [['Социальный паспорт 5 «А» класса'], [], ['№', 'ФИО', 'ИИН', 'Дата рождения', 'Пол'], [1, 'Иванов Иван', p.iin, new Date(Date.UTC(2014, 2, 15)), 'М']];
    const registry = readRegistry({ tabs: [settingsTab('ru'), tab('5А', rows)] });
    expect(registry.pupils).toHaveLength(1);
    expect(registry.pupils[0]).toMatchObject({ row: 4, fullName: 'Иванов Иван', birthDate: '2014-03-15' });
  });

  it('skips rows that hold only their pre-typed number', () => {
    const rows = [['№', 'ФИО', 'ИИН', 'Дата рождения', 'Пол'], [1, 'Иванов Иван', p.iin, '15.03.2014', 'М'], [2], [3, '', '', '', '']];
    expect(readRegistry({ tabs: [settingsTab('ru'), tab('5А', rows)] }).pupils).toHaveLength(1);
  });

  it('skips rows whose only content is unticked checkboxes, as Sheets shows them below the list', () => {
    const b = book('kk', { '5А': [pupil(5), { orphan: false, kandas: false, free_meals: false }] });
    expect(readRegistry(b).pupils).toHaveLength(1);
  });

  it('reads the mess real sheets hold: жоқ/нет/—, TRUE, dates as serials, IINs as numbers', () => {
    const rows = [
      ['ФИО', 'ИИН', 'Дата рождения', 'Пол', 'Сирота', 'Полусирота', 'Кандас', 'Опекун'],
      ['А', 61211600012, 39062, 'ж', 'нет', 'да', '—', ''],
      ['Б', p.iin, '2014-03-15', 'Ұл', true, 'жоқ', 'иә', 'Опекун'],
    ];
    const [a, b] = readRegistry({ tabs: [settingsTab('ru'), tab('5А', rows)] }).pupils;
    expect(a).toMatchObject({ iin: '061211600012', birthDate: '2006-12-11', sex: 'F', categories: ['half_orphan'] });
    expect(b).toMatchObject({ sex: 'M', categories: ['orphan', 'kandas'] });
  });

  it('reads categories written as codes or labels in the other-categories column', () => {
    const b = book('kk', { '5А': [pupil(5, { other_categories: 'orphan; Многодетная семья, қандас' })] });
    expect(readRegistry(b).pupils[0].categories).toEqual(['orphan', 'kandas', 'large_family']);
  });

  it('reads category labels in Kazakh capitals as the lower-case labels of the categories tab', () => {
    // Every Kazakh letter with a capital: Ә Ғ Қ Ң Ө Ұ Ү Һ І (the labels hold ә қ ө ұ ү і among them).
    const typed = 'ЖЕТІМ; ҚАНДАС; ӨГЕЙ АТА-АНАСЫМЕН ТҰРАТЫН; ТӨТЕНШЕ ЖАҒДАЙДАН ЗАРДАП ШЕККЕН; ҮЙДЕ ОҚЫТЫЛАТЫН; ЕРЕКШЕ БІЛІМ БЕРУ ҚАЖЕТТІЛІГІ БАР (ЕБҚ)';
    const [p] = readRegistry(book('kk', { '5А': [pupil(5, { other_categories: typed })] })).pupils;
    expect(p.categories).toEqual(['orphan', 'sen', 'home_schooled', 'kandas', 'step_parent', 'emergency']);
    expect(p.unknownCategories).toEqual([]);
  });

  it('reads a label without its bracketed part, the abbreviation in brackets, and Latin look-alikes of Kazakh letters', () => {
    const typed = 'Аз қамтылған\nООП; ЕБҚ; ВШУ, Жетiм, Малообеспеченная';
    const [p] = readRegistry(book('ru', { '5А': [pupil(5, { other_categories: typed })] })).pupils;
    expect(p.categories).toEqual(['orphan', 'sen', 'school_register', 'low_income']);
    expect(p.unknownCategories).toEqual([]);
  });

  it('keeps a comma that belongs to a label a school added, and reports the words that name no category', () => {
    const catalogue = [...defaultCatalogue, { ...defaultCatalogue[0], code: 'guardianship', kk: 'Жетім, қамқоршыда', ru: 'Сирота, под опекой', exclusiveGroup: null }];
    const find = categoryMatcher(catalogue);
    expect(readCategoryList('Жетім, қамқоршыда; қандас, нәрсе', find)).toEqual({ categories: [catalogue.at(-1), catalogue[6]], unknown: ['нәрсе'] });
    expect(readCategoryList('жетім, қандас', find).categories.map((c) => c.code)).toEqual(['orphan', 'kandas']);
  });

  it('suggests the category a mistyped word most likely meant, and none for a word far from every name', () => {
    expect(suggestCategory(defaultCatalogue, 'orphn')?.code).toBe('orphan');
    expect(suggestCategory(defaultCatalogue, 'Жетм')?.code).toBe('orphan');
    expect(suggestCategory(defaultCatalogue, 'КӨПБАЛАЛЫ ОТБАСЫ')?.code).toBe('large_family');
    expect(suggestCategory(defaultCatalogue, 'спортшы')).toBeUndefined();
  });

  it('one family across classes shares one key; a pupil without family id is a family alone', () => {
    const b = book('kk', { '2А': [pupil(2, { family_id: ' f1 ' }), pupil(2)], '9Б': [pupil(9, { family_id: 'F1' })] });
    const [x, y, z] = readRegistry(b).pupils;
    expect(x.familyKey).toBe(z.familyKey);
    expect(y.familyKey).not.toBe(x.familyKey);
  });
});

describe('bad input', () => {
  it('a missing required column is an error naming the tab and the column, in the registry language', () => {
    const rows = [['ФИО', 'Дата рождения', 'Пол', 'Сирота'], ['А', '01.01.2014', 'М', '']];
    const b = { tabs: [settingsTab('ru'), tab('5А', rows)] };
    expect(() => readRegistry(b)).toThrow(RegistryError);
    try {
      readRegistry(b);
    } catch (e) {
      expect((e as RegistryError).text('ru')).toBe('на листе «5А» нет обязательного столбца «ИИН» (строка заголовков 1)');
      expect((e as RegistryError).text('kk')).toBe('«5А» парағында міндетті «ЖСН» бағаны жоқ (тақырып жолында 1-жол)');
    }
  });
  it('a workbook that is not a registry says so', () => {
    expect(() => readRegistry({ tabs: [tab('Sheet1', [['a', 'b']])] })).toThrow(expect.objectContaining({ code: 'not_a_registry' }));
  });
  it('an unreadable setting is reported, with the default kept', () => {
    const r = readRegistry(book('kk', {}, { large_family_threshold: 'төрт' }));
    expect(r.settings.largeFamilyThreshold).toBe(4);
    expect(r.settingProblems).toEqual([expect.objectContaining({ key: 'large_family_threshold', value: 'төрт' })]);
  });
});
