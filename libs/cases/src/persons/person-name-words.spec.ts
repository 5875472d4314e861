import { nameWordsCondition, queryWords } from './person-name-words';

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

describe('nameWordsCondition', () => {
  const placeholders = () => {
    const values: unknown[] = [];
    return { values, param: (v: unknown) => `$${values.push(v)}` };
  };

  it('matches nothing without words', () => {
    expect(nameWordsCondition([], placeholders().param)).toBe('false');
  });

  it('requires every word of a one- or two-word query', () => {
    const { values, param } = placeholders();
    const sql = nameWordsCondition(['jose', 'perez'], param);
    expect(values).toEqual(['jose', 'perez']);
    expect(sql.split(' OR ')).toHaveLength(1);
    expect(sql.match(/&&/g)).toHaveLength(2);
  });

  it('requires all words but one of a longer query, one index scan per word left out', () => {
    const { values, param } = placeholders();
    const sql = nameWordsCondition(['jose', 'hernandez', 'lopez'], param);
    expect(values).toEqual(['jose', 'hernandez', 'lopez']);
    const branches = sql.split(' OR ');
    expect(branches).toHaveLength(3);
    expect(branches.map((b) => (b.match(/\$\d/g) ?? []).join())).toEqual([
      '$2,$3',
      '$1,$3',
      '$1,$2',
    ]);
  });
});
