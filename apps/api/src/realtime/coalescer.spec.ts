import { Coalescer } from './coalescer';

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
});
