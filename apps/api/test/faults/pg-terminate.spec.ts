import type { VoteChoice } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import type { RunningServer } from '../../src/server';
import { type Attempted, requestId, sendUntilAcknowledged } from '../support/fault-support';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, waitUntil } from '../support/live-client';
import { joinHall, liveMeeting } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { createScratchDatabase, dropDatabase, withAdmin } from '../support/test-database';
import { startTestServer } from '../support/test-app';
import { CAST_VOTE, openVoting, PROPOSAL_VOTING, type TestTally, type TestVote } from '../support/voting-factories';

const VOTERS = 100;
const VOTES_EACH = 10;
const CHOICES: VoteChoice[] = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'];

interface Sent {
  participantId: string;
  clientRequestId: string;
  choice: VoteChoice;
  outcome: Attempted<{ castVote: TestVote }>;
}

/**
 * PostgreSQL kills the API's connections (pg_terminate_backend, as a failover or an admin would) over
 * and over during a 1,000-vote storm. The API must carry on without a restart; every vote a client
 * was told succeeded is stored exactly once; a vote that failed was answered with a clear error and
 * succeeded when the client retried it with the same clientRequestId.
 */
describe('PostgreSQL connections terminated in the middle of a vote storm', () => {
  // A database of this test alone: terminating the connections of the shared test database would
  // break the test files running beside this one.
  let db: { name: string; url: string };
  let server: RunningServer;

  beforeAll(async () => {
    db = await createScratchDatabase('yoriai_fault_pg');
    server = await startTestServer({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await server?.close();
    await dropDatabase(db.name);
  });

  const terminateApiConnections = () =>
    withAdmin(async (c) => {
      // In the select list (never in WHERE, where PostgreSQL may call it before the other conditions).
      const r = await c.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND application_name = 'yoriai-api' AND pid <> pg_backend_pid()`,
        [db.name],
      );
      return r.rows.filter((row) => row.killed).length;
    });

  it('recovers without a restart; acknowledged votes are stored exactly once; failed ones had a clear error and landed on retry', async () => {
    const anon = new GqlClient(server.url);
    const p = await newProcess(anon, '接続断の試験');
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const hall = await joinHall(anon, meeting.joinCode, VOTERS);
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const watcher = await new LiveClient(server.url, { token: p.organizer.client.token }).connect();
    await watcher.subscribe(room.proposal(proposal.id));

    const sent: Sent[] = [];
    let acknowledged = 0;
    let stormOver = false;
    // Each voter changes their vote VOTES_EACH times, one request at a time, like a phone would.
    const storm = Promise.all(
      hall.map(async (guest, v) => {
        for (let k = 0; k < VOTES_EACH; k++) {
          const entry = { participantId: guest.participant.id, clientRequestId: requestId(), choice: CHOICES[(v + k) % 4] } as Sent;
          entry.outcome = await sendUntilAcknowledged<{ castVote: TestVote }>(guest.client, CAST_VOTE, { i: { proposalId: proposal.id, choice: entry.choice, clientRequestId: entry.clientRequestId } });
          sent.push(entry);
          if (!entry.outcome.result.errors) acknowledged++;
        }
      }),
    ).finally(() => (stormOver = true));
    // Kill every connection of the API, again and again, while the storm runs (bounded: ≤ 40 rounds).
    let terminated = 0;
    let rounds = 0;
    while (!stormOver && rounds < 40) {
      await waitUntil(() => stormOver || acknowledged >= (rounds + 1) * 60, () => `storm stalled at ${acknowledged} acknowledged votes`, 30_000);
      if (stormOver) break;
      terminated += await terminateApiConnections();
      rounds++;
    }
    await storm;

    // Every request ended acknowledged (after retries where needed).
    expect(sent).toHaveLength(VOTERS * VOTES_EACH);
    expect(sent.filter((s) => s.outcome.result.errors)).toEqual([]);
    const failures = sent.flatMap((s) => s.outcome.failures);
    expect(terminated).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
    // What a client was told when its vote failed: a typed, retryable error, in Japanese by default.
    for (const f of failures) {
      if (f.status === 0) continue; // the TCP connection itself broke: nothing to read
      expect(f.error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE' });
      expect(f.error.message).toBe('データベースとの接続が一時的に切れました。もう一度お試しください（投票や投稿は二重になりません）。');
    }

    // Exactly once: one vote_event per (participant, clientRequestId) that was sent, and nothing else.
    const events = await sql<{ participant_id: string; client_request_id: string; n: number }>(
      server.databaseUrl,
      `SELECT e.participant_id, e.client_request_id, count(*)::int AS n FROM vote_event e JOIN voting_round r ON r.id = e.round_id
        WHERE r.proposal_id = $1 GROUP BY 1, 2`,
      [proposal.id],
    );
    expect(events.filter((e) => e.n !== 1)).toEqual([]);
    expect(new Set(events.map((e) => `${e.participant_id}/${e.client_request_id}`))).toEqual(new Set(sent.map((s) => `${s.participantId}/${s.clientRequestId}`)));
    // One audit row per event, and each voter's current vote is their last acknowledged one.
    const [audit] = await sql<{ n: number }>(server.databaseUrl, `SELECT count(*)::int AS n FROM audit_log WHERE process_id = $1 AND action = 'vote.cast'`, [p.id]);
    expect(audit.n).toBe(VOTERS * VOTES_EACH);
    const current = await sql<{ participant_id: string; choice: VoteChoice }>(server.databaseUrl, 'SELECT v.participant_id, v.choice FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.proposal_id = $1', [proposal.id]);
    expect(current).toHaveLength(VOTERS);
    const lastChoice = new Map(hall.map((g, v) => [g.participant.id, CHOICES[(v + VOTES_EACH - 1) % 4]]));
    expect(current.filter((c) => lastChoice.get(c.participant_id) !== c.choice)).toEqual([]);

    // Without a restart: the same server answers health checks, new votes, and its live clients converge on the truth.
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', db: 'up' });
    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    expect(truth.total).toBe(VOTERS);
    await waitUntil(() => watcher.last('vote.tally', room.proposal(proposal.id))?.tally?.agree === truth.agree && watcher.last('vote.tally')?.tally?.total === VOTERS, () => `live tally ${JSON.stringify(watcher.last('vote.tally')?.tally)} vs ${JSON.stringify(truth)}`);
    watcher.close();
  }, 120_000);
});
