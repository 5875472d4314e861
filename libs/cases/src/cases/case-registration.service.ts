import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, FieldError } from '@amparo/core';
import { ConsulatesService, PostLocation, ReferenceChecks } from '@amparo/directory';
import { Caller, PostOfficers } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import {
  personProblems,
  repeatedPersonProblem,
  unknownPersonProblem,
} from '../persons/person-rules';
import { PersonsService } from '../persons/persons.service';
import { WorkflowRole } from '../workflow/case-workflow';
import { NewCase } from './case';
import { assertAssignable } from './case-assignee';
import { invalidFields } from './case-errors';
import { CreatedCase, registerCase } from './case-registration';
import { eventSubdivisionProblems } from './event-place-checks';
import { nextStepDueProblems } from './next-step';

/**
 * Registering a case (intake): every field of the request checked at once, the persons linked or
 * created, the case inserted with its reference, history and audit event (registerCase).
 */
@Injectable()
export class CaseRegistrationService {
  constructor(
    private readonly access: CaseAccess,
    private readonly persons: PersonsService,
    private readonly checks: ReferenceChecks,
    private readonly audit: AuditService,
    private readonly consulates: ConsulatesService,
    private readonly officers: PostOfficers,
  ) {}

  /** Registers a case at a post the caller works, after checking every field (registerCase). */
  async create(caller: Caller, input: NewCase, now = new Date()): Promise<CreatedCase> {
    return this.register<CreatedCase>(caller, input, now, ['officer', 'consul']);
  }

  /**
   * Opens a case at the post on another country's request (mutual assistance): its consul, or a
   * supervisor of its country, who then names the officer it is assigned to. The fields are checked
   * first, outside any transaction; then `andThen` runs in the registration's own transaction (the
   * request's acceptance), so the request and its case commit together or not at all.
   */
  async openOnRequest<T>(
    caller: Caller,
    input: NewCase,
    andThen: (manager: EntityManager, created: CreatedCase) => Promise<T>,
    now = new Date(),
  ): Promise<T> {
    return this.register(caller, input, now, ['consul', 'supervisor'], andThen);
  }

  /**
   * Opens the cases of a crisis event's demobilisation at the event's responding posts, all in one
   * transaction that `andThen` (the event's closing) ends. The crisis context has checked that the
   * caller manages the event (a consul of one of its posts or a supervisor of its country), so the
   * wall is widened to those posts, as a consul of the lead post opens cases of another responding
   * post. Every case is checked first, outside any transaction; one bad case opens none, and its
   * field errors name it by position (`cases.2.persons.0.person.dateOfBirth`).
   */
  async openForCrisisEvent<T>(
    caller: Caller,
    responders: readonly string[],
    inputs: NewCase[],
    andThen: (manager: EntityManager, created: CreatedCase[]) => Promise<T>,
    now = new Date(),
  ): Promise<T> {
    const posts = new Map<string, PostLocation>();
    for (const [index, input] of inputs.entries()) {
      const post =
        posts.get(input.consulateId) ?? (await this.consulates.locate(input.consulateId));
      if (!post || !responders.includes(post.id))
        throw new DomainError('NOT_YOUR_POST', 'forbidden');
      if (!post.active) throw new DomainError('CONSULATE_INACTIVE', 'conflict');
      posts.set(post.id, post);
      await this.validateNewCase(caller, input, post.countryCode, now).catch((error: unknown) => {
        if (!(error instanceof DomainError) || !error.details.fieldErrors) throw error;
        throw invalidFields(
          error.details.fieldErrors.map((p) => ({ ...p, field: `cases.${index}.${p.field}` })),
        );
      });
      if (input.assignedOfficerId)
        await assertAssignable(this.officers, input.assignedOfficerId, post.id);
    }
    return this.access.reaching(caller, responders, async (manager) => {
      const created: CreatedCase[] = [];
      for (const input of inputs)
        created.push(
          await registerCase(
            manager,
            { persons: this.persons, audit: this.audit },
            { post: posts.get(input.consulateId)!, caller, input, now },
          ),
        );
      return andThen(manager, created);
    });
  }

  private async register<T = CreatedCase>(
    caller: Caller,
    input: NewCase,
    now: Date,
    mayOpen: WorkflowRole[],
    andThen?: (manager: EntityManager, created: CreatedCase) => Promise<T>,
  ): Promise<T> {
    const post = await this.consulates.locate(input.consulateId);
    const roles = post
      ? this.access.rolesOn(caller, {
          consulateId: post.id,
          countryCode: post.countryCode,
          assignedOfficerId: null,
          restricted: false,
        })
      : [];
    if (!post || !roles.some((role) => mayOpen.includes(role))) {
      throw new DomainError('NOT_YOUR_POST', 'forbidden');
    }
    if (!roles.includes('officer') && !roles.includes('consul') && !input.assignedOfficerId)
      throw invalidFields([
        {
          field: 'assignedOfficerId',
          code: 'REQUIRED',
          message: {
            es: 'Indique el funcionario de la oficina a quien se asigna el caso.',
            en: 'Name the officer of the post the case is assigned to.',
          },
        },
      ]);
    if (!post.active) throw new DomainError('CONSULATE_INACTIVE', 'conflict');
    await this.validateNewCase(caller, input, post.countryCode, now);
    if (input.assignedOfficerId)
      await assertAssignable(this.officers, input.assignedOfficerId, post.id);
    return this.access.write(caller, async (manager) => {
      const created = await registerCase(
        manager,
        { persons: this.persons, audit: this.audit },
        { post, caller, input, now },
      );
      return andThen ? andThen(manager, created) : (created as T);
    });
  }

  private async validateNewCase(
    caller: Caller,
    input: NewCase,
    countryCode: string,
    now: Date,
  ): Promise<void> {
    const problems: FieldError[] = [];
    const primaries = input.persons.filter((p) => p.role === 'primary');
    if (primaries.length !== 1) {
      problems.push({
        field: 'persons',
        code: 'ONE_PRIMARY_PERSON',
        message: {
          es: 'Indique exactamente una persona principal.',
          en: 'Give exactly one primary person.',
        },
      });
    }
    if (input.openedAt && new Date(input.openedAt) > now) {
      problems.push({
        field: 'openedAt',
        code: 'IN_THE_FUTURE',
        message: { es: 'No puede ser una fecha futura.', en: 'Cannot be in the future.' },
      });
    }
    problems.push(...nextStepDueProblems(input.openedAt ?? now, input.nextStepDue));
    // Every country code of the request in one query; each problem is reported in its place below.
    const countryProblems = await this.checks.countryProblems([
      ...input.persons.flatMap((link, index) =>
        link.person && !link.personId
          ? [
              {
                field: `persons.${index}.person.nationalityCode`,
                code: link.person.nationalityCode,
              },
              ...(link.person.documents ?? []).map((d, i) => ({
                field: `persons.${index}.person.documents.${i}.issuingCountryCode`,
                code: d.issuingCountryCode,
              })),
            ]
          : [],
      ),
      { field: 'eventCountryCode', code: input.eventCountryCode },
    ]);
    // Persons the caller cannot read answer like ids that do not exist (one problem for both).
    // Most cases link no existing person: then no transaction is opened for the lookup.
    const linkedIds = input.persons.flatMap((l) =>
      l.personId && isUUID(l.personId) ? [l.personId] : [],
    );
    const { persons: linkable } = linkedIds.length
      ? await this.access.read(caller, (m) =>
          this.persons.linkableByIds(caller, countryCode, linkedIds, m),
        )
      : { persons: new Map<string, unknown>() };
    for (const [index, link] of input.persons.entries()) {
      if (!!link.personId === !!link.person) {
        problems.push({
          field: `persons.${index}`,
          code: 'PERSON_OR_PERSON_ID',
          message: {
            es: 'Indique una persona nueva o el identificador de una existente.',
            en: 'Give a new person or the id of an existing one.',
          },
        });
      } else if (link.personId) {
        if (!linkable.has(link.personId))
          problems.push(unknownPersonProblem(`persons.${index}.personId`));
        else if (input.persons.findIndex((l) => l.personId === link.personId) < index)
          problems.push(repeatedPersonProblem(`persons.${index}.personId`));
      } else {
        const person = link.person!;
        problems.push(...personProblems(person, now, `persons.${index}.person`));
        problems.push(
          ...countryProblems.filter((p) => p.field.startsWith(`persons.${index}.person.`)),
        );
        if (person.originSubdivisionCode) {
          problems.push(
            ...(await this.checks.subdivisionProblems(
              `persons.${index}.person.originSubdivisionCode`,
              [person.originSubdivisionCode],
              [person.nationalityCode],
            )),
          );
        }
      }
    }
    problems.push(...countryProblems.filter((p) => p.field === 'eventCountryCode'));
    problems.push(...(await eventSubdivisionProblems(this.checks, input)));
    if (problems.length)
      throw invalidFields(
        problems.map((p) => ({ ...p, field: p.field.replace(/(Code)\.0$/, '$1') })),
      );
  }
}
