import { Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { clearSessionCookie } from '../../common/auth/cookies';
import { SessionModel } from './session.model';
import { SessionService } from './session.service';

@Resolver(() => SessionModel)
export class SessionResolver {
  constructor(private readonly sessions: SessionService) {}

  @Query(() => [SessionModel], { description: "The viewer's active sessions (browsers and devices), newest first (at most 50)" })
  async mySessions(@Ctx() ctx: RequestContext): Promise<SessionModel[]> {
    return this.sessions.list(requireViewer(ctx));
  }

  @Mutation(() => Boolean, {
    description: 'Ends this session on the server (the token stops working everywhere at once, its live connections are closed) and clears the cookie',
  })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    // Without a valid session there is nothing to end on the server; the cookie is cleared anyway.
    if (ctx.viewer) await this.sessions.signOut(ctx.viewer);
    clearSessionCookie(ctx.res);
    return true;
  }

  @Mutation(() => Int, { description: 'Ends every session of the viewer (all browsers and devices); returns how many were ended' })
  async signOutEverywhere(@Ctx() ctx: RequestContext): Promise<number> {
    const n = await this.sessions.signOutEverywhere(requireViewer(ctx));
    clearSessionCookie(ctx.res);
    return n;
  }
}
