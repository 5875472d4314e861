import { Injectable } from '@nestjs/common';
import { DomainError } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { CaseTransferRow } from './case-transfer';
import './transfer-errors';
import { TransferParties, TransferReach } from './transfer-parties';
import { findTransfer } from './transfer-store';

/** The caller's standing for transfers, and one transfer they take part in (404 otherwise). */
@Injectable()
export class TransferLookup {
  constructor(private readonly access: CaseAccess) {}

  reach(caller: Caller): TransferReach {
    const scope = this.access.rowScope(caller);
    return {
      userId: caller.userId,
      posts: scope.consulates,
      consulPosts: this.access.consulPosts(caller),
      countries: scope.countries,
    };
  }

  async visible(caller: Caller, id: string): Promise<CaseTransferRow> {
    const found = await this.access.read(caller, (m) => findTransfer(m, id));
    if (!found || !TransferParties.sees(this.reach(caller), found))
      throw new DomainError('TRANSFER_NOT_FOUND', 'not_found');
    return found;
  }
}
