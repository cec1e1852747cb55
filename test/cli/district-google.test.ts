// `qamqor district --google` end to end with the real googleapis client against a local Sheets server: a throwaway
// service-account key (its token_uri on the server, so the whole JWT flow runs), one values.batchGet per school asking
// only for the passport, settings and categories tabs, a quota error waited out, ten requests in flight, a missing
// spreadsheet and one not shared named by their ids.txt line, exit status 1, the same district as from the files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DistrictJson } from '../../src/domain/district/roll-up';
import { tabSpec } from '../../src/domain/template';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliRunner } from '../support/cli';
import { writeDistrictSchool } from '../support/district-schools';
import { sheetValues, startSheetsServer, type SheetValues, type SheetsServer } from '../support/sheets-server';

const run = cliRunner(new Date('2026-03-10T08:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'qamqor-district-google-'));
const file = (name: string) => join(dir, name);
const SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';
const ID = (c: string) => c.repeat(24);
const allowed = new Set(
  (['kk', 'ru'] as const).flatMap((lang) => (['passport', 'settings', 'categories'] as const).map((k) => `'${tabSpec(k).title[lang]}'`)),
);

let server: SheetsServer;
let tabs: Record<string, Record<string, SheetValues>>;
const env = { ...process.env };

/** A copy of a school's tabs whose settings name another school: the same figures under a new name. */
function renamed(values: Record<string, SheetValues>, name: string): Record<string, SheetValues> {
  const copy = structuredClone(values);
  for (const rows of [copy['Баптаулар'], copy['Настройки']]) {
    const row = rows?.find((r) => r[0] === 'school_name');
    if (row) row[2] = name;
  }
  return copy;
}

beforeAll(async () => {
  await writeDistrictSchool(file('a.xlsx'), { name: '№ 1 мектеп-гимназия', seed: 21, pupils: 120, lastYear: true });
  await writeDistrictSchool(file('b.xlsx'), { name: '№ 2 жалпы білім беретін мектеп', seed: 22, pupils: 110, lastYear: true });
  await writeDistrictSchool(file('c.xlsx'), { name: 'Школа-лицей № 3', seed: 23, pupils: 100, language: 'ru', lastYear: true });
  tabs = {};
  for (const k of ['a', 'b', 'c']) tabs[k] = sheetValues((await XlsxWorkbook.open(file(`${k}.xlsx`))).read());
  server = await startSheetsServer();
  server.spreadsheets.set(ID('A'), { tabs: tabs.a! });
  server.spreadsheets.set(ID('B'), { tabs: tabs.b!, failFirst: [429] });
  server.spreadsheets.set(ID('C'), { tabs: tabs.c! });
  server.spreadsheets.set(ID('N'), { tabs: tabs.a!, shared: false });
  writeFileSync(file('key.json'), JSON.stringify(server.serviceAccount, null, 2));
  process.env.QAMQOR_SHEETS_ROOT_URL = `${server.url}/`;
  process.env.QAMQOR_SHEETS_BACKOFF_MS = '5';
  delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
}, 60_000);

afterAll(async () => {
  process.env = env;
  await server?.close();
});

describe('the schools of ids.txt, read from the local Sheets server', () => {
  let result: Awaited<ReturnType<typeof run>>;
  let requests: typeof server.log;

  beforeAll(async () => {
    writeFileSync(
      file('ids.txt'),
      [
        '# District schools, one spreadsheet a line',
        ID('A'),
        `https://docs.google.com/spreadsheets/d/${ID('B')}/edit#gid=0`,
        `${ID('C')} ru   # a Russian workbook`,
        ID('M'),
        ID('N'),
        'not a spreadsheet',
        '',
      ].join('\n'),
    );
    const before = server.log.length;
    result = await run('district', file('google.xlsx'), '--google', file('ids.txt'), '--credentials', file('key.json'), '--json');
    requests = server.log.slice(before);
  }, 60_000);

  it('names the missing spreadsheet, the one not shared and the bad line by their ids.txt line; exit status 1', () => {
    expect(result.code).toBe(1);
    expect(result.err).toContain('«ids.txt:5»: Google кестесі табылмады (404)');
    expect(result.err).toContain('«ids.txt:6»: қызметтік аккаунттың бұл кестеге рұқсаты жоқ (403): мектеп кестені district-reader@qamqor-test.iam.gserviceaccount.com мекенжайымен «Оқырман» ретінде бөлісуі керек');
    expect(result.err).toContain('«ids.txt:7»: «not a spreadsheet» — Google кестесінің идентификаторы да, сілтемесі де емес');
    expect(result.err).toContain('Жиынтыққа енгізілмеді: 3');
  });

  it('sums the same district as from the files', async () => {
    const offline = await run('district', file('files.xlsx'), file('a.xlsx'), file('b.xlsx'), file('c.xlsx'), '--json');
    expect(offline.code).toBe(0);
    expect(JSON.parse(result.out) as DistrictJson).toEqual(JSON.parse(offline.out));
  });

  it('gets one token with the read-only scope, through a signed assertion the server checked', () => {
    const tokens = requests.filter((r) => r.kind === 'token');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.status).toBe(200);
    expect(tokens[0]!.scope).toBe(SCOPE);
  });

  it('costs one values.batchGet per school (a quota error waited out and asked again), asking only the passport\'s tabs', () => {
    const gets = requests.filter((r) => r.kind === 'batchGet');
    const per = (id: string) => gets.filter((r) => r.spreadsheetId === id).map((r) => r.status);
    expect(per(ID('A'))).toEqual([200]);
    expect(per(ID('B'))).toEqual([429, 200]);
    expect(per(ID('C'))).toEqual([200]);
    expect(per(ID('M'))).toEqual([404]);
    expect(per(ID('N'))).toEqual([403]);
    for (const r of gets) {
      expect(r.authorization).toMatch(/^Bearer ya29\.test-/);
      expect(r.ranges).toHaveLength(3);
      for (const range of r.ranges!) expect(allowed.has(range)).toBe(true);
    }
    expect(gets.find((r) => r.spreadsheetId === ID('C'))!.ranges).toEqual(["'Социальный паспорт'", "'Настройки'", "'Категории'"]);
  });
});

describe('many schools', () => {
  it('keeps ten requests in flight', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 24; i++) {
      const id = `${ID('P')}${i}`;
      server.spreadsheets.set(id, { tabs: renamed(tabs.a!, `№ ${100 + i} мектеп`) });
      lines.push(id);
    }
    writeFileSync(file('many.txt'), lines.join('\n'));
    server.delayMs = 150;
    try {
      const result = await run('district', file('many.xlsx'), '--google', file('many.txt'), '--credentials', file('key.json'), '--json');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(Object.keys((JSON.parse(result.out) as DistrictJson).schools)).toHaveLength(24);
    } finally {
      server.delayMs = 0;
    }
    expect(server.maxInFlight()).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('reads a workbook titled in the other language than its line says with a second request', async () => {
    writeFileSync(file('unmarked.txt'), `${ID('C')}\n`);
    const before = server.log.length;
    const result = await run('district', file('unmarked.xlsx'), '--google', file('unmarked.txt'), '--json', '--credentials', file('key.json'));
    expect(result.code).toBe(0);
    expect(Object.keys((JSON.parse(result.out) as DistrictJson).schools)).toEqual(['Школа-лицей № 3']);
    const gets = server.log.slice(before).filter((r) => r.kind === 'batchGet');
    expect(gets.map((r) => r.status)).toEqual([400, 200]);
  });
});

describe('a workbook whose passport was never written', () => {
  it('is named as having no passport tab, after one request when its line gives its language', async () => {
    const { ['Әлеуметтік паспорт']: _passport, ...withoutPassport } = tabs.a!;
    server.spreadsheets.set(ID('E'), { tabs: withoutPassport });
    writeFileSync(file('no-passport.txt'), `${ID('E')} kk\n`);
    const before = server.log.length;
    const result = await run('district', file('e.xlsx'), '--google', file('no-passport.txt'), '--credentials', file('key.json'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('«no-passport.txt:1»: «Әлеуметтік паспорт» парағы жоқ немесе бос');
    expect(server.log.slice(before).filter((r) => r.kind === 'batchGet').map((r) => r.status)).toEqual([400]);
  });
});

describe('a key that cannot be used', () => {
  it('is refused before any school is asked (exit 2), in the language asked', async () => {
    const other = await startSheetsServer();
    try {
      // Another key, sent to this server: its signature does not verify.
      writeFileSync(file('wrong-key.json'), JSON.stringify({ ...other.serviceAccount, token_uri: `${server.url}/token` }));
      writeFileSync(file('one.txt'), `${ID('A')}\n`);
      const before = server.log.length;
      const result = await run('district', file('x.xlsx'), '--google', file('one.txt'), '--credentials', file('wrong-key.json'), '--lang', 'ru');
      expect(result.code).toBe(2);
      expect(result.err).toContain(`Google не принял ключ «${file('wrong-key.json')}»`);
      expect(server.log.slice(before).filter((r) => r.kind === 'batchGet')).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('is named when it is no service-account key, and asked for when there is none', async () => {
    writeFileSync(file('not-a-key.json'), JSON.stringify({ type: 'authorized_user' }));
    const bad = await run('district', file('x.xlsx'), '--google', file('one.txt'), '--credentials', file('not-a-key.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`«${file('not-a-key.json')}» Google қызметтік аккаунтының кілті емес`);
    const none = await run('district', file('x.xlsx'), '--google', file('one.txt'));
    expect(none.code).toBe(2);
    expect(none.err).toContain('--credentials <key.json> немесе GOOGLE_APPLICATION_CREDENTIALS');
  });
});
