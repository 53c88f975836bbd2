import { VOTE_CHOICES, type Sector, type VoteChoice } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import fc from 'fast-check';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, waitUntil } from '../support/live-client';
import { download } from '../support/minutes-factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { castVote, closeVoting, newVoters, openVoting } from '../support/voting-factories';

/**
 * Attack finding 2 (docs/security.md): "A secret ballot reveals a lone sector's voter". The attack as it
 * was run: four INDUSTRY members vote AGREE, then the only MEDIA member votes DISAGREE; an observer
 * watches the tally, missing voices, representation and the audit log change after each vote.
 * Now: while a SECRET round is open, nothing but its turnout leaves the server.
 */

/** Everything an observer can read about one proposal and its process over GraphQL. */
const OBSERVER_VIEW = `query($proposal: ID!, $process: ID!) {
  proposal(id: $proposal) {
    tally { agree disagree abstain block total bySector { sector agree disagree abstain block total mergedSectors } }
    bridgingScore missingVoices dialogueIndex
    sectorWeighted { agreeShare rawAgreeShare sectors }
    currentRound { status ballot turnout tally { total } }
  }
  process(id: $process) {
    representation(basis: VOTERS) { sector count share }
    agreementMatrix { proposalId sector agreeShare voters suppressed }
    bridgingRanking(first: 200) { proposalId score voters }
    crossPillar { pillarId sector meanAgreeShare }
    inclusion { participants women { base count share } youth { base count share } }
    opinionGroups { size }
  }
}`;
const AUDIT = 'query($id: ID!) { auditLog(processId: $id, first: 200) { action actorId targetId createdAt data } }';

type View = { proposal: Record<string, unknown>; process: Record<string, unknown> };

async function observerView(client: GqlClient, processId: string, proposalId: string): Promise<View> {
  return client.ok<View>(OBSERVER_VIEW, { proposal: proposalId, process: processId });
}

/** The view with the proposal's own id blanked, so two proposals' views can be compared. */
function normalized(view: View, proposalId: string): string {
  return JSON.stringify(view).split(proposalId).join('<proposal>');
}

describe('attack finding 2: a secret ballot stays secret while it is open', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let voters: Record<Sector, Account[]>;
  let observer: Account;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '無記名投票の攻撃テスト');
    voters = await newVoters(anon, p, { INDUSTRY: 4, MEDIA: 1, LABOUR: 1, FINANCE: 1 });
    observer = await newMember(anon, p, 'OBSERVER', 'MEDIA', '傍聴 記者');
  }, 60_000);
  afterAll(() => server.close());

  it('the attack as run: the lone MEDIA voter’s DISAGREE changes nothing an observer can see but the turnout', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY', ballot: 'SECRET' });
    const watcher = await new LiveClient(server.url, { token: observer.client.token }).connect();
    try {
      expect((await watcher.subscribe(room.proposal(proposal.id))).ok).toBe(true);
      expect((await watcher.subscribe(room.process(p.id))).ok).toBe(true);
      for (const a of voters.INDUSTRY) await castVote(a.client, proposal.id, 'AGREE');
      await waitUntil(() => watcher.last('vote.tally', room.proposal(proposal.id))?.turnout === 4, () => JSON.stringify(watcher.last('vote.tally')));
      const before = await observerView(observer.client, p.id, proposal.id);
      const auditBefore = (await p.organizer.client.ok<{ auditLog: unknown[] }>(AUDIT, { id: p.id })).auditLog;

      await castVote(voters.MEDIA[0].client, proposal.id, 'DISAGREE', { reason: '報道の独立が損なわれる' });
      await waitUntil(() => watcher.last('vote.tally', room.proposal(proposal.id))?.turnout === 5, () => JSON.stringify(watcher.last('vote.tally')));
      const after = await observerView(observer.client, p.id, proposal.id);

      // Only the turnout moved (4 → 5); MEDIA did not leave missingVoices, no per-sector figure exists.
      const round = (v: View) => v.proposal.currentRound as { turnout: number };
      expect([round(before).turnout, round(after).turnout]).toEqual([4, 5]);
      expect({ ...after, proposal: { ...after.proposal, currentRound: null } }).toEqual({ ...before, proposal: { ...before.proposal, currentRound: null } });
      expect(after.proposal.tally).toBeNull();
      expect(after.proposal.bridgingScore).toBeNull();
      expect(after.proposal.missingVoices).toContain('MEDIA');
      // Socket events: turnout only, in both rooms.
      const tallies = [...watcher.of('vote.tally', room.proposal(proposal.id)), ...watcher.of('vote.tally', room.process(p.id))];
      expect(tallies.length).toBeGreaterThan(0);
      for (const e of tallies) expect(Object.keys(e).sort()).toEqual(['proposalId', 'room', 'roundId', 'seq', 'turnout']);
      // The audit log got no timestamped "voted" row that could be matched to the live change.
      const auditAfter = (await p.organizer.client.ok<{ auditLog: unknown[] }>(AUDIT, { id: p.id })).auditLog;
      expect(auditAfter).toEqual(auditBefore);
      // votes.csv has no row of the open round.
      const csv = (await download(server.url, `/api/processes/${p.id}/votes.csv`, observer.client)).body.toString('utf8');
      expect(csv).not.toContain(proposal.id);

      // At close: the tally appears once, the lone sectors merged; the audit rows all carry the close time.
      const record = await closeVoting(p.organizer.client, proposal.id);
      const closed = await observerView(observer.client, p.id, proposal.id);
      expect((closed.proposal.tally as { total: number }).total).toBe(5);
      expect(JSON.stringify(closed.proposal.tally)).not.toMatch(/"sector":"MEDIA","agree":0,"disagree":1/);
      const votedRows = (await p.organizer.client.ok<{ auditLog: { action: string; targetId: string; createdAt: string }[] }>(AUDIT, { id: p.id })).auditLog.filter(
        (a) => a.action === 'vote.cast.secret' && a.targetId === record.roundId,
      );
      expect(votedRows).toHaveLength(5);
      expect(new Set(votedRows.map((a) => a.createdAt))).toEqual(new Set([record.decidedAt]));
    } finally {
      watcher.close();
    }
  });

  it('property: until the round closes, what an observer reads is the same whichever member cast which choice', async () => {
    const electorate = [...voters.INDUSTRY, ...voters.MEDIA, ...voters.LABOUR, ...voters.FINANCE];
    const choice = fc.constantFrom<VoteChoice>(...VOTE_CHOICES);
    const step = fc.record({ voter: fc.nat({ max: electorate.length - 1 }), a: choice, b: choice, reason: fc.option(fc.constantFrom('財源が心配', '賛成です🎉', '<b>x</b>'), { nil: undefined }) });
    const watcher = await new LiveClient(server.url, { token: observer.client.token }).connect();
    expect((await watcher.subscribe(room.process(p.id))).ok).toBe(true);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
          // The same people vote in the same order on two proposals; only the choices differ.
          const pa = await newProposal(p.organizer.client, p);
          const pb = await newProposal(p.organizer.client, p);
          await openVoting(p.organizer.client, pa.id, { rule: 'CROSS_SECTOR', ballot: 'SECRET', minSectors: 2 });
          await openVoting(p.organizer.client, pb.id, { rule: 'CROSS_SECTOR', ballot: 'SECRET', minSectors: 2 });
          const processBefore = (await observerView(observer.client, p.id, pa.id)).process;
          const auditRows = async () => (await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM audit_log WHERE process_id = $1', [p.id]))[0].n;
          const auditBefore = await auditRows();
          const voted = new Set<number>();
          for (const s of steps) {
            await castVote(electorate[s.voter].client, pa.id, s.a, { reason: s.reason });
            await castVote(electorate[s.voter].client, pb.id, s.b, { reason: s.reason });
            voted.add(s.voter);
            const [va, vb] = await Promise.all([observerView(observer.client, p.id, pa.id), observerView(observer.client, p.id, pb.id)]);
            expect(normalized(va, pa.id)).toEqual(normalized(vb, pb.id));
            expect(va.process).toEqual(processBefore);
            expect((va.proposal.currentRound as { turnout: number }).turnout).toBe(voted.size);
          }
          await waitUntil(
            () => [pa.id, pb.id].every((id) => watcher.of('vote.tally', room.process(p.id)).some((e) => e.proposalId === id && e.turnout === voted.size)),
            () => `turnout ${voted.size} not seen live`,
          );
          const events = (id: string) => watcher.of('vote.tally', room.process(p.id)).filter((e) => e.proposalId === id);
          for (const e of [...events(pa.id), ...events(pb.id)]) expect(Object.keys(e).sort()).toEqual(['proposalId', 'room', 'roundId', 'seq', 'turnout']);
          const csv = (await download(server.url, `/api/processes/${p.id}/votes.csv`, observer.client)).body.toString('utf8');
          expect(csv.includes(pa.id) || csv.includes(pb.id)).toBe(false);
          expect(await auditRows()).toBe(auditBefore);
          await closeVoting(p.organizer.client, pa.id);
          await closeVoting(p.organizer.client, pb.id);
        }),
        { numRuns: 12, seed: 20261204 },
      );
    } finally {
      watcher.close();
    }
  }, 240_000);
});
