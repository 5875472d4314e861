import { Injectable } from '@nestjs/common';
import { FieldError } from '@amparo/core';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { RoleGrant } from '../access/caller';
import { CONSULATE_ROLES, COUNTRY_ROLES, ORGANISATION_ROLES } from '../access/roles';
import { OrganisationCountries } from './organisation-countries';
import { PostCountries } from './post-countries';

export const fieldError = (field: string, code: string, es: string, en: string): FieldError => ({
  field,
  code,
  message: { es, en },
});

/**
 * The scope each requested grant takes by its role, as it will be stored: a consulate (with its
 * country), a country, an organisation (with the country that manages it) or nothing. A grant of
 * the wrong shape, or naming a consulate or organisation that does not exist, is a field error.
 * Who may grant it is the caller's business, not this one's.
 */
@Injectable()
export class GrantScopes {
  constructor(
    private readonly posts: PostCountries,
    private readonly organisations: OrganisationCountries,
  ) {}

  async resolve(
    grant: RoleGrant,
    at: string,
    manager: EntityManager,
  ): Promise<RoleGrant | FieldError> {
    if (ORGANISATION_ROLES.includes(grant.role)) return this.organisationGrant(grant, at, manager);
    if (grant.organisationId)
      return fieldError(
        `${at}.organisationId`,
        'NO_ORGANISATION_ALLOWED',
        'Solo el rol de punto focal de organización se otorga para una organización.',
        'Only the organisation focal point role is granted for an organisation.',
      );
    if (CONSULATE_ROLES.includes(grant.role)) {
      const country = grant.consulateId
        ? await this.posts.countryOf(grant.consulateId, manager)
        : null;
      if (!country)
        return fieldError(
          `${at}.consulateId`,
          'UNKNOWN_CONSULATE',
          'Indique un consulado existente.',
          'Give an existing consulate.',
        );
      return {
        role: grant.role,
        consulateId: grant.consulateId,
        countryCode: country,
        organisationId: null,
      };
    }
    if (COUNTRY_ROLES.includes(grant.role)) {
      if (!grant.countryCode || grant.consulateId)
        return fieldError(
          `${at}.countryCode`,
          'COUNTRY_REQUIRED',
          'Este rol se otorga para un país, sin consulado.',
          'This role is granted for a country, without a consulate.',
        );
      return {
        role: grant.role,
        consulateId: null,
        countryCode: grant.countryCode,
        organisationId: null,
      };
    }
    if (grant.countryCode || grant.consulateId)
      return fieldError(
        at,
        'NO_SCOPE_ALLOWED',
        'Este rol abarca todo el sistema; no indique país ni consulado.',
        'This role covers the whole deployment; give no country or consulate.',
      );
    return { role: grant.role, consulateId: null, countryCode: null, organisationId: null };
  }

  /** Its country is the organisation's managing country, never one the request gives. */
  private async organisationGrant(
    grant: RoleGrant,
    at: string,
    manager: EntityManager,
  ): Promise<RoleGrant | FieldError> {
    if (grant.consulateId || grant.countryCode)
      return fieldError(
        at,
        'ORGANISATION_ONLY',
        'Este rol se otorga para una organización; no indique país ni consulado.',
        'This role is granted for an organisation; give no country or consulate.',
      );
    const organisation =
      grant.organisationId && isUUID(grant.organisationId)
        ? await this.organisations.managingCountryOf(grant.organisationId, manager)
        : null;
    if (!organisation)
      return fieldError(
        `${at}.organisationId`,
        'UNKNOWN_ORGANISATION',
        'Indique una organización existente del directorio.',
        'Give an existing organisation of the directory.',
      );
    return {
      role: grant.role,
      consulateId: null,
      countryCode: organisation.countryCode,
      organisationId: grant.organisationId,
    };
  }
}

/** The same grant asked for twice is one grant. */
export const grantKey = (g: RoleGrant) =>
  `${g.role}|${g.consulateId}|${g.countryCode}|${g.organisationId}`;

/**
 * A focal point's account is theirs alone: with its one grant it holds no other (the error is on
 * the focal point's row of the request).
 */
export function focalPointAlone(grants: readonly RoleGrant[]): FieldError | null {
  const index = grants.findIndex((g) => ORGANISATION_ROLES.includes(g.role));
  if (index < 0 || new Set(grants.map(grantKey)).size === 1) return null;
  return fieldError(
    `grants.${index}.role`,
    'FOCAL_POINT_ALONE',
    'Una cuenta de punto focal de organización no tiene otros roles; use una cuenta aparte.',
    'An organisation focal point account holds no other role; use a separate account.',
  );
}
