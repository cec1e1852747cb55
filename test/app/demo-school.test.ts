import { generateSchool, MISTAKE_CODES, transliterate, type DemoPupil, type DemoSchool } from '../../src/app/demo-school';
import { parseClassName } from '../../src/domain/registry/class-name';
import { checkIin } from '../../src/domain/registry/iin';
import { readRegistry } from '../../src/domain/registry/registry';
import { ageOnFirstSeptember } from '../../src/domain/school-year';
import type { Cell, TabData, WorkbookData } from '../../src/domain/sheet';
import { classColumns, defaultCatalogue } from '../../src/domain/template';
import { validateRegistry } from '../../src/domain/registry/validate';

const school = generateSchool();
const { pupils } = school;
const mistakeOf = new Map(school.mistakes.map((m) => [`${m.class}|${m.full_name}`, m.code]));
const mistake = (p: DemoPupil) => mistakeOf.get(`${p.class}|${p.full_name}`);
const clean = pupils.filter((p) => mistake(p) === undefined);
const grade = (p: DemoPupil) => parseClassName(p.class)!.grade;
const has = (p: DemoPupil, code: string) => p.categories.includes(code);
const share = (code: string) => pupils.filter((p) => has(p, code)).length / pupils.length;
const FAMILY_LEVEL = defaultCatalogue.filter((c) => c.level === 'family').map((c) => c.code);
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CLASS_NAME = /^\d{1,2}\p{L}{1,2}$/u;

function families(s: DemoSchool): DemoPupil[][] {
  const byId = new Map<string, DemoPupil[]>();
  for (const p of s.pupils) if (p.family_id) byId.set(p.family_id, [...(byId.get(p.family_id) ?? []), p]);
  return [...byId.values()];
}

/** The surname's male form, so that a brother Қасымов and his sister Қасымова compare equal. */
const surnameStem = (p: DemoPupil) => p.full_name.split(' ')[0].replace(/(ов|ев|ёв|ин|ын)а$/, '$1');

describe('the demo school is reproducible', () => {
  it('gives the same school for the same options', () => {
    expect(generateSchool()).toEqual(school);
    expect(generateSchool({ pupils: 300, seed: 5, language: 'ru' })).toEqual(generateSchool({ pupils: 300, seed: 5, language: 'ru' }));
  });
  it('gives another school for another seed', () => {
    expect(generateSchool({ seed: 1 }).pupils[0]).not.toEqual(school.pupils[0]);
  });
});

describe('size and classes', () => {
  it('has 1,000 pupils in about 40 classes of 22–30, three or four parallels per grade 0–11', () => {
    expect(pupils).toHaveLength(1000);
    expect(school.classes.length).toBeGreaterThanOrEqual(36);
    expect(school.classes.length).toBeLessThanOrEqual(44);
    for (let g = 0; g <= 11; g++) {
      const parallels = school.classes.filter((c) => parseClassName(c.name)!.grade === g).length;
      expect([3, 4]).toContain(parallels);
    }
    for (const c of school.classes) {
      const size = pupils.filter((p) => p.class === c.name).length;
      expect(size).toBeGreaterThanOrEqual(22);
      expect(size).toBeLessThanOrEqual(30);
    }
  });

  it('names every class as a grade and one or two letters, each once, and puts every pupil in one of them', () => {
    const names = school.classes.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(CLASS_NAME);
      expect(parseClassName(name)?.name).toBe(name);
    }
    expect(names.slice(0, 4)).toEqual(['0А', '0Ә', '0Б', '0В']);
    const known = new Set(names);
    expect(pupils.every((p) => known.has(p.class))).toBe(true);
  });

  it('teaches about two thirds of the classes in Kazakh', () => {
    const kk = school.classes.filter((c) => c.instructionLanguage === 'kk').length / school.classes.length;
    expect(kk).toBeGreaterThan(0.6);
    expect(kk).toBeLessThan(0.75);
  });

  it('gives every class a teacher with a unique Latin e-mail', () => {
    const emails = school.classes.map((c) => c.teacherEmail);
    expect(new Set(emails).size).toBe(emails.length);
    for (const c of school.classes) {
      expect(c.teacher.split(' ')).toHaveLength(3);
      expect(c.teacherEmail).toMatch(/^[a-z]\.[a-z]+\d*@school\.edu\.kz$/);
    }
    expect(transliterate('Нұрланова')).toBe('nurlanova');
    expect(transliterate('Әбдіқадырова')).toBe('abdikadyrova');
    expect(transliterate('Ғалия')).toBe('galiya');
  });

  it('names the school, the social pedagogue and the director in the chosen language', () => {
    expect(school.schoolYear).toBe('2025-2026');
    expect(school.schoolName).toMatch(/^№ \d+ жалпы білім беретін мектеп$/);
    expect(school.socialPedagogue.split(' ')).toHaveLength(3);
    expect(school.director.split(' ')).toHaveLength(3);
    const ru = generateSchool({ pupils: 200, language: 'ru', schoolYear: '2024-2025' });
    expect(ru.schoolName).toMatch(/^Общеобразовательная школа № \d+$/);
    expect(ru.schoolYear).toBe('2024-2025');
    expect(ru.pupils.every((p) => p.birth_date === '' || p.birth_date < '2020-01-01')).toBe(true);
  });
});

describe('pupils look real', () => {
  it('writes plenty of names with Kazakh letters, and Russian spelling in Russian-medium classes', () => {
    const kazakh = pupils.filter((p) => KAZAKH_LETTERS.test(p.full_name)).length;
    expect(kazakh / pupils.length).toBeGreaterThan(0.5);
    for (const letter of 'әғқңөұүі') expect(pupils.some((p) => p.full_name.includes(letter))).toBe(true);
    const ruClasses = new Set(school.classes.filter((c) => c.instructionLanguage === 'ru').map((c) => c.name));
    const inRu = pupils.filter((p) => ruClasses.has(p.class) && !mistake(p));
    expect(inRu.length).toBeGreaterThan(200);
    expect(inRu.some((p) => KAZAKH_LETTERS.test(p.full_name))).toBe(false);
    expect(inRu.some((p) => /(ович|евич)$/.test(p.full_name))).toBe(true);
    expect(pupils.some((p) => /(ұлы|қызы)$/.test(p.full_name))).toBe(true);
  });

  it('gives girls the female form of the surname and patronymic', () => {
    for (const p of clean) {
      const [surname, , patronymic] = p.full_name.split(' ');
      if (p.sex === 'F') {
        expect(surname).not.toMatch(/(ов|ев|ин)$/);
        expect(patronymic).toMatch(/(қызы|кызы|овна|евна|ична)$/);
      } else {
        expect(surname).not.toMatch(/(ова|ева|ина)$/);
        expect(patronymic).toMatch(/(ұлы|улы|ович|евич|ич)$/);
      }
    }
  });

  it('writes phones and addresses the way the class language does', () => {
    const lang = new Map(school.classes.map((c) => [c.name, c.instructionLanguage]));
    for (const p of pupils) {
      expect(p.phone).toMatch(/^\+7 7\d\d \d{3} \d{4}$/);
      expect(p.address).toMatch(lang.get(p.class) === 'kk' ? /, \d+-үй(, \d+-пәтер)?$/ : /, д\. \d+(, кв\. \d+)?$/);
    }
  });

  it('gives every IIN a valid check digit matching the birth date and sex, except the deliberate mistakes', () => {
    for (const p of pupils) {
      const iin = checkIin(p.iin);
      const code = mistake(p);
      if (code === 'iin_checksum') {
        expect(iin).toEqual({ ok: false, reason: 'checksum' });
        continue;
      }
      expect(iin.ok).toBe(true);
      if (!iin.ok) continue;
      if (code === 'iin_birth_date_mismatch') expect(iin.birthDate).not.toBe(p.birth_date);
      else if (code === 'missing_required') expect(p.birth_date).toBe('');
      else expect(iin.birthDate).toBe(p.birth_date);
      if (code === 'iin_sex_mismatch') expect(iin.sex).not.toBe(p.sex);
      else expect(iin.sex).toBe(p.sex);
    }
  });

  it('gives every pupil their own IIN except the one duplicated on purpose', () => {
    const seen = new Map<string, DemoPupil[]>();
    for (const p of pupils) seen.set(p.iin, [...(seen.get(p.iin) ?? []), p]);
    const repeated = [...seen.values()].filter((list) => list.length > 1);
    expect(repeated).toHaveLength(1);
    const [a, b] = repeated[0];
    expect(a.class).not.toBe(b.class);
    expect([a, b].some((p) => mistake(p) === 'duplicate_iin')).toBe(true);
  });

  it('gives birth dates that fit the grade: grade + 6 on 1 September, a few a year older', () => {
    const year = { start: 2025, name: '2025-2026' };
    let older = 0;
    for (const p of clean) {
      const age = ageOnFirstSeptember(p.birth_date, year) - grade(p);
      expect([6, 7]).toContain(age);
      if (age === 7) older++;
    }
    expect(older).toBeGreaterThan(10);
    expect(older).toBeLessThan(150);
  });
});

describe('families', () => {
  const all = families(school);

  it('has brothers and sisters spread over different grades, many 2–4 in school, a few 5 or more', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((f) => f.length >= 3).length).toBeGreaterThan(20);
    expect(all.filter((f) => f.length >= 5).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((f) => f.length >= 5).length).toBeLessThan(20);
    for (const f of all) {
      const grades = f.map(grade);
      expect(new Set(grades).size).toBe(f.length);
    }
  });

  it('gives brothers and sisters one surname, address, phone, guardian and number of children, born ~11 months apart or more', () => {
    for (const f of all) {
      const first = f[0];
      for (const p of f) {
        if (mistake(p) !== 'formula_in_cell') expect(surnameStem(p)).toBe(surnameStem(first));
        expect(p.address).toBe(first.address);
        expect(p.phone).toBe(first.phone);
        expect(p.children_in_family).toBe(first.children_in_family);
        if (!mistake(p) && !mistake(first)) expect(p.guardian).toBe(first.guardian);
      }
      const days = f
        .filter((p) => p.birth_date !== '' && !mistake(p))
        .map((p) => Date.parse(p.birth_date) / 86_400_000)
        .sort((a, b) => a - b);
      for (let i = 1; i < days.length; i++) expect(days[i] - days[i - 1]).toBeGreaterThanOrEqual(330);
      if (first.children_in_family !== null) expect(first.children_in_family).toBeGreaterThanOrEqual(f.length);
    }
  });

  it('gives brothers and sisters the same family categories, except the one family left inconsistent on purpose', () => {
    const inconsistent = all.filter((f) => FAMILY_LEVEL.some((c) => new Set(f.map((p) => has(p, c))).size > 1));
    expect(inconsistent).toHaveLength(1);
    const [odd] = inconsistent[0].filter((p) => !has(p, 'large_family'));
    expect(mistake(odd)).toBe('family_inconsistent');
  });
});

describe('categories', () => {
  it('has the main categories close to the annual report of seed 001', () => {
    const bounds: Record<string, [number, number]> = {
      large_family: [0.1, 0.17], incomplete_family: [0.14, 0.21], low_income: [0.025, 0.06], asp: [0.02, 0.045],
      step_parent: [0.02, 0.05], half_orphan: [0.006, 0.02], disability: [0.008, 0.025], sen: [0.02, 0.045],
      kandas: [0.004, 0.02], risk_group: [0.005, 0.02], disabled_parent: [0.004, 0.02],
    };
    for (const code of ['orphan', 'no_parental_care', 'home_schooled', 'school_register', 'police_register', 'dysfunctional_family', 'emergency']) {
      bounds[code] = [0.001, 0.012];
    }
    const outside = Object.entries(bounds)
      .filter(([code, [min, max]]) => share(code) < min || share(code) > max)
      .map(([code]) => `${code}: ${(share(code) * 100).toFixed(1)} %`);
    expect(outside).toEqual([]);
  });

  it('uses only catalogue codes, except the deliberate unknown one', () => {
    const codes = new Set(defaultCatalogue.map((c) => c.code));
    for (const p of pupils) {
      const unknown = p.categories.filter((c) => !codes.has(c));
      expect(unknown).toEqual(mistake(p) === 'unknown_category' ? ['orphn'] : []);
    }
  });

  it('respects exclusive categories, guardians and the large-family threshold except where a mistake says otherwise', () => {
    for (const p of clean) {
      if (has(p, 'orphan')) expect(has(p, 'half_orphan') || has(p, 'no_parental_care')).toBe(false);
      expect(has(p, 'asp') && has(p, 'low_income')).toBe(false);
      if (has(p, 'orphan') || has(p, 'no_parental_care')) expect(p.guardian).not.toBe('');
      if (has(p, 'large_family')) expect(p.children_in_family).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives free meals to every pupil of groups 1–3 and the universal-education aid only to those eligible under Resolution No. 64', () => {
    for (const p of pupils) {
      if (['asp', 'low_income', 'orphan', 'no_parental_care'].some((c) => has(p, c))) expect(has(p, 'free_meals')).toBe(true);
      const eligible = ['asp', 'low_income', 'orphan', 'no_parental_care', 'emergency'].some((c) => has(p, c)) || p.res64_council;
      if (has(p, 'vseobuch_aid')) expect(eligible).toBe(true);
    }
    const meals = share('free_meals');
    expect(meals).toBeGreaterThan(share('asp') + share('low_income'));
    expect(share('vseobuch_aid')).toBeGreaterThan(0);
    expect(share('vseobuch_aid')).toBeLessThan(meals);
    const council = pupils.filter((p) => p.res64_council).length;
    expect(council).toBeGreaterThan(0);
    expect(council).toBeLessThan(20);
  });
});

describe('the deliberate mistakes', () => {
  it('lists each validation code exactly once, on a pupil of the school', () => {
    expect(school.mistakes.map((m) => m.code).sort()).toEqual([...MISTAKE_CODES].sort());
    for (const m of school.mistakes) expect(pupils.filter((p) => p.class === m.class && p.full_name === m.full_name)).toHaveLength(1);
  });

  it('makes each mistake as described', () => {
    const pupilOf = (code: string) => pupils.find((p) => mistake(p) === code)!;
    expect(pupilOf('guardian_missing')).toMatchObject({ guardian: '' });
    expect(pupilOf('guardian_missing').categories).toContain('orphan');
    expect(pupilOf('exclusive_categories').categories).toEqual(expect.arrayContaining(['orphan', 'half_orphan']));
    expect(pupilOf('large_family_size')).toMatchObject({ children_in_family: 3 });
    expect(pupilOf('large_family_size').categories).toContain('large_family');
    expect(pupilOf('formula_in_cell').full_name).toBe('=HYPERLINK("http://example.com","Иванов")');
    expect(pupilOf('missing_required').birth_date).toBe('');
    const old = pupilOf('age_grade_mismatch');
    expect(ageOnFirstSeptember(old.birth_date, { start: 2025, name: '' }) - grade(old)).toBeGreaterThanOrEqual(10);
  });

  it('are exactly what validation finds in a registry holding the school', () => {
    const issues = validateRegistry(readRegistry(workbookOf(school)), new Date(Date.UTC(2025, 9, 1)));
    const found = issues.map((i) => `${i.code} ${i.class} ${i.full_name ?? ''}`).sort();
    const dup = pupils.filter((p) => p.iin === pupils.find((q) => mistake(q) === 'duplicate_iin')!.iin);
    // An inconsistent family is reported on every member, in every class.
    const family = pupils.filter((p) => p.family_id === pupils.find((q) => mistake(q) === 'family_inconsistent')!.family_id);
    const expected = [
      ...school.mistakes.filter((m) => m.code !== 'duplicate_iin' && m.code !== 'family_inconsistent').map((m) => `${m.code} ${m.class} ${m.full_name}`),
      ...dup.map((p) => `duplicate_iin ${p.class} ${p.full_name}`),
      ...family.map((p) => `family_inconsistent ${p.class} ${p.full_name}`),
    ].sort();
    expect(found).toEqual(expected);
  });

  it('grow with the school: one of each per thousand pupils', () => {
    const big = generateSchool({ pupils: 10_000, seed: 3 });
    for (const code of MISTAKE_CODES) expect(big.mistakes.filter((m) => m.code === code)).toHaveLength(10);
    const small = generateSchool({ pupils: 300 });
    expect(small.mistakes.map((m) => m.code).sort()).toEqual([...MISTAKE_CODES].sort());
  });
});

describe('benchmark sizes', () => {
  it('generates 100,000 pupils with valid class names', () => {
    const big = generateSchool({ pupils: 100_000 });
    expect(big.pupils).toHaveLength(100_000);
    expect(big.classes.length).toBeGreaterThan(3500);
    const names = new Set(big.classes.map((c) => c.name));
    expect(names.size).toBe(big.classes.length);
    expect([...names].filter((name) => !CLASS_NAME.test(name) || parseClassName(name)?.name !== name)).toEqual([]);
    expect(big.pupils.every((p) => names.has(p.class))).toBe(true);
  }, 30_000);
});

/** The school as a workbook the registry reader knows: settings, classes and one tab per class. */
function workbookOf(s: DemoSchool): WorkbookData {
  const columns = classColumns(defaultCatalogue);
  const codes = new Set(defaultCatalogue.map((c) => c.code));
  const tabs: TabData[] = [
    tab('settings', 'Баптаулар', [['Кілт', 'Параметр', 'Мәні'], ['school_year', '', s.schoolYear], ['language', '', s.language]]),
    tab('classes', 'Сыныптар', [['Сынып', 'Сынып жетекші', 'Жетекшінің эл. поштасы'], ...s.classes.map((c) => [c.name, c.teacher, c.teacherEmail])]),
  ];
  for (const c of s.classes) {
    const rows: Cell[][] = [columns.map((col) => col.header.kk)];
    s.pupils
      .filter((p) => p.class === c.name)
      .forEach((p, i) => {
        const value: Record<string, Cell> = {
          row_no: i + 1, full_name: p.full_name, iin: p.iin, birth_date: p.birth_date, sex: p.sex, family_id: p.family_id,
          children_in_family: p.children_in_family, guardian: p.guardian, address: p.address, phone: p.phone, notes: p.notes,
          res64_council: p.res64_council, other_categories: p.categories.filter((code) => !codes.has(code)).join(';'),
        };
        for (const code of codes) value[code] = p.categories.includes(code);
        rows.push(columns.map((col) => value[col.key] ?? null));
      });
    tabs.push(tab(`class:${c.name}`, c.name, rows));
  }
  return { tabs };
}

function tab(key: string, title: string, rows: Cell[][]): TabData {
  return { id: key, key, title, rows, formulas: [] };
}
