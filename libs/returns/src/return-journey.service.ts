import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import {
  CaseAccess,
  CaseLookup,
  ChildSafeguards,
  ConsularActionsService,
  PersonsService,
} from '@amparo/cases';
import { DomainError, invalidField } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { childrenReturning } from './children-returning';
import { recordReturnEvent } from './return-audit';
import { ReturnChecks } from './return-checks';
import { NewHandover, ReturnCase, ReturnMovement, ReturnMovementDetail } from './return-movement';
import {
  bumpVersion,
  casesOf,
  escortsOf,
  findMovement,
  handoversOf,
} from './return-movement-store';
import './return-errors';

/** A time that has passed (or is now), else a one-field 400. */
function pastTime(field: string, value: string, now: Date): Date {
  const at = new Date(value);
  if (at.getTime() > now.getTime() + 60_000)
    throw invalidField(
      field,
      'IN_THE_FUTURE',
      'La hora no puede ser futura.',
      'The time cannot be in the future.',
    );
  return at;
}

/**
 * A movement's journey: departure (an accompanied child return only with an escort named and each
 * child's best interests assessed), the handover of each child at origin, and arrival, which
 * records the return on every case's timeline.
 */
@Injectable()
export class ReturnJourneyService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly persons: PersonsService,
    private readonly safeguards: ChildSafeguards,
    private readonly actions: ConsularActionsService,
    private readonly checks: ReturnChecks,
    private readonly audit: AuditService,
  ) {}

  async depart(
    caller: Caller,
    id: string,
    actualDepartureAt: string,
    now = new Date(),
  ): Promise<ReturnMovementDetail> {
    const departedAt = pastTime('actualDepartureAt', actualDepartureAt, now);
    return this.access.write(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.planned(movement);
      const cases = await casesOf(m, id);
      if (!cases.length) throw new DomainError('RETURN_WITHOUT_CASES', 'conflict');
      // A case may have become a child's since it was added (a flag, a corrected birth date).
      for (const c of cases) {
        const child = await this.safeguards.isChildCase(m, c.caseId, now);
        if (child !== c.childReturn) {
          await m.query(
            'UPDATE return_movement_cases SET child_return = $3 WHERE movement_id = $1 AND case_id = $2',
            [id, c.caseId, child],
          );
          c.childReturn = child;
        }
      }
      const children = cases.filter((c) => c.childReturn);
      if (children.length) {
        if (!(await escortsOf(m, id)).length)
          throw new DomainError('RETURN_ESCORT_REQUIRED', 'conflict');
        for (const c of children)
          await this.safeguards.assertBestInterestAssessed(m, c.caseId, 'return');
      }
      await bumpVersion(
        m,
        id,
        null,
        `status = 'in_transit', actual_departure_at = $1, departed_by = $2`,
        [departedAt, caller.userId],
      );
      await recordReturnEvent(this.audit, m, caller, 'return_movement.depart', movement, {
        actualDepartureAt: departedAt.toISOString(),
        caseIds: cases.map((c) => c.caseId),
        accompaniedChildReturn: children.length > 0,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  async handover(
    caller: Caller,
    id: string,
    input: NewHandover,
    now = new Date(),
  ): Promise<ReturnMovementDetail> {
    const handedOverAt = pastTime('handedOverAt', input.handedOverAt, now);
    return this.access.write(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.inTransit(movement);
      if (handedOverAt < movement.actualDepartureAt!)
        throw invalidField(
          'handedOverAt',
          'BEFORE_DEPARTURE',
          'La entrega no puede ser anterior a la salida del retorno.',
          'The handover cannot be before the return left.',
        );
      const onBoard = (await casesOf(m, id)).find(
        (c) => c.caseId === input.caseId && c.childReturn,
      );
      if (!onBoard)
        throw invalidField(
          'caseId',
          'NOT_A_CHILD_CASE_ON_MOVEMENT',
          'Ese caso no va en este retorno como caso de niñez.',
          "That case is not on this return as a child's case.",
        );
      if (!(await this.childrenOf(m, onBoard, now)).includes(input.personId))
        throw invalidField(
          'personId',
          'NOT_A_CHILD_RETURNING',
          'Esa persona no es una niña, niño o adolescente que retorna en este caso.',
          'That person is not a child returning on this case.',
        );
      const authority = await this.checks.organisationAt(input.authorityId, movement.countryCode);
      if (authority?.type !== 'child_protection_authority')
        throw invalidField(
          'authorityId',
          'NOT_CHILD_PROTECTION_AT_ORIGIN',
          'Elija la autoridad de protección de la niñez del país de origen, del directorio.',
          'Choose the child-protection authority of the country of origin, from the directory.',
        );
      const [exists] = await m.query<{ id: string }[]>(
        'SELECT id FROM return_handovers WHERE movement_id = $1 AND case_id = $2 AND person_id = $3',
        [id, input.caseId, input.personId],
      );
      if (exists) throw new DomainError('RETURN_HANDOVER_EXISTS', 'conflict');
      const [{ id: handoverId }] = await m.query<{ id: string }[]>(
        `INSERT INTO return_handovers (movement_id, case_id, person_id, consulate_id, country_code, authority_id,
            authority_name, official_name, official_title, handed_over_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          id,
          input.caseId,
          input.personId,
          movement.consulateId,
          movement.countryCode,
          authority.id,
          authority.name,
          input.officialName.trim(),
          input.officialTitle.trim(),
          handedOverAt,
          caller.userId,
        ],
      );
      await bumpVersion(m, id, null, '', []);
      await recordReturnEvent(this.audit, m, caller, 'return_movement.handover', movement, {
        handoverId,
        caseId: input.caseId,
        personId: input.personId,
        authorityId: authority.id,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  async complete(
    caller: Caller,
    id: string,
    actualArrivalAt: string,
    now = new Date(),
  ): Promise<ReturnMovementDetail> {
    const arrivedAt = pastTime('actualArrivalAt', actualArrivalAt, now);
    return this.access.write(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.inTransit(movement);
      if (arrivedAt < movement.actualDepartureAt!)
        throw invalidField(
          'actualArrivalAt',
          'BEFORE_DEPARTURE',
          'La llegada no puede ser anterior a la salida.',
          'The arrival cannot be before the departure.',
        );
      const cases = await casesOf(m, id);
      const handedOver = new Set(
        (await handoversOf(m, id)).map((h) => `${h.caseId}/${h.personId}`),
      );
      let missing = 0;
      for (const c of cases.filter((c) => c.childReturn))
        missing += (await this.childrenOf(m, c, now)).filter(
          (p) => !handedOver.has(`${c.caseId}/${p}`),
        ).length;
      if (missing)
        throw new DomainError('RETURN_HANDOVER_REQUIRED', 'conflict', { params: { missing } });
      const actionIds: string[] = [];
      for (const c of cases) {
        // The case was workable when added; a restriction since then must not strand the return.
        const found = (await this.cases.find(c.caseId, m))!;
        const actionId = await this.actions.appendIn(m, caller, found, {
          type: c.childReturn ? 'accompanied_return' : 'repatriation',
          occurredAt: arrivedAt,
          outcome: this.outcome(movement, c, caller.locale),
        });
        await m.query(
          'UPDATE return_movement_cases SET action_id = $3 WHERE movement_id = $1 AND case_id = $2',
          [id, c.caseId, actionId],
        );
        actionIds.push(actionId);
      }
      await bumpVersion(
        m,
        id,
        null,
        `status = 'completed', actual_arrival_at = $1, completed_by = $2`,
        [arrivedAt, caller.userId],
      );
      await recordReturnEvent(this.audit, m, caller, 'return_movement.complete', movement, {
        actualArrivalAt: arrivedAt.toISOString(),
        caseIds: cases.map((c) => c.caseId),
        actionIds,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  private async childrenOf(m: EntityManager, c: ReturnCase, now: Date): Promise<string[]> {
    const persons = (await this.persons.ofCasesIn(m, [c.caseId])).get(c.caseId) ?? [];
    return childrenReturning(
      persons.map((p) => ({
        personId: p.person.id,
        role: p.role,
        dateOfBirth: p.person.dateOfBirth,
        estimatedAge: p.person.estimatedAge,
        estimatedAgeOn: p.person.estimatedAgeOn,
      })),
      c.personIds,
      now,
    );
  }

  /** The timeline's words for the return, in the caller's language. */
  private outcome(movement: ReturnMovement, c: ReturnCase, locale: 'es' | 'en'): string {
    const persons = c.personIds.length;
    return locale === 'es'
      ? `Retorno ${c.childReturn ? 'acompañado ' : ''}concluido a ${movement.toPlace} (${persons} persona(s)).`
      : `${c.childReturn ? 'Accompanied return' : 'Return'} completed to ${movement.toPlace} (${persons} person(s)).`;
  }
}
