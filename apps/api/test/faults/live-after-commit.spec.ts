import { isTransientLiveError, room } from '@yoriai/realtime-contract';
import type { RunningServer } from '../../src/server';
import { requestId, sendUntilAcknowledged } from '../support/fault-support';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, quietFor, waitUntil } from '../support/live-client';
import { joinHall, liveMeeting } from '../support/meeting-factories';
import { PgFaultProxy } from '../support/pg-fault-proxy';
import { newProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { openVoting, PROPOSAL_VOTING, type TestTally } from '../support/voting-factories';

// Only ids in the answers: nothing the server would read after COMMIT to build them.
const ADD_COMMENT_ID = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';
const CAST_VOTE_ID = 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }';

const totals = (t: Pick<TestTally, 'agree' | 'disagree' | 'abstain' | 'block' | 'total'> | undefined) => t && { agree: t.agree, disagree: t.disagree, abstain: t.abstain, block: t.block, total: t.total };

/**
 * The database goes away right after a write committed (a PostgreSQL restart, a failover,
 * pg_terminate_backend — here a proxy that cuts the API off at that exact point of the protocol).
 * A screen must never end up "connected" but stale with no gap to notice: the event goes out late
 * with its seq, or the room is told to refetch; a write whose answer was lost is announced when its
 * retry is answered; a subscribe refused meanwhile says the refusal is temporary.
 */
describe('events of writes whose database goes away right after COMMIT', () => {
  let proxy: PgFaultProxy;
  let server: RunningServer;
  const open: LiveClient[] = [];

  beforeAll(async () => {
    proxy = await PgFaultProxy.start(process.env.YORIAI_TEST_DATABASE_URL as string);
    server = await startTestServer({ databaseUrl: proxy.url });
  });
  afterEach(() => {
    proxy.restore();
    open.splice(0).forEach((c) => c.close());
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  async function watch(token: string | undefined, ...rooms: string[]): Promise<{ client: LiveClient; seqs: number[] }> {
    const client = await new LiveClient(server.url, { token }).connect();
    open.push(client);
    const seqs: number[] = [];
    for (const r of rooms) {
      const ack = await client.subscribe(r);
      expect(ack).toMatchObject({ ok: true });
      seqs.push(ack.seq as number);
    }
    return { client, seqs };
  }

  it('sends a comment whose payload could not be read at first once the database is back, with the next seq', async () => {
    const p = await newProcess(new GqlClient(server.url), '停電中のコメント');
    const proposal = await newProposal(p.organizer.client, p);
    const proposalRoom = room.proposal(proposal.id);
    const { client: watcher, seqs } = await watch(p.organizer.client.token, proposalRoom);

    proxy.cutAfterNextCommit();
    const answer = p.organizer.client.raw<{ addComment: { id: string } }>(ADD_COMMENT_ID, {
      input: { proposalId: proposal.id, stance: 'NEUTRAL', body: '再起動の直前に書いたコメント 🗳', clientRequestId: requestId() },
    });
    await proxy.whenDown();
    const res = await answer;
    expect(res.errors).toBeUndefined(); // committed and acknowledged before the database went away
    await quietFor(1_000); // the database stays away a moment

    proxy.restore();
    await waitUntil(() => watcher.of('comment.created', proposalRoom).length === 1, () => `no comment.created after the database came back; resyncs ${JSON.stringify(watcher.resyncs)}`, 20_000);
    expect(watcher.last('comment.created', proposalRoom)).toMatchObject({ room: proposalRoom, seq: seqs[0] + 1, comment: { id: res.data?.addComment.id, body: '再起動の直前に書いたコメント 🗳' } });
    expect(watcher.resyncs).toEqual([]);
  });

  it('answers addComment and hideComment with the whole comment, author and body included, when the database goes away right after COMMIT', async () => {
    const FULL = 'id body hidden hiddenReason replyCount author { displayName }';
    const p = await newProcess(new GqlClient(server.url), '停電中の全文');
    const proposal = await newProposal(p.organizer.client, p);

    proxy.cutAfterNextCommit();
    const added = p.organizer.client.raw<{ addComment: { id: string; body: string; hidden: boolean; replyCount: number; author: { displayName: string } } }>(
      `mutation($input: AddCommentInput!) { addComment(input: $input) { ${FULL} } }`,
      { input: { proposalId: proposal.id, stance: 'NEUTRAL', body: '全文で答えるコメント 🗳', clientRequestId: requestId() } },
    );
    await proxy.whenDown();
    const a = await added;
    expect(a.errors).toBeUndefined();
    expect(a.data?.addComment).toMatchObject({ body: '全文で答えるコメント 🗳', hidden: false, replyCount: 0, author: { displayName: expect.any(String) } });
    proxy.restore();

    proxy.cutAfterNextCommit();
    const hidden = p.organizer.client.raw<{ hideComment: { body: string | null; hidden: boolean; hiddenReason: string } }>(
      `mutation($id: ID!, $reason: String!) { hideComment(commentId: $id, reason: $reason) { ${FULL} } }`,
      { id: a.data?.addComment.id, reason: '個人情報を含むため' },
    );
    await proxy.whenDown();
    const h = await hidden;
    expect(h.errors).toBeUndefined();
    // The facilitator who hid it still reads the body (the moderation rule, decided inside the transaction).
    expect(h.data?.hideComment).toMatchObject({ hidden: true, hiddenReason: '個人情報を含むため', body: '全文で答えるコメント 🗳' });
  });

  it('tells both rooms to refetch, with the seq the lost tally would have had, when the database stays away longer than the retries', async () => {
    const anon = new GqlClient(server.url);
    const p = await newProcess(anon, '長い停電');
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const [voter, later] = await joinHall(anon, meeting.joinCode, 2);
    await openVoting(p.organizer.client, proposal.id);
    await quietFor(300); // the new round's empty tally has gone out
    const rooms = [room.proposal(proposal.id), room.process(p.id)];
    const { client: watcher, seqs } = await watch(p.organizer.client.token, ...rooms);

    proxy.cutAfterNextCommit();
    const res = await voter.client.raw(CAST_VOTE_ID, { i: { proposalId: proposal.id, choice: 'AGREE', clientRequestId: requestId() } });
    expect(res.errors).toBeUndefined();
    expect(proxy.isDown).toBe(true);

    // While the database is still away, each room hears that its copy is stale — and which seq was used.
    await waitUntil(() => watcher.resyncs.length >= 2, () => `resyncs: ${JSON.stringify(watcher.resyncs)}`, 30_000);
    expect(proxy.isDown).toBe(true);
    expect(watcher.resyncs).toEqual(expect.arrayContaining(rooms.map((r, i) => ({ reason: 'EVENT_LOST', room: r, seq: seqs[i] + 1 }))));
    expect(watcher.resyncs).toHaveLength(2);
    expect(watcher.of('vote.tally')).toEqual([]);

    // Back: the next vote's tally follows on from that seq (no gap) and is the whole truth.
    proxy.restore();
    await sendUntilAcknowledged(later.client, CAST_VOTE_ID, { i: { proposalId: proposal.id, choice: 'DISAGREE', clientRequestId: requestId() } });
    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    expect(truth.total).toBe(2);
    for (const [i, r] of rooms.entries()) {
      await waitUntil(() => watcher.of('vote.tally', r).some((t) => t.tally?.total === 2), () => `${r}: ${JSON.stringify(watcher.of('vote.tally', r))}`);
      expect(watcher.of('vote.tally', r)[0].seq).toBe(seqs[i] + 2);
      expect(totals(watcher.last('vote.tally', r)?.tally)).toEqual(totals(truth));
    }
  }, 60_000);

  it('announces a vote whose COMMIT answer was lost when its retry is answered from the stored vote', async () => {
    const anon = new GqlClient(server.url);
    const p = await newProcess(anon, '応答の消えた投票');
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const [voter] = await joinHall(anon, meeting.joinCode, 1);
    await openVoting(p.organizer.client, proposal.id);
    await quietFor(300);
    const proposalRoom = room.proposal(proposal.id);
    const { client: watcher } = await watch(p.organizer.client.token, proposalRoom);

    proxy.loseNextCommitAnswer();
    const sent = await sendUntilAcknowledged(voter.client, CAST_VOTE_ID, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: requestId() } });
    expect(sent.result.errors).toBeUndefined();
    // The first answer was lost (the vote was committed all the same); the retry returned the stored vote.
    expect(sent.failures.length).toBeGreaterThanOrEqual(1);
    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    expect(totals(truth)).toEqual({ agree: 0, disagree: 0, abstain: 0, block: 1, total: 1 });
    await waitUntil(() => JSON.stringify(totals(watcher.last('vote.tally', proposalRoom)?.tally)) === JSON.stringify(totals(truth)), () => `screen holds ${JSON.stringify(watcher.of('vote.tally'))}`, 10_000);
  });

  it('answers a subscribe made while the database is away with a typed, temporary DATABASE_UNAVAILABLE; the retry succeeds', async () => {
    const p = await newProcess(new GqlClient(server.url), '購読の再試行');
    const proposal = await newProposal(p.organizer.client, p);
    const client = await new LiveClient(server.url, { token: p.organizer.client.token }).connect();
    open.push(client);

    proxy.cutAll();
    const refused = await client.subscribe(room.proposal(proposal.id));
    expect(refused).toEqual({
      ok: false,
      error: { code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE', message: 'データベースとの接続が一時的に切れました。もう一度お試しください（投票や投稿は二重になりません）。' },
    });
    expect(isTransientLiveError(refused.error)).toBe(true);

    proxy.restore();
    const ack = await client.subscribe(room.proposal(proposal.id));
    expect(ack).toMatchObject({ ok: true, seq: expect.any(Number) });
  });
});
