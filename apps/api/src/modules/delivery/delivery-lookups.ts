import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/auth/viewer';
import type { ProposalProvenance } from '../proposal/proposal.entity';

export interface ProposalDelivery {
  revisesRecordId: string | null;
  provenance: ProposalProvenance | null;
}

interface ProcessDelivery {
  progressPublic: boolean;
  region: string | null;
}

interface Loaders {
  proposals: DataLoader<string, ProposalDelivery>;
  processes: DataLoader<string, ProcessDelivery>;
}

/** Request-scoped batches of the delivery columns (as AuthorLoader): a list of proposals costs one query, not one per row. */
@Injectable()
export class DeliveryLookups {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  proposalDelivery(ctx: RequestContext, id: string): Promise<ProposalDelivery> {
    return this.loaders(ctx).proposals.load(id);
  }

  processDelivery(ctx: RequestContext, id: string): Promise<ProcessDelivery> {
    return this.loaders(ctx).processes.load(id);
  }

  private loaders(ctx: RequestContext): Loaders {
    let l = this.perRequest.get(ctx);
    if (!l) {
      l = {
        proposals: new DataLoader(async (ids) => {
          const rows = await this.dataSource.query<Array<ProposalDelivery & { id: string }>>('SELECT id, revises_record_id AS "revisesRecordId", provenance FROM proposal WHERE id = ANY($1)', [ids]);
          const byId = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? { revisesRecordId: null, provenance: null });
        }),
        processes: new DataLoader(async (ids) => {
          const rows = await this.dataSource.query<Array<ProcessDelivery & { id: string }>>('SELECT id, progress_public AS "progressPublic", region FROM process WHERE id = ANY($1)', [ids]);
          const byId = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? { progressPublic: false, region: null });
        }),
      };
      this.perRequest.set(ctx, l);
    }
    return l;
  }
}
