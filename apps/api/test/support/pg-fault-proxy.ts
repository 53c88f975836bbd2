import { createConnection, createServer, type Server, type Socket } from 'node:net';

type Fault = { kind: 'cut-after-commit' } | { kind: 'lose-commit-answer' };

/** One client connection through the proxy and what the server has said on it so far. */
interface Link {
  client: Socket;
  upstream: Socket;
  /** Bytes from PostgreSQL not yet split into whole protocol messages. */
  pending: Buffer;
  /** This connection just committed under a `cut-after-commit` fault: cut once PostgreSQL says it is ready. */
  cutWhenReady: boolean;
}

/**
 * A loopback TCP proxy in front of PostgreSQL that breaks the API's database connections at an exact
 * point of the protocol, as a PostgreSQL restart, a failover or `pg_terminate_backend` does — but
 * deterministically, right after a transaction commits:
 *
 * - `cutAfterNextCommit()`: the next COMMIT reaches PostgreSQL and its answer reaches the API (the
 *   write is committed and acknowledged); then every connection breaks and new ones are refused until
 *   `restore()`. Whatever the API reads after that COMMIT (e.g. an event's payload) fails.
 * - `loseNextCommitAnswer()`: the next COMMIT reaches PostgreSQL (committed) but its answer never
 *   reaches the API: the connection breaks instead, so the API believes the write failed.
 *
 * It reads only PostgreSQL's messages (type byte + length), never the client's; node-postgres does not
 * ask for TLS on loopback, so every server message is framed from the first byte.
 */
export class PgFaultProxy {
  private readonly server: Server;
  private readonly links = new Set<Link>();
  private fault: Fault | null = null;
  private down = false;
  private readonly downListeners = new Set<() => void>();
  url = '';

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.accept(client));
  }

  /** Starts listening; `databaseUrl` is the real one, the proxy's URL differs only in host and port. */
  static async start(databaseUrl: string): Promise<PgFaultProxy> {
    const real = new URL(databaseUrl);
    const proxy = new PgFaultProxy({ host: real.hostname || '127.0.0.1', port: Number(real.port || 5432) });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const via = new URL(databaseUrl);
    via.hostname = '127.0.0.1';
    via.port = String((proxy.server.address() as { port: number }).port);
    proxy.url = via.toString();
    return proxy;
  }

  get isDown(): boolean {
    return this.down;
  }

  cutAfterNextCommit(): void {
    this.fault = { kind: 'cut-after-commit' };
  }

  loseNextCommitAnswer(): void {
    this.fault = { kind: 'lose-commit-answer' };
  }

  /** Resolves when the proxy has cut the database off (after an armed fault fired). */
  whenDown(): Promise<void> {
    if (this.down) return Promise.resolve();
    return new Promise((resolve) => this.downListeners.add(resolve));
  }

  /** Breaks every connection now and refuses new ones until `restore()`. */
  cutAll(): void {
    this.down = true;
    for (const link of this.links) this.drop(link);
    for (const l of this.downListeners) l();
    this.downListeners.clear();
  }

  /** Accepts connections again (the database is "back"). */
  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    for (const link of this.links) this.drop(link);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.down) {
      client.destroy(); // the API sees its connection attempt reset, as with a database that is restarting
      return;
    }
    client.pause();
    const upstream = createConnection(this.target);
    const link: Link = { client, upstream, pending: Buffer.alloc(0), cutWhenReady: false };
    this.links.add(link);
    upstream.once('connect', () => {
      client.pipe(upstream);
      client.resume();
    });
    upstream.on('data', (chunk: Buffer) => this.fromServer(link, chunk));
    const end = () => this.drop(link);
    upstream.on('error', end);
    upstream.on('close', end);
    client.on('error', end);
    client.on('close', end);
  }

  /** Forwards PostgreSQL's bytes message by message, watching for COMMIT answers. */
  private fromServer(link: Link, chunk: Buffer): void {
    link.pending = Buffer.concat([link.pending, chunk]);
    let forwardUpTo = 0;
    while (link.pending.length - forwardUpTo >= 5) {
      const type = String.fromCharCode(link.pending[forwardUpTo]);
      const length = link.pending.readUInt32BE(forwardUpTo + 1);
      const end = forwardUpTo + 1 + length;
      if (link.pending.length < end) break;
      const body = link.pending.subarray(forwardUpTo + 5, end);
      if (type === 'C' && body.toString('utf8').replace(/\0+$/, '') === 'COMMIT' && this.fault) {
        const fault = this.fault;
        this.fault = null;
        if (fault.kind === 'lose-commit-answer') {
          // Everything before the COMMIT's answer goes through; the answer itself never does.
          link.client.write(link.pending.subarray(0, forwardUpTo));
          link.pending = Buffer.alloc(0);
          this.drop(link);
          return;
        }
        link.cutWhenReady = true;
      }
      forwardUpTo = end;
      if (type === 'Z' && link.cutWhenReady) {
        // The COMMIT and PostgreSQL's "ready" after it reach the API: it knows its write committed.
        link.client.write(link.pending.subarray(0, forwardUpTo), () => this.cutAll());
        link.pending = Buffer.alloc(0);
        link.cutWhenReady = false;
        return;
      }
    }
    if (forwardUpTo > 0) {
      link.client.write(link.pending.subarray(0, forwardUpTo));
      link.pending = link.pending.subarray(forwardUpTo);
    }
  }

  private drop(link: Link): void {
    if (!this.links.delete(link)) return;
    link.client.destroy();
    link.upstream.destroy();
  }
}
