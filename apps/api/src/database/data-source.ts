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

interface PgClientLike {
  on(event: 'error', listener: (e: Error) => void): unknown;
}
interface PgPoolLike {
  on(event: 'connect', listener: (client: PgClientLike) => void): unknown;
  _clients?: PgClientLike[];
}

/**
 * pg-pool takes its own error listener off a client while it is checked out, so a connection killed
 * by PostgreSQL (pg_terminate_backend, a failover) between two queries would raise an unhandled
 * 'error' event and crash the node. Every client gets a listener of its own: the failing query
 * still rejects (and its transaction rolls back), the pool still discards the client, the node lives.
 */
export function guardPoolClients(dataSource: DataSource, warn: (message: string) => void): void {
  const pool = (dataSource.driver as unknown as { master?: PgPoolLike }).master;
  if (!pool) return;
  const guard = (client: PgClientLike) => client.on('error', (e) => warn(`database connection lost: ${e.message}`));
  for (const client of pool._clients ?? []) guard(client);
  pool.on('connect', guard);
}
