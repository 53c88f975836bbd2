import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMigrations } from '../../src/database/data-source';
import { createScratchDatabase } from './test-database';

/** One fresh database per test run, migrated once; dropped by global-teardown. */
export default async function globalSetup(): Promise<void> {
  const db = await createScratchDatabase();
  await runMigrations(db.url);
  process.env.YORIAI_TEST_DATABASE_URL = db.url;
  process.env.YORIAI_TEST_DATABASE_NAME = db.name;
  writeFileSync(path.join(os.tmpdir(), `yoriai-test-db-${process.pid}`), db.name);
}
