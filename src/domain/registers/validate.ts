// Validation of the pedagogue's registers: each cell by its column's type (required, dates, IINs, codes, formulas),
// each IIN against the roll and the archive (`unknown_pupil`), each date against the school year
// (`date_outside_year`), then each register's own checks. Called by validateRegistry, so `qamqor validate` and the
// Sheets validate action show them with the class tabs' issues.
import { dmy } from '../format';
import { issueMessages, say, where } from '../i18n';
import type { Registry } from '../registry/registry';
import { registerTabKeys, type Lang, type TabKey } from '../template';
import type { Issue, IssueCode } from '../registry/validate';
import { aidRegister } from './aid';
import { inspectionsRegister } from './inspections';
import { planRegister } from './plan';
import { movementsRegister } from './movements';
import { knownPupils, readArchive, readRegister, registerYear, textOf, type CellProblem, type RegisterCheckContext, type RegisterDefinition, type RegisterTable } from './read';

/**
 * What each register adds to the shared checks, by tab key. A register of the layout without an entry here is still
 * read and checked cell by cell. (registers-C: `aid: aidRegister, plan: planRegister`.)
 */
export const REGISTERS: Partial<Record<TabKey, RegisterDefinition>> = {
  movements: movementsRegister,
  inspections: inspectionsRegister,
  aid: aidRegister,
  plan: planRegister,
};

/** A register tab read with its own words: what every user of a register (validation, commands, import) calls. */
export function readRegisterOf(registry: Pick<Registry, 'tabs' | 'lang'>, key: TabKey): RegisterTable {
  return readRegister(registry, key, REGISTERS[key]?.choices ?? {});
}

type Message = Record<Lang, (p: Record<string, string | number>) => string>;

const WARNINGS: ReadonlySet<string> = new Set();

/** Every issue of every register tab the workbook has; nothing for a registry without them. */
export function registerIssues(registry: Registry, today: string): Issue[] {
  const keys = registerTabKeys().filter((k) => registry.tabs[k]);
  if (keys.length === 0) return [];
  const lang = registry.lang;
  const known = knownPupils(registry, readArchive(registry));
  const window = registerYear(registry.settings.schoolYear);
  const out: Issue[] = [];
  for (const key of keys) {
    const def = REGISTERS[key] ?? {};
    const table = readRegisterOf(registry, key);
    const headerOf = (column: string | null) => (column ? table.spec.columns.find((c) => c.key === column)?.header[lang] ?? column : '');
    const issue: RegisterCheckContext['issue'] = (r, code, column, message, params = {}, severity) => {
      const header = headerOf(column);
      const iin = r ? textOf(r, 'iin') || null : null;
      const pupil = iin ? known.get(iin) : undefined;
      const place = say(where, lang, { tab: table.title, row: r?.row ?? '', column: header });
      out.push({
        code: code as IssueCode,
        severity: severity ?? (WARNINGS.has(code) ? 'warning' : 'error'),
        class: null,
        tab: table.title,
        row: r?.row ?? null,
        column,
        iin,
        full_name: pupil?.fullName ?? (r ? textOf(r, 'full_name') || null : null),
        message: `${place}: ${message[lang]({ column: header, ...params })}`,
      });
    };
    if (table.error) {
      out.push({
        code: 'missing_required', severity: 'error', class: null, tab: table.title, row: null, column: null, iin: null, full_name: null,
        message: table.error.text(lang),
      });
      continue;
    }
    const dateColumns = table.spec.columns.filter((c) => c.type === 'date' && !(def.datesAnyYear ?? []).includes(c.key)).map((c) => c.key);
    const iinColumns = table.spec.columns.filter((c) => c.type === 'iin').map((c) => c.key);
    for (const r of table.rows) {
      for (const p of r.problems) issue(r, p.code, p.column, problemMessage(p), { value: p.value, expected: p.expected ?? '' });
      for (const key of iinColumns) {
        const iin = textOf(r, key);
        if (iin && !known.has(iin)) issue(r, 'unknown_pupil', key, issueMessages.unknown_pupil, { value: iin });
      }
      if (window) {
        for (const key of dateColumns) {
          const d = textOf(r, key);
          if (d && (d < window.from || d > window.to)) {
            issue(r, 'date_outside_year', key, issueMessages.date_outside_year, { value: dmy(d), year: registry.settings.schoolYear!.name, from: dmy(window.from), to: dmy(window.to) });
          }
        }
      }
    }
    def.check?.({ registry, table, known, lang, today, issue });
  }
  return out;
}

function problemMessage(p: CellProblem): Message {
  switch (p.code) {
    case 'iin_format':
      return issueMessages.iin_format;
    case 'iin_checksum':
      return issueMessages.iin_checksum;
    case 'invalid_value':
      return issueMessages.invalid_value;
    default:
      return issueMessages[p.code];
  }
}

