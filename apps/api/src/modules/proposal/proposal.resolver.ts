import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Sector } from '@yoriai/domain';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { SectorEnum } from '../../common/graphql/enums';
import { PageArgs } from '../../common/graphql/paging';
import { ParticipantModel } from '../participant/participant.model';
import { PillarModel, ProcessModel } from '../process/process.model';
import { AuthorLoader } from './author.loader';
import { AmendProposalInput, CreateProposalInput, ProposalListArgs, SetProposalStatusArgs } from './dto/proposal.input';
import { ProposalQueryService } from './proposal-query.service';
import { toProposalModel, toVersionModel } from './proposal.mapper';
import { ProposalModel, ProposalVersionModel, VersionDiffModel } from './proposal.model';
import { ProposalService } from './proposal.service';

const pageComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => (args.first ?? 50) * childComplexity;

@Resolver(() => ProposalModel)
export class ProposalResolver {
  constructor(
    private readonly service: ProposalService,
    private readonly query: ProposalQueryService,
    private readonly authors: AuthorLoader,
  ) {}

  @Query(() => ProposalModel, { nullable: true, description: 'A proposal of a process the viewer belongs to (drafts: author and secretariat only)' })
  async proposal(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<ProposalModel> {
    return toProposalModel(await this.query.get(requireViewer(ctx), id));
  }

  @Mutation(() => ProposalModel, { description: 'Creates a proposal (OPEN unless draft: true) and its version 1; idempotent per clientRequestId' })
  async createProposal(@Args('input') input: CreateProposalInput, @Ctx() ctx: RequestContext): Promise<ProposalModel> {
    return toProposalModel(await this.service.create(requireViewer(ctx), input));
  }

  @Mutation(() => ProposalModel, { description: 'Edits a draft in place, or adds a new version to an open proposal' })
  async amendProposal(@Args('input') input: AmendProposalInput, @Ctx() ctx: RequestContext): Promise<ProposalModel> {
    return toProposalModel(await this.service.amend(requireViewer(ctx), input));
  }

  @Mutation(() => ProposalModel, { description: 'Moves a proposal along its lifecycle (VOTING/ADOPTED/REJECTED only through voting rounds)' })
  async setProposalStatus(@Args() args: SetProposalStatusArgs, @Ctx() ctx: RequestContext): Promise<ProposalModel> {
    return toProposalModel(await this.service.setStatus(requireViewer(ctx), args.proposalId, args.status));
  }

  @ResolveField(() => ParticipantModel, { description: 'The author (name and organisation only)' })
  async author(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<ParticipantModel> {
    const a = await this.authors.inProcess(ctx, p.processId, p.authorId);
    if (!a) throw new Error(`proposal ${p.id} has no author`);
    return a.author;
  }

  @ResolveField(() => SectorEnum, { nullable: true, description: "The author's sector in the process (null if they have left it)" })
  async authorSector(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<Sector | null> {
    return ((await this.authors.inProcess(ctx, p.processId, p.authorId))?.sector as Sector | undefined) ?? null;
  }

  @ResolveField(() => [ProposalVersionModel], { description: 'Every kept version, oldest first', complexity: pageComplexity })
  async versions(@Parent() p: ProposalModel, @Args() page: PageArgs): Promise<ProposalVersionModel[]> {
    return (await this.query.versions(p.id, page.first, page.offset)).map(toVersionModel);
  }

  @ResolveField(() => VersionDiffModel, { description: 'What changed from one version to another', complexity: 10 })
  diff(
    @Parent() p: ProposalModel,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<VersionDiffModel> {
    return this.query.diff(p.id, from, to);
  }
}

/** Process.proposals: declared here so the process module does not depend on proposals. */
@Resolver(() => ProcessModel)
export class ProcessProposalsResolver {
  constructor(private readonly query: ProposalQueryService) {}

  @ResolveField(() => [ProposalModel], { description: 'Proposals of the process, newest first', complexity: pageComplexity })
  async proposals(@Parent() p: ProcessModel, @Args() args: ProposalListArgs, @Ctx() ctx: RequestContext): Promise<ProposalModel[]> {
    return (await this.query.list(ctx.viewer, p.id, args)).map(toProposalModel);
  }
}

@Resolver(() => PillarModel)
export class PillarProposalsResolver {
  constructor(private readonly query: ProposalQueryService) {}

  @ResolveField(() => Int, { description: 'Published (non-draft) proposals of the pillar' })
  proposalCount(@Parent() p: PillarModel, @Ctx() ctx: RequestContext): Promise<number> {
    return this.query.publishedCount(ctx, p.id);
  }
}
