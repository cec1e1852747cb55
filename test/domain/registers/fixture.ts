// A small school of 2025-2026 for the registers' tests, set up and filled as a pedagogue would: the pupils CSV (one
// arrival in October), then a movements CSV (a transfer and a departure in October), then inspection acts.
import { MemoryWorkbook } from '../../../src/app/memory-workbook';
import { planImport, type ImportTable } from '../../../src/app/import-pupils';
import { planMovementsImport } from '../../../src/app/movements';
import { planRegisterImportInto } from '../../../src/app/registers';
import { planSetup } from '../../../src/app/setup';
import type { Lang } from '../../../src/domain/template';
import { pupil } from '../../support/workbook';

export function csv(header: string[], rows: string[][]): ImportTable {
  return { header, records: rows.map((raw, i) => ({ line: i + 2, raw })) };
}

export const P = {
  aruzhan: pupil(5, { full_name: 'Әбенова Аружан Серікқызы' }, 'F'),
  bauyrzhan: pupil(5, { full_name: 'Бекұлы Бауыржан Маратұлы' }),
  erlan: pupil(5, { full_name: 'Ерғалиев Ерлан Асқарұлы' }),
  dana: pupil(5, { full_name: 'Дәулетова Дана Нұрланқызы' }, 'F'),
  maksat: pupil(6, { full_name: 'Мақсатов Мақсат Бериккұлы' }),
  nurlan: pupil(6, { full_name: 'Нұрланов Нұрлан Ержанұлы' }),
};

const PUPIL_HEADER = ['class', 'full_name', 'iin', 'birth_date', 'sex', 'family_id', 'categories', 'guardian', 'arrived_on', 'arrived_from'];

function pupilRow(cls: string, p: Record<string, unknown>, categories = '', guardian = '', arrived = '', from = ''): string[] {
  return [cls, String(p.full_name), String(p.iin), String(p.birth_date), p.sex === 'ұл' ? 'M' : 'F', '', categories, guardian, arrived, from];
}

export const MOVEMENT_HEADER = ['date', 'iin', 'kind', 'class', 'place', 'reason', 'order'];

/** The school before any movement: 5А (Аружан, an orphan; Бауыржан, large family; Ерлан), 5Б (Дана), 6А (Мақсат, Нұрлан arrives 05.10). */
export function school(lang: Lang = 'kk'): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.apply(planSetup(wb.read(), { lang, settings: { school_year: '2025-2026', school_name: '№ 7 мектеп' }, classes: [{ name: '5А' }, { name: '5Б' }, { name: '6А' }] }).changes);
  const pupils = csv(PUPIL_HEADER, [
    pupilRow('5А', P.aruzhan, 'orphan', 'Әбенова Гүлнар (әжесі)'),
    pupilRow('5А', P.bauyrzhan, 'large_family'),
    pupilRow('5А', P.erlan),
    pupilRow('5Б', P.dana, 'disability'),
    pupilRow('6А', P.maksat, 'low_income'),
    pupilRow('6А', P.nurlan, '', '', '05.10.2025', 'Шымкент, № 40 мектеп'),
  ]);
  const result = planImport(wb.read(), pupils, 'pupils.csv', new Date('2025-10-06T00:00:00Z'));
  if (result.rejects.length) throw new Error(JSON.stringify(result.rejects));
  wb.apply(result.changes);
  return wb;
}

/** The school after October's movements: Ерлан to 5Б on 10.10, Мақсат left on 20.10. */
export function schoolWithMovements(lang: Lang = 'kk'): MemoryWorkbook {
  const wb = school(lang);
  const moves = csv(MOVEMENT_HEADER, [
    ['20.10.2025', String(P.maksat.iin), 'left', '', 'Алматы, № 12 мектеп', 'отбасы көшті', '№ 45 от 20.10.2025'],
    ['2025-10-10', String(P.erlan.iin), 'transferred', '5Б', '', 'ата-анасының өтініші', '№ 41'],
  ]);
  const result = planMovementsImport(wb.read(), moves, 'movements.csv', '2025-10-21');
  if (result.rejects.length) throw new Error(JSON.stringify(result.rejects));
  wb.apply(result.changes);
  return wb;
}

export const ACT_HEADER = ['date', 'iin', 'commission', 'conclusion', 'housing', 'rooms', 'sanitary', 'own_bed', 'study_place', 'clothing', 'parents', 'family', 'climate', 'recommendations'];

/** Acts: Аружан (orphan) twice in the first half-year, Дана (disability) in February. */
export function withActs(wb: MemoryWorkbook): MemoryWorkbook {
  const act = (date: string, iin: unknown, conclusion: string) => [date, String(iin), 'Серікова А. (әлеуметтік педагог); Омарова Б. (сынып жетекшісі)', conclusion, 'own', '3', 'good', 'иә', 'иә', 'иә', 'Әбенова Гүлнар, зейнеткер', 'әжесі, інісі', 'жылы', 'қамқорлықты жалғастыру'];
  const result = planRegisterImportInto(wb.read(), csv(ACT_HEADER, [
    act('2025-09-20', P.aruzhan.iin, 'жағдайы қанағаттанарлық'),
    act('2025-11-15', P.aruzhan.iin, 'жағдайы жақсы'),
    act('2026-02-10', P.dana.iin, 'жағдайы жақсы'),
  ]), 'inspections', 'acts.csv', '2026-02-11');
  if (result.rejects.length) throw new Error(JSON.stringify(result.rejects));
  wb.apply(result.changes);
  return wb;
}
