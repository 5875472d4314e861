// Three projects: unit specs beside the code, e2e specs in test/ against real PostgreSQL and Redis,
// and browser specs driving Debian's Chromium through the built web application served by the API.
const { jestModuleNameMapper } = require('./scripts/path-aliases');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  transform: { '^.+\\.(t|m?j)s$': swc },
  // otplib's dependencies ship only ES modules: compile them for jest's CommonJS runtime.
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble|otplib|@otplib)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The @amparo/* aliases come from tsconfig.json, their one declaration.
  moduleNameMapper: jestModuleNameMapper(),
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/data/'],
};

module.exports = {
  // e2e files boot real servers; PGlite alone takes a few seconds to open.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/migrations/**/*.spec.ts',
        '<rootDir>/docker/**/*.spec.ts',
        '<rootDir>/test/architecture/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // Builds the web application when its sources changed, then the same template database.
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      // A test walks several screens, each with a screenshot and an axe scan.
      testTimeout: 60000,
    },
  ],
};
