import type { VoteChoice } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import { GqlClient } from '../support/graphql-client';
import { connectMany, type LiveClient, quietFor, waitUntil } from '../support/live-client';
import { joinHall, liveMeeting } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { CAST_VOTE, openVoting, PROPOSAL_VOTING, type TestTally } from '../support/voting-factories';

const CHOICES: VoteChoice[] = ['AGREE', 'AGREE', 'DISAGREE', 'ABSTAIN', 'AGREE', 'BLOCK'];

/** The GraphQL Tally without the nulls GraphQL adds, to compare with the event payload. */
function plain(t: TestTally): unknown {
  return { ...t, bySector: t.bySector.map(({ mergedSectors, ...s }) => (mergedSectors ? { ...s, mergedSectors } : s)) };
}

describe('vote.tally fan-out to a hall', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let clients: LiveClient[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server.close();
  });

  it('gives 200 subscribers, as their LAST vote.tally, exactly the final tally after 200 concurrent votes (some changed)', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p, { title: '高校生の通学支援バス' });
    const meeting = await liveMeeting(p);
    const hall = await joinHall(anon, meeting.joinCode, 200);
    clients = await connectMany(server.url, hall.map((g) => g.token));
    const proposalRoom = room.proposal(proposal.id);
    const acks = await Promise.all(clients.map((c) => c.subscribe(proposalRoom)));
    expect(acks.every((a) => a.ok)).toBe(true);
    const round = await openVoting(p.organizer.client, proposal.id, { rule: 'CROSS_SECTOR' });

    // 200 people vote at once; then 60 of them change their mind (a retry of each change is sent too).
    const first = await Promise.all(hall.map((g, i) => g.client.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: CHOICES[i % CHOICES.length], clientRequestId: randomUUID() } })));
    expect(first.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const changers = hall.filter((_, i) => i % 10 < 3);
    const changes = changers.map(() => randomUUID());
    const second = await Promise.all(
      changers.flatMap((g, i) => [
        g.client.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'DISAGREE', reason: '考え直しました', clientRequestId: changes[i] } }),
        g.client.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'DISAGREE', reason: '考え直しました', clientRequestId: changes[i] } }),
      ]),
    );
    expect(second.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);

    const truth = (await p.organizer.client.ok<{ proposal: { tally: TestTally; bridgingScore: number | null } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal;
    expect(truth.tally.total).toBe(200);
    const isFinal = (c: LiveClient) => JSON.stringify(c.last('vote.tally', proposalRoom)?.tally) === JSON.stringify(plain(truth.tally));
    await waitUntil(() => clients.every(isFinal), () => `${clients.filter((c) => !isFinal(c)).length} of 200 clients lack the final tally`, 20_000);
    // …and it stays the last one: nothing older arrives afterwards.
    await quietFor(500);
    for (const c of clients) {
      const last = c.last('vote.tally', proposalRoom);
      expect(last).toMatchObject({ proposalId: proposal.id, roundId: round.id, tally: plain(truth.tally) });
      expect(last?.bridgingScore).toBeCloseTo(truth.bridgingScore as number, 10);
    }
    // Every payload was a whole tally; coalescing sent far fewer events than the 260 accepted votes.
    const received = clients[0].of('vote.tally', proposalRoom);
    expect(received.every((e) => !!e.tally && e.tally.total === e.tally.agree + e.tally.disagree + e.tally.abstain + e.tally.block && e.turnout === e.tally.total)).toBe(true);
    expect(received.length).toBeLessThan(260);
    const seqs = clients[0].events.filter((e) => e.payload.room === proposalRoom).map((e) => e.payload.seq as number);
    expect(seqs).toEqual(seqs.map((_, i) => (acks[0].seq as number) + 1 + i));
  }, 120_000);
});
