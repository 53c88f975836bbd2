#!/usr/bin/env node
// `npm test`: everything CI checks, in order, stopping at the first failure:
//   0. Debian packages the tests need, installed when missing (tools/ensure-system-deps.sh)
//   1. lint and typecheck of every project (Nx module boundaries included)
//   2. unit tests (libs/domain) and API integration tests on the real PostgreSQL
//      (DATABASE_URL if set, else postgres://postgres@127.0.0.1:5432/postgres; each run in a fresh database)
//   3. production build, then end-to-end tests of the built server (embedded database, bad environment,
//      docker compose file) and, when present, the browser tests
// It ends with one line "N passed, N failed" over all jest projects.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const summaryFile = join(root, 'test-output/summary.jsonl');
rmSync(summaryFile, { force: true });

const steps = [
  ['system packages (apt, when missing)', ['tools/ensure-system-deps.sh'], 'bash'],
  ['lint + typecheck', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--parallel=2', '--output-style=static']],
  ['unit + integration tests', ['nx', 'run-many', '-t', 'test', '--parallel=1', '--output-style=static']],
  ['production build', ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static']],
  ['end-to-end tests', ['nx', 'run-many', '-t', 'e2e', '--parallel=1', '--output-style=static']],
];

const started = Date.now();
let failedStep;
for (const [title, args, command = 'npx'] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`=== ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s ===`);
  if (r.status !== 0) {
    failedStep = title;
    break;
  }
}

let passed = 0;
let failed = 0;
if (existsSync(summaryFile)) {
  for (const line of readFileSync(summaryFile, 'utf8').trim().split('\n').filter(Boolean)) {
    const s = JSON.parse(line);
    passed += s.passed;
    failed += s.failed + (s.suitesFailed > 0 && s.failed === 0 ? s.suitesFailed : 0);
  }
}
if (failedStep && failed === 0) failed = 1;
console.log(`\nnpm test ${failedStep ? `failed at "${failedStep}"` : 'finished'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
