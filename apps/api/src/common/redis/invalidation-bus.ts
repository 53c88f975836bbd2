import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisService } from './redis.service';

type Handler = (keys: string[]) => void;

/**
 * Tells every API node that cached facts are stale ("session X was revoked", "membership of P in Q
 * changed"), so nodes may cache such facts and still have a change take effect everywhere at once.
 *
 * One node (no REDIS_URL): delivery is local and synchronous. Several nodes: a Redis pub/sub channel.
 * While Redis is away a message may be lost, so `reliable` turns false and caches must not be trusted
 * (callers read the database instead); when Redis comes back every `onReset` handler runs, because
 * messages of the outage are gone.
 */
@Injectable()
export class InvalidationBus implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Invalidation');
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resetHandlers = new Set<() => void>();
  private stopRecovery?: () => void;
  private subscribed = false;
  /** This node (several may share one process in tests). */
  private readonly nodeId = randomUUID();

  constructor(private readonly redis: RedisService) {}

  private get channel(): string {
    return this.redis.key('invalidate');
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis.enabled) return;
    const sub = await this.redis.open('invalidate-sub');
    sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.deliver(message);
    });
    await sub.subscribe(this.channel);
    this.subscribed = true;
    this.stopRecovery = this.redis.onRecovered(() => {
      // ioredis re-subscribes by itself on reconnection; whatever was published meanwhile is lost.
      for (const h of this.resetHandlers) h();
    });
  }

  onModuleDestroy(): void {
    this.stopRecovery?.();
  }

  /** Whether a published invalidation is sure to reach every node right now. */
  get reliable(): boolean {
    return !this.redis.enabled || (this.subscribed && this.redis.healthy);
  }

  subscribe(topic: string, handler: Handler): () => void {
    const set = this.handlers.get(topic) ?? new Set<Handler>();
    this.handlers.set(topic, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Runs when messages may have been lost (Redis came back): drop every cached fact. */
  onReset(handler: () => void): () => void {
    this.resetHandlers.add(handler);
    return () => this.resetHandlers.delete(handler);
  }

  /** Invalidates on this node at once, and on the others through Redis (best effort; see `reliable`). */
  async publish(topic: string, keys: string[]): Promise<void> {
    if (!keys.length) return;
    this.local(topic, keys);
    if (!this.redis.enabled) return;
    try {
      const client = await this.redis.commands();
      await client?.publish(this.channel, JSON.stringify({ topic, keys, from: this.nodeId }));
    } catch (e) {
      this.logger.warn(`could not publish an invalidation (${topic}): ${e instanceof Error ? e.message : String(e)}; other nodes read the database until Redis is back`);
    }
  }

  private deliver(message: string): void {
    try {
      const { topic, keys, from } = JSON.parse(message) as { topic: string; keys: string[]; from?: string };
      // Our own message comes back through Redis; it was applied locally already.
      if (from === this.nodeId) return;
      this.local(topic, keys);
    } catch {
      // a malformed message on our channel: ignore it
    }
  }

  private local(topic: string, keys: string[]): void {
    for (const h of this.handlers.get(topic) ?? []) h(keys);
  }
}
