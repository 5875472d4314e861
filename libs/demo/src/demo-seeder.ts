import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DirectorySeeding } from '@amparo/directory';
import { RoleGrant, UserProvisioning, hashPassword } from '@amparo/identity';
import { PracticeSeeding } from '@amparo/practices';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DemoCredential, frameDemoCredentials } from './demo-credentials-frame';
import { DEMO_CONSULATES, DEMO_ORGANISATIONS, DEMO_USERS, DemoUser } from './demo-network.data';
import { DEMO_PRACTICES } from './demo-practices.data';

export interface DemoSeedCount {
  created: number;
  skipped: number;
}

export interface DemoSeedResult {
  consulates: DemoSeedCount;
  officials: DemoSeedCount;
  organisations: DemoSeedCount;
  users: DemoSeedCount;
  practices: DemoSeedCount;
  /** Only the users created by this run: their passwords exist nowhere else. */
  credentials: DemoCredential[];
}

const postKey = (country: string, postCode: string) => `${country}-${postCode}`;

/**
 * Writes the synthetic demo network (see demo-network.data.ts) in one transaction, through the
 * directory's and identity's seeding services. Idempotent by natural keys: what exists already is
 * left as it is, so a second run creates nothing.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectorySeeding,
    private readonly accounts: UserProvisioning,
    private readonly audit: AuditService,
    private readonly practices: PracticeSeeding,
  ) {}

  async seed(): Promise<DemoSeedResult> {
    // argon2 is slow on purpose: hash only for the users that are missing, before the transaction.
    const passwords = await this.passwordsForMissingUsers();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('amparo_demo_seed'))`);
      const { count: consulates, ids } = await this.seedConsulates(manager);
      const officials = await this.seedOfficials(manager, ids);
      const organisations = await this.seedOrganisations(manager);
      const {
        count: users,
        credentials,
        createdIds,
      } = await this.seedUsers(manager, ids, passwords);
      const practices = await this.seedPractices(manager, createdIds);
      const result = { consulates, officials, organisations, users, practices, credentials };
      const created =
        consulates.created +
        officials.created +
        organisations.created +
        users.created +
        practices.created;
      if (created > 0) {
        await this.audit.record(
          {
            action: 'demo.seed',
            outcome: 'success',
            details: { consulates, officials, organisations, users, practices },
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
    const existing = await this.accounts.idsByEmail(DEMO_USERS.map((u) => u.email));
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
      const { id, created } = await this.directory.ensureConsulate(manager, c);
      tally(count, created);
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
      for (const official of c.officials) {
        tally(count, await this.directory.ensureOfficial(manager, { ...official, consulateId }));
      }
    }
    return count;
  }

  private async seedOrganisations(manager: EntityManager): Promise<DemoSeedCount> {
    const count = { created: 0, skipped: 0 };
    for (const organisation of DEMO_ORGANISATIONS) {
      tally(count, await this.directory.ensureOrganisation(manager, organisation));
    }
    return count;
  }

  /** Published catalogue entries, each by its country's demo admin (new or already there). */
  private async seedPractices(
    manager: EntityManager,
    created: Map<string, string>,
  ): Promise<DemoSeedCount> {
    const count = { created: 0, skipped: 0 };
    const adminEmail = (country: string) => `admin.${country.toLowerCase()}@demo.amparo.example`;
    const existing = await this.accounts.idsByEmail(
      DEMO_PRACTICES.map((p) => adminEmail(p.countryCode)),
      manager,
    );
    for (const practice of DEMO_PRACTICES) {
      const email = adminEmail(practice.countryCode);
      const submittedBy = created.get(email) ?? existing.get(email);
      if (!submittedBy) continue;
      tally(count, await this.practices.ensurePublished(manager, { ...practice, submittedBy }));
    }
    return count;
  }

  private async seedUsers(
    manager: EntityManager,
    ids: Map<string, string>,
    passwords: Map<string, { password: string; hash: string }>,
  ): Promise<{
    count: DemoSeedCount;
    credentials: DemoCredential[];
    createdIds: Map<string, string>;
  }> {
    const count = { created: 0, skipped: 0 };
    const credentials: DemoCredential[] = [];
    const createdIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const secret = passwords.get(user.email);
      const id = secret
        ? await this.accounts.createWithPassword(manager, {
            email: user.email,
            displayName: user.displayName,
            countryCode: user.countryCode,
            passwordHash: secret.hash,
            grants: grantsOf(user, ids),
          })
        : null;
      if (!secret || !id) {
        count.skipped++;
        continue;
      }
      count.created++;
      createdIds.set(user.email.toLowerCase(), id);
      credentials.push({
        email: user.email,
        password: secret.password,
        roles: describeGrants(user),
      });
    }
    return { count, credentials, createdIds };
  }
}

function tally(count: DemoSeedCount, created: boolean): void {
  if (created) count.created++;
  else count.skipped++;
}

/** A demo user's grants with their posts resolved to ids; a system_admin has no country. */
function grantsOf(user: DemoUser, ids: Map<string, string>): RoleGrant[] {
  return user.grants.map((grant) => ({
    role: grant.role,
    consulateId: grant.postCode ? ids.get(postKey(user.countryCode!, grant.postCode))! : null,
    countryCode: grant.role === 'system_admin' ? null : user.countryCode,
    organisationId: null,
  }));
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
    line('practices', result.practices),
  ];
}
