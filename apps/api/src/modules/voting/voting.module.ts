import { Module } from '@nestjs/common';
import { ProposalModule } from '../proposal/proposal.module';
import { RecordModule } from '../record/record.module';
import { TallyService } from './tally.service';
import { VoteBatchWriter } from './vote-batch.writer';
import { VoteService } from './vote.service';
import { VotingLoader } from './voting.loader';
import { VotingQueryService } from './voting-query.service';
import { ProposalVotingResolver, VoteResolver, VotingResolver } from './voting.resolver';
import { VotingService } from './voting.service';

/** Voting rounds and votes; closing a round appends a consensus record (RecordModule). TallyService is exported for the realtime engine. */
@Module({
  imports: [ProposalModule, RecordModule],
  providers: [TallyService, VoteBatchWriter, VoteService, VotingService, VotingQueryService, VotingLoader, VotingResolver, VoteResolver, ProposalVotingResolver],
  exports: [TallyService],
})
export class VotingModule {}
