import { Global, Module } from '@nestjs/common';
import { InvalidationBus } from './invalidation-bus';
import { RedisService } from './redis.service';

@Global()
@Module({ providers: [RedisService, InvalidationBus], exports: [RedisService, InvalidationBus] })
export class RedisModule {}
