import { EntityManager } from 'typeorm';

/** A post as a case reference names it. */
export interface ReferencePost {
  id: string;
  countryCode: string;
  postCode: string;
}

/**
 * The next reference of a post for a year (`MX-LAX-2026-000124`), from the counter `insertCase`
 * numbers new cases with, so a case that arrives at a post takes a number no case of the post has
 * had or will have. The counter row stays locked until the transaction ends, as for a new case.
 */
export async function nextCaseReference(
  manager: EntityManager,
  post: ReferencePost,
  year: number,
): Promise<string> {
  const [{ reference }] = await manager.query<{ reference: string }[]>(
    `WITH counter AS (
       INSERT INTO case_reference_counters (consulate_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (consulate_id, year) DO UPDATE SET last_sequence = case_reference_counters.last_sequence + 1
       RETURNING last_sequence::text AS sequence)
     SELECT $3 || lpad(counter.sequence, greatest(6, length(counter.sequence)), '0') AS reference FROM counter`,
    [post.id, year, `${post.countryCode}-${post.postCode}-${year}-`],
  );
  return reference;
}
