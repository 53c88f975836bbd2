import {
  DENIED_EVENT,
  ENDED_EVENT,
  LIVE_NAMESPACE,
  RESYNC_EVENT,
  ROOM_EVENT_NAMES,
  SOCKET_PATH,
  type ClientToServerEvents,
  type LiveError,
  type LiveHandshakeAuth,
  type RoomEvents,
  type RoomName,
  type ServerEventName,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@yoriai/realtime-contract';
import { io, type Socket } from 'socket.io-client';
import { currentLang } from './i18n';
import { onSessionChange, sessionChanged } from './session';

/**
 * One socket.io connection per tab, shared by every component that follows a room.
 *
 * The documented client behaviour (CONTRACT.md § Real time): subscribe with an ack; track the
 * per-room `seq`; on a gap, or after a reconnect that socket.io could not recover, refetch the
 * room's GraphQL query. `vote.tally` always carries the whole tally, so the latest one is truth.
 */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LivePayload<K extends ServerEventName> = Parameters<RoomEvents[K]>[0];
export type LiveStatus = 'connecting' | 'connected' | 'offline';

export interface RoomListener {
  onEvent(name: ServerEventName, payload: LivePayload<ServerEventName>): void;
  /** Our copy of the room may be stale: refetch it over GraphQL. */
  onResync(): void;
  onDenied?(error: LiveError | undefined): void;
}

interface RoomState {
  listeners: Set<RoomListener>;
  lastSeq: number | null;
}

const SUBSCRIBE_TIMEOUT_MS = 8000;

class LiveClient {
  private socket: LiveSocket | null = null;
  private readonly rooms = new Map<RoomName, RoomState>();
  private status: LiveStatus = 'offline';
  private readonly statusListeners = new Set<(s: LiveStatus) => void>();

  constructor() {
    onSessionChange((reason) => {
      // A new identity: reconnect so the handshake carries the new cookie (rooms are re-subscribed).
      // A session the server ended is not reconnected: the cookie would be refused.
      if (this.socket && reason !== 'ended') {
        this.socket.disconnect();
        this.socket.connect();
      }
    });
  }

  getStatus(): LiveStatus {
    return this.status;
  }

  onStatus(listener: (s: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  join(room: RoomName, listener: RoomListener): () => void {
    const socket = this.ensureSocket();
    let state = this.rooms.get(room);
    if (!state) {
      state = { listeners: new Set(), lastSeq: null };
      this.rooms.set(room, state);
      state.listeners.add(listener);
      // While disconnected the 'connect' handler subscribes every room.
      if (socket.connected) this.subscribe(room);
    } else {
      state.listeners.add(listener);
    }
    return () => {
      const current = this.rooms.get(room);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0) {
        this.rooms.delete(room);
        if (this.socket?.connected) this.socket.emit('unsubscribe', { room }, () => undefined);
      }
    };
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }

  private ensureSocket(): LiveSocket {
    if (this.socket) return this.socket;
    const socket: LiveSocket = io(LIVE_NAMESPACE, {
      path: SOCKET_PATH,
      // The server speaks WebSocket only (no long-polling: sticky sessions are not needed behind a proxy).
      transports: ['websocket'],
      withCredentials: true,
      // No token: the handshake carries the httpOnly session cookie. A function, so every
      // (re)connection sends the current language.
      auth: (cb) => {
        const auth: LiveHandshakeAuth = { lang: currentLang() };
        cb(auth as Record<string, unknown>);
      },
    });
    this.socket = socket;
    this.setStatus('connecting');
    socket.on('connect', () => {
      this.setStatus('connected');
      if (socket.recovered) return; // the server restored our rooms and replayed missed events
      for (const room of this.rooms.keys()) this.subscribe(room);
    });
    socket.on('disconnect', () => this.setStatus('connecting'));
    socket.on('connect_error', () => this.setStatus('offline'));
    for (const name of ROOM_EVENT_NAMES) {
      socket.on(name, ((payload: LivePayload<ServerEventName>) => this.dispatch(name, payload)) as never);
    }
    // Access to a followed room was withdrawn (removed from the process, role changed): stop following it.
    socket.on(DENIED_EVENT, (e) => {
      const state = this.rooms.get(e.room);
      if (!state) return;
      this.rooms.delete(e.room);
      for (const l of state.listeners) l.onDenied?.(e.error);
    });
    // The session ended on the server (signed out elsewhere, removed): the app forgets the identity.
    socket.on(ENDED_EVENT, () => sessionChanged('ended'));
    // The node lost events for all its rooms (e.g. Redis came back): refetch everything.
    socket.on(RESYNC_EVENT, () => {
      for (const state of this.rooms.values()) {
        state.lastSeq = null;
        for (const l of state.listeners) l.onResync();
      }
    });
    return socket;
  }

  private subscribe(room: RoomName): void {
    const socket = this.socket;
    if (!socket) return;
    socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('subscribe', { room }, (err: Error | null, ack?: SubscribeAck) => {
      const state = this.rooms.get(room);
      if (!state) return;
      if (err || !ack) {
        // No answer: try again on the next connection; meanwhile the page shows its last query.
        return;
      }
      if (!ack.ok) {
        for (const l of state.listeners) l.onDenied?.(ack.error);
        return;
      }
      // The next event of the room follows ack.seq. Events may still have been missed between
      // the page's query and this subscription, so the page refetches once.
      state.lastSeq = typeof ack.seq === 'number' ? ack.seq : null;
      for (const l of state.listeners) l.onResync();
    });
  }

  private dispatch(name: ServerEventName, payload: LivePayload<ServerEventName>): void {
    const state = this.rooms.get(payload.room as RoomName);
    if (!state) return;
    const { seq } = payload;
    let gap = false;
    if (state.lastSeq !== null) {
      if (seq === state.lastSeq) return; // already seen (a replay after recovery)
      // Ahead by more than one: something was missed. Behind: the counter was reset (a node
      // restarted). Either way our copy may be stale.
      gap = seq !== state.lastSeq + 1;
    }
    state.lastSeq = seq;
    for (const l of state.listeners) {
      l.onEvent(name, payload);
      if (gap) l.onResync();
    }
  }
}

let client: LiveClient | null = null;

/** The tab's live client, created on first use (pages without live data never open a socket). */
export function liveClient(): LiveClient {
  client ??= new LiveClient();
  return client;
}
