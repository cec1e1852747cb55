// Laying out and repairing the case file: every tab of cases.json, Google's blank first sheet reused, twice in a row
// nothing, a lost tab put back and the repair recorded — the audit tab only ever growing under its earlier rows.
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { auditChange, planCasesRepair, planCasesSetup, planNewCaseFile } from '../../src/app/cases';
import { caseTabKeys, readCaseFile } from '../../src/domain/cases/case-file';

const actor = { user: 'ped@school.kz', at: '2025-11-20 09:00:00' };

describe('the case file laid out', () => {
  it('has every tab, its settings with DOMAIN.md deadlines, and its creation as the first audit row', () => {
    const wb = new MemoryWorkbook();
    wb.apply(planNewCaseFile(wb.read(), 'ru', actor));
    expect(wb.read().tabs.map((t) => t.key)).toEqual([...caseTabKeys]);
    const file = readCaseFile(wb.read());
    expect(file.lang).toBe('ru');
    expect(file.settings).toEqual({ language: 'ru', openingDays: 10, firstActionDays: 10, reviewDays: 30 });
    expect(file.audit.map((a) => [a.at, a.user, a.action])).toEqual([['2025-11-20 09:00:00', 'ped@school.kz', 'создан файл дел']]);
    expect(planCasesSetup(wb.read(), 'kk').changes).toEqual([]);
    expect(planCasesRepair(wb.read(), 'kk', actor)).toEqual([]);
  });

  it('takes the place of a new spreadsheet’s blank sheet rather than leaving it', () => {
    const wb = new MemoryWorkbook({ tabs: [{ id: '0', key: null, title: 'Sheet1', rows: [], formulas: [] }] });
    wb.apply(planNewCaseFile(wb.read(), 'kk', actor));
    const tabs = wb.read().tabs;
    expect(tabs.map((t) => t.title)).toEqual(['Іс баптаулары', 'Істер', 'Қолдау жоспары', 'Мониторинг', 'Келісімдер', 'Өзгерістер журналы']);
    expect(tabs[0].id).toBe('0');
  });

  it('puts a lost tab back and records it, every earlier audit row as it was', () => {
    const wb = new MemoryWorkbook();
    wb.apply(planNewCaseFile(wb.read(), 'kk', actor));
    wb.apply(auditChange(wb.read(), [{ action: 'екінші', caseId: 'C-001' }], actor));
    const consents = wb.read().tabs.find((t) => t.key === 'case_consents')!;
    wb.apply([{ kind: 'removeTab', tab: { id: consents.id } }]);
    const before = wb.read().tabs.find((t) => t.key === 'case_audit')!.rows;
    wb.apply(planCasesRepair(wb.read(), 'kk', { ...actor, at: '2025-11-21 10:00:00' }));
    const after = wb.read().tabs.find((t) => t.key === 'case_audit')!.rows;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual(['2025-11-21 10:00:00', 'ped@school.kz', 'парақтар қосылды немесе толықтырылды: Келісімдер']);
    expect(wb.read().tabs.some((t) => t.key === 'case_consents')).toBe(true);
  });
});
