import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { hashPassword } from '@amparo/identity';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DemoCredential, frameDemoCredentials } from './demo-credentials-frame';
import { DEMO_CONSULATES, DEMO_ORGANISATIONS, DEMO_USERS, DemoUser } from './demo-network.data';

export interface DemoSeedCount {
  created: number;
  skipped: number;
}

export interface DemoSeedResult {
  consulates: DemoSeedCount;
  officials: DemoSeedCount;
  organisations: DemoSeedCount;
  users: DemoSeedCount;
  /** Only the users created by this run: their passwords exist nowhere else. */
  credentials: DemoCredential[];
}

const postKey = (country: string, postCode: string) => `${country}-${postCode}`;

/**
 * Writes the synthetic demo network (see demo-network.data.ts) in one transaction. Idempotent by
 * natural keys: what exists already is left as it is, so a second run creates nothing.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seed(): Promise<DemoSeedResult> {
    // argon2 is slow on purpose: hash only for the users that are missing, before the transaction.
    const passwords = await this.passwordsForMissingUsers();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('amparo_demo_seed'))`);
      const { count: consulates, ids } = await this.seedConsulates(manager);
      const officials = await this.seedOfficials(manager, ids);
      const organisations = await this.seedOrganisations(manager);
      const { count: users, credentials } = await this.seedUsers(manager, ids, passwords);
      const result = { consulates, officials, organisations, users, credentials };
      const created =
        consulates.created + officials.created + organisations.created + users.created;
      if (created > 0) {
        await this.audit.record(
          {
            action: 'demo.seed',
            outcome: 'success',
            details: { consulates, officials, organisations, users },
          },
          manager,
        );
      }
      return result;
    });
  }

  private async passwordsForMissingUsers(): Promise<
    Map<string, { password: string; hash: string }>
  > {
    const rows = await this.dataSource.query<{ email: string }[]>(
      'SELECT email::text AS email FROM users WHERE email = ANY($1::citext[])',
      [DEMO_USERS.map((u) => u.email)],
    );
    const existing = new Set(rows.map((r) => r.email.toLowerCase()));
    const passwords = new Map<string, { password: string; hash: string }>();
    for (const user of DEMO_USERS.filter((u) => !existing.has(u.email.toLowerCase()))) {
      const password = randomBytes(12).toString('base64url');
      passwords.set(user.email, { password, hash: await hashPassword(password) });
    }
    return passwords;
  }

  private async seedConsulates(
    manager: EntityManager,
  ): Promise<{ count: DemoSeedCount; ids: Map<string, string> }> {
    const count = { created: 0, skipped: 0 };
    const ids = new Map<string, string>();
    for (const c of DEMO_CONSULATES) {
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
      let id = inserted[0]?.id;
      if (id) count.created++;
      else {
        count.skipped++;
        [{ id }] = await manager.query<{ id: string }[]>(
          'SELECT id FROM consulates WHERE sending_country_code = $1 AND post_code = $2',
          [c.sendingCountryCode, c.postCode],
        );
      }
      ids.set(postKey(c.sendingCountryCode, c.postCode), id);
    }
    return { count, ids };
  }

  private async seedOfficials(
    manager: EntityManager,
    ids: Map<string, string>,
  ): Promise<DemoSeedCount> {
    const count = { created: 0, skipped: 0 };
    for (const c of DEMO_CONSULATES) {
      const consulateId = ids.get(postKey(c.sendingCountryCode, c.postCode))!;
      for (const o of c.officials) {
        const inserted = await manager.query<{ id: string }[]>(
          `INSERT INTO officials (consulate_id, name, title, accredited_from, accredited_to, topics, work_email, work_phone)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8
            WHERE NOT EXISTS (SELECT 1 FROM officials WHERE consulate_id = $1 AND name = $2)
           RETURNING id`,
          [
            consulateId,
            o.name,
            o.title,
            o.accreditedFrom,
            o.accreditedTo ?? null,
            o.topics ?? [],
            o.workEmail ?? null,
            o.workPhone ?? null,
          ],
        );
        if (inserted.length) count.created++;
        else count.skipped++;
      }
    }
    return count;
  }

  private async seedOrganisations(manager: EntityManager): Promise<DemoSeedCount> {
    const count = { created: 0, skipped: 0 };
    for (const o of DEMO_ORGANISATIONS) {
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
      if (inserted.length) count.created++;
      else count.skipped++;
    }
    return count;
  }

  private async seedUsers(
    manager: EntityManager,
    ids: Map<string, string>,
    passwords: Map<string, { password: string; hash: string }>,
  ): Promise<{ count: DemoSeedCount; credentials: DemoCredential[] }> {
    const count = { created: 0, skipped: 0 };
    const credentials: DemoCredential[] = [];
    for (const user of DEMO_USERS) {
      const secret = passwords.get(user.email);
      const inserted = secret
        ? await manager.query<{ id: string }[]>(
            `INSERT INTO users (email, display_name, locale, country_code, password_hash, password_changed_at)
             VALUES ($1, $2, 'es', $3, $4, now())
             ON CONFLICT ON CONSTRAINT uq_users_email DO NOTHING
             RETURNING id`,
            [user.email, user.displayName, user.countryCode, secret.hash],
          )
        : [];
      if (!secret || !inserted.length) {
        count.skipped++;
        continue;
      }
      count.created++;
      for (const grant of user.grants) {
        const consulateId = grant.postCode
          ? ids.get(postKey(user.countryCode!, grant.postCode))!
          : null;
        await manager.query(
          'INSERT INTO role_grants (user_id, role, consulate_id, country_code) VALUES ($1, $2, $3, $4)',
          [
            inserted[0].id,
            grant.role,
            consulateId,
            grant.role === 'system_admin' ? null : user.countryCode,
          ],
        );
      }
      credentials.push({
        email: user.email,
        password: secret.password,
        roles: describeGrants(user),
      });
    }
    return { count, credentials };
  }
}

export function describeGrants(user: DemoUser): string[] {
  return user.grants.map(({ role, postCode }) =>
    [role, postCode ? postKey(user.countryCode!, postCode) : user.countryCode]
      .filter(Boolean)
      .join(' '),
  );
}

/** The summary, then the one-time credentials box, as `npm run seed:demo` prints them. */
export function formatDemoSeed(result: DemoSeedResult): string {
  const summary = [
    '',
    '  Demo network (synthetic data):',
    ...formatDemoSeedCounts(result).map((line) => `    ${line}`),
    '',
  ].join('\n');
  if (!result.credentials.length)
    return `${summary}\n  No new demo users: their passwords were shown when they were created.\n\n`;
  return `${summary}${frameDemoCredentials(result.credentials, 'Demo users / Usuarios de demostración')}\n`;
}

/** One line per kind of record: how many were created and how many were there already. */
export function formatDemoSeedCounts(result: DemoSeedResult): string[] {
  const line = (kind: string, { created, skipped }: DemoSeedCount) =>
    `${kind.padEnd(14)} ${String(created).padStart(3)} created, ${skipped} already there`;
  return [
    line('consulates', result.consulates),
    line('officials', result.officials),
    line('organisations', result.organisations),
    line('users', result.users),
  ];
}
