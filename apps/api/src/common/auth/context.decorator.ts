import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Errors } from '../errors/domain-error';
import type { RequestContext, Viewer } from './viewer';

/** The GraphQL request context (viewer, language, req/res). */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
});

/** The signed-in viewer, or the typed UNAUTHENTICATED error (expired/invalid token reported as such). */
export function requireViewer(ctx: Pick<RequestContext, 'viewer' | 'authError'>): Viewer {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.viewer) throw Errors.signInRequired();
  return ctx.viewer;
}
