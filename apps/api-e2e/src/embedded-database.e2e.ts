import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, gql, spawnServer, waitForHealth } from './support/built-server';

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { token participant { id } } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { participant { id displayName } } }';

describe('npm start without DATABASE_URL (embedded PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yoriai-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the web app and /healthz, and keeps data across a restart', async () => {
    const port = await freePort();
    const env = { DATABASE_URL: undefined, REDIS_URL: undefined, NODE_ENV: undefined, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

    const first = spawnServer(env);
    await waitForHealth(first);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok', db: 'up' });
    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toContain('<div id="root">');
    // A client-side route is the SPA too.
    expect((await fetch(`${first.url}/j/ABC234`)).headers.get('content-type')).toMatch(/text\/html/);

    const name = '埋め込み 太郎🍙';
    const created = await gql<{ signUp: { participant: { id: string } } }>(first.url, SIGN_UP, {
      i: { email: 'embedded@example.test', password: 'correct horse battery', displayName: name },
    });
    expect(created.errors).toBeUndefined();
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = spawnServer(env);
    try {
      await waitForHealth(second);
      const back = await gql<{ signIn: { participant: { id: string; displayName: string } } }>(second.url, SIGN_IN, {
        e: 'embedded@example.test',
        p: 'correct horse battery',
      });
      expect(back.data?.signIn.participant).toEqual({ id: created.data?.signUp.participant.id, displayName: name });
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });
});
