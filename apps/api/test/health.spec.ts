import { DataSource } from 'typeorm';
import type { RunningServer } from '../src/server';
import { startTestServer } from './support/test-app';

describe('GET /healthz', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers 200 {"status":"ok","db":"up"} while the database is reachable', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
  });

  it('answers 503 once the database is gone', async () => {
    const probe = await startTestServer({ databaseUrl: server.databaseUrl });
    const ds = probe.app.get(DataSource);
    await ds.destroy();
    const res = await fetch(`${probe.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'error', db: 'down' });
    await probe.close().catch(() => undefined);
  });
});
