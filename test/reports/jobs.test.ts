// Report jobs as data: the reports tab's rows, the documents each makes, and every problem named with its row.
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { planReports } from '../../src/app/reports';
import { planSetup } from '../../src/app/setup';
import type { Cell } from '../../src/domain/sheet';
import { readRegistry } from '../../src/domain/registry/registry';
import { tabSpec, type Lang } from '../../src/domain/template';
import { defaultJobs, documentFileName, planJob, readJobs, safeFileName, type Job } from '../../src/reports/jobs';
import { reportContext } from '../../src/reports/models/context';
import { tab } from '../support/workbook';
import { fixture, TODAY } from './fixture';

const kk = fixture('kk');
const ctx = reportContext(kk.registry, kk.passport, { lang: 'kk', today: TODAY });

const job = (over: Partial<Job>): Job => ({
  row: 7, active: true, template: '', scope: '', filter: '', language: null, fileName: '', folder: '', pdf: false, ...over,
});

function reportsTab(lang: Lang, rows: Record<string, Cell>[]) {
  const spec = tabSpec('reports');
  return tab(spec.title[lang], [spec.columns.map((c) => c.header[lang]), ...rows.map((r) => spec.columns.map((c) => r[c.key] ?? null))], 'reports');
}

describe('the default jobs', () => {
  it('are the layout\'s starter rows: every report active but the profiles, worded in the language', () => {
    const jobs = defaultJobs('kk');
    expect(jobs).toHaveLength(tabSpec('reports').starterRows.length);
    // Made on demand (--only): one document per class or per act, or per pupil.
    expect(jobs.filter((j) => !j.active).map((j) => j.template)).toEqual(['movement-class', 'inspection-act', 'profile']);
    expect(jobs[2]).toMatchObject({ template: 'class-passport', scope: 'class', fileName: '{{class.name}} сыныбының әлеуметтік паспорты', folder: 'Сынып паспорттары' });
    expect(defaultJobs('ru')[2]!.folder).toBe('Паспорта классов');
  });

  it('are what setup writes into a new registry\'s reports tab, which reads back as the same jobs', () => {
    const wb = new MemoryWorkbook();
    wb.apply(planSetup(wb.read(), { lang: 'ru', settings: { school_year: '2025-2026' } }).changes);
    const read = readJobs(readRegistry(wb.read()).tabs.reports);
    expect(read.problems).toEqual([]);
    expect(read.jobs!.map(({ row: _row, ...j }) => j)).toEqual(defaultJobs('ru').map(({ row: _row, ...j }) => j));
    expect(read.jobs![0]!.row).toBe(2);
  });
});

describe('planning a job', () => {
  it('makes a passport per class with pupils, and names an empty class instead of printing it', () => {
    const { documents, problems } = planJob(ctx, job({ scope: 'class' }));
    expect(documents.map((d) => d.key)).toEqual(['row 7|class:5А', 'row 7|class:5Ә', 'row 7|class:9Б']);
    expect(documents.every((d) => d.template.kind === 'default' && d.template.name === 'class-passport')).toBe(true);
    expect(problems.map((p) => [p.code, p.severity, p.message.kk])).toEqual([['empty_class', 'warning', '11А сыныбында оқушы жоқ: оның паспорты жасалмады']]);
  });

  it('makes every default list, each with its own template, when a category job names none', () => {
    const { documents } = planJob(ctx, job({ scope: 'category' }));
    expect(documents.map((d) => d.subject.kind === 'list' && `${d.subject.list.key}:${d.template.kind === 'default' && d.template.name}`)).toEqual([
      'orphans:list-orphans', 'half_orphans:list', 'large_families:list-families', 'low_income:list-families',
      'incomplete_families:list-families', 'special_needs:list', 'home_schooled:list', 'kandas:list',
      'registers:list-registers', 'free_meals:list-meals', 'res64:list-res64',
    ]);
  });

  it('finds pupils by class, category or IIN', () => {
    const byClass = planJob(ctx, job({ scope: 'pupil', filter: '5а; orphan' })).documents;
    expect(byClass.map((d) => d.subject.kind === 'pupil' && d.subject.pupil.fullName)).toEqual(['Әбенов Әлихан Серікұлы']);
    const someone = kk.registry.pupils[3]!;
    const byIin = planJob(ctx, job({ scope: 'pupil', filter: someone.iin })).documents;
    expect(byIin.map((d) => d.key)).toEqual([`row 7|pupil:${someone.iin}`]);
  });

  it('keys every document uniquely, a pupil by IIN unless the IIN is written twice', () => {
    const twice = fixture('kk');
    const [a, b] = twice.registry.pupils as [typeof twice.registry.pupils[0], typeof twice.registry.pupils[0]];
    b.iin = a.iin;
    const keys = planReports(twice.registry, twice.passport, { today: TODAY, only: ['profiles'] }).documents.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(`default:profile|pupil:${a.className}/${a.row}`);
    expect(keys).toContain(`default:profile|pupil:${twice.registry.pupils[2]!.iin}`);
  });

  it('names the row and what is wrong in it: scope, filter, template, a missing template name', () => {
    const messages = (j: Partial<Job>) => planJob(ctx, job(j)).problems.map((p) => p.message.ru);
    expect(messages({ scope: 'klass' })).toEqual(['лист «Отчёты», строка 7: неизвестный охват «klass» (school, class, category, pupil)']);
    expect(messages({ scope: 'category', filter: 'orphan; wizards' })).toEqual(['лист «Отчёты», строка 7: фильтр «wizards» — не список, не категория, не класс и не ИИН']);
    expect(messages({ scope: 'class', filter: '5А, 12Я' })).toEqual(['лист «Отчёты», строка 7: фильтр «12Я» — не список, не категория, не класс и не ИИН']);
    expect(messages({ scope: 'class', template: 'profile' })).toEqual(['лист «Отчёты», строка 7: шаблон «profile» не предназначен для охвата «class»']);
    expect(messages({ scope: 'school' })).toEqual(['лист «Отчёты», строка 7: для охвата «school» укажите шаблон']);
    expect(messages({ scope: 'pupil', filter: '9Б; kandas' })).toEqual(['лист «Отчёты», строка 7: нет учеников под фильтр «9Б; kandas»']);
  });

  it('takes a default template however it is written, and anything else as a template of the school\'s own', () => {
    const one = (template: string, scope = '') => planJob(ctx, job({ template, scope })).documents[0]!.template;
    expect(one('Annual-Report.kk.docx')).toEqual({ kind: 'default', name: 'annual-report' });
    expect(one('шаблоны/мой паспорт.docx', 'school')).toEqual({ kind: 'custom', ref: 'шаблоны/мой паспорт.docx' });
  });

  it('in the job\'s language, unless the command line says otherwise', () => {
    expect(planJob(ctx, job({ scope: 'school', template: 'annual-report', language: 'ru' })).documents[0]!.lang).toBe('ru');
    expect(planJob(ctx, job({ scope: 'school', template: 'annual-report', language: 'ru' }), { lang: 'kk' }).documents[0]!.lang).toBe('kk');
    expect(planJob(ctx, job({ scope: 'school', template: 'annual-report' })).documents[0]!.lang).toBe('kk');
  });
});

describe('file names', () => {
  const doc = planJob(ctx, job({ scope: 'class', filter: '5А', fileName: '{{class.name}}: паспорт / {{school.year}}' })).documents[0]!;
  const plan = planReports(kk.registry, kk.passport, { today: TODAY });
  const model = plan.model(doc);

  it('are the job\'s pattern filled like a template, safe for every file system', () => {
    expect(documentFileName(doc, model)).toEqual({ name: '5А паспорт 2025-2026', problem: null });
    expect(safeFileName(' ..a<b>c|d?\n ')).toBe('a b c d');
  });

  it('fall back to a default name, and say why, when the pattern asks for what the model lacks', () => {
    const bad = { ...doc, job: { ...doc.job, fileName: '{{clas.name}}' } };
    const named = documentFileName(bad, model);
    expect(named.name).toBe('class-passport 5А');
    expect(named.problem?.message.kk).toBe('«Есептер» парағы, 7-жол: файл атауындағы «{{clas.name}}» белгісі деректерде жоқ; әдепкі атау берілді');
  });
});

describe('choosing reports', () => {
  it('runs the active jobs of the reports tab, or the defaults without one', () => {
    const plan = planReports(kk.registry, kk.passport, { today: TODAY });
    expect(plan.documents.some((d) => d.scope === 'pupil')).toBe(false);
    expect(plan.documents.filter((d) => d.scope === 'class')).toHaveLength(3);
    expect(plan.problems.map((p) => p.code)).toEqual(['empty_class']);
    const keys = plan.documents.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('--only names reports by scope, plural, template or list, and runs them even when not ticked', () => {
    const only = (...words: string[]) => planReports(kk.registry, kk.passport, { today: TODAY, only: words });
    expect(only('profiles').documents).toHaveLength(kk.registry.pupils.length);
    expect(only('orphans', 'res64').documents.map((d) => d.key)).toEqual(['default:orphans|category:orphans', 'default:res64|category:res64']);
    expect(only('annual-report').documents.map((d) => d.key)).toEqual(['default:annual-report|school']);
    expect(only('wizards').unmatched).toEqual(['wizards']);
  });

  it('takes the rows of the reports tab; asked for what it lacks, the default job of it', () => {
    const withTab = fixture('kk');
    withTab.registry.tabs.reports = reportsTab('kk', [
      { active: true, template: 'school-passport', scope: 'school', file_name: 'Паспорт' },
      { active: false, template: 'annual-report', scope: 'school' },
      { active: true, scope: 'category', filter: 'kandas', language: 'ru', folder: 'Списки' },
    ]);
    const plan = planReports(withTab.registry, withTab.passport, { today: TODAY });
    expect(plan.documents.map((d) => [d.key, d.lang, d.folder])).toEqual([
      ['row 2|school', 'kk', ''],
      ['row 4|category:kandas', 'ru', 'Списки'],
    ]);
    const profiles = planReports(withTab.registry, withTab.passport, { today: TODAY, only: ['profiles'] });
    expect(profiles.documents).toHaveLength(withTab.registry.pupils.length);
    expect(profiles.unmatched).toEqual([]);
  });
});
