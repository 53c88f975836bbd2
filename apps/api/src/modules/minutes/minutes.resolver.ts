import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { MinutesStatus } from '@yoriai/domain';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { toAgendaItemModel } from '../meeting/meeting.mapper';
import { AgendaItemModel, MeetingModel } from '../meeting/meeting.model';
import { MeetingIdArgs, UpdateAgendaItemSummaryArgs, UpdateMinutesSummaryArgs } from './dto/minutes.input';
import type { MinutesEntity } from './minutes.entity';
import { MinutesModel } from './minutes.model';
import { MinutesService } from './minutes.service';

export const toMinutesModel = (m: MinutesEntity): MinutesModel => ({
  id: m.id,
  meetingId: m.meetingId,
  status: m.status as MinutesStatus,
  summary: m.summary,
  contentHash: m.contentHash,
  finalizedAt: m.finalizedAt,
  finalizedById: m.finalizedById,
  updatedAt: m.updatedAt,
});

@Resolver(() => MinutesModel)
export class MinutesResolver {
  constructor(private readonly minutes: MinutesService) {}

  @Mutation(() => MinutesModel, { description: "Sets the secretariat's summary of a meeting (minutes.edit; only while the minutes are DRAFT)" })
  async updateMinutesSummary(@Args() args: UpdateMinutesSummaryArgs, @Ctx() ctx: RequestContext): Promise<MinutesModel> {
    return toMinutesModel(await this.minutes.updateSummary(requireViewer(ctx), args.meetingId, args.summary));
  }

  @Mutation(() => AgendaItemModel, { description: 'Sets the summary of the discussion of one agenda item (minutes.edit; only while the minutes are DRAFT)' })
  async updateAgendaItemSummary(@Args() args: UpdateAgendaItemSummaryArgs, @Ctx() ctx: RequestContext): Promise<AgendaItemModel> {
    return toAgendaItemModel(await this.minutes.updateAgendaItemSummary(requireViewer(ctx), args.itemId, args.summary));
  }

  @Mutation(() => MinutesModel, {
    description: 'Freezes the minutes of an ENDED meeting: the document is stored with its content hash; later edits are CONFLICT MINUTES_FINAL (minutes.edit)',
  })
  async finalizeMinutes(@Args() args: MeetingIdArgs, @Ctx() ctx: RequestContext): Promise<MinutesModel> {
    return toMinutesModel(await this.minutes.finalize(requireViewer(ctx), args.meetingId));
  }
}

/** Meeting.minutes: declared here so the meeting module does not depend on minutes. */
@Resolver(() => MeetingModel)
export class MeetingMinutesResolver {
  constructor(private readonly service: MinutesService) {}

  @ResolveField(() => MinutesModel, { nullable: true, description: 'The minutes (議事録); null until the meeting ends or the secretariat starts a summary' })
  async minutes(@Parent() meeting: MeetingModel, @Ctx() ctx: RequestContext): Promise<MinutesModel | null> {
    const row = await this.service.forMeeting(ctx, meeting.id);
    return row ? toMinutesModel(row) : null;
  }
}

/** AgendaItem.summary (議事概要 of the item), kept with the minutes it belongs to. */
@Resolver(() => AgendaItemModel)
export class AgendaItemSummaryResolver {
  constructor(private readonly minutes: MinutesService) {}

  @ResolveField(() => String, { description: "The secretariat's summary of the discussion of this item (empty until written)" })
  async summary(@Parent() item: AgendaItemModel, @Ctx() ctx: RequestContext): Promise<string> {
    return this.minutes.agendaItemSummary(ctx, item.id);
  }
}
