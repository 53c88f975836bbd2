import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { GqlClient, GqlError, GqlResponse } from './graphql-client';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A private redis-server of one test on a loopback port (the machine's shared Redis is never stopped). */
export function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

export function killProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * A loopback TCP proxy in front of API nodes, as the nginx of docker/compose.yml is: each new
 * connection goes to the first node that accepts it, so when a node dies its clients' reconnects
 * and retries land on the next one.
 */
export class FailoverProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor(private readonly upstreams: number[]) {
    this.server = createServer((client) => this.route(client, 0));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  private route(client: Socket, index: number): void {
    const port = this.upstreams[index];
    if (port === undefined) {
      client.destroy();
      return;
    }
    client.pause();
    const upstream = createConnection({ host: '127.0.0.1', port });
    let connected = false;
    upstream.on('error', () => {
      upstream.destroy();
      // Refused: this node is down, try the next one. Broken later: the client sees its connection drop.
      if (connected) client.destroy();
      else this.route(client, index + 1);
    });
    upstream.once('connect', () => {
      connected = true;
      this.sockets.add(client).add(upstream);
      client.on('error', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface Attempted<T> {
  /** The answer that finally succeeded (or the last failure). */
  result: GqlResponse<T>;
  /** Failed attempts before it: what the client was told each time. */
  failures: Array<{ status: number; error: GqlError | { message: string; extensions?: undefined } }>;
  attempts: number;
}

/**
 * Sends a mutation the way a real client does after a fault: the request carries a clientRequestId
 * made once, and every retry (after a network error or a server-side failure) reuses it. Typed
 * refusals of the request itself (BAD_USER_INPUT, FORBIDDEN, CONFLICT …) are final, not retried.
 */
export async function sendUntilAcknowledged<T>(client: GqlClient, query: string, variables: Record<string, unknown>, options: { maxAttempts?: number; backoffMs?: number } = {}): Promise<Attempted<T>> {
  const maxAttempts = options.maxAttempts ?? 40;
  const failures: Attempted<T>['failures'] = [];
  for (let attempt = 1; ; attempt++) {
    let result: GqlResponse<T>;
    try {
      result = await client.raw<T>(query, variables);
    } catch (e) {
      // The connection broke: the request may or may not have been committed.
      result = { status: 0, errors: [{ message: e instanceof Error ? e.message : String(e) }] };
    }
    const error = result.errors?.[0];
    const retryable = !!error && (result.status === 0 || result.status >= 500 || error.extensions?.code === 'INTERNAL_SERVER_ERROR' || !error.extensions?.code);
    if (!retryable || attempt >= maxAttempts) return { result, failures, attempts: attempt };
    failures.push({ status: result.status, error: error as GqlError });
    await new Promise((r) => setTimeout(r, (options.backoffMs ?? 50) * Math.min(attempt, 10) * (0.5 + Math.random())));
  }
}

/** A client-generated request id, made before the first send. */
export const requestId = (): string => randomUUID();

/** Deletes a test run's Redis keys (every test of several nodes uses a key prefix of its own). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
