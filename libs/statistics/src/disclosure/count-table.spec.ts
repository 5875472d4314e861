import { CountTable } from './count-table';
import { DisclosureInputError } from './disclosure-input.error';
import { matrix, tableOf } from './test-tables.test-helper';

const valueAt = (table: CountTable, coordinates: (string | null)[]) =>
  table.cells[table.indexOf(coordinates)].value;

describe('CountTable', () => {
  it('lists a one-dimensional table as its cells and then the total', () => {
    const table = tableOf([3], [4, 0, 7]);
    expect(table.cells.map((c) => [c.coordinates, c.value, c.innerCells])).toEqual([
      [['a'], 4, [0]],
      [['b'], 0, [1]],
      [['c'], 7, [2]],
      [[null], 11, [0, 1, 2]],
    ]);
  });

  it('computes row totals, column totals and the grand total of a two-dimensional table', () => {
    const table = matrix([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(table.cells).toHaveLength(3 * 4);
    expect(table.cells.map((c) => c.value)).toEqual([1, 2, 3, 6, 4, 5, 6, 15, 5, 7, 9, 21]);
    expect(table.cells[3]).toEqual({ coordinates: ['a', null], value: 6, innerCells: [0, 1, 2] });
    expect(table.cells[9]).toEqual({ coordinates: [null, 'g'], value: 7, innerCells: [1, 4] });
  });

  it('computes every two- and one-dimensional margin and the total of a three-dimensional table', () => {
    const counts = Array.from({ length: 12 }, (_, i) => i + 1);
    const table = tableOf([2, 2, 3], counts);
    const at = (a: number, f: number, k: number) => counts[a * 6 + f * 3 + k];
    expect(table.cells).toHaveLength(3 * 3 * 4);
    expect(valueAt(table, ['a', 'g', null])).toBe(at(0, 1, 0) + at(0, 1, 1) + at(0, 1, 2));
    expect(valueAt(table, ['b', null, 'm'])).toBe(at(1, 0, 2) + at(1, 1, 2));
    expect(valueAt(table, [null, 'f', 'l'])).toBe(at(0, 0, 1) + at(1, 0, 1));
    expect(valueAt(table, ['b', null, null])).toBe(counts.slice(6).reduce((a, b) => a + b));
    expect(valueAt(table, [null, null, 'k'])).toBe(
      at(0, 0, 0) + at(0, 1, 0) + at(1, 0, 0) + at(1, 1, 0),
    );
    expect(valueAt(table, [null, null, null])).toBe(78);
    expect(table.indexOf(['c', null, null])).toBe(-1);
  });

  it.each([
    ['no dimension', [], []],
    ['four dimensions', [1, 1, 1, 1], [0]],
    ['too few counts', [2, 2], [1, 2, 3]],
    ['a negative count', [2], [1, -1]],
    ['a fractional count', [2], [1, 0.5]],
    ['a count beyond exact integers', [1], [2 ** 53]],
  ])('refuses a table with %s', (_, sizes, counts) => {
    expect(() => tableOf(sizes, counts)).toThrow(DisclosureInputError);
  });

  it('refuses repeated codes, repeated dimension names and empty dimensions', () => {
    const refuse = (dimensions: { name: string; codes: string[] }[], counts: number[]) =>
      expect(() => CountTable.fromCounts(dimensions, counts)).toThrow(
        expect.objectContaining({ code: 'COUNT_TABLE_INVALID' }),
      );
    refuse([{ name: 'sex', codes: ['F', 'F'] }], [1, 2]);
    refuse(
      [
        { name: 'sex', codes: ['F'] },
        { name: 'sex', codes: ['M'] },
      ],
      [1],
    );
    refuse([{ name: 'sex', codes: [] }], []);
  });
});
