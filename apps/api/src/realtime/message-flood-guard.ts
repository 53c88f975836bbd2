/** Per-socket limits on what a client may send (RELIABILITY.md: message floods per socket). */
export const FLOOD_LIMITS = {
  /** Sustained messages per second. */
  ratePerSecond: 20,
  /** Short bursts (a page subscribing to its rooms at once). */
  burst: 40,
  /** Dropped messages within `abuseWindowMs` after which the socket is disconnected. */
  abuseDrops: 100,
  abuseWindowMs: 10_000,
} as const;

export type FloodVerdict = 'pass' | 'drop' | 'disconnect';

/**
 * A token bucket per socket: messages beyond the rate are dropped (their ack answers RATE_LIMITED);
 * a client that keeps flooding is disconnected. Time is passed in, so the guard is deterministic.
 */
export class MessageFloodGuard {
  private tokens: number;
  private last: number;
  private drops: number[] = [];

  constructor(
    private readonly limits: { ratePerSecond: number; burst: number; abuseDrops: number; abuseWindowMs: number } = FLOOD_LIMITS,
    now = Date.now(),
  ) {
    this.tokens = limits.burst;
    this.last = now;
  }

  take(now = Date.now()): FloodVerdict {
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.last) / 1000) * this.limits.ratePerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'pass';
    }
    this.drops.push(now);
    while (this.drops.length && (this.drops[0] as number) <= now - this.limits.abuseWindowMs) this.drops.shift();
    return this.drops.length >= this.limits.abuseDrops ? 'disconnect' : 'drop';
  }
}
