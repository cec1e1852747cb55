// What the aid and plan registers add to the shared CSV import (`qamqor import … --into aid|plan`): an aid row whose
// kind the school's catalogue does not know, or a plan row whose months do not read, goes to the rejects file with its
// reason instead of into the tab (validation would only report it there); the aid kind is written as its code.
import { aidKindFinder, readAidKinds } from '../domain/registers/aid';
import { parseMonths } from '../domain/registers/plan';
import { planText } from '../domain/registers/plan-words';
import type { Registry } from '../domain/registry/registry';
import { issueMessages, say } from '../domain/i18n';
import type { RegisterImportHooks } from './registers-import';

export function aidImportHooks(registry: Pick<Registry, 'tabs' | 'lang'>): RegisterImportHooks {
  const find = aidKindFinder(readAidKinds(registry).kinds);
  return {
    accept(row) {
      const text = typeof row.values.kind === 'string' ? row.values.kind : '';
      const kind = find(text);
      if (!kind) return say(issueMessages.unknown_aid_kind, registry.lang, { value: text });
      // «праздничные подарки» and «gift» are one kind: the tab holds the code, which reads the same in both languages.
      row.cells.set('kind', kind.code);
      row.values.kind = kind.code;
      return null;
    },
  };
}

export function planImportHooks(registry: Pick<Registry, 'lang'>): RegisterImportHooks {
  return {
    accept(row) {
      const text = typeof row.values.months === 'string' ? row.values.months : '';
      return parseMonths(text) ? null : planText.badMonths[registry.lang]({ value: text });
    },
  };
}
