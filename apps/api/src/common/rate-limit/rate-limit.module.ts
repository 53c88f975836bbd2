import { Global, Module } from '@nestjs/common';
import { RedisModule } from '../redis/redis.module';
import { FailureRateLimiter } from './failure-rate-limiter';

/** Rate limits shared by features (join codes now; sign-in may reuse FailureRateLimiter). */
@Global()
@Module({ imports: [RedisModule], providers: [FailureRateLimiter], exports: [FailureRateLimiter] })
export class RateLimitModule {}
