import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const CONSULATES = `(SELECT amparo_scope_consulates())::uuid[]`;
const COUNTRIES = `(SELECT amparo_scope_countries())::bpchar[]`;
/**
 * A movement is the organising post's: its staff and the supervisors of its country see it. The
 * post and country are columns of every row, so the policy reads no other table.
 */
const OWNER = `${SYSTEM} OR consulate_id = ANY (${CONSULATES}) OR country_code = ANY (${COUNTRIES})`;
const TABLES = [
  'return_movements',
  'return_movement_escorts',
  'return_movement_cases',
  'return_handovers',
];
const SERVICES_BEFORE = [
  'legal_aid',
  'shelter',
  'health',
  'psychosocial',
  'child_protection',
  'repatriation_support',
  'labour',
  'documentation',
  'interpretation',
  'family_tracing',
  'food_and_basic_needs',
];
const servicesCheck = (services: string[]) =>
  `CHECK (services <@ ARRAY[${services.map((s) => `'${s}'`).join(', ')}]::text[])`;

/**
 * Returns (issue 17): a return movement organised by a post of the sending country (mode, planned
 * and actual dates, from and to, the receiving institution at origin, escorts), the cases and
 * persons on it, and for an accompanied child return the handover of each child to the receiving
 * child-protection authority. Reintegration at origin is a referral (service `reintegration`).
 * Statistics read persons returned on completed movements through a published view.
 */
export class CreateReturnMovements1764000000027 implements MigrationInterface {
  name = 'CreateReturnMovements1764000000027';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE return_movements (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL,
        consulate_id uuid NOT NULL,
        mode text NOT NULL,
        status text NOT NULL DEFAULT 'planned',
        cancellation_reason text,
        planned_departure_at timestamptz NOT NULL,
        planned_arrival_at timestamptz,
        actual_departure_at timestamptz,
        actual_arrival_at timestamptz,
        from_country_code char(2) NOT NULL,
        from_place text NOT NULL,
        to_subdivision_code text,
        to_place text NOT NULL,
        receiving_institution_id uuid,
        notes text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        departed_by uuid,
        completed_by uuid,
        cancelled_by uuid,
        cancelled_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_return_movements PRIMARY KEY (id),
        CONSTRAINT fk_return_movements_consulate_id FOREIGN KEY (consulate_id) REFERENCES consulates (id),
        CONSTRAINT fk_return_movements_country_code FOREIGN KEY (country_code) REFERENCES countries (code),
        CONSTRAINT fk_return_movements_from_country_code FOREIGN KEY (from_country_code) REFERENCES countries (code),
        CONSTRAINT fk_return_movements_to_subdivision_code FOREIGN KEY (to_subdivision_code) REFERENCES subdivisions (code),
        CONSTRAINT fk_return_movements_receiving_institution_id
          FOREIGN KEY (receiving_institution_id) REFERENCES organisations (id),
        CONSTRAINT fk_return_movements_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT fk_return_movements_departed_by FOREIGN KEY (departed_by) REFERENCES users (id),
        CONSTRAINT fk_return_movements_completed_by FOREIGN KEY (completed_by) REFERENCES users (id),
        CONSTRAINT fk_return_movements_cancelled_by FOREIGN KEY (cancelled_by) REFERENCES users (id),
        CONSTRAINT ck_return_movements_mode CHECK (mode IN ('land', 'air', 'sea')),
        CONSTRAINT ck_return_movements_status
          CHECK (status IN ('planned', 'in_transit', 'completed', 'cancelled')),
        CONSTRAINT ck_return_movements_departed
          CHECK (status NOT IN ('in_transit', 'completed') OR actual_departure_at IS NOT NULL),
        CONSTRAINT ck_return_movements_arrived CHECK (status <> 'completed' OR actual_arrival_at IS NOT NULL),
        CONSTRAINT ck_return_movements_cancelled
          CHECK (status <> 'cancelled' OR cancellation_reason IS NOT NULL),
        CONSTRAINT ck_return_movements_arrival_order
          CHECK (actual_arrival_at IS NULL OR actual_arrival_at >= actual_departure_at)
      )`);
    await q.query(
      'CREATE INDEX ix_return_movements_consulate_id ON return_movements (consulate_id, planned_departure_at)',
    );
    await q.query(
      'CREATE INDEX ix_return_movements_country_code ON return_movements (country_code, planned_departure_at)',
    );

    await q.query(`
      CREATE TABLE return_movement_escorts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        movement_id uuid NOT NULL,
        consulate_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        official_id uuid,
        organisation text,
        added_by uuid NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_return_movement_escorts PRIMARY KEY (id),
        CONSTRAINT fk_return_movement_escorts_movement_id FOREIGN KEY (movement_id) REFERENCES return_movements (id),
        CONSTRAINT fk_return_movement_escorts_official_id FOREIGN KEY (official_id) REFERENCES officials (id),
        CONSTRAINT fk_return_movement_escorts_added_by FOREIGN KEY (added_by) REFERENCES users (id)
      )`);
    await q.query(
      'CREATE INDEX ix_return_movement_escorts_movement_id ON return_movement_escorts (movement_id)',
    );

    // `active` mirrors "the movement is not cancelled", so one unique index keeps a case on one
    // live movement at a time.
    await q.query(`
      CREATE TABLE return_movement_cases (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        movement_id uuid NOT NULL,
        case_id uuid NOT NULL,
        case_reference text NOT NULL,
        consulate_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        person_ids uuid[] NOT NULL,
        child_return boolean NOT NULL,
        active boolean NOT NULL DEFAULT true,
        action_id uuid,
        added_by uuid NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_return_movement_cases PRIMARY KEY (id),
        CONSTRAINT fk_return_movement_cases_movement_id FOREIGN KEY (movement_id) REFERENCES return_movements (id),
        CONSTRAINT fk_return_movement_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_return_movement_cases_action_id FOREIGN KEY (action_id) REFERENCES consular_actions (id),
        CONSTRAINT fk_return_movement_cases_added_by FOREIGN KEY (added_by) REFERENCES users (id),
        CONSTRAINT ck_return_movement_cases_persons CHECK (cardinality(person_ids) > 0)
      )`);
    await q.query(
      'CREATE UNIQUE INDEX ix_return_movement_cases_movement_case ON return_movement_cases (movement_id, case_id)',
    );
    await q.query(
      'CREATE UNIQUE INDEX ix_return_movement_cases_active_case ON return_movement_cases (case_id) WHERE active',
    );

    await q.query(`
      CREATE TABLE return_handovers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        movement_id uuid NOT NULL,
        case_id uuid NOT NULL,
        person_id uuid NOT NULL,
        consulate_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        authority_id uuid NOT NULL,
        authority_name text NOT NULL,
        official_name text NOT NULL,
        official_title text NOT NULL,
        handed_over_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_return_handovers PRIMARY KEY (id),
        CONSTRAINT fk_return_handovers_movement_id FOREIGN KEY (movement_id) REFERENCES return_movements (id),
        CONSTRAINT fk_return_handovers_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_return_handovers_person_id FOREIGN KEY (person_id) REFERENCES persons (id),
        CONSTRAINT fk_return_handovers_authority_id FOREIGN KEY (authority_id) REFERENCES organisations (id),
        CONSTRAINT fk_return_handovers_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
    await q.query(
      'CREATE UNIQUE INDEX ix_return_handovers_movement_person ON return_handovers (movement_id, case_id, person_id)',
    );

    for (const table of TABLES) {
      await q.query(`CREATE POLICY pl_${table}_scope ON ${table} USING (${OWNER})`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }

    // Reintegration at origin is a referral to an organisation offering it.
    await q.query('ALTER TABLE organisations DROP CONSTRAINT ck_organisations_services');
    await q.query(
      `ALTER TABLE organisations ADD CONSTRAINT ck_organisations_services
         ${servicesCheck([...SERVICES_BEFORE, 'reintegration'])}`,
    );

    // Statistics: one row per person returned on a completed movement, codes and dates only.
    await q.query(`
      CREATE VIEW return_persons_for_statistics WITH (security_invoker = true) AS
        SELECT m.id AS movement_id, rc.case_id, unnest(rc.person_ids) AS person_id, m.mode,
               m.to_subdivision_code, m.actual_arrival_at
          FROM return_movements m JOIN return_movement_cases rc ON rc.movement_id = m.id
         WHERE m.status = 'completed'`);
    // The person's origin subdivision, for the returns' origin dimension.
    await q.query(`
      CREATE OR REPLACE VIEW persons_for_statistics WITH (security_invoker = true) AS
        SELECT id, sex, date_of_birth, estimated_age, estimated_age_on, origin_subdivision_code FROM persons`);
    for (const role of ['amparo_app', 'amparo_scoped']) {
      await q.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON return_persons_for_statistics FROM ${role};
            GRANT SELECT ON return_persons_for_statistics TO ${role};
          END IF;
        END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW return_persons_for_statistics');
    await q.query('DROP VIEW persons_for_statistics');
    await q.query(`
      CREATE VIEW persons_for_statistics WITH (security_invoker = true) AS
        SELECT id, sex, date_of_birth, estimated_age, estimated_age_on FROM persons`);
    for (const role of ['amparo_app', 'amparo_scoped']) {
      await q.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON persons_for_statistics FROM ${role};
            GRANT SELECT ON persons_for_statistics TO ${role};
          END IF;
        END $$`);
    }
    await q.query(`UPDATE organisations SET services = array_remove(services, 'reintegration')`);
    await q.query('ALTER TABLE organisations DROP CONSTRAINT ck_organisations_services');
    await q.query(
      `ALTER TABLE organisations ADD CONSTRAINT ck_organisations_services ${servicesCheck(SERVICES_BEFORE)}`,
    );
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}
