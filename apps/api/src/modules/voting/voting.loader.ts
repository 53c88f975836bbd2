import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Sector, type VoteChoice } from '@yoriai/domain';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/auth/viewer';
import { ROUND_COLUMNS, RoundRow, RoundTally, tallyFromCounts, toRoundEntity, toRoundTally } from './tally.service';
import type { VotingRoundEntity } from './voting-round.entity';

interface Loaders {
  latestRound: DataLoader<string, VotingRoundEntity | null>;
  tally: DataLoader<string, RoundTally['raw']>;
  /** Proposals whose current tally this request asks for: their rounds are read with their counts. */
  tallyAsked: Set<string>;
}

type CountRow = { sector: Sector; choice: VoteChoice; n: number };

/**
 * Request-scoped batching for the voting fields of proposal lists: a page of 50 proposals with
 * `currentRound`, `tally` and `bridgingScore` costs two queries (latest rounds, one GROUP BY over
 * their votes), not 150. Nothing is cached across requests, so every refetch counts afresh.
 */
@Injectable()
export class VotingLoader {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The proposal's open round, else its latest closed one. */
  latestRound(ctx: RequestContext, processId: string, proposalId: string): Promise<VotingRoundEntity | null> {
    return this.loaders(ctx).latestRound.load(`${processId}:${proposalId}`);
  }

  async roundTally(ctx: RequestContext, round: VotingRoundEntity): Promise<RoundTally> {
    return toRoundTally(round, await this.loaders(ctx).tally.load(round.id));
  }

  async currentTally(ctx: RequestContext, processId: string, proposalId: string): Promise<RoundTally | null> {
    this.loaders(ctx).tallyAsked.add(proposalId);
    const round = await this.latestRound(ctx, processId, proposalId);
    return round ? this.roundTally(ctx, round) : null;
  }

  private loaders(ctx: RequestContext): Loaders {
    let l = this.perRequest.get(ctx);
    if (!l) {
      l = {
        // A proposal page asks for currentRound, tally and bridgingScore together: the rounds whose
        // tally is asked for in the same frame (DataLoader batches a frame) come with their vote
        // counts, so the tally loader below is primed instead of sending a second query.
        latestRound: new DataLoader(async (keys) => {
          const pairs = keys.map((k) => k.split(':') as [string, string]);
          const tallies = (this.perRequest.get(ctx) as Loaders).tallyAsked;
          const rows = await this.dataSource.manager.query<Array<RoundRow & { counts: CountRow[] | null }>>(
            `SELECT r.*, c.counts FROM (
               SELECT DISTINCT ON (proposal_id) ${ROUND_COLUMNS} FROM voting_round
                WHERE process_id = ANY($1::uuid[]) AND proposal_id = ANY($2::uuid[])
                ORDER BY proposal_id, (status = 'OPEN') DESC, opened_at DESC) r
             LEFT JOIN LATERAL (
               SELECT json_agg(json_build_object('sector', v.sector, 'choice', v.choice, 'n', v.n)) AS counts
                 FROM (SELECT sector, choice, count(*)::int AS n FROM vote WHERE round_id = r.id AND r.proposal_id = ANY($3::uuid[]) GROUP BY sector, choice) v
             ) c ON true`,
            [[...new Set(pairs.map((p) => p[0]))], [...new Set(pairs.map((p) => p[1]))], pairs.map((p) => p[1]).filter((id) => tallies.has(id))],
          );
          const loaders = this.perRequest.get(ctx) as Loaders;
          for (const r of rows) if (tallies.has(r.proposal_id)) loaders.tally.prime(r.id, tallyFromCounts(r.counts ?? []));
          const byProposal = new Map(rows.map((r) => [r.proposal_id, toRoundEntity(r)]));
          return pairs.map(([, proposalId]) => byProposal.get(proposalId) ?? null);
        }),
        tally: new DataLoader(async (roundIds) => {
          const rows = await this.dataSource.manager.query<{ round_id: string; sector: Sector; choice: VoteChoice; n: number }[]>(
            'SELECT round_id, sector, choice, count(*)::int AS n FROM vote WHERE round_id = ANY($1::uuid[]) GROUP BY round_id, sector, choice',
            [[...roundIds]],
          );
          return roundIds.map((id) => tallyFromCounts(rows.filter((r) => r.round_id === id)));
        }),
        tallyAsked: new Set(),
      };
      this.perRequest.set(ctx, l);
    }
    return l;
  }
}
