import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can, canTransition, contentHash, isEditable, STATUS_LABELS, type ProposalStatus } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Access } from '../../common/auth/access.service';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, forbidden } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { PillarEntity } from '../process/pillar.entity';
import type { AmendProposalInput, CreateProposalInput } from './dto/proposal.input';
import { clientRequestReused, normalizeKpis, normalizeTitle } from './proposal-content';
import { ProposalQueryService } from './proposal-query.service';
import { ProposalVersionEntity } from './proposal-version.entity';
import { ProposalEntity } from './proposal.entity';
import { isUniqueViolation } from './proposal.mapper';

/** Statuses that only openVoting/closeVoting may set: a vote must end in a consensus record. */
const VOTING_ONLY: ReadonlyArray<ProposalStatus> = ['VOTING', 'ADOPTED', 'REJECTED'];

/** Writes of proposals: create (idempotent), amend (versioned), status changes along the lifecycle. */
@Injectable()
export class ProposalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly query: ProposalQueryService,
  ) {}

  /** OPEN unless draft; version 1 is kept in proposal_version. A retry with the same clientRequestId returns the stored proposal. */
  async create(viewer: Viewer, input: CreateProposalInput): Promise<ProposalEntity> {
    const title = normalizeTitle(input.title);
    const kpis = normalizeKpis(input.kpis);
    const requestId = input.clientRequestId ?? null;
    try {
      return await this.tx.run(async (em, emit) => {
        await this.access.require(viewer, input.processId, 'proposal.create', em);
        if (requestId) {
          const stored = await this.stored(em, viewer, requestId, input.processId);
          if (stored) return stored;
        }
        const pillar = await em.findOne(PillarEntity, { where: { id: input.pillarId } });
        // An unknown pillar and one of another process get the same answer: nothing about other processes leaks.
        if (!pillar || pillar.processId !== input.processId) {
          throw badInput('PILLAR_NOT_IN_PROCESS', '指定された柱はこの協議プロセスにありません。', 'The pillar does not belong to this process.');
        }
        const content = { title, body: input.body, kpis };
        const proposal = await em.save(
          em.create(ProposalEntity, {
            processId: input.processId,
            pillarId: pillar.id,
            authorId: viewer.participantId,
            ...content,
            status: input.draft ? 'DRAFT' : 'OPEN',
            version: 1,
            clientRequestId: requestId,
          }),
        );
        const hash = contentHash(content);
        await em.insert(ProposalVersionEntity, { proposalId: proposal.id, version: 1, ...content, contentHash: hash, authorId: viewer.participantId, note: null });
        await this.audit.record(em, {
          processId: proposal.processId,
          actorId: viewer.participantId,
          action: 'proposal.create',
          targetType: 'proposal',
          targetId: proposal.id,
          data: { pillarId: pillar.id, status: proposal.status, version: 1, contentHash: hash },
        });
        emit({ type: 'proposal.created', processId: proposal.processId, proposalId: proposal.id });
        return proposal;
      });
    } catch (e) {
      // Two concurrent retries both passed the lookup; the unique index let one in. Return that one.
      if (requestId && isUniqueViolation(e, 'uq_proposal_client_request')) {
        const stored = await this.stored(this.dataSource.manager, viewer, requestId, input.processId);
        if (stored) return stored;
      }
      throw e;
    }
  }

  /**
   * A DRAFT is edited in place (same version, new hash); after OPEN every amendment is a new
   * version, and the earlier ones stay in proposal_version for the diff and the record.
   */
  async amend(viewer: Viewer, input: AmendProposalInput): Promise<ProposalEntity> {
    const title = input.title == null ? null : normalizeTitle(input.title);
    const kpis = input.kpis == null ? null : normalizeKpis(input.kpis);
    return this.tx.run(async (em, emit) => {
      const { proposal: p, access } = await this.query.requireVisible(viewer, input.proposalId, em, 'pessimistic_write');
      this.assertMayEdit(p, access);
      const status = p.status as ProposalStatus;
      if (!isEditable(status)) {
        throw conflict(
          'PROPOSAL_NOT_EDITABLE',
          `「${STATUS_LABELS[status].ja}」の提案は修正できません（修正できるのは下書きと議論中の提案です）。`,
          `A proposal in status "${STATUS_LABELS[status].en}" cannot be amended (only drafts and open proposals can).`,
          { status },
        );
      }
      const before = { title: p.title, body: p.body, kpis: p.kpis };
      const after = { title: title ?? p.title, body: input.body ?? p.body, kpis: kpis ?? p.kpis };
      const beforeHash = contentHash(before);
      const hash = contentHash(after);
      if (hash === beforeHash) throw badInput('NO_CHANGES', '修正内容が現在の版と同じです。', 'The amendment does not change anything.');
      const note = input.note?.trim() || null;
      const fromVersion = p.version;
      if (status === 'DRAFT') {
        await em.update(ProposalVersionEntity, { proposalId: p.id, version: p.version }, { ...after, contentHash: hash, authorId: viewer.participantId, note });
      } else {
        p.version += 1;
        await em.insert(ProposalVersionEntity, { proposalId: p.id, version: p.version, ...after, contentHash: hash, authorId: viewer.participantId, note });
      }
      Object.assign(p, after);
      const saved = await em.save(p);
      await this.audit.record(em, {
        processId: p.processId,
        actorId: viewer.participantId,
        action: 'proposal.amend',
        targetType: 'proposal',
        targetId: p.id,
        data: { fromVersion, toVersion: p.version, inPlace: status === 'DRAFT', beforeHash, contentHash: hash },
      });
      emit({ type: 'proposal.updated', processId: p.processId, proposalId: p.id });
      return saved;
    });
  }

  /**
   * Moves a proposal along the lifecycle (libs/domain canTransition). Facilitators and organisers
   * may make any allowed move except those reserved to voting; an author may publish their own
   * draft and withdraw their own proposal.
   */
  async setStatus(viewer: Viewer, proposalId: string, to: ProposalStatus): Promise<ProposalEntity> {
    return this.tx.run(async (em, emit) => {
      const { proposal: p, access } = await this.query.requireVisible(viewer, proposalId, em, 'pessimistic_write');
      const from = p.status as ProposalStatus;
      const isAuthor = p.authorId === viewer.participantId && can(access.role, 'proposal.create');
      const authorMove = isAuthor && (to === 'WITHDRAWN' || (from === 'DRAFT' && to === 'OPEN'));
      if (!can(access.role, 'proposal.setStatus') && !authorMove) {
        throw forbidden('ROLE_NOT_ALLOWED', 'この提案の状態を変更する権限がありません。', 'You may not change the status of this proposal.', { action: 'proposal.setStatus', role: access.role });
      }
      if (VOTING_ONLY.includes(to)) {
        throw conflict(
          'USE_VOTING_ROUND',
          `「${STATUS_LABELS[to].ja}」には採決（openVoting / closeVoting）でのみ移れます。`,
          `A proposal becomes ${to} only through a voting round (openVoting / closeVoting).`,
          { from, to },
        );
      }
      if (!canTransition(from, to)) {
        throw conflict(
          'INVALID_TRANSITION',
          `提案の状態を「${STATUS_LABELS[from].ja}」(${from}) から「${STATUS_LABELS[to].ja}」(${to}) には変更できません。`,
          `A proposal cannot move from ${from} to ${to}.`,
          { from, to },
        );
      }
      p.status = to;
      const saved = await em.save(p);
      await this.audit.record(em, { processId: p.processId, actorId: viewer.participantId, action: 'proposal.setStatus', targetType: 'proposal', targetId: p.id, data: { from, to } });
      emit({ type: 'proposal.updated', processId: p.processId, proposalId: p.id });
      return saved;
    });
  }

  private assertMayEdit(p: ProposalEntity, access: Access): void {
    const own = p.authorId === access.viewer.participantId && can(access.role, 'proposal.create');
    if (!own && !can(access.role, 'proposal.amendAny')) {
      throw forbidden('NOT_PROPOSAL_AUTHOR', '提案を修正できるのは提案者と事務局・進行役だけです。', 'Only the author, the secretariat or a facilitator may amend this proposal.');
    }
  }

  /** The proposal an earlier attempt with this clientRequestId created, if any. */
  private async stored(em: EntityManager, viewer: Viewer, clientRequestId: string, processId: string): Promise<ProposalEntity | null> {
    const p = await em.findOne(ProposalEntity, { where: { authorId: viewer.participantId, clientRequestId } });
    if (p && p.processId !== processId) throw clientRequestReused();
    return p;
  }
}
