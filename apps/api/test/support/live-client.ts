import {
  type ClientToServerEvents,
  LIVE_NAMESPACE,
  type LiveError,
  ROOM_EVENT_NAMES,
  type RoomEvents,
  type ServerEventName,
  type ServerToClientEvents,
  SOCKET_PATH,
  type SubscribeAck,
} from '@yoriai/realtime-contract';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LivePayload<E extends ServerEventName> = Parameters<RoomEvents[E]>[0];

export interface ReceivedEvent {
  name: string;
  payload: Record<string, unknown> & { room?: string; seq?: number };
  at: number;
}

export interface LiveOptions {
  token?: string;
  /** Extra handshake headers (Origin, Cookie, Accept-Language…): Node clients may send any. */
  headers?: Record<string, string>;
  auth?: Record<string, unknown>;
  /** socket.io-client's own reconnection (off by default: tests reconnect on purpose). */
  reconnection?: boolean;
}

/** A real socket.io client of the /live namespace that records every server event it receives. */
export class LiveClient {
  readonly events: ReceivedEvent[] = [];
  readonly resyncs: unknown[] = [];
  /** `live.heartbeat`: each followed room's current seq, every heartbeat interval. */
  readonly heartbeats: { room: string; seq: number; at: number }[] = [];
  /** `live.denied`: rooms the server stopped letting this socket follow. */
  readonly denied: { room: string; error: LiveError }[] = [];
  /** `live.ended`: the session behind the connection ended. */
  readonly ended: unknown[] = [];
  /** `live.admission`: a facilitator admitted or denied this guest. */
  readonly admissions: { meetingId: string; status: string }[] = [];
  /** Why the connection closed, each time it did (socket.io's reasons). */
  readonly disconnects: string[] = [];
  readonly socket: LiveSocket;
  /** Rooms this client follows; after a reconnection socket.io could not recover, they are subscribed again. */
  readonly rooms = new Set<string>();
  /** Connections after the first: whether socket.io recovered the session (docs/realtime.md § reconnecting). */
  readonly reconnections: { recovered: boolean; resubscribed: SubscribeAck[] }[] = [];
  private connectedOnce = false;

  constructor(baseUrl: string, options: LiveOptions = {}) {
    this.socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      auth: { ...(options.token ? { token: options.token } : {}), ...options.auth },
      extraHeaders: options.headers,
    });
    for (const name of ROOM_EVENT_NAMES) {
      (this.socket as unknown as Socket).on(name, (payload: ReceivedEvent['payload']) => this.events.push({ name, payload, at: Date.now() }));
    }
    this.socket.on('live.resync', (e) => this.resyncs.push(e));
    this.socket.on('live.heartbeat', (e) => this.heartbeats.push({ ...e, at: Date.now() }));
    this.socket.on('live.denied', (e) => this.denied.push(e));
    this.socket.on('live.ended', (e) => this.ended.push(e));
    this.socket.on('live.admission', (e) => this.admissions.push(e));
    this.socket.on('disconnect', (reason) => this.disconnects.push(reason));
    this.socket.on('connect', () => {
      if (!this.connectedOnce) {
        this.connectedOnce = true;
        return;
      }
      // The documented client rule: without recovery the server forgot our rooms; subscribe again
      // (and a real client refetches each room over GraphQL).
      const entry = { recovered: this.socket.recovered, resubscribed: [] as SubscribeAck[] };
      this.reconnections.push(entry);
      if (!this.socket.recovered && this.autoResubscribe) {
        for (const r of this.rooms) void this.subscribe(r).then((ack) => entry.resubscribed.push(ack));
      }
    });
  }

  /** Whether to follow the documented reconnection rule automatically (tests of manual steps turn it off). */
  autoResubscribe = true;

  /** Connects; rejects with the server's typed error (connect_error's `data`) when refused. */
  connect(timeoutMs = 10_000): Promise<this> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error('connect timed out')), timeoutMs);
      const onConnect = () => done(null);
      const onError = (err: Error & { data?: LiveError }) => done(Object.assign(new Error(err.message), { data: err.data }));
      const done = (err: Error | null) => {
        clearTimeout(timer);
        this.socket.off('connect', onConnect);
        this.socket.off('connect_error', onError);
        if (err) reject(err);
        else resolve(this);
      };
      this.socket.once('connect', onConnect);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
  }

  async subscribe(room: string, timeoutMs = 10_000): Promise<SubscribeAck> {
    const ack = await this.socket.timeout(timeoutMs).emitWithAck('subscribe', { room });
    if (ack.ok) this.rooms.add(room);
    return ack;
  }

  unsubscribe(room: string): Promise<SubscribeAck> {
    this.rooms.delete(room);
    return this.socket.timeout(10_000).emitWithAck('unsubscribe', { room });
  }

  /** Received events of one name (optionally of one room), in arrival order. */
  of<E extends ServerEventName>(name: E, room?: string): LivePayload<E>[] {
    return this.events.filter((e) => e.name === name && (!room || e.payload.room === room)).map((e) => e.payload as unknown as LivePayload<E>);
  }

  last<E extends ServerEventName>(name: E, room?: string): LivePayload<E> | undefined {
    const all = this.of(name, room);
    return all[all.length - 1];
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Connects `n` clients with the given token(s), a few at a time (a hall arriving). */
export async function connectMany(baseUrl: string, tokens: ReadonlyArray<string>, batch = 25): Promise<LiveClient[]> {
  const clients: LiveClient[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    clients.push(...(await Promise.all(tokens.slice(i, i + batch).map((token) => new LiveClient(baseUrl, { token }).connect()))));
  }
  return clients;
}

/** Polls `check` until it returns true (or a value), failing with `describe()` after the timeout. */
export async function waitUntil(check: () => boolean, describe: () => string, timeoutMs = 10_000, everyMs = 20): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits a while and returns: for asserting that something does NOT arrive. */
export function quietFor(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
