import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../shell/use-me';
import type { Role } from './use-user';

export const ROLES: readonly Role[] = [
  'officer',
  'consul',
  'supervisor',
  'analyst',
  'admin',
  'system_admin',
  'organisation_focal_point',
  'network_secretariat',
];

/** The roles a country administrator may grant (libs/identity/src/access/roles.ts). */
const GRANTABLE_BY_ADMIN: readonly Role[] = [
  'officer',
  'consul',
  'supervisor',
  'analyst',
  'organisation_focal_point',
];

/** What a role is granted for, as the API checks it (libs/identity/src/access/roles.ts). */
export function scopeOf(role: Role | ''): 'consulate' | 'country' | 'organisation' | 'none' {
  if (role === 'officer' || role === 'consul') return 'consulate';
  if (role === 'supervisor' || role === 'analyst' || role === 'admin') return 'country';
  if (role === 'organisation_focal_point') return 'organisation';
  return 'none';
}

/**
 * The roles the signed-in administrator may grant: a system administrator any, a country
 * administrator the four below its own and an organisation's focal point (the API refuses the rest
 * with GRANT_NOT_ALLOWED).
 */
export function useGrantableRoles(): readonly Role[] {
  const me = useMe();
  const isSystemAdmin = me.data?.grants.some((grant) => grant.role === 'system_admin') ?? false;
  return isSystemAdmin ? ROLES : GRANTABLE_BY_ADMIN;
}

/** A role's name in the current language (the shell's `roles` messages). */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return useCallback((role) => t(`roles.${role}`, { defaultValue: role }), [t]);
}
