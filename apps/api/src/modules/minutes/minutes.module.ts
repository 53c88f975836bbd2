import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ThemeModule } from '../theme/theme.module';
import { AgendaItemSummaryResolver, MeetingMinutesResolver, MinutesResolver } from './minutes.resolver';
import { MinutesBuilder } from './minutes.builder';
import { MinutesService } from './minutes.service';

@Module({
  imports: [AnalyticsModule, ThemeModule],
  providers: [MinutesBuilder, MinutesService, MinutesResolver, MeetingMinutesResolver, AgendaItemSummaryResolver],
  exports: [MinutesBuilder, MinutesService],
})
export class MinutesModule {}
