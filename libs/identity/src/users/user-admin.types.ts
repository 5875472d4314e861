import { RoleGrant } from '../access/caller';
import { UserStatus } from './user-row';

export interface NewUser {
  email: string;
  displayName: string;
  locale?: 'es' | 'en';
  countryCode?: string | null;
  grants: RoleGrant[];
}

export interface UserChanges {
  displayName?: string;
  locale?: 'es' | 'en';
}

export interface UserFilters {
  q?: string;
  status?: UserStatus;
  role?: string;
  countryCode?: string;
  cursor?: string;
  limit?: number;
}

/** A one-time token, shown once to the admin who passes it to the user. */
export interface IssuedActivation {
  activationToken: string;
  activationExpiresAt: Date;
}
