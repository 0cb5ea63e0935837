// Three tiers: pure unit specs next to the code, database-backed specs, and browser specs of the web console; the
// last two run once per configured database (SQLite always; PostgreSQL too when TEST_DATABASE_URL is set).
const moduleNameMapper = {
  '^@app/(shared|workflow|calendar|organisations|audit|cases|deadlines|persistence|subsidy)$': '<rootDir>/libs/$1/src',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
};
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'db',
      testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    // The web console in headless Chromium against the real engine (npm test runs it as its own step, see scripts/test.js).
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
  // A global option: Jest ignores testTimeout inside a project, and building an app on a fresh database under load
  // can take longer than the 5 s default.
  testTimeout: 60000,
};
