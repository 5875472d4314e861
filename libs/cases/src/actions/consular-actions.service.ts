import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, invalidField } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { CaseAccess, CaseLocation } from '../access/case-access';
import { recordCaseEvent } from '../cases/case-audit';
import { CaseLookup, lockCase } from '../cases/case-lookup';
import { nextStepColumns, nextStepDueProblems } from '../cases/next-step';
import { writeCaseVersion } from '../cases/versioned-case-write';
import { syncArrestNotification } from '../detention/arrest-notification-sync';
import { ACTION_COLUMNS, ConsularAction, NewConsularAction } from './consular-action';

/** The append-only log of what the consulate did on a case; mistakes are corrected by new entries. */
@Injectable()
export class ConsularActionsService {
  constructor(
    private readonly cases: CaseLookup,
    private readonly audit: AuditService,
    private readonly access: CaseAccess,
  ) {}

  async list(caller: Caller, caseId: string): Promise<ConsularAction[]> {
    const [found, actions] = await this.access.read(caller, async (m) => [
      await this.cases.readable(caller, caseId, m),
      await m.query<ConsularAction[]>(
        `SELECT ${ACTION_COLUMNS} FROM consular_actions a WHERE a.case_id = $1 ORDER BY a.occurred_at, a.recorded_at, a.id`,
        [caseId],
      ),
    ]);
    await recordCaseEvent(this.audit, {
      action: 'case.actions.read',
      caller,
      caseId,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: {
        count: actions.length,
      },
    });
    return actions;
  }

  async add(
    caller: Caller,
    caseId: string,
    input: NewConsularAction,
    now = new Date(),
  ): Promise<ConsularAction> {
    return this.append(caller, caseId, input, null, now);
  }

  /** A correction is a new entry pointing at the one it corrects; the original stays as it was. */
  async correct(
    caller: Caller,
    caseId: string,
    actionId: string,
    input: NewConsularAction,
    now = new Date(),
  ): Promise<ConsularAction> {
    return this.append(caller, caseId, input, actionId, now);
  }

  /**
   * Appends an action written by another context as one step of its own work (a referral sent,
   * answered, revoked; an assistance request sent), inside that work's transaction, so the step and its timeline entry land or
   * fail together. The caller has already found the case workable in `manager`'s transaction.
   */
  async appendIn(
    manager: EntityManager,
    caller: Caller,
    found: Pick<CaseLocation, 'consulateId' | 'countryCode'> & { id: string },
    input: Pick<NewConsularAction, 'type' | 'outcome' | 'notes'> & { occurredAt: Date },
  ): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO consular_actions (case_id, type, occurred_at, performed_by, outcome, notes)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        found.id,
        input.type,
        input.occurredAt,
        caller.userId,
        input.outcome ?? null,
        input.notes ?? null,
      ],
    );
    await manager.query('UPDATE cases SET updated_at = now() WHERE id = $1', [found.id]);
    await recordCaseEvent(
      this.audit,
      {
        action: 'case.action.add',
        caller,
        caseId: found.id,
        consulateId: found.consulateId,
        countryCode: found.countryCode,
        details: { actionId: id, type: input.type, corrects: null },
      },
      manager,
    );
    return id;
  }

  private async append(
    caller: Caller,
    caseId: string,
    input: NewConsularAction,
    corrects: string | null,
    now: Date,
  ): Promise<ConsularAction> {
    const found = await this.access.read(caller, (m) => this.cases.workable(caller, caseId, m));
    if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
    this.validate(input, now);
    const dueProblems = nextStepDueProblems(found.openedAt, input.nextStepDue);
    if (dueProblems.length)
      throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: dueProblems });
    return this.access.write(caller, async (manager) => {
      if (corrects) {
        const [original] = isUUID(corrects)
          ? await manager.query<unknown[]>(
              'SELECT 1 FROM consular_actions WHERE id = $1 AND case_id = $2',
              [corrects, caseId],
            )
          : [];
        if (!original) throw new DomainError('ACTION_NOT_FOUND', 'not_found');
      }
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO consular_actions (case_id, type, occurred_at, place, place_type, performed_by, outcome, notes,
                                       next_step_due, cost, currency, arrested_at, notified_at, corrects_action_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          caseId,
          input.type,
          input.occurredAt,
          input.place ?? null,
          input.placeType ?? null,
          caller.userId,
          input.outcome ?? null,
          input.notes ?? null,
          input.nextStepDue ?? null,
          input.cost ?? null,
          input.currency ?? null,
          input.arrestedAt ?? null,
          input.notifiedAt ?? null,
          corrects,
        ],
      );
      if (input.type === 'arrest_notification_received')
        await syncArrestNotification(
          manager,
          this.audit,
          caller,
          found,
          { arrestedAt: input.arrestedAt!, notifiedAt: input.notifiedAt! },
          now,
        );
      const movesNextStep = input.nextStep != null || input.nextStepDue != null;
      if (movesNextStep) await this.moveNextStep(caller, caseId, id, input, manager);
      else await manager.query('UPDATE cases SET updated_at = now() WHERE id = $1', [caseId]);
      await recordCaseEvent(
        this.audit,
        {
          action: corrects ? 'case.action.correct' : 'case.action.add',
          caller,
          caseId,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: { actionId: id, type: input.type, corrects },
        },
        manager,
      );
      const [action] = await manager.query<ConsularAction[]>(
        `SELECT ${ACTION_COLUMNS} FROM consular_actions a WHERE a.id = $1`,
        [id],
      );
      return action;
    });
  }

  /**
   * The case takes the action's next step in the action's transaction, as a versioned change (its
   * history and audit event), so the case and its timeline never disagree. The row is locked, not
   * compared with a version the caller read: recording an action sends no If-Match.
   */
  private async moveNextStep(
    caller: Caller,
    caseId: string,
    actionId: string,
    input: NewConsularAction,
    manager: EntityManager,
  ): Promise<void> {
    const current = (await lockCase(manager, caseId))!;
    if (current.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
    await writeCaseVersion(manager, this.audit, {
      caller,
      current,
      expectedVersion: current.version,
      columns: nextStepColumns(current, input),
      action: 'case.update',
      details: { actionId },
    });
  }

  private validate(input: NewConsularAction, now: Date): void {
    if (new Date(input.occurredAt) > now) {
      throw invalidField(
        'occurredAt',
        'IN_THE_FUTURE',
        'Una actuación no puede haber ocurrido en el futuro.',
        'An action cannot have happened in the future.',
      );
    }
    if ((input.cost == null) !== (input.currency == null)) {
      throw invalidField(
        'currency',
        'COST_NEEDS_CURRENCY',
        'Indique el costo junto con su moneda.',
        'Give the cost together with its currency.',
      );
    }
    if (input.type === 'arrest_notification_received') {
      if (!input.arrestedAt || !input.notifiedAt) {
        throw invalidField(
          'arrestedAt',
          'REQUIRED',
          'Indique la hora de detención y la de notificación (CVRC art. 36).',
          'Give the time of arrest and of notification (VCCR art. 36).',
        );
      }
      if (new Date(input.notifiedAt) < new Date(input.arrestedAt)) {
        throw invalidField(
          'notifiedAt',
          'BEFORE_ARREST',
          'La notificación no puede ser anterior a la detención.',
          'The notification cannot precede the arrest.',
        );
      }
    }
  }
}
