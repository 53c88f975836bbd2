import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { RedisModule } from '../../common/redis/redis.module';
import { MeetingAdmissionService } from './meeting-admission.service';
import { AgendaItemResolver, ProcessMeetingsResolver } from './agenda-item.resolver';
import { AgendaLoader } from './agenda.loader';
import { AgendaService } from './agenda.service';
import { MeetingJoinService } from './meeting-join.service';
import { MeetingLiveService } from './meeting-live.service';
import { MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';

@Module({
  imports: [RateLimitModule, RedisModule],
  providers: [MeetingService, AgendaService, MeetingLiveService, MeetingJoinService, MeetingAdmissionService, AgendaLoader, MeetingResolver, AgendaItemResolver, ProcessMeetingsResolver],
  exports: [MeetingService],
})
export class MeetingModule {}
