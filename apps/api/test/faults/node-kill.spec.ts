import type { VoteChoice } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { randomBytes } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import { type ApiNode, startApiNode } from '../support/api-node';
import { deleteRedisKeys, FailoverProxy, requestId, sendUntilAcknowledged } from '../support/fault-support';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, waitUntil } from '../support/live-client';
import { joinHall, liveMeeting } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';
import { ADD_COMMENT, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { CAST_VOTE, openVoting, PROPOSAL_VOTING, type TestTally } from '../support/voting-factories';

const REDIS_URL = process.env.YORIAI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const VOTERS = 40;
const WATCHERS = 20;
const ROUNDS = 8;
const CHOICES: VoteChoice[] = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'];

/** What one screen shows: the latest tally it holds, from live events or from a GraphQL refetch. */
interface Screen {
  client: LiveClient;
  refetched: TestTally[];
}

/**
 * Two API nodes behind a proxy (as in docker/compose.yml), sharing PostgreSQL and Redis. Node B,
 * which every client happens to be on, is SIGKILLed mid-stream. Its clients reconnect through the
 * proxy to node A, subscribe again, refetch the current tally and follow it live; every vote and
 * comment a client was told succeeded is there exactly once.
 */
describe('an API node SIGKILLed in a two-node setup with Redis', () => {
  const prefix = `yoriai-fault-${randomBytes(5).toString('hex')}`;
  let a: RunningServer;
  let b: ApiNode;
  let proxy: FailoverProxy;
  const screens: Screen[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix }), startApiNode({ redisUrl: REDIS_URL, redisPrefix: prefix })]);
    // B first: every client lands on B until B is gone.
    proxy = await new FailoverProxy([Number(new URL(b.url).port), a.port]).listen();
  });
  afterAll(async () => {
    screens.forEach((s) => s.client.close());
    await proxy?.close();
    await b?.kill();
    await a?.close();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  it('moves the killed node’s clients to the other node with the current tally, and loses no acknowledged vote or comment', async () => {
    const anon = new GqlClient(proxy.url);
    const p = await newProcess(anon, 'ノード障害の試験');
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const hall = await joinHall(anon, meeting.joinCode, VOTERS);
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const proposalRoom = room.proposal(proposal.id);

    for (const guest of hall.slice(0, WATCHERS)) {
      const screen: Screen = { client: new LiveClient(proxy.url, { token: guest.token, reconnection: true }), refetched: [] };
      await screen.client.connect();
      expect(await screen.client.subscribe(proposalRoom)).toMatchObject({ ok: true });
      // The documented client rule: after a reconnection that socket.io could not recover, refetch the room's state.
      screen.client.socket.on('connect', () => {
        if (screen.client.socket.recovered) return;
        void guest.client.raw<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id }).then((r) => r.data && screen.refetched.push(r.data.proposal.tally));
      });
      screens.push(screen);
    }

    const votes: { participantId: string; clientRequestId: string; choice: VoteChoice; acked: boolean }[] = [];
    const comments: { authorId: string; clientRequestId: string; body: string; acked: boolean }[] = [];
    let acknowledged = 0;
    const traffic = Promise.all(
      hall.map(async (guest, v) => {
        for (let k = 0; k < ROUNDS; k++) {
          const vote = { participantId: guest.participant.id, clientRequestId: requestId(), choice: CHOICES[(v + k) % 4], acked: false };
          votes.push(vote);
          const r = await sendUntilAcknowledged(guest.client, CAST_VOTE, { i: { proposalId: proposal.id, choice: vote.choice, clientRequestId: vote.clientRequestId } });
          vote.acked = !r.result.errors;
          acknowledged++;
          if (k % 2 === 0) {
            const comment = { authorId: guest.participant.id, clientRequestId: requestId(), body: `参加者${v + 1}の意見 ${k / 2 + 1} 🗳`, acked: false };
            comments.push(comment);
            const c = await sendUntilAcknowledged(guest.client, ADD_COMMENT, { input: { proposalId: proposal.id, stance: 'NEUTRAL', body: comment.body, clientRequestId: comment.clientRequestId } });
            comment.acked = !c.result.errors;
          }
        }
      }),
    );
    await waitUntil(() => acknowledged >= 80, () => `only ${acknowledged} votes before the kill`, 30_000);
    await b.kill();
    await traffic;

    // Nothing a client was told succeeded is missing, and nothing is doubled.
    expect(votes.filter((v) => !v.acked)).toEqual([]);
    expect(comments.filter((c) => !c.acked)).toEqual([]);
    const storedVotes = await sql<{ key: string; n: number }>(
      a.databaseUrl,
      `SELECT e.participant_id || '/' || e.client_request_id AS key, count(*)::int AS n FROM vote_event e JOIN voting_round r ON r.id = e.round_id WHERE r.proposal_id = $1 GROUP BY 1`,
      [proposal.id],
    );
    expect(storedVotes.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Set(storedVotes.map((r) => r.key))).toEqual(new Set(votes.map((v) => `${v.participantId}/${v.clientRequestId}`)));
    const storedComments = await sql<{ key: string; body: string }>(a.databaseUrl, `SELECT author_id || '/' || client_request_id AS key, body FROM comment WHERE proposal_id = $1`, [proposal.id]);
    expect(storedComments).toHaveLength(comments.length);
    expect(new Map(storedComments.map((c) => [c.key, c.body]))).toEqual(new Map(comments.map((c) => [`${c.authorId}/${c.clientRequestId}`, c.body])));
    const current = await sql<{ participant_id: string; choice: VoteChoice }>(a.databaseUrl, 'SELECT v.participant_id, v.choice FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.proposal_id = $1', [proposal.id]);
    const lastChoice = new Map(hall.map((g, v) => [g.participant.id, CHOICES[(v + ROUNDS - 1) % 4]]));
    expect(current).toHaveLength(VOTERS);
    expect(current.filter((c) => c.choice !== lastChoice.get(c.participant_id))).toEqual([]);

    // Every screen that was on B reconnected (to A, through the proxy), followed the room again and refetched the tally.
    for (const [i, s] of screens.entries()) {
      await waitUntil(() => s.client.reconnections.length >= 1 && s.client.reconnections[0].resubscribed.length === 1 && s.refetched.length >= 1, () => `screen ${i}: ${JSON.stringify(s.client.reconnections)} refetched ${s.refetched.length}`, 20_000);
      expect(s.client.reconnections[0]).toEqual({ recovered: false, resubscribed: [{ ok: true, seq: expect.any(Number), heartbeatMs: 5000 }] });
    }
    // …and from then on they follow it live: one more vote, and every screen holds the true tally.
    const last = hall[VOTERS - 1];
    await sendUntilAcknowledged(last.client, CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE', clientRequestId: requestId() } });
    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    expect(truth.total).toBe(VOTERS);
    for (const [i, s] of screens.entries()) {
      await waitUntil(
        () => JSON.stringify(pick(s.client.last('vote.tally', proposalRoom)?.tally)) === JSON.stringify(pick(truth)),
        () => `screen ${i} holds ${JSON.stringify(pick(s.client.last('vote.tally', proposalRoom)?.tally))}, truth ${JSON.stringify(pick(truth))}`,
      );
    }
  }, 120_000);
});

function pick(t: Pick<TestTally, 'agree' | 'disagree' | 'abstain' | 'block' | 'total'> | undefined) {
  return t && { agree: t.agree, disagree: t.disagree, abstain: t.abstain, block: t.block, total: t.total };
}
