import { queryWords } from './person-name-words';

describe('queryWords', () => {
  it('splits at anything that is not a letter or digit, as the index splits names', () => {
    expect(queryWords("María-José D'Angelo  Núñez")).toEqual(['maría', 'josé', 'angelo', 'núñez']);
  });

  it('drops initials and repeated words', () => {
    expect(queryWords('J. Hernández hernández L')).toEqual(['hernández']);
  });

  it('keeps the six longest words of a longer query', () => {
    expect(queryWords('aa bbbbbbb cc ddddd eeee ffffff ggg hhhhhhhh')).toEqual([
      'hhhhhhhh',
      'bbbbbbb',
      'ffffff',
      'ddddd',
      'eeee',
      'ggg',
    ]);
  });
});
