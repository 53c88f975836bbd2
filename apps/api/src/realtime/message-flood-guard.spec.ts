import { MessageFloodGuard } from './message-flood-guard';

const LIMITS = { ratePerSecond: 20, burst: 40, abuseDrops: 100, abuseWindowMs: 10_000 };

describe('MessageFloodGuard', () => {
  it('lets a burst through, then the sustained rate, and drops the rest', () => {
    const g = new MessageFloodGuard(LIMITS, 0);
    const burst = Array.from({ length: 50 }, () => g.take(0));
    expect(burst.filter((v) => v === 'pass')).toHaveLength(40);
    expect(burst.filter((v) => v === 'drop')).toHaveLength(10);
    // One second later 20 more tokens have accrued.
    const next = Array.from({ length: 25 }, () => g.take(1000));
    expect(next.filter((v) => v === 'pass')).toHaveLength(20);
  });

  it('never lets an ordinary client (≤ 20 messages a second) be dropped', () => {
    const g = new MessageFloodGuard(LIMITS, 0);
    for (let t = 0; t < 60_000; t += 50) expect(g.take(t)).toBe('pass');
  });

  it('asks to disconnect a socket after 100 drops within 10 seconds', () => {
    const g = new MessageFloodGuard(LIMITS, 0);
    const verdicts = Array.from({ length: 140 }, () => g.take(0));
    expect(verdicts.indexOf('disconnect')).toBe(139);
  });

  it('forgets drops older than the window', () => {
    const g = new MessageFloodGuard(LIMITS, 0);
    for (let i = 0; i < 139; i++) g.take(0); // 99 drops
    expect(g.take(11_000 + 0)).toBe('pass'); // tokens refilled, old drops gone
  });
});
