import { Injectable } from '@nestjs/common';
import { DomainError, FieldError, invalidField } from '@amparo/core';
import { CaseAccess, CaseLookup } from '@amparo/cases';
import { Organisation, OrganisationsService, ReferenceChecks } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { NewReturnMovement, ReturnMovement, ReturnMovementDetail } from './return-movement';
import { detailOf } from './return-movement-store';

const problem = (field: string, code: string, es: string, en: string): FieldError => ({
  field,
  code,
  message: { es, en },
});

/** Checks a movement's fields and the caller's hold on it; each refusal is a clear 4xx. */
@Injectable()
export class ReturnChecks {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly organisations: OrganisationsService,
    private readonly references: ReferenceChecks,
  ) {}

  /** The movement in the caller's reach (the post's staff, the country's supervisors) or 404. */
  visible(caller: Caller, movement: ReturnMovement | null): ReturnMovement {
    if (
      !movement ||
      !this.access.inScope(caller, { ...movement, assignedOfficerId: null, restricted: false })
    )
      throw new DomainError('RETURN_MOVEMENT_NOT_FOUND', 'not_found');
    return movement;
  }

  /** A visible movement the caller may change: an officer or consul of the organising post. */
  workable(caller: Caller, movement: ReturnMovement | null): ReturnMovement {
    const found = this.visible(caller, movement);
    const location = { ...found, assignedOfficerId: null, restricted: false };
    if (!this.access.worksCase(caller, location)) throw new DomainError('FORBIDDEN', 'forbidden');
    return found;
  }

  /** The movement's detail as the caller may see it (`detailOf`). */
  detail(
    caller: Caller,
    m: EntityManager,
    movement: ReturnMovement,
  ): Promise<ReturnMovementDetail> {
    return detailOf(m, movement, (ids) => this.cases.readableIds(caller, ids, m));
  }

  planned(movement: ReturnMovement): void {
    if (movement.status !== 'planned')
      throw new DomainError('RETURN_NOT_PLANNED', 'conflict', {
        params: { status: movement.status },
      });
  }

  inTransit(movement: ReturnMovement): void {
    if (movement.status !== 'in_transit')
      throw new DomainError('RETURN_NOT_IN_TRANSIT', 'conflict', {
        params: { status: movement.status },
      });
  }

  /** The post the caller organises from: the one named, which they must work, or their only one. */
  organisingPost(caller: Caller, consulateId: string | undefined): { id: string; country: string } {
    const posts = caller.grants.filter(
      (g) => (g.role === 'officer' || g.role === 'consul') && g.consulateId && g.countryCode,
    );
    const chosen = consulateId
      ? posts.find((g) => g.consulateId === consulateId)
      : posts.length === 1 || new Set(posts.map((g) => g.consulateId)).size === 1
        ? posts[0]
        : undefined;
    if (!chosen)
      throw invalidField(
        'consulateId',
        posts.length ? 'NOT_YOUR_POST' : 'NO_POST',
        'Indique un consulado donde usted es funcionario o cónsul.',
        'Name a post where you are an officer or consul.',
      );
    return { id: chosen.consulateId!, country: chosen.countryCode! };
  }

  /** Every field problem of a movement's values at once, as one 400. */
  async fields(
    countryCode: string,
    values: Omit<NewReturnMovement, 'consulateId'>,
    m: EntityManager,
  ): Promise<void> {
    const problems: FieldError[] = [];
    const departure = Date.parse(values.plannedDepartureAt);
    if (values.plannedArrivalAt && Date.parse(values.plannedArrivalAt) < departure)
      problems.push(
        problem(
          'plannedArrivalAt',
          'BEFORE_DEPARTURE',
          'La llegada prevista no puede ser anterior a la salida prevista.',
          'The planned arrival cannot be before the planned departure.',
        ),
      );
    if (values.fromCountryCode === countryCode)
      problems.push(
        problem(
          'fromCountryCode',
          'SAME_AS_ORIGIN',
          'El retorno sale de otro país que el de origen.',
          'A return leaves from a country other than the country of origin.',
        ),
      );
    problems.push(
      ...(await this.references.countryProblems(
        [{ field: 'fromCountryCode', code: values.fromCountryCode }],
        m,
      )),
    );
    if (values.toSubdivisionCode)
      problems.push(
        ...(
          await this.references.subdivisionProblems(
            'toSubdivisionCode',
            [values.toSubdivisionCode],
            [countryCode],
            m,
          )
        ).map((p) => ({ ...p, field: 'toSubdivisionCode' })),
      );
    if (values.receivingInstitutionId) {
      const institution = await this.organisationAt(values.receivingInstitutionId, countryCode);
      if (!institution)
        problems.push(
          problem(
            'receivingInstitutionId',
            'NOT_AT_ORIGIN',
            'Elija una organización activa del directorio que opere en el país de origen.',
            'Choose an active organisation of the directory operating in the country of origin.',
          ),
        );
    }
    if (problems.length)
      throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: problems });
  }

  /** An active organisation of the directory covering `countryCode`, or null. */
  async organisationAt(id: string, countryCode: string): Promise<Organisation | null> {
    const organisation = isUUID(id) ? await this.organisations.get(id).catch(() => null) : null;
    return organisation?.active && organisation.coverageCountries.includes(countryCode)
      ? organisation
      : null;
  }
}
