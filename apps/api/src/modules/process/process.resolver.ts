import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Role, Sector } from '@yoriai/domain';
import { AccessService } from '../../common/auth/access.service';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { PageArgs } from '../../common/graphql/paging';
import { ParticipantModel } from '../participant/participant.model';
import { toParticipantModel } from '../participant/participant.resolver';
import { ParticipantService } from '../participant/participant.service';
import { AddMemberInput, AddPillarInput, CreateProcessInput, RenamePillarInput, ReorderPillarsInput, UpdateProcessInput } from './dto/process.input';
import { MembershipEntity } from './membership.entity';
import { PillarEntity } from './pillar.entity';
import { ProcessEntity } from './process.entity';
import { MembershipModel, PillarModel, ProcessModel } from './process.model';
import { ProcessService } from './process.service';

export const toProcessModel = (p: ProcessEntity): ProcessModel => ({
  id: p.id,
  title: p.title,
  description: p.description,
  defaultRule: p.defaultRule as ProcessModel['defaultRule'],
  defaultBallot: p.defaultBallot as ProcessModel['defaultBallot'],
  dissentNamed: p.dissentNamed,
  createdAt: p.createdAt,
});

export const toPillarModel = (p: PillarEntity): PillarModel => ({ id: p.id, processId: p.processId, position: p.position, key: p.key, title: p.title, titleEn: p.titleEn });

export const toMembershipModel = (m: MembershipEntity): MembershipModel => ({
  id: m.id,
  processId: m.processId,
  participantId: m.participantId,
  role: m.role as Role,
  sector: m.sector as Sector,
  organization: m.organization,
  createdAt: m.createdAt,
});

@Resolver(() => ProcessModel)
export class ProcessResolver {
  constructor(
    private readonly service: ProcessService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [ProcessModel], { description: 'Processes the viewer is a member of, newest first', complexity: ({ args, childComplexity }) => (args.first ?? 50) * childComplexity })
  async processes(@Args() page: PageArgs, @Ctx() ctx: RequestContext): Promise<ProcessModel[]> {
    if (ctx.authError) throw ctx.authError; // a dead or invalid session is reported, not shown as "no processes"
    if (!ctx.viewer) return [];
    return (await this.service.listForViewer(ctx.viewer, page.first, page.offset)).map(toProcessModel);
  }

  @Query(() => ProcessModel, { nullable: true })
  async process(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<ProcessModel> {
    return toProcessModel(await this.service.get(requireViewer(ctx), id));
  }

  @Mutation(() => ProcessModel, { description: 'Creates a process with the five pillars of 地方創生2.0; the creator becomes its organiser' })
  async createProcess(@Args('input') input: CreateProcessInput, @Ctx() ctx: RequestContext): Promise<ProcessModel> {
    return toProcessModel(await this.service.create(requireViewer(ctx), input));
  }

  @Mutation(() => ProcessModel)
  async updateProcess(@Args('input') input: UpdateProcessInput, @Ctx() ctx: RequestContext): Promise<ProcessModel> {
    return toProcessModel(await this.service.update(requireViewer(ctx), input));
  }

  @Mutation(() => PillarModel)
  async addPillar(@Args('input') input: AddPillarInput, @Ctx() ctx: RequestContext): Promise<PillarModel> {
    return toPillarModel(await this.service.addPillar(requireViewer(ctx), input));
  }

  @Mutation(() => PillarModel)
  async renamePillar(@Args('input') input: RenamePillarInput, @Ctx() ctx: RequestContext): Promise<PillarModel> {
    return toPillarModel(await this.service.renamePillar(requireViewer(ctx), input));
  }

  @Mutation(() => [PillarModel])
  async reorderPillars(@Args('input') input: ReorderPillarsInput, @Ctx() ctx: RequestContext): Promise<PillarModel[]> {
    return (await this.service.reorderPillars(requireViewer(ctx), input)).map(toPillarModel);
  }

  @Mutation(() => MembershipModel, {
    description:
      'Changes the role and sector of someone already in the process (member, guest, attendee, or removed earlier: reinstated). New people: inviteMember',
  })
  async addMember(@Args('input') input: AddMemberInput, @Ctx() ctx: RequestContext): Promise<MembershipModel> {
    return toMembershipModel(await this.service.addMember(requireViewer(ctx), input));
  }

  @Mutation(() => Boolean, { description: 'Removes a member: refused on every path from now on (FORBIDDEN MEMBER_REMOVED); their live connections leave the rooms' })
  async removeMember(
    @Args('processId', { type: () => ID }) processId: string,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return this.service.removeMember(requireViewer(ctx), processId, participantId);
  }

  @ResolveField(() => [PillarModel])
  async pillars(@Parent() p: ProcessModel): Promise<PillarModel[]> {
    return (await this.service.pillars(p.id)).map(toPillarModel);
  }

  @ResolveField(() => [MembershipModel], { complexity: ({ args, childComplexity }) => (args.first ?? 50) * childComplexity })
  async members(@Parent() p: ProcessModel, @Args() page: PageArgs): Promise<MembershipModel[]> {
    return (await this.service.members(p.id, page.first, page.offset)).map(toMembershipModel);
  }

  @ResolveField(() => MembershipModel, { nullable: true, description: "The viewer's own membership (role and sector)" })
  async myMembership(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<MembershipModel | null> {
    const m = await this.access.membership(ctx.viewer, p.id);
    return m ? toMembershipModel(m) : null;
  }
}

@Resolver(() => MembershipModel)
export class MembershipResolver {
  constructor(private readonly participants: ParticipantService) {}

  @ResolveField(() => ParticipantModel)
  async participant(@Parent() m: MembershipModel): Promise<ParticipantModel> {
    const p = await this.participants.byId(m.participantId);
    if (!p) throw new Error(`membership ${m.id} has no participant`);
    return toParticipantModel(p);
  }
}
