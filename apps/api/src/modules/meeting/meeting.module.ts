import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { AgendaItemResolver, ProcessMeetingsResolver } from './agenda-item.resolver';
import { AgendaLoader } from './agenda.loader';
import { AgendaService } from './agenda.service';
import { MeetingJoinService } from './meeting-join.service';
import { MeetingLiveService } from './meeting-live.service';
import { MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';

@Module({
  imports: [RateLimitModule],
  providers: [MeetingService, AgendaService, MeetingLiveService, MeetingJoinService, AgendaLoader, MeetingResolver, AgendaItemResolver, ProcessMeetingsResolver],
  exports: [MeetingService],
})
export class MeetingModule {}
