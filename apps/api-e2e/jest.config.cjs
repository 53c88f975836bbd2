const preset = require('../../jest.preset.cjs');

// Tests of the built production server as a separate process (npm start's path).
module.exports = {
  ...preset,
  displayName: 'api-e2e',
  reporters: ['default', ['<rootDir>/../../tools/jest-summary-reporter.cjs', { name: 'api-e2e' }]],
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
