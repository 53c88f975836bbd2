import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can, diffVersions, type Role } from '@yoriai/domain';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { Access, AccessService } from '../../common/auth/access.service';
import type { RequestContext, Viewer } from '../../common/auth/viewer';
import { badInput, Errors } from '../../common/errors/domain-error';
import { MembershipEntity } from '../process/membership.entity';
import type { ProposalListArgs } from './dto/proposal.input';
import { ProposalVersionEntity } from './proposal-version.entity';
import { ProposalEntity } from './proposal.entity';
import type { VersionDiffModel } from './proposal.model';

export const PROPOSAL = { ja: '提案', en: 'The proposal' };

/**
 * A DRAFT is visible only to its author and to roles that may amend any proposal (organiser,
 * facilitator, secretariat); to everyone else it does not exist (NOT_FOUND), like a non-member's process.
 */
export function maySeeProposal(p: Pick<ProposalEntity, 'status' | 'authorId'>, membership: Pick<MembershipEntity, 'role' | 'participantId'>): boolean {
  return p.status !== 'DRAFT' || p.authorId === membership.participantId || can(membership.role as Role, 'proposal.amendAny');
}

/** Reads of proposals: access-checked lookups, lists, versions and diffs. */
@Injectable()
export class ProposalQueryService {
  private readonly pillarCounts = new WeakMap<object, DataLoader<string, number>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** requireVisible's answer for a read: the proposal and the viewer's membership in one query. */
  async get(viewer: Viewer, id: string): Promise<ProposalEntity> {
    if (!isUUID(id)) throw Errors.notFound(PROPOSAL);
    const proposal = await this.dataSource.manager
      .createQueryBuilder(ProposalEntity, 'p')
      .leftJoinAndMapOne('p.viewerMembership', MembershipEntity, 'm', 'm.process_id = p.process_id AND m.participant_id = :me', { me: viewer.participantId })
      .where('p.id = :id', { id })
      .getOne();
    if (!proposal) throw Errors.notFound(PROPOSAL);
    const { viewerMembership, ...row } = proposal as ProposalEntity & { viewerMembership?: MembershipEntity };
    const access = await this.access.requireWith(viewer, proposal.processId, 'process.read', viewerMembership ?? null);
    if (!maySeeProposal(proposal, access.membership)) throw Errors.notFound(PROPOSAL);
    return row as ProposalEntity;
  }

  /**
   * The proposal with the viewer's access to its process ('process.read'). Unknown ids, other
   * processes and drafts the viewer may not see are all NOT_FOUND. Inside a transaction, `lock`
   * takes a row lock: 'pessimistic_write' so that amendments, status changes and voting on one
   * proposal serialise; 'pessimistic_read' (FOR SHARE) so that comments do not wait for each other
   * but never slip in while the status is changing.
   */
  async requireVisible(
    viewer: Viewer,
    id: string,
    em: EntityManager = this.dataSource.manager,
    lock?: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<{ proposal: ProposalEntity; access: Access }> {
    if (!isUUID(id)) throw Errors.notFound(PROPOSAL);
    const qb = em.createQueryBuilder(ProposalEntity, 'p').where('p.id = :id', { id });
    if (lock) qb.setLock(lock);
    const proposal = await qb.getOne();
    if (!proposal) throw Errors.notFound(PROPOSAL);
    const access = await this.access.require(viewer, proposal.processId, 'process.read', em);
    if (!maySeeProposal(proposal, access.membership)) throw Errors.notFound(PROPOSAL);
    return { proposal, access };
  }

  /** Proposals of a process, newest first; drafts only for their author and amendAny roles. */
  async list(viewer: Viewer | null, processId: string, args: ProposalListArgs): Promise<ProposalEntity[]> {
    const membership = await this.access.membership(viewer, processId);
    if (!membership) return [];
    const qb = this.dataSource.manager.createQueryBuilder(ProposalEntity, 'p').where('p.process_id = :processId', { processId });
    if (args.pillarId) qb.andWhere('p.pillar_id = :pillarId', { pillarId: args.pillarId });
    if (args.status) qb.andWhere('p.status = :status', { status: args.status });
    if (!can(membership.role as Role, 'proposal.amendAny')) {
      qb.andWhere("(p.status <> 'DRAFT' OR p.author_id = :me)", { me: membership.participantId });
    }
    return qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(args.first).skip(args.offset).getMany();
  }

  /** Published (non-draft) proposals per pillar, batched over the pillars of one response. */
  publishedCount(ctx: RequestContext, pillarId: string): Promise<number> {
    let loader = this.pillarCounts.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.dataSource.manager
          .createQueryBuilder(ProposalEntity, 'p')
          .select('p.pillar_id', 'pillarId')
          .addSelect('COUNT(*)::int', 'n')
          .where('p.pillar_id IN (:...ids)', { ids: [...ids] })
          .andWhere("p.status <> 'DRAFT'")
          .groupBy('p.pillar_id')
          .getRawMany<{ pillarId: string; n: number }>();
        const byId = new Map(rows.map((r) => [r.pillarId, r.n]));
        return ids.map((id) => byId.get(id) ?? 0);
      });
      this.pillarCounts.set(ctx, loader);
    }
    return loader.load(pillarId);
  }

  versions(proposalId: string, first: number, offset: number): Promise<ProposalVersionEntity[]> {
    return this.dataSource.manager.find(ProposalVersionEntity, { where: { proposalId }, order: { version: 'ASC' }, take: first, skip: offset });
  }

  async diff(proposalId: string, from: number, to: number): Promise<VersionDiffModel> {
    const rows = await this.dataSource.manager.find(ProposalVersionEntity, { where: [{ proposalId, version: from }, { proposalId, version: to }] });
    const a = rows.find((v) => v.version === from);
    const b = rows.find((v) => v.version === to);
    if (!a || !b) {
      const missing = !a ? from : to;
      throw badInput('VERSION_NOT_FOUND', `版 ${missing} はこの提案にありません。`, `This proposal has no version ${missing}.`, { version: missing });
    }
    return { from, to, ...diffVersions(a, b) };
  }
}
