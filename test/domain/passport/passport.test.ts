import fc from 'fast-check';
import { buildPassport, withComparison, Passport } from '../../../src/domain/passport/passport';
import { readRegistry, type Pupil } from '../../../src/domain/registry/registry';
import { defaultCatalogue } from '../../../src/domain/template';
import { book, pupil } from '../../support/workbook';

describe('a hand-checked small school', () => {
  // Family F1: three children in 2А, 5Ә and 9Б, a large family on АСП. Family F2: two in 5Ә, low income.
  // One orphan alone. One pupil with no category.
  const registry = readRegistry(
    book('kk', {
      '2А': [pupil(2, { family_id: 'F1', large_family: true, asp: true, free_meals: true }), pupil(2)],
      '5Ә': [
        pupil(5, { family_id: 'F1', large_family: true, asp: true, free_meals: true }),
        pupil(5, { family_id: 'F2', low_income: true }),
        pupil(5, { family_id: 'F2', low_income: true, free_meals: true }),
      ],
      '9Б': [pupil(9, { family_id: 'F1', large_family: true, asp: true }), pupil(9, { orphan: true, guardian: 'Әжесі' })],
    }),
  );
  const p = buildPassport('2025-2026', registry.pupils, registry.catalogue, registry.classes.map((c) => c.name));

  it('counts pupils and distinct families of the school', () => {
    expect(p.students).toBe(7);
    expect(p.families).toBe(4); // F1, F2, the orphan, the pupil with no category
  });
  it('counts a family once across classes', () => {
    expect(p.categories.large_family).toEqual({ students: 3, families: 1 });
    expect(p.categories.asp).toEqual({ students: 3, families: 1 });
    expect(p.categories.low_income).toEqual({ students: 2, families: 1 });
    expect(p.categories.free_meals).toEqual({ students: 3, families: 2 });
    expect(p.categories.orphan).toEqual({ students: 1, families: 1 });
  });
  it('lists every category of the catalogue, zeros included', () => {
    expect(Object.keys(p.categories)).toEqual(defaultCatalogue.map((c) => c.code));
    expect(p.categories.kandas).toEqual({ students: 0, families: 0 });
  });
  it('counts classes on their own pupils', () => {
    expect(Object.keys(p.classes)).toEqual(['2А', '5Ә', '9Б']);
    expect(p.classes['5Ә']).toMatchObject({ students: 3, families: 2 });
    expect(p.classes['5Ә'].categories.low_income).toEqual({ students: 2, families: 1 });
  });
  it('matches the passport JSON schema', () => {
    expect(Passport.safeParse(p).success).toBe(true);
  });
});

describe('comparison with the previous year', () => {
  const now = buildPassport('2025-2026', [], defaultCatalogue);
  now.categories.large_family = { students: 80, families: 46 };
  now.categories.half_orphan = { students: 15, families: 12 };
  now.categories.orphan = { students: 3, families: 3 };
  const before = { schoolYear: '2024-2025', students: 0, families: 0, classes: {}, categories: { large_family: { students: 135, families: 78 }, half_orphan: { students: 9, families: 10 } } };
  const c = withComparison(now, before).compare!;

  it('gives (now − before) / before × 100 to one decimal, as in the annual report', () => {
    expect(c.schoolYear).toBe('2024-2025');
    expect(c.categories.large_family).toEqual({ students: 135, families: 78, studentsChangePct: -40.7, familiesChangePct: -41 });
    expect(c.categories.half_orphan.studentsChangePct).toBe(66.7);
  });
  it('gives null where there was nothing before', () => {
    expect(c.categories.orphan).toEqual({ students: 0, families: 0, studentsChangePct: null, familiesChangePct: null });
  });
});

describe('passport invariants on random schools', () => {
  const codes = defaultCatalogue.map((c) => c.code);
  const pupilArb = fc.record({
    className: fc.constantFrom('1А', '1Ә', '5Б', '9Ғ', '11І'),
    family: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    categories: fc.subarray(codes),
  });
  const schools = fc.array(pupilArb, { maxLength: 120 }).map((list) =>
    list.map((x, i) => ({ className: x.className, row: i + 2, familyKey: x.family === null ? `p:${i}` : `f:${x.family}`, categories: x.categories }) as unknown as Pupil),
  );

  it('class figures add up to the school; families never exceed pupils; a family counts once', () => {
    fc.assert(
      fc.property(schools, (pupils) => {
        const p = buildPassport('2025-2026', pupils, defaultCatalogue);
        const classes = Object.values(p.classes);
        expect(classes.reduce((s, c) => s + c.students, 0)).toBe(p.students);
        expect(p.families).toBe(new Set(pupils.map((x) => x.familyKey)).size);
        expect(p.families).toBeLessThanOrEqual(p.students);
        for (const code of codes) {
          const school = p.categories[code];
          expect(classes.reduce((s, c) => s + c.categories[code].students, 0)).toBe(school.students);
          expect(school.families).toBeLessThanOrEqual(school.students);
          // families of a category: at most the sum over classes (a family spread over classes counts once)
          expect(school.families).toBeLessThanOrEqual(classes.reduce((s, c) => s + c.categories[code].families, 0));
          expect(school.families).toBe(new Set(pupils.filter((x) => x.categories.includes(code)).map((x) => x.familyKey)).size);
        }
      }),
    );
  });
});
