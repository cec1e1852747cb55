// The demo school as the pupils CSV a school would export (DESIGN.md, "The pupils CSV").
import type { DemoSchool } from './demo-school';
import type { ImportTable } from './import-pupils';

const CSV_COLUMNS = ['class', 'full_name', 'iin', 'birth_date', 'sex', 'family_id', 'categories', 'children_in_family', 'guardian', 'placement', 'address', 'phone', 'notes', 'res64_council'] as const;

export function demoCsvRows(school: DemoSchool): string[][] {
  return [
    [...CSV_COLUMNS],
    ...school.pupils.map((p) =>
      CSV_COLUMNS.map((c) => {
        const v = p[c];
        if (Array.isArray(v)) return v.join(';');
        if (typeof v === 'boolean') return v ? '1' : '';
        return v === null ? '' : String(v);
      }),
    ),
  ];
}

/** The same rows as the import reads them from a file, with their line numbers. */
export function demoImportTable(school: DemoSchool): ImportTable {
  const [header, ...rows] = demoCsvRows(school);
  return { header, records: rows.map((raw, i) => ({ line: i + 2, raw, values: Object.fromEntries(header.map((h, j) => [h, raw[j]])) })) };
}
