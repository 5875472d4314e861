import { EntityManager } from 'typeorm';

/**
 * The next reference of a post for a year, like `MX-LAX-2026-000123`. The counter row is locked until
 * the creating transaction ends, so concurrent creations at one post get consecutive numbers, and a
 * rolled-back creation returns its number: no committed case ever shares or reuses one.
 */
export async function nextCaseReference(
  manager: EntityManager,
  post: { consulateId: string; countryCode: string; postCode: string },
  year: number,
): Promise<string> {
  const [{ sequence }] = await manager.query<{ sequence: number }[]>(
    `INSERT INTO case_reference_counters (consulate_id, year, last_sequence) VALUES ($1, $2, 1)
     ON CONFLICT (consulate_id, year) DO UPDATE SET last_sequence = case_reference_counters.last_sequence + 1
     RETURNING last_sequence AS sequence`,
    [post.consulateId, year],
  );
  return `${post.countryCode}-${post.postCode}-${year}-${String(sequence).padStart(6, '0')}`;
}
