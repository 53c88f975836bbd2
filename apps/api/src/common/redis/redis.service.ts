import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module';
import { type AppConfig, redactUrl } from '../../config/environment';

export const DEFAULT_REDIS_PREFIX = 'yoriai';
const READY_TIMEOUT_MS = 10_000;

type RecoveryListener = () => void;

/**
 * The node's Redis connections (only when REDIS_URL is set): one command client for counters
 * (seq, rate limits) and the pub/sub pair of the socket.io adapter.
 *
 * Redis is an accelerator, never the truth: when it goes away the node keeps serving its own
 * clients (callers fall back to per-node state), logs ONE warning, and announces the recovery so
 * the realtime layer can tell its clients to refetch.
 */
@Injectable()
export class RedisService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients = new Map<string, Redis>();
  private readonly down = new Set<string>();
  private readonly recoveryListeners = new Set<RecoveryListener>();
  private readonly everReady = new Set<string>();
  private commandClient?: Promise<Redis>;
  private outageSince: number | null = null;
  private closing = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.redisUrl;
  }

  /** Prefix of every key and channel, so deployments (and parallel test runs) sharing a Redis never collide. */
  get prefix(): string {
    return this.config.redisPrefix || DEFAULT_REDIS_PREFIX;
  }

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** Whether every connection is up right now (false while reconnecting). */
  get healthy(): boolean {
    return this.enabled && this.down.size === 0 && [...this.clients.values()].every((c) => c.status === 'ready');
  }

  /**
   * The command client, or null without REDIS_URL. It has no offline queue: while Redis is away its
   * commands fail at once and callers use their per-node fallback instead of waiting.
   */
  async commands(): Promise<Redis | null> {
    if (!this.enabled) return null;
    // A command in flight when Redis dies would otherwise wait for the reconnection (minutes, maybe),
    // stalling its caller — e.g. every tally of this node — for the whole outage: fail it after 500 ms
    // instead, and never replay it later (a stale INCR would only skip a seq).
    this.commandClient ??= this.open('commands', { enableOfflineQueue: false, commandTimeout: 500, autoResendUnfulfilledCommands: false }).catch((e: unknown) => {
      this.commandClient = undefined;
      throw e;
    });
    return this.commandClient;
  }

  /**
   * A new named connection (e.g. the adapter's publisher and subscriber), resolved once `ready`
   * (the first cross-node broadcasts would be lost otherwise). Fails with one clear line after 10 s.
   */
  async open(role: string, options: RedisOptions = {}): Promise<Redis> {
    if (!this.enabled) throw new Error('REDIS_URL is not set');
    const client = this.connect(role, options);
    await this.waitReady(role, client);
    return client;
  }

  /** Opens the command client before the port opens: a node that cannot reach Redis at start-up says so and stops. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.commands();
  }

  /** Called each time Redis comes back after an outage (not at the first connection). */
  onRecovered(listener: RecoveryListener): () => void {
    this.recoveryListeners.add(listener);
    return () => this.recoveryListeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    const clients = [...this.clients.values()];
    this.clients.clear();
    this.commandClient = undefined;
    // quit() waits for replies of pending commands; disconnect() if Redis is away so shutdown never hangs.
    await Promise.all(clients.map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : Promise.resolve(c.disconnect()))));
  }

  private connect(role: string, options: RedisOptions): Redis {
    const client = new Redis(this.config.redisUrl as string, {
      connectionName: `${this.prefix}-${role}`,
      lazyConnect: false,
      connectTimeout: 5000,
      // Never give up: reconnect every ≤ 2 s for as long as Redis is away.
      retryStrategy: (times) => Math.min(200 * times, 2000),
      // Commands that were queued wait for the reconnection instead of failing after 20 retries.
      maxRetriesPerRequest: null,
      ...options,
    });
    this.clients.set(role, client);
    client.on('error', (e: Error) => this.markDown(role, e));
    client.on('close', () => this.markDown(role, null));
    client.on('ready', () => this.markUp(role));
    return client;
  }

  private waitReady(role: string, client: Redis): Promise<void> {
    if (client.status === 'ready') return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let lastError = '';
      const onError = (e: Error) => (lastError = (e as NodeJS.ErrnoException).code ?? e.message);
      const timer = setTimeout(() => {
        cleanup();
        client.disconnect();
        this.clients.delete(role);
        reject(new Error(`cannot reach Redis at ${redactUrl(this.config.redisUrl as string)} (${lastError || 'timeout'}); check REDIS_URL or unset it to run a single node`));
      }, READY_TIMEOUT_MS);
      const onReady = () => {
        cleanup();
        resolve();
      };
      const cleanup = () => {
        clearTimeout(timer);
        client.off('ready', onReady);
        client.off('error', onError);
      };
      client.on('ready', onReady);
      client.on('error', onError);
    });
  }

  private markDown(role: string, error: Error | null): void {
    // Failures before the first `ready` are reported by waitReady (start-up), not as an outage.
    if (this.closing || !this.clients.has(role) || !this.everReady.has(role)) return;
    this.down.add(role);
    if (this.outageSince !== null) return; // one warning per outage, not one per retry
    this.outageSince = Date.now();
    const why = error ? ((error as NodeJS.ErrnoException).code ?? error.message) : 'connection closed';
    this.logger.warn(
      `lost the connection to Redis at ${redactUrl(this.config.redisUrl as string)} (${why}); this node keeps serving its own clients, ` +
        'cross-node events are dropped and counters are per node until Redis is back (reconnecting every 2 s)',
    );
  }

  private markUp(role: string): void {
    this.everReady.add(role);
    this.down.delete(role);
    if (this.outageSince === null || this.down.size > 0 || this.closing) return;
    const seconds = ((Date.now() - this.outageSince) / 1000).toFixed(1);
    this.outageSince = null;
    this.logger.log(`Redis is back after ${seconds} s; telling this node's clients to refetch`);
    for (const listener of this.recoveryListeners) listener();
  }
}
