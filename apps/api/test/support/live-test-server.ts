import type { AppConfig } from '../../src/config/environment';
import type { RunningServer } from '../../src/server';
import { GqlClient } from './graphql-client';
import { LiveClient, type LiveOptions } from './live-client';
import { startTestServer } from './test-app';

/** The test server of a describe block of live tests, and the socket.io clients its tests open. */
export interface LiveTestServer {
  /** Started in beforeAll: read it in hooks and tests, not while the describe block is collected. */
  readonly server: RunningServer;
  /** A GraphQL client without a token, for the factories that sign up or join. */
  readonly anon: GqlClient;
  /** A live client of the server, not yet connected; it is closed after the test. */
  client(options?: LiveOptions): LiveClient;
  /** A connected live client of the server; it is closed after the test. */
  connect(options?: LiveOptions): Promise<LiveClient>;
  /** Closes these clients (made elsewhere, e.g. by connectMany) after the test as well. */
  track(...clients: LiveClient[]): void;
}

/**
 * Starts a real server for the calling describe block and closes every live client a test opened
 * when that test ends, so no socket outlives its test and one test's events never reach another.
 * Call it at the top of the describe block.
 */
export function useLiveTestServer(overrides: Partial<AppConfig> = {}): LiveTestServer {
  let server: RunningServer | undefined;
  let anon: GqlClient | undefined;
  const open: LiveClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(overrides);
    anon = new GqlClient(server.url);
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => server?.close());

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the live test server is started in beforeAll: use it inside hooks and tests');
    return value;
  };
  const client = (options: LiveOptions = {}): LiveClient => {
    const c = new LiveClient(started(server).url, options);
    open.push(c);
    return c;
  };
  return {
    get server() {
      return started(server);
    },
    get anon() {
      return started(anon);
    },
    client,
    connect: (options) => client(options).connect(),
    track: (...clients) => {
      open.push(...clients);
    },
  };
}
