import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import {
  ADMISSION_EVENT,
  type AdmissionEvent,
  type ClientToServerEvents,
  DENIED_EVENT,
  ENDED_EVENT,
  HEARTBEAT_EVENT,
  LIVE_NAMESPACE,
  parseRoom,
  RESYNC_EVENT,
  type RoomEventData,
  type RoomName,
  type ServerEventName,
  type ServerToClientEvents,
  SOCKET_PATH,
  type SubscribeAck,
} from '@yoriai/realtime-contract';
import type { Redis } from 'ioredis';
import type { Server as HttpServer } from 'node:http';
import { type Namespace, Server, type ServerOptions, type Socket } from 'socket.io';
import { TokenService } from '../common/auth/token.service';
import type { Viewer } from '../common/auth/viewer';
import { badInput, type Lang, notFound, rateLimited } from '../common/errors/domain-error';
import { InvalidationBus } from '../common/redis/invalidation-bus';
import { INVALIDATE } from '../common/redis/invalidation-topics';
import { RedisService } from '../common/redis/redis.service';
import { connectError, handshakeLanguage, toLiveError } from './live-errors';
import { checkOrigin, handshakeToken } from './live-handshake';
import { LIVE_TIMING, type LiveTiming } from './live-timing';
import { MessageFloodGuard } from './message-flood-guard';
import { RoomAccessService } from './room-access.service';
import { RoomSequencer } from './room-sequencer';

export interface LiveSocketData {
  viewer: Viewer;
  /** Kept to re-check expiry on every subscribe: a long-lived socket must not outlive its session. */
  token: string;
  lang: Lang;
}

type LiveServerIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

/** The socket.io settings (RELIABILITY.md): small frames, no compression, WebSocket only. */
export const LIVE_OPTIONS = {
  path: SOCKET_PATH,
  serveClient: false,
  // WebSocket only: a load balancer needs no sticky sessions (long-polling spreads one session over many requests).
  transports: ['websocket'],
  perMessageDeflate: false,
  httpCompression: false,
  maxHttpBufferSize: 16 * 1024,
  connectTimeout: 10_000,
  pingInterval: 25_000,
  pingTimeout: 20_000,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
} satisfies Partial<ServerOptions>;

/**
 * Server-side rooms no client can subscribe to (parseRoom accepts process/meeting/proposal only):
 * every socket is in the room of its participant and of its session, so that a removal, a sign-out
 * or an admission reaches exactly that person's connections, on every node.
 */
const participantRoom = (participantId: string) => `participant:${participantId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const isPrivateRoom = (name: string) => name.startsWith('participant:') || name.startsWith('session:');

/** Sockets re-checked at once when Redis comes back (a sweep of a node's sockets runs this many in parallel). */
const SWEEP_CONCURRENCY = 8;

/** Rooms one socket may follow at once (a page follows a handful; this bounds memory per socket). */
export const MAX_ROOMS_PER_SOCKET = 100;

/**
 * The socket.io server on the API's own HTTP server (namespace /live): handshake auth, room
 * subscriptions with access checks, per-socket flood limits, and `emitToRoom` for the realtime
 * listener. With REDIS_URL the Redis adapter fans room events out to every node.
 */
@Injectable()
export class LiveServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private io?: LiveServerIo;
  private nsp?: LiveNamespace;
  private readonly stop: Array<() => void> = [];

  constructor(
    private readonly httpHost: HttpAdapterHost,
    private readonly redis: RedisService,
    private readonly tokens: TokenService,
    private readonly rooms: RoomAccessService,
    private readonly sequencer: RoomSequencer,
    private readonly invalidation: InvalidationBus,
    @Inject(LIVE_TIMING) private readonly timing: LiveTiming,
  ) {}

  /** Runs inside app.init(), before the port is bound: no client can connect before this is ready. */
  async onApplicationBootstrap(): Promise<void> {
    const adapter = this.redis.enabled ? await this.redisAdapter() : undefined;
    const httpServer = this.httpHost.httpAdapter.getHttpServer() as HttpServer;
    const io: LiveServerIo = new Server(httpServer, { ...LIVE_OPTIONS, ...(adapter ? { adapter } : {}) });
    this.io = io;
    // Nothing lives on the main namespace: refuse it rather than keep idle unauthenticated sockets.
    io.of('/').use((socket, next) => next(connectError(notFound('NAMESPACE_UNKNOWN', `名前空間 ${LIVE_NAMESPACE} に接続してください。`, `Connect to the ${LIVE_NAMESPACE} namespace.`), handshakeLanguage(socket.handshake))));
    const nsp: LiveNamespace = io.of(LIVE_NAMESPACE);
    this.nsp = nsp;
    // Runs on every connection, recovered ones included (skipMiddlewares: false): an ended session
    // never gets its connection back.
    nsp.use((socket, next) => {
      const lang = handshakeLanguage(socket.handshake);
      void (async () => {
        checkOrigin(socket.handshake.headers);
        const token = handshakeToken(socket.handshake.auth, socket.handshake.headers);
        socket.data = { viewer: await this.tokens.authenticate(token), token, lang };
      })().then(
        () => next(),
        (e: unknown) => next(connectError(e, lang)),
      );
    });
    nsp.on('connection', (socket) => this.onConnection(socket));
    this.stop.push(
      this.redis.onRecovered(() => {
        // Cross-node events were dropped during the outage: every client of this node refetches.
        nsp.local.emit(RESYNC_EVENT, { reason: 'REDIS_RECONNECTED' });
      }),
      this.invalidation.subscribe(INVALIDATE.session, (ids) => this.endSessions(ids)),
      this.invalidation.subscribe(INVALIDATE.membership, (ids) => void this.reauthorizeParticipants(ids)),
      // Invalidations of the outage may be lost: re-check every socket of this node.
      this.invalidation.onReset(() => void this.sweep()),
      this.startHeartbeat(nsp),
    );
    this.logger.log(`socket.io ${LIVE_NAMESPACE} ready (${adapter ? `Redis adapter, prefix ${this.redis.prefix}` : 'single node'})`);
  }

  /**
   * Sends a room event to every subscriber on every node, with the room's next seq. Callers emit only
   * after COMMIT (they are fed by the DomainEventBus).
   */
  async emitToRoom<E extends ServerEventName>(room: RoomName, event: E, data: RoomEventData<E>): Promise<void> {
    const nsp = this.nsp;
    if (!nsp) return;
    const seq = await this.sequencer.next(room);
    // socket.io's typed emit cannot follow a generic event name; the payload type is checked above.
    (nsp.to(room) as unknown as { emit(event: string, payload: unknown): boolean }).emit(event, { room, seq, ...data });
  }

  /** How many sockets on this node follow these rooms (a socket in two of them counts twice: it gets two frames). */
  localFollowers(rooms: RoomName[]): number {
    const local = this.nsp?.adapter.rooms;
    return local ? rooms.reduce((n, r) => n + (local.get(r)?.size ?? 0), 0) : 0;
  }

  /**
   * Tells a room that one of its events was lost (its payload could not be read after COMMIT, even
   * after retrying): `live.resync` with the seq that event would have had, so every subscriber
   * refetches the room and the room's numbering goes on without a gap. No data leaves with it.
   */
  async resyncRoom(room: RoomName): Promise<void> {
    const nsp = this.nsp;
    if (!nsp) return;
    const seq = await this.sequencer.next(room);
    nsp.to(room).emit(RESYNC_EVENT, { reason: 'EVENT_LOST', room, seq });
  }

  /**
   * Every `heartbeatMs`, each room followed on this node hears its current seq (one MGET for all of
   * them, one broadcast per room to this node's sockets only): a socket that missed an event in a quiet
   * room sees the gap, and a socket that hears nothing at all knows its connection is silently broken.
   */
  private startHeartbeat(nsp: LiveNamespace): () => void {
    let running = false;
    const beat = async () => {
      if (running) return; // a slow beat (Redis timing out) is skipped, never stacked
      running = true;
      try {
        const rooms = [...nsp.adapter.rooms.keys()].filter((name) => parseRoom(name)?.name === name) as RoomName[];
        if (!rooms.length) return;
        const seqs = await this.sequencer.currentMany(rooms);
        rooms.forEach((room, i) => nsp.local.to(room).emit(HEARTBEAT_EVENT, { room, seq: seqs[i] }));
      } catch (e) {
        this.logger.warn(`heartbeat failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void beat(), this.timing.heartbeatMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Tells a guest's open connections that a facilitator admitted or denied them (every node). */
  notifyAdmission(participantId: string, event: AdmissionEvent): void {
    (this.nsp?.to(participantRoom(participantId)) as unknown as { emit(event: string, payload: unknown): boolean } | undefined)?.emit(ADMISSION_EVENT, event);
  }

  /** Closes this node's connections of ended sessions (each node does it for its own sockets). */
  private endSessions(sessionIds: string[]): void {
    const nsp = this.nsp;
    if (!nsp || !sessionIds.length) return;
    const rooms = sessionIds.map(sessionRoom);
    nsp.local.to(rooms).emit(ENDED_EVENT, { reason: 'SESSION_ENDED' });
    nsp.local.in(rooms).disconnectSockets(true);
  }

  /** Re-checks every room the participants' sockets on this node follow; leaves the ones no longer allowed. */
  private async reauthorizeParticipants(participantIds: string[]): Promise<void> {
    const nsp = this.nsp;
    if (!nsp || !participantIds.length) return;
    const sockets = await nsp.local.in(participantIds.map(participantRoom)).fetchSockets();
    await Promise.all(sockets.map((s) => this.reauthorize(nsp.sockets.get(s.id))));
  }

  /**
   * One socket's whole check again: its session (closed if it ended) and each room it follows
   * (left, with a `live.denied`, if access is gone). After a Redis outage, a recovery, a removal.
   */
  private async reauthorize(socket: LiveSocket | undefined): Promise<void> {
    if (!socket || socket.disconnected) return;
    let viewer: Viewer;
    try {
      viewer = await this.tokens.authenticate(socket.data.token);
    } catch {
      socket.emit(ENDED_EVENT, { reason: 'SESSION_ENDED' });
      socket.disconnect(true);
      return;
    }
    for (const name of [...socket.rooms]) {
      const room = parseRoom(name);
      if (!room) continue; // the socket's own id and its private rooms
      try {
        await this.rooms.authorize(viewer, room);
      } catch (e) {
        await socket.leave(room.name);
        socket.emit(DENIED_EVENT, { room: room.name, error: toLiveError(e, socket.data.lang) });
      }
    }
  }

  private async sweep(): Promise<void> {
    const queue = [...(this.nsp?.sockets.values() ?? [])];
    const worker = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await this.reauthorize(s).catch(() => undefined);
    };
    await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
  }

  /**
   * Closes every client connection (clients see "transport close" and reconnect, e.g. to another
   * node during a rolling restart), then the adapter. The HTTP server is closed by Nest afterwards.
   */
  async onModuleDestroy(): Promise<void> {
    const io = this.io;
    this.io = undefined;
    this.nsp = undefined;
    for (const s of this.stop) s();
    if (!io) return;
    io.engine.close();
    await Promise.allSettled([io.of('/').adapter.close(), io.of(LIVE_NAMESPACE).adapter.close()]);
  }

  /** Private rooms, and for a recovered connection the check of its restored rooms; requests wait for it. */
  private async prepare(socket: LiveSocket): Promise<void> {
    const { viewer } = socket.data;
    // A recovered connection gets its old rooms back: drop private rooms of another identity, join ours.
    for (const name of [...socket.rooms]) if (isPrivateRoom(name)) await socket.leave(name);
    await socket.join([participantRoom(viewer.participantId), sessionRoom(viewer.sessionId)]);
    // ...and its followed rooms were restored without any check (finding 3): check each again now.
    if (socket.recovered) await this.reauthorize(socket);
  }

  private onConnection(socket: LiveSocket): void {
    const ready = this.prepare(socket).catch((e: unknown) => {
      this.logger.warn(`could not prepare a connection: ${e instanceof Error ? e.message : String(e)}`);
      socket.disconnect(true);
    });
    const guard = new MessageFloodGuard();
    socket.use((packet, next) => {
      const verdict = guard.take();
      if (verdict === 'pass') return next();
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') {
        const error = toLiveError(rateLimited('TOO_MANY_MESSAGES', '送信が多すぎます。少し待ってからもう一度お試しください。', 'Too many messages. Please slow down.'), socket.data.lang);
        (ack as (res: SubscribeAck) => void)({ ok: false, error });
      }
      if (verdict === 'disconnect') {
        this.logger.warn(`disconnecting a socket of participant ${socket.data.viewer.participantId} that kept flooding`);
        socket.disconnect(true);
      }
    });
    socket.on('subscribe', (req, ack) => void ready.then(() => this.handleSubscribe(socket, req, ack)));
    socket.on('unsubscribe', (req, ack) => {
      const room = parseRoom(req?.room);
      if (room) void socket.leave(room.name);
      if (typeof ack === 'function') ack(room ? { ok: true } : { ok: false, error: toLiveError(invalidRoom(), socket.data.lang) });
    });
  }

  private async handleSubscribe(socket: LiveSocket, req: unknown, ack: unknown): Promise<void> {
    if (typeof ack !== 'function') return; // the contract requires an ack; nothing to answer otherwise
    const reply = ack as (res: SubscribeAck) => void;
    const lang = socket.data.lang;
    try {
      const room = parseRoom((req as { room?: unknown } | null)?.room);
      if (!room) throw invalidRoom();
      // Re-check the session: a socket may stay connected longer than its token is valid, or its session may have ended.
      const viewer = await this.tokens.authenticate(socket.data.token);
      if (!socket.rooms.has(room.name) && socket.rooms.size - 1 >= MAX_ROOMS_PER_SOCKET) {
        throw badInput('TOO_MANY_ROOMS', `一つの接続で購読できるのは ${MAX_ROOMS_PER_SOCKET} ルームまでです。`, `One connection may follow at most ${MAX_ROOMS_PER_SOCKET} rooms.`);
      }
      await this.rooms.authorize(viewer, room);
      if (socket.disconnected) return;
      await socket.join(room.name);
      reply({ ok: true, seq: await this.sequencer.current(room.name), heartbeatMs: this.timing.heartbeatMs });
    } catch (e) {
      reply({ ok: false, error: toLiveError(e, lang) });
    }
  }

  /** Publisher and subscriber for @socket.io/redis-adapter, both `ready` before the port opens. */
  private async redisAdapter(): Promise<ReturnType<typeof createAdapter>> {
    // No offline queue on the publisher: while Redis is away a broadcast reaches this node's own
    // clients only, instead of queueing stale events for later (clients refetch on recovery).
    const [pub, sub] = await Promise.all([this.redis.open('pub', { enableOfflineQueue: false }), this.redis.open('sub')]);
    guardPublish(pub);
    return createAdapter(pub, sub, { key: this.redis.key('sio'), requestsTimeout: 3000 });
  }
}

function invalidRoom() {
  return badInput('ROOM_INVALID', 'ルーム名は process:<id>、meeting:<id>、proposal:<id> のいずれかです。', 'A room is process:<id>, meeting:<id> or proposal:<id>.');
}

/**
 * The adapter does not handle a failed PUBLISH; without this a Redis outage would surface as an
 * unhandled rejection (which ends a Node process). The outage is logged once by RedisService.
 */
function guardPublish(pub: Redis): void {
  const publish = pub.publish.bind(pub) as (channel: string, message: string | Buffer) => Promise<number>;
  (pub as unknown as { publish: typeof publish }).publish = (channel, message) => publish(channel, message).catch(() => 0);
}
