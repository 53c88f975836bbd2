import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import {
  type ClientToServerEvents,
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
import { RedisService } from '../common/redis/redis.service';
import { connectError, handshakeLanguage, toLiveError } from './live-errors';
import { checkOrigin, handshakeToken } from './live-handshake';
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
  private stopRecoveryListener?: () => void;

  constructor(
    private readonly httpHost: HttpAdapterHost,
    private readonly redis: RedisService,
    private readonly tokens: TokenService,
    private readonly rooms: RoomAccessService,
    private readonly sequencer: RoomSequencer,
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
    nsp.use((socket, next) => {
      const lang = handshakeLanguage(socket.handshake);
      try {
        checkOrigin(socket.handshake.headers);
        const token = handshakeToken(socket.handshake.auth, socket.handshake.headers);
        socket.data = { viewer: this.tokens.verify(token), token, lang };
        next();
      } catch (e) {
        next(connectError(e, lang));
      }
    });
    nsp.on('connection', (socket) => this.onConnection(socket));
    this.stopRecoveryListener = this.redis.onRecovered(() => {
      // Cross-node events were dropped during the outage: every client of this node refetches.
      nsp.local.emit(RESYNC_EVENT, { reason: 'REDIS_RECONNECTED' });
    });
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

  /**
   * Closes every client connection (clients see "transport close" and reconnect, e.g. to another
   * node during a rolling restart), then the adapter. The HTTP server is closed by Nest afterwards.
   */
  async onModuleDestroy(): Promise<void> {
    const io = this.io;
    this.io = undefined;
    this.nsp = undefined;
    this.stopRecoveryListener?.();
    if (!io) return;
    io.engine.close();
    await Promise.allSettled([io.of('/').adapter.close(), io.of(LIVE_NAMESPACE).adapter.close()]);
  }

  private onConnection(socket: LiveSocket): void {
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
    socket.on('subscribe', (req, ack) => void this.handleSubscribe(socket, req, ack));
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
      // Re-check the session: a socket may stay connected longer than its token is valid.
      const viewer = this.tokens.verify(socket.data.token);
      if (!socket.rooms.has(room.name) && socket.rooms.size - 1 >= MAX_ROOMS_PER_SOCKET) {
        throw badInput('TOO_MANY_ROOMS', `一つの接続で購読できるのは ${MAX_ROOMS_PER_SOCKET} ルームまでです。`, `One connection may follow at most ${MAX_ROOMS_PER_SOCKET} rooms.`);
      }
      await this.rooms.authorize(viewer, room);
      if (socket.disconnected) return;
      await socket.join(room.name);
      reply({ ok: true, seq: await this.sequencer.current(room.name) });
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
