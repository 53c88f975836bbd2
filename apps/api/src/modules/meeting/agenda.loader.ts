import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { RequestContext } from '../../common/auth/viewer';
import { MembershipEntity } from '../process/membership.entity';
import { PillarEntity } from '../process/pillar.entity';
import { ProposalEntity } from '../proposal/proposal.entity';
import { maySeeProposal } from '../proposal/proposal-query.service';

interface Loaders {
  pillars: DataLoader<string, PillarEntity | null>;
  proposals: DataLoader<string, ProposalEntity | null>;
  memberships: Map<string, Promise<MembershipEntity | null>>;
}

/** Per-request batching of an agenda's pillars and proposals (one query each, however many items). */
@Injectable()
export class AgendaLoader {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  pillars(ctx: RequestContext): Loaders['pillars'] {
    return this.loaders(ctx).pillars;
  }

  /** The proposals in the given order, leaving out drafts the viewer may not see. */
  async visibleProposals(ctx: RequestContext, ids: ReadonlyArray<string>): Promise<ProposalEntity[]> {
    if (!ids.length) return [];
    const l = this.loaders(ctx);
    const proposals = (await l.proposals.loadMany([...ids])).filter((p): p is ProposalEntity => !!p && !(p instanceof Error));
    const visible: ProposalEntity[] = [];
    for (const p of proposals) {
      let membership = l.memberships.get(p.processId);
      if (!membership) {
        membership = this.access.membership(ctx.viewer, p.processId);
        l.memberships.set(p.processId, membership);
      }
      const m = await membership;
      if (m && maySeeProposal(p, m)) visible.push(p);
    }
    return visible;
  }

  private loaders(ctx: RequestContext): Loaders {
    let l = this.perRequest.get(ctx);
    if (!l) {
      const em = this.dataSource.manager;
      l = {
        pillars: new DataLoader(async (ids) => {
          const rows = await em.find(PillarEntity, { where: { id: In([...ids]) } });
          return ids.map((id) => rows.find((r) => r.id === id) ?? null);
        }),
        proposals: new DataLoader(async (ids) => {
          const rows = await em.find(ProposalEntity, { where: { id: In([...ids]) } });
          return ids.map((id) => rows.find((r) => r.id === id) ?? null);
        }),
        memberships: new Map(),
      };
      this.perRequest.set(ctx, l);
    }
    return l;
  }
}
