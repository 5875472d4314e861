export const ROLES = [
  'officer',
  'consul',
  'supervisor',
  'analyst',
  'admin',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles bound to one consulate; the others are bound to a country, or to the whole deployment. */
export const CONSULATE_ROLES: readonly Role[] = ['officer', 'consul'];
export const COUNTRY_ROLES: readonly Role[] = ['supervisor', 'analyst', 'admin'];

/** Holders of these roles must sign in with a second factor. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['supervisor', 'admin', 'system_admin'];

/** Roles a country admin may grant; admin and system_admin are granted by a system_admin only. */
export const ROLES_GRANTABLE_BY_ADMIN: readonly Role[] = [
  'officer',
  'consul',
  'supervisor',
  'analyst',
];
