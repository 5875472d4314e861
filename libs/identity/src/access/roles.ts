export const ROLES = [
  'officer',
  'consul',
  'supervisor',
  'analyst',
  'admin',
  'system_admin',
  'organisation_focal_point',
  'network_secretariat',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles bound to one consulate, to one directory organisation, or to a country; the rest
 * (system_admin, network_secretariat) to the whole deployment.
 */
export const CONSULATE_ROLES: readonly Role[] = ['officer', 'consul'];
export const COUNTRY_ROLES: readonly Role[] = ['supervisor', 'analyst', 'admin'];
/**
 * A contact of a referral organisation, outside the consular network: the grant names the
 * organisation, its country is the one that manages the organisation (none: system_admins only),
 * and the account holds no other role.
 */
export const ORGANISATION_ROLES: readonly Role[] = ['organisation_focal_point'];

/**
 * Holders of these roles must sign in with a second factor. Focal points do: they are outside
 * people on devices no one here looks after, and their one power, changing where officers send
 * people for help (an organisation's phone, email, address), is what a hijacked account would use.
 */
export const MFA_REQUIRED_ROLES: readonly Role[] = [
  'supervisor',
  'admin',
  'system_admin',
  'organisation_focal_point',
];

/**
 * Roles a country admin may grant (for its own country: a focal point for an organisation its
 * country manages); admin and system_admin are granted by a system_admin only.
 */
export const ROLES_GRANTABLE_BY_ADMIN: readonly Role[] = [
  'officer',
  'consul',
  'supervisor',
  'analyst',
  'organisation_focal_point',
];
