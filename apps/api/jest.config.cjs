const preset = require('../../jest.preset.cjs');

// Integration tests run against the real PostgreSQL: global-setup creates a fresh database for
// this run (and migrates it), global-teardown drops it. See docs/testing.md.
module.exports = {
  ...preset,
  displayName: 'api',
  reporters: ['default', ['<rootDir>/../../tools/jest-summary-reporter.cjs', { name: 'api' }]],
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
