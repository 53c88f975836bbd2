const preset = require('../../jest.preset.cjs');

// Unit tests of the web app's pure parts (locales, formatting). Browser behaviour is tested
// end to end in apps/web-e2e against the built server.
module.exports = {
  ...preset,
  displayName: 'web',
  reporters: ['default', ['<rootDir>/../../tools/jest-summary-reporter.cjs', { name: 'web' }]],
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
