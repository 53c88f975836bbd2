import { room } from '@yoriai/realtime-contract';
import { randomBytes } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import { type ApiNode, startApiNode } from '../support/api-node';
import { deleteRedisKeys, requestId } from '../support/fault-support';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, quietFor, waitUntil } from '../support/live-client';
import { joinHall, liveMeeting } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { openVoting, PROPOSAL_VOTING, type TestTally } from '../support/voting-factories';

const REDIS_URL = process.env.YORIAI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CAST_VOTE_ID = 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }';
const VOTERS = 6;
/**
 * Node A coalesces tallies over a window this wide (production: 100 ms), so that it is sure to be
 * killed inside it however slow the machine is: its trailing tally is then owed, never sent.
 */
const WIDE_WINDOW_MS = 15_000;

const totals = (t: Pick<TestTally, 'agree' | 'disagree' | 'abstain' | 'block' | 'total'> | undefined) => t && { agree: t.agree, disagree: t.disagree, abstain: t.abstain, block: t.block, total: t.total };

/**
 * Two API nodes share PostgreSQL and Redis. Votes go through node A; the screens are on node B. A
 * sends the first tally at once (leading edge) and owes one more at the end of its window for the
 * votes that follow — then A is SIGKILLed inside that window. Every vote A acknowledged must still
 * reach B's screens: no later vote, reconnection or reload is needed.
 */
describe('an API node SIGKILLed inside its tally coalescing window (two nodes, Redis)', () => {
  const prefix = `yoriai-window-${randomBytes(5).toString('hex')}`;
  let a: ApiNode;
  let b: RunningServer;
  const open: LiveClient[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startApiNode({ redisUrl: REDIS_URL, redisPrefix: prefix, live: { tallyWindowMs: WIDE_WINDOW_MS } }),
      startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix }),
    ]);
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await a?.kill();
    await b?.close();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  it("brings the votes A acknowledged to B's screens although A died before its trailing tally", async () => {
    const anon = new GqlClient(b.url);
    const p = await newProcess(anon, '集約窓の中のノード障害');
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const hall = await joinHall(anon, meeting.joinCode, VOTERS);
    await openVoting(p.organizer.client, proposal.id);
    await quietFor(300);
    const rooms = [room.proposal(proposal.id), room.process(p.id)];
    const screen = await new LiveClient(b.url, { token: p.organizer.client.token }).connect();
    open.push(screen);
    for (const r of rooms) expect(await screen.subscribe(r)).toMatchObject({ ok: true });

    const viaA = (token: string) => new GqlClient(a.url).withToken(token);
    // The first vote: A sends its tally at once, and it reaches B's screen through Redis.
    const first = await viaA(hall[0].token).raw(CAST_VOTE_ID, { i: { proposalId: proposal.id, choice: 'AGREE', clientRequestId: requestId() } });
    expect(first.errors).toBeUndefined();
    for (const r of rooms) await waitUntil(() => screen.last('vote.tally', r)?.tally?.total === 1, () => `${r}: ${JSON.stringify(screen.of('vote.tally', r))}`);
    // The others, acknowledged by A inside its window: their tally is owed until the window ends.
    for (const [i, guest] of hall.slice(1).entries()) {
      const res = await viaA(guest.token).raw(CAST_VOTE_ID, { i: { proposalId: proposal.id, choice: i % 2 ? 'AGREE' : 'DISAGREE', clientRequestId: requestId() } });
      expect(res.errors).toBeUndefined();
    }
    expect(rooms.map((r) => screen.last('vote.tally', r)?.tally?.total)).toEqual([1, 1]);
    await a.kill();

    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
    expect(truth.total).toBe(VOTERS);
    for (const r of rooms) {
      await waitUntil(
        () => JSON.stringify(totals(screen.last('vote.tally', r)?.tally)) === JSON.stringify(totals(truth)),
        () => `${r}: the screen holds ${JSON.stringify(totals(screen.last('vote.tally', r)?.tally))}, the database ${JSON.stringify(totals(truth))}`,
        30_000,
      );
      // As the screen saw them, the room's seqs only grew.
      const seqs = screen.of('vote.tally', r).map((t) => t.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
  }, 90_000);
});
