// "Generate reports" on the fake Google services, as the sidebar drives it: steps under the time limit that resume
// where they stopped, a re-run that replaces every document, the day's limit of new Docs, a missing template and
// a template with a typo named in both languages while the other documents are still made, text written as typed,
// and what each kind of document costs in calls to Google.
import { runMenuItem } from '../../../src/apps-script/menu';
import { googleDocText } from '../../../src/apps-script/reports/render';
import { reportsProgress, reportsStep, type Progress } from '../../../src/apps-script/reports/run';
import { tabSpec, type Lang } from '../../../src/domain/template';
import type { Cell } from '../../../src/domain/sheet';
import type { FakeGoogle } from '../../fakes/google';
import { docFromDocx, MIME, type FakeFile } from '../../fakes/google-drive';
import { textNodes } from '../../fakes/google-docs';
import { diskTemplates } from '../../fakes/google';
import { inProcess } from '../../fakes/latency';
import { fakeSchool } from '../school';

/** Ten pupils a class, four classes: seventeen documents by the default jobs. */
const SCHOOL = 100;

function school(options: { lang?: Lang; clock?: 'modeled' } = {}): FakeGoogle {
  // Without the demo's deliberate mistakes: documents to sign are made only over a registry without errors.
  return fakeSchool(SCHOOL, { clock: options.clock ?? 'modeled', lang: options.lang ?? 'kk', locale: options.lang === 'ru' ? 'ru_RU' : 'kk_KZ', mistakes: false });
}

/** The reports tab: its rows as values, and a setter by column key for the job of row `row` (1-based sheet row). */
function reportsTab(google: FakeGoogle, lang: Lang = 'kk') {
  const title = tabSpec('reports').title[lang];
  const sheet = google.state.sheetByTitle(title)!;
  const header = google.state.values(title)[0] as string[];
  const col = (key: string) => header.indexOf(tabSpec('reports').columns.find((c) => c.key === key)!.header[lang]);
  return {
    sheet,
    rows: () => google.state.values(title) as Cell[][],
    cell: (row: number, key: string) => sheet.cells.get(`${row - 1},${col(key)}`),
    set(row: number, key: string, value: string | boolean) {
      sheet.cells.set(`${row - 1},${col(key)}`, { value: typeof value === 'boolean' ? { boolValue: value } : { stringValue: value } });
    },
    /** Only these sheet rows stay active. */
    only(...rows: number[]) {
      for (let r = 2; r <= google.state.values(title).length; r++) this.set(r, 'active', rows.includes(r));
    },
  };
}

// Sheet rows of the starter jobs: 2 annual report, 3 school passport, 4 class passports, 5 orphans … 10 special needs
// (the plain list template) … 15 res64, 16 profiles.
// Documents of the default jobs on this school: the registry's seventeen, the annual plan and the two aid documents
// (the «Мектепке жол» report, the Resolution No. 64 payments), the school's movement report and the inspection schedule.
const DOCS = 17 + 3 + 2;
// The profiles job is the layout's last starter row: found there, whatever register documents come before it.
const ROW = { annual: 2, schoolPassport: 3, classes: 4, orphans: 5, specialNeeds: 10, res64: 15, profiles: 2 + tabSpec('reports').starterRows.findIndex((r) => r.template === 'profile') } as const;

/** A document's text as the Docs API reads it back. */
const textOf = (google: FakeGoogle, id: string) => googleDocText(google.Docs.Documents.get(id));

function step(google: FakeGoogle, budgetMs?: number): Progress {
  google.log.reset();
  const p = reportsStep(google, budgetMs ? { budgetMs } : {});
  google.endExecution();
  return p;
}

/** Steps as the sidebar takes them: again while a step stopped for time. */
function runAll(google: FakeGoogle, budgetMs?: number): Progress[] {
  const steps: Progress[] = [];
  do steps.push(step(google, budgetMs));
  while (steps.at(-1)!.stopped === 'time' && steps.length < 50);
  return steps;
}

/** Documents in Qamqor/Reports, not trashed. */
function liveReports(google: FakeGoogle): FakeFile[] {
  const reports = google.drive.folderAt('Qamqor', 'Reports')!;
  const under = (id: string): boolean => id === reports.id || [...google.drive.files.values()].some((f) => f.id === id && f.parents.some(under));
  return [...google.drive.files.values()].filter((f) => !f.trashed && f.mimeType !== MIME.folder && f.parents.some(under));
}

describe('calls to Google per document, on a re-run (the previous document to replace), templates and folders made', () => {
  /** What one document costs: its copy, its batch, its pictures and PDF, what it replaces; not what an execution reads once. */
  const PER_DOCUMENT = /^(Drive\.Files\.(copy|update|export|create)|Docs\.Documents\.batchUpdate|DocumentApp\.|Document\.|Body\.|HeaderSection\.|FooterSection\.|Paragraph\.|ListItem\.|InlineImage\.)/;

  function costOf(setUp: (tab: ReturnType<typeof reportsTab>, google: FakeGoogle) => void): { perDocument: Record<string, number>; calls: number; all: Record<string, number> } {
    const google = school();
    setUp(reportsTab(google), google);
    runAll(google);
    const [p] = runAll(google);
    expect(p).toMatchObject({ finished: true, made: 1, failed: 0 });
    const all = Object.fromEntries(Object.entries(google.log.byMethod()).filter(([m]) => !inProcess(m)));
    const perDocument = Object.fromEntries(Object.entries(all).filter(([m]) => PER_DOCUMENT.test(m)));
    return { perDocument, calls: Object.values(perDocument).reduce((n, c) => n + c, 0), all };
  }
  const firstClass = (google: FakeGoogle) => google.state.sheets.map((x) => x.metadata.find((m) => m.metadataValue?.startsWith('class:'))?.metadataValue).find(Boolean)!.slice('class:'.length);
  const THREE = { 'Drive.Files.copy': 1, 'Docs.Documents.batchUpdate': 1, 'Drive.Files.update': 1 };

  it('a class passport: three (the copy, one batchUpdate, the old one to the trash)', () => {
    const cost = costOf((tab, google) => {
      tab.only(ROW.classes);
      tab.set(ROW.classes, 'filter', firstClass(google));
    });
    expect(cost.perDocument).toEqual(THREE);
  });

  it('a class passport with its PDF: two more (Drive’s export, the old PDF’s content replaced in place)', () => {
    const cost = costOf((tab, google) => {
      tab.only(ROW.classes);
      tab.set(ROW.classes, 'filter', firstClass(google));
      tab.set(ROW.classes, 'pdf', true);
    });
    expect(cost.perDocument).toEqual({ ...THREE, 'Drive.Files.export': 1, 'Drive.Files.update': 2 });
  });

  it('a list, a pupil’s profile: three', () => {
    expect(costOf((tab) => tab.only(ROW.specialNeeds)).perDocument).toEqual(THREE);
    const profile = costOf((tab, google) => {
      const classTab = google.state.sheets.find((x) => x.metadata.some((m) => m.metadataValue?.startsWith('class:')))!;
      const iinCol = (google.state.values(classTab.title)[0] as string[]).indexOf('ЖСН');
      tab.only(ROW.profiles);
      tab.set(ROW.profiles, 'filter', classTab.cells.get(`1,${iinCol}`)!.value!.stringValue!);
    });
    expect(profile.perDocument).toEqual(THREE);
  });

  it.each([['the annual report', ROW.annual], ['the school passport', ROW.schoolPassport]])('%s: ten at most, its charts put in through DocumentApp at their size', (_name, row) => {
    const cost = costOf((tab) => tab.only(row));
    expect(cost.calls).toBeLessThanOrEqual(10);
    const pictures = cost.perDocument['Paragraph.appendInlineImage'] ?? 0;
    const documentApp = pictures ? { 'DocumentApp.openById': 1, 'Document.getBody': 1, 'Body.getParagraphs': 1, 'Paragraph.appendInlineImage': pictures, 'Document.saveAndClose': 1 } : {};
    expect(cost.perDocument).toEqual({ ...THREE, ...documentApp });
    // Each chart drawn once by the Charts service, at the size it has in the document: no resizing call.
    expect(cost.all['Chart.getAs'] ?? 0).toBe(pictures);
  });
});

describe('Generate reports', () => {
  it('the menu item opens the progress sidebar, which drives the steps; the whole school in one step', () => {
    const google = school();
    runMenuItem(google, 'qamqorReports');
    google.endExecution();
    expect(google.ui.sidebars).toHaveLength(1);
    expect(google.ui.sidebars[0]!.title).toBe('Qamqor: есептер');
    expect(google.ui.sidebars[0]!.html).toContain('qamqorReportsStep');
    const [p] = runAll(google);
    expect(p).toMatchObject({ total: DOCS, done: DOCS, made: DOCS, failed: 0, finished: true, stopped: null, busy: false, error: null });
    expect(p!.summary).toMatch(new RegExp(`^Дайын: ${DOCS} құжат жасалды`));
    expect(liveReports(google).filter((f) => f.mimeType === MIME.doc)).toHaveLength(DOCS);
    expect(google.drive.folderAt('Qamqor', 'Reports', '2025-2026', 'Сынып паспорттары')).toBeDefined();
    const templates = google.drive.inFolder(google.drive.folderAt('Qamqor', 'Templates')!.id).map((f) => f.name);
    expect(templates).toEqual(expect.arrayContaining(['annual-report.kk', 'class-passport.kk', 'list-orphans.kk', 'list-res64.kk', 'list.kk', 'school-passport.kk']));
    expect(templates.every((n) => n.endsWith('.kk'))).toBe(true);
    expect(new Set(templates).size).toBe(templates.length);
    expect(reportsProgress(google)).toMatchObject({ total: DOCS, done: DOCS, finished: true });
  });

  it('writes each job’s status, links (rich text, one per document) and time into its row', () => {
    const google = school();
    runAll(google);
    const tab = reportsTab(google);
    expect(tab.cell(ROW.classes, 'status')!.value).toEqual({ stringValue: 'Жасалды: 4 / 4' });
    const link = tab.cell(ROW.classes, 'link')!;
    const names = link.value!.stringValue!.split('\n');
    expect(names).toHaveLength(4);
    expect(names[0]).toMatch(/сыныбының әлеуметтік паспорты$/);
    const linked = link.links!.filter((r) => r.format.link);
    expect(linked).toHaveLength(4);
    expect(linked.every((r) => /^https:\/\/docs\.google\.com\/document\/d\/file-/.test(r.format.link!.uri))).toBe(true);
    expect(linked.map((r) => r.startIndex)).toEqual([0, names[0]!.length + 1, names[0]!.length + names[1]!.length + 2, expect.any(Number)]);
    expect(tab.cell(ROW.classes, 'generated_at')!.value).toEqual({ stringValue: expect.stringMatching(/^01\.10\.2025 11:\d\d$/) });
    // The inactive profiles job is left as it was.
    expect(tab.cell(ROW.profiles, 'status')).toBeUndefined();
  });

  it('chunks under the time limit and resumes where it stopped: every document once, none twice', () => {
    const google = school();
    const steps = runAll(google, 20_000);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const s of steps.slice(0, -1)) {
      expect(s).toMatchObject({ stopped: 'time', finished: false });
      expect(s.summary).toMatch(/келесі бөлікте жалғасады/);
    }
    expect(steps.at(-1)).toMatchObject({ finished: true, done: DOCS, made: DOCS });
    // Each step made at least one document and the count only grew.
    const done = steps.map((s) => s.done);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(new Set(done).size).toBe(done.length);
    const docs = liveReports(google).filter((f) => f.mimeType === MIME.doc);
    expect(docs).toHaveLength(DOCS);
    expect(new Set(docs.map((f) => f.appProperties!.qamqorKey)).size).toBe(DOCS);
    expect([...google.drive.files.values()].filter((f) => f.trashed)).toEqual([]);
  });

  it('a step stopped mid-way shows as "continuing" in the tab, then complete', () => {
    const google = school();
    const tab = reportsTab(google);
    tab.only(ROW.classes);
    step(google, 15_000);
    expect(tab.cell(ROW.classes, 'status')!.value!.stringValue).toMatch(/^Жасалды: [1-3] \/ 4; қалғаны: [1-3]$/);
    runAll(google, 15_000);
    expect(tab.cell(ROW.classes, 'status')!.value!.stringValue).toBe('Жасалды: 4 / 4');
  });

  it('a re-run replaces every document (old ones to the trash) instead of adding more', () => {
    const google = school();
    runAll(google);
    const first = new Set(liveReports(google).map((f) => f.id));
    const templates = google.drive.inFolder(google.drive.folderAt('Qamqor', 'Templates')!.id).length;
    const again = runAll(google);
    expect(again.at(-1)).toMatchObject({ finished: true, made: DOCS });
    const second = liveReports(google);
    expect(second).toHaveLength(DOCS);
    expect(second.some((f) => first.has(f.id))).toBe(false);
    expect([...first].every((id) => google.drive.files.get(id)!.trashed)).toBe(true);
    // The templates were converted once: the second run copies them.
    expect(google.drive.inFolder(google.drive.folderAt('Qamqor', 'Templates')!.id)).toHaveLength(templates);
  });

  it('finds what to replace by its tag even when the workbook’s records are lost, and never touches a file of the same name that is not its own', () => {
    const google = school();
    const tab = reportsTab(google);
    tab.only(ROW.schoolPassport);
    runAll(google);
    const made = liveReports(google);
    expect(made).toHaveLength(1);
    // Another workbook of the same person made a document of the same name in the same folder.
    const other = google.Drive.Files.copy({ name: made[0]!.name, parents: made[0]!.parents, appProperties: { qamqorBook: 'another-book', qamqorKey: made[0]!.appProperties!.qamqorKey! } }, made[0]!.id).id!;
    google.properties.values.clear();
    runAll(google);
    expect(google.drive.files.get(made[0]!.id)!.trashed).toBe(true);
    expect(google.drive.files.get(other)!.trashed).toBe(false);
    expect(liveReports(google).filter((f) => f.appProperties?.qamqorBook === google.state.id)).toHaveLength(1);
  });

  it('a copy left by an execution that died before recording it is trashed when the document is made again', () => {
    const google = school();
    reportsTab(google).only(ROW.schoolPassport);
    runAll(google);
    const [made] = liveReports(google);
    // As an execution of a new run killed while filling leaves things: a tagged copy, nothing recorded of it, the run
    // unfinished (its records not written: nothing is written per document).
    const orphan = google.Drive.Files.copy({ name: made!.name, parents: made!.parents, appProperties: made!.appProperties }, made!.id).id!;
    const run = JSON.parse(google.properties.values.get('qamqor.reports.run')!);
    google.properties.values.set('qamqor.reports.run', JSON.stringify({ ...run, id: 'killed', finished: false, done: 0 }));
    const [p] = runAll(google);
    expect(p).toMatchObject({ finished: true, total: 1, done: 1 });
    expect(google.drive.files.get(orphan)!.trashed).toBe(true);
    expect(google.drive.files.get(made!.id)!.trashed).toBe(true);
    expect(liveReports(google)).toHaveLength(1);
  });

  it('writes progress every half minute while a step runs, not once per document', () => {
    const google = school();
    runAll(google);
    google.log.reset();
    const p = reportsStep(google);
    expect(p).toMatchObject({ finished: true, made: DOCS });
    // About 60 s of documents: the end of the step, and one or two writes on the way.
    expect(google.log.count('Properties.setProperties')).toBeGreaterThanOrEqual(2);
    expect(google.log.count('Properties.setProperties')).toBeLessThanOrEqual(4);
  });

  it('stops cleanly at the day’s limit of new Docs and goes on the next day from where it stopped', () => {
    const google = school();
    google.properties.values.set('qamqor.reports.dailyLimit', '12');
    google.drive.dailyDocLimit = 12;
    const [p] = runAll(google);
    // Templates are converted as they are first needed, and count: 5 templates and 7 documents make 12 new Docs.
    expect(p).toMatchObject({ stopped: 'quota', finished: false, done: 7, total: DOCS });
    expect(p!.summary).toBe(`Бір тәулікте 12 құжаттан артық жасауға болмайды (бүгін жасалғаны: 12). Қалған ${DOCS - 7} құжат ертең жасалады: «Есептерді жасау» пәрменін ертең қайта таңдаңыз, жұмыс тоқтаған жерінен жалғасады.`);
    expect(google.drive.docsCreatedToday()).toBe(12);
    expect(reportsTab(google).cell(ROW.res64, 'status')!.value).toEqual({ stringValue: 'Жасалды: 0 / 1; қалғаны: 1' });
    // The same day: nothing more, no error.
    expect(step(google)).toMatchObject({ stopped: 'quota', done: 7 });
    expect(google.log.count('Drive.Files.copy') + google.log.count('Drive.Files.create')).toBe(0);
    google.advance(24 * 3_600_000);
    const next = runAll(google);
    expect(next.at(-1)).toMatchObject({ stopped: 'quota', done: 16 });
    google.advance(24 * 3_600_000);
    expect(runAll(google).at(-1)).toMatchObject({ finished: true, done: DOCS, made: DOCS });
    expect(liveReports(google).filter((f) => f.mimeType === MIME.doc)).toHaveLength(DOCS);
  });

  it.each(['kk', 'ru'] as Lang[])('a job naming a missing template: a clear message naming it (%s), and the other documents are made', (lang) => {
    const google = school({ lang });
    const tab = reportsTab(google, lang);
    tab.set(ROW.schoolPassport, 'template', 'Менің паспортым');
    tab.set(ROW.annual, 'template', 'https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789/edit');
    const [p] = runAll(google);
    expect(p).toMatchObject({ finished: true, total: DOCS, made: DOCS - 2, failed: 2 });
    const said = lang === 'kk'
      ? ['«Есептер» парағы, 3-жол: «Менің паспортым» үлгісі табылмады. Qamqor Google Drive-та тек өзі жасаған файлдарды атауымен таба алады', '«Есептер» парағы, 2-жол: «https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789/edit» үлгісі табылмады']
      : ['лист «Отчёты», строка 3: шаблон «Менің паспортым» не найден. По имени Qamqor находит в Google Диске только созданные им файлы', 'лист «Отчёты», строка 2: шаблон «https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789/edit» не найден'];
    for (const s of said) expect(p!.messages.some((m) => m.startsWith(s))).toBe(true);
    expect(tab.cell(ROW.schoolPassport, 'status')!.value!.stringValue).toMatch(lang === 'kk' ? /^Жасалды: 0 \/ 1; жасалмады: 1 — «Есептер» парағы, 3-жол: «Менің паспортым» үлгісі табылмады/ : /^Создано: 0 из 1; не создано: 1 — лист «Отчёты», строка 3: шаблон «Менің паспортым» не найден/);
    expect(tab.cell(ROW.classes, 'status')!.value!.stringValue).toBe(lang === 'kk' ? 'Жасалды: 4 / 4' : 'Создано: 4 из 4');
    // The message is kept in both languages whatever the workbook's.
    const kept = JSON.parse(google.properties.values.get('qamqor.reports.messages')!) as { text: Record<Lang, string> }[];
    expect(kept.some((m) => m.text.kk.includes('«Менің паспортым» үлгісі табылмады') && m.text.ru.includes('шаблон «Менің паспортым» не найден'))).toBe(true);
  });

  it('a template a person made, with a typo: the message names the template and the placeholder (and a likely fix); nothing is copied for it', () => {
    const google = school();
    const doc = docFromDocx(Buffer.from(diskTemplates('class-passport.kk')!, 'base64'));
    const typo = textNodes(doc).find((t) => t.chars.includes('{{class.teacher}}'))!;
    const at = typo.chars.indexOf('{{class.teacher}}');
    typo.chars = typo.chars.replace('{{class.teacher}}', '{{class.teachr}}');
    typo.styles.splice(at + 12, 1);
    const id = google.drive.seedPersonDoc('Біздің сынып паспорты', doc);
    const tab = reportsTab(google);
    tab.only(ROW.classes, ROW.schoolPassport);
    tab.set(ROW.classes, 'template', `https://docs.google.com/document/d/${id}/edit`);
    const [p] = runAll(google);
    expect(p).toMatchObject({ finished: true, made: 1, failed: 4 });
    const message = p!.messages.find((m) => m.includes('Біздің сынып паспорты'))!;
    expect(message).toMatch(/^«Біздің сынып паспорты» үлгісінде 1 қате:\n- «\{\{class\.teachr\}\}» деректерде жоқ өрісті көрсетеді \(«\{\{class\.teacher\}\}» болуы мүмкін бе\?\)/);
    expect(p!.messages.filter((m) => m.includes('Біздің сынып паспорты'))).toHaveLength(1);
    // Imported once into Qamqor's folder (the person's own Doc stays as it is), never copied per class.
    expect(google.log.count('Drive.Files.copy')).toBe(1);
    expect(liveReports(google)).toHaveLength(1);
  });

  it('a template a person made, shared by link: imported once into Qamqor/Templates and used', () => {
    const google = school();
    const id = google.drive.seedPersonDoc('Менің тізімім', docFromDocx(Buffer.from(diskTemplates('list-orphans.kk')!, 'base64')));
    const tab = reportsTab(google);
    tab.only(ROW.orphans, ROW.res64);
    tab.set(ROW.orphans, 'template', id);
    tab.set(ROW.res64, 'template', `https://docs.google.com/document/d/${id}/edit?usp=sharing`);
    const [p] = runAll(google);
    expect(p).toMatchObject({ finished: true, made: 2, failed: 0 });
    const templates = google.drive.inFolder(google.drive.folderAt('Qamqor', 'Templates')!.id);
    expect(templates.map((f) => f.name)).toEqual(['Менің тізімім']);
    const made = liveReports(google).map((f) => textOf(google, f.id));
    expect(made.every((t) => t.includes('Жетім және ата-анасының қамқорлығынсыз қалған оқушылар тізімі') || t.includes('№64'))).toBe(true);
    expect(made.join('\n')).not.toMatch(/\{\{/);
    // The person's Doc is untouched.
    expect(google.drive.files.get(id)!.trashed).toBe(false);
  });

  it('makes a PDF beside the Doc when the job asks, and replaces it on a re-run', () => {
    const google = school();
    const tab = reportsTab(google);
    tab.only(ROW.schoolPassport);
    tab.set(ROW.schoolPassport, 'pdf', true);
    runAll(google);
    const pdfs = liveReports(google).filter((f) => f.mimeType === MIME.pdf);
    expect(pdfs.map((f) => f.name)).toEqual(['Мектептің әлеуметтік паспорты 2025-2026.pdf']);
    expect(Buffer.from(pdfs[0]!.bytes!.map((b) => b & 255)).toString('utf8')).toMatch(/^%PDF-1\.4 \(fake\)\n.*мектеп/s);
    expect(tab.cell(ROW.schoolPassport, 'link')!.value!.stringValue).toBe('Мектептің әлеуметтік паспорты 2025-2026 · PDF');
    expect(tab.cell(ROW.schoolPassport, 'link')!.links!.map((r) => r.format.link?.uri ?? null)).toEqual([
      expect.stringMatching(/^https:\/\/docs\.google\.com\//), null, expect.stringMatching(/^https:\/\/drive\.google\.com\/file\//),
    ]);
    const before = pdfs[0]!.modifiedTime;
    runAll(google);
    // The PDF is replaced in place: same file, same link, new content; the Doc is new, the old one in the trash.
    const again = liveReports(google).filter((f) => f.mimeType === MIME.pdf);
    expect(again.map((f) => f.id)).toEqual([pdfs[0]!.id]);
    expect(again[0]!.modifiedTime).not.toBe(before);
    expect(liveReports(google).filter((f) => f.mimeType === MIME.doc)).toHaveLength(1);
  });

  it('writes pupils’ text as typed: a formula, markup, braces and Kazakh letters, in documents and in the tab', () => {
    const google = school();
    const classTab = google.state.sheets.find((s) => s.metadata.some((m) => m.metadataValue === 'class:3А'))!;
    const header = google.state.values(classTab.title)[0] as string[];
    const nameCol = header.indexOf('Оқушының аты-жөні');
    const iinCol = header.indexOf('ЖСН');
    const names = ['=HYPERLINK("http://example.com","Иванов")', '<script>alert("x")</script> Әлиұлы', 'Тестов {{school.name}} Ұлы'];
    // Pupils with a ticked category: the class passport lists them by name.
    const rows = (google.state.values(classTab.title) as Cell[][]).map((r, i) => ({ r, i })).filter(({ r, i }) => i > 0 && r.includes(true)).map(({ i }) => i);
    names.forEach((n, k) => (classTab.cells.get(`${rows[k]},${nameCol}`)!.value = { stringValue: n }));
    const iin = classTab.cells.get(`${rows[0]},${iinCol}`)!.value!.stringValue!;
    const tab = reportsTab(google);
    tab.only(ROW.classes, ROW.profiles);
    tab.set(ROW.classes, 'filter', '3А');
    tab.set(ROW.profiles, 'filter', iin);
    tab.set(ROW.profiles, 'file_name', '{{pupil.full_name}}');
    // A formula typed in a name is itself an error of the registry: these are drafts.
    google.log.reset();
    const p = reportsStep(google, { draft: true });
    google.endExecution();
    expect(p).toMatchObject({ finished: true, made: 2, failed: 0 });
    const texts = liveReports(google).map((f) => textOf(google, f.id));
    const passport = texts.find((t) => t.includes('сыныбының әлеуметтік паспорты'))!;
    for (const n of names) expect(passport).toContain(n);
    // The profile is named after the pupil: a name starting with "=" is text in the link cell, never a formula.
    const link = tab.cell(ROW.profiles, 'link')!;
    expect(link.value!.stringValue).toMatch(/^=HYPERLINK\( http example\.com , Иванов \)$/);
    expect(link.value!.formulaValue).toBeUndefined();
  });

  it('over a registry with errors makes no document to sign; ticked "drafts", every page says ЖОБА', () => {
    const google = school();
    const classTab = google.state.sheets.find((s) => s.metadata.some((m) => m.metadataValue === 'class:3А'))!;
    const iinCol = (google.state.values(classTab.title)[0] as string[]).indexOf('ЖСН');
    classTab.cells.get(`1,${iinCol}`)!.value = { stringValue: '123' };
    const refused = step(google);
    expect(refused).toMatchObject({ blocked: true, done: 0, finished: false });
    expect(refused.error).toMatch(/^Тізілімде 1 қате бар \(3А\): қол қойылатын құжаттар жасалмайды\. «Тексеру» пәрмені қателерді «Қателер» парағына шығарады/);
    expect(google.log.count('Drive.Files.copy')).toBe(0);

    reportsTab(google).only(ROW.classes);
    google.log.reset();
    let p = reportsStep(google, { draft: true, budgetMs: 1 });
    google.endExecution();
    // A run started as drafts stays drafts in its next steps, which the sidebar calls without asking again.
    while (p.stopped === 'time') p = step(google);
    expect(p).toMatchObject({ finished: true, failed: 0, blocked: false });
    const docs = liveReports(google).filter((f) => f.mimeType === MIME.doc);
    expect(docs.length).toBeGreaterThan(1);
    for (const f of docs) expect(textOf(google, f.id)).toMatch(/ЖОБА · /);
  });

  it('a second step while one runs says the workbook is busy and changes nothing', () => {
    const google = school();
    google.lock.holder = 'someone-else';
    const p = reportsStep(google);
    expect(p).toMatchObject({ busy: true, done: 0, summary: 'Басқа Qamqor әрекеті әлі орындалып жатыр; аяқталғанда жұмыс жалғасады…' });
    expect(google.log.count('Drive.Files.copy')).toBe(0);
  });

  it('without the Drive service: one clear message, in the workbook’s language', () => {
    const google = school();
    const p = reportsStep({ ...google, Drive: undefined });
    expect(p.error).toMatch(/^Есептерге Drive API мен Docs API қосымша қызметтері/);
  });
});
