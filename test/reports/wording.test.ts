// The words a director and a social pedagogue read, correction by correction (issue «Documents a director signs»):
// number agreement by rule, Russian groups in count tables, a girl's status, the terms of Kazakhstan's institutions,
// one name for the annual report, abbreviations spelled out where they first appear.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tabSpec } from '../../src/domain/template';
import { extractText } from '../../src/local/docx';
import { reportContext } from '../../src/reports/models/context';
import { defaultLists, listModel } from '../../src/reports/models/lists';
import { profileModel } from '../../src/reports/models/profile';
import { schoolModel } from '../../src/reports/models/school';
import { countPhrases, res64Groups } from '../../src/reports/models/words';
import { fixture, TODAY } from './fixture';

const contexts = {
  kk: reportContext(fixture('kk').registry, fixture('kk').passport, { lang: 'kk', today: TODAY }),
  ru: reportContext(fixture('ru').registry, fixture('ru').passport, { lang: 'ru', today: TODAY }),
};
const template = (name: string) => extractText(readFileSync(join(__dirname, '../../sheets-template/reports', `${name}.docx`)));

describe('number agreement, by rule', () => {
  it.each([
    [1, '1 учащийся', 'обеспечен 1 учащийся', 'в 1 классе', 'из 1 семьи'],
    [2, '2 учащихся', 'обеспечены 2 учащихся', 'в 2 классах', 'из 2 семей'],
    [5, '5 учащихся', 'обеспечены 5 учащихся', 'в 5 классах', 'из 5 семей'],
    [21, '21 учащийся', 'обеспечен 21 учащийся', 'в 21 классе', 'из 21 семьи'],
    [1000, '1 000 учащихся', 'обеспечены 1 000 учащихся', 'в 1 000 классах', 'из 1 000 семей'],
  ])('ru %i: %s, %s, %s, %s', (n, students, meals, classes, families) => {
    // Thousands are set apart by a non-breaking space, so a figure never breaks across lines.
    const said = (phrase: keyof typeof countPhrases) => countPhrases[phrase].ru(n).replace(/[\u00a0\u202f]/g, ' ');
    expect(said('students')).toBe(students);
    expect(said('meals_now')).toBe(meals);
    expect(said('in_classes')).toBe(classes);
    expect(said('from_families')).toBe(families);
  });

  it('kk keeps the noun singular after a number: «21 оқушы», «659 отбасынан»', () => {
    expect(countPhrases.students.kk(21)).toBe('21 оқушы');
    expect(countPhrases.from_families.kk(659)).toBe('659 отбасынан');
  });

  it('the annual report says the totals through the rule: «обучался 1 учащийся», «олар … отбасынан шыққан»', () => {
    const m = schoolModel(contexts.ru);
    expect(m.said.studied).toBe(m.totals.students.endsWith('1') && !m.totals.students.endsWith('11') ? 'обучался' : 'обучались');
    expect(template('annual-report.ru')).toContain('{{said.in_classes}} {{said.studied}} {{said.students}}');
    expect(template('annual-report.kk')).toContain('олар {{said.from_families}} шыққан');
    expect(template('annual-report.ru')).toContain('бесплатным горячим питанием {{said.meals_now}}');
    expect(template('annual-report.ru')).toContain('поддержку {{said.road}} из семей');
  });
});

describe('Russian count tables name groups, lists name a pupil\'s status', () => {
  it('the school passport\'s categories are groups', () => {
    const labels = schoolModel(contexts.ru).categories.map((c) => c.label);
    for (const group of ['Дети-сироты', 'Дети, оставшиеся без попечения родителей', 'Дети с инвалидностью', 'Семьи, пострадавшие от ЧС', 'Родители с инвалидностью']) {
      expect(labels).toContain(group);
    }
  });

  it('a girl without parental care is «Оставшаяся без попечения родителей», a boy «Оставшийся…»', () => {
    const list = listModel(contexts.ru, { key: 'orphans', ...defaultLists.orphans });
    const girl = contexts.ru.registry.pupils.find((p) => p.sex === 'F' && p.categories.includes('no_parental_care'));
    const boy = contexts.ru.registry.pupils.find((p) => p.sex === 'M' && p.categories.includes('no_parental_care'));
    expect(boy).toBeDefined();
    expect(list.pupils.find((p) => p.full_name === boy!.fullName)!.categories).toBe('Оставшийся без попечения родителей');
    if (girl) expect(list.pupils.find((p) => p.full_name === girl.fullName)!.categories).toBe('Оставшаяся без попечения родителей');
    const asGirl = listModel(
      { ...contexts.ru, registry: { ...contexts.ru.registry, pupils: contexts.ru.registry.pupils.map((p) => (p === boy ? { ...p, sex: 'F' as const } : p)) } },
      { key: 'orphans', ...defaultLists.orphans },
    );
    expect(asGirl.pupils.find((p) => p.full_name === boy!.fullName)!.categories).toBe('Оставшаяся без попечения родителей');
  });

  it('a list of one category does not repeat its title on every row: the column holds the other categories', () => {
    const list = listModel(contexts.kk, { key: 'half_orphans', ...defaultLists.half_orphans });
    expect(list.list.category_header).toBe('Басқа санаттары');
    expect(list.pupils.every((p) => !p.categories.includes('Жартылай жетім'))).toBe(true);
    expect(listModel(contexts.kk, { key: 'orphans', ...defaultLists.orphans }).list.category_header).toBe('Санаты');
  });
});

describe('the terms of Kazakhstan\'s institutions', () => {
  it('the juvenile police is ОЮП, never the Russian Federation\'s ПДН', () => {
    const texts = ['list-registers.ru', 'school-passport.ru', 'annual-report.ru'].map(template).join('\n');
    const labels = contexts.ru.registry.catalogue.map((c) => c.ru).join('\n');
    expect(`${texts}\n${labels}`).not.toContain('ПДН');
    expect(labels).toContain('(ОЮП)');
  });

  it('group 5 of Resolution No. 64 is decided by the board of trustees', () => {
    expect(res64Groups[5].kk).toContain('Қамқоршылық кеңесі');
    expect(res64Groups[5].ru).toContain('попечительского совета');
    expect(template('list-res64.ru')).toContain('решением попечительского совета');
    expect(template('list-res64.kk')).toContain('Қамқоршылық кеңесінің шешімімен');
  });

  it('«Категория получателей» / «Санаты», not «Кто» / «Кімдер»', () => {
    expect(template('list-res64.ru')).toContain('Категория получателей');
    expect(template('list-res64.kk')).toContain('Санаты');
    expect(template('list-res64.kk')).not.toContain('Кімдер');
  });

  it('the meal\'s cost is per pupil per day; the aid table is by kind, pupils and amount', () => {
    expect(template('annual-report.ru')).toContain('Стоимость горячего питания одного учащегося в день');
    expect(template('annual-report.kk')).toContain('Бір оқушының күндік ыстық тамағының құны');
    expect(template('annual-report.kk')).toMatch(/Көмек түрі\tОқушылар\tСомасы/);
    expect(template('annual-report.ru')).toMatch(/Вид помощи\tУчащиеся\tСумма/);
  });

  it('«Ата-анасының қамқорлығынсыз қалған», «Сынып жетекшісі»', () => {
    expect(contexts.kk.registry.catalogue.find((c) => c.code === 'no_parental_care')!.kk).toBe('Ата-анасының қамқорлығынсыз қалған');
    expect(template('class-passport.kk')).toContain('Сынып жетекшісі');
    expect(tabSpec('classes').columns.find((c) => c.key === 'teacher')!.header.kk).toBe('Сынып жетекшісі');
  });

  it('a parent is «заңды өкілі» / «законный представитель»; only an orphan\'s is a guardian', () => {
    const orphan = contexts.kk.registry.pupils.find((p) => p.categories.includes('orphan') && p.guardian)!;
    expect(profileModel(contexts.kk, orphan).pupil.family_composition).toContain(`қамқоршысы: ${orphan.guardian}`);
    const parent = { ...orphan, categories: [], guardian: 'Әбенова Гүлмира Қайратқызы' };
    expect(profileModel(contexts.kk, parent).pupil.family_composition).toContain('заңды өкілі: Әбенова Гүлмира Қайратқызы');
    expect(profileModel(contexts.ru, parent).pupil.family_composition).toContain('законный представитель: Әбенова Гүлмира Қайратқызы');
    expect(profileModel(contexts.ru, parent).pupil.family_composition).not.toContain('опекун');
  });

  it('the profile says why the pupil is accompanied, registers first', () => {
    const pupil = contexts.kk.registry.pupils.find((p) => p.categories.includes('police_register'))!;
    expect(profileModel(contexts.kk, pupil).pupil.reason.split('; ')[0]).toBe('Ювеналдық полиция есебінде');
  });
});

describe('one document, one name; abbreviations spelled out first', () => {
  it.each(['kk', 'ru'] as const)('%s: the annual report\'s file name is its title', (lang) => {
    const row = tabSpec('reports').starterRows.find((r) => r.template === 'annual-report')!;
    const fileName = (row.file_name as Record<string, string>)[lang]!;
    expect(template(`annual-report.${lang}`)).toContain(fileName);
  });

  it('kk: АҚҚ and ЖББҚ are spelled out where they first appear', () => {
    const text = template('annual-report.kk');
    expect(text.indexOf('АҚҚ')).toBe(text.indexOf('(бұдан әрі – АҚҚ)') + '(бұдан әрі – '.length);
    expect(text.indexOf('ЖББҚ')).toBe(text.indexOf('(бұдан әрі – ЖББҚ)') + '(бұдан әрі – '.length);
  });
});
