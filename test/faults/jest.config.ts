import type { Config } from 'jest';

// The root config is CommonJS JavaScript (no types to import): share its e2e project's transform.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const root = require('../../jest.config.js') as { projects: Config[] };

// The fault suite runs its own PostgreSQL and Redis (no template database from the e2e global
// setup), one file at a time: `npm run test:faults`, never part of `npm test`.
const e2e = root.projects.find((p) => p.displayName === 'e2e')!;
const { globalSetup: _setup, globalTeardown: _teardown, ...shared } = e2e;

const config: Config = {
  ...shared,
  rootDir: '../..',
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};

export default config;
