// The confidential case file on the command line, on real files: init, CSV imports into each tab, the cases table and
// DESIGN.md's JSON, validation codes, documents; the registry never gaining a word of a case; the audit tab only
// growing with its earlier rows byte for byte as they were; a password-encrypted file refused without its password.
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { CaseIssue } from '../../src/domain/cases/validate-cases';
import { CasesReport } from '../../src/domain/cases/view';
import { cellText } from '../../src/domain/cells';
import { extractText } from '../../src/local/docx';
import { XlsxPackage } from '../../src/local/xlsx/package';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliRunner } from '../support/cli';
import { pupil } from '../support/workbook';

const dir = mkdtempSync(join(tmpdir(), 'qamqor-cases-'));
const run = cliRunner(new Date(2025, 10, 20));
const TODAY = '2025-11-20';

const kids = [
  pupil(7, { full_name: 'Әбенов Нұрлан Серікұлы' }),
  pupil(7, { full_name: 'Бекова Аружан Маратқызы' }, 'F'),
  pupil(7, { full_name: 'Ғалымов Ерлан Бекұлы' }),
  pupil(5, { full_name: 'Қасымова Дана Асанқызы' }, 'F'),
  pupil(5, { full_name: 'Сергеев Олег Петрович' }),
  pupil(5, { full_name: 'Омарова Әсел Ерланқызы' }, 'F'),
];
const iin = kids.map((k) => String(k.iin));
const registry = join(dir, 'registry.xlsx');
const cases = join(dir, 'cases.xlsx');

/** Words only the case file holds: none of them may ever appear in a cell of the registry. */
const SECRETS = ['C-00', 'Отбасына бару', 'жақсаруда', 'Қалалық емхана', 'Сейітова', 'Омаров Б.', 'Қасымова Гүлнар', 'Бүгін келмеді', 'attendance', 'goals_met'];

function csv(path: string, rows: string[][]): string {
  writeFileSync(path, rows.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\n') + '\n');
  return path;
}

async function registryCells(): Promise<string[]> {
  const book = await XlsxWorkbook.open(registry);
  return book.read().tabs.flatMap((t) => t.rows.flatMap((r) => r.map(cellText)));
}

/** The rows of the audit sheet as its XML writes them, by row number. */
function auditXmlRows(bytes: Buffer): Map<number, string> {
  const pkg = XlsxPackage.open(bytes);
  const sheet = pkg.sheets.find((s) => s.name === 'Өзгерістер журналы')!;
  const xml = pkg.text(sheet.part as string) ?? '';
  const rows = new Map<number, string>();
  for (const m of xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>.*?<\/row>/gs)) rows.set(Number(m[1]), m[0]);
  return rows;
}

/** Every audit row before a command is still there after it, byte for byte; the tab only grows. */
function expectAuditGrew(before: Map<number, string>, after: Map<number, string>, by: number): void {
  expect(after.size).toBe(before.size + by);
  for (const [r, xml] of before) expect(after.get(r)).toBe(xml);
}

beforeAll(async () => {
  expect((await run('init', registry, '--lang', 'kk', '--year', '2025-2026', '--school', '№ 12 мектеп')).code).toBe(0);
  const pupils = csv(join(dir, 'pupils.csv'), [
    ['class', 'full_name', 'iin', 'birth_date', 'sex'],
    ...kids.map((k, i) => [i < 3 ? '7А' : '5Б', String(k.full_name), String(k.iin), String(k.birth_date), k.sex === 'қыз' ? 'F' : 'M']),
  ]);
  expect((await run('import', registry, pupils)).code).toBe(0);
});

describe('a case file kept on the command line', () => {
  let registryBytes: Buffer;

  it('init lays out a new case file, owner-only, and records its creation', async () => {
    registryBytes = readFileSync(registry);
    const made = await run('cases', 'init', cases);
    expect(made.code).toBe(0);
    expect(made.out).toContain('«cases.xlsx» іс қағаздары файлы құрылды: Іс баптаулары, Істер, Қолдау жоспары, Мониторинг, Келісімдер, Өзгерістер журналы');
    expect(statSync(cases).mode & 0o777).toBe(0o600);
    const audit = auditXmlRows(readFileSync(cases));
    expect(audit.size).toBe(2); // the header and "created"
    expect((await run('cases', 'init', cases)).code).toBe(2);
  });

  it('imports each tab from a CSV, refusing what it cannot take, and audits every row added', async () => {
    const before = auditXmlRows(readFileSync(cases));
    const casesCsv = csv(join(dir, 'cases.csv'), [
      ['case_id', 'iin', 'identified_on', 'identified_by', 'reason', 'opened_on', 'council_protocol', 'curator', 'curator_order', 'closed_on', 'closure_reason'],
      ['C-001', iin[0], '2025-11-15', 'Сынып жетекшісі', 'attendance', '', '', '', '', '', ''],
      ['C-002', iin[1], '01.10.2025', 'Психолог', 'behaviour', '', '', '', '', '', ''],
      ['C-003', iin[2], '2025-10-25', '', 'performance', '2025-11-01', '3', 'Сейітова А.Б.', '', '', ''],
      ['C-004', iin[3], '2025-09-20', '', 'family', '2025-10-01', '2', 'Омаров Б.', '14-ө', '', ''],
      ['C-005', iin[4], '2025-09-05', '', 'attendance', '2025-09-15', '1', 'Сейітова А.Б.', '', '', ''],
      ['C-006', iin[5], '2025-09-01', '', 'health', '2025-09-05', '1', 'Омаров Б.', '', '2025-11-05', 'goals_met'],
      ['C-007', '123', '2025-09-01', '', 'other', '', '', '', '', '', ''],
      ['C-008', iin[0], 'кеше', '', 'other', '', '', '', '', '', ''],
    ]);
    const imported = await run('import', cases, casesCsv, '--into', 'cases');
    expect(imported.code).toBe(1);
    expect(imported.out).toContain('«Істер» парағына 6 жол қосылды');
    expect(imported.out).toContain('8-жол: «123» — дұрыс ЖСН емес');
    expect(imported.out).toContain('9-жол: «Анықталған күні»: «кеше» күн ретінде оқылмайды');
    expect(readFileSync(join(dir, 'cases.rejects.csv'), 'utf8')).toContain('C-008');
    const again = await run('import', cases, casesCsv, '--into', 'cases');
    expect(again.out).toContain('«Істер» парағына 0 жол қосылды');
    expect(again.out).toContain('«C-001» ісі «Істер» парағында бұрыннан бар (2-жол)');

    const actions = csv(join(dir, 'actions.csv'), [
      ['case_id', 'action', 'area', 'provider', 'responsible', 'due_on', 'done_on', 'result'],
      ['C-004', 'Отбасына бару', 'family', 'school', 'Омаров Б.', '2025-10-10', '2025-10-09', 'акт жасалды'],
      ['C-004', 'Қосымша сабақтар', 'performance', 'school', 'Пән мұғалімі', '2025-11-30', '', ''],
      ['C-005', 'SMS ата-анаға', 'attendance', 'school', 'Сынып жетекшісі', '2025-11-01', '', ''],
      ['C-005', 'Емханаға жолдама', 'health', 'Қалалық емхана', 'Медбике', '2025-12-05', '', ''],
      ['C-006', 'Дәрігер кеңесі', 'health', 'school', 'Медбике', '2025-09-20', '2025-09-18', 'ұсыныстар берілді'],
      ['C-099', 'Жоқ істің шарасы', 'other', 'school', '', '', '', ''],
    ]);
    const a = await run('import', cases, actions, '--into', 'actions');
    expect(a.out).toContain('«Қолдау жоспары» парағына 5 жол қосылды');
    expect(a.out).toContain('«C-099» ісі «Істер» парағында жоқ');
    const reviews = csv(join(dir, 'reviews.csv'), [
      ['case_id', 'date', 'attendance_pct', 'performance', 'behaviour', 'note'],
      ['C-005', '2025-10-10', '70', '3', '3', 'жақсаруда'],
      ['C-005', '2025-11-10', '85', '3', '4', 'Бүгін келмеді — бір рет'],
      ['C-006', '2025-10-05', '95', '4', '5', ''],
    ]);
    expect((await run('import', cases, reviews, '--into', 'reviews')).out).toContain('«Мониторинг» парағына 3 жол қосылды');
    const consents = csv(join(dir, 'consents.csv'), [
      ['iin', 'representative', 'relation', 'given_on', 'purposes', 'withdrawn_on'],
      [iin[4], 'Қасымова Гүлнар', 'анасы', '2025-09-16', 'емхана, ПМПК', ''],
    ]);
    expect((await run('import', cases, consents, '--into', 'consents')).code).toBe(0);

    const after = auditXmlRows(readFileSync(cases));
    // 6 cases, 5 actions, 3 reviews, 1 consent: one audit row each; rows refused add nothing.
    expectAuditGrew(before, after, 15);
    const book = (await XlsxWorkbook.open(cases)).read();
    const audit = book.tabs.find((t) => t.title === 'Өзгерістер журналы')!;
    expect(audit.rows[3]!.slice(1, 4)).toEqual([expect.any(String), '«Істер» парағына жол қосылды (cases.csv, 3-жол)', 'C-002']);
    expect(readFileSync(registry).equals(registryBytes)).toBe(true);
  });

  it('shows DESIGN.md JSON exactly, stage, overdue and next review of every case, names from the registry', async () => {
    const shown = await run('cases', cases, '--registry', registry, '--today', TODAY, '--json');
    expect(shown.code).toBe(0);
    const report = CasesReport.strict().parse(JSON.parse(shown.out));
    expect(report).toEqual({
      today: TODAY,
      open: 5,
      closed: 1,
      overdue: 4,
      cases: [
        { id: 'C-001', iin: iin[0], full_name: 'Әбенов Нұрлан Серікұлы', class: '7А', stage: 'identified', curator: null, overdue: [], nextReview: null, consent: false },
        { id: 'C-002', iin: iin[1], full_name: 'Бекова Аружан Маратқызы', class: '7А', stage: 'identified', curator: null, overdue: ['opening'], nextReview: null, consent: false },
        { id: 'C-003', iin: iin[2], full_name: 'Ғалымов Ерлан Бекұлы', class: '7А', stage: 'opened', curator: 'Сейітова А.Б.', overdue: ['plan'], nextReview: '2025-12-01', consent: false },
        { id: 'C-004', iin: iin[3], full_name: 'Қасымова Дана Асанқызы', class: '5Б', stage: 'plan', curator: 'Омаров Б.', overdue: ['review'], nextReview: '2025-10-31', consent: false },
        { id: 'C-005', iin: iin[4], full_name: 'Сергеев Олег Петрович', class: '5Б', stage: 'monitoring', curator: 'Сейітова А.Б.', overdue: ['actions'], nextReview: '2025-12-10', consent: true },
        { id: 'C-006', iin: iin[5], full_name: 'Омарова Әсел Ерланқызы', class: '5Б', stage: 'closed', curator: 'Омаров Б.', overdue: [], nextReview: null, consent: false },
      ],
    });
    const table = await run('cases', cases, '--registry', registry, '--today', TODAY);
    expect(table.out).toContain('Іс қағаздары «cases.xlsx», 20.11.2025 күнгі жағдай: ашық істер — 5, жабылғандары — 1, мерзімі өткендері — 4');
    expect(table.out).toMatch(/C-002\s+Бекова Аружан Маратқызы\s+7А\s+анықталды\s+кеңес шешімі кешікті/);
    const ru = await run('cases', cases, '--today', TODAY, '--lang', 'ru');
    expect(ru.out).toContain('открытых дел — 5');
    expect(ru.out).toContain('укажите --registry');
  });

  it('validate names a closure without reason, a plan row of no case, a pupil the registry does not know', async () => {
    const more = csv(join(dir, 'more.csv'), [
      ['case_id', 'iin', 'identified_on', 'reason', 'opened_on', 'closed_on'],
      ['C-010', iin[1], '2025-09-01', 'behaviour', '2025-09-03', '2025-10-30'],
      ['C-011', '061211600012', '2025-11-01', 'family', '', ''],
    ]);
    expect((await run('import', cases, more, '--into', 'cases')).code).toBe(0);
    const checked = await run('cases', 'validate', cases, '--registry', registry, '--today', TODAY, '--json');
    expect(checked.code).toBe(1);
    const issues = CaseIssue.array().parse(JSON.parse(checked.out));
    expect(issues.map((i) => [i.code, i.tab, i.row, i.column])).toEqual([
      ['closure_reason_missing', 'Істер', 8, 'closure_reason'],
      ['unknown_pupil', 'Істер', 9, 'iin'],
    ]);
    const text = await run('cases', 'validate', cases, '--registry', registry, '--today', TODAY, '--lang', 'ru');
    expect(text.out).toContain('строка 9, столбец «ИИН ученика»: ИИН 061211600012 нет ни в реестре, ни в его архиве');
    // The table says the same in one line, and the exit status tells a script.
    expect((await run('cases', cases, '--today', TODAY, '--json')).code).toBe(1);
  });

  it('writes every document in both languages, confidential, owner-only, with no placeholder left', async () => {
    const caseBytes = readFileSync(cases);
    for (const lang of ['kk', 'ru']) {
      const out = join(dir, `docs-${lang}`);
      const made = await run('cases', 'reports', cases, '--registry', registry, '--out', out, '--today', TODAY, '--lang', lang);
      expect(made.code).toBe(0);
      const files = readdirSync(out).sort();
      // Plans and protocols of the opened cases, profiles of the open ones, the closed case's summary, the order, the meeting.
      expect(files.filter((f) => f.includes(lang === 'kk' ? 'жеке қолдау жоспары' : 'индивидуальный план'))).toHaveLength(3);
      expect(files.some((f) => f.startsWith('C-006') && f.includes(lang === 'kk' ? 'қорытынды' : 'итоговая'))).toBe(true);
      for (const f of files) {
        expect(statSync(join(out, f)).mode & 0o777).toBe(0o600);
        const text = extractText(readFileSync(join(out, f)));
        expect(text).not.toMatch(/\{\{|\}\}/);
        expect(text).toContain(lang === 'kk' ? 'Құпия' : 'Конфиденциально');
        expect(f).not.toMatch(/Әбенов|Сергеев/); // file names carry case ids, not children's names
      }
      const profile = extractText(readFileSync(join(out, files.find((f) => f.startsWith('C-005') && f.includes(lang === 'kk' ? 'профилі' : 'профиль'))!)));
      expect(profile).toContain(lang === 'kk' ? '85\u00a0% (10.11.2025 шолуы бойынша)' : '85\u00a0% (по обзору от 10.11.2025)');
      expect(profile).toContain('Сергеев Олег Петрович');
      expect(profile).toContain(lang === 'kk' ? 'Емханаға жолдама' : 'Емханаға жолдама');
      const order = extractText(readFileSync(join(out, files.find((f) => f.includes(lang === 'kk' ? 'бұйрық' : 'приказ'))!)));
      // C-004 already has its order (14-ө); C-003 and C-005 are assigned by this one.
      expect(order).toContain('Ғалымов Ерлан Бекұлы');
      expect(order).toContain('Сергеев Олег Петрович');
      expect(order).not.toContain('Қасымова Дана');
    }
    const chosen = await run('cases', 'reports', cases, '--registry', registry, '--out', join(dir, 'one'), '--cases', 'C-004', '--only', 'order,plan', '--today', TODAY);
    expect(readdirSync(join(dir, 'one')).sort()).toEqual(['C-004 жеке қолдау жоспары.docx', 'Кураторларды бекіту туралы бұйрықтың жобасы.docx']);
    expect(chosen.code).toBe(0);
    const unknown = await run('cases', 'reports', cases, '--registry', registry, '--out', join(dir, 'x'), '--cases', 'C-404');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('C-404');
    // Documents, the table, validation: reading the case file changes nothing in it.
    await run('cases', cases, '--registry', registry, '--json');
    await run('cases', 'validate', cases);
    expect(readFileSync(cases).equals(caseBytes)).toBe(true);
  });

  it('never puts a word of a case into the registry, whatever command ran', async () => {
    expect(readFileSync(registry).equals(registryBytes)).toBe(true);
    const cells = await registryCells();
    for (const word of SECRETS) expect(cells.filter((c) => c.includes(word))).toEqual([]);
  });

  it('refuses the registry as a case file, and a case file as a registry', async () => {
    const wrong = await run('cases', registry);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('мектептің ортақ тізілімі');
    const into = await run('import', registry, join(dir, 'actions.csv'), '--into', 'actions');
    expect(into.code).toBe(2);
    expect((await run('validate', cases)).code).toBe(2);
    const bad = await run('import', cases, join(dir, 'actions.csv'), '--into', 'wizards');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('pupils, movements, inspections, aid, plan, cases, actions, reviews, consents');
    expect((await run('cases', 'reports', cases, '--out', join(dir, 'y'))).code).toBe(2);
    expect((await run('cases', 'init', join(dir, 'z.xlsx'), '--registry', registry)).code).toBe(2);
  });
});

describe('an encrypted case file', () => {
  const secret = join(dir, 'secret.xlsx');
  const password = 'Қамқор-2025!';
  const env = process.env.QAMQOR_CASES_PASSWORD;
  afterEach(() => {
    if (env === undefined) delete process.env.QAMQOR_CASES_PASSWORD;
    else process.env.QAMQOR_CASES_PASSWORD = env;
  });

  it('is saved with the standard Office encryption and opens only with its password', async () => {
    delete process.env.QAMQOR_CASES_PASSWORD;
    const made = await run('cases', 'init', secret, '--password', password, '--lang', 'ru');
    expect(made.out).toContain('зашифрован паролем');
    const bytes = readFileSync(secret);
    expect(bytes.readUInt32BE(0)).toBe(0xd0cf11e0); // an OLE container, as Excel writes an encrypted book
    expect(bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))).toBe(true);
    expect(bytes.includes(Buffer.from('Журнал'))).toBe(false);

    const none = await run('cases', secret);
    expect(none.code).toBe(2);
    // Before the file is open its language is unknown: said in both, as every such message.
    expect(none.err.split('\n')).toEqual([
      `«${secret}» құпиясөзбен шифрланған: құпиясөзді --password параметрімен немесе QAMQOR_CASES_PASSWORD айнымалысымен беріңіз`,
      `файл «${secret}» зашифрован паролем: укажите пароль параметром --password или в переменной QAMQOR_CASES_PASSWORD`,
    ]);
    const wrong = await run('cases', secret, '--password', 'nope');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('неверный пароль');

    // The password from the environment, and the file saved encrypted again after an import.
    process.env.QAMQOR_CASES_PASSWORD = password;
    const rows = csv(join(dir, 'secret-cases.csv'), [['case_id', 'iin', 'identified_on', 'reason'], ['C-100', iin[0], '2025-11-01', 'family']]);
    expect((await run('import', secret, rows, '--into', 'cases')).code).toBe(0);
    expect(readFileSync(secret).readUInt32BE(0)).toBe(0xd0cf11e0);
    const shown = await run('cases', secret, '--json', '--today', TODAY);
    expect(JSON.parse(shown.out).cases.map((c: { id: string }) => c.id)).toEqual(['C-100']);
    // Qamqor's .xlsx reader alone cannot read it: the bytes are not a package.
    expect(() => XlsxWorkbook.fromBytes(readFileSync(secret), secret)).toThrow();
  }, 30_000);

  const soffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'pipe' });
      execFileSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!soffice) console.warn('cases: soffice or python3-uno is not installed; LibreOffice is not asked to open the encrypted file');

  (soffice ? it : it.skip)('LibreOffice opens it with the password and refuses it without', () => {
    const script = join(__dirname, 'cases-libreoffice-open.py');
    const profile = mkdtempSync(join(tmpdir(), 'qamqor-lo-'));
    const open = (pw: string) => {
      try {
        return execFileSync('/usr/bin/python3', [script, secret, pw, profile], { stdio: 'pipe', timeout: 60_000 }).toString();
      } catch (e) {
        return `FAILED ${(e as { stdout?: Buffer }).stdout?.toString() ?? ''}`;
      }
    };
    expect(open(password)).toContain('OPENED Настройки дел');
    expect(open('wrong')).toMatch(/FAILED|NOT_OPENED/);
  }, 120_000);
});

// A read-only case file is refused before anything is written, as a registry is.
describe('file safety', () => {
  it('leaves a read-only case file as it was', async () => {
    const ro = join(dir, 'ro.xlsx');
    expect((await run('cases', 'init', ro)).code).toBe(0);
    chmodSync(ro, 0o400);
    const before = readFileSync(ro);
    const rows = csv(join(dir, 'ro.csv'), [['case_id', 'iin', 'identified_on', 'reason'], ['C-200', iin[0], '2025-11-01', 'family']]);
    const result = await run('import', ro, rows, '--into', 'cases');
    expect(result.code).toBe(2);
    expect(readFileSync(ro).equals(before)).toBe(true);
    expect(existsSync(ro)).toBe(true);
  });
});
