import type { VoteChoice } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ApiNode, startApiNode } from '../support/api-node';
import { freePort, killProcess, requestId, sendUntilAcknowledged, startRedis } from '../support/fault-support';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, quietFor, waitUntil } from '../support/live-client';
import { type JoinedGuest, joinHall, liveMeeting } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { CAST_VOTE, openVoting, PROPOSAL_VOTING, type TestTally } from '../support/voting-factories';

const VOTERS = 30;
const CHOICES: VoteChoice[] = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'];
const OUTAGE_MS = 4_000;

const totals = (t: Pick<TestTally, 'agree' | 'disagree' | 'abstain' | 'block' | 'total'> | undefined) => t && { agree: t.agree, disagree: t.disagree, abstain: t.abstain, block: t.block, total: t.total };

/**
 * Two API nodes share a Redis (their own redis-server on a loopback port) that is stopped for a few
 * seconds under a steady stream of votes and then started again. Each node keeps serving its own
 * clients and warns once; when Redis is back, clients are told to refetch and events cross between
 * the nodes again. RELIABILITY.md: the adapter drops cross-node events while Redis is away, so the
 * test asserts recovery, not delivery during the outage.
 */
describe('Redis stopped and restarted under load (two nodes)', () => {
  let port: number;
  let dir: string;
  let redis: ChildProcess;
  let a: ApiNode;
  let b: ApiNode;
  const open: LiveClient[] = [];
  const redisLog = { A: [] as string[], B: [] as string[] };
  /** The load loop runs while this holds (afterAll ends it too, should the test fail half-way). */
  let running = true;

  beforeAll(async () => {
    port = await freePort();
    dir = mkdtempSync(path.join(os.tmpdir(), 'yoriai-redis-fault-'));
    redis = await startRedis(port, dir);
    const config = { redisUrl: `redis://127.0.0.1:${port}`, redisPrefix: 'yoriai-fault', logLevel: 'info' as const };
    [a, b] = await Promise.all([startApiNode(config), startApiNode(config)]);
    // The nodes log every request at this level; keep the Redis lines apart so none scrolls away.
    for (const [node, lines] of [
      [a, redisLog.A],
      [b, redisLog.B],
    ] as const) {
      node.process.stdout?.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter((l) => /Redis/.test(l))));
    }
  });
  afterAll(async () => {
    running = false;
    open.forEach((c) => c.close());
    await Promise.all([a?.kill(), b?.kill()]);
    await killProcess(redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it('each node serves its own clients during the outage, warns once, and cross-node fan-out resumes after', async () => {
    const anon = new GqlClient(a.url);
    const p = await newProcess(anon, 'Redis 障害の試験');
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const hall = await joinHall(anon, meeting.joinCode, VOTERS);
    await openVoting(p.organizer.client, proposal.id);
    const proposalRoom = room.proposal(proposal.id);
    const token = p.organizer.client.token as string;
    const onA = [await new LiveClient(a.url, { token }).connect(), await new LiveClient(a.url, { token }).connect()];
    const onB = [await new LiveClient(b.url, { token }).connect(), await new LiveClient(b.url, { token }).connect()];
    open.push(...onA, ...onB);
    for (const c of [...onA, ...onB]) expect(await c.subscribe(proposalRoom)).toMatchObject({ ok: true });

    // Steady load: each voter changes their vote every ~150 ms, half of them through A, half through B.
    const via = (g: JoinedGuest, i: number) => new GqlClient(i % 2 ? b.url : a.url).withToken(g.token);
    const sent: { key: string; acked: boolean; node: 'A' | 'B'; at: number }[] = [];
    const load = Promise.all(
      hall.map(async (g, i) => {
        for (let k = 0; running && k < 200; k++) {
          const clientRequestId = requestId();
          const r = await sendUntilAcknowledged(via(g, i), CAST_VOTE, { i: { proposalId: proposal.id, choice: CHOICES[(i + k) % 4], clientRequestId } });
          sent.push({ key: `${g.participant.id}/${clientRequestId}`, acked: !r.result.errors, node: i % 2 ? 'B' : 'A', at: Date.now() });
          await new Promise((res) => setTimeout(res, 100 + Math.random() * 100));
        }
      }),
    );

    await quietFor(1_000);
    await killProcess(redis);
    const outageStart = Date.now();
    const tallyCountAtStart = [...onA, ...onB].map((c) => c.of('vote.tally', proposalRoom).length);
    await quietFor(OUTAGE_MS);
    // During the outage each node kept serving: votes through it were acknowledged, and its own clients got tallies.
    expect(sent.filter((s) => s.at > outageStart && s.acked && s.node === 'A').length).toBeGreaterThan(10);
    expect(sent.filter((s) => s.at > outageStart && s.acked && s.node === 'B').length).toBeGreaterThan(10);
    [...onA, ...onB].forEach((c, i) => expect({ client: i, gotTallies: c.of('vote.tally', proposalRoom).length > tallyCountAtStart[i] }).toEqual({ client: i, gotTallies: true }));

    redis = await startRedis(port, dir);
    // Clients are told to refetch once their node has Redis again.
    for (const c of [...onA, ...onB]) await waitUntil(() => c.resyncs.length >= 1, () => 'no live.resync after Redis returned', 20_000);
    expect(onA[0].resyncs[0]).toEqual({ reason: 'REDIS_RECONNECTED' });
    await quietFor(500);
    running = false;
    await load;
    await quietFor(500);

    // Cross-node fan-out is back: a vote through B only reaches A's clients through Redis.
    const lastVoter = hall[1];
    const before = onA.map((c) => c.of('vote.tally', proposalRoom).length);
    await sendUntilAcknowledged(via(lastVoter, 1), CAST_VOTE, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: requestId() } });
    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    for (const [i, c] of onA.entries()) {
      await waitUntil(() => c.of('vote.tally', proposalRoom).length > before[i] && JSON.stringify(totals(c.last('vote.tally', proposalRoom)?.tally)) === JSON.stringify(totals(truth)), () => `A client ${i}: ${JSON.stringify(totals(c.last('vote.tally')?.tally))} vs ${JSON.stringify(totals(truth))}`, 10_000);
    }
    for (const c of onB) await waitUntil(() => JSON.stringify(totals(c.last('vote.tally', proposalRoom)?.tally)) === JSON.stringify(totals(truth)), () => 'B client not at the truth');

    // No acknowledged vote was lost or doubled.
    expect(sent.filter((s) => !s.acked)).toEqual([]);
    const stored = await sql<{ key: string; n: number }>(
      process.env.YORIAI_TEST_DATABASE_URL as string,
      `SELECT e.participant_id || '/' || e.client_request_id AS key, count(*)::int AS n FROM vote_event e JOIN voting_round r ON r.id = e.round_id WHERE r.proposal_id = $1 GROUP BY 1`,
      [proposal.id],
    );
    expect(stored.filter((r) => r.n !== 1)).toEqual([]);
    const storedKeys = new Set(stored.map((r) => r.key));
    expect(sent.filter((s) => !storedKeys.has(s.key))).toEqual([]);

    // Each node warned once about the outage and once about the recovery, and neither stopped.
    for (const [node, lines] of [
      [a, redisLog.A],
      [b, redisLog.B],
    ] as const) {
      expect(lines.filter((l) => l.includes('lost the connection to Redis'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('Redis is back after'))).toHaveLength(1);
      expect(node.process.exitCode).toBeNull();
    }
  }, 90_000);
});
