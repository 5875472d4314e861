import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NewConsulate } from '../consulates/consulate';
import { NewOfficial } from '../officials/official';
import { NewOrganisation } from '../organisations/organisation';

/** Whether a seeding write created the record or found it there already. */
export interface Seeded {
  id: string;
  created: boolean;
}

/**
 * Idempotent writes of known-good directory records by their natural keys (post code, official's
 * name at a post, organisation name), for seeding such as the demo network. No scope checks and
 * no audit event of their own: the seeder records one event for its whole run, in `manager`'s
 * transaction.
 */
@Injectable()
export class DirectorySeeding {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hasConsulates(): Promise<boolean> {
    const [{ any }] = await this.dataSource.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM consulates) AS any',
    );
    return any;
  }

  async ensureConsulate(manager: EntityManager, c: NewConsulate): Promise<Seeded> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO consulates (sending_country_code, post_code, name, type, host_country_code, city, jurisdiction,
                               address, phone, emergency_phone, email, website)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT ON CONSTRAINT uq_consulates_sending_country_code_post_code DO NOTHING
       RETURNING id`,
      [
        c.sendingCountryCode,
        c.postCode,
        c.name,
        c.type,
        c.hostCountryCode,
        c.city,
        c.jurisdiction ?? [],
        c.address ?? null,
        c.phone ?? null,
        c.emergencyPhone ?? null,
        c.email ?? null,
        c.website ?? null,
      ],
    );
    if (inserted[0]) return { id: inserted[0].id, created: true };
    const [{ id }] = await manager.query<{ id: string }[]>(
      'SELECT id FROM consulates WHERE sending_country_code = $1 AND post_code = $2',
      [c.sendingCountryCode, c.postCode],
    );
    return { id, created: false };
  }

  /** True when created; an official of the same name at the post counts as there already. */
  async ensureOfficial(manager: EntityManager, o: NewOfficial): Promise<boolean> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO officials (consulate_id, name, title, accredited_from, accredited_to, topics, work_email, work_phone)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8
        WHERE NOT EXISTS (SELECT 1 FROM officials WHERE consulate_id = $1 AND name = $2)
       RETURNING id`,
      [
        o.consulateId,
        o.name,
        o.title,
        o.accreditedFrom,
        o.accreditedTo ?? null,
        o.topics ?? [],
        o.workEmail ?? null,
        o.workPhone ?? null,
      ],
    );
    return inserted.length > 0;
  }

  /** True when created; an organisation of the same name counts as there already. */
  async ensureOrganisation(manager: EntityManager, o: NewOrganisation): Promise<boolean> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO organisations (name, acronym, type, description, services, coverage_countries, coverage_subdivisions,
                                  languages, email, phone, website, address, managed_by_country_code, active)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14
        WHERE NOT EXISTS (SELECT 1 FROM organisations WHERE name = $1)
       RETURNING id`,
      [
        o.name,
        o.acronym ?? null,
        o.type,
        o.description ?? null,
        o.services,
        o.coverageCountries,
        o.coverageSubdivisions ?? [],
        o.languages ?? [],
        o.email ?? null,
        o.phone ?? null,
        o.website ?? null,
        o.address ?? null,
        o.managedByCountryCode ?? null,
        o.active ?? true,
      ],
    );
    return inserted.length > 0;
  }
}
