import { compareText } from '../../src/domain/collate';
import { compareClassNames, parseClassName, promote } from '../../src/domain/registry/class-name';

describe('Kazakh alphabetical order', () => {
  it('puts each Kazakh letter after its Russian neighbour', () => {
    const names = ['Іляс', 'Ыбырай', 'Һарун', 'Хасен', 'Үмбет', 'Ұлан', 'Усен', 'Өмір', 'Оспан', 'Ңа', 'Нұр', 'Қасым', 'Кәрім', 'Ғалым', 'Гүл', 'Әлия', 'Айгүл'];
    expect([...names].sort(compareText)).toEqual([
      'Айгүл', 'Әлия', 'Гүл', 'Ғалым', 'Кәрім', 'Қасым', 'Нұр', 'Ңа', 'Оспан', 'Өмір', 'Усен', 'Ұлан', 'Үмбет', 'Хасен', 'Һарун', 'Ыбырай', 'Іляс',
    ]);
  });
  it('ignores case and compares whole words before their extensions', () => {
    expect(compareText('әлиев', 'Әлиев')).not.toBe(0);
    expect(['Әлиева', 'әлиев', 'Әлиев'].sort(compareText)).toEqual(['Әлиев', 'әлиев', 'Әлиева']);
  });
});

describe('class names', () => {
  it('reads the ways teachers write a class, Kazakh letters included', () => {
    expect(['5А', '5 а', '5-ә', '10і', '0Ғ', '11 «Б»'].map((t) => parseClassName(t)?.name)).toEqual(['5А', '5А', '5Ә', '10І', '0Ғ', '11Б']);
    expect(parseClassName('13А')).toBeNull();
    expect(parseClassName('Б5')).toBeNull();
  });
  it('sorts by grade, then by letter in the Kazakh alphabet', () => {
    expect(['10А', '2Б', '2Ә', '2А', '1І', '1Ы'].sort(compareClassNames)).toEqual(['1Ы', '1І', '2А', '2Ә', '2Б', '10А']);
  });
  it('moves a class up one grade keeping its letter', () => {
    expect(promote(parseClassName('9Ә')!).name).toBe('10Ә');
  });
});
