import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { RequestContext } from '../../common/auth/viewer';
import { ParticipantEntity } from '../participant/participant.entity';
import { MembershipEntity } from '../process/membership.entity';

interface Loaders {
  participant: DataLoader<string, ParticipantEntity | null>;
  membership: DataLoader<string, MembershipEntity | null>;
}

/**
 * Request-scoped batching of author reads: a proposal page with 200 comments resolves every
 * author name and sector with one IN query each, not one query per comment. The loaders live
 * as long as the GraphQL context object (one per request), so nothing is cached across requests.
 */
@Injectable()
export class AuthorLoader {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  participant(ctx: RequestContext, id: string): Promise<ParticipantEntity | null> {
    return this.loaders(ctx).participant.load(id);
  }

  /** The participant's membership (role, sector, organisation) in the process, or null if they left. */
  membership(ctx: RequestContext, processId: string, participantId: string): Promise<MembershipEntity | null> {
    return this.loaders(ctx).membership.load(`${processId}:${participantId}`);
  }

  private loaders(ctx: RequestContext): Loaders {
    let l = this.perRequest.get(ctx);
    if (!l) {
      l = {
        participant: new DataLoader(async (ids) => {
          const rows = await this.dataSource.manager.find(ParticipantEntity, { where: { id: In([...ids]) } });
          const byId = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
        membership: new DataLoader(async (keys) => {
          const pairs = keys.map((k) => k.split(':') as [string, string]);
          const rows = await this.dataSource.manager.find(MembershipEntity, {
            where: { processId: In([...new Set(pairs.map((p) => p[0]))]), participantId: In([...new Set(pairs.map((p) => p[1]))]) },
          });
          const byKey = new Map(rows.map((r) => [`${r.processId}:${r.participantId}`, r]));
          return keys.map((k) => byKey.get(k) ?? null);
        }),
      };
      this.perRequest.set(ctx, l);
    }
    return l;
  }
}
