import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { RequestContext } from '../../common/auth/viewer';
import { CommentEntity } from './comment.entity';

/** All comments of one proposal, grouped by parent ('' = top level), each group oldest first. */
export interface Thread {
  children: ReadonlyMap<string, ReadonlyArray<CommentEntity>>;
  size: number;
}

interface Loaders {
  threads: DataLoader<string, Thread>;
  counts: DataLoader<string, number>;
  moderator: Map<string, Promise<boolean>>;
}

export const TOP_LEVEL = '';

/**
 * Request-scoped reads for comment threads. A proposal's comments are read in one query and the
 * tree is built in memory, so a page of 200 comments with their replies costs one query (plus
 * one IN query for author names), never one per comment. Nothing outlives the request.
 */
@Injectable()
export class CommentThreadLoader {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  thread(ctx: RequestContext, proposalId: string): Promise<Thread> {
    return this.loaders(ctx).threads.load(proposalId);
  }

  /** Number of comments of a proposal (hidden ones included: they keep their place). */
  count(ctx: RequestContext, proposalId: string): Promise<number> {
    return this.loaders(ctx).counts.load(proposalId);
  }

  /** Whether the viewer may hide comments in the process, and so read hidden bodies. */
  mayModerate(ctx: RequestContext, processId: string): Promise<boolean> {
    const cache = this.loaders(ctx).moderator;
    let answer = cache.get(processId);
    if (!answer) {
      answer = this.access.allowed(ctx.viewer, processId, 'comment.hide');
      cache.set(processId, answer);
    }
    return answer;
  }

  private loaders(ctx: RequestContext): Loaders {
    let l = this.perRequest.get(ctx);
    if (!l) {
      l = {
        threads: new DataLoader(async (ids) => {
          const rows = await this.dataSource.manager.find(CommentEntity, { where: { proposalId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
          const byProposal = new Map<string, Map<string, CommentEntity[]>>(ids.map((id) => [id, new Map()]));
          const sizes = new Map<string, number>();
          for (const c of rows) {
            const groups = byProposal.get(c.proposalId) as Map<string, CommentEntity[]>;
            const key = c.parentId ?? TOP_LEVEL;
            const group = groups.get(key);
            if (group) group.push(c);
            else groups.set(key, [c]);
            sizes.set(c.proposalId, (sizes.get(c.proposalId) ?? 0) + 1);
          }
          return ids.map((id) => ({ children: byProposal.get(id) as Map<string, CommentEntity[]>, size: sizes.get(id) ?? 0 }));
        }),
        counts: new DataLoader(async (ids) => {
          const rows = await this.dataSource.manager
            .createQueryBuilder(CommentEntity, 'c')
            .select('c.proposal_id', 'proposalId')
            .addSelect('COUNT(*)::int', 'n')
            .where('c.proposal_id IN (:...ids)', { ids: [...ids] })
            .groupBy('c.proposal_id')
            .getRawMany<{ proposalId: string; n: number }>();
          const byId = new Map(rows.map((r) => [r.proposalId, r.n]));
          return ids.map((id) => byId.get(id) ?? 0);
        }),
        moderator: new Map(),
      };
      this.perRequest.set(ctx, l);
    }
    return l;
  }
}
