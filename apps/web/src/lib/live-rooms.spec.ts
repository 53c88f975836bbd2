import type { LiveError, RoomName, ServerEventName, SubscribeAck } from '@yoriai/realtime-contract';
import { backoffDelay, LIVE_CLIENT_TIMING, LiveRooms, type LivePayload, type LiveTransport, type RoomListener } from './live-rooms';

const ROOM = 'proposal:11111111-1111-4111-8111-111111111111' as RoomName;
const OTHER = 'process:22222222-2222-4222-8222-222222222222' as RoomName;
const HEARTBEAT_MS = 1_000;
const DB_DOWN: LiveError = { code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE', message: 'データベースとの接続が一時的に切れました。' };
const NOT_FOUND: LiveError = { code: 'NOT_FOUND', reason: 'NOT_FOUND', message: '提案が見つかりません。' };

/** The socket side, answered by hand. */
class FakeTransport implements LiveTransport {
  readonly pending: { room: RoomName; resolve: (ack: SubscribeAck) => void; reject: (e: Error) => void }[] = [];
  readonly unsubscribed: RoomName[] = [];
  reconnects = 0;
  subscribe(room: RoomName): Promise<SubscribeAck> {
    return new Promise((resolve, reject) => this.pending.push({ room, resolve, reject }));
  }
  unsubscribe(room: RoomName): void {
    this.unsubscribed.push(room);
  }
  reconnect(): void {
    this.reconnects++;
  }
  /** Answers the oldest pending subscribe. */
  answer(ack: SubscribeAck | 'timeout'): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no subscribe pending');
    if (ack === 'timeout') next.reject(new Error('operation has timed out'));
    else next.resolve(ack);
  }
}

/** A page: records what it was told; its refetch succeeds unless told otherwise. */
class Page implements RoomListener {
  readonly events: number[] = [];
  resyncs = 0;
  readonly denied: (LiveError | undefined)[] = [];
  failRefetches = 0;
  onEvent(_name: ServerEventName, payload: LivePayload<ServerEventName>): void {
    this.events.push(payload.seq);
  }
  onResync(): Promise<void> {
    this.resyncs++;
    return this.failRefetches-- > 0 ? Promise.reject(new Error('network')) : Promise.resolve();
  }
  onDenied(error: LiveError | undefined): void {
    this.denied.push(error);
  }
}

const tally = (seq: number, room: RoomName = ROOM) => ({ room, seq, proposalId: 'p', roundId: 'r', turnout: seq }) as LivePayload<'vote.tally'>;
const settle = () => jest.advanceTimersByTimeAsync(0);
/** A 0 ms timer set while fake timers tick is due 1 ms later (sinon's rule). */
const next = () => jest.advanceTimersByTimeAsync(1);

async function liveRoom(random = () => 0.5) {
  const transport = new FakeTransport();
  const live = new LiveRooms(transport, random);
  const page = new Page();
  const leave = live.join(ROOM, page);
  live.connected(false);
  transport.answer({ ok: true, seq: 5, heartbeatMs: HEARTBEAT_MS });
  await settle();
  await jest.advanceTimersByTimeAsync(0); // the refetch after subscribing
  return { transport, live, page, leave };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('backoffDelay', () => {
  it('doubles per attempt between half and all of the cap, and stops growing at the maximum', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 500, 30_000, () => 1))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 500, 30_000, () => 0))).toEqual([250, 500, 1_000, 2_000]);
    expect(backoffDelay(20, 500, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(20, 500, 30_000, () => 0)).toBe(15_000);
  });

  it('spreads a hall reconnecting at once', () => {
    const delays = new Set(Array.from({ length: 200 }, () => backoffDelay(3, 500, 30_000)));
    expect(delays.size).toBeGreaterThan(100);
    for (const d of delays) expect(d >= 2_000 && d <= 4_000).toBe(true);
  });
});

describe('LiveRooms: subscribing', () => {
  it('retries a subscribe refused for a moment (database away) or left unanswered, with growing delays, until it is live', async () => {
    const transport = new FakeTransport();
    const live = new LiveRooms(transport, () => 1);
    const page = new Page();
    live.join(ROOM, page);
    expect(transport.pending).toHaveLength(0); // not connected yet
    live.connected(false);
    expect(transport.pending.map((p) => p.room)).toEqual([ROOM]);

    transport.answer({ ok: false, error: DB_DOWN });
    await settle();
    await jest.advanceTimersByTimeAsync(499);
    expect(transport.pending).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(transport.pending).toHaveLength(1); // after 500 ms
    expect(live.getSnapshot().status).toBe('live'); // not yet worth alarming anyone

    transport.answer('timeout'); // no ack within the socket's timeout (a reconnect storm)
    await settle();
    await jest.advanceTimersByTimeAsync(999);
    expect(transport.pending).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(transport.pending).toHaveLength(1); // after 1,000 ms
    expect(live.getSnapshot().status).toBe('delayed'); // behind for longer than a moment: said so

    transport.answer({ ok: true, seq: 3, heartbeatMs: HEARTBEAT_MS });
    await settle();
    expect(page.resyncs).toBe(1); // refetched once subscribed
    expect(live.getSnapshot()).toEqual({ status: 'live' });
    expect(page.denied).toEqual([]);
  });

  it('stops and says why when the room is refused for good; nothing is retried', async () => {
    const transport = new FakeTransport();
    const live = new LiveRooms(transport);
    const page = new Page();
    live.join(ROOM, page);
    live.connected(false);
    transport.answer({ ok: false, error: NOT_FOUND });
    await settle();
    expect(page.denied).toEqual([NOT_FOUND]);
    expect(live.getSnapshot()).toEqual({ status: 'stopped', denied: NOT_FOUND });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(transport.pending).toHaveLength(0);
    // A page that opens the same room later is told at once.
    const second = new Page();
    live.join(ROOM, second);
    expect(second.denied).toEqual([NOT_FOUND]);
  });

  it('stops a room the server withdraws (live.denied) while the others go on', async () => {
    const { live, page, transport } = await liveRoom();
    const other = new Page();
    live.join(OTHER, other);
    transport.answer({ ok: true, seq: 0, heartbeatMs: HEARTBEAT_MS });
    await jest.advanceTimersByTimeAsync(0);
    live.denied(ROOM, NOT_FOUND);
    expect(page.denied).toEqual([NOT_FOUND]);
    expect(live.getSnapshot().status).toBe('stopped');
    live.event('vote.tally', tally(6));
    expect(page.events).toEqual([]); // no longer shown as live
    live.event('vote.tally', tally(1, OTHER));
    expect(other.events).toEqual([1]);
  });

  it('ignores an answer that belongs to a connection that has since dropped', async () => {
    const transport = new FakeTransport();
    const live = new LiveRooms(transport);
    const page = new Page();
    live.join(ROOM, page);
    live.connected(false);
    live.disconnected();
    expect(live.getSnapshot().status).toBe('reconnecting');
    live.connected(false);
    transport.answer({ ok: false, error: NOT_FOUND }); // the first connection's, late
    await settle();
    expect(page.denied).toEqual([]);
    transport.answer({ ok: true, seq: 9, heartbeatMs: HEARTBEAT_MS });
    await jest.advanceTimersByTimeAsync(0);
    expect(live.getSnapshot().status).toBe('live');
  });

  it('resubscribes every room after a reconnection the server could not recover, only unanswered ones after a recovered one', async () => {
    const { live, transport } = await liveRoom();
    live.disconnected();
    live.connected(true);
    expect(transport.pending).toHaveLength(0);
    live.disconnected();
    live.connectFailed();
    expect(live.getSnapshot().status).toBe('offline');
    live.connected(false);
    expect(transport.pending.map((p) => p.room)).toEqual([ROOM]);
  });

  it('unsubscribes when the last page leaves and keeps no timer running', async () => {
    const { live, transport, leave } = await liveRoom();
    leave();
    expect(transport.unsubscribed).toEqual([ROOM]);
    expect(jest.getTimerCount()).toBe(0);
    expect(live.getSnapshot().status).toBe('live');
  });
});

describe('LiveRooms: seq, gaps and resyncs', () => {
  it('applies consecutive events, drops repeats, and refetches once (debounced) after a gap or a reset', async () => {
    const { live, page } = await liveRoom();
    const before = page.resyncs;
    live.event('vote.tally', tally(6));
    live.event('vote.tally', tally(6)); // a replay
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.events).toEqual([6]);
    expect(page.resyncs).toBe(before);

    live.event('vote.tally', tally(9)); // 7 and 8 were missed
    live.event('vote.tally', tally(11)); // and 10
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.events).toEqual([6, 9, 11]); // each tally is whole: applied all the same
    expect(page.resyncs).toBe(before + 1);

    live.event('vote.tally', tally(2)); // a lower seq: the counter was reset
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before + 2);
  });

  it('refetches a room told that an event was lost and continues from the lost seq without another refetch', async () => {
    const { live, page } = await liveRoom();
    const before = page.resyncs;
    live.resync({ reason: 'EVENT_LOST', room: ROOM, seq: 6 });
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before + 1);
    live.event('vote.tally', tally(7));
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before + 1);
    live.resync({ reason: 'REDIS_RECONNECTED' });
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before + 2);
  });

  it('keeps a room behind, and says so, until its refetch succeeds; a failed refetch is tried again', async () => {
    const { live, page } = await liveRoom();
    page.failRefetches = 2;
    live.event('vote.tally', tally(8));
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.resyncDebounceMs);
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.showDelayAfterMs);
    expect(live.getSnapshot().status).toBe('delayed');
    for (let i = 0; i < 10; i++) {
      await jest.advanceTimersByTimeAsync(HEARTBEAT_MS);
      live.heartbeat({ room: ROOM, seq: 8 });
    }
    expect(page.resyncs).toBe(4); // after subscribing; then the gap's refetch, failing twice, then succeeding
    expect(live.getSnapshot().status).toBe('live');
  });

  it('notices from a heartbeat an event missed in a quiet room, but waits for one still on its way', async () => {
    const { live, page } = await liveRoom();
    const before = page.resyncs;
    // The room is at 7; events 6 and 7 arrive within the grace: nothing to refetch.
    live.heartbeat({ room: ROOM, seq: 7 });
    live.event('vote.tally', tally(6));
    live.event('vote.tally', tally(7));
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.heartbeatGraceMs + LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before);

    // The room is at 9 and nothing comes: missed. Refetched, and 10 follows without another refetch.
    live.heartbeat({ room: ROOM, seq: 9 });
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.heartbeatGraceMs - 1);
    expect(page.resyncs).toBe(before);
    await jest.advanceTimersByTimeAsync(1 + LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before + 1);
    live.event('vote.tally', tally(10));
    live.heartbeat({ room: ROOM, seq: 10 });
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.heartbeatGraceMs + LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before + 1);
    // A heartbeat older than what we have is old news.
    live.heartbeat({ room: ROOM, seq: 4 });
    await jest.advanceTimersByTimeAsync(LIVE_CLIENT_TIMING.heartbeatGraceMs + LIVE_CLIENT_TIMING.resyncDebounceMs);
    expect(page.resyncs).toBe(before + 1);
  });
});

describe('LiveRooms: the watchdog', () => {
  it('refetches and says "delayed" when it hears nothing for three heartbeats; reconnects after a second silence; recovers on the next heartbeat', async () => {
    const { live, page, transport } = await liveRoom();
    const before = page.resyncs;
    for (let i = 0; i < 5; i++) {
      await jest.advanceTimersByTimeAsync(HEARTBEAT_MS);
      live.heartbeat({ room: ROOM, seq: 5 }); // heartbeats keep it quiet and current
    }
    expect(page.resyncs).toBe(before);
    expect(live.getSnapshot().status).toBe('live');

    await jest.advanceTimersByTimeAsync(3 * HEARTBEAT_MS); // silence: no event, no heartbeat
    await next();
    expect(page.resyncs).toBe(before + 1);
    expect(live.getSnapshot().status).toBe('delayed');
    expect(transport.reconnects).toBe(0);
    await jest.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    await next();
    expect(transport.reconnects).toBe(1);
    expect(page.resyncs).toBe(before + 2);

    // The reconnection answers, but stays silent: still delayed; the next reconnect waits longer.
    live.disconnected();
    live.connected(false);
    transport.answer({ ok: true, seq: 5, heartbeatMs: HEARTBEAT_MS });
    await next();
    expect(live.getSnapshot().status).toBe('delayed');
    await jest.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    await next();
    expect(transport.reconnects).toBe(1);
    await jest.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    await next();
    expect(transport.reconnects).toBe(2);

    live.heartbeat({ room: ROOM, seq: 5 });
    expect(live.getSnapshot().status).toBe('live');
  });

  it('does not watch a tab that follows nothing', async () => {
    const { live, transport, leave } = await liveRoom();
    leave();
    await jest.advanceTimersByTimeAsync(20 * HEARTBEAT_MS);
    expect(transport.reconnects).toBe(0);
    expect(live.getSnapshot().status).toBe('live');
  });
});

describe('LiveRooms: what the screen says', () => {
  it('goes connecting → live → reconnecting → offline → live, and offline while the browser is', async () => {
    const transport = new FakeTransport();
    const live = new LiveRooms(transport);
    const seen: string[] = [];
    live.onStatus((s) => seen.push(s.status));
    expect(live.getSnapshot().status).toBe('connecting');
    live.join(ROOM, new Page());
    live.connected(false);
    transport.answer({ ok: true, seq: 1, heartbeatMs: HEARTBEAT_MS });
    await jest.advanceTimersByTimeAsync(0);
    live.disconnected();
    live.connectFailed();
    live.connected(false);
    transport.answer({ ok: true, seq: 1, heartbeatMs: HEARTBEAT_MS });
    await jest.advanceTimersByTimeAsync(0);
    live.setBrowserOffline(true);
    live.setBrowserOffline(false);
    // A subscribe and its refetch that take less than a moment never flash "delayed".
    expect(seen).toEqual(['live', 'reconnecting', 'offline', 'live', 'offline', 'live']);
  });
});
