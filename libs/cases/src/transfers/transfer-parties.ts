import { SqlConditions } from '@amparo/database';
import { CaseTransferRow, TransferDirection } from './case-transfer';

/** Where the caller stands for transfers: the posts they work and the countries they supervise. */
export interface TransferReach {
  userId: string;
  /** Posts where the caller is officer or consul. */
  posts: readonly string[];
  /** Posts where the caller is consul. */
  consulPosts: readonly string[];
  /** Countries the caller supervises. */
  countries: readonly string[];
}

type Parties = Pick<
  CaseTransferRow,
  'fromConsulateId' | 'toConsulateId' | 'countryCode' | 'proposedBy'
>;

/**
 * Who takes part in a transfer, in one place for one transfer (these functions) and for lists
 * (`restrictToDirection`): the staff of the sending post, the staff of the receiving post, and the
 * supervisors of the country. Everyone else is told it does not exist.
 */
export const TransferParties = {
  sees(reach: TransferReach, t: Parties): boolean {
    return (
      reach.posts.includes(t.fromConsulateId) ||
      reach.posts.includes(t.toConsulateId) ||
      reach.countries.includes(t.countryCode)
    );
  },

  /** Accepts or rejects: the consul of the receiving post, or a supervisor of the country. */
  decides(reach: TransferReach, t: Parties): boolean {
    return reach.consulPosts.includes(t.toConsulateId) || reach.countries.includes(t.countryCode);
  },

  /** Withdraws the proposal: who made it, the consul of the sending post, or a supervisor. */
  cancels(reach: TransferReach, t: Parties): boolean {
    return (
      TransferParties.sees(reach, t) &&
      (t.proposedBy === reach.userId ||
        reach.consulPosts.includes(t.fromConsulateId) ||
        reach.countries.includes(t.countryCode))
    );
  },

  /**
   * The transfers of a direction among those the caller sees (alias `t`). A supervisor decides
   * every transfer of the country, so all of them are incoming to them; outgoing are those they
   * proposed.
   */
  restrictToDirection(where: SqlConditions, reach: TransferReach, direction: TransferDirection) {
    const posts = [...reach.posts];
    const countries = [...reach.countries];
    const incoming = ['t.to_consulate_id = ANY(?::uuid[])', 't.country_code = ANY(?::bpchar[])'];
    const visible = ['t.from_consulate_id = ANY(?::uuid[])', ...incoming];
    if (direction === 'incoming') where.add(`(${incoming.join(' OR ')})`, posts, countries);
    if (direction === 'all') where.add(`(${visible.join(' OR ')})`, posts, posts, countries);
    if (direction === 'outgoing')
      where.add(
        `(t.from_consulate_id = ANY(?::uuid[]) OR (t.proposed_by = ? AND (${visible.join(' OR ')})))`,
        posts,
        reach.userId,
        posts,
        posts,
        countries,
      );
  },
};
