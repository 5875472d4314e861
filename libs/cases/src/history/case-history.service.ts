import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { Caller } from '@amparo/identity';
import { DataSource } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import { ChildWhereaboutsPolicy } from '../safeguards/child-whereabouts';
import { recordCaseEvent } from '../cases/case-audit';
import { CaseLookup } from '../cases/case-lookup';

export interface CaseHistoryEntry {
  id: string;
  changedBy: string;
  changedAt: Date;
  field: string;
  tier: 'T0' | 'T1' | 'T2' | 'T3';
  oldValue: unknown;
  newValue: unknown;
  /**
   * Why the status changed, as given with the transition, or why a transfer moved the case (on its
   * post, reference and assignee); null on other fields. Shown to everyone who may read the case.
   */
  reason: string | null;
  /** True when the values are hidden from this reader by the field's tier. */
  masked: boolean;
}

/** Field-level changes of a case; above T0 only those who work the case see the values. */
@Injectable()
export class CaseHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseLookup,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly whereabouts: ChildWhereaboutsPolicy,
  ) {}

  async list(caller: Caller, caseId: string): Promise<CaseHistoryEntry[]> {
    const [found, rows, seesT3] = await this.access.read(caller, async (m) => {
      const found = await this.cases.readable(caller, caseId, m);
      return [
        found,
        await m.query<Omit<CaseHistoryEntry, 'masked'>[]>(
          // Sorted by the column, not by the text output "id": "10" would come before "9".
          `SELECT h.id::text AS id, h.changed_by AS "changedBy", h.changed_at AS "changedAt", h.field,
                h.tier, h.old_value AS "oldValue", h.new_value AS "newValue", h.reason
           FROM case_history h WHERE h.case_id = $1 ORDER BY h.id`,
          [caseId],
        ),
        // On a child's case, where the child is (T3) is the assignee's, the consuls' and break-the-glass holders'.
        await this.whereabouts.shows(caller, found, m),
      ] as const;
    });
    const worksCase = this.access.worksCase(caller, found);
    await recordCaseEvent(this.audit, {
      action: 'case.history.read',
      caller,
      caseId,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
    });
    return rows.map((row) => {
      const masked = (row.tier !== 'T0' && !worksCase) || (row.tier === 'T3' && !seesT3);
      return masked ? { ...row, oldValue: null, newValue: null, masked } : { ...row, masked };
    });
  }
}
