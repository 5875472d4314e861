import { applyDisclosureControl, applyDisclosureControlInSlices } from './apply-disclosure-control';
import { CountTable } from './count-table';
import { DisclosureInputError } from './disclosure-input.error';
import { DisclosureResult } from './disclosure-result';
import { turnsDuring } from './event-loop-turns.test-helper';
import { BIGINTS, DOUBLES } from './integer-arithmetic';
import { derivableCells, rank } from './linear-derivability.test-helper';
import { attackSuppression } from './table-attacker.test-helper';
import { matrix, tableOf } from './test-tables.test-helper';

/** Rows of the table with margins: `.` published, `P` primary, `S` secondary suppression. */
function grid(table: CountTable, result: DisclosureResult): string[] {
  const width = table.dimensions.at(-1)!.codes.length + 1;
  const marks = result.cells.map(
    (c) => ({ published: '.', primary: 'P', secondary: 'S' })[c.status],
  );
  return Array.from({ length: marks.length / width }, (_, r) =>
    marks.slice(r * width, (r + 1) * width).join(''),
  );
}

function expectProtected(table: CountTable, result: DisclosureResult): void {
  expect(derivableCells(table, result).filter((i) => result.cells[i].status === 'primary')).toEqual(
    [],
  );
  expect(attackSuppression(table, result, { lowerBound: 1 })).toEqual({
    pinned: [],
    undecided: [],
  });
}

describe('applyDisclosureControl', () => {
  it.each([2, 0, -5, 4.5, Number.NaN])('refuses the threshold k = %p', async (k) => {
    const table = matrix([[5, 6]]);
    expect(() => applyDisclosureControl(table, { k })).toThrow(DisclosureInputError);
    expect(() => applyDisclosureControl(table, { k })).toThrow(/at least 3/);
    await expect(applyDisclosureControlInSlices(table, { k })).rejects.toThrow(
      DisclosureInputError,
    );
  });

  it('in slices, lets the event loop serve others while a large table is protected', async () => {
    // 960 inner cells, one in six a small count: some 50 ms of work.
    const counts = Array.from({ length: 12 * 4 * 20 }, (_, i) => (i * 7919) % 23);
    const table = tableOf([12, 4, 20], counts);
    const { result, turns } = await turnsDuring(() =>
      applyDisclosureControlInSlices(table, { k: 5 }, 1),
    );
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(result).toEqual(applyDisclosureControl(table, { k: 5 }));
  });

  it('publishes every cell of a table without small counts, zeros included', () => {
    const table = matrix([
      [0, 7, 12],
      [9, 6, 0],
    ]);
    const result = applyDisclosureControl(table, { k: 5 });
    expect(result).toMatchObject({ method: 'gauss-elimination-v1', k: 5 });
    expect(result.dimensions).toEqual(table.dimensions);
    expect(result.cells.map((c) => c.value)).toEqual(table.cells.map((c) => c.value));
    expect(result.cells.every((c) => c.status === 'published')).toBe(true);
  });

  it('suppresses with k = 5 a count of 3 that k = 3 publishes, and closes the cycle around it', () => {
    const table = matrix([
      [3, 8],
      [9, 12],
    ]);
    expect(grid(table, applyDisclosureControl(table, { k: 3 }))).toEqual(['...', '...', '...']);
    const result = applyDisclosureControl(table, { k: 5 });
    expect(grid(table, result)).toEqual(['PS.', 'SS.', '...']);
    expect(result.cells.slice(0, 2)).toEqual([
      { coordinates: ['a', 'f'], value: null, status: 'primary' },
      { coordinates: ['a', 'g'], value: null, status: 'secondary' },
    ]);
    expectProtected(table, result);
  });

  it('suppresses small margins and totals as well as small inner cells', () => {
    const table = tableOf([2], [1, 2]);
    const result = applyDisclosureControl(table, { k: 5 });
    expect(result.cells.map((c) => c.status)).toEqual(['primary', 'primary', 'primary']);
    expect(result.cells.map((c) => c.value)).toEqual([null, null, null]);
  });

  it('does not leave a bridge between two suppression cycles derivable', () => {
    // Rows a-b and columns f-g form one cycle, rows c-d and columns h-i another, and b/h (1)
    // bridges them: every suppressed cell has a partner in its row and column, yet the bridge
    // is the row totals of a and b minus the column totals of f and g.
    const table = matrix([
      [2, 3, 9, 8],
      [4, 2, 1, 9],
      [9, 8, 3, 4],
      [7, 9, 2, 3],
    ]);
    const primaries = table.cells.flatMap((c, i) => (c.value > 0 && c.value < 5 ? [i] : []));
    const partnerRule: DisclosureResult = {
      method: 'gauss-elimination-v1',
      k: 5,
      dimensions: table.dimensions,
      cells: table.cells.map((c, i) =>
        primaries.includes(i)
          ? { coordinates: c.coordinates, value: null, status: 'primary' }
          : { coordinates: c.coordinates, value: c.value, status: 'published' },
      ),
    };
    expect(derivableCells(table, partnerRule)).toEqual([table.indexOf(['b', 'h'])]);

    const result = applyDisclosureControl(table, { k: 5 });
    expect(grid(table, result)).toEqual(['PP...', 'PPP..', '..PP.', 'S.PP.', '.....']);
    expectProtected(table, result);
  });

  it.each([
    [3, ['.PSP.', '.P.P.', '.S.P.', '..SS.']],
    [5, ['.P.PS', '.P.PP', '.S.P.', '.....']],
  ])(
    'never picks a zero as a secondary suppression (k = %i, zero row and column with margins)',
    (k, expected) => {
      const table = matrix([
        [0, 1, 5, 1],
        [0, 1, 0, 2],
        [0, 6, 0, 2],
      ]);
      const result = applyDisclosureControl(table, { k });
      expect(grid(table, result)).toEqual(expected);
      table.cells.forEach((cell, i) => {
        if (cell.value === 0)
          expect(result.cells[i]).toMatchObject({ value: 0, status: 'published' });
      });
      expectProtected(table, result);
    },
  );

  it('keeps the sum of two cells of 1 underivable, since a suppressed cell is never 0', () => {
    // Publishing 7 next to the total 9 would give 1 + 1 = 2, and two nonzero cells summing to 2
    // are both 1: the person in either cell subtracts themself and learns the other.
    const table = tableOf([3], [1, 1, 7]);
    const result = applyDisclosureControl(table, { k: 3 });
    expect(result.cells.map((c) => c.status)).toEqual([
      'primary',
      'primary',
      'secondary',
      'published',
    ]);
    expectProtected(table, result);
  });

  it('applies the singleton rule across a two-dimensional table', () => {
    const table = matrix([
      [1, 1, 9],
      [5, 5, 9],
    ]);
    const result = applyDisclosureControl(table, { k: 3 });
    const rows = table.cells.map((cell) => {
      const row = Array<bigint>(table.innerCount).fill(0n);
      for (const i of cell.innerCells) row[i] = 1n;
      return row;
    });
    const published = rows.filter((_, i) => result.cells[i].status === 'published');
    const singletonSum = [1n, 1n, 0n, 0n, 0n, 0n];
    expect(rank([...published, singletonSum])).toBe(rank(published) + 1);
    expect(grid(table, result)).toEqual(['PPS.', 'SSS.', '....']);
    expectProtected(table, result);
  });

  it.each([3, 5])('protects a three-dimensional table with all its margins (k = %i)', (k) => {
    const table = tableOf([2, 2, 3], [6, 1, 9, 7, 8, 2, 0, 5, 11, 4, 6, 7]);
    const result = applyDisclosureControl(table, { k });
    expect(result.cells).toHaveLength(36);
    result.cells.forEach((cell, i) => {
      const n = table.cells[i].value;
      expect(cell.status === 'primary').toBe(n > 0 && n < k);
    });
    expect(
      derivableCells(table, result).filter((i) => result.cells[i].status === 'primary'),
    ).toEqual([]);
    expect(attackSuppression(table, result, { lowerBound: 0 })).toEqual({
      pinned: [],
      undecided: [],
    });
  });

  it('protects cells of 1 against a weighted combination in three dimensions', () => {
    // Plain sums of singletons alone are not enough here: publishing more would make
    // 2 * (a, f, m) + (a, g, m) = 3 derivable, pinning both cells of 1.
    const table = tableOf([2, 2, 3], [0, 12, 1, 3, 3, 1, 7, 8, 3, 0, 4, 6]);
    const result = applyDisclosureControl(table, { k: 3 });
    expectProtected(table, result);
  });

  it('gives the same result for the same table', () => {
    const counts = [2, 0, 7, 1, 9, 3, 4, 4, 12, 1, 0, 6, 3, 8, 2, 5];
    const first = applyDisclosureControl(tableOf([4, 4], counts), { k: 5 });
    const second = applyDisclosureControl(tableOf([4, 4], counts), { k: 5 });
    expect(second).toEqual(first);
  });
});

describe('disclosure control when doubles would stop being exact midway', () => {
  // Coefficients of real tables stay small, so the fallback to bigints is forced: from halfway
  // through the doubles run, every `cross` returns a product beyond 2^53, as a pathological table
  // would.
  const table = tableOf(
    [4, 3, 5],
    Array.from({ length: 60 }, (_, i) => (i * 37) % 11),
  );
  const expected = applyDisclosureControl(table, { k: 5 });

  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['at once', () => Promise.resolve(applyDisclosureControl(table, { k: 5 }))],
    ['in slices', () => applyDisclosureControlInSlices(table, { k: 5 }, 0)],
  ])('%s, starts again in bigints and decides the same', async (_, run) => {
    const cross = DOUBLES.cross;
    const counting = jest.spyOn(DOUBLES, 'cross');
    await run();
    const total = counting.mock.calls.length;
    const failFrom = Math.ceil(total / 2);
    expect(failFrom).toBeGreaterThan(1);
    let calls = 0;
    counting.mockImplementation((p, x, f, y) =>
      ++calls >= failFrom ? DOUBLES.product(2 ** 30, 2 ** 30) : cross(p, x, f, y),
    );
    const bigintCross = jest.spyOn(BIGINTS, 'cross');

    await expect(run()).resolves.toEqual(expected);
    expect(calls).toBeLessThan(total); // the doubles run was given up
    expect(bigintCross).toHaveBeenCalled();
  });
});
