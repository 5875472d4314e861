import { RoleGrant } from '../access/caller';

export type UserStatus = 'active' | 'disabled';

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  locale: 'es' | 'en';
  countryCode: string | null;
  status: UserStatus;
  passwordHash: string | null;
  tokenVersion: number;
  mfaSecret: string | null;
  mfaEnabledAt: Date | null;
  mfaLastTimeStep: string | null;
  /** Set by an administrator's MFA reset: the next sign-in enrols again, whatever the roles. */
  mfaResetAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserWithGrants extends UserRow {
  grants: RoleGrant[];
}

export const USER_COLUMNS = `
  u.id, u.email::text AS "email", u.display_name AS "displayName", u.locale,
  u.country_code AS "countryCode", u.status, u.password_hash AS "passwordHash",
  u.token_version AS "tokenVersion", u.mfa_secret AS "mfaSecret", u.mfa_enabled_at AS "mfaEnabledAt",
  u.mfa_last_time_step::text AS "mfaLastTimeStep", u.mfa_reset_at AS "mfaResetAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/**
 * The user's grants as one JSON column of a `users u` row, in the order `UserRecords.grantsOf`
 * gives them, so a user and their grants take one round trip.
 */
export const USER_GRANTS_COLUMN = `
  COALESCE((SELECT json_agg(json_build_object('role', g.role, 'consulateId', g.consulate_id, 'countryCode', g.country_code,
                                              'organisationId', g.organisation_id)
                            ORDER BY g.role, g.country_code, g.consulate_id)
              FROM role_grants g WHERE g.user_id = u.id), '[]') AS grants`;
