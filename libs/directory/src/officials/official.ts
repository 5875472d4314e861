import { FocalTopic } from '../directory-codes';

export interface Official {
  id: string;
  consulateId: string;
  postCode: string;
  consulateName: string;
  sendingCountryCode: string;
  hostCountryCode: string;
  city: string;
  name: string;
  title: string;
  accreditedFrom: string;
  accreditedTo: string | null;
  topics: FocalTopic[];
  workEmail: string | null;
  workPhone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewOfficial {
  consulateId: string;
  name: string;
  title: string;
  accreditedFrom: string;
  accreditedTo?: string | null;
  topics?: FocalTopic[] | null;
  workEmail?: string | null;
  workPhone?: string | null;
}

export type OfficialChanges = Partial<Omit<NewOfficial, 'consulateId'>>;

export interface OfficialFilters {
  sendingCountryCode?: string;
  hostCountryCode?: string;
  consulateId?: string;
  topic?: FocalTopic;
  /** Accredited on this date (YYYY-MM-DD). */
  accreditedOn?: string;
  q?: string;
  sort?: string;
  cursor?: string;
  limit?: number;
}

export const OFFICIAL_COLUMNS = `
  SELECT o.id, o.consulate_id AS "consulateId", c.post_code AS "postCode", c.name AS "consulateName",
         c.sending_country_code AS "sendingCountryCode", c.host_country_code AS "hostCountryCode", c.city,
         o.name, o.title, to_char(o.accredited_from, 'YYYY-MM-DD') AS "accreditedFrom",
         to_char(o.accredited_to, 'YYYY-MM-DD') AS "accreditedTo", o.topics, o.work_email AS "workEmail",
         o.work_phone AS "workPhone", o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;
