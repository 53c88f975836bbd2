const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'domain',
  reporters: ['default', ['<rootDir>/../../tools/jest-summary-reporter.cjs', { name: 'domain' }]],
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
