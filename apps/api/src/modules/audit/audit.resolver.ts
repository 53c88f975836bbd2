import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { PageArgs } from '../../common/graphql/paging';
import { AuditLogQueryService } from './audit-log-query.service';
import { AuditEntryModel } from './audit.model';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(private readonly audit: AuditLogQueryService) {}

  @Query(() => [AuditEntryModel], {
    description: "The process's audit log, newest first (organisers: 'audit.read')",
    complexity: ({ args, childComplexity }) => (args.first ?? 50) * childComplexity,
  })
  async auditLog(@Args('processId', { type: () => ID }) processId: string, @Args() page: PageArgs, @Ctx() ctx: RequestContext): Promise<AuditEntryModel[]> {
    return this.audit.list(requireViewer(ctx), processId, page.first, page.offset);
  }
}
