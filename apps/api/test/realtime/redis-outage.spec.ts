import { room } from '@yoriai/realtime-contract';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ApiNode, startApiNode } from '../support/api-node';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, waitUntil } from '../support/live-client';
import { liveMeeting, sendJoin, uniqueAddress } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A private redis-server of this test (the machine's shared Redis must never be stopped). */
function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('a node whose Redis goes away', () => {
  let port: number;
  let dir: string;
  let redis: ChildProcess;
  let node: ApiNode;
  const open: LiveClient[] = [];

  beforeAll(async () => {
    port = await freePort();
    dir = mkdtempSync(path.join(os.tmpdir(), 'yoriai-redis-'));
    redis = await startRedis(port, dir);
    node = await startApiNode({ redisUrl: `redis://127.0.0.1:${port}`, redisPrefix: 'yoriai-outage', logLevel: 'info' });
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await node?.kill();
    await stop(redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps serving its own clients, warns once, and tells them to refetch when Redis is back', async () => {
    const anon = new GqlClient(node.url);
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const client = await new LiveClient(node.url, { token: p.organizer.client.token }).connect();
    open.push(client);
    const ack = await client.subscribe(room.proposal(proposal.id));
    await newComment(p.organizer.client, proposal.id, { body: 'Redis 稼働中' });
    await waitUntil(() => client.of('comment.created').length === 1, () => 'no comment before the outage');

    await stop(redis);
    // During the outage: writes, local events (seq counted on from the last known value) and joins all work.
    for (const body of ['Redis 停止中①', 'Redis 停止中②']) await newComment(p.organizer.client, proposal.id, { body });
    await waitUntil(() => client.of('comment.created').length === 3, () => `got ${client.of('comment.created').length} comments during the outage`);
    expect(client.of('comment.created').map((e) => e.seq)).toEqual([(ack.seq as number) + 1, (ack.seq as number) + 2, (ack.seq as number) + 3]);
    const joined = await sendJoin(anon, meeting.joinCode, { displayName: '停電中の参加者' }, uniqueAddress());
    expect(joined.errors).toBeUndefined();
    const wrong = await sendJoin(anon, 'QQQQQQ', {}, uniqueAddress());
    expect(wrong.errors?.[0].extensions?.reason).toBe('JOIN_CODE_UNKNOWN');
    // Let the client library retry a few times: still one warning.
    await new Promise((r) => setTimeout(r, 2500));

    redis = await startRedis(port, dir);
    await waitUntil(() => client.resyncs.length === 1, () => 'no live.resync after Redis returned', 15_000);
    expect(client.resyncs[0]).toEqual({ reason: 'REDIS_RECONNECTED' });
    await newComment(p.organizer.client, proposal.id, { body: 'Redis 復旧後' });
    await waitUntil(() => client.of('comment.created').length === 4, () => 'no comment after recovery');
    const log = node.output();
    expect(log.match(/lost the connection to Redis/g)).toHaveLength(1);
    expect(log.match(/Redis is back after/g)).toHaveLength(1);
    expect(node.process.exitCode).toBeNull();
  }, 60_000);
});
