import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { RequestContext } from '../../common/auth/viewer';
import { ParticipantEntity } from '../participant/participant.entity';
import { ParticipantKind, ParticipantModel } from '../participant/participant.model';

/** An author as members of a process see them (toPublicAuthor), and their sector there (null if they left). */
export interface ProcessAuthor {
  author: ParticipantModel;
  sector: string | null;
}

interface Loaders {
  participant: DataLoader<string, ParticipantEntity | null>;
  inProcess: DataLoader<string, ProcessAuthor | null>;
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

  /** The participant as members of the process see them, with their sector there: one query with their membership. */
  inProcess(ctx: RequestContext, processId: string, participantId: string): Promise<ProcessAuthor | null> {
    return this.loaders(ctx).inProcess.load(`${processId}:${participantId}`);
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
        // The organisation is the one they represent in the process (membership), else their profile's.
        inProcess: new DataLoader(async (keys) => {
          const pairs = keys.map((k) => k.split(':') as [string, string]);
          const rows = await this.dataSource.query<Array<{ process_id: string; id: string; display_name: string; kind: string; locale: string; organization: string | null; sector: string | null }>>(
            `SELECT k.process_id, a.id, a.display_name, a.kind, a.locale, COALESCE(m.organization, a.organization) AS organization, m.sector
               FROM unnest($1::uuid[], $2::uuid[]) AS k(process_id, participant_id)
               JOIN participant a ON a.id = k.participant_id
               LEFT JOIN membership m ON m.process_id = k.process_id AND m.participant_id = k.participant_id`,
            [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
          );
          const byKey = new Map(
            rows.map((r): [string, ProcessAuthor] => [
              `${r.process_id}:${r.id}`,
              { author: { id: r.id, displayName: r.display_name, kind: r.kind as ParticipantKind, organization: r.organization, email: null, ageBand: null, gender: null, locale: r.locale }, sector: r.sector },
            ]),
          );
          return keys.map((k) => byKey.get(k) ?? null);
        }),
      };
      this.perRequest.set(ctx, l);
    }
    return l;
  }
}
