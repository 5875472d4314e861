import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { CaseAccess, CaseConsentsService, TransfersService } from '@amparo/cases';
import { ConsulatesService } from '@amparo/directory';
import { Caller, ScopeService, recordCallerEvent } from '@amparo/identity';
import { AssistanceRequestsService } from '../assistance/assistance-requests.service';
import { OrganisationReferralsService } from '../organisation-referrals/organisation-referrals.service';

export interface CooperationCounts {
  referrals: { pending: number; accepted: number; overdueFollowUps: number };
  assistanceRequests: { incomingPending: number; incomingActive: number; outgoingPending: number };
  transfers: { incomingPending: number; outgoingPending: number };
}

export interface PostCooperation extends CooperationCounts {
  consulateId: string;
  consulateName: string;
  countryCode: string;
  postCode: string;
}

export interface CooperationQueue {
  /** The caller's posts (a supervisor: every post of their country), with zeros where nothing waits. */
  posts: PostCooperation[];
  totals: CooperationCounts;
  /** Consent overrides of the caller's posts waiting for a consul's review (consuls only). */
  consentOverridesToReview: number;
}

const zero = (): CooperationCounts => ({
  referrals: { pending: 0, accepted: 0, overdueFollowUps: 0 },
  assistanceRequests: { incomingPending: 0, incomingActive: 0, outgoingPending: 0 },
  transfers: { incomingPending: 0, outgoingPending: 0 },
});

/**
 * The cooperation work queue: per post, the referrals, assistance requests and transfers that wait
 * for someone, sent and received; a supervisor sees every post of their country. Counts only: each
 * figure's list is the referrals, assistance-requests or transfers list with the same filters.
 */
@Injectable()
export class CooperationQueueService {
  constructor(
    private readonly referrals: OrganisationReferralsService,
    private readonly assistance: AssistanceRequestsService,
    private readonly transfers: TransfersService,
    private readonly consents: CaseConsentsService,
    private readonly consulates: ConsulatesService,
    private readonly scopes: ScopeService,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async of(caller: Caller): Promise<CooperationQueue> {
    // One after the other: the embedded database serves one connection.
    const names = await this.consulates.names({
      countries: this.scopes.supervisedCountries(caller),
      consulateIds: this.scopes.caseConsulates(caller),
    });
    const referrals = await this.referrals.countsByPost(caller);
    const assistance = await this.assistance.countsByPost(caller);
    const transfers = await this.transfers.pendingCountsByPost(caller);
    const overrides = await this.access.read(caller, (m) =>
      this.consents.unreviewedOverrides(caller, m),
    );
    const posts = new Map<string, PostCooperation>(
      names
        .filter((post) => post.active)
        .map((post) => [
          post.id,
          {
            consulateId: post.id,
            consulateName: post.name,
            countryCode: post.countryCode,
            postCode: post.postCode,
            ...zero(),
          },
        ]),
    );
    for (const { consulateId, ...counts } of referrals) {
      const post = posts.get(consulateId);
      if (post) post.referrals = counts;
    }
    for (const { consulateId, ...counts } of assistance) {
      const post = posts.get(consulateId);
      if (post) post.assistanceRequests = counts;
    }
    for (const { consulateId, incoming, outgoing } of transfers) {
      const post = posts.get(consulateId);
      if (post) post.transfers = { incomingPending: incoming, outgoingPending: outgoing };
    }
    const list = [...posts.values()];
    const totals = zero();
    for (const post of list)
      for (const group of Object.keys(totals) as (keyof CooperationCounts)[])
        for (const [key, value] of Object.entries(post[group]))
          (totals[group] as Record<string, number>)[key] += value;
    await recordCallerEvent(this.audit, caller, {
      action: 'cooperation.queue.read',
      resourceType: 'cooperation_queue',
      countryCode: caller.countryCode,
      details: { posts: list.length },
    });
    return { posts: list, totals, consentOverridesToReview: overrides };
  }
}
