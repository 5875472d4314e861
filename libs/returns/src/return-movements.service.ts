import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { CaseAccess, CaseLookup, PersonsService } from '@amparo/cases';
import { DomainError, Page, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage } from '@amparo/database';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { childrenReturning } from './children-returning';
import { recordReturnEvent } from './return-audit';
import { ReintegrationReferralsService } from './reintegration-referrals.service';
import { ReturnChecks } from './return-checks';
import {
  MOVEMENT_COLUMNS,
  NewReturnMovement,
  ReturnMovement,
  ReturnMovementChanges,
  ReturnMovementDetail,
  ReturnMovementFilters,
  ReturnMovementView,
  ReturnPersonView,
} from './return-movement';
import { bumpVersion, findMovement } from './return-movement-store';
import './return-errors';

const LIST_SORT = {
  fields: { plannedDepartureAt: 'm.planned_departure_at' },
  types: { plannedDepartureAt: 'timestamp' as const },
  default: '-plannedDepartureAt',
  tieBreaker: 'm.id',
};

/** The column of each changeable field of a movement. */
const COLUMNS: Record<keyof ReturnMovementChanges, string> = {
  mode: 'mode',
  plannedDepartureAt: 'planned_departure_at',
  plannedArrivalAt: 'planned_arrival_at',
  fromCountryCode: 'from_country_code',
  fromPlace: 'from_place',
  toSubdivisionCode: 'to_subdivision_code',
  toPlace: 'to_place',
  receivingInstitutionId: 'receiving_institution_id',
  notes: 'notes',
};

/** A movement with the movements a case is on, for the case page. */
export interface CaseReturn {
  movement: ReturnMovement;
  personIds: string[];
  childReturn: boolean;
}

/**
 * Return movements organised by a post of the sending country: planning them, reading them
 * (the post's staff and the country's supervisors) and cancelling one that will not happen.
 */
@Injectable()
export class ReturnMovementsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly persons: PersonsService,
    private readonly checks: ReturnChecks,
    private readonly reintegration: ReintegrationReferralsService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: NewReturnMovement): Promise<ReturnMovementDetail> {
    const post = this.checks.organisingPost(caller, input.consulateId);
    return this.access.write(caller, async (m) => {
      await this.checks.fields(post.country, input, m);
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO return_movements (country_code, consulate_id, mode, planned_departure_at, planned_arrival_at,
            from_country_code, from_place, to_subdivision_code, to_place, receiving_institution_id, notes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          post.country,
          post.id,
          input.mode,
          input.plannedDepartureAt,
          input.plannedArrivalAt ?? null,
          input.fromCountryCode,
          input.fromPlace.trim(),
          input.toSubdivisionCode ?? null,
          input.toPlace.trim(),
          input.receivingInstitutionId ?? null,
          input.notes?.trim() || null,
          caller.userId,
        ],
      );
      const movement = (await findMovement(m, id))!;
      await recordReturnEvent(this.audit, m, caller, 'return_movement.create', movement, {
        mode: movement.mode,
        receivingInstitutionId: movement.receivingInstitutionId,
      });
      return this.checks.detail(caller, m, movement);
    });
  }

  /** Movements of the caller's posts (a supervisor: of the country), latest departure first. */
  async list(caller: Caller, filters: ReturnMovementFilters): Promise<Page<ReturnMovement>> {
    const scope = this.access.rowScope(caller);
    const page = await this.access.read(caller, (m) =>
      keysetPage<ReturnMovement>(m, {
        select: MOVEMENT_COLUMNS,
        from: 'FROM return_movements m',
        where: new SqlConditions()
          .add(
            '(m.consulate_id = ANY(?::uuid[]) OR m.country_code = ANY(?))',
            scope.consulates,
            scope.countries,
          )
          .addIf(filters.status, 'm.status = ?')
          .addIf(filters.mode, 'm.mode = ?'),
        sort: resolveSort(undefined, LIST_SORT),
        tieBreaker: LIST_SORT.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      }),
    );
    await recordCallerEvent(this.audit, caller, {
      action: 'return_movements.list',
      resourceType: 'return_movement',
      details: {
        count: page.items.length,
        status: filters.status ?? null,
        mode: filters.mode ?? null,
      },
    });
    return page;
  }

  /**
   * One movement with its cases, the persons of the cases the caller may read, escorts, handovers
   * and each case's reintegration referrals (T1/T2 data: the read is audited).
   */
  async get(caller: Caller, id: string, now = new Date()): Promise<ReturnMovementView> {
    const { detail, persons } = await this.access.read(caller, async (m) => {
      const movement = this.checks.visible(caller, await findMovement(m, id));
      const detail = await this.checks.detail(caller, m, movement);
      const readable = detail.cases.filter((c) => !c.withheld).map((c) => c.caseId);
      return { detail, persons: await this.persons.ofCasesIn(m, readable) };
    });
    await recordReturnEvent(this.audit, undefined, caller, 'return_movement.read', detail, {
      caseIds: detail.cases.map((c) => c.caseId),
    });
    const statuses = new Map(
      (await this.reintegration.statuses(caller, [...persons.keys()])).map((s) => [
        s.caseId,
        s.referrals,
      ]),
    );
    return {
      ...detail,
      cases: detail.cases.map((c) => {
        const linked = persons.get(c.caseId);
        if (!linked) return { ...c, persons: null, reintegrationReferrals: [] };
        const children = c.childReturn
          ? childrenReturning(
              linked.map((p) => ({
                personId: p.person.id,
                role: p.role,
                dateOfBirth: p.person.dateOfBirth,
                estimatedAge: p.person.estimatedAge,
                estimatedAgeOn: p.person.estimatedAgeOn,
              })),
              c.personIds,
              now,
            )
          : [];
        const views: ReturnPersonView[] = linked.map((p) => ({
          id: p.person.id,
          name: `${p.person.givenNames} ${p.person.familyNames}`,
          returning: c.personIds.includes(p.person.id),
          handoverNeeded: children.includes(p.person.id),
        }));
        return { ...c, persons: views, reintegrationReferrals: statuses.get(c.caseId) ?? [] };
      }),
    };
  }

  async update(
    caller: Caller,
    id: string,
    expectedVersion: number,
    changes: ReturnMovementChanges,
  ): Promise<ReturnMovementDetail> {
    return this.access.write(caller, async (m) => {
      const found = this.checks.workable(caller, await findMovement(m, id, true));
      this.checks.planned(found);
      if (found.version !== expectedVersion)
        throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
      const merged = {
        mode: changes.mode ?? found.mode,
        plannedDepartureAt: changes.plannedDepartureAt ?? found.plannedDepartureAt.toISOString(),
        plannedArrivalAt:
          changes.plannedArrivalAt !== undefined
            ? changes.plannedArrivalAt
            : (found.plannedArrivalAt?.toISOString() ?? null),
        fromCountryCode: changes.fromCountryCode ?? found.fromCountryCode,
        fromPlace: changes.fromPlace ?? found.fromPlace,
        toSubdivisionCode:
          changes.toSubdivisionCode !== undefined
            ? changes.toSubdivisionCode
            : found.toSubdivisionCode,
        toPlace: changes.toPlace ?? found.toPlace,
        receivingInstitutionId:
          changes.receivingInstitutionId !== undefined
            ? changes.receivingInstitutionId
            : found.receivingInstitutionId,
      };
      await this.checks.fields(found.countryCode, merged, m);
      const fields = (Object.keys(changes) as (keyof ReturnMovementChanges)[]).filter(
        (k) => k in COLUMNS && changes[k] !== undefined,
      );
      const values = fields.map((k) => {
        const value = changes[k];
        return typeof value === 'string' ? value.trim() || null : value;
      });
      const sets = fields.map((k, i) => `${COLUMNS[k]} = $${i + 1}`).join(', ');
      if (!(await bumpVersion(m, id, expectedVersion, sets, values)))
        throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
      await recordReturnEvent(this.audit, m, caller, 'return_movement.update', found, { fields });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  /** A movement that will not happen (or was aborted): its cases may go on another one. */
  async cancel(caller: Caller, id: string, reason: string): Promise<ReturnMovementDetail> {
    return this.access.write(caller, async (m) => {
      const found = this.checks.workable(caller, await findMovement(m, id, true));
      if (found.status !== 'planned' && found.status !== 'in_transit')
        throw new DomainError('RETURN_NOT_PLANNED', 'conflict', {
          params: { status: found.status },
        });
      await bumpVersion(
        m,
        id,
        null,
        `status = 'cancelled', cancellation_reason = $1, cancelled_by = $2, cancelled_at = now()`,
        [reason.trim(), caller.userId],
      );
      await m.query('UPDATE return_movement_cases SET active = false WHERE movement_id = $1', [id]);
      await recordReturnEvent(this.audit, m, caller, 'return_movement.cancel', found, {
        from: found.status,
      });
      return this.checks.detail(caller, m, (await findMovement(m, id))!);
    });
  }

  /** The movements a case is on (for the case page), if the caller may read the case. */
  async forCase(caller: Caller, caseId: string): Promise<CaseReturn[]> {
    const [found, rows] = await this.access.read(caller, async (m) => {
      const found = await this.cases.readable(caller, caseId, m);
      const rows = await m.query<
        (ReturnMovement & { personIds: string[]; childReturn: boolean })[]
      >(
        `${MOVEMENT_COLUMNS}, rc.person_ids AS "personIds", rc.child_return AS "childReturn"
           FROM return_movement_cases rc JOIN return_movements m ON m.id = rc.movement_id
          WHERE rc.case_id = $1 ORDER BY m.planned_departure_at DESC, m.id`,
        [found.id],
      );
      return [found, rows] as const;
    });
    await recordCallerEvent(this.audit, caller, {
      action: 'case.returns.read',
      resourceType: 'case',
      resourceId: found.id,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: { count: rows.length },
    });
    return rows.map(({ personIds, childReturn, ...movement }) => ({
      movement,
      personIds,
      childReturn,
    }));
  }
}
