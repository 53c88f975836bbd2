import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PILLARS } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
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

  /** Adds a member, or changes the role/sector of an existing one (one sector per process). */
  async addMember(viewer: Viewer, input: AddMemberInput): Promise<MembershipEntity> {
    if (!input.email === !input.participantId) {
      throw badInput('MEMBER_TARGET_REQUIRED', 'email か participantId のどちらか一方を指定してください。', 'Give either email or participantId.');
    }
    return this.tx.run(async (em) => {
      await this.lockProcess(em, input.processId, viewer, 'member.manage');
      const target = input.email
        ? await em.findOne(ParticipantEntity, { where: { emailLower: input.email.trim().toLowerCase() } })
        : await em.findOne(ParticipantEntity, { where: { id: input.participantId as string } });
      if (!target) throw Errors.notFound(PARTICIPANT);
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
  }

  async removeMember(viewer: Viewer, processId: string, participantId: string): Promise<boolean> {
    return this.tx.run(async (em) => {
      await this.lockProcess(em, processId, viewer, 'member.manage');
      const m = await em.findOne(MembershipEntity, { where: { processId, participantId } });
      if (!m) throw Errors.notFound(PARTICIPANT);
      if (m.role === 'ORGANIZER') await this.assertAnotherOrganizer(em, processId, participantId);
      await em.delete(MembershipEntity, { id: m.id });
      await this.audit.record(em, { processId, actorId: viewer.participantId, action: 'member.remove', targetType: 'membership', targetId: m.id, data: { participantId, role: m.role, sector: m.sector } });
      return true;
    });
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
