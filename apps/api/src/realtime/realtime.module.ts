import { Module } from '@nestjs/common';
import { RedisModule } from '../common/redis/redis.module';
import { TallyService } from '../modules/voting/tally.service';
import { LiveServer } from './live.server';
import { RealtimePayloads } from './realtime-payloads';
import { RealtimeListener } from './realtime.listener';
import { RoomAccessService } from './room-access.service';
import { RoomSequencer } from './room-sequencer';

/** socket.io on the API's HTTP server, fed by the domain-event bus (docs/realtime.md). */
@Module({
  imports: [RedisModule],
  // TallyService is stateless (it counts from the vote table): the listener gets its own instance.
  providers: [TallyService, LiveServer, RoomSequencer, RoomAccessService, RealtimePayloads, RealtimeListener],
  exports: [LiveServer],
})
export class RealtimeModule {}
