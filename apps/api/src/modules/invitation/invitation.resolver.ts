import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { MembershipModel, ProcessModel } from '../process/process.model';
import { toMembershipModel } from '../process/process.resolver';
import { InviteMemberInput } from './dto/invitation.input';
import { InvitationModel, ProcessInvitationModel } from './invitation.model';
import { InvitationService } from './invitation.service';

@Resolver(() => InvitationModel)
export class InvitationResolver {
  constructor(private readonly invitations: InvitationService) {}

  @Mutation(() => Boolean, {
    description: 'Invites an e-mail address into the process (member.manage). The same answer whether or not the address has an account; the person accepts',
  })
  async inviteMember(@Args('input') input: InviteMemberInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.invitations.invite(requireViewer(ctx), input);
  }

  @Query(() => [InvitationModel], { description: "Open invitations to the signed-in account's e-mail address" })
  async myInvitations(@Ctx() ctx: RequestContext): Promise<InvitationModel[]> {
    return this.invitations.mine(requireViewer(ctx));
  }

  @Mutation(() => MembershipModel, { description: 'Accepts an invitation addressed to you: you become a member with its role and sector' })
  async acceptInvitation(@Args('invitationId', { type: () => ID }) invitationId: string, @Ctx() ctx: RequestContext): Promise<MembershipModel> {
    return toMembershipModel(await this.invitations.accept(requireViewer(ctx), invitationId));
  }

  @Mutation(() => Boolean, { description: 'Declines an invitation addressed to you' })
  async declineInvitation(@Args('invitationId', { type: () => ID }) invitationId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.invitations.decline(requireViewer(ctx), invitationId);
  }

  @Mutation(() => Boolean, { description: 'Withdraws a pending invitation (member.manage)' })
  async revokeInvitation(@Args('invitationId', { type: () => ID }) invitationId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.invitations.revoke(requireViewer(ctx), invitationId);
  }
}

/** Process.invitations, declared here so the process module does not depend on invitations. */
@Resolver(() => ProcessModel)
export class ProcessInvitationsResolver {
  constructor(private readonly service: InvitationService) {}

  @ResolveField(() => [ProcessInvitationModel], { description: 'Pending invitations (member.manage), newest first, at most 200', complexity: 20 })
  async invitations(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<ProcessInvitationModel[]> {
    return this.service.pending(requireViewer(ctx), p.id);
  }
}
