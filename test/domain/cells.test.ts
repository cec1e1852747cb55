import { looksLikeFormula, parseDate, parseFlag, parseSex } from '../../src/domain/cells';

describe('dates as people leave them', () => {
  it.each([
    ['15.03.2014', '2014-03-15'],
    ['5.3.2014', '2014-03-05'],
    ['2014-03-15', '2014-03-15'],
    ['15/03/2014', '2014-03-15'],
    ['15.03.14', '2014-03-15'],
    ['15.03.2014 ж.', '2014-03-15'],
    ['15.03.2014 г.', '2014-03-15'],
    ['41713', '2014-03-15'],
  ])('%p → %p', (text, iso) => expect(parseDate(text)).toBe(iso));
  it('reads a spreadsheet serial and a Date at midnight in Almaty', () => {
    expect(parseDate(41713)).toBe('2014-03-15');
    expect(parseDate(new Date('2014-03-14T19:00:00Z'))).toBe('2014-03-15');
  });
  it.each(['31.02.2014', '15 марта', '2014', 'вчера'])('refuses %p', (text) => expect(parseDate(text)).toBeNull());
});

describe('checkboxes and yes/no words', () => {
  it.each([[true, true], ['иә', true], ['Да', true], ['TRUE', true], ['✓', true], [1, true], [false, false], ['жоқ', false], ['нет', false], ['—', false], ['', false], [null, false]])(
    '%p → %p',
    (cell, flag) => expect(parseFlag(cell)).toBe(flag),
  );
  it('says nothing for a word that is neither', () => expect(parseFlag('мүмкін')).toBeNull());
});

describe('sex', () => {
  it.each([['М', 'M'], ['ж', 'F'], ['ұл', 'M'], ['Қыз', 'F'], ['F', 'F'], ['мужской', 'M']])('%p → %p', (text, sex) => expect(parseSex(text)).toBe(sex));
});

describe('what would run as a formula', () => {
  it.each(['=1+1', '=HYPERLINK("http://x","y")', '+IMPORTXML(A1,B1)', '-SUM(A1)', '@SUM(A1)', ' =A1'])('%p is one', (t) => expect(looksLikeFormula(t)).toBe(true));
  it.each(['+7 701 123 4567', '-', '—', '=', 'Әлиев', '-5', '@ мектеп'])('%p is not', (t) => expect(looksLikeFormula(t)).toBe(false));
});
