import { Module } from '@nestjs/common';
import { AuthorLoader } from './author.loader';
import { ProposalQueryService } from './proposal-query.service';
import { PillarProposalsResolver, ProcessProposalsResolver, ProposalResolver } from './proposal.resolver';
import { ProposalService } from './proposal.service';

@Module({
  providers: [ProposalService, ProposalQueryService, AuthorLoader, ProposalResolver, ProcessProposalsResolver, PillarProposalsResolver],
  exports: [ProposalService, ProposalQueryService, AuthorLoader],
})
export class ProposalModule {}
