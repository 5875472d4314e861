import { DEFAULT_JSON_SHAPE } from './json-body';
import { JsonShapeLimits, scanJsonShape } from './json-shape';

const limits: JsonShapeLimits = {
  maxDepth: 3,
  maxKeys: 2,
  maxItems: 3,
  maxNodes: 12,
  maxKeyLength: 5,
};

describe('scanJsonShape', () => {
  it('accepts a body within every limit, whitespace and escapes included', () => {
    expect(scanJsonShape('{ "a" : [1, 2, {"b": "x\\"]}"}], "c" : { } }', limits)).toBeUndefined();
    expect(scanJsonShape('{"a":[1,2,3]}', limits)).toBeUndefined();
  });

  it.each([
    ['nesting', '{"a":[[[1]]]}', { limit: 'maxDepth', max: 3 }],
    ['keys of one object', '{"a":1,"b":2,"c":3}', { limit: 'maxKeys', max: 2 }],
    ['items of one array', '{"a":[1,2,3,4]}', { limit: 'maxItems', max: 3 }],
    ['values in all', '{"a":[1,2,3],"b":[4,5,6]}', { limit: 'maxNodes', max: 12 }],
    ['a long key', '{"abcdef":1}', { limit: 'maxKeyLength', max: 5 }],
  ])('names the first limit exceeded: %s', (_what, text, breach) => {
    const looser = { ...limits, maxNodes: breach.limit === 'maxNodes' ? 8 : 100 };
    expect(scanJsonShape(text, looser)).toEqual({
      ...breach,
      max: looser[breach.limit as keyof JsonShapeLimits],
    });
  });

  it('does not count brackets and commas inside strings', () => {
    expect(scanJsonShape('{"a":"[[[[,,,,{{{{"}', limits)).toBeUndefined();
  });

  // How long a scan takes is measured by `npm run bench:hostile`, not timed here: what a test can
  // hold is that the answer is reached at the first excess, the rest of the body unread.
  it('refuses a huge body at its first excess: the same answer as the prefix that holds it', () => {
    const { maxDepth, maxKeys, maxItems } = DEFAULT_JSON_SHAPE;
    const bodies: [string, string, number][] = [
      ['deep', '['.repeat(500_000) + ']'.repeat(500_000), maxDepth + 1],
      ['flat', `[${'1,'.repeat(400_000)}1]`, 1 + 2 * (maxItems + 1)],
      [
        'many keys',
        `{${Array.from({ length: 50_000 }, (_, i) => `"k${String(i).padStart(5, '0')}":0`).join(',')}}`,
        1 + 11 * (maxKeys + 1),
      ],
    ];
    for (const [, text, prefix] of bodies) {
      const breach = scanJsonShape(text, DEFAULT_JSON_SHAPE);
      expect(breach).toBeDefined();
      expect(scanJsonShape(text.slice(0, prefix), DEFAULT_JSON_SHAPE)).toEqual(breach);
    }
    // A body within every limit is read to its end.
    expect(scanJsonShape(`{"a":"${'x'.repeat(1_000_000)}"}`, DEFAULT_JSON_SHAPE)).toBeUndefined();
  });
});
