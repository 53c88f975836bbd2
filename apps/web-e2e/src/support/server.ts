import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export const WORKSPACE = path.resolve(__dirname, '../../../..');
const MAIN = path.join(WORKSPACE, 'dist/apps/api/apps/api/src/main.js');
const WEB_INDEX = path.join(WORKSPACE, 'dist/apps/web/index.html');
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface E2eServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built server (`node dist/apps/api/apps/api/src/main.js`, as `npm start` runs it) on a free
 * port and a scratch database created for this run on the real PostgreSQL, dropped on stop.
 * `extraEnv` adds environment variables (e.g. a shorter LIVE_HEARTBEAT_MS).
 */
export async function startBuiltServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (nx run api:build)`);
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: build first (nx run web:build)`);
  const dbName = `yoriai_web_e2e_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yoriai-web-e2e-'));
  const port = await freePort();
  const env = Object.fromEntries(
    Object.entries({ ...process.env, DATABASE_URL: dbUrl.toString(), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: undefined, REDIS_URL: undefined, ...extraEnv }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as NodeJS.ProcessEnv;
  const child: ChildProcess = spawn(process.execPath, [MAIN], { cwd: WORKSPACE, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited early:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become healthy:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, output: () => out, stop };
}
