import { readRegistry } from '../../../src/domain/registry/registry';
import { validateRegistry, type Issue } from '../../../src/domain/registry/validate';
import { book, pupil, type PupilInput } from '../../support/workbook';

const today = new Date('2025-10-01T00:00:00Z');

function issuesOf(rows: PupilInput[], lang: 'kk' | 'ru' = 'kk', cls = '5А'): Issue[] {
  return validateRegistry(readRegistry(book(lang, { [cls]: rows })), today);
}

function codes(issues: Issue[]): string[] {
  return issues.map((i) => i.code).sort();
}

describe('a clean registry', () => {
  it('raises nothing', () => {
    const rows = [pupil(5), pupil(5, {}, 'F'), pupil(5, { orphan: true, guardian: 'Сейітова Гүлнар', free_meals: 'иә' })];
    expect(issuesOf(rows)).toEqual([]);
  });
});

describe('each validation code is raised by a crafted row', () => {
  const cases: [string, PupilInput][] = [
    ['iin_format', { iin: '12345' }],
    ['iin_checksum', { iin: '061211600013', birth_date: '2006-12-11', sex: 'қыз' }],
    ['missing_required', { full_name: '' }],
    ['invalid_date', { birth_date: '31.02.2014' }],
    ['exclusive_categories', { orphan: true, half_orphan: true, guardian: 'X' }],
    ['guardian_missing', { no_parental_care: 'да' }],
    ['large_family_size', { large_family: true, children_in_family: 3 }],
    ['unknown_category', { other_categories: 'orphn' }],
    ['formula_in_cell', { full_name: '=HYPERLINK("http://x","y")' }],
    ['formula_in_cell', { address: '+IMPORTXML(A1,B1)' }],
    ['invalid_value', { disability: 'мүмкін' }],
  ];
  it.each(cases)('%s', (code, over) => {
    const found = issuesOf([pupil(5, over)]);
    expect(found.map((i) => i.code)).toContain(code);
  });

  it('unknown_category names the catalogue’s label a teacher most likely meant, in the registry’s language', () => {
    const [kk] = issuesOf([pupil(5, { other_categories: 'Жетм' })]).filter((i) => i.code === 'unknown_category');
    expect(kk.message).toContain('«Жетм» деген санат «Санаттар» парағында жоқ; «Жетім» деп жазу керек пе?');
    const [ru] = issuesOf([pupil(5, { other_categories: 'спортсмен' })], 'ru').filter((i) => i.code === 'unknown_category');
    expect(ru.message).toContain('категории «спортсмен» нет на листе «Категории»; напишите категорию так, как она названа на этом листе');
    expect(ru.message).not.toMatch(/код/);
  });

  it('iin_birth_date_mismatch names both dates', () => {
    const p = pupil(5);
    const [issue] = issuesOf([{ ...p, birth_date: '2014-03-16' }]);
    expect(issue.code).toBe('iin_birth_date_mismatch');
    expect(issue.message).toContain('15.03.2014');
    expect(issue.message).toContain('16.03.2014');
  });
  it('iin_sex_mismatch', () => {
    expect(codes(issuesOf([{ ...pupil(5, {}, 'M'), sex: 'қыз' }]))).toEqual(['iin_sex_mismatch']);
  });
  it('duplicate_iin is reported on both rows, across classes', () => {
    const p = pupil(5);
    const issues = validateRegistry(readRegistry(book('kk', { '5А': [p], '7Б': [{ ...p, full_name: 'Басқа Бала' }] })), today);
    expect(issues.filter((i) => i.code === 'duplicate_iin').map((i) => i.class)).toEqual(['5А', '7Б']);
  });
  it('family_inconsistent when brothers disagree on a family category', () => {
    const issues = validateRegistry(
      readRegistry(book('kk', { '3А': [pupil(3, { family_id: 'F1', asp: true })], '8Б': [pupil(8, { family_id: 'F1' })] })),
      today,
    );
    // Both sides see it, each in its own class, each told who is marked and who is not.
    expect(issues.map((i) => [i.code, i.class, i.column])).toEqual([
      ['family_inconsistent', '3А', 'asp'],
      ['family_inconsistent', '8Б', 'asp'],
    ]);
    for (const issue of issues) expect(issue.message).toMatch(/белгіленгендер — .+ \(3А\); белгіленбегендер — .+ \(8Б\)$/);
  });
  it('age_grade_mismatch for a pupil four years too old', () => {
    const p = pupil(9);
    expect(codes(issuesOf([p], 'kk', '5А'))).toEqual(['age_grade_mismatch']);
  });
  it('unknown_class for a class tab not in the classes tab', () => {
    const b = book('kk', { '5А': [pupil(5)] });
    b.tabs[1].rows.pop();
    expect(codes(validateRegistry(readRegistry(b), today))).toEqual(['unknown_class']);
  });
  it('a phone number starting with + is not a formula', () => {
    expect(issuesOf([pupil(5, { phone: '+7 701 123 4567' })])).toEqual([]);
  });
  it('a real formula cell is reported even when its result looks harmless', () => {
    const b = book('kk', { '5А': [pupil(5)] });
    b.tabs[2].formulas.push({ row: 1, col: 1, formula: 'CONCAT("a","b")' });
    expect(codes(validateRegistry(readRegistry(b), today))).toContain('formula_in_cell');
  });
});

describe('issue contents', () => {
  it('name the class, the sheet row and the column, with the message in the registry language', () => {
    const [kk] = issuesOf([pupil(5), pupil(5, { iin: '123' })], 'kk');
    expect(kk).toMatchObject({ code: 'iin_format', severity: 'error', class: '5А', row: 3, column: 'iin', iin: '123' });
    expect(kk.message).toBe('5А, 3-жол, «ЖСН» бағаны: ЖСН 12 цифрдан тұруы керек, жазылғаны: «123»');
    const [ru] = issuesOf([pupil(5), pupil(5, { iin: '123' })], 'ru');
    expect(ru.message).toBe('5А, строка 3, столбец «ИИН»: ИИН должен состоять из 12 цифр, записано: «123»');
  });
  it('warnings do not count as errors', () => {
    const [issue] = issuesOf([pupil(5, { orphan: true })]);
    expect(issue).toMatchObject({ code: 'guardian_missing', severity: 'warning' });
  });
});
