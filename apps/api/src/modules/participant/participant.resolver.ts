import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import { DeviceService } from '../../common/auth/device.service';
import { TokenService } from '../../common/auth/token.service';
import type { RequestContext } from '../../common/auth/viewer';
import { SignUpInput } from './dto/sign-up.input';
import { UpdateProfileInput } from './dto/update-profile.input';
import { ParticipantEntity } from './participant.entity';
import { AuthPayloadModel, ParticipantKind, ParticipantModel } from './participant.model';
import { ParticipantService } from './participant.service';

export function toParticipantModel(p: ParticipantEntity): ParticipantModel {
  return {
    id: p.id,
    displayName: p.displayName,
    kind: p.kind as ParticipantKind,
    organization: p.organization,
    email: p.email,
    ageBand: p.ageBand,
    gender: p.gender,
    locale: p.locale,
  };
}

@Resolver(() => ParticipantModel)
export class ParticipantResolver {
  constructor(
    private readonly participants: ParticipantService,
    private readonly tokens: TokenService,
    private readonly devices: DeviceService,
  ) {}

  @Query(() => ParticipantModel, { nullable: true, description: 'The signed-in participant (account or guest), or null when signed out or the session has ended' })
  async me(@Ctx() ctx: RequestContext): Promise<ParticipantModel | null> {
    if (!ctx.viewer) return null;
    const p = await this.participants.byId(ctx.viewer.participantId);
    return p ? toParticipantModel(p) : null;
  }

  @Mutation(() => AuthPayloadModel)
  async signUp(@Args('input') input: SignUpInput, @Ctx() ctx: RequestContext): Promise<AuthPayloadModel> {
    const p = await this.participants.signUp(input);
    return this.session(ctx, p);
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Signs in with email and password. Wrong passwords are limited per email (10 per 15 min) and per client address (100 per 10 min): RATE_LIMITED SIGN_IN_LOCKED',
  })
  async signIn(@Args('email') email: string, @Args('password') password: string, @Ctx() ctx: RequestContext): Promise<AuthPayloadModel> {
    const device = this.devices.ensure(ctx.req, ctx.res);
    const p = await this.participants.signIn(email, password, { ip: ctx.req.ip, device });
    if (!device.trusted) this.devices.trust(ctx.req, ctx.res, device);
    return this.session(ctx, p);
  }

  @Mutation(() => ParticipantModel)
  async updateProfile(@Args('input') input: UpdateProfileInput, @Ctx() ctx: RequestContext): Promise<ParticipantModel> {
    return toParticipantModel(await this.participants.updateProfile(requireViewer(ctx), input));
  }

  // Private fields are visible only to their owner.
  @ResolveField(() => String, { nullable: true })
  email(@Parent() p: ParticipantModel, @Ctx() ctx: RequestContext): string | null {
    return ctx.viewer?.participantId === p.id ? p.email : null;
  }

  @ResolveField(() => String, { nullable: true })
  ageBand(@Parent() p: ParticipantModel, @Ctx() ctx: RequestContext): string | null {
    return ctx.viewer?.participantId === p.id ? p.ageBand : null;
  }

  @ResolveField(() => String, { nullable: true })
  gender(@Parent() p: ParticipantModel, @Ctx() ctx: RequestContext): string | null {
    return ctx.viewer?.participantId === p.id ? p.gender : null;
  }

  private async session(ctx: RequestContext, p: ParticipantEntity): Promise<AuthPayloadModel> {
    const token = await this.tokens.startSession(ctx.req, ctx.res, { participantId: p.id, kind: p.kind, scopeProcessId: p.guestProcessId });
    return { token, participant: toParticipantModel(p) };
  }
}
