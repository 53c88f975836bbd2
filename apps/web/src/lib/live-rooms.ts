import {
  isTransientLiveError,
  type HeartbeatEvent,
  type LiveError,
  type ResyncEvent,
  type RoomEvents,
  type RoomName,
  type ServerEventName,
  type SubscribeAck,
} from '@yoriai/realtime-contract';

/**
 * The live client's rules, without the socket (docs/realtime.md § 6 and § 9), so they can be tested
 * with fake timers: subscribe with retries, per-room seq and gap detection, heartbeats, the watchdog,
 * and what the screen says about it. `live.ts` feeds it the socket's events.
 */

export type LivePayload<K extends ServerEventName> = Parameters<RoomEvents[K]>[0];

export interface RoomListener {
  onEvent(name: ServerEventName, payload: LivePayload<ServerEventName>): void;
  /**
   * Our copy of the room may be stale: refetch it over GraphQL. Return the refetch's promise: the room
   * counts as behind until it settles, and a refetch that fails is tried again.
   */
  onResync(): unknown;
  /** The room may not be followed (no access, signed out): stop showing its data as live. */
  onDenied?(error: LiveError | undefined): void;
}

/** What live.ts does with the socket on the core's behalf. */
export interface LiveTransport {
  /** Emits `subscribe`; resolves with the ack, rejects when no ack came in time. */
  subscribe(room: RoomName): Promise<SubscribeAck>;
  unsubscribe(room: RoomName): void;
  /** Drops the connection and opens a new one (it looks up but stays silent). */
  reconnect(): void;
}

/**
 * What the screen says: `live` only when every followed room is known to be current.
 * `delayed`: connected, but a room is behind (a subscribe being retried, a refetch after a gap, no
 * heartbeat for too long); `reconnecting`: the connection dropped; `offline`: the server cannot be
 * reached; `stopped`: a room was refused (no access, signed out) and its data is no longer updated.
 */
export type LiveStatus = 'connecting' | 'live' | 'delayed' | 'reconnecting' | 'offline' | 'stopped';

export interface LiveSnapshot {
  status: LiveStatus;
  /** Why a room was refused, when status is `stopped`. */
  denied?: LiveError;
}

export const LIVE_CLIENT_TIMING = {
  /** Subscribe retries: exponential from this, with jitter… */
  subscribeRetryBaseMs: 500,
  /** …up to this. */
  subscribeRetryMaxMs: 30_000,
  /** Refetches of one room are merged over this long (a storm of gaps is one refetch). */
  resyncDebounceMs: 250,
  /** A heartbeat ahead of our last seq: the event may still be on its way; wait this long before refetching. */
  heartbeatGraceMs: 1_500,
  /** Until the first ack tells the server's interval. */
  defaultHeartbeatMs: 5_000,
  /** Nothing heard for this many heartbeat intervals: refetch and say "delayed"; twice in a row: reconnect. */
  watchdogBeats: 3,
  /** A room behind for less than this is not worth alarming anyone (a normal subscribe or refetch). */
  showDelayAfterMs: 1_000,
};

/**
 * Exponential backoff with "equal jitter": between half and all of min(max, base·2^attempt). The
 * random half spreads a reconnect storm of a whole hall; the fixed half keeps each client patient.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

interface Room {
  name: RoomName;
  listeners: Set<RoomListener>;
  phase: 'subscribing' | 'live' | 'denied';
  error?: LiveError;
  lastSeq: number | null;
  /** Failed subscribe attempts in a row. */
  attempt: number;
  /** Identifies the current subscribe attempt: older acks are ignored. */
  generation: number;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** Since when our copy may be stale (null: current). */
  behindSince: number | null;
  resyncTimer?: ReturnType<typeof setTimeout>;
  resyncRunning: boolean;
  resyncAgain: boolean;
  resyncFailures: number;
  /** A heartbeat said the room is at this seq; checked after the grace. */
  expectSeq: number | null;
  expectTimer?: ReturnType<typeof setTimeout>;
}

export class LiveRooms {
  private readonly rooms = new Map<RoomName, Room>();
  private connection: Connection = 'connecting';
  private everConnected = false;
  private browserOffline = false;
  private heartbeatMs = LIVE_CLIENT_TIMING.defaultHeartbeatMs;
  private lastHeard = 0;
  private silentPeriods = 0;
  private watchdogTimer?: ReturnType<typeof setTimeout>;
  private statusTimer?: ReturnType<typeof setTimeout>;
  private snapshot: LiveSnapshot = { status: 'connecting' };
  private readonly statusListeners = new Set<(s: LiveSnapshot) => void>();

  constructor(
    private readonly transport: LiveTransport,
    private readonly random: () => number = Math.random,
  ) {}

  getSnapshot(): LiveSnapshot {
    return this.snapshot;
  }

  onStatus(listener: (s: LiveSnapshot) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  join(name: RoomName, listener: RoomListener): () => void {
    let room = this.rooms.get(name);
    if (!room) {
      room = { name, listeners: new Set([listener]), phase: 'subscribing', lastSeq: null, attempt: 0, generation: 0, behindSince: Date.now(), resyncRunning: false, resyncAgain: false, resyncFailures: 0, expectSeq: null };
      this.rooms.set(name, room);
      this.subscribe(room);
    } else {
      room.listeners.add(listener);
      if (room.phase === 'denied') listener.onDenied?.(room.error);
    }
    this.update();
    return () => this.leave(name, listener);
  }

  // ---- the socket's events (live.ts) ----

  connected(recovered: boolean): void {
    this.connection = 'connected';
    this.everConnected = true;
    this.lastHeard = Date.now(); // the watchdog counts from here; only a heartbeat or event ends a silence
    for (const room of this.rooms.values()) {
      // Recovered: the server kept our rooms and replayed what we missed; only unanswered subscribes are redone.
      if (recovered && room.phase !== 'subscribing') continue;
      room.lastSeq = null;
      room.attempt = 0;
      this.subscribe(room);
    }
    this.armWatchdog();
    this.update();
  }

  disconnected(): void {
    this.connection = this.everConnected ? 'reconnecting' : 'connecting';
    for (const room of this.rooms.values()) {
      room.generation++; // an ack still on its way belongs to the old connection
      this.clear(room, 'retryTimer');
      this.clear(room, 'expectTimer');
      room.expectSeq = null;
    }
    this.disarmWatchdog();
    this.update();
  }

  connectFailed(): void {
    this.connection = 'offline';
    this.update();
  }

  /** The browser says it has no network (`offline`/`online` events). */
  setBrowserOffline(offline: boolean): void {
    this.browserOffline = offline;
    this.update();
  }

  event(name: ServerEventName, payload: LivePayload<ServerEventName>): void {
    this.heard();
    const room = this.rooms.get(payload.room);
    if (!room || room.phase === 'denied') return;
    const { seq } = payload;
    let gap = false;
    if (room.lastSeq !== null) {
      if (seq === room.lastSeq) return; // already seen (a replay after recovery)
      // Ahead by more than one: something was missed. Behind: the counter was reset (a single node
      // restarted) or two nodes' events crossed. Either way our copy may be stale.
      gap = seq !== room.lastSeq + 1;
    }
    room.lastSeq = seq;
    if (room.expectSeq !== null && seq >= room.expectSeq) {
      room.expectSeq = null;
      this.clear(room, 'expectTimer');
    }
    for (const l of room.listeners) l.onEvent(name, payload);
    if (gap) this.requestResync(room);
  }

  heartbeat(e: HeartbeatEvent): void {
    this.heard();
    const room = this.rooms.get(e.room);
    if (!room || room.phase !== 'live' || room.lastSeq === null || e.seq <= room.lastSeq) return;
    // The room is further on than we are: an event is missing — or still on its way. Look again after the grace.
    room.expectSeq = Math.max(room.expectSeq ?? 0, e.seq);
    room.expectTimer ??= setTimeout(() => {
      room.expectTimer = undefined;
      const expected = room.expectSeq;
      room.expectSeq = null;
      if (expected === null || room.phase !== 'live' || room.lastSeq === null || room.lastSeq >= expected) return;
      // Missed: refetch. The refetch reads state that includes every event up to `expected`.
      room.lastSeq = expected;
      this.requestResync(room);
    }, LIVE_CLIENT_TIMING.heartbeatGraceMs);
  }

  resync(e: ResyncEvent): void {
    this.heard();
    if (e.reason === 'EVENT_LOST') {
      const room = this.rooms.get(e.room);
      if (!room || room.phase !== 'live') return;
      room.lastSeq = e.seq; // the lost event's number: the room's next event follows it
      this.requestResync(room);
      return;
    }
    for (const room of this.rooms.values()) {
      if (room.phase !== 'live') continue;
      room.lastSeq = null;
      this.requestResync(room);
    }
  }

  /** The server withdrew a followed room (removed from the process, role changed). */
  denied(name: RoomName, error: LiveError): void {
    const room = this.rooms.get(name);
    if (room) this.deny(room, error);
  }

  // ---- subscribing ----

  private subscribe(room: Room): void {
    this.clear(room, 'retryTimer');
    room.phase = 'subscribing';
    room.error = undefined;
    room.behindSince ??= Date.now();
    if (this.connection !== 'connected') return; // `connected` subscribes every room
    const generation = ++room.generation;
    this.transport.subscribe(room.name).then(
      (ack) => this.answered(room, generation, ack),
      () => this.answered(room, generation, null),
    );
  }

  private answered(room: Room, generation: number, ack: SubscribeAck | null): void {
    if (this.rooms.get(room.name) !== room || room.generation !== generation || this.connection !== 'connected') return;
    this.lastHeard = Date.now();
    if (ack?.ok) {
      room.phase = 'live';
      room.attempt = 0;
      if (typeof ack.heartbeatMs === 'number' && ack.heartbeatMs > 0 && ack.heartbeatMs !== this.heartbeatMs) {
        this.heartbeatMs = ack.heartbeatMs;
        this.disarmWatchdog(); // re-armed below for the server's interval
      }
      const seq = typeof ack.seq === 'number' ? ack.seq : null;
      // Events may have arrived before the ack: never go back below them.
      room.lastSeq = seq === null ? room.lastSeq : Math.max(seq, room.lastSeq ?? seq);
      // Events may have been missed between the page's query and this subscription: refetch once.
      this.requestResync(room, 0);
      this.armWatchdog();
      return;
    }
    if (ack && !isTransientLiveError(ack.error)) {
      this.deny(room, ack.error);
      return;
    }
    // No answer in time, the database away, rate limited: try again later, spread over the hall.
    room.error = ack?.error;
    const delay = backoffDelay(room.attempt, LIVE_CLIENT_TIMING.subscribeRetryBaseMs, LIVE_CLIENT_TIMING.subscribeRetryMaxMs, this.random);
    room.attempt++;
    room.retryTimer = setTimeout(() => {
      room.retryTimer = undefined;
      this.subscribe(room);
    }, delay);
    this.update();
  }

  private deny(room: Room, error: LiveError | undefined): void {
    room.phase = 'denied';
    room.error = error;
    room.generation++;
    this.clear(room, 'retryTimer');
    this.clear(room, 'resyncTimer');
    this.clear(room, 'expectTimer');
    room.behindSince = null;
    for (const l of room.listeners) l.onDenied?.(error);
    this.update();
  }

  private leave(name: RoomName, listener: RoomListener): void {
    const room = this.rooms.get(name);
    if (!room) return;
    room.listeners.delete(listener);
    if (room.listeners.size > 0) return;
    this.rooms.delete(name);
    room.generation++;
    this.clear(room, 'retryTimer');
    this.clear(room, 'resyncTimer');
    this.clear(room, 'expectTimer');
    if (this.connection === 'connected' && room.phase !== 'denied') this.transport.unsubscribe(name);
    if (this.rooms.size === 0) this.disarmWatchdog();
    this.update();
  }

  // ---- refetching ----

  /** Refetches the room (merged over `resyncDebounceMs`); it counts as behind until every listener's refetch settled. */
  private requestResync(room: Room, delay: number = LIVE_CLIENT_TIMING.resyncDebounceMs): void {
    room.behindSince ??= Date.now();
    if (room.resyncRunning) room.resyncAgain = true;
    else if (!room.resyncTimer) room.resyncTimer = setTimeout(() => void this.runResync(room), delay);
    this.update();
  }

  private async runResync(room: Room): Promise<void> {
    room.resyncTimer = undefined;
    if (this.rooms.get(room.name) !== room || room.phase !== 'live') return;
    room.resyncRunning = true;
    room.resyncAgain = false;
    const results = await Promise.allSettled([...room.listeners].map((l) => l.onResync()));
    room.resyncRunning = false;
    if (this.rooms.get(room.name) !== room || room.phase !== 'live') return;
    if (results.some((r) => r.status === 'rejected')) {
      // The refetch failed (GraphQL unreachable): still behind; try again with backoff.
      room.resyncTimer = setTimeout(() => void this.runResync(room), backoffDelay(room.resyncFailures++, 1_000, LIVE_CLIENT_TIMING.subscribeRetryMaxMs, this.random));
    } else if (room.resyncAgain) {
      this.requestResync(room);
    } else {
      room.resyncFailures = 0;
      room.behindSince = null;
    }
    this.update();
  }

  // ---- the watchdog ----

  /** A heartbeat or an event: the server is talking to us (an ack alone does not end a silence). */
  private heard(): void {
    this.lastHeard = Date.now();
    if (this.silentPeriods > 0) {
      this.silentPeriods = 0;
      this.update();
    }
  }

  private get watchdogMs(): number {
    return this.heartbeatMs * LIVE_CLIENT_TIMING.watchdogBeats;
  }

  private disarmWatchdog(): void {
    if (this.watchdogTimer) clearTimeout(this.watchdogTimer);
    this.watchdogTimer = undefined;
  }

  private armWatchdog(): void {
    if (this.watchdogTimer || this.connection !== 'connected' || this.rooms.size === 0) return;
    this.watchdogTimer = setTimeout(() => this.watch(), Math.max(0, this.lastHeard + this.watchdogMs - Date.now()));
  }

  /** Heartbeats come every interval for each live room: a silence of several means the connection is broken. */
  private watch(): void {
    this.watchdogTimer = undefined;
    const live = [...this.rooms.values()].filter((r) => r.phase === 'live');
    if (this.connection !== 'connected') return;
    if (live.length === 0) {
      this.lastHeard = Date.now(); // no room to hear from yet: nothing to miss
      return this.armWatchdog();
    }
    const silence = Date.now() - this.lastHeard;
    if (silence < this.watchdogMs) return this.armWatchdog();
    this.silentPeriods++;
    this.lastHeard = Date.now(); // count the next silent period from now
    for (const room of live) this.requestResync(room, 0);
    // Silent twice in a row: the connection is probably dead though it looks up. Reconnect — then
    // after 4, 8, 16… silent periods, not every period (the server may just be overloaded).
    if (this.silentPeriods >= 2 && (this.silentPeriods & (this.silentPeriods - 1)) === 0) this.transport.reconnect();
    this.update();
    this.armWatchdog();
  }

  // ---- what the screen says ----

  private update(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = undefined;
    const next = this.compute();
    if (next.status !== this.snapshot.status || next.denied !== this.snapshot.denied) {
      this.snapshot = next;
      for (const l of this.statusListeners) l(next);
    }
  }

  private compute(): LiveSnapshot {
    if (this.browserOffline) return { status: 'offline' };
    if (this.connection !== 'connected') return { status: this.connection === 'offline' ? 'offline' : this.connection };
    const rooms = [...this.rooms.values()];
    const refused = rooms.find((r) => r.phase === 'denied');
    if (refused) return { status: 'stopped', denied: refused.error };
    if (this.silentPeriods > 0) return { status: 'delayed' };
    const now = Date.now();
    const behind = rooms.filter((r) => r.behindSince !== null || r.phase === 'subscribing').map((r) => r.behindSince ?? now);
    if (behind.length === 0) return { status: 'live' };
    const since = Math.min(...behind);
    if (now - since >= LIVE_CLIENT_TIMING.showDelayAfterMs) return { status: 'delayed' };
    // Behind for a moment only: say "live" for now, and look again when the moment is over.
    this.statusTimer = setTimeout(() => this.update(), since + LIVE_CLIENT_TIMING.showDelayAfterMs - now);
    return { status: 'live' };
  }

  private clear(room: Room, timer: 'retryTimer' | 'resyncTimer' | 'expectTimer'): void {
    const t = room[timer];
    if (t) clearTimeout(t);
    room[timer] = undefined;
  }
}
