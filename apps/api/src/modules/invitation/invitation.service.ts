import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, Sector } from '@yoriai/domain';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { conflict, Errors, forbidden } from '../../common/errors/domain-error';
import { InvalidationBus } from '../../common/redis/invalidation-bus';
import { INVALIDATE } from '../../common/redis/invalidation-topics';
import { AuditService } from '../audit/audit.service';
import { MembershipEntity } from '../process/membership.entity';
import type { InviteMemberInput } from './dto/invitation.input';
import type { InvitationModel, ProcessInvitationModel } from './invitation.model';

/** An invitation is open this long; inviting the address again renews it. */
const INVITATION_DAYS = 30;
const INVITATION = { ja: '招待', en: 'The invitation' };

interface InvitationRow {
  id: string;
  process_id: string;
  process_title: string;
  email_lower: string;
  role: Role;
  sector: Sector;
  organization: string | null;
  invited_by: string;
  created_at: Date;
  expires_at: Date;
}

/**
 * Invitations in place of adding people silently by e-mail (finding 9): the organiser's answer is
 * the same for every address, and nobody becomes a member without accepting.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly invalidation: InvalidationBus,
  ) {}

  /** Always true once allowed: whether the address has an account is never revealed. */
  async invite(viewer: Viewer, input: InviteMemberInput): Promise<boolean> {
    const email = input.email.trim().toLowerCase();
    await this.tx.run(async (em) => {
      await this.access.require(viewer, input.processId, 'member.manage', em);
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO invitation (process_id, email_lower, role, sector, organization, invited_by_id, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
         ON CONFLICT (process_id, email_lower) WHERE status = 'PENDING'
         DO UPDATE SET role = EXCLUDED.role, sector = EXCLUDED.sector, organization = EXCLUDED.organization,
                       invited_by_id = EXCLUDED.invited_by_id, expires_at = EXCLUDED.expires_at
         RETURNING id`,
        [input.processId, email, input.role, input.sector, input.organization?.trim() || null, viewer.participantId, INVITATION_DAYS],
      );
      await this.audit.record(em, {
        processId: input.processId,
        actorId: viewer.participantId,
        action: 'member.invite',
        targetType: 'invitation',
        targetId: row.id,
        data: { email, role: input.role, sector: input.sector },
      });
    });
    return true;
  }

  /** Open invitations addressed to the viewer's account e-mail. Guests have none. */
  async mine(viewer: Viewer): Promise<InvitationModel[]> {
    if (viewer.kind !== 'ACCOUNT') return [];
    const rows = await this.dataSource.query<InvitationRow[]>(
      `${SELECT_INVITATION}
        WHERE i.email_lower = (SELECT email_lower FROM participant WHERE id = $1) AND i.status = 'PENDING' AND i.expires_at > now()
        ORDER BY i.created_at DESC LIMIT 50`,
      [viewer.participantId],
    );
    return rows.map(toInvitationModel);
  }

  async pending(viewer: Viewer, processId: string): Promise<ProcessInvitationModel[]> {
    await this.access.require(viewer, processId, 'member.manage');
    const rows = await this.dataSource.query<InvitationRow[]>(
      `${SELECT_INVITATION} WHERE i.process_id = $1 AND i.status = 'PENDING' AND i.expires_at > now() ORDER BY i.created_at DESC LIMIT 200`,
      [processId],
    );
    return rows.map((r) => ({ id: r.id, email: r.email_lower, role: r.role, sector: r.sector, organization: r.organization, createdAt: r.created_at, expiresAt: r.expires_at }));
  }

  /** Becomes a member with the invited role and sector (an existing member's role is updated; a removal is lifted). */
  async accept(viewer: Viewer, invitationId: string): Promise<MembershipEntity> {
    const membership = await this.tx.run(async (em) => {
      const inv = await this.addressedTo(viewer, invitationId, em);
      await em.query(
        `INSERT INTO membership (process_id, participant_id, role, sector, organization)
         VALUES ($1, $2, $3, $4, coalesce($5, (SELECT organization FROM participant WHERE id = $2)))
         ON CONFLICT (process_id, participant_id) DO UPDATE SET role = EXCLUDED.role, sector = EXCLUDED.sector,
                organization = coalesce($5, membership.organization), updated_at = now()`,
        [inv.process_id, viewer.participantId, inv.role, inv.sector, inv.organization],
      );
      await em.query('DELETE FROM membership_removal WHERE process_id = $1 AND participant_id = $2', [inv.process_id, viewer.participantId]);
      await em.query(`UPDATE invitation SET status = 'ACCEPTED', responded_by_id = $2, responded_at = now() WHERE id = $1`, [inv.id, viewer.participantId]);
      const m = await em.findOneByOrFail(MembershipEntity, { processId: inv.process_id, participantId: viewer.participantId });
      await this.audit.record(em, {
        processId: inv.process_id,
        actorId: viewer.participantId,
        action: 'member.acceptInvitation',
        targetType: 'membership',
        targetId: m.id,
        data: { invitationId: inv.id, role: m.role, sector: m.sector },
      });
      return m;
    });
    await this.invalidation.publish(INVALIDATE.membership, [viewer.participantId]);
    return membership;
  }

  async decline(viewer: Viewer, invitationId: string): Promise<boolean> {
    await this.tx.run(async (em) => {
      const inv = await this.addressedTo(viewer, invitationId, em);
      await em.query(`UPDATE invitation SET status = 'DECLINED', responded_by_id = $2, responded_at = now() WHERE id = $1`, [inv.id, viewer.participantId]);
      await this.audit.record(em, { processId: inv.process_id, actorId: viewer.participantId, action: 'member.declineInvitation', targetType: 'invitation', targetId: inv.id });
    });
    return true;
  }

  async revoke(viewer: Viewer, invitationId: string): Promise<boolean> {
    await this.tx.run(async (em) => {
      const [inv] = isUUID(invitationId) ? await em.query<{ id: string; process_id: string; status: string }[]>('SELECT id, process_id, status FROM invitation WHERE id = $1 FOR UPDATE', [invitationId]) : [];
      if (!inv) throw Errors.notFound(INVITATION);
      await this.access.require(viewer, inv.process_id, 'member.manage', em);
      if (inv.status !== 'PENDING') throw conflict('INVITATION_CLOSED', 'この招待は既に回答済みか取り消されています。', 'This invitation was already answered or revoked.');
      await em.query(`UPDATE invitation SET status = 'REVOKED', responded_by_id = $2, responded_at = now() WHERE id = $1`, [inv.id, viewer.participantId]);
      await this.audit.record(em, { processId: inv.process_id, actorId: viewer.participantId, action: 'member.revokeInvitation', targetType: 'invitation', targetId: inv.id });
    });
    return true;
  }

  /** The pending invitation, if it is addressed to the viewer's account; NOT_FOUND for anyone else (no oracle). */
  private async addressedTo(viewer: Viewer, invitationId: string, em: DataSource['manager']): Promise<InvitationRow> {
    if (viewer.kind !== 'ACCOUNT') throw forbidden('INVITATION_NEEDS_ACCOUNT', '招待の承諾にはアカウントでのログインが必要です。', 'Sign in with an account to answer an invitation.');
    const [inv] = isUUID(invitationId)
      ? await em.query<(InvitationRow & { status: string; open: boolean })[]>(
          `${SELECT_INVITATION.replace('SELECT ', "SELECT i.status, i.expires_at > now() AS open, ")}
            WHERE i.id = $1 AND i.email_lower = (SELECT email_lower FROM participant WHERE id = $2) FOR UPDATE OF i`,
          [invitationId, viewer.participantId],
        )
      : [];
    if (!inv) throw Errors.notFound(INVITATION);
    if (inv.status !== 'PENDING' || !inv.open) throw conflict('INVITATION_CLOSED', 'この招待は既に回答済みか、取り消されたか、期限切れです。', 'This invitation was already answered, revoked or has expired.');
    return inv;
  }
}

const SELECT_INVITATION = `SELECT i.id, i.process_id, p.title AS process_title, i.email_lower, i.role, i.sector, i.organization,
         inviter.display_name AS invited_by, i.created_at, i.expires_at
    FROM invitation i JOIN process p ON p.id = i.process_id JOIN participant inviter ON inviter.id = i.invited_by_id`;

function toInvitationModel(r: InvitationRow): InvitationModel {
  return {
    id: r.id,
    processId: r.process_id,
    processTitle: r.process_title,
    role: r.role,
    sector: r.sector,
    organization: r.organization,
    invitedBy: r.invited_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}
