// `qamqor aid`: the aid register summed by kind and by source for the school year, as a table in the workbook's
// language or as DESIGN.md's JSON. Only reads the book.
import { promises as fs } from 'node:fs';
import { fold } from '../../domain/cells';
import { aidSummary, readAid, recordsOfYear } from '../../domain/registers/aid';
import { aidText } from '../../domain/registers/aid-words';
import { registerYear } from '../../domain/registers/read';
import { dmy, formatDecimal } from '../../domain/format';
import { locateTabs, type Registry } from '../../domain/registry/registry';
import { readSettings } from '../../domain/registry/settings';
import type { Cell, TabData } from '../../domain/sheet';
import { tabSpec, type Lang, type TabKey } from '../../domain/template';
import { formatTable } from '../../local/console-table';
import { openRegistry } from '../../local/workbook-file';
import { XlsxPackage } from '../../local/xlsx/package';
import { readSheetBytes, type SheetContext } from '../../local/xlsx/sheet';
import { assignKeys, META_SHEET } from '../../local/xlsx-workbook';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function aidCommand(args: CommandArgs, io: Output): Promise<number> {
  const [bookPath] = args.positionals;
  if (!bookPath) throw new UsageError('aid <book.xlsx>');
  const registry = await openRegisterTabs(bookPath, ['settings', 'aid', 'aid_kinds'], args.lang);
  const summary = aidSummary(registry);
  if (args.json) {
    io.out(JSON.stringify(summary, null, 2));
    return 0;
  }
  const lang = args.lang ?? registry.lang;
  const say = (line: Record<Lang, (p: Record<string, string | number>) => string>, p: Record<string, string | number> = {}) => line[lang](p);
  const { kinds, records, table } = readAid(registry);
  const window = registerYear(registry.settings.schoolYear);
  io.out(say(aidText.heading, { school: registry.settings.schoolName, year: summary.schoolYear, from: window ? dmy(window.from) : '', to: window ? dmy(window.to) : '' }));
  io.out('');
  const money = (n: number) => formatDecimal(n);
  const rows = kinds.map((k) => {
    const f = summary.kinds[k.code]!;
    return [k[lang].charAt(0).toUpperCase() + k[lang].slice(1), f.pupils, f.records, money(f.amount)];
  });
  rows.push([say(aidText.total), summary.total.pupils, summary.total.records, money(summary.total.amount)]);
  io.out(formatTable([say(aidText.kind), say(aidText.pupils), say(aidText.records), say(aidText.amount)], rows));
  const sources = Object.entries(summary.sources);
  if (sources.length > 0) {
    io.out('');
    io.out(formatTable([say(aidText.source), say(aidText.amount)], sources.map(([s, n]) => [s, money(n)])));
  }
  if (summary.total.records === 0) io.out(say(aidText.empty, { tab: table.title || tabSpec('aid').title[lang] }));
  // Records that did not count are validation's to name: said here so that a total is never silently short.
  const counted = recordsOfYear(registry).length;
  if (records.length > counted) io.out(say(aidText.notCounted, { count: records.length - counted }));
  return 0;
}

/** What the aid and plan commands read of a registry: its settings and the register tabs they sum, nothing else. */
export type RegisterTabs = Pick<Registry, 'tabs' | 'lang' | 'settings'>;

/**
 * Opens only the sheets of `keys` (found by the `_qamqor` records, else by title in either language): the aid
 * register and the plan need no pupil, so a 100,000-pupil book's class tabs are never inflated. A file that does not
 * read this way (no settings tab, not an .xlsx) is opened as every command opens it, which says what is wrong.
 */
export async function openRegisterTabs(path: string, keys: readonly TabKey[], fallbackLang: Lang = 'kk'): Promise<RegisterTabs> {
  const full = async (): Promise<RegisterTabs> => (await openRegistry(path, fallbackLang)).registry;
  let pkg: XlsxPackage;
  try {
    pkg = XlsxPackage.open(await fs.readFile(path));
  } catch {
    return full();
  }
  const ctx: SheetContext = { strings: pkg.sharedStrings(), dateStyles: pkg.styles.dateTable(), date1904: pkg.date1904 };
  const rowsOf = (part: string | null) => {
    const bytes = part ? pkg.bytes(part) : null;
    return bytes ? readSheetBytes(bytes, ctx) : { rows: [] as Cell[][], formulas: [] };
  };
  const meta = pkg.sheets.find((s) => s.name === META_SHEET && s.worksheet);
  const records = meta ? rowsOf(meta.part).rows.filter((r) => (keys as readonly unknown[]).includes(r[1])) : [];
  const ids = new Set(records.map((r) => String(typeof r[0] === 'number' ? r[0] : Number(r[0]))));
  const titles = new Set(keys.flatMap((k) => [tabSpec(k).title.kk, tabSpec(k).title.ru, k].map(fold)));
  const tabs: TabData[] = pkg.sheets
    .filter((s) => s.worksheet && s.name !== META_SHEET && (ids.has(String(s.sheetId)) || titles.has(fold(s.name))))
    .map((s) => ({ id: String(s.sheetId), key: null, title: s.name, ...rowsOf(s.part) }));
  assignKeys(tabs, records);
  const found = locateTabs({ tabs });
  if (!found.settings) return full();
  const { settings } = readSettings(found.settings, fallbackLang);
  return { tabs: found, lang: settings.language, settings };
}
