import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Action, can, Role } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, Errors, forbidden, notFound } from '../errors/domain-error';
import { MembershipEntity } from '../../modules/process/membership.entity';
import { ProcessEntity } from '../../modules/process/process.entity';
import type { Viewer } from './viewer';

export interface Access {
  viewer: Viewer;
  membership: MembershipEntity;
  role: Role;
}

const PROCESS = { ja: '協議プロセス', en: 'The process' };

export const memberRemoved = () =>
  forbidden('MEMBER_REMOVED', 'この協議プロセスから外されています。主催者にお問い合わせください。', 'You were removed from this process. Please contact its organiser.');

/**
 * Role checks for every service method (docs/permissions.md). Non-members get NOT_FOUND so that
 * the existence of a process is not revealed; members without the right get FORBIDDEN.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async membership(viewer: Viewer | null, processId: string, em: EntityManager = this.dataSource.manager): Promise<MembershipEntity | null> {
    if (!viewer) return null;
    if (viewer.scopeProcessId && viewer.scopeProcessId !== processId) return null;
    return em.findOne(MembershipEntity, { where: { processId, participantId: viewer.participantId } });
  }

  async require(viewer: Viewer, processId: string, action: Action, em?: EntityManager): Promise<Access> {
    return this.requireWith(viewer, processId, action, await this.membership(viewer, processId, em), em);
  }

  /**
   * require() with the viewer's membership row already read (null if none), e.g. joined to the row that
   * names the process so that a read costs one round trip. A guest's membership counts only in their own process.
   */
  async requireWith(viewer: Viewer, processId: string, action: Action, read: MembershipEntity | null, em?: EntityManager): Promise<Access> {
    const membership = viewer.scopeProcessId && viewer.scopeProcessId !== processId ? null : read;
    if (!membership) {
      if (viewer.scopeProcessId && viewer.scopeProcessId !== processId) {
        throw forbidden('GUEST_OTHER_PROCESS', 'このゲスト参加は別の協議プロセスのものです。', 'This guest session belongs to another process.');
      }
      const exists = await (em ?? this.dataSource.manager).exists(ProcessEntity, { where: { id: processId } });
      if (!exists) throw Errors.notFound(PROCESS);
      throw await this.whyNotMember(viewer, processId, em ?? this.dataSource.manager);
    }
    const role = membership.role as Role;
    if (!can(role, action)) {
      throw forbidden('ROLE_NOT_ALLOWED', `この操作（${action}）は現在の役割では行えません。`, `Your role (${role}) may not do this (${action}).`, { action, role });
    }
    return { viewer, membership, role };
  }

  /**
   * Why someone with no membership is refused: removed by an organiser (FORBIDDEN: removed means
   * removed, on every path), waiting at the door or denied (FORBIDDEN), or simply not a member.
   */
  private async whyNotMember(viewer: Viewer, processId: string, em: EntityManager): Promise<DomainError> {
    return (await this.refusal(viewer.participantId, processId, em)) ?? notFound('NOT_A_MEMBER', 'この協議プロセスのメンバーではありません。', 'You are not a member of this process.');
  }

  /** FORBIDDEN for someone removed, waiting at the door or denied; null for anyone else. */
  async refusal(participantId: string, processId: string, em: EntityManager = this.dataSource.manager): Promise<DomainError | null> {
    const [row] = await em.query<{ removed: boolean; admission: string | null }[]>(
      `SELECT EXISTS (SELECT 1 FROM membership_removal WHERE process_id = $1 AND participant_id = $2) AS removed,
              (SELECT r.status FROM admission_request r
                WHERE r.process_id = $1 AND r.participant_id = $2 AND r.status <> 'ADMITTED'
                ORDER BY r.requested_at DESC LIMIT 1) AS admission`,
      [processId, participantId],
    );
    if (row?.removed) return memberRemoved();
    if (row?.admission === 'PENDING') {
      return forbidden('ADMISSION_PENDING', 'ファシリテーターの承認を待っています。承認されると参加できます。', 'You are waiting for a facilitator to admit you.');
    }
    if (row?.admission === 'DENIED') return forbidden('ADMISSION_DENIED', 'この会議への参加は承認されませんでした。', 'You were not admitted to this meeting.');
    return null;
  }

  /** Whether the viewer may do `action` (no error): for fields that are shown or hidden. */
  async allowed(viewer: Viewer | null, processId: string, action: Action): Promise<boolean> {
    const m = await this.membership(viewer, processId);
    return !!m && can(m.role as Role, action);
  }
}
