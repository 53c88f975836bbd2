import { Coalescer } from './coalescer';
import { DEFAULT_LIVE_TIMING, MAX_TALLY_WINDOW_MS, tallyWindowFor } from './live-timing';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Coalescer (leading + trailing edge per key)', () => {
  it('sends the first trigger at once and merges a storm into one trailing send that reads the final state', async () => {
    let state = 0;
    const seen: number[] = [];
    const c = new Coalescer<string>(50, async () => void seen.push(state), () => undefined);
    state = 1;
    c.trigger('p');
    expect(seen).toEqual([1]); // leading edge: synchronous start
    for (let i = 2; i <= 100; i++) {
      state = i;
      c.trigger('p');
    }
    await tick(120);
    expect(seen).toEqual([1, 100]);
    expect(c.active).toBe(0);
    c.stop();
  });

  it('keeps keys apart', async () => {
    const seen: string[] = [];
    const c = new Coalescer<string>(30, async (k) => void seen.push(k), () => undefined);
    c.trigger('a');
    c.trigger('b');
    c.trigger('a');
    await tick(80);
    expect(seen.sort()).toEqual(['a', 'a', 'b']);
    c.stop();
  });

  it('never overlaps two sends of one key: a slow read is followed, not overtaken', async () => {
    let running = 0;
    let maxRunning = 0;
    let state = 0;
    const seen: number[] = [];
    const c = new Coalescer<string>(10, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      const read = state;
      await tick(40); // slower than the window
      seen.push(read);
      running--;
    }, () => undefined);
    for (let i = 1; i <= 5; i++) {
      state = i;
      c.trigger('p');
      await tick(15);
    }
    await tick(200);
    expect(maxRunning).toBe(1);
    expect(seen[seen.length - 1]).toBe(5);
    c.stop();
  });

  it('reports a failed send and still sends the next trigger', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const seen: number[] = [];
    const c = new Coalescer<string>(10, async () => {
      if (fail) throw new Error('db down');
      seen.push(1);
    }, (_k, e) => errors.push(e));
    c.trigger('p');
    await tick(30);
    fail = false;
    c.trigger('p');
    await tick(30);
    expect(errors).toHaveLength(1);
    expect(seen).toEqual([1]);
    c.stop();
  });

  it('reports each trigger that no started send carries: the leading one and the first of each window, not the rest', async () => {
    const due: string[] = [];
    const sent: string[] = [];
    const c = new Coalescer<string>(30, async (k) => void sent.push(k), () => undefined, { onDue: (k) => due.push(`${k}@${sent.length}`) });
    c.trigger('p'); // leading: due before its send starts
    c.trigger('p'); // the window's first: a trailing send is now owed
    c.trigger('p'); // carried by that trailing send
    c.trigger('q');
    expect(due).toEqual(['p@0', 'p@1', 'q@1']);
    await tick(100);
    expect(sent).toEqual(['p', 'q', 'p']);
    c.trigger('p'); // a quiet window later: leading again
    expect(due).toEqual(['p@0', 'p@1', 'q@1', 'p@3']);
    c.stop();
  });

  it('sends nothing after stop()', async () => {
    const seen: string[] = [];
    const c = new Coalescer<string>(10, async (k) => void seen.push(k), () => undefined);
    c.stop();
    c.trigger('p');
    await tick(30);
    expect(seen).toEqual([]);
  });

  it('takes a window per key, decided when its send starts (a fuller room waits longer between sends)', async () => {
    jest.useFakeTimers();
    try {
      const seen: string[] = [];
      const c = new Coalescer<string>((k) => (k === 'hall' ? 500 : 100), async (k) => void seen.push(k), () => undefined);
      for (const k of ['hall', 'room']) c.trigger(k); // leading sends
      for (const k of ['hall', 'room']) c.trigger(k); // owed trailing sends
      expect(seen).toEqual(['hall', 'room']);
      await jest.advanceTimersByTimeAsync(100);
      expect(seen).toEqual(['hall', 'room', 'room']);
      await jest.advanceTimersByTimeAsync(399);
      expect(seen).toEqual(['hall', 'room', 'room']);
      await jest.advanceTimersByTimeAsync(1);
      expect(seen).toEqual(['hall', 'room', 'room', 'hall']);
      c.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('tallyWindowFor: fewer tally sends to a full hall', () => {
  it('keeps the 100 ms window up to 1,000 screens, then widens it to stay within 10,000 frames a second, up to 1 s', () => {
    const w = (screens: number) => tallyWindowFor(DEFAULT_LIVE_TIMING, screens);
    expect([0, 1, 300, 1_000].map(w)).toEqual([100, 100, 100, 100]);
    expect([1_001, 2_000, 5_000, 10_000, 50_000].map(w)).toEqual([101, 200, 500, MAX_TALLY_WINDOW_MS, MAX_TALLY_WINDOW_MS]);
    // Frames per second stay within the budget wherever the window is not capped.
    for (const screens of [1_500, 3_000, 7_777]) expect((screens * 1000) / w(screens)).toBeLessThanOrEqual(DEFAULT_LIVE_TIMING.tallyFramesPerSecond);
  });

  it('never narrows a window a deployment or a test made wider', () => {
    expect(tallyWindowFor({ tallyWindowMs: 15_000, tallyFramesPerSecond: 10_000 }, 5_000)).toBe(15_000);
  });
});
