import { decide, type Sector, type Tally } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { LiveClient, waitUntil } from '../support/live-client';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { CAST_PROXY_VOTE, castVote, closeVoting, newVoters, openVoting, PROPOSAL_VOTING, type TestTally, type TestVote } from '../support/voting-factories';

const SEALED_PROPOSAL = `query($id: ID!) { proposal(id: $id) { tally { total } bridgingScore currentRound { turnout tally { total } } } }`;
const AUDIT = 'query($id: ID!) { auditLog(processId: $id, first: 200) { action actorId targetId data } }';

describe('secret ballots and proxy votes', () => {
  let server: RunningServer;
  let anon: GqlClient;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  describe('a secret ballot', () => {
    let p: TestProcess;
    let voters: Record<Sector, Account[]>;
    beforeAll(async () => {
      p = await newProcess(anon, '無記名投票の協議会');
      // 産 4 · 官 3 (with the organiser) are shown; 金 1 · 言 1 · 労 2 each have fewer than 3 voters.
      voters = await newVoters(anon, p, { INDUSTRY: 4, GOVERNMENT: 2, FINANCE: 1, MEDIA: 1, LABOUR: 2 });
    }, 60_000);

    it('never reveals who voted how: small sectors merged, no names, the blocker not identifiable; decided on the raw tally', async () => {
      const proposal = await newProposal(p.organizer.client, p);
      await openVoting(p.organizer.client, proposal.id, { rule: 'CONSENSUS', ballot: 'SECRET' });
      const financeVoter = voters.FINANCE[0];
      const mine = await castVote(financeVoter.client, proposal.id, 'BLOCK', { reason: '金利負担が大きすぎる' });
      // The voter sees themself; nobody else ever gets a secret vote's voter.
      expect(mine.participant).toEqual({ id: financeVoter.id, displayName: financeVoter.displayName });
      for (const a of [...voters.INDUSTRY, ...voters.GOVERNMENT, ...voters.MEDIA, ...voters.LABOUR, p.organizer]) await castVote(a.client, proposal.id, 'AGREE');

      // While the round is open nothing but the turnout leaves the server.
      const open = (await p.organizer.client.ok<{ proposal: { tally: TestTally | null; bridgingScore: number | null; currentRound: { turnout: number; tally: TestTally | null } } }>(
        SEALED_PROPOSAL,
        { id: proposal.id },
      )).proposal;
      expect(open).toEqual({ tally: null, bridgingScore: null, currentRound: { turnout: 11, tally: null } });

      const merged = {
        agree: 10,
        disagree: 0,
        abstain: 0,
        block: 1,
        total: 11,
        bySector: [
          { sector: 'INDUSTRY', agree: 4, disagree: 0, abstain: 0, block: 0, total: 4, mergedSectors: null },
          { sector: 'GOVERNMENT', agree: 3, disagree: 0, abstain: 0, block: 0, total: 3, mergedSectors: null },
          { sector: 'FINANCE', agree: 3, disagree: 0, abstain: 0, block: 1, total: 4, mergedSectors: ['FINANCE', 'LABOUR', 'MEDIA'] },
        ],
      };
      const record = await closeVoting(p.organizer.client, proposal.id);
      // At close the tally appears, small sectors merged.
      const live = (await p.organizer.client.ok<{ proposal: { tally: TestTally; myVote: TestVote; bridgingScore: number } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal;
      expect(live.tally).toEqual(merged);
      // The shown bridging score uses the merged tally: on the raw one the lone finance voter's
      // sector would score (0 + 1) / (1 + 2) = 1/3 and give their block away. Merged: (3 + 1) / (4 + 2).
      expect(live.bridgingScore).toBeCloseTo(4 / 6, 10);

      expect(record).toMatchObject({ ballot: 'SECRET', outcome: 'REJECTED', tally: merged });
      // CONSENSUS depends on totals only, which merging keeps: the outcome reproduces from the record.
      expect(decide('CONSENSUS', record.tally as Tally, record.params).outcome).toBe('REJECTED');
      const blocked = record.reasons.find((r) => r.code === 'BLOCKED');
      expect(blocked?.message).toBe('ブロックが 1 件あります（無記名投票のため分野は非公開）');
      expect(JSON.parse(blocked?.params ?? '{}')).toEqual({ block: 1 });
      expect(record.dissent).toEqual([
        expect.objectContaining({ kind: 'VOTE', choice: 'BLOCK', text: '金利負担が大きすぎる', sector: null, authorName: null }),
      ]);

      // Nothing that leaves the server names the voter: not the record body, not the audit log.
      const [{ body }] = await sql<{ body: string }>(server.databaseUrl, 'SELECT body::text AS body FROM consensus_record WHERE id = $1', [record.id]);
      expect(body).not.toContain(financeVoter.id);
      expect(body).not.toContain(financeVoter.displayName);
      const audit = (await p.organizer.client.ok<{ auditLog: { action: string; actorId: string; data: string }[] }>(AUDIT, { id: p.id })).auditLog;
      const financeRows = audit.filter((a) => a.actorId === financeVoter.id && a.action.startsWith('vote'));
      // One row per voter, written at the close (never at the time of the vote), without the choice.
      expect(financeRows.map((a) => a.action)).toEqual(['vote.cast.secret']);
      expect(financeRows[0].data).not.toMatch(/BLOCK|金利/);
      expect(JSON.parse(financeRows[0].data)).toEqual({ participantId: financeVoter.id, proxy: false, casts: 1 });
    });

    it('sends only the turnout live while a secret ballot is open, and the merged tally once it closes', async () => {
      const proposal = await newProposal(p.organizer.client, p);
      await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY', ballot: 'SECRET' });
      const watcher = await new LiveClient(server.url, { token: voters.INDUSTRY[0].client.token }).connect();
      try {
        expect((await watcher.subscribe(room.proposal(proposal.id))).ok).toBe(true);
        for (const a of [...voters.INDUSTRY, ...voters.GOVERNMENT, p.organizer]) await castVote(a.client, proposal.id, 'AGREE');
        await castVote(voters.MEDIA[0].client, proposal.id, 'DISAGREE');
        await waitUntil(
          () => watcher.last('vote.tally')?.turnout === 8,
          () => JSON.stringify(watcher.last('vote.tally')),
        );
        for (const e of watcher.of('vote.tally')) expect(Object.keys(e).sort()).toEqual(['proposalId', 'room', 'roundId', 'seq', 'turnout']);
        expect(JSON.stringify(watcher.events)).not.toContain(voters.MEDIA[0].id);
        await closeVoting(p.organizer.client, proposal.id);
        const shown = (await p.organizer.client.ok<{ proposal: { tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.tally;
        // The lone media vote is folded into the smallest shown sector, never shown on its own.
        expect(shown.total).toBe(8);
        expect(shown.bySector.some((s) => s.sector === 'MEDIA' && !s.mergedSectors)).toBe(false);
      } finally {
        watcher.close();
      }
    });

    it('hides CROSS_SECTOR figures of small sectors from the published reasons', async () => {
      const proposal = await newProposal(p.organizer.client, p);
      await openVoting(p.organizer.client, proposal.id, { rule: 'CROSS_SECTOR', ballot: 'SECRET', minSectors: 3 });
      for (const a of [...voters.INDUSTRY, ...voters.GOVERNMENT, p.organizer, ...voters.LABOUR]) await castVote(a.client, proposal.id, 'AGREE');
      await castVote(voters.MEDIA[0].client, proposal.id, 'DISAGREE', { reason: '報道の立場から反対' });
      const record = await closeVoting(p.organizer.client, proposal.id);
      expect(record.outcome).toBe('REJECTED'); // media (one voter, 0 %) failed the raw per-sector test
      expect(record.reasons.map((r) => r.code)).toEqual(['NO_BLOCK', 'ENOUGH_SECTORS', 'SMALL_SECTOR_BELOW_THRESHOLD']);
      expect(JSON.stringify(record.reasons)).not.toMatch(/MEDIA|報道|Media/);
      expect(record.dissent).toEqual([expect.objectContaining({ choice: 'DISAGREE', sector: null, authorName: null, text: '報道の立場から反対' })]);
    });
  });

  describe('proxy votes (paper ballots entered by a facilitator)', () => {
    let p: TestProcess;
    let facilitator: Account;
    let elder: Account;
    beforeAll(async () => {
      p = await newProcess(anon, '紙投票のある協議会');
      facilitator = await newMember(anon, p, 'FACILITATOR', 'MEDIA', '進行 花子');
      elder = await newMember(anon, p, 'PARTICIPANT', 'CITIZEN', '長老 太郎');
    });

    it('flags the vote as proxy, counts it in the member’s sector, and audits who entered it for whom', async () => {
      const proposal = await newProposal(p.organizer.client, p);
      const round = await openVoting(facilitator.client, proposal.id, { rule: 'MAJORITY' });
      const vote = (await facilitator.client.ok<{ castProxyVote: TestVote }>(CAST_PROXY_VOTE, { i: { proposalId: proposal.id, participantId: elder.id, choice: 'DISAGREE', reason: '紙の投票用紙より：交通の便が心配' } })).castProxyVote;
      expect(vote).toMatchObject({ proxy: true, sector: 'CITIZEN', choice: 'DISAGREE', participant: { id: elder.id, displayName: '長老 太郎' } });

      const seen = (await elder.client.ok<{ proposal: { myVote: TestVote; tally: TestTally } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal;
      expect(seen.myVote).toMatchObject({ id: vote.id, proxy: true, choice: 'DISAGREE' });
      expect(seen.tally.bySector).toEqual([{ sector: 'CITIZEN', agree: 0, disagree: 1, abstain: 0, block: 0, total: 1, mergedSectors: null }]);
      const [event] = await sql<{ proxy: boolean; entered_by_id: string }>(server.databaseUrl, 'SELECT proxy, entered_by_id FROM vote_event WHERE round_id = $1', [round.id]);
      expect(event).toEqual({ proxy: true, entered_by_id: facilitator.id });
      const audit = (await p.organizer.client.ok<{ auditLog: { action: string; actorId: string; data: string }[] }>(AUDIT, { id: p.id })).auditLog;
      const row = audit.find((a) => a.action === 'vote.proxy');
      expect(row?.actorId).toBe(facilitator.id);
      expect(JSON.parse(row?.data ?? '{}')).toMatchObject({ participantId: elder.id, proxy: true });

      // The member voting themself later replaces the paper ballot (and is no longer a proxy vote).
      const own = await castVote(elder.client, proposal.id, 'AGREE');
      expect(own).toMatchObject({ id: vote.id, proxy: false, choice: 'AGREE' });
    });

    it('refuses proxies from non-facilitators, for non-members and for members without a vote; writes nothing', async () => {
      const proposal = await newProposal(p.organizer.client, p);
      const round = await openVoting(facilitator.client, proposal.id);
      const observer = await newMember(anon, p, 'OBSERVER', 'MEDIA');
      const outsider = await newMember(anon, await newProcess(anon, '別の協議会'), 'PARTICIPANT', 'LABOUR');
      const cases: [Account, string, string, string][] = [
        [elder, elder.id, 'FORBIDDEN', 'ROLE_NOT_ALLOWED'],
        [facilitator, outsider.id, 'NOT_FOUND', 'PROXY_VOTER_NOT_MEMBER'],
        [facilitator, observer.id, 'BAD_USER_INPUT', 'PROXY_VOTER_CANNOT_VOTE'],
        [facilitator, '00000000-0000-4000-8000-000000000000', 'NOT_FOUND', 'PROXY_VOTER_NOT_MEMBER'],
      ];
      for (const [who, participantId, code, reason] of cases) {
        const err = await who.client.fail(CAST_PROXY_VOTE, { i: { proposalId: proposal.id, participantId, choice: 'AGREE' } });
        expect(err.extensions).toMatchObject({ code, reason });
      }
      const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote_event WHERE round_id = $1', [round.id]);
      expect(n).toBe(0);
    });
  });
});
