import { Permission } from './permissions';
import { Role } from './roles';

export interface RoleGrant {
  role: Role;
  consulateId: string | null;
  countryCode: string | null;
  /** The directory organisation of an organisation_focal_point grant; null for every other role. */
  organisationId: string | null;
}

/** The signed-in user a request acts for; every service method takes it first. */
export interface Caller {
  userId: string;
  email: string;
  displayName: string;
  locale: 'es' | 'en';
  countryCode: string | null;
  mfaEnabled: boolean;
  sessionId: string;
  grants: RoleGrant[];
  roles: Role[];
  permissions: Set<Permission>;
}
