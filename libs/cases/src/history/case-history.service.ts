import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { Caller } from '@amparo/identity';
import { DataSource } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import { recordCaseEvent } from '../cases/case-audit';
import { CasesService } from '../cases/cases.service';

export interface CaseHistoryEntry {
  id: string;
  changedBy: string;
  changedAt: Date;
  field: string;
  tier: 'T0' | 'T1' | 'T2' | 'T3';
  oldValue: unknown;
  newValue: unknown;
  /** True when the values are hidden from this reader by the field's tier. */
  masked: boolean;
}

/** Field-level changes of a case; above T0 only those who work the case see the values. */
@Injectable()
export class CaseHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, caseId: string): Promise<CaseHistoryEntry[]> {
    const found = await this.cases.readable(caller, caseId);
    const worksCase = this.access.worksCase(caller, found);
    const rows = await this.dataSource.query<Omit<CaseHistoryEntry, 'masked'>[]>(
      `SELECT id::text, changed_by AS "changedBy", changed_at AS "changedAt", field, tier,
              old_value AS "oldValue", new_value AS "newValue"
         FROM case_history WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
    await recordCaseEvent(this.audit, {
      action: 'case.history.read',
      caller,
      caseId,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
    });
    return rows.map((row) => {
      const masked = row.tier !== 'T0' && !worksCase;
      return masked ? { ...row, oldValue: null, newValue: null, masked } : { ...row, masked };
    });
  }
}
