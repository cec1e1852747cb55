// Russian number agreement, as a reader checks it.
import { ruCount, ruForm } from '../../src/domain/plural';

const pupils = ['ученик', 'ученика', 'учеников'] as const;

describe('Russian number agreement', () => {
  it.each([
    [1, '1 ученик'], [2, '2 ученика'], [4, '4 ученика'], [5, '5 учеников'], [11, '11 учеников'], [12, '12 учеников'],
    [14, '14 учеников'], [21, '21 ученик'], [22, '22 ученика'], [25, '25 учеников'], [0, '0 учеников'], [101, '101 ученик'],
    [111, '111 учеников'], [1000, '1000 учеников'],
  ])('%i → %s', (n, text) => {
    expect(ruCount(n, pupils)).toBe(text);
  });

  it('agrees a verb the same way: 1 размещён, 2 размещены, 5 размещено', () => {
    const verb = ['размещён', 'размещены', 'размещено'] as const;
    expect([1, 2, 5, 21].map((n) => ruForm(n, verb))).toEqual(['размещён', 'размещены', 'размещено', 'размещён']);
  });
});
