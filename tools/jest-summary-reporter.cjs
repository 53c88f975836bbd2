// Appends each jest run's totals to test-output/summary.jsonl so `npm test` can print one
// closing line ("N passed, N failed") over every project.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.name = options.name ?? path.basename(globalConfig.rootDir);
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', 'test-output');
    fs.mkdirSync(dir, { recursive: true });
    const line = { project: this.name, passed: results.numPassedTests, failed: results.numFailedTests, skipped: results.numPendingTests + results.numTodoTests, suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites };
    fs.appendFileSync(path.join(dir, 'summary.jsonl'), JSON.stringify(line) + '\n');
  }
}

module.exports = SummaryReporter;
