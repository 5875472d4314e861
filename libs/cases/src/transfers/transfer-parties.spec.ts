import { SqlConditions } from '@amparo/database';
import { TransferParties, TransferReach } from './transfer-parties';

const transfer = {
  fromConsulateId: 'post-a',
  toConsulateId: 'post-b',
  countryCode: 'MX',
  proposedBy: 'proposer',
};

const reach = (overrides: Partial<TransferReach>): TransferReach => ({
  userId: 'someone',
  posts: [],
  consulPosts: [],
  countries: [],
  ...overrides,
});

describe('TransferParties', () => {
  const officerA = reach({ posts: ['post-a'] });
  const consulA = reach({ posts: ['post-a'], consulPosts: ['post-a'] });
  const proposer = reach({ userId: 'proposer', posts: ['post-a'] });
  const officerB = reach({ posts: ['post-b'] });
  const consulB = reach({ posts: ['post-b'], consulPosts: ['post-b'] });
  const officerC = reach({ posts: ['post-c'] });
  const supervisorMX = reach({ countries: ['MX'] });
  const supervisorGT = reach({ countries: ['GT'] });

  it.each([
    ['an officer of the sending post', officerA, [true, false, false]],
    ['the proposer', proposer, [true, false, true]],
    ['the consul of the sending post', consulA, [true, false, true]],
    ['an officer of the receiving post', officerB, [true, false, false]],
    ['the consul of the receiving post', consulB, [true, true, false]],
    ['an officer of another post', officerC, [false, false, false]],
    ['a supervisor of the country', supervisorMX, [true, true, true]],
    ['a supervisor of another country', supervisorGT, [false, false, false]],
  ] as const)('lets %s see, decide, cancel: %j', (_who, r, [sees, decides, cancels]) => {
    expect([
      TransferParties.sees(r, transfer),
      TransferParties.decides(r, transfer),
      TransferParties.cancels(r, transfer),
    ]).toEqual([sees, decides, cancels]);
  });

  it('does not let a former proposer who no longer works at the post cancel', () => {
    expect(TransferParties.cancels(reach({ userId: 'proposer' }), transfer)).toBe(false);
  });

  it('binds every placeholder of a direction to a value', () => {
    for (const direction of ['incoming', 'outgoing', 'all'] as const) {
      const where = new SqlConditions();
      TransferParties.restrictToDirection(where, consulB, direction);
      expect(where.where).not.toContain('?');
      expect(where.where.match(/\$\d+/g)).toHaveLength(where.params.length);
    }
  });
});
