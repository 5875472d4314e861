import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, invalidField } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { CaseAccess } from '../access/case-access';
import { recordCaseEvent } from '../cases/case-audit';
import { CaseLookup } from '../cases/case-lookup';
import { loadChildCaseFacts } from './child-case-facts';
import { ageOn } from './child-rules';
import {
  ASSESSMENT_COLUMNS,
  BestInterestAssessment,
  NewBestInterestAssessment,
} from './best-interest-assessment';
import './safeguard-errors';

/**
 * Best-interest assessments of the children on a case (T2/T3: every read and write audited).
 * Append-only: a correction is a new record pointing at the one it corrects.
 */
@Injectable()
export class BestInterestAssessmentsService {
  constructor(
    private readonly cases: CaseLookup,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, caseId: string): Promise<BestInterestAssessment[]> {
    const [found, items] = await this.access.read(caller, async (m) => [
      await this.cases.readable(caller, caseId, m),
      await m.query<BestInterestAssessment[]>(
        `SELECT ${ASSESSMENT_COLUMNS} FROM best_interest_assessments b
          WHERE b.case_id = $1 ORDER BY b.assessed_at, b.recorded_at, b.id`,
        [caseId],
      ),
    ]);
    await recordCaseEvent(this.audit, {
      action: 'case.best_interest_assessments.read',
      caller,
      caseId,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: { count: items.length },
    });
    return items;
  }

  async add(
    caller: Caller,
    caseId: string,
    input: NewBestInterestAssessment,
    now = new Date(),
  ): Promise<BestInterestAssessment> {
    return this.access.write(caller, async (manager) => {
      const found = await this.cases.workable(caller, caseId, manager);
      if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
      if (new Date(input.assessedAt) > now) {
        throw invalidField(
          'assessedAt',
          'IN_THE_FUTURE',
          'Una evaluación no puede ser posterior a hoy.',
          'An assessment cannot be dated in the future.',
        );
      }
      if (input.assessorRole && !input.assessorName) {
        throw invalidField(
          'assessorName',
          'REQUIRED',
          'Indique el nombre del profesional externo junto con su función.',
          'Give the external professional’s name together with their role.',
        );
      }
      const { persons } = await loadChildCaseFacts(manager, caseId);
      const child = persons.find((p) => p.personId === input.personId);
      if (!child) {
        throw invalidField(
          'personId',
          'NOT_ON_CASE',
          'La persona evaluada debe ser una persona de este caso.',
          'The person assessed must be a person on this case.',
        );
      }
      const age = ageOn(child, new Date(input.assessedAt));
      if (age != null && age >= 18) {
        throw invalidField(
          'personId',
          'NOT_A_CHILD',
          'La evaluación del interés superior es de una persona menor de 18 años en la fecha de la evaluación.',
          'A best-interest assessment is of a person under 18 on the day it is made.',
        );
      }
      const corrects = input.correctsAssessmentId ?? null;
      if (corrects) {
        const [original] = isUUID(corrects)
          ? await manager.query<{ personId: string }[]>(
              `SELECT person_id AS "personId" FROM best_interest_assessments WHERE id = $1 AND case_id = $2`,
              [corrects, caseId],
            )
          : [];
        if (!original) throw new DomainError('ASSESSMENT_NOT_FOUND', 'not_found');
        if (original.personId !== input.personId) {
          throw invalidField(
            'personId',
            'NOT_THE_CORRECTED_PERSON',
            'Una corrección es de la misma persona que la evaluación que corrige.',
            'A correction is of the same person as the assessment it corrects.',
          );
        }
      }
      const external = !!input.assessorName?.trim();
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO best_interest_assessments (case_id, person_id, assessed_by, assessor_name, assessor_role,
                                                assessed_at, findings, recommended_solution,
                                                corrects_assessment_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          caseId,
          input.personId,
          external ? null : caller.userId,
          external ? input.assessorName!.trim() : null,
          external ? (input.assessorRole?.trim() ?? null) : null,
          input.assessedAt,
          input.findings.trim(),
          input.recommendedSolution,
          corrects,
          caller.userId,
        ],
      );
      await manager.query('UPDATE cases SET updated_at = now() WHERE id = $1', [caseId]);
      await recordCaseEvent(
        this.audit,
        {
          action: corrects
            ? 'case.best_interest_assessment.correct'
            : 'case.best_interest_assessment.add',
          caller,
          caseId,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: {
            assessmentId: id,
            personId: input.personId,
            corrects,
          },
        },
        manager,
      );
      const [saved] = await manager.query<BestInterestAssessment[]>(
        `SELECT ${ASSESSMENT_COLUMNS} FROM best_interest_assessments b WHERE b.id = $1`,
        [id],
      );
      return saved;
    });
  }
}
