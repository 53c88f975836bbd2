import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { MeetingStatus } from '@yoriai/domain';
import { AccessService } from '../../common/auth/access.service';
import { Ctx } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { PageArgs } from '../../common/graphql/paging';
import { MeetingStatusEnum } from '../../common/graphql/enums';
import { PillarModel, ProcessModel } from '../process/process.model';
import { toPillarModel } from '../process/process.resolver';
import { ProposalModel } from '../proposal/proposal.model';
import { toProposalModel } from '../proposal/proposal.mapper';
import { AgendaLoader } from './agenda.loader';
import { toMeetingModel } from './meeting.mapper';
import { AgendaItemModel, MeetingModel } from './meeting.model';
import { MeetingService } from './meeting.service';

@Resolver(() => AgendaItemModel)
export class AgendaItemResolver {
  constructor(private readonly loader: AgendaLoader) {}

  @ResolveField(() => PillarModel, { nullable: true })
  async pillar(@Parent() item: AgendaItemModel, @Ctx() ctx: RequestContext): Promise<PillarModel | null> {
    const pillar = item.pillarId ? await this.loader.pillars(ctx).load(item.pillarId) : null;
    return pillar ? toPillarModel(pillar) : null;
  }

  @ResolveField(() => [ProposalModel], { description: 'The proposals of the item the viewer may see, in agenda order' })
  async proposals(@Parent() item: AgendaItemModel, @Ctx() ctx: RequestContext): Promise<ProposalModel[]> {
    return (await this.loader.visibleProposals(ctx, item.proposalIds)).map(toProposalModel);
  }
}

/** Process.meetings: declared here so the process module does not depend on meetings. */
@Resolver(() => ProcessModel)
export class ProcessMeetingsResolver {
  constructor(
    private readonly service: MeetingService,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => [MeetingModel], {
    description: 'Meetings of the process: live first, then by start time, newest first',
    complexity: ({ args, childComplexity }) => (args.first ?? 50) * childComplexity,
  })
  async meetings(
    @Parent() p: ProcessModel,
    @Args() page: PageArgs,
    @Args('status', { type: () => MeetingStatusEnum, nullable: true }) status: MeetingStatus | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingModel[]> {
    if (!(await this.access.allowed(ctx.viewer, p.id, 'process.read'))) return [];
    return (await this.service.listForProcess(p.id, page.first, page.offset, status ?? null)).map(toMeetingModel);
  }
}
