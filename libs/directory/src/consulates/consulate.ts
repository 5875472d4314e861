import { ConsulateType } from '../directory-codes';

export interface ConsulateContacts {
  address?: string | null;
  phone?: string | null;
  emergencyPhone?: string | null;
  email?: string | null;
  website?: string | null;
}

export interface Consulate extends Required<ConsulateContacts> {
  id: string;
  sendingCountryCode: string;
  postCode: string;
  name: string;
  type: ConsulateType;
  hostCountryCode: string;
  city: string;
  jurisdiction: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
}

export interface NewConsulate extends ConsulateContacts {
  sendingCountryCode: string;
  postCode: string;
  name: string;
  type: ConsulateType;
  hostCountryCode: string;
  city: string;
  jurisdiction?: string[] | null;
}

/** Post code and sending country are permanent: case references are built from them. */
export type ConsulateChanges = Partial<Omit<NewConsulate, 'sendingCountryCode' | 'postCode'>>;

export interface ConsulateFilters {
  sendingCountryCode?: string;
  hostCountryCode?: string;
  type?: ConsulateType;
  active?: boolean;
  q?: string;
  sort?: string;
  cursor?: string;
  limit?: number;
}

export const CONSULATE_COLUMNS = `
  SELECT c.id, c.sending_country_code AS "sendingCountryCode", c.post_code AS "postCode", c.name, c.type,
         c.host_country_code AS "hostCountryCode", c.city, c.jurisdiction, c.address, c.phone,
         c.emergency_phone AS "emergencyPhone", c.email, c.website, c.active, c.created_at AS "createdAt",
         c.updated_at AS "updatedAt", c.deactivated_at AS "deactivatedAt"`;

/** Where a post sits and whether it takes new cases: what other contexts need to place a case. */
export interface PostLocation {
  id: string;
  countryCode: string;
  postCode: string;
  active: boolean;
}

/** A post as a list of other contexts names it: code and name, and whether it is active. */
export interface PostName {
  id: string;
  countryCode: string;
  postCode: string;
  name: string;
  active: boolean;
}
