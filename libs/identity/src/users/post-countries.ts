import { EntityManager } from 'typeorm';

/**
 * What identity needs to know about posts: the sending country of a consulate, or null when there
 * is no such consulate. The directory owns consulates and sits above identity, so identity only
 * declares this port; the directory provides it (DirectoryPortsModule).
 */
export abstract class PostCountries {
  abstract countryOf(consulateId: string, manager?: EntityManager): Promise<string | null>;
}
