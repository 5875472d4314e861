import { OrganisationService, OrganisationType } from '../directory-codes';

export interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  description: string | null;
  services: OrganisationService[];
  coverageCountries: string[];
  coverageSubdivisions: string[];
  languages: string[];
  email: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  managedByCountryCode: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewOrganisation {
  name: string;
  acronym?: string | null;
  type: OrganisationType;
  description?: string | null;
  services: OrganisationService[];
  coverageCountries: string[];
  coverageSubdivisions?: string[] | null;
  languages?: string[] | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  address?: string | null;
  /** The country whose admins manage the record; defaults to the admin's. */
  managedByCountryCode?: string | null;
  active?: boolean;
}

export type OrganisationChanges = Partial<Omit<NewOrganisation, 'managedByCountryCode'>>;

/** What an organisation's focal point may change: everything but whether it is offered at all. */
export type OwnOrganisationChanges = Omit<OrganisationChanges, 'active'>;

export interface OrganisationFilters {
  q?: string;
  service?: OrganisationService;
  type?: OrganisationType;
  coverageCountry?: string;
  /** Organisations that cover this subdivision, or its whole country. */
  coverageSubdivision?: string;
  language?: string;
  active?: boolean;
  sort?: string;
  cursor?: string;
  limit?: number;
}

export const ORGANISATION_COLUMNS = `
  SELECT o.id, o.name, o.acronym, o.type, o.description, o.services, o.coverage_countries AS "coverageCountries",
         o.coverage_subdivisions AS "coverageSubdivisions", o.languages, o.email, o.phone, o.website, o.address,
         o.managed_by_country_code AS "managedByCountryCode", o.active, o.created_at AS "createdAt",
         o.updated_at AS "updatedAt"`;
