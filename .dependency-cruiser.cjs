// The architecture's "nevers", checked in `npm run lint` (`npm run lint:deps`) so a reviewer never
// has to remember them. README (Architecture, Development) explains the layout; this is the machine's copy.
//
// Who is who:
// - Contexts (bounded contexts, one lib each): audit, identity, directory, cases, practices,
//   referrals, crisis, returns, statistics.
// - Shared kernel: core (config, errors, logging, i18n, pagination). Every lib may use it.
// - Infrastructure: database (TypeORM options, transactions, SQL helpers) and jobs (queues,
//   schedules, the handler registry, and the system ping that proves them) for every lib above
//   them; testing (test app, databases, Redis) for specs and test/ only, never for running code.
// - demo: the demo network and its seeder, on top, writing only through the contexts' services.
// - Each lib's public surface is its src/index.ts (`@amparo/<lib>`): anything else is internals.
//
// The libs form a chain; a lib imports only libs below it (never above, never beside):
//   core < database < jobs < audit < identity < directory < cases < practices < referrals < crisis
//   < returns < statistics < demo
// (database and jobs need nothing from each other; the chain orders them to keep one line.)
const LIB_CHAIN = [
  'core',
  'database',
  'jobs',
  'audit',
  'identity',
  'directory',
  'cases',
  'practices',
  'referrals',
  'crisis',
  'returns',
  'statistics',
  'demo',
];
const CONTEXTS = [
  'audit',
  'identity',
  'directory',
  'cases',
  'practices',
  'referrals',
  'crisis',
  'returns',
  'statistics',
];
/**
 * Libs that carry no transport: HTTP adapters (controllers, guards, strategies, filters, middleware)
 * live in apps/api. Every lib but testing, core included: its HTTP pieces are adapters too.
 */
const DOMAIN_LIBS = LIB_CHAIN;
const ALL_LIBS = [...LIB_CHAIN, 'testing'];
/** Express, Passport and Nest's HTTP platforms, with their type packages. */
const HTTP_PACKAGES =
  '(^|/)node_modules/(@types/)?(express|express-serve-static-core|passport|passport-[^/]+|@nestjs/passport|@nestjs/platform-[^/]+)/';
const SPEC_FILES = '\\.(spec|e2e-spec|fault-spec|test-helper|fixture)\\.ts$';

const either = (names) => `(${names.join('|')})`;

/** One rule per lib: nothing from the libs above it in the chain. */
const upwardRules = LIB_CHAIN.slice(0, -1).map((lib, index) => ({
  name: `no-upward-import-from-${lib}`,
  comment: `libs/${lib} may import only libs below it: ${LIB_CHAIN.slice(0, index).join(', ') || 'none'}.`,
  severity: 'error',
  from: { path: `^libs/${lib}/` },
  to: { path: `^libs/${either(LIB_CHAIN.slice(index + 1))}/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-lib-imports-app',
      comment: 'Libs never import apps: apps compose libs, not the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-worker-imports-api',
      comment: 'The worker runs no HTTP: what both apps need belongs in a lib.',
      severity: 'error',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'no-context-internals',
      comment:
        'A lib reaches another lib only through its index.ts (`@amparo/<lib>`), never a deeper path ' +
        'or a relative path into its folder.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'no-server-code-in-web',
      comment:
        'apps/web runs in the browser and talks to the API only over HTTP, through the client ' +
        'generated from docs/openapi.json: never server code (libs, the API, the worker, scripts).',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|migrations|scripts|test|docker|apps/(?!web/))' },
    },
    {
      name: 'no-node-in-web',
      comment:
        'The web application runs in the browser: no Node built-ins (its build config aside).',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-server-imports-web',
      comment: 'The API serves the built web application as files; no server code imports it.',
      severity: 'error',
      from: { path: '^(libs|migrations|scripts|apps/(?!web/))' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'no-http-in-domain-libs',
      comment:
        'Libs know no transport: express, passport and @nestjs/platform-* belong to apps/api ' +
        '(controllers, guards, strategies, filters, middleware).',
      severity: 'error',
      from: { path: `^libs/${either(DOMAIN_LIBS)}/` },
      to: { path: HTTP_PACKAGES },
    },
    {
      name: 'no-audit-imports-context',
      comment: 'Every context writes audit events: audit importing one would tie them in a knot.',
      severity: 'error',
      from: { path: '^libs/audit/' },
      to: { path: `^libs/${either(CONTEXTS.filter((context) => context !== 'audit'))}/` },
    },
    ...upwardRules,
    {
      name: 'no-lib-outside-the-chain',
      comment:
        'A new lib takes its place in LIB_CHAIN (and CONTEXTS if it is one) before it imports ' +
        'anything, so the rules above cover it.',
      severity: 'error',
      from: { path: `^libs/(?!${either(ALL_LIBS)}/)[^/]+/` },
      to: {},
    },
    {
      name: 'no-testing-in-running-code',
      comment: 'libs/testing builds test apps and databases: only specs and test/ use it.',
      severity: 'error',
      from: { path: '^(apps|libs|migrations)/', pathNot: ['^libs/testing/', SPEC_FILES] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: a cycle makes load order decide what is undefined at start-up.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
