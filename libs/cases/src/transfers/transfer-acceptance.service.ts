import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { ConsulatesService } from '@amparo/directory';
import { Caller, PostOfficers } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { invalidFields } from '../cases/case-errors';
import { lockCase } from '../cases/case-lookup';
import { moveCase } from './case-move';
import { CaseMoveListeners } from './case-move-listeners';
import { CaseTransfer, summaryOf } from './case-transfer';
import { recordTransferEvent } from './transfer-audit';
import { assigneeProblem } from './transfer-errors';
import { TransferLookup } from './transfer-lookup';
import { TransferParties } from './transfer-parties';
import { decideTransfer, findTransfer } from './transfer-store';
import { TransferViews } from './transfer-views';

/** The receiving post takes the case: the one decision of a transfer that moves it. */
@Injectable()
export class TransferAcceptanceService {
  constructor(
    private readonly access: CaseAccess,
    private readonly transfers: TransferLookup,
    private readonly views: TransferViews,
    private readonly consulates: ConsulatesService,
    private readonly officers: PostOfficers,
    private readonly audit: AuditService,
    private readonly moves: CaseMoveListeners,
  ) {}

  /**
   * The consul of the receiving post or a supervisor of the country accepts a pending transfer,
   * naming the case's new assignee (an active officer or consul of the receiving post) or none.
   */
  async accept(
    caller: Caller,
    id: string,
    { assignedOfficerId = null }: { assignedOfficerId?: string | null } = {},
  ): Promise<CaseTransfer> {
    const found = await this.transfers.visible(caller, id);
    if (!TransferParties.decides(this.transfers.reach(caller), found))
      throw new DomainError('TRANSFER_DECISION_FORBIDDEN', 'forbidden');
    if (found.status !== 'pending') throw new DomainError('TRANSFER_DECIDED', 'conflict');
    if (
      assignedOfficerId !== null &&
      !(await this.officers.isActiveOfficerAt(assignedOfficerId, found.toConsulateId))
    )
      throw invalidFields([assigneeProblem()]);
    const to = await this.consulates.locate(found.toConsulateId);
    if (!to?.active) throw new DomainError('TRANSFER_POST_INACTIVE', 'conflict');

    // Until it is accepted, the case is the sending post's: outside the receiving consul's scope,
    // so the database's wall would hide it from this transaction and refuse to move it. The
    // transfer has been found addressed to a post the caller decides for (above), so this one
    // transaction reaches the sending post too, for this transfer's case only; the case row and
    // the transfer are locked and checked again inside it.
    const accepted = await this.access.reaching(caller, [found.fromConsulateId], async (m) => {
      const transfer = await findTransfer(m, found.id, { lock: true });
      if (transfer?.status !== 'pending') throw new DomainError('TRANSFER_DECIDED', 'conflict');
      const current = await lockCase(m, transfer.caseId);
      if (!current || current.consulateId !== transfer.fromConsulateId)
        throw new DomainError('TRANSFER_DECIDED', 'conflict');
      if (current.status === 'closed') throw new DomainError('TRANSFER_CASE_CLOSED', 'conflict');
      const { moved, fields } = await moveCase(m, {
        current,
        transfer,
        to,
        assignedOfficerId,
        movedBy: caller.userId,
      });
      const decided = (await decideTransfer(m, transfer.id, {
        status: 'accepted',
        decidedBy: caller.userId,
        caseSummary: summaryOf(moved),
        newReference: moved.reference,
      }))!;
      await this.moves.notify(m, caller, {
        caseId: transfer.caseId,
        fromConsulateId: transfer.fromConsulateId,
        toConsulateId: transfer.toConsulateId,
        newReference: moved.reference,
      });
      await recordTransferEvent(this.audit, caller, 'accept', decided, m, {
        fields,
        assignedOfficerId,
      });
      return decided;
    });
    return (await this.views.of(caller, [accepted]))[0];
  }
}
