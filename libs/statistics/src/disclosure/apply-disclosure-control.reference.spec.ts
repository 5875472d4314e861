import fc from 'fast-check';
import { applyDisclosureControl } from './apply-disclosure-control';
import { referenceDisclosureControl } from './reference-disclosure-control.test-helper';
import { tableOf } from './test-tables.test-helper';

// The sparse basis may pivot anywhere, yet every decision asks about spans only, so it must
// suppress exactly the cells that the first, dense implementation suppresses.
const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }) },
);
const shape = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 12 })),
  fc.tuple(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 2, max: 7 })),
  fc.tuple(
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 2, max: 5 }),
  ),
);
const input = shape.chain((sizes) => {
  const inner = sizes.reduce((a, b) => a * b, 1);
  return fc.record({
    sizes: fc.constant(sizes as number[]),
    counts: fc.array(count, { minLength: inner, maxLength: inner }),
    k: fc.constantFrom(3, 5, 10),
  });
});

describe('applyDisclosureControl against the first implementation', () => {
  it('suppresses the same cells on random tables', () => {
    fc.assert(
      fc.property(input, ({ sizes, counts, k }) => {
        const table = tableOf(sizes, counts);
        expect(applyDisclosureControl(table, { k })).toEqual(
          referenceDisclosureControl(table, { k }),
        );
      }),
      { numRuns: 1500 },
    );
  });
});
