import { performance } from 'node:perf_hooks';
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

  it('refuses a huge body at its first excess, in bounded time', () => {
    const deep = '['.repeat(500_000) + ']'.repeat(500_000);
    const flat = `[${'1,'.repeat(400_000)}1]`;
    const keys = `{${Array.from({ length: 50_000 }, (_, i) => `"k${i}":0`).join(',')}}`;
    const oneString = `{"a":"${'x'.repeat(1_000_000)}"}`;
    scanJsonShape(oneString, DEFAULT_JSON_SHAPE); // warm up: the figure is for a compiled loop
    for (const text of [deep, flat, keys]) {
      const started = performance.now();
      expect(scanJsonShape(text, DEFAULT_JSON_SHAPE)).toBeDefined();
      expect(performance.now() - started).toBeLessThan(20);
    }
    // The worst case is a body within every limit: one pass over its characters.
    const started = performance.now();
    expect(scanJsonShape(oneString, DEFAULT_JSON_SHAPE)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(20);
  });
});
