import { Module } from '@nestjs/common';
import { MeetingAnalyticsResolver, ProcessAnalyticsResolver, ProposalAnalyticsResolver } from './analytics.resolver';
import { AnalyticsService } from './analytics.service';

@Module({ providers: [AnalyticsService, ProcessAnalyticsResolver, ProposalAnalyticsResolver, MeetingAnalyticsResolver], exports: [AnalyticsService] })
export class AnalyticsModule {}
