import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionStore } from '../../common/auth/session-store';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import type { SessionModel } from './session.model';

/** Ending sessions: on the server, on every node, sockets included (docs/security.md, finding 4). */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
  ) {}

  /** Ends the session of this request. */
  async signOut(viewer: Viewer): Promise<void> {
    await this.end(viewer, false);
  }

  /** Ends every session of the viewer: other browsers and devices too. */
  async signOutEverywhere(viewer: Viewer): Promise<number> {
    return (await this.end(viewer, true)).length;
  }

  async list(viewer: Viewer): Promise<SessionModel[]> {
    const rows = await this.dataSource.query<{ id: string; created_at: Date; expires_at: Date }[]>(
      `SELECT id, created_at, expires_at FROM session
        WHERE participant_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC LIMIT 50`,
      [viewer.participantId],
    );
    return rows.map((r) => ({ id: r.id, current: r.id === viewer.sessionId, createdAt: r.created_at, expiresAt: r.expires_at }));
  }

  private async end(viewer: Viewer, everywhere: boolean): Promise<string[]> {
    const ids = await this.tx.run(async (em) => {
      const revoked = everywhere
        ? await this.sessions.revokeAll(viewer.participantId, 'SIGN_OUT_EVERYWHERE', em)
        : await this.sessions.revoke(viewer.participantId, [viewer.sessionId], 'SIGN_OUT', em);
      await this.audit.record(em, {
        processId: viewer.scopeProcessId,
        actorId: viewer.participantId,
        action: everywhere ? 'session.signOutEverywhere' : 'session.signOut',
        targetType: 'participant',
        targetId: viewer.participantId,
        data: { sessions: revoked.length },
      });
      return revoked;
    });
    // After COMMIT: every node drops the sessions from its cache and closes their sockets.
    await this.sessions.invalidate(ids);
    return ids;
  }
}
