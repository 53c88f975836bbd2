import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Action, can, Role } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Errors, forbidden, notFound } from '../errors/domain-error';
import { MembershipEntity } from '../../modules/process/membership.entity';
import { ProcessEntity } from '../../modules/process/process.entity';
import type { Viewer } from './viewer';

export interface Access {
  viewer: Viewer;
  membership: MembershipEntity;
  role: Role;
}

const PROCESS = { ja: '協議プロセス', en: 'The process' };

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
    const membership = await this.membership(viewer, processId, em);
    if (!membership) {
      if (viewer.scopeProcessId && viewer.scopeProcessId !== processId) {
        throw forbidden('GUEST_OTHER_PROCESS', 'このゲスト参加は別の協議プロセスのものです。', 'This guest session belongs to another process.');
      }
      const exists = await (em ?? this.dataSource.manager).exists(ProcessEntity, { where: { id: processId } });
      if (!exists) throw Errors.notFound(PROCESS);
      throw notFound('NOT_A_MEMBER', 'この協議プロセスのメンバーではありません。', 'You are not a member of this process.');
    }
    const role = membership.role as Role;
    if (!can(role, action)) {
      throw forbidden('ROLE_NOT_ALLOWED', `この操作（${action}）は現在の役割では行えません。`, `Your role (${role}) may not do this (${action}).`, { action, role });
    }
    return { viewer, membership, role };
  }

  /** Whether the viewer may do `action` (no error): for fields that are shown or hidden. */
  async allowed(viewer: Viewer | null, processId: string, action: Action): Promise<boolean> {
    const m = await this.membership(viewer, processId);
    return !!m && can(m.role as Role, action);
  }
}
