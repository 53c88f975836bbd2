import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidationBus } from '../redis/invalidation-bus';
import { INVALIDATE } from '../redis/invalidation-topics';
import type { Viewer } from './viewer';

const TOPIC = INVALIDATE.session;
/** Sessions whose state a node remembers; beyond that the oldest are forgotten (and read again). */
const CACHE_LIMIT = 50_000;

/** Why a session ended: shown to no one, kept for the audit of sign-outs and removals. */
export type RevokeReason = 'SIGN_OUT' | 'SIGN_OUT_EVERYWHERE' | 'MEMBER_REMOVED';

interface Known {
  active: boolean;
  expiresAt: number;
}

/**
 * Server-side sessions (finding 4: a token must stop working when its session ends, not 14 days
 * later). Every request and every socket subscribe asks `isActive`; the answer is cached per node
 * and the cache is dropped on every node through the InvalidationBus when a session is revoked. While
 * invalidations cannot be trusted (Redis away on a cluster), every check reads the database.
 */
@Injectable()
export class SessionStore implements OnModuleDestroy {
  private readonly known = new Map<string, Known>();
  private readonly stop: Array<() => void> = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invalidation: InvalidationBus,
  ) {
    this.stop.push(invalidation.subscribe(TOPIC, (ids) => ids.forEach((id) => this.known.set(id, { active: false, expiresAt: 0 }))));
    this.stop.push(invalidation.onReset(() => this.known.clear()));
  }

  onModuleDestroy(): void {
    for (const s of this.stop) s();
  }

  /** A new session row; its id goes into the token as `sid`. */
  async create(viewer: Omit<Viewer, 'sessionId'>, ttlSeconds: number, em: EntityManager = this.dataSource.manager): Promise<string> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const [row] = await em.query<{ id: string }[]>(
      'INSERT INTO session (participant_id, kind, scope_process_id, expires_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [viewer.participantId, viewer.kind, viewer.scopeProcessId, expiresAt],
    );
    this.remember(row.id, { active: true, expiresAt: expiresAt.getTime() });
    return row.id;
  }

  /** Whether the session may still be used (not revoked, not expired). */
  async isActive(sessionId: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.known.get(sessionId);
    if (cached && !cached.active) return false; // revoked is final: no need to ask again
    if (cached && this.invalidation.reliable) return cached.expiresAt > now;
    const [row] = await this.dataSource.query<{ active: boolean; expires_at: Date }[]>(
      'SELECT (revoked_at IS NULL AND expires_at > now()) AS active, expires_at FROM session WHERE id = $1',
      [sessionId],
    );
    const known = { active: !!row?.active, expiresAt: row ? row.expires_at.getTime() : 0 };
    this.remember(sessionId, known);
    return known.active && known.expiresAt > now;
  }

  /** Revokes sessions by id (only those of `participantId`, so a caller can never end someone else's). */
  async revoke(participantId: string, sessionIds: string[], reason: RevokeReason, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!sessionIds.length) return [];
    return updatedIds(
      await em.query(`UPDATE session SET revoked_at = now(), revoked_reason = $3 WHERE participant_id = $1 AND id = ANY($2::uuid[]) AND revoked_at IS NULL RETURNING id`, [
        participantId,
        sessionIds,
        reason,
      ]),
    );
  }

  /** Revokes every session of a participant (sign out everywhere; a removed guest). */
  async revokeAll(participantId: string, reason: RevokeReason, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    return updatedIds(await em.query(`UPDATE session SET revoked_at = now(), revoked_reason = $2 WHERE participant_id = $1 AND revoked_at IS NULL RETURNING id`, [participantId, reason]));
  }

  /** After COMMIT of a revocation: every node forgets the sessions at once. */
  async invalidate(sessionIds: string[]): Promise<void> {
    await this.invalidation.publish(TOPIC, sessionIds);
  }

  private remember(id: string, state: Known): void {
    if (this.known.size >= CACHE_LIMIT) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(id, state);
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count], not with the rows alone. */
function updatedIds(result: unknown): string[] {
  const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { id: string }[];
  return rows.map((r) => r.id);
}
