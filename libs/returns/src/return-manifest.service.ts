import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { CaseAccess, CaseLookup, ChildSafeguards, PersonsService } from '@amparo/cases';
import { DomainError, invalidField } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { OfficialsService } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { recordReturnEvent } from './return-audit';
import { ReturnChecks } from './return-checks';
import { NewEscort, ReturnMovementDetail } from './return-movement';
import { bumpVersion, findMovement } from './return-movement-store';
import './return-errors';

/**
 * Who is on a planned movement: the cases with the persons of each who return, and the escorts.
 * Adding a child's case makes the movement an accompanied child return.
 */
@Injectable()
export class ReturnManifestService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly persons: PersonsService,
    private readonly safeguards: ChildSafeguards,
    private readonly officials: OfficialsService,
    private readonly checks: ReturnChecks,
    private readonly audit: AuditService,
  ) {}

  async addCase(
    caller: Caller,
    id: string,
    input: { caseId: string; personIds: string[] },
  ): Promise<ReturnMovementDetail> {
    return this.access.write(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.planned(movement);
      const found = await this.cases.workable(caller, input.caseId, m);
      if (found.countryCode !== movement.countryCode)
        throw invalidField(
          'caseId',
          'OTHER_COUNTRY',
          'El caso es de otro país que el que organiza el retorno.',
          'The case belongs to a country other than the one organising the return.',
        );
      if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
      const linked = ((await this.persons.ofCasesIn(m, [found.id])).get(found.id) ?? []).map(
        (p) => p.person.id,
      );
      const stray = input.personIds.findIndex((p) => !linked.includes(p));
      if (stray >= 0)
        throw invalidField(
          `personIds.${stray}`,
          'NOT_ON_CASE',
          'Esa persona no está vinculada al caso.',
          'That person is not linked to the case.',
        );
      const [taken] = await m.query<{ movementId: string }[]>(
        'SELECT movement_id AS "movementId" FROM return_movement_cases WHERE case_id = $1 AND active',
        [found.id],
      );
      if (taken) throw new DomainError('CASE_ALREADY_ON_RETURN', 'conflict');
      const childReturn = await this.safeguards.isChildCase(m, found.id);
      await m.query(
        `INSERT INTO return_movement_cases (movement_id, case_id, case_reference, consulate_id, country_code,
            person_ids, child_return, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          found.id,
          found.reference,
          movement.consulateId,
          movement.countryCode,
          [...new Set(input.personIds)],
          childReturn,
          caller.userId,
        ],
      );
      await bumpVersion(m, id, null, '', []);
      await recordReturnEvent(this.audit, m, caller, 'return_movement.case.add', movement, {
        caseId: found.id,
        personIds: [...new Set(input.personIds)],
        childReturn,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  async removeCase(caller: Caller, id: string, caseId: string): Promise<ReturnMovementDetail> {
    return this.access.write(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.planned(movement);
      const removed = isUUID(caseId)
        ? await updateReturning<{ id: string }>(
            m,
            'DELETE FROM return_movement_cases WHERE movement_id = $1 AND case_id = $2 RETURNING id',
            [id, caseId],
          )
        : [];
      if (!removed.length) throw new DomainError('RETURN_CASE_NOT_FOUND', 'not_found');
      await bumpVersion(m, id, null, '', []);
      await recordReturnEvent(this.audit, m, caller, 'return_movement.case.remove', movement, {
        caseId,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  async addEscort(caller: Caller, id: string, input: NewEscort): Promise<ReturnMovementDetail> {
    if (input.officialId) {
      const official = isUUID(input.officialId)
        ? await this.officials.get(input.officialId).catch(() => null)
        : null;
      if (!official)
        throw invalidField(
          'officialId',
          'NOT_FOUND',
          'Elija un funcionario acreditado del directorio, o deje el campo vacío.',
          'Choose an accredited official of the directory, or leave the field empty.',
        );
    }
    return this.access.write(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.planned(movement);
      const [{ id: escortId }] = await m.query<{ id: string }[]>(
        `INSERT INTO return_movement_escorts (movement_id, consulate_id, country_code, name, role, official_id,
            organisation, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          id,
          movement.consulateId,
          movement.countryCode,
          input.name.trim(),
          input.role.trim(),
          input.officialId ?? null,
          input.organisation?.trim() || null,
          caller.userId,
        ],
      );
      await bumpVersion(m, id, null, '', []);
      await recordReturnEvent(this.audit, m, caller, 'return_movement.escort.add', movement, {
        escortId,
        officialId: input.officialId ?? null,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  async removeEscort(caller: Caller, id: string, escortId: string): Promise<ReturnMovementDetail> {
    return this.access.write(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.planned(movement);
      const removed = isUUID(escortId)
        ? await updateReturning<{ id: string }>(
            m,
            'DELETE FROM return_movement_escorts WHERE movement_id = $1 AND id = $2 RETURNING id',
            [id, escortId],
          )
        : [];
      if (!removed.length) throw new DomainError('RETURN_ESCORT_NOT_FOUND', 'not_found');
      await bumpVersion(m, id, null, '', []);
      await recordReturnEvent(this.audit, m, caller, 'return_movement.escort.remove', movement, {
        escortId,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }
}
