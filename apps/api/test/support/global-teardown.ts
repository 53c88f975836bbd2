import { rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.YORIAI_TEST_DATABASE_NAME;
  if (name && !process.env.YORIAI_KEEP_TEST_DATABASE) await dropDatabase(name);
  rmSync(path.join(os.tmpdir(), `yoriai-test-db-${process.pid}`), { force: true });
}
