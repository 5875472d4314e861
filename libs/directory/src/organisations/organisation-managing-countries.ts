import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganisationCountries } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';

/** The directory's answer to identity's OrganisationCountries port. */
@Injectable()
export class OrganisationManagingCountries extends OrganisationCountries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async managingCountryOf(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ countryCode: string | null } | null> {
    if (!isUUID(organisationId)) return null;
    const [row] = await manager.query<{ countryCode: string | null }[]>(
      `SELECT managed_by_country_code AS "countryCode" FROM organisations WHERE id = $1`,
      [organisationId],
    );
    return row ?? null;
  }
}
