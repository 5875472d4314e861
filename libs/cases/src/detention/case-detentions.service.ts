import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig, DomainError, invalidField } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import { recordCaseEvent } from '../cases/case-audit';
import { CaseLookup } from '../cases/case-lookup';
import {
  DETENTION_ACTIVITY_COLUMNS,
  DETENTION_ACTIVITY_JOINS,
  DETENTION_COLUMNS,
  DetentionActivity,
  DetentionChange,
  DetentionRecord,
  NewDetention,
} from './detention';
import { detentionClocks, DetentionRule, DetentionWithClocks } from './detention-clocks';
import './detention-errors';
import { checkDetentionTimes } from './detention-times';

const at = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * Detentions of a case's persons and their VCCR art. 36 clocks. Detention is T2 data: every read
 * and write is audited; the clocks follow the deployment's rule (docs/detention.md).
 */
@Injectable()
export class CaseDetentionsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get rule(): DetentionRule {
    return this.config.detention;
  }

  async list(caller: Caller, caseId: string, now = new Date()): Promise<DetentionWithClocks[]> {
    const [found, rows] = await this.access.read(caller, async (m) => [
      await this.cases.readable(caller, caseId, m),
      await this.rows(m, 'd.case_id = $1', [caseId]),
    ]);
    await recordCaseEvent(this.audit, {
      action: 'case.detentions.read',
      caller,
      caseId,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: { count: rows.length },
    });
    return rows.map((row) => this.withClocks(row, now));
  }

  async record(
    caller: Caller,
    caseId: string,
    input: NewDetention,
    now = new Date(),
  ): Promise<DetentionWithClocks> {
    checkDetentionTimes(
      {
        arrestedAt: new Date(input.arrestedAt),
        notifiedAt: at(input.notifiedAt),
        firstContactAt: at(input.firstContactAt),
        releasedAt: null,
      },
      now,
    );
    return this.access.write(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
      const [onCase] = await m.query<unknown[]>(
        'SELECT 1 FROM case_persons WHERE case_id = $1 AND person_id = $2',
        [caseId, input.personId],
      );
      if (!onCase)
        throw invalidField(
          'personId',
          'NOT_ON_CASE',
          'Esta persona no figura en el caso.',
          'This person is not on the case.',
        );
      const [open] = await m.query<unknown[]>(
        `SELECT 1 FROM case_detentions WHERE case_id = $1 AND person_id = $2 AND released_at IS NULL FOR UPDATE`,
        [caseId, input.personId],
      );
      if (open) throw new DomainError('DETENTION_OPEN', 'conflict');
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO case_detentions (case_id, person_id, facility_name, facility_subdivision_code, arrested_at,
                                      notified_at, first_contact_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          caseId,
          input.personId,
          input.facilityName?.trim() || null,
          input.facilitySubdivisionCode ?? null,
          input.arrestedAt,
          input.notifiedAt ?? null,
          input.firstContactAt ?? null,
          caller.userId,
        ],
      );
      await recordCaseEvent(
        this.audit,
        {
          action: 'case.detention.record',
          caller,
          caseId,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: { detentionId: id, personId: input.personId },
        },
        m,
      );
      return this.one(m, caseId, id, now);
    });
  }

  /** Changes times or place, or records the release; the version read must still be current. */
  async update(
    caller: Caller,
    caseId: string,
    detentionId: string,
    expectedVersion: number,
    change: DetentionChange,
    now = new Date(),
  ): Promise<DetentionWithClocks> {
    return this.access.write(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
      const [current] = isUUID(detentionId)
        ? await m.query<DetentionRecord[]>(
            `SELECT ${DETENTION_COLUMNS} FROM case_detentions d WHERE d.id = $1 AND d.case_id = $2 FOR UPDATE`,
            [detentionId, caseId],
          )
        : [];
      if (!current) throw new DomainError('DETENTION_NOT_FOUND', 'not_found');
      if (current.releasedAt) throw new DomainError('DETENTION_RELEASED', 'conflict');
      const pick = <K extends keyof DetentionChange>(key: K, was: Date | null) =>
        change[key] === undefined ? was : at(change[key] as string | null);
      checkDetentionTimes(
        {
          arrestedAt: change.arrestedAt ? new Date(change.arrestedAt) : current.arrestedAt,
          notifiedAt: pick('notifiedAt', current.notifiedAt),
          firstContactAt: pick('firstContactAt', current.firstContactAt),
          releasedAt: pick('releasedAt', null),
        },
        now,
      );
      const sets: string[] = [];
      const params: unknown[] = [detentionId, expectedVersion];
      const columns: Record<keyof DetentionChange, string> = {
        facilityName: 'facility_name',
        facilitySubdivisionCode: 'facility_subdivision_code',
        arrestedAt: 'arrested_at',
        notifiedAt: 'notified_at',
        firstContactAt: 'first_contact_at',
        releasedAt: 'released_at',
      };
      for (const [key, column] of Object.entries(columns) as [keyof DetentionChange, string][]) {
        if (change[key] === undefined) continue;
        const value = change[key];
        params.push(
          typeof value === 'string' && key === 'facilityName' ? value.trim() || null : value,
        );
        sets.push(`${column} = $${params.length}`);
      }
      const updated = await updateReturning<{ id: string }>(
        m,
        `UPDATE case_detentions SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
          WHERE id = $1 AND version = $2 RETURNING id`,
        params,
      );
      if (!updated.length) throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
      await recordCaseEvent(
        this.audit,
        {
          action: change.releasedAt ? 'case.detention.release' : 'case.detention.update',
          caller,
          caseId,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: {
            detentionId,
            personId: current.personId,
            fields: Object.keys(change).filter(
              (k) => change[k as keyof DetentionChange] !== undefined,
            ),
          },
        },
        m,
      );
      return this.one(m, caseId, detentionId, now);
    });
  }

  /** Detentions with their case's activity, matching `where` over `d` (and `c`, the case). */
  async rows(
    m: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<(DetentionRecord & DetentionActivity)[]> {
    return m.query(
      `SELECT ${DETENTION_COLUMNS}, ${DETENTION_ACTIVITY_COLUMNS}
         FROM case_detentions d ${DETENTION_ACTIVITY_JOINS}
        WHERE ${where} ORDER BY d.arrested_at, d.id`,
      params,
    );
  }

  withClocks(row: DetentionRecord & DetentionActivity, now: Date): DetentionWithClocks {
    const { visitCount, lastVisitAt, firstContactActionAt, ...record } = row;
    return {
      ...record,
      clocks: detentionClocks(
        record,
        { visitCount, lastVisitAt, firstContactActionAt },
        this.rule,
        now,
      ),
    };
  }

  private async one(
    m: EntityManager,
    caseId: string,
    id: string,
    now: Date,
  ): Promise<DetentionWithClocks> {
    const [row] = await this.rows(m, 'd.id = $1 AND d.case_id = $2', [id, caseId]);
    return this.withClocks(row, now);
  }
}
