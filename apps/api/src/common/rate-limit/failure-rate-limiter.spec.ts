import type { AppConfig } from '../../config/environment';
import { RedisService } from '../redis/redis.service';
import { clientAddressKey, FailureRateLimiter } from './failure-rate-limiter';

describe('FailureRateLimiter (per-node memory, no REDIS_URL)', () => {
  const limiter = new FailureRateLimiter(new RedisService({} as AppConfig));
  afterAll(() => limiter.onModuleDestroy());
  const policy = { name: 'unit', limit: 3, windowMs: 60_000 };

  it('locks a key after `limit` failures and reports when it lifts', async () => {
    expect(await limiter.check(policy, 'k1')).toEqual({ failures: 0, locked: false, retryAfterMs: 0 });
    await limiter.recordFailure(policy, 'k1');
    await limiter.recordFailure(policy, 'k1');
    expect((await limiter.check(policy, 'k1')).locked).toBe(false);
    const third = await limiter.recordFailure(policy, 'k1');
    expect(third.locked).toBe(true);
    expect(third.retryAfterMs).toBeGreaterThan(59_000);
    expect((await limiter.check(policy, 'k2')).locked).toBe(false);
  });

  it('lets failures leave the window (sliding, not fixed)', async () => {
    // A clock the test moves (a busy machine cannot stretch a sleep past the window).
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const short = { name: 'unit-short', limit: 2, windowMs: 80 };
      await limiter.recordFailure(short, 'k');
      now += 50;
      await limiter.recordFailure(short, 'k');
      expect((await limiter.check(short, 'k')).locked).toBe(true);
      now += 29; // 79 ms after the first failure: both still count
      expect((await limiter.check(short, 'k')).locked).toBe(true);
      now += 2; // the first failure is now out of the window, the second is not
      expect(await limiter.check(short, 'k')).toMatchObject({ locked: false, failures: 1 });
      now += 50; // and now neither
      expect(await limiter.check(short, 'k')).toMatchObject({ locked: false, failures: 0 });
    } finally {
      clock.mockRestore();
    }
  });
});

describe('clientAddressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (ip, key) => expect(clientAddressKey(ip)).toBe(key));
});
