import { SECTORS, type Sector, type VoteChoice } from '@yoriai/domain';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { CAST_VOTE, castVote, newVoters, openVoting, PROPOSAL_VOTING, type TestTally, type TestVote } from '../support/voting-factories';

const CHOICES: VoteChoice[] = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'];

describe('castVote under load and retries: nothing lost, nothing doubled, nothing overwritten by an old retry', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let voters: Account[];

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '負荷試験 協議会');
    const bySector = await newVoters(anon, p, { INDUSTRY: 18, GOVERNMENT: 14, ACADEMIA: 14, FINANCE: 14, LABOUR: 14, MEDIA: 13, CITIZEN: 13 });
    voters = SECTORS.flatMap((s) => bySector[s] ?? []);
  }, 180_000);
  afterAll(() => server.close());

  /** The tally as `SELECT … GROUP BY` over the vote table says it, in the GraphQL shape. */
  async function tallyFromDatabase(roundId: string): Promise<TestTally> {
    const rows = await sql<{ sector: Sector; choice: VoteChoice; n: number }>(server.databaseUrl, 'SELECT sector, choice, count(*)::int AS n FROM vote WHERE round_id = $1 GROUP BY sector, choice', [roundId]);
    const key = { AGREE: 'agree', DISAGREE: 'disagree', ABSTAIN: 'abstain', BLOCK: 'block' } as const;
    const t: TestTally = { agree: 0, disagree: 0, abstain: 0, block: 0, total: 0, bySector: [] };
    for (const s of SECTORS) {
      const mine = rows.filter((r) => r.sector === s);
      if (!mine.length) continue;
      const row = { sector: s, agree: 0, disagree: 0, abstain: 0, block: 0, total: 0, mergedSectors: null };
      for (const r of mine) {
        row[key[r.choice]] += r.n;
        row.total += r.n;
        t[key[r.choice]] += r.n;
        t.total += r.n;
      }
      t.bySector.push(row);
    }
    return t;
  }

  it('200 concurrent calls (first votes, changes and duplicate retries) leave one vote per voter, each its newest, and an exact tally', async () => {
    expect(voters).toHaveLength(100);
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });

    // 100 first votes + 60 changes (sent at the same time, so either may land last) + 40 exact
    // retries of a first vote (same clientRequestId): 200 requests in flight together.
    const calls: { voter: Account; choice: VoteChoice; crid: string }[] = [];
    voters.forEach((voter, i) => calls.push({ voter, choice: CHOICES[i % 4], crid: `first-${i}-${randomUUID()}` }));
    voters.slice(0, 60).forEach((voter, i) => calls.push({ voter, choice: CHOICES[(i + 1) % 4], crid: `change-${i}-${randomUUID()}` }));
    calls.slice(40, 80).forEach((c) => calls.push({ ...c }));
    expect(calls).toHaveLength(200);
    const shuffled = calls.map((c) => ({ c, k: Math.random() })).sort((a, b) => a.k - b.k).map((x) => x.c);
    const results = await Promise.all(
      shuffled.map((c) => c.voter.client.raw<{ castVote: TestVote }>(CAST_VOTE, { i: { proposalId: proposal.id, choice: c.choice, clientRequestId: c.crid } })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    // Each answer reports the vote stored for its own request.
    shuffled.forEach((c, i) => expect(results[i].data?.castVote.choice).toBe(c.choice));

    // Exactly one event per distinct request (retries never doubled), one current vote per voter.
    const [{ events, requests }] = await sql<{ events: number; requests: number }>(
      server.databaseUrl,
      'SELECT count(*)::int AS events, count(DISTINCT (participant_id, client_request_id))::int AS requests FROM vote_event WHERE round_id = $1',
      [round.id],
    );
    expect({ events, requests }).toEqual({ events: 160, requests: 160 });
    const mismatched = await sql(
      server.databaseUrl,
      `SELECT v.participant_id FROM vote v
         JOIN LATERAL (SELECT id, choice FROM vote_event e WHERE e.round_id = v.round_id AND e.participant_id = v.participant_id ORDER BY id DESC LIMIT 1) last ON true
        WHERE v.round_id = $1 AND (v.event_id <> last.id OR v.choice <> last.choice)`,
      [round.id],
    );
    expect(mismatched).toEqual([]);
    const [{ n: current }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote WHERE round_id = $1', [round.id]);
    expect(current).toBe(100);

    // The GraphQL tally is exactly the GROUP BY over the vote table.
    const shown = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    expect(shown).toEqual(await tallyFromDatabase(round.id));
    expect(shown.total).toBe(100);

    // Retries and their originals answered with the same vote.
    for (const c of calls.slice(40, 80)) {
      const answers = shuffled.map((s, i) => (s.crid === c.crid ? results[i].data?.castVote : undefined)).filter(Boolean) as TestVote[];
      expect(answers).toHaveLength(2);
      expect(answers[0].id).toBe(answers[1].id);
    }
  }, 120_000);

  it('a request retried concurrently lands once; an old request retried after a newer vote returns its stored vote and changes nothing', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const voter = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '再送 太郎');

    // Ten copies of one request at once (a flaky network retrying): one event, one vote.
    const crid = randomUUID();
    const copies = await Promise.all(Array.from({ length: 10 }, () => castVote(voter.client, proposal.id, 'AGREE', { clientRequestId: crid, reason: '最初の票' })));
    expect(new Set(copies.map((c) => c.id)).size).toBe(1);
    const events = () => sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote_event WHERE round_id = $1 AND participant_id = $2', [round.id, voter.id]).then((r) => r[0].n);
    expect(await events()).toBe(1);

    // A newer vote, then the OLD request arrives again (e.g. replayed after a reconnect).
    const newer = await castVote(voter.client, proposal.id, 'BLOCK', { clientRequestId: randomUUID(), reason: '考え直しました' });
    const replay = await castVote(voter.client, proposal.id, 'AGREE', { clientRequestId: crid, reason: '最初の票' });
    expect(replay).toMatchObject({ id: newer.id, choice: 'AGREE', reason: '最初の票' }); // what was stored for that request
    // Same id, different body: an error of its own (attack finding 8), never the old answer.
    const again = await voter.client.fail(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'ABSTAIN', clientRequestId: crid } });
    expect(again.extensions?.code).toBe('CLIENT_REQUEST_ID_REUSED');
    expect(await events()).toBe(2);

    const state = (await voter.client.ok<{ proposal: { myVote: TestVote; tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal;
    expect(state.myVote).toMatchObject({ id: newer.id, choice: 'BLOCK', reason: '考え直しました' });
    expect(state.tally).toMatchObject({ agree: 0, block: 1, total: 1 });

    // Sequential changes without ids: each is a new request and the last one counts.
    for (const choice of ['DISAGREE', 'ABSTAIN', 'AGREE'] as VoteChoice[]) await castVote(voter.client, proposal.id, choice);
    const final = (await voter.client.ok<{ proposal: { myVote: TestVote; tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal;
    expect(final.myVote).toMatchObject({ id: newer.id, choice: 'AGREE', reason: null });
    expect(final.tally).toMatchObject({ agree: 1, block: 0, total: 1 });
    expect(await events()).toBe(5);
  });

  it('votes racing a close either land before it (and are in the record) or get VOTING_CLOSED and leave nothing', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const racers = voters.slice(0, 60);
    const votes = racers.map((v, i) => v.client.raw<{ castVote: TestVote }>(CAST_VOTE, { i: { proposalId: proposal.id, choice: CHOICES[i % 4] } }));
    // Let some votes start first, then close while the rest are still arriving.
    await Promise.all(votes.slice(0, 10));
    const closing = p.organizer.client.ok<{ closeVoting: { tally: TestTally; outcome: string } }>(
      'mutation($id: ID!) { closeVoting(proposalId: $id) { outcome tally { agree disagree abstain block total } } }',
      { id: proposal.id },
    );
    const [results, closed] = await Promise.all([Promise.all(votes), closing]);
    const accepted = results.filter((r) => r.data?.castVote);
    const refused = results.filter((r) => r.errors);
    expect(accepted.length + refused.length).toBe(60);
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    for (const r of refused) expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOTING_CLOSED' });
    // Every acknowledged vote is in the record; nothing refused was written.
    expect(closed.closeVoting.tally.total).toBe(accepted.length);
    const [{ votes: stored, events }] = await sql<{ votes: number; events: number }>(
      server.databaseUrl,
      'SELECT (SELECT count(*)::int FROM vote WHERE round_id = $1) AS votes, (SELECT count(*)::int FROM vote_event WHERE round_id = $1) AS events',
      [round.id],
    );
    expect({ stored, events }).toEqual({ stored: accepted.length, events: accepted.length });
  });
});
