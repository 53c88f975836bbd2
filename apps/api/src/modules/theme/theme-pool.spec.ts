import { THEME_QUEUE_LIMIT, ThemePool, type ThemeJobInput } from './theme-pool';
import type { ThemeReply } from './theme-worker';

// The pool on its own (a real worker thread, no server): coalescing per scope, the bounded queue,
// and the worker asking for terms it does not hold.
const WORDS = ['バス 路線 停留所', '保育園 待機 保育士', '農家 田んぼ 獣害'];

function job(key: string, n: number, withTerms = true): ThemeJobInput {
  const ids = Array.from({ length: n }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
  return {
    key,
    scope: {
      n,
      ids: ids.join(','),
      authors: ids.map((_, i) => `a${i % 7}`).join(','),
      sectors: ids.map(() => 'CITIZEN').join(','),
      stances: ids.map(() => 'SUPPORT').join(','),
      times: ids.map((_, i) => String(1_700_000_000_000 + i * 1000)).join(','),
    },
    options: { idPrefix: `${key}~`, merges: [], labels: {} },
    terms: withTerms ? [JSON.stringify(ids.map((id, i) => [id, (WORDS[i % 3] as string).split(' ')]))] : [],
    bodies: [],
  };
}

const sizes = (r: ThemeReply) => (r.ok === true ? r.themes.reduce((n, t) => n + t.size, 0) : -1);

describe('ThemePool', () => {
  let pool: ThemePool;
  beforeEach(() => (pool = new ThemePool()));
  afterEach(() => pool.onModuleDestroy());

  it('answers every caller of a waiting scope with the newest request', async () => {
    const running = pool.run('live', job('meeting:a', 30));
    const older = pool.run('live', job('meeting:b', 30));
    const newer = pool.run('live', job('meeting:b', 33));
    expect(pool.pending).toBe(2);
    const [a, b1, b2] = await Promise.all([running, older, newer]);
    expect(sizes(a)).toBe(30);
    expect(sizes(b1)).toBe(33);
    expect(b2).toEqual(b1);
    expect(pool.pending).toBe(0);
  });

  it('refuses a new scope when the queue is full, with a typed error', async () => {
    const accepted = [pool.run('bulk', job('process:running', 30))];
    for (let i = 0; i < THEME_QUEUE_LIMIT; i += 1) accepted.push(pool.run('bulk', job(`process:${i}`, 3)));
    await expect(pool.run('bulk', job('process:one-too-many', 3))).rejects.toMatchObject({ category: 'RATE_LIMITED', code: 'THEMES_BUSY' });
    // A scope already waiting still joins it, and the other lane is not affected.
    accepted.push(pool.run('bulk', job('process:0', 6)));
    await expect(pool.run('live', job('meeting:x', 6))).resolves.toMatchObject({ ok: true });
    const replies = await Promise.all(accepted);
    expect(replies.every((r) => r.ok === true)).toBe(true);
  });

  it('asks for the comments whose terms it does not hold', async () => {
    const reply = await pool.run('live', job('proposal:p', 5, false));
    expect(reply).toMatchObject({ ok: 'missing' });
    expect(reply.ok === 'missing' && reply.missing).toHaveLength(5);
    expect(await pool.run('live', job('proposal:p', 5))).toMatchObject({ ok: true });
  });

  it('refuses work once stopped', async () => {
    await pool.onModuleDestroy();
    await expect(pool.run('live', job('meeting:a', 3))).rejects.toThrow('themes stopped');
  });
});
