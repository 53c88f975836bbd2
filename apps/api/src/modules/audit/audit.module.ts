import { Global, Module } from '@nestjs/common';
import { AuditLogQueryService } from './audit-log-query.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService, AuditLogQueryService, AuditResolver], exports: [AuditService] })
export class AuditModule {}
