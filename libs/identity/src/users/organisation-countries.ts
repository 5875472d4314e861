import { EntityManager } from 'typeorm';

/**
 * What identity needs to know about a referral organisation to grant its focal point: whether it
 * exists and which country manages it (`countryCode` null: only system administrators do), or null
 * when there is no such organisation. The directory owns organisations and sits above identity,
 * so identity only declares this port; the directory provides it (DirectoryPortsModule).
 */
export abstract class OrganisationCountries {
  abstract managingCountryOf(
    organisationId: string,
    manager?: EntityManager,
  ): Promise<{ countryCode: string | null } | null>;
}
