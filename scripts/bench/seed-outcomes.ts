// Detentions and returns for seeded cases (scripts/bench/seed-cases.ts writes cases, persons and
// actions only), in plain SQL over the cases already there: a detention of the primary person for
// every detention case, and a completed return movement for most return cases. Enough for the
// notification-delay and returns measures to count plausible numbers at scale; not a model of how
// officers record them (one movement per case, no escorts, no handovers).
import { performance } from 'node:perf_hooks';
import { connect } from './seed-cases';

/** Share of the return cases that reach a completed movement. */
const RETURNED_SHARE = 0.7;

export interface SeededOutcomes {
  detentions: number;
  returnMovements: number;
  seconds: number;
}

/**
 * Seeds the detentions and returns of the cases in `url`. `setseed` makes `random()` repeat its
 * sequence, so the same cases give the same rows (within one PostgreSQL version).
 */
export async function seedOutcomes(url: string, applicationName: string): Promise<SeededOutcomes> {
  const client = await connect(url, applicationName);
  const started = performance.now();
  try {
    await client.query('BEGIN');
    await client.query('SELECT setseed(0.2026)');
    // The case opens when the post is notified; the arrest came before, mostly within a day or
    // two (VCCR art. 36 asks "without delay"), with a long tail of late notifications.
    const detentions = await client.query(
      `INSERT INTO case_detentions (case_id, person_id, facility_name, arrested_at, notified_at,
                                    first_contact_at, released_at, recorded_by, recorded_at, updated_at)
       SELECT c.id, c.primary_person_id, 'Centro de detención (sintético)',
              c.opened_at - make_interval(secs => (1 + 719 * power(random(), 4)) * 3600),
              c.opened_at,
              CASE WHEN random() < 0.8 THEN c.opened_at + make_interval(secs => (1 + 71 * random()) * 3600) END,
              c.closed_at, c.created_by, c.opened_at, c.opened_at
         FROM cases c
        WHERE c.primary_category IN ('immigration_detention', 'criminal_detention')`,
    );
    await client.query(
      `CREATE TEMPORARY TABLE bench_returns ON COMMIT DROP AS
       SELECT gen_random_uuid() AS movement_id, c.id AS case_id, c.reference, c.consulate_id,
              c.country_code, c.primary_person_id, c.created_by, c.event_country_code, c.event_city,
              c.opened_at + make_interval(days => 1 + floor(random() * 20)::int) AS departed_at,
              make_interval(secs => (2 + 28 * random()) * 3600) AS travel,
              CASE WHEN random() < 0.55 THEN 'air' WHEN random() < 0.9 THEN 'land' ELSE 'sea' END AS mode
         FROM cases c
        WHERE c.primary_category = 'return' AND c.status IN ('closed', 'in_progress')
          AND random() < ${RETURNED_SHARE}`,
    );
    const movements = await client.query(
      `INSERT INTO return_movements (id, country_code, consulate_id, mode, status, planned_departure_at,
                                     planned_arrival_at, actual_departure_at, actual_arrival_at,
                                     from_country_code, from_place, to_place, created_by, created_at,
                                     updated_at, departed_by, completed_by)
       SELECT movement_id, country_code, consulate_id, mode, 'completed', departed_at,
              departed_at + travel, departed_at, departed_at + travel, event_country_code,
              coalesce(event_city, 'Sin dato'), 'Punto de recepción (sintético)', created_by,
              departed_at - interval '1 day', departed_at + travel, created_by, created_by
         FROM bench_returns`,
    );
    await client.query(
      `INSERT INTO return_movement_cases (movement_id, case_id, case_reference, consulate_id,
                                          country_code, person_ids, child_return, added_by, added_at)
       SELECT movement_id, case_id, reference, consulate_id, country_code,
              ARRAY[primary_person_id], false, created_by, departed_at - interval '1 day'
         FROM bench_returns`,
    );
    await client.query('COMMIT');
    for (const table of ['case_detentions', 'return_movements', 'return_movement_cases'])
      await client.query(`VACUUM (ANALYZE) ${table}`);
    return {
      detentions: detentions.rowCount ?? 0,
      returnMovements: movements.rowCount ?? 0,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
