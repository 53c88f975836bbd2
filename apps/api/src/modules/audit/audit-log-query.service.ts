import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { Errors } from '../../common/errors/domain-error';
import type { AuditEntryModel } from './audit.model';

interface AuditRow {
  id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
  data: Record<string, unknown>;
}

/** Reading the audit log of a process (organisers only: it shows who did what). */
@Injectable()
export class AuditLogQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Newest first; ties (one transaction writes several rows at one timestamp) by id, newest first. */
  async list(viewer: Viewer, processId: string, first: number, offset: number): Promise<AuditEntryModel[]> {
    if (!isUUID(processId)) throw Errors.notFound({ ja: '協議プロセス', en: 'The process' });
    await this.access.require(viewer, processId, 'audit.read');
    const rows = await this.dataSource.manager.query<AuditRow[]>(
      `SELECT a.id::text AS id, a.action, a.target_type, a.target_id, a.actor_id, p.display_name AS actor_name, a.created_at, a.data
         FROM audit_log a LEFT JOIN participant p ON p.id = a.actor_id
        WHERE a.process_id = $1
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $2 OFFSET $3`,
      [processId, first, offset],
    );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      createdAt: r.created_at,
      data: JSON.stringify(r.data),
    }));
  }
}
