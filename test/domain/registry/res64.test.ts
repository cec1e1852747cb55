import { readRegistry } from '../../../src/domain/registry/registry';
import { res64Eligible } from '../../../src/domain/registry/res64';
import { book, pupil } from '../../support/workbook';

describe('Resolution No. 64 eligibility list', () => {
  it('takes groups 1–4 from categories and group 5 from the council checkbox, in class then name order', () => {
    const r = readRegistry(
      book('kk', {
        '7А': [pupil(7, { full_name: 'Әлиев Бекзат', asp: true, free_meals: true }), pupil(7, { full_name: 'Ахметов Ерлан' })],
        '2Б': [pupil(2, { full_name: 'Қасымова Ару', orphan: true, guardian: 'Әжесі', emergency: true }), pupil(2, { full_name: 'Сейіт Нұр', res64_council: 'иә' })],
        '9В': [pupil(9, { full_name: 'Нұрлан Әсет', low_income: true })],
      }),
    );
    expect(res64Eligible(r.pupils, r.catalogue).map((e) => [e.pupil.className, e.pupil.fullName, e.groups])).toEqual([
      ['2Б', 'Қасымова Ару', [3, 4]],
      ['2Б', 'Сейіт Нұр', [5]],
      ['7А', 'Әлиев Бекзат', [1]],
      ['9В', 'Нұрлан Әсет', [2]],
    ]);
  });
});
