import { Module } from '@nestjs/common';
import { RedisModule } from '../common/redis/redis.module';
import { ThemeModule } from '../modules/theme/theme.module';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { TallyService } from '../modules/voting/tally.service';
import { LIVE_TIMING, liveTiming } from './live-timing';
import { LiveServer } from './live.server';
import { PendingSends } from './pending-sends';
import { RealtimePayloads } from './realtime-payloads';
import { RealtimeListener } from './realtime.listener';
import { RoomAccessService } from './room-access.service';
import { RoomSequencer } from './room-sequencer';
import { ThemesPublisher } from './themes.publisher';

/** socket.io on the API's HTTP server, fed by the domain-event bus (docs/realtime.md). */
@Module({
  imports: [RedisModule, ThemeModule],
  // TallyService is stateless (it counts from the vote table): the listener gets its own instance.
  providers: [
    { provide: LIVE_TIMING, useFactory: (config: AppConfig) => liveTiming(config.live), inject: [APP_CONFIG] },
    TallyService,
    LiveServer,
    RoomSequencer,
    RoomAccessService,
    RealtimePayloads,
    PendingSends,
    RealtimeListener,
    ThemesPublisher,
  ],
  exports: [LiveServer],
})
export class RealtimeModule {}
