/**
 * Two layers, one command: `unit` (pure logic, colocated *.spec.ts, no infrastructure) and `integration`
 * (test/**\/*.integration-spec.ts: real Kafka, PostgreSQL and Redis; services run as separate processes from
 * dist/). `npm test` builds first and runs both; `npm run test:unit` / `test:integration` run one.
 * The web console (apps/console) has its own tsconfig and is kept out of the Node layers: its specs run as
 * the `console` project.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^@gridline/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@gridline/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  rootDir: __dirname,
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/console/'],
    },
    { ...shared, displayName: 'console', testMatch: ['<rootDir>/apps/console/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.ts'],
      slowTestThreshold: 60,
    },
    {
      // Specs that need the machine to themselves, because they measure time a neighbour's load would be measured
      // with: how fast a killed replica answers again (fault injection), how soon a report shows on the console's
      // live board in a browser. `npm test` runs them after the others, one at a time.
      ...shared,
      displayName: 'solo',
      testMatch: ['<rootDir>/test/**/*.solo-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.ts'],
    },
    {
      // `npm run chaos` only: minutes of load with brokers, replicas and PostgreSQL killed (its short variant,
      // fault-tolerance.solo-spec.ts, is in the solo project). Restarts the machine's PostgreSQL.
      ...shared,
      displayName: 'chaos',
      testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.ts'],
    },
  ],
};
