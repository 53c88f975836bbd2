import type { VoteChoice } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { Redis } from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import { type ApiNode, startApiNode } from '../support/api-node';
import { deleteRedisKeys } from '../support/fault-support';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, quietFor, waitUntil } from '../support/live-client';
import { type JoinedGuest, joinHall, liveMeeting, TestDevice } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';
import { newComment, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { CAST_VOTE, openVoting, PROPOSAL_VOTING, type TestTally } from '../support/voting-factories';

const REDIS_URL = process.env.YORIAI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function plain(t: TestTally): unknown {
  return { ...t, bySector: t.bySector.map(({ mergedSectors, ...s }) => (mergedSectors ? { ...s, mergedSectors } : s)) };
}

/** The same guest, talking to another node (tokens are valid on every node: one JWT secret). */
function via(url: string, guest: JoinedGuest): GqlClient {
  return new GqlClient(url).withToken(guest.token);
}

describe('two API nodes sharing PostgreSQL and Redis', () => {
  // A key and channel prefix of this run only: parallel runs on one Redis never see each other.
  const prefix = `yoriai-test-${randomBytes(5).toString('hex')}`;
  let a: RunningServer;
  let b: ApiNode;
  let anonA: GqlClient;
  const open: LiveClient[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix }), startApiNode({ redisUrl: REDIS_URL, redisPrefix: prefix })]);
    anonA = new GqlClient(a.url);
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await b?.kill();
    await a?.close();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  it('fans events out across nodes: a client on A gets the tally of votes cast through B, and one seq per room', async () => {
    const p = await newProcess(anonA);
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const hall = await joinHall(anonA, meeting.joinCode, 30);
    const watcherA = await new LiveClient(a.url, { token: p.organizer.client.token }).connect();
    const watcherB = await new LiveClient(b.url, { token: p.organizer.client.token }).connect();
    open.push(watcherA, watcherB);
    const proposalRoom = room.proposal(proposal.id);
    const [ackA] = await Promise.all([watcherA.subscribe(proposalRoom), watcherB.subscribe(proposalRoom)]);
    await openVoting(new GqlClient(b.url).withToken(p.organizer.client.token as string), proposal.id);

    const choices: VoteChoice[] = ['AGREE', 'DISAGREE', 'AGREE', 'ABSTAIN'];
    const results = await Promise.all(hall.map((g, i) => via(b.url, g).raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: choices[i % 4], clientRequestId: randomUUID() } })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    expect(truth.total).toBe(30);
    for (const w of [watcherA, watcherB]) {
      await waitUntil(() => JSON.stringify(w.last('vote.tally', proposalRoom)?.tally) === JSON.stringify(plain(truth)), () => `last: ${JSON.stringify(w.last('vote.tally'))}`);
    }

    // Events caused on either node share one counter per room (Redis INCR).
    await newComment(via(b.url, hall[0]), proposal.id, { body: 'B から' });
    await newComment(via(a.url, hall[1]), proposal.id, { body: 'A から' });
    await newComment(via(b.url, hall[2]), proposal.id, { body: 'B から再び' });
    await waitUntil(() => watcherA.of('comment.created').length === 3, () => 'comments missing on A');
    await quietFor(300);
    const seqs = watcherA.events.filter((e) => e.payload.room === proposalRoom).map((e) => e.payload.seq as number);
    expect(seqs).toEqual(seqs.map((_, i) => (ackA.seq as number) + 1 + i));
    expect(watcherB.events.filter((e) => e.payload.room === proposalRoom).map((e) => e.payload.seq)).toEqual(seqs);
  });

  it("shares a device's join-code guessing counter between nodes", async () => {
    const p = await newProcess(anonA);
    const meeting = await liveMeeting(p);
    const onA = new TestDevice(a.url);
    const onB = onA.via(b.url);
    const wrong = meeting.joinCode === 'QQQQQQ' ? 'QQQQQ2' : 'QQQQQQ';
    for (let i = 0; i < 10; i++) {
      const res = await (i % 2 ? onB : onA).join(wrong);
      expect(res.errors?.[0].extensions?.reason).toBe('JOIN_CODE_UNKNOWN');
    }
    for (const device of [onA, onB]) {
      const locked = await device.join(meeting.joinCode);
      expect(locked.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'JOIN_CODE_LOCKED' });
    }
  });

  it('tells its clients to refetch when its Redis connection comes back after a loss', async () => {
    const p = await newProcess(anonA);
    const watcher = await new LiveClient(a.url, { token: p.organizer.client.token }).connect();
    open.push(watcher);
    await watcher.subscribe(room.process(p.id));
    // Cut this run's Redis connections (found by their names; both nodes), as a network blip would.
    const admin = new Redis(REDIS_URL);
    try {
      const list = (await admin.client('LIST')) as string;
      const ids = list
        .split('\n')
        .filter((line) => line.includes(` name=${prefix}-`))
        .map((line) => /id=(\d+)/.exec(line)?.[1])
        .filter((id): id is string => !!id);
      expect(ids.length).toBeGreaterThanOrEqual(4); // at least the adapter's pub and sub of each node
      for (const id of ids) await admin.client('KILL', 'ID', id);
    } finally {
      await admin.quit();
    }
    await waitUntil(() => watcher.resyncs.length >= 1, () => 'no live.resync after Redis came back', 15_000);
    expect(watcher.resyncs[0]).toEqual({ reason: 'REDIS_RECONNECTED' });
    // And cross-node fan-out works again.
    const proposal = await newProposal(new GqlClient(b.url).withToken(p.organizer.client.token as string), p, { title: '再接続後の提案' });
    await waitUntil(() => watcher.of('proposal.created').some((e) => e.proposal.id === proposal.id), () => 'proposal.created from B not received on A', 15_000);
  });

  it('loses no acknowledged vote when node B is SIGKILLed mid-stream; unacknowledged ones converge on retry', async () => {
    const p = await newProcess(anonA);
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const hall = await joinHall(anonA, meeting.joinCode, 40);
    const watcher = await new LiveClient(a.url, { token: p.organizer.client.token }).connect();
    open.push(watcher);
    await watcher.subscribe(room.proposal(proposal.id));
    await openVoting(p.organizer.client, proposal.id);

    interface Sent {
      choice: VoteChoice;
      clientRequestId: string;
      acked: boolean;
    }
    const sent = new Map<string, Sent[]>(hall.map((g) => [g.participant.id, []]));
    let acked = 0;
    let killed = false;
    const choices: VoteChoice[] = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'];
    // Every voter keeps changing their vote through node B, one request at a time.
    const voters = hall.map(async (g, v) => {
      const client = via(b.url, g);
      for (let k = 0; !killed && k < 200; k++) {
        const attempt: Sent = { choice: choices[(v + k) % 4], clientRequestId: randomUUID(), acked: false };
        sent.get(g.participant.id)?.push(attempt);
        try {
          const res = await client.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: attempt.choice, clientRequestId: attempt.clientRequestId } });
          if (res.errors?.length || !res.data) break;
          attempt.acked = true;
          acked++;
        } catch {
          break; // the node is gone: this request is unacknowledged
        }
      }
    });
    await waitUntil(() => acked >= 150, () => `only ${acked} votes acknowledged`, 30_000);
    killed = true;
    await b.kill();
    await Promise.all(voters);

    const events = await sql<{ participant_id: string; client_request_id: string }>(
      a.databaseUrl,
      'SELECT e.participant_id, e.client_request_id FROM vote_event e JOIN voting_round r ON r.id = e.round_id WHERE r.proposal_id = $1',
      [proposal.id],
    );
    const stored = new Set(events.map((e) => `${e.participant_id}/${e.client_request_id}`));
    const ackedVotes = [...sent.entries()].flatMap(([pid, list]) => list.filter((s) => s.acked).map((s) => `${pid}/${s.clientRequestId}`));
    expect(ackedVotes.length).toBeGreaterThanOrEqual(150);
    expect(ackedVotes.filter((key) => !stored.has(key))).toEqual([]);
    expect(events.length).toBe(stored.size); // no duplicates

    // Each voter retries their unacknowledged request through node A with the same id: it lands at most once.
    const retries = hall.map(async (g) => {
      const last = sent.get(g.participant.id)?.at(-1);
      if (!last || last.acked) return;
      const res = await via(a.url, g).raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: last.choice, clientRequestId: last.clientRequestId } });
      expect(res.errors).toBeUndefined();
    });
    await Promise.all(retries);
    const current = await sql<{ participant_id: string; choice: string }>(a.databaseUrl, 'SELECT v.participant_id, v.choice FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.proposal_id = $1', [proposal.id]);
    for (const row of current) expect(row.choice).toBe(sent.get(row.participant_id)?.at(-1)?.choice);
    expect(current).toHaveLength(40);

    // Node A carries on alone: its clients end with the true tally.
    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    await waitUntil(() => JSON.stringify(watcher.last('vote.tally', room.proposal(proposal.id))?.tally) === JSON.stringify(plain(truth)), () => 'A did not converge on the truth');
  }, 90_000);
});
