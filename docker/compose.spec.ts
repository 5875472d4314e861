import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

// What makes the compose stack run as the README says, checked without a Docker engine
// (scripts/check-compose.sh validates the file with `docker compose config` where Docker exists).

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  restart?: string;
}

interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const dir = __dirname;
const compose = parse(readFileSync(join(dir, 'compose.yml'), 'utf8'), {
  merge: true,
}) as Compose;
const testPorts = parse(readFileSync(join(dir, 'compose.test-ports.yml'), 'utf8')) as Compose;
const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const { api, worker, postgres, redis, migrations } = compose.services;
const initDir = join(dir, 'postgres-init');
const initScripts = existsSync(initDir)
  ? readdirSync(initDir).map((f) => readFileSync(join(initDir, f), 'utf8'))
  : [];

/** The user a service's DATABASE_URL logs in as (the password is an `${VAR}` interpolation). */
const databaseUser = (service: Service) =>
  /^postgres:\/\/([^:@/]+):(\$\{[A-Z_]+[^}]*\})@postgres:5432\/amparo$/.exec(
    service.environment?.DATABASE_URL ?? '',
  );

/** `volume:/path` mounts of a service, as a map from path to volume. */
const mounts = (service: Service) =>
  new Map((service.volumes ?? []).map((v) => [v.split(':')[1], v.split(':')[0]]));

describe('docker/compose.yml', () => {
  it('lets the API serve the files the worker writes: one named volume at EXPORTS_DIR in both', () => {
    for (const service of [api, worker]) {
      const exportsDir = service.environment?.EXPORTS_DIR;
      expect(exportsDir).toMatch(/^\//);
      expect(mounts(service).get(exportsDir!)).toBe('exports');
    }
    expect(compose.volumes).toHaveProperty('exports');
  });

  it('gives the API and the worker one export signing key: the file on a volume both mount', () => {
    const files = [api, worker].map((service) => service.environment?.EXPORT_SIGNING_KEY_FILE);
    expect(files[0]).toMatch(/^\//);
    expect(files[1]).toBe(files[0]);
    for (const service of [api, worker])
      expect(mounts(service).get(dirname(files[0]!))).toBe('export-signing');
    expect(compose.volumes).toHaveProperty('export-signing');
  });

  it('publishes no PostgreSQL or Redis port on the host unless the test override is added', () => {
    expect(postgres.ports).toBeUndefined();
    expect(redis.ports).toBeUndefined();
    // The override binds them to the loopback only, away from the default ports of local servers.
    const published = Object.values(testPorts.services).flatMap((s) => s.ports ?? []);
    expect(published).toHaveLength(2);
    for (const port of published) {
      const [host, hostPort] = port.split(':');
      expect(host).toBe('127.0.0.1');
      expect(['5432', '6379']).not.toContain(hostPort);
    }
  });

  it('gives the worker no HTTP health check, and a restart policy as its liveness', () => {
    expect(worker.healthcheck).toEqual({ disable: true });
    expect(worker.restart).toBe('unless-stopped');
    expect(runtimeStage).not.toMatch(/^HEALTHCHECK/m);
    expect(api.healthcheck?.test?.join(' ')).toContain('/health/live');
  });

  it('runs the migrations as the owner role and the API and worker as a login role that owns nothing', () => {
    const owner = databaseUser(migrations)?.[1];
    const superuser = postgres.environment?.POSTGRES_USER;
    expect(owner).toBeDefined();
    expect(superuser).toBeDefined();
    expect(owner).not.toBe(superuser);
    for (const service of [api, worker]) {
      const [, user, password] = databaseUser(service) ?? [];
      expect(user).toBeDefined();
      expect([user]).not.toContain(owner);
      expect([user]).not.toContain(superuser);
      expect(password).not.toBe(databaseUser(migrations)?.[2]);
    }
    // The roles come from an init script run on the first start, passwords from the environment.
    expect(mounts(postgres).get('/docker-entrypoint-initdb.d')).toBe('./postgres-init');
    const script = initScripts.join('\n');
    const app = databaseUser(api)![1];
    expect(databaseUser(worker)![1]).toBe(app);
    expect(script).toMatch(new RegExp(`CREATE ROLE ${owner} LOGIN\\b`));
    expect(script).toMatch(new RegExp(`CREATE ROLE ${app} LOGIN\\b`));
    expect(script).toMatch(new RegExp(`GRANT amparo_app TO ${app}\\b`));
    expect(script).toMatch(new RegExp(`OWNER TO ${owner}\\b`));
    expect(script).not.toMatch(/SUPERUSER(?<!NOSUPERUSER)/);
    expect(script).not.toMatch(/PASSWORD '/);
    for (const service of [api, worker, migrations])
      expect(service.environment).not.toHaveProperty('POSTGRES_PASSWORD');
  });

  it('runs the worker and the migrations from the built image', () => {
    expect(worker.command?.join(' ')).toBe('node dist/apps/worker/apps/worker/src/main.js');
    expect(compose.services.migrations.command?.join(' ')).toBe('npm run migration:run:dist');
  });
});

describe('docker/Dockerfile', () => {
  it('runs as node, which owns /app and the data folders', () => {
    expect(runtimeStage).toMatch(/^USER node$/m);
    expect(runtimeStage).toMatch(
      /^RUN mkdir -p \/app\/data\/exports \/app\/data\/export-signing && chown -R node:node \/app$/m,
    );
    expect(runtimeStage.indexOf('chown -R node:node /app')).toBeLessThan(
      runtimeStage.indexOf('USER node'),
    );
    for (const copy of runtimeStage.match(/^COPY .*$/gm) ?? [])
      expect(copy).toContain('--chown=node:node');
    expect(runtimeStage).toMatch(/EXPORTS_DIR=\/app\/data\/exports/);
  });

  it('runs the Node LTS major that npm run test:lts tests on', () => {
    const scripts = (
      JSON.parse(readFileSync(join(dir, '../package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const ciLtsMajor = /node@(\d+)\./.exec(scripts['test:lts'])?.[1];
    expect(ciLtsMajor).toBeDefined();
    expect(dockerfile.match(/^FROM node:\S+/gm)).toEqual([
      `FROM node:${ciLtsMajor}-bookworm-slim`,
      `FROM node:${ciLtsMajor}-bookworm-slim`,
    ]);
  });
});
