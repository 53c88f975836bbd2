import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PILLARS } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import { SessionStore } from '../../common/auth/session-store';
import { InvalidationBus } from '../../common/redis/invalidation-bus';
import { INVALIDATE } from '../../common/redis/invalidation-topics';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { ParticipantEntity } from '../participant/participant.entity';
import type { AddMemberInput, AddPillarInput, CreateProcessInput, RenamePillarInput, ReorderPillarsInput, UpdateProcessInput } from './dto/process.input';
import { MembershipEntity } from './membership.entity';
import { PillarEntity } from './pillar.entity';
import { ProcessEntity } from './process.entity';

const PILLAR = { ja: '柱', en: 'The pillar' };
const PARTICIPANT = { ja: '参加者', en: 'The participant' };

@Injectable()
export class ProcessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly sessions: SessionStore,
    private readonly invalidation: InvalidationBus,
  ) {}

  async create(viewer: Viewer, input: CreateProcessInput): Promise<ProcessEntity> {
    if (viewer.kind !== 'ACCOUNT') throw Errors.forbidden('協議プロセスの作成にはアカウントが必要です。', 'Creating a process needs an account.');
    return this.tx.run(async (em) => {
      const process = await em.save(
        em.create(ProcessEntity, {
          title: input.title.trim(),
          description: input.description ?? '',
          defaultRule: input.defaultRule ?? 'CROSS_SECTOR',
          defaultBallot: input.defaultBallot ?? 'OPEN',
          dissentNamed: input.dissentNamed ?? true,
          createdById: viewer.participantId,
        }),
      );
      if (input.defaultPillars !== false) {
        await em.insert(
          PillarEntity,
          DEFAULT_PILLARS.map((p) => ({ processId: process.id, position: p.position, key: p.key, title: p.titleJa, titleEn: p.titleEn })),
        );
      }
      const creator = await em.findOneOrFail(ParticipantEntity, { where: { id: viewer.participantId } });
      await em.insert(MembershipEntity, {
        processId: process.id,
        participantId: viewer.participantId,
        role: 'ORGANIZER',
        sector: input.sector ?? 'GOVERNMENT',
        organization: creator.organization,
      });
      await this.audit.record(em, { processId: process.id, actorId: viewer.participantId, action: 'process.create', targetType: 'process', targetId: process.id });
      return process;
    });
  }

  async update(viewer: Viewer, input: UpdateProcessInput): Promise<ProcessEntity> {
    return this.tx.run(async (em) => {
      await this.access.require(viewer, input.processId, 'process.update', em);
      const p = await em.findOneOrFail(ProcessEntity, { where: { id: input.processId } });
      if (input.title != null) p.title = input.title.trim();
      if (input.description != null) p.description = input.description;
      if (input.defaultRule != null) p.defaultRule = input.defaultRule;
      if (input.defaultBallot != null) p.defaultBallot = input.defaultBallot;
      if (input.dissentNamed != null) p.dissentNamed = input.dissentNamed;
      const saved = await em.save(p);
      await this.audit.record(em, { processId: p.id, actorId: viewer.participantId, action: 'process.update', targetType: 'process', targetId: p.id });
      return saved;
    });
  }

  async get(viewer: Viewer, id: string): Promise<ProcessEntity> {
    await this.access.require(viewer, id, 'process.read');
    return this.dataSource.manager.findOneOrFail(ProcessEntity, { where: { id } });
  }

  /** Processes the viewer belongs to, newest first. */
  async listForViewer(viewer: Viewer, first: number, offset: number): Promise<ProcessEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ProcessEntity, 'p')
      .innerJoin(MembershipEntity, 'm', 'm.process_id = p.id AND m.participant_id = :pid', { pid: viewer.participantId })
      .orderBy('p.created_at', 'DESC')
      .take(first)
      .skip(offset);
    if (viewer.scopeProcessId) qb.andWhere('p.id = :scope', { scope: viewer.scopeProcessId });
    return qb.getMany();
  }

  pillars(processId: string, em: EntityManager = this.dataSource.manager): Promise<PillarEntity[]> {
    return em.find(PillarEntity, { where: { processId }, order: { position: 'ASC' } });
  }

  async addPillar(viewer: Viewer, input: AddPillarInput): Promise<PillarEntity> {
    return this.tx.run(async (em) => {
      await this.lockProcess(em, input.processId, viewer);
      const pillars = await this.pillars(input.processId, em);
      const position = Math.min(input.position ?? pillars.length + 1, pillars.length + 1);
      await em
        .createQueryBuilder()
        .update(PillarEntity)
        .set({ position: () => 'position + 1' })
        .where('process_id = :id AND position >= :position', { id: input.processId, position })
        .execute();
      const pillar = await em.save(em.create(PillarEntity, { processId: input.processId, position, key: null, title: input.title.trim(), titleEn: input.titleEn?.trim() || null }));
      await this.audit.record(em, { processId: input.processId, actorId: viewer.participantId, action: 'pillar.add', targetType: 'pillar', targetId: pillar.id });
      return pillar;
    });
  }

  async renamePillar(viewer: Viewer, input: RenamePillarInput): Promise<PillarEntity> {
    return this.tx.run(async (em) => {
      const pillar = await em.findOne(PillarEntity, { where: { id: input.pillarId } });
      if (!pillar) throw Errors.notFound(PILLAR);
      await this.access.require(viewer, pillar.processId, 'process.update', em);
      pillar.title = input.title.trim();
      if (input.titleEn !== undefined) pillar.titleEn = input.titleEn?.trim() || null;
      const saved = await em.save(pillar);
      await this.audit.record(em, { processId: pillar.processId, actorId: viewer.participantId, action: 'pillar.rename', targetType: 'pillar', targetId: pillar.id });
      return saved;
    });
  }

  async reorderPillars(viewer: Viewer, input: ReorderPillarsInput): Promise<PillarEntity[]> {
    return this.tx.run(async (em) => {
      await this.lockProcess(em, input.processId, viewer);
      const pillars = await this.pillars(input.processId, em);
      const ids = new Set(pillars.map((p) => p.id));
      if (input.pillarIds.length !== ids.size || new Set(input.pillarIds).size !== ids.size || !input.pillarIds.every((id) => ids.has(id))) {
        throw badInput('PILLAR_ORDER_INCOMPLETE', '並べ替えには、このプロセスの全ての柱を一度ずつ指定してください。', 'List every pillar of the process exactly once to reorder.');
      }
      for (const [i, id] of input.pillarIds.entries()) await em.update(PillarEntity, { id }, { position: i + 1 });
      await this.audit.record(em, { processId: input.processId, actorId: viewer.participantId, action: 'pillar.reorder', targetType: 'process', targetId: input.processId, data: { order: input.pillarIds } });
      return this.pillars(input.processId, em);
    });
  }

  /**
   * Changes the role/sector of someone already in the process (a member, a guest who joined, someone
   * who attended, someone removed earlier: adding them again reinstates them). New people are invited
   * (inviteMember) and accept: adding by e-mail told any organiser whether an address had an account
   * and added that person without asking (finding 9), so it is refused the same way for every address.
   */
  async addMember(viewer: Viewer, input: AddMemberInput): Promise<MembershipEntity> {
    if (input.email) {
      throw badInput(
        'ADD_BY_EMAIL_RETIRED',
        'メールアドレスでの追加は廃止されました。inviteMember で招待してください（本人が承諾するとメンバーになります）。',
        'Adding members by e-mail is retired: invite them with inviteMember (they become members when they accept).',
      );
    }
    if (!input.participantId) throw badInput('MEMBER_TARGET_REQUIRED', 'participantId を指定してください。', 'Give participantId.');
    const saved = await this.tx.run(async (em) => {
      await this.lockProcess(em, input.processId, viewer, 'member.manage');
      const target = await em.findOne(ParticipantEntity, { where: { id: input.participantId as string } });
      if (!target || !(await this.knownToProcess(em, input.processId, target))) throw Errors.notFound(PARTICIPANT);
      if (target.kind === 'GUEST' && target.guestProcessId !== input.processId) {
        throw badInput('GUEST_OTHER_PROCESS', 'このゲストは別の協議プロセスの参加者です。', 'This guest belongs to another process.');
      }
      let m = await em.findOne(MembershipEntity, { where: { processId: input.processId, participantId: target.id } });
      if (m && m.role === 'ORGANIZER' && input.role !== 'ORGANIZER') await this.assertAnotherOrganizer(em, input.processId, target.id);
      const before = m ? { role: m.role, sector: m.sector } : null;
      m ??= em.create(MembershipEntity, { processId: input.processId, participantId: target.id });
      m.role = input.role;
      m.sector = input.sector;
      m.organization = input.organization?.trim() || m.organization || target.organization;
      const saved = await em.save(m);
      await em.query('DELETE FROM membership_removal WHERE process_id = $1 AND participant_id = $2', [input.processId, target.id]);
      await this.audit.record(em, {
        processId: input.processId,
        actorId: viewer.participantId,
        action: before ? 'member.update' : 'member.add',
        targetType: 'membership',
        targetId: saved.id,
        data: { participantId: target.id, before, after: { role: m.role, sector: m.sector } },
      });
      return saved;
    });
    // After COMMIT: the person's live connections are re-authorised for their new role, on every node.
    await this.invalidation.publish(INVALIDATE.membership, [saved.participantId]);
    return saved;
  }

  /** Whether the participant is, or was, part of the process (so an organiser may change their membership). */
  private async knownToProcess(em: EntityManager, processId: string, p: ParticipantEntity): Promise<boolean> {
    if (p.kind === 'GUEST') return p.guestProcessId === processId;
    const [row] = await em.query<{ known: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM membership WHERE process_id = $1 AND participant_id = $2)
           OR EXISTS (SELECT 1 FROM membership_removal WHERE process_id = $1 AND participant_id = $2)
           OR EXISTS (SELECT 1 FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.process_id = $1 AND a.participant_id = $2) AS known`,
      [processId, p.id],
    );
    return !!row?.known;
  }

  /**
   * Removes a member, and means it (finding 3): a tombstone refuses them on every path (GraphQL
   * FORBIDDEN, socket subscribe, join by code), their live connections leave the process's rooms on
   * every node, and a guest — whose identity exists only for this process — loses every session.
   */
  async removeMember(viewer: Viewer, processId: string, participantId: string): Promise<boolean> {
    const revoked = await this.tx.run(async (em) => {
      await this.lockProcess(em, processId, viewer, 'member.manage');
      const m = await em.findOne(MembershipEntity, { where: { processId, participantId } });
      if (!m) throw Errors.notFound(PARTICIPANT);
      if (m.role === 'ORGANIZER') await this.assertAnotherOrganizer(em, processId, participantId);
      await em.delete(MembershipEntity, { id: m.id });
      await em.query(
        `INSERT INTO membership_removal (process_id, participant_id, removed_by_id) VALUES ($1, $2, $3)
         ON CONFLICT (process_id, participant_id) DO UPDATE SET removed_by_id = EXCLUDED.removed_by_id, removed_at = now()`,
        [processId, participantId, viewer.participantId],
      );
      const guest = await em.existsBy(ParticipantEntity, { id: participantId, kind: 'GUEST', guestProcessId: processId });
      const sessions = guest ? await this.sessions.revokeAll(participantId, 'MEMBER_REMOVED', em) : [];
      await this.audit.record(em, {
        processId,
        actorId: viewer.participantId,
        action: 'member.remove',
        targetType: 'membership',
        targetId: m.id,
        data: { participantId, role: m.role, sector: m.sector, sessionsEnded: sessions.length },
      });
      return sessions;
    });
    await Promise.all([this.sessions.invalidate(revoked), this.invalidation.publish(INVALIDATE.membership, [participantId])]);
    return true;
  }

  members(processId: string, first: number, offset: number): Promise<MembershipEntity[]> {
    return this.dataSource.manager.find(MembershipEntity, { where: { processId }, order: { createdAt: 'ASC' }, take: first, skip: offset });
  }

  private async assertAnotherOrganizer(em: EntityManager, processId: string, participantId: string): Promise<void> {
    const organizers = await em.count(MembershipEntity, { where: { processId, role: 'ORGANIZER' } });
    if (organizers <= 1) {
      throw conflict('LAST_ORGANIZER', '主催者が一人もいなくなるため、この変更はできません。', 'A process must keep at least one organiser.', { participantId });
    }
  }

  /** Checks the right and locks the process row so concurrent edits of its pillars/members serialise. */
  private async lockProcess(em: EntityManager, processId: string, viewer: Viewer, action: 'process.update' | 'member.manage' = 'process.update'): Promise<void> {
    await this.access.require(viewer, processId, action, em);
    await em.createQueryBuilder(ProcessEntity, 'p').setLock('pessimistic_write').where('p.id = :id', { id: processId }).getOneOrFail();
  }
}
