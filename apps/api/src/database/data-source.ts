import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Connection pool size per API node; votes are short transactions. */
const POOL_SIZE = 20;

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is core since PostgreSQL 13: no extension to install (or to lack).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    extra: {
      max: POOL_SIZE,
      connectionTimeoutMillis: 10_000,
      // A killed backend (pg_terminate_backend, PostgreSQL restart) must not wedge the pool.
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: 'yoriai-api',
    },
  };
}

/**
 * Runs pending migrations under an advisory lock, so several API nodes starting at once
 * migrate exactly once.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(727274)');
      const done = await ds.runMigrations({ transaction: 'all' });
      return done.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
      await runner.release();
    }
  } finally {
    await ds.destroy();
  }
}
