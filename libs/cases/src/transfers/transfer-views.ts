import { Injectable } from '@nestjs/common';
import { ConsulatesService } from '@amparo/directory';
import { Caller, PostOfficers } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { CaseTransfer, CaseTransferRow, TransferCaseSummary } from './case-transfer';
import { caseSummaries } from './transfer-store';

const unique = (values: (string | null)[]) => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

/**
 * Transfers as their parties see them: with the names of both posts and of who proposed and
 * decided, and the case's summary: as it was at the decision, or, while pending, as it is now.
 * Runs on its own connections: never inside a transaction with the wall up.
 */
@Injectable()
export class TransferViews {
  constructor(
    private readonly access: CaseAccess,
    private readonly consulates: ConsulatesService,
    private readonly officers: PostOfficers,
  ) {}

  /** `rows` are transfers the caller has been found to take part in (TransferParties.sees). */
  async of(caller: Caller, rows: CaseTransferRow[]): Promise<CaseTransfer[]> {
    if (!rows.length) return [];
    const pending = rows.filter((r) => r.caseSummary === null);
    // A pending transfer's case is still at the sending post, outside the receiving staff's scope:
    // its summary is read with the wall widened to those sending posts, for those cases only.
    const live = pending.length
      ? await this.access.reaching(
          caller,
          unique(pending.map((r) => r.fromConsulateId)),
          (m) => caseSummaries(m, unique(pending.map((r) => r.caseId))),
          { readOnly: true },
        )
      : new Map<string, TransferCaseSummary>();
    const posts = await this.consulates.names({
      countries: [],
      consulateIds: unique(rows.flatMap((r) => [r.fromConsulateId, r.toConsulateId])),
    });
    const postName = new Map(posts.map((p) => [p.id, p.name]));
    const people = await this.officers.displayNames(
      unique(rows.flatMap((r) => [r.proposedBy, r.decidedBy])),
    );
    return rows.map(({ caseSummary, ...row }) => {
      const summary = caseSummary ?? live.get(row.caseId);
      if (!summary) throw new Error(`The case of pending transfer ${row.id} was not found`);
      return {
        ...row,
        case: summary,
        fromConsulateName: postName.get(row.fromConsulateId) ?? null,
        toConsulateName: postName.get(row.toConsulateId) ?? null,
        proposedByName: people.get(row.proposedBy) ?? null,
        decidedByName: row.decidedBy ? (people.get(row.decidedBy) ?? null) : null,
      };
    });
  }
}
