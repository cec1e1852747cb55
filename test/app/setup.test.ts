import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planSetup } from '../../src/app/setup';
import { readRegistry } from '../../src/domain/registry/registry';
import { defaultCatalogue, layout } from '../../src/domain/template';

function freshRegistry(lang: 'kk' | 'ru' = 'kk') {
  const wb = new MemoryWorkbook();
  wb.apply(planSetup(wb.read(), { lang, settings: { school_year: '2025-2026', school_name: 'Мектеп' }, classes: [{ name: '1А' }, { name: '5 ә' }] }).changes);
  return wb;
}

/** The pedagogue's registers and their archive come after the other tabs, as the layout lists them. */
function registerTitles(lang: 'kk' | 'ru'): string[] {
  return layout.tabs.slice(layout.tabs.findIndex((t) => t.key === 'movements')).map((t) => t.title[lang]);
}

describe('setting up a new registry', () => {
  it('creates every tab of the layout in the chosen language, and a tab per class', () => {
    const titles = freshRegistry('ru').read().tabs.map((t) => t.title);
    expect(titles).toEqual(['Настройки', 'Классы', 'Категории', 'Социальный паспорт', 'Архив паспортов', 'Архив', 'Ошибки', 'Записи к отчёту', 'Отчёты', ...registerTitles('ru'), '1А', '5Ә']);
    expect(freshRegistry('kk').read().tabs.map((t) => t.title)).toContain('Баптаулар');
  });
  it('fills settings and the default catalogue, which read back as a registry', () => {
    const r = readRegistry(freshRegistry().read());
    expect(r.settings).toMatchObject({ schoolName: 'Мектеп', language: 'kk', largeFamilyThreshold: 4 });
    expect(r.settings.schoolYear?.name).toBe('2025-2026');
    expect(r.catalogue).toEqual(defaultCatalogue);
    expect(r.classTabs.map((c) => c.className)).toEqual(['1А', '5Ә']);
    expect(r.pupils).toEqual([]);
  });
  it('changes nothing when run a second time', () => {
    const wb = freshRegistry();
    expect(planSetup(wb.read(), { lang: 'kk' }).changes).toEqual([]);
  });
  it('still knows a renamed tab by its identity and does not make another', () => {
    const wb = freshRegistry();
    const settings = wb.read().tabs.find((t) => t.key === 'settings')!;
    wb.apply([{ kind: 'renameTab', tab: { id: settings.id }, title: 'Мектеп туралы' }]);
    expect(planSetup(wb.read(), { lang: 'kk' }).changes).toEqual([]);
  });
});

describe('formatting in the workbook’s language', () => {
  it.each([
    ['kk', ['ұл', 'қыз'], { yes: 'иә', no: 'жоқ' }, 'ЖСН: 12 цифр'],
    ['ru', ['М', 'Ж'], { yes: 'да', no: 'нет' }, 'ИИН: 12 цифр'],
  ] as const)('%s: the sex dropdown in its own spelling, checkbox words, a hint on every typed column', (lang, sex, flag, iinError) => {
    const changes = planSetup(new MemoryWorkbook().read(), { lang, settings: { school_year: '2025-2026' }, classes: [{ name: '5А' }] }).changes;
    const formats = changes.flatMap((c) => (c.kind === 'formatTable' && 'key' in c.tab && c.tab.key === 'class:5А' ? [c] : []));
    expect(formats).toHaveLength(1);
    const [format] = formats;
    // The pupil's name stays in view: № and the name column are frozen with the header.
    expect(format.frozenColumns).toBe(2);
    const byType = (type: string) => format.columns.filter((c) => c.type === type);
    expect(byType('sex').map((c) => c.allowed)).toEqual([[...sex]]);
    expect(byType('checkbox').length).toBeGreaterThan(10);
    for (const c of byType('checkbox')) expect(c.flag).toEqual(flag);
    for (const c of format.columns.filter((c) => c.type !== 'text')) expect(c.hint?.prompt).toBeTruthy();
    expect(byType('iin')[0].hint?.errorTitle).toBe(iinError);
    expect(byType('text').every((c) => c.hint === undefined)).toBe(true);
    // Other tabs freeze their header row only.
    const settings = changes.find((c) => c.kind === 'formatTable' && 'key' in c.tab && c.tab.key === 'settings');
    expect(settings).toMatchObject({ frozenColumns: 0 });
  });
});

describe('repairing', () => {
  it('a category added to the catalogue becomes a column of every class tab, after the columns there', () => {
    const wb = freshRegistry();
    const cats = wb.read().tabs.find((t) => t.key === 'categories')!;
    wb.apply([{ kind: 'appendRows', tab: { id: cats.id }, values: [['sport', 'Спортшы', 'Спортсмен', 'pupil', 'category']] }]);
    const cls = wb.read().tabs.find((t) => t.title === '1А')!;
    const width = cls.rows[0].length;
    wb.apply([{ kind: 'writeCells', tab: { id: cls.id }, row: 1, col: 1, values: [['Әлиев Әли']] }]);
    const plan = planSetup(wb.read(), { lang: 'kk' });
    expect(plan.extended).toEqual(['1А', '5Ә']);
    wb.apply(plan.changes);
    const after = wb.read().tabs.find((t) => t.title === '1А')!;
    expect(after.rows[0][width]).toBe('Спортшы');
    expect(after.rows[1][1]).toBe('Әлиев Әли');
    expect(readRegistry(wb.read()).catalogue.map((c) => c.code)).toContain('sport');
  });
  it('a class listed in the classes tab gets its tab; a missing tab of the layout is made again', () => {
    const wb = freshRegistry();
    const classes = wb.read().tabs.find((t) => t.key === 'classes')!;
    const issues = wb.read().tabs.find((t) => t.key === 'issues')!;
    wb.apply([{ kind: 'appendRows', tab: { id: classes.id }, values: [['11Б']] }, { kind: 'removeTab', tab: { id: issues.id } }]);
    expect(planSetup(wb.read(), { lang: 'kk' }).created).toEqual(['Қателер', '11Б']);
  });
});
