import {
  DENIED_EVENT,
  ENDED_EVENT,
  HEARTBEAT_EVENT,
  LIVE_NAMESPACE,
  RESYNC_EVENT,
  ROOM_EVENT_NAMES,
  SOCKET_PATH,
  type ClientToServerEvents,
  type LiveHandshakeAuth,
  type RoomName,
  type ServerEventName,
  type ServerToClientEvents,
} from '@yoriai/realtime-contract';
import { io, type Socket } from 'socket.io-client';
import { currentLang } from './i18n';
import { LiveRooms, type LivePayload, type LiveSnapshot, type RoomListener } from './live-rooms';
import { onSessionChange, sessionChanged } from './session';

export type { LivePayload, LiveSnapshot, LiveStatus, RoomListener } from './live-rooms';

/**
 * One socket.io connection per tab, shared by every component that follows a room. The rules
 * (docs/realtime.md § 6 and § 9: subscribe with retries, per-room seq, gaps, heartbeats, the
 * watchdog, what the screen says) live in LiveRooms; this class only connects it to the socket.
 */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An unanswered subscribe is given up (and retried with backoff) after this long. */
const SUBSCRIBE_TIMEOUT_MS = 8000;

class LiveClient {
  private socket: LiveSocket | null = null;
  private readonly rooms = new LiveRooms({
    subscribe: (room) => {
      const socket = this.socket;
      if (!socket) return Promise.reject(new Error('not connected'));
      return socket.timeout(SUBSCRIBE_TIMEOUT_MS).emitWithAck('subscribe', { room });
    },
    unsubscribe: (room) => void this.socket?.emit('unsubscribe', { room }, () => undefined),
    reconnect: () => {
      this.socket?.disconnect();
      this.socket?.connect();
    },
  });

  constructor() {
    onSessionChange((reason) => {
      // A new identity: reconnect so the handshake carries the new cookie (rooms are re-subscribed).
      // A session the server ended is not reconnected: the cookie would be refused.
      if (this.socket && reason !== 'ended') {
        this.socket.disconnect();
        this.socket.connect();
      }
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', () => this.rooms.setBrowserOffline(true));
      window.addEventListener('online', () => this.rooms.setBrowserOffline(false));
    }
  }

  getSnapshot(): LiveSnapshot {
    return this.rooms.getSnapshot();
  }

  onStatus(listener: (s: LiveSnapshot) => void): () => void {
    return this.rooms.onStatus(listener);
  }

  join(room: RoomName, listener: RoomListener): () => void {
    this.ensureSocket();
    return this.rooms.join(room, listener);
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
    socket.on('connect', () => this.rooms.connected(socket.recovered));
    socket.on('disconnect', () => this.rooms.disconnected());
    socket.on('connect_error', () => this.rooms.connectFailed());
    for (const name of ROOM_EVENT_NAMES) {
      socket.on(name, ((payload: LivePayload<ServerEventName>) => this.rooms.event(name, payload)) as never);
    }
    socket.on(HEARTBEAT_EVENT, (e) => this.rooms.heartbeat(e));
    socket.on(RESYNC_EVENT, (e) => this.rooms.resync(e));
    // Access to a followed room was withdrawn (removed from the process, role changed): stop following it.
    socket.on(DENIED_EVENT, (e) => this.rooms.denied(e.room, e.error));
    // The session ended on the server (signed out elsewhere, removed): the app forgets the identity.
    socket.on(ENDED_EVENT, () => sessionChanged('ended'));
    return socket;
  }
}

let client: LiveClient | null = null;

/** The tab's live client, created on first use (pages without live data never open a socket). */
export function liveClient(): LiveClient {
  client ??= new LiveClient();
  return client;
}
