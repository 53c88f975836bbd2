const preset = require('../../jest.preset.cjs');

// Browser tests: Debian's Chromium driven by playwright-core against the BUILT server (the
// production web bundle served at /), on a scratch database of the real PostgreSQL.
module.exports = {
  ...preset,
  displayName: 'web-e2e',
  reporters: ['default', ['<rootDir>/../../tools/jest-summary-reporter.cjs', { name: 'web-e2e' }]],
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
