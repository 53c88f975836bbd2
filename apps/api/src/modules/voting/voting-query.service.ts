import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Ballot, Sector, VoteChoice } from '@yoriai/domain';
import { DataSource } from 'typeorm';
import { ROUND_COLUMNS, RoundRow, toRoundEntity } from './tally.service';
import type { VotingRoundEntity } from './voting-round.entity';
import type { VoteModel } from './voting.model';

interface VoteRow {
  id: string;
  round_id: string;
  participant_id: string;
  sector: Sector;
  choice: VoteChoice;
  reason: string | null;
  proxy: boolean;
  updated_at: Date;
}

/** Reads for the voting fields of a proposal the caller has already been allowed to see. */
@Injectable()
export class VotingQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every round of the proposal, newest first. */
  async rounds(processId: string, proposalId: string, first: number, offset: number): Promise<VotingRoundEntity[]> {
    const rows = await this.dataSource.manager.query<RoundRow[]>(
      `SELECT ${ROUND_COLUMNS} FROM voting_round WHERE process_id = $1 AND proposal_id = $2 ORDER BY opened_at DESC, id LIMIT $3 OFFSET $4`,
      [processId, proposalId, first, offset],
    );
    return rows.map(toRoundEntity);
  }

  /** The participant's current vote in the round, or null. */
  async voteOf(round: Pick<VotingRoundEntity, 'id' | 'proposalId' | 'ballot'>, participantId: string): Promise<VoteModel | null> {
    const [v] = await this.dataSource.manager.query<VoteRow[]>(
      'SELECT id, round_id, participant_id, sector, choice, reason, proxy, updated_at FROM vote WHERE round_id = $1 AND participant_id = $2',
      [round.id, participantId],
    );
    return v
      ? { id: v.id, proposalId: round.proposalId, roundId: v.round_id, choice: v.choice, reason: v.reason, sector: v.sector, proxy: v.proxy, updatedAt: v.updated_at, participantId: v.participant_id, ballot: round.ballot as Ballot }
      : null;
  }
}
