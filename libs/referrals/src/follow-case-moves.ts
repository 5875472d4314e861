import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseMove, CaseMoveListeners } from '@amparo/cases';
import { EntityManager } from 'typeorm';

/**
 * Referrals and assistance requests name the post (and reference) of their case, which is what
 * their work queues and their row policies read. When a transfer moves a case to another post of
 * its country, they move with it, in the transfer's transaction: the new post sees them, the old
 * one no longer does.
 */
@Injectable()
export class FollowCaseMoves implements OnModuleInit {
  constructor(private readonly moves: CaseMoveListeners) {}

  onModuleInit(): void {
    this.moves.register((m, _caller, move) => this.follow(m, move));
  }

  private async follow(m: EntityManager, move: CaseMove): Promise<void> {
    await m.query(
      `UPDATE organisation_referrals SET consulate_id = $2, case_reference = $3 WHERE case_id = $1`,
      [move.caseId, move.toConsulateId, move.newReference],
    );
    await m.query(
      `UPDATE assistance_requests SET requesting_consulate_id = $2 WHERE requesting_case_id = $1`,
      [move.caseId, move.toConsulateId],
    );
    await m.query(
      `UPDATE assistance_requests SET receiving_consulate_id = $2 WHERE receiving_case_id = $1`,
      [move.caseId, move.toConsulateId],
    );
  }
}
