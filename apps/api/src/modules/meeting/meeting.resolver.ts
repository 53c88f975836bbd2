import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import { AccessService } from '../../common/auth/access.service';
import { DeviceService } from '../../common/auth/device.service';
import { TokenService } from '../../common/auth/token.service';
import type { RequestContext } from '../../common/auth/viewer';
import { PageArgs } from '../../common/graphql/paging';
import { AuthPayloadModel } from '../participant/participant.model';
import { toParticipantModel } from '../participant/participant.resolver';
import { AgendaService } from './agenda.service';
import {
  AddAgendaItemInput,
  CreateMeetingInput,
  GuestAdmissionArgs,
  JoinMeetingInput,
  ReorderAgendaInput,
  SetMeetingAdmissionArgs,
  StartTimerArgs,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from './dto/meeting.input';
import { MeetingAdmissionService } from './meeting-admission.service';
import { MeetingJoinService } from './meeting-join.service';
import { MeetingLiveService } from './meeting-live.service';
import { toAgendaItemModel, toAttendanceModel, toMeetingModel, toPreviewModel } from './meeting.mapper';
import { AgendaItemModel, AttendanceModel, MeetingModel, MeetingPreviewModel, SectorAttendanceModel } from './meeting.model';
import { MeetingService } from './meeting.service';

const pageComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => (args.first ?? 50) * childComplexity;

@Resolver(() => MeetingModel)
export class MeetingResolver {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agendas: AgendaService,
    private readonly live: MeetingLiveService,
    private readonly joins: MeetingJoinService,
    private readonly tokens: TokenService,
    private readonly admissions: MeetingAdmissionService,
    private readonly devices: DeviceService,
    private readonly access: AccessService,
  ) {}

  @Query(() => MeetingModel, { nullable: true, description: 'A meeting of a process the viewer belongs to' })
  async meeting(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.meetings.get(requireViewer(ctx), id));
  }

  @Query(() => MeetingPreviewModel, {
    nullable: true,
    description: 'Public: what a join code opens (title, process, status). Wrong codes count towards the per-address lock.',
  })
  async meetingByJoinCode(
    @Args('code') code: string,
    @Args('joinToken', { type: () => String, nullable: true, description: "The QR code's token, if the link had one" }) joinToken: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingPreviewModel> {
    const device = this.devices.ensure(ctx.req, ctx.res);
    return toPreviewModel(await this.joins.preview(code, { ip: ctx.req.ip, device }, joinToken));
  }

  @Mutation(() => MeetingModel, { description: 'Creates a scheduled meeting with an optional agenda (meeting.manage)' })
  async createMeeting(@Args('input') input: CreateMeetingInput, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.meetings.create(requireViewer(ctx), input));
  }

  @Mutation(() => MeetingModel, { description: 'Changes title, time or place while scheduled or live' })
  async updateMeeting(@Args('input') input: UpdateMeetingInput, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.meetings.update(requireViewer(ctx), input));
  }

  @Mutation(() => MeetingModel, { description: 'Adds an agenda item (default: last) while scheduled or live' })
  async addAgendaItem(@Args('input') input: AddAgendaItemInput, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.agendas.add(requireViewer(ctx), input));
  }

  @Mutation(() => MeetingModel)
  async updateAgendaItem(@Args('input') input: UpdateAgendaItemInput, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.agendas.update(requireViewer(ctx), input));
  }

  @Mutation(() => MeetingModel, { description: 'Removes an agenda item that is not the current one' })
  async removeAgendaItem(@Args('itemId', { type: () => ID }) itemId: string, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.agendas.remove(requireViewer(ctx), itemId));
  }

  @Mutation(() => MeetingModel)
  async reorderAgenda(@Args('input') input: ReorderAgendaInput, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.agendas.reorder(requireViewer(ctx), input));
  }

  @Mutation(() => MeetingModel, { description: 'SCHEDULED → LIVE; issues the join code' })
  async startMeeting(@Args('meetingId', { type: () => ID }) meetingId: string, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.live.start(requireViewer(ctx), meetingId));
  }

  @Mutation(() => MeetingModel, { description: 'Moves the live meeting to an agenda item (stops a running timer)' })
  async setCurrentAgendaItem(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingModel> {
    return toMeetingModel(await this.live.setCurrentItem(requireViewer(ctx), meetingId, itemId));
  }

  @Mutation(() => MeetingModel, { description: "Starts (or restarts) the facilitator's timer" })
  async startTimer(@Args() args: StartTimerArgs, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.live.startTimer(requireViewer(ctx), args.meetingId, args.minutes));
  }

  @Mutation(() => MeetingModel)
  async stopTimer(@Args('meetingId', { type: () => ID }) meetingId: string, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.live.stopTimer(requireViewer(ctx), meetingId));
  }

  @Mutation(() => MeetingModel, { description: 'LIVE → ENDED: retires the join code, freezes attendance, creates the minutes draft' })
  async endMeeting(@Args('meetingId', { type: () => ID }) meetingId: string, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.live.end(requireViewer(ctx), meetingId));
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Joins a live meeting by code: as a new guest of its process, or as the signed-in member. Sets the session cookie.',
  })
  async joinMeeting(@Args('input') input: JoinMeetingInput, @Ctx() ctx: RequestContext): Promise<AuthPayloadModel> {
    // A stale or expired cookie must not stop anyone joining: it is ignored (ctx.authError), not reported.
    const device = this.devices.ensure(ctx.req, ctx.res);
    const { participant, admission } = await this.joins.join(ctx.viewer, input, { ip: ctx.req.ip, device }, ctx.lang);
    // A right code: this device may pass a per-address lock from now on (finding 6).
    if (!device.trusted) this.devices.trust(ctx.req, ctx.res, device);
    // Already signed in as this person: keep the session; else open one for who joined.
    const current = ctx.viewer?.participantId === participant.id ? TokenService.requestToken(ctx.req) : undefined;
    const token = current ?? (await this.tokens.startSession(ctx.req, ctx.res, { participantId: participant.id, kind: participant.kind, scopeProcessId: participant.guestProcessId }));
    return { token, participant: toParticipantModel(participant), admission };
  }

  @Mutation(() => MeetingModel, { description: 'Who may join by code, and how many guests one device may bring in (meeting.manage; scheduled or live)' })
  async setMeetingAdmission(@Args() args: SetMeetingAdmissionArgs, @Ctx() ctx: RequestContext): Promise<MeetingModel> {
    return toMeetingModel(await this.admissions.setAdmission(requireViewer(ctx), args));
  }

  @Mutation(() => AttendanceModel, { description: 'Admits a newcomer waiting at the door of a live CODE_WITH_APPROVAL meeting (meeting.manage)' })
  async admitGuest(@Args() args: GuestAdmissionArgs, @Ctx() ctx: RequestContext): Promise<AttendanceModel> {
    return toAttendanceModel(await this.admissions.admit(requireViewer(ctx), args));
  }

  @Mutation(() => AttendanceModel, { description: 'Turns a newcomer at the door away: they cannot vote or comment (meeting.manage)' })
  async denyGuest(@Args() args: GuestAdmissionArgs, @Ctx() ctx: RequestContext): Promise<AttendanceModel> {
    return toAttendanceModel(await this.admissions.deny(requireViewer(ctx), args));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: '6-character join code while LIVE; null for anyone who may neither vote nor manage the meeting (observers), and once it ended',
  })
  async joinCode(@Parent() m: MeetingModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!m.joinCode) return null;
    const [vote, manage] = await Promise.all([this.access.allowed(ctx.viewer, m.processId, 'vote.cast'), this.access.allowed(ctx.viewer, m.processId, 'meeting.manage')]);
    return vote || manage ? m.joinCode : null;
  }

  @ResolveField(() => String, { nullable: true, description: "The QR code's token while LIVE (meeting.manage only): /j/<code>?t=<token> joins without any throttle" })
  async joinToken(@Parent() m: MeetingModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!m.joinCode || !(await this.access.allowed(ctx.viewer, m.processId, 'meeting.manage'))) return null;
    return this.meetings.joinToken(m.id);
  }

  @ResolveField(() => [AttendanceModel], { description: 'Newcomers waiting at the door (meeting.manage; empty for others)' })
  async pendingGuests(@Parent() m: MeetingModel, @Ctx() ctx: RequestContext): Promise<AttendanceModel[]> {
    if (!(await this.access.allowed(ctx.viewer, m.processId, 'meeting.manage'))) return [];
    return (await this.admissions.pending(m.id)).map(toAttendanceModel);
  }

  @ResolveField(() => [AgendaItemModel], { description: 'Agenda items in order (at most 50)' })
  async agenda(@Parent() m: MeetingModel): Promise<AgendaItemModel[]> {
    return (await this.meetings.agenda(m.id)).map(toAgendaItemModel);
  }

  @ResolveField(() => AgendaItemModel, { nullable: true })
  async currentItem(@Parent() m: MeetingModel): Promise<AgendaItemModel | null> {
    const item = await this.meetings.agendaItem(m.currentItemId);
    return item ? toAgendaItemModel(item) : null;
  }

  @ResolveField(() => [AttendanceModel], { description: 'Attendees in order of arrival', complexity: pageComplexity })
  async attendance(@Parent() m: MeetingModel, @Args() page: PageArgs): Promise<AttendanceModel[]> {
    return (await this.meetings.attendance(m.id, page.first, page.offset)).map(toAttendanceModel);
  }

  @ResolveField(() => [SectorAttendanceModel], { description: 'Attendees per sector, in 産官学金労言 order' })
  attendanceBySector(@Parent() m: MeetingModel): Promise<SectorAttendanceModel[]> {
    return this.meetings.attendanceBySector(m.id);
  }

  @ResolveField(() => Int, { description: 'Number of attendees' })
  async attendanceCount(@Parent() m: MeetingModel): Promise<number> {
    return (await this.meetings.attendanceBySector(m.id)).reduce((n, s) => n + s.count, 0);
  }
}
