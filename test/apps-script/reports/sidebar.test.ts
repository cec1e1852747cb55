// The two sidebars: the progress page the reports run is driven from, and the placeholders each report offers.
import vm from 'node:vm';
import { runMenuItem } from '../../../src/apps-script/menu';
import { reportsSidebarHtml } from '../../../src/apps-script/reports/sidebar';
import { tabSpec } from '../../../src/domain/template';
import { fakeSchool } from '../school';

describe('the reports sidebar', () => {
  const html = reportsSidebarHtml('ru');

  it('calls the step and the progress targets, which end without "_" so that google.script.run can reach them', () => {
    expect(html).toContain('.qamqorReportsStep(draft)');
    expect(html).toContain('.qamqorReportsProgress()');
    expect(html).toContain('Начинаем…');
  });

  it('its script parses, puts text in with textContent only, and links only to Google Docs and Drive', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    expect(() => new vm.Script(script)).not.toThrow();
    expect(script).not.toMatch(/innerHTML|document\.write|eval\(/);
    expect(script).toContain('/^https:\\/\\/(docs|drive)\\.google\\.com\\//.test(url)');
  });

  it('refused for errors, offers drafts: ticking the box and pressing the button starts a draft run', () => {
    const steps: unknown[] = [];
    const elements = new Map<string, any>();
    const element = () => ({ style: {}, hidden: false, textContent: '', className: '', firstChild: null, checked: false, disabled: false, appendChild() {}, removeChild() {} });
    const answers = [{ blocked: true, error: 'errors', done: 0, total: 0 }, { stopped: null, finished: true, done: 3, total: 3, blocked: false }];
    const runner: any = {
      withSuccessHandler: (ok: (p: unknown) => void) => ({
        withFailureHandler: () => ({ qamqorReportsStep: (draft: unknown) => (steps.push(draft), ok({ summary: '', messages: [], documents: [], ...answers.shift() })) }),
      }),
    };
    const get = (id: string) => elements.get(id) ?? (elements.set(id, element()), elements.get(id));
    const context = vm.createContext({
      google: { script: { run: runner } },
      document: { getElementById: get, createElement: element, createTextNode: () => ({}) },
      setInterval: () => 0,
      setTimeout: () => 0,
    });
    vm.runInContext(/<script>([\s\S]*)<\/script>/.exec(html)![1]!, context);
    expect(steps).toEqual([false]);
    expect(get('blocked').hidden).toBe(false);
    expect(get('make').disabled).toBe(true);
    get('draft').checked = true;
    get('draft').onchange();
    expect(get('make').disabled).toBe(false);
    get('make').onclick();
    expect(steps).toEqual([false, true]);
    expect(get('blocked').hidden).toBe(true);
  });

  it('drives the run: the next step after a stop for time, none after the end or the day’s limit', () => {
    const calls: string[] = [];
    const elements = new Map<string, any>();
    const element = () => ({ style: {}, hidden: false, textContent: '', className: '', firstChild: null, appendChild() {}, removeChild() {} });
    const answers = [{ stopped: 'time', done: 5, total: 17 }, { stopped: 'time', done: 12, total: 17 }, { stopped: null, finished: true, done: 17, total: 17 }];
    const runner: any = {
      withSuccessHandler(ok: (p: unknown) => void) {
        return {
          withFailureHandler: () => ({
            qamqorReportsStep: () => {
              calls.push('step');
              ok({ summary: '', messages: [], documents: [], ...answers.shift() });
            },
          }),
          qamqorReportsProgress: () => calls.push('progress'),
        };
      },
    };
    const context = vm.createContext({
      google: { script: { run: runner } },
      document: { getElementById: (id: string) => elements.get(id) ?? (elements.set(id, element()), elements.get(id)), createElement: element, createTextNode: () => ({}) },
      setInterval: () => 0,
      setTimeout: () => 0,
    });
    vm.runInContext(/<script>([\s\S]*)<\/script>/.exec(html)![1]!, context);
    expect(calls).toEqual(['step', 'step', 'step']);
  });
});

describe('Placeholders available', () => {
  it('lists what every report’s model offers, escaped, from one read of the workbook and nothing written', () => {
    const google = fakeSchool(100);
    const settings = google.state.sheetByTitle(tabSpec('settings').title.kk)!;
    const row = (google.state.values(settings.title) as unknown[][]).findIndex((r) => r[0] === 'school_name');
    settings.cells.set(`${row},2`, { value: { stringValue: '<script>alert(1)</script> № 52' } });
    google.log.reset();
    runMenuItem(google, 'qamqorPlaceholders');
    const calls = google.log.byMethod();
    expect(calls['Sheets.Spreadsheets.get']).toBe(1);
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    expect(calls['Lock.tryLock']).toBeUndefined();
    const sidebar = google.ui.sidebars.at(-1)!;
    expect(sidebar.title).toBe('Qamqor: үлгілерге арналған белгілер');
    for (const p of ['{{school.name}}', '{{school.date}}', '{{class.teacher}}', '{{#pupils}} … {{/pupils}}', '{{full_name}}', '{{@index}}', '{{image:charts.categories}}', '{{#if has_pupils}} … {{/if}}', '{{pupil.full_name}}']) {
      expect(sidebar.html).toContain(p.replace(/"/g, '&quot;'));
    }
    expect(sidebar.html).toContain('Жылдық талдау есебі, Мектептің әлеуметтік паспорты');
    expect(sidebar.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; № 52');
    expect(sidebar.html).not.toContain('<script>alert(1)');
  });
});
