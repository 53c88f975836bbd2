import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '../common/redis/redis.service';

/** Seq counters of quiet rooms expire in Redis after a week; a client then sees a lower seq and refetches. */
const SEQ_TTL_SECONDS = 7 * 24 * 3600;
const MAX_LOCAL_ROOMS = 100_000;

/**
 * The per-room `seq` of every room event. With REDIS_URL it is one INCR on `<prefix>:seq:<room>`,
 * so it grows by one per event in the room across all nodes. Without Redis it is a counter in this
 * node's memory: a restart starts it again at 1, and clients treat a seq lower than the last one they
 * saw as a reset (refetch). While Redis is away a node counts on from the last value it knew; the
 * clients are told to refetch when Redis returns (RedisService.onRecovered).
 */
@Injectable()
export class RoomSequencer {
  private readonly logger = new Logger(RoomSequencer.name);
  private readonly local = new Map<string, number>();

  constructor(private readonly redis: RedisService) {}

  async next(room: string): Promise<number> {
    const client = this.redis.enabled ? await this.redis.commands().catch(() => null) : null;
    if (client) {
      try {
        const key = this.redis.key('seq', room);
        const results = await client.multi().incr(key).expire(key, SEQ_TTL_SECONDS).exec();
        const [err, value] = results?.[0] ?? [new Error('transaction aborted'), null];
        if (err) throw err;
        return this.remember(room, Number(value));
      } catch (e) {
        this.logger.debug(`seq via Redis failed for ${room}, counting locally: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return this.remember(room, (this.local.get(room) ?? 0) + 1);
  }

  /** The room's last seq (0 before any event): returned in the subscribe ack. */
  async current(room: string): Promise<number> {
    const client = this.redis.enabled ? await this.redis.commands().catch(() => null) : null;
    if (client) {
      try {
        return Number((await client.get(this.redis.key('seq', room))) ?? 0);
      } catch {
        // fall through to the last value this node knew
      }
    }
    return this.local.get(room) ?? 0;
  }

  /** The last seq of many rooms at once (one MGET per 500 rooms): the heartbeat of a node's rooms. */
  async currentMany(rooms: string[]): Promise<number[]> {
    const client = this.redis.enabled ? await this.redis.commands().catch(() => null) : null;
    if (client) {
      try {
        const seqs: number[] = [];
        for (let i = 0; i < rooms.length; i += 500) {
          const chunk = rooms.slice(i, i + 500);
          const values = await client.mget(chunk.map((r) => this.redis.key('seq', r)));
          // A room Redis does not know (expired, or counted locally during an outage): what this node knew.
          seqs.push(...values.map((v, j) => (v === null ? (this.local.get(chunk[j]) ?? 0) : Number(v))));
        }
        return seqs;
      } catch {
        // fall through to the last values this node knew
      }
    }
    return rooms.map((r) => this.local.get(r) ?? 0);
  }

  private remember(room: string, seq: number): number {
    if (!this.local.has(room) && this.local.size >= MAX_LOCAL_ROOMS) this.local.delete(this.local.keys().next().value as string);
    this.local.set(room, seq);
    return seq;
  }
}
