import { DeviceService } from './device.service';
import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { RedisModule } from '../redis/redis.module';
import { SessionStore } from './session-store';
import { TokenService } from './token.service';

@Global()
@Module({ imports: [RedisModule], providers: [SessionStore, TokenService, AccessService, DeviceService], exports: [SessionStore, TokenService, AccessService, DeviceService] })
export class AuthModule {}
