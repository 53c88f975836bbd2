import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { RedisService } from '../redis/redis.service';

/** How many failures (wrong join codes, wrong passwords, …) a key may make within a sliding window. */
export interface FailurePolicy {
  /** Short name, part of the Redis key: `join-code`, `sign-in`, … */
  name: string;
  limit: number;
  windowMs: number;
}

export interface FailureState {
  /** Failures of this key within the window. */
  failures: number;
  /** The key reached the limit: refuse without checking anything until retryAfterMs has passed. */
  locked: boolean;
  retryAfterMs: number;
}

const MAX_MEMORY_KEYS = 50_000;
const SWEEP_EVERY_MS = 60_000;

function stateOf(policy: FailurePolicy, timestamps: ReadonlyArray<number>, now: number): FailureState {
  const n = timestamps.length;
  if (n < policy.limit) return { failures: n, locked: false, retryAfterMs: 0 };
  // The lock lifts when the oldest of the last `limit` failures leaves the window.
  const pivot = timestamps[n - policy.limit] as number;
  return { failures: n, locked: true, retryAfterMs: Math.max(0, pivot + policy.windowMs - now) };
}

/**
 * Counts FAILURES per key (e.g. per client address) in a sliding window. Successes are never
 * counted or throttled: 300 people behind one hall Wi-Fi address who type the right code all get
 * in, while a script guessing codes from that address is stopped after `limit` wrong ones.
 *
 * With REDIS_URL the log lives in Redis (a sorted set of failure times per key, trimmed to the window
 * and to `limit` entries), so all nodes share it; without Redis, or while Redis is away, each node
 * keeps its own log in memory (bounded).
 */
@Injectable()
export class FailureRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(FailureRateLimiter.name);
  private readonly memory = new Map<string, { windowMs: number; times: number[] }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly redis: RedisService) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** The key's state without recording anything. */
  async check(policy: FailurePolicy, key: string): Promise<FailureState> {
    const now = Date.now();
    const times = await this.viaRedis(policy, key, now, false);
    return stateOf(policy, times ?? this.memoryTimes(policy, key, now, false), now);
  }

  /** Records one failure and returns the new state. */
  async recordFailure(policy: FailurePolicy, key: string): Promise<FailureState> {
    const now = Date.now();
    const times = await this.viaRedis(policy, key, now, true);
    return stateOf(policy, times ?? this.memoryTimes(policy, key, now, true), now);
  }

  /** Failure times within the window (ascending), or null when Redis is not configured or not reachable. */
  private async viaRedis(policy: FailurePolicy, key: string, now: number, record: boolean): Promise<number[] | null> {
    if (!this.redis.enabled) return null;
    try {
      const client = await this.redis.commands();
      if (!client) return null;
      const k = this.redis.key('rl', policy.name, key);
      const tx = client.multi().zremrangebyscore(k, '-inf', now - policy.windowMs);
      if (record) {
        tx.zadd(k, now, `${now}:${randomBytes(4).toString('hex')}`)
          .zremrangebyrank(k, 0, -(policy.limit + 1))
          .pexpire(k, policy.windowMs);
      }
      const results = await tx.zrange(k, 0, -1, 'WITHSCORES').exec();
      const last = results?.[results.length - 1];
      if (!last || last[0]) throw last?.[0] ?? new Error('transaction aborted');
      const flat = last[1] as string[];
      const times: number[] = [];
      for (let i = 1; i < flat.length; i += 2) times.push(Number(flat[i]));
      return times;
    } catch (e) {
      // The outage itself is logged once by RedisService; meanwhile this node limits on its own.
      this.logger.debug(`rate limit via Redis failed, using this node's memory: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private memoryTimes(policy: FailurePolicy, key: string, now: number, record: boolean): number[] {
    const k = `${policy.name}:${key}`;
    let entry = this.memory.get(k);
    if (!entry) {
      if (!record) return [];
      if (this.memory.size >= MAX_MEMORY_KEYS) this.memory.delete(this.memory.keys().next().value as string);
      entry = { windowMs: policy.windowMs, times: [] };
      this.memory.set(k, entry);
    }
    entry.times = entry.times.filter((t) => t > now - policy.windowMs);
    if (record) {
      entry.times.push(now);
      if (entry.times.length > policy.limit) entry.times.splice(0, entry.times.length - policy.limit);
    }
    return entry.times;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [k, entry] of this.memory) {
      if (!entry.times.some((t) => t > now - entry.windowMs)) this.memory.delete(k);
    }
  }
}

/**
 * The rate-limit key of a client address: IPv4 as is (IPv4-mapped IPv6 unwrapped); IPv6 by its /64
 * network, because one household or attacker usually holds a whole /64.
 */
export function clientAddressKey(ip: string | undefined | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(ip)) return ip;
  const [head, tail] = ip.toLowerCase().split('%')[0].split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
