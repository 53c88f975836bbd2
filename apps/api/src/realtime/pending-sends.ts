import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisService } from '../common/redis/redis.service';
import { LIVE_TIMING, type LiveTiming } from './live-timing';

/** One sorted set per deployment: member `<kind>|<key>`, score = Redis time (ms) by which the send is due. */
const KEY = 'pending-sends';
/** A ledger nobody sweeps any more (every node gone) is dropped after an hour. */
const TTL_SECONDS = 3600;
const CLAIM_BATCH = 100;

// Redis's own clock, so that nodes whose clocks differ agree on what is due and what is covered.
const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";
/** Records a send as owed by ARGV[2] ms from now; returns that deadline (the stamp of this mark). */
const OWE = `${NOW}
local due = now + tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], 'GT', due, ARGV[1])
redis.call('EXPIRE', KEYS[1], ${TTL_SECONDS})
return due`;
/** A send whose read started after the mark stamped ARGV[2] carried every mark up to it: drop them. */
const SETTLE = `local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
if s and tonumber(s) <= tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0`;
/**
 * Sends overdue (their owner died or is stuck): this node takes them over, due again in ARGV[1] ms —
 * the grace alone, so that the claimer's own mark (window + grace from a later moment) supersedes it.
 */
const CLAIM = `${NOW}
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, ${CLAIM_BATCH})
for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), m) end
return due`;

interface LedgerCommands {
  pendingOwe(key: string, member: string, dueInMs: number): Promise<number>;
  pendingSettle(key: string, member: string, stamp: number): Promise<number>;
  pendingClaim(key: string, dueInMs: number): Promise<string[]>;
}

type OverdueHandler = (key: string) => void;

/**
 * Coalesced sends (a trailing `vote.tally`, `meeting.state`, …) that this node owes to the clients of
 * EVERY node, written down in Redis so that they are made even if this node dies inside its window.
 *
 * Why: with several nodes, a vote acknowledged by node A reaches B's screens only through A's next
 * tally. Killed inside its coalescing window, A would never send it, and B's screens would stay on the
 * old tally with nothing to tell them (no seq was used). So before a send becomes owed — synchronously
 * in the trigger, hence before the voter is answered — A marks it here; a send whose read started after
 * the mark settles it; and every node sweeps the ledger, making any send that is overdue itself
 * (reading the whole truth, so a duplicate is harmless). Cost: ≤ 2 marks and 2 settles per window per
 * key per node, and one sweep per node every `sweepEveryMs` — nothing per client.
 *
 * Without Redis (one node) there is nobody to take over: every call is a no-op.
 */
@Injectable()
export class PendingSends implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PendingSends');
  private readonly handlers = new Map<string, { handler: OverdueHandler; dueInMs: number }>();
  /** The latest mark per member made by this node (its stamp, once Redis answered). */
  private readonly marks = new Map<string, Promise<number | null>>();
  /** The command client with the ledger's scripts, once connected: marks are then written synchronously. */
  private client?: Redis & LedgerCommands;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping = false;
  private stopped = false;

  constructor(
    private readonly redis: RedisService,
    @Inject(LIVE_TIMING) private readonly timing: LiveTiming,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis.enabled) return;
    await this.ledger();
    this.sweepTimer = setInterval(() => void this.sweep(), this.timing.sweepEveryMs);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /**
   * Sends of `kind` are due `windowMs` after they become owed (plus the grace): `onOverdue` makes one
   * on this node when another node (or this one) failed to.
   */
  register(kind: string, windowMs: number, onOverdue: OverdueHandler): void {
    this.handlers.set(kind, { handler: onOverdue, dueInMs: windowMs + this.timing.overdueGraceMs });
  }

  /**
   * Marks a send of `kind`/`key` as owed. The command is written to Redis's socket before this returns
   * (ioredis writes at once when connected), so when the caller's client is answered later on, a node
   * killed even right after that answer has already handed the mark to the kernel.
   */
  owe(kind: string, key: string): void {
    const entry = this.handlers.get(kind);
    if (!this.redis.enabled || !entry || this.stopped) return;
    const member = `${kind}|${key}`;
    const write = (c: (Redis & LedgerCommands) | null) => (c ? c.pendingOwe(this.redis.key(KEY), member, entry.dueInMs).then(Number) : null);
    const mark = (this.client ? Promise.resolve(write(this.client)) : this.ledger().then(write)).catch((e: unknown) => {
      // Redis is away: cross-node events are dropped anyway, and every client refetches when it is back.
      this.logger.debug(`could not mark ${member} as owed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    });
    this.marks.set(member, mark);
  }

  /**
   * Runs a send of `kind`/`key` (its read must start inside `send`): first waits for this node's
   * latest mark to be in Redis, then settles every mark up to it once the send succeeded.
   */
  async covering(kind: string, key: string, send: () => Promise<void>): Promise<void> {
    const member = `${kind}|${key}`;
    const mark = this.marks.get(member);
    const stamp = mark ? await mark : null;
    await send();
    if (stamp === null) return;
    if (this.marks.get(member) === mark) this.marks.delete(member);
    try {
      await (await this.ledger())?.pendingSettle(this.redis.key(KEY), member, stamp);
    } catch {
      // Not settled: the mark falls due and some node sends once more (harmless: a send is the whole truth).
    }
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || this.stopped || !this.redis.healthy) return;
    this.sweeping = true;
    try {
      const client = await this.ledger();
      if (!client) return;
      const members = await client.pendingClaim(this.redis.key(KEY), this.timing.overdueGraceMs);
      for (const member of members) {
        const bar = member.indexOf('|');
        const kind = member.slice(0, bar);
        const entry = this.handlers.get(kind);
        if (!entry) continue;
        const key = member.slice(bar + 1);
        this.logger.warn(`taking over an overdue ${kind} send for ${key} (the node that owed it died or is stuck)`);
        // Our own mark first: whichever send of ours comes next settles the claim.
        this.owe(kind, key);
        entry.handler(key);
      }
    } catch (e) {
      this.logger.debug(`sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.sweeping = false;
    }
  }

  private async ledger(): Promise<(Redis & LedgerCommands) | null> {
    if (this.client) return this.client;
    const client = (await this.redis.commands()) as (Redis & Partial<LedgerCommands>) | null;
    if (!client) return null;
    // defineCommand: EVALSHA, with a fallback to EVAL when Redis lost its script cache (a restart).
    if (!client.pendingOwe) {
      client.defineCommand('pendingOwe', { numberOfKeys: 1, lua: OWE });
      client.defineCommand('pendingSettle', { numberOfKeys: 1, lua: SETTLE });
      client.defineCommand('pendingClaim', { numberOfKeys: 1, lua: CLAIM });
    }
    this.client = client as Redis & LedgerCommands;
    return this.client;
  }
}
