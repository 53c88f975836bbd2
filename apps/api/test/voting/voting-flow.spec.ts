import { decide, hashRecord, type Tally } from '@yoriai/domain';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newComment, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import {
  CAST_VOTE,
  castVote,
  closeVoting,
  openVoting,
  PROPOSAL_VOTING,
  type TestRound,
  type TestTally,
  type TestVote,
  verifyChain,
} from '../support/voting-factories';

interface ProposalVoting {
  proposal: { id: string; status: string; currentRound: TestRound | null; tally: TestTally | null; bridgingScore: number | null; myVote: TestVote | null };
}

const AMEND = 'mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id version status } }';
const HIDE = 'mutation($id: ID!, $r: String!) { hideComment(commentId: $id, reason: $r) { id hidden } }';
const VERSIONS = 'query($id: ID!) { proposal(id: $id) { versions { version contentHash } } }';
const AUDIT = 'query($id: ID!, $first: Int) { auditLog(processId: $id, first: $first) { id action targetType targetId actorName createdAt data } }';

describe('the whole flow: process → proposal → amendment → comments → voting → record → verify', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let facilitator: Account;
  let secretariat: Account;
  let observer: Account;
  let industry: Account[];
  let labour: Account;
  let academia: Account;
  let finance: Account;
  let citizen: Account;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '北秋田市 地方創生2.0 地域ビジョン協議会');
    facilitator = await newMember(anon, p, 'FACILITATOR', 'MEDIA', '進行 花子');
    secretariat = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT', '事務局 三郎');
    observer = await newMember(anon, p, 'OBSERVER', 'CITIZEN', '傍聴 四郎');
    industry = [await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY', '産業 一'), await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY', '産業 二'), await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY', '産業 三')];
    labour = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '労働 五郎');
    academia = await newMember(anon, p, 'PARTICIPANT', 'ACADEMIA', '大学 六子');
    finance = await newMember(anon, p, 'PARTICIPANT', 'FINANCE', '信金 七海');
    citizen = await newMember(anon, p, 'PARTICIPANT', 'CITIZEN', '住民 八重');
  });
  afterAll(() => server.close());

  const state = (c: GqlClient, id: string) => c.ok<ProposalVoting>(PROPOSAL_VOTING, { id }).then((d) => d.proposal);

  it('decides an amended proposal by CROSS_SECTOR, writes a verifiable record with the dissent register, and refuses late votes', async () => {
    // Proposal by a participant, amended once after OPEN: the round must record version 2.
    const proposal = await newProposal(industry[0].client, p, { title: '空き家を活用したサテライトオフィス誘致' });
    await industry[0].client.ok(AMEND, { i: { proposalId: proposal.id, body: '## 概要\n\n改修費の半額を市が補助する。🏠\n', note: '補助率を明記' } });

    // Discussion: one concern stays, one is hidden by the facilitator (moderated out of the register).
    await newComment(academia.client, proposal.id, { stance: 'SUPPORT', body: '大学としても協力できます。' });
    const concern = await newComment(labour.client, proposal.id, { stance: 'CONCERN', body: '雇用の質（賃金水準）が心配です😟' });
    const hidden = await newComment(citizen.client, proposal.id, { stance: 'CONCERN', body: '不適切な投稿' });
    await facilitator.client.ok(HIDE, { id: hidden.id, r: '個人攻撃のため' });

    // Before any round: nothing to show, and votes are refused.
    expect(await state(industry[0].client, proposal.id)).toMatchObject({ currentRound: null, tally: null, bridgingScore: null, myVote: null });
    const early = await industry[0].client.fail(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } });
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_OPEN_ROUND' });

    const round = await openVoting(facilitator.client, proposal.id);
    expect(round).toMatchObject({ rule: 'CROSS_SECTOR', threshold: 0.6, minSectors: 4, quorum: 0, ballot: 'OPEN', status: 'OPEN', proposalVersion: 2, closedAt: null, recordId: null });
    expect((await state(facilitator.client, proposal.id)).status).toBe('VOTING');

    // Votes (one participant changes their mind twice; the last vote counts).
    const reasonText = '財源の見通しが示されていません。もう少し議論を💭';
    await castVote(industry[0].client, proposal.id, 'AGREE');
    await castVote(industry[1].client, proposal.id, 'AGREE');
    await castVote(industry[2].client, proposal.id, 'AGREE');
    await castVote(industry[2].client, proposal.id, 'ABSTAIN');
    const changed = await castVote(industry[2].client, proposal.id, 'DISAGREE', { reason: reasonText });
    expect(changed).toMatchObject({ choice: 'DISAGREE', reason: reasonText, sector: 'INDUSTRY', proxy: false, roundId: round.id, participant: { id: industry[2].id, displayName: '産業 三' } });
    await castVote(p.organizer.client, proposal.id, 'AGREE');
    await castVote(facilitator.client, proposal.id, 'AGREE');
    await castVote(academia.client, proposal.id, 'AGREE');
    await castVote(finance.client, proposal.id, 'AGREE');
    await castVote(labour.client, proposal.id, 'AGREE', { reason: '条件付きで賛成' });
    await castVote(citizen.client, proposal.id, 'ABSTAIN');

    // The secretariat records and observers watch: neither votes.
    for (const who of [secretariat, observer]) {
      const denied = await who.client.fail(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } });
      expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    }

    // Live state as a participant sees it: the whole tally, counted from the votes.
    const live = await state(industry[2].client, proposal.id);
    expect(live.myVote).toMatchObject({ id: changed.id, choice: 'DISAGREE', reason: reasonText });
    expect(live.tally).toEqual({
      agree: 7,
      disagree: 1,
      abstain: 1,
      block: 0,
      total: 9,
      bySector: [
        { sector: 'INDUSTRY', agree: 2, disagree: 1, abstain: 0, block: 0, total: 3, mergedSectors: null },
        { sector: 'GOVERNMENT', agree: 1, disagree: 0, abstain: 0, block: 0, total: 1, mergedSectors: null },
        { sector: 'ACADEMIA', agree: 1, disagree: 0, abstain: 0, block: 0, total: 1, mergedSectors: null },
        { sector: 'FINANCE', agree: 1, disagree: 0, abstain: 0, block: 0, total: 1, mergedSectors: null },
        { sector: 'LABOUR', agree: 1, disagree: 0, abstain: 0, block: 0, total: 1, mergedSectors: null },
        { sector: 'MEDIA', agree: 1, disagree: 0, abstain: 0, block: 0, total: 1, mergedSectors: null },
        { sector: 'CITIZEN', agree: 0, disagree: 0, abstain: 1, block: 0, total: 1, mergedSectors: null },
      ],
    });
    // Bridging score: the weakest sector that took a position (INDUSTRY, (2+1)/(3+2)).
    expect(live.bridgingScore).toBeCloseTo(0.6, 10);
    const [{ n: history }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote_event WHERE round_id = $1 AND participant_id = $2', [round.id, industry[2].id]);
    expect(history).toBe(3); // every change is kept

    const record = await closeVoting(facilitator.client, proposal.id);
    const [v2] = (await industry[0].client.ok<{ proposal: { versions: { version: number; contentHash: string }[] } }>(VERSIONS, { id: proposal.id })).proposal.versions.filter((v) => v.version === 2);
    expect(record).toMatchObject({
      seq: 1,
      prevHash: null,
      processId: p.id,
      proposalId: proposal.id,
      roundId: round.id,
      proposalVersion: 2,
      proposalHash: v2.contentHash,
      proposalTitle: '空き家を活用したサテライトオフィス誘致',
      rule: 'CROSS_SECTOR',
      params: { threshold: 0.6, quorum: 0, minSectors: 4 },
      ballot: 'OPEN',
      outcome: 'ADOPTED',
      facilitatorId: facilitator.id,
      supersedesId: null,
      supersededById: null,
      actionItems: [],
    });
    expect(record.tally).toEqual(live.tally);
    // The outcome reproduces from what the record says (open ballot: the raw tally).
    expect(decide(record.rule, record.tally as Tally, record.params).outcome).toBe(record.outcome);
    expect(record.reasons.map((r) => r.code)).toEqual(['NO_BLOCK', 'ENOUGH_SECTORS', 'ALL_SECTORS_MET']);
    expect(record.reasons[2].message).toContain('全6分野');
    // The dissent register: the reasoned DISAGREE (named: open ballot, dissentNamed) and the visible concern.
    expect(record.dissent).toEqual([
      expect.objectContaining({ id: `v:${changed.id}`, kind: 'VOTE', sector: 'INDUSTRY', choice: 'DISAGREE', stance: null, text: reasonText, authorName: '産業 三', response: null }),
      expect.objectContaining({ id: `c:${concern.id}`, kind: 'COMMENT', sector: 'LABOUR', choice: null, stance: 'CONCERN', text: '雇用の質（賃金水準）が心配です😟', authorName: '労働 五郎' }),
    ]);

    // English callers get the reasons in English.
    const en = new GqlClient(server.url, 'en').withToken(observer.client.token as string);
    const enRecord = await en.ok<{ consensusRecord: { reasons: { message: string }[] } }>('query($id: ID!) { consensusRecord(id: $id) { reasons { message } } }', { id: record.id });
    expect(enRecord.consensusRecord.reasons[2].message).toBe('All 6 sectors reached 60% agree');

    // Proposal and round moved on.
    const after = await state(observer.client, proposal.id);
    expect(after.status).toBe('ADOPTED');
    expect(after.currentRound).toMatchObject({ id: round.id, status: 'CLOSED', recordId: record.id });
    expect(after.currentRound?.closedAt).toBe(record.decidedAt);
    expect(after.tally).toEqual(live.tally);

    // The chain verifies through the API, and offline from the stored body with libs/domain alone.
    expect(await verifyChain(observer.client, p.id)).toEqual({ valid: true, length: 1, brokenAt: null, reason: null });
    const [stored] = await sql<{ body: unknown; prev_hash: string | null; hash: string }>(server.databaseUrl, 'SELECT body, prev_hash, hash FROM consensus_record WHERE id = $1', [record.id]);
    expect(hashRecord(stored.body, stored.prev_hash)).toBe(record.hash);

    // A vote after the close is refused and writes nothing.
    const counts = () =>
      sql<{ v: number; e: number; a: number }>(
        server.databaseUrl,
        'SELECT (SELECT count(*)::int FROM vote WHERE round_id = $1) AS v, (SELECT count(*)::int FROM vote_event WHERE round_id = $1) AS e, (SELECT count(*)::int FROM audit_log WHERE process_id = $2) AS a',
        [round.id, p.id],
      );
    const before = await counts();
    for (const who of [industry[0], citizen]) {
      const late = await who.client.fail(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'BLOCK', reason: '遅れて反対' } });
      expect(late.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOTING_CLOSED' });
      expect(late.message).toBe('投票は締め切られています。');
    }
    const lateClose = await facilitator.client.fail('mutation($id: ID!) { closeVoting(proposalId: $id) { id } }', { id: proposal.id });
    expect(lateClose.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOTING_CLOSED' });
    expect(await counts()).toEqual(before);

    // Every step is in the audit log, newest first, readable by the organiser.
    const audit = (await p.organizer.client.ok<{ auditLog: { action: string; actorName: string; data: string }[] }>(AUDIT, { id: p.id, first: 200 })).auditLog;
    const actions = audit.map((a) => a.action);
    expect(actions.slice(0, 2).sort()).toEqual(['record.create', 'voting.close']);
    expect(actions.filter((a) => a === 'vote.cast')).toHaveLength(11);
    expect(actions).toContain('voting.open');
    const voteRow = audit.find((a) => a.action === 'vote.cast' && a.actorName === '産業 三');
    expect(JSON.parse(voteRow?.data ?? '{}')).toMatchObject({ participantId: industry[2].id, proxy: false });
    expect(voteRow?.data).not.toContain('DISAGREE'); // the log says who voted, never how
  });

  it('reports NOT_FOUND for unknown proposals and for processes the caller is not a member of', async () => {
    const unknown = await p.organizer.client.fail(CAST_VOTE, { i: { proposalId: '00000000-0000-4000-8000-000000000000', choice: 'AGREE' } });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const proposal = await newProposal(p.organizer.client, p);
    await openVoting(p.organizer.client, proposal.id);
    const other = await newProcess(anon, '別の協議会');
    const outsider = await newMember(anon, other, 'PARTICIPANT', 'INDUSTRY');
    const r = await outsider.client.fail(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } });
    expect(r.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_A_MEMBER' });
    const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote_event e JOIN voting_round r ON r.id = e.round_id WHERE r.proposal_id = $1', [proposal.id]);
    expect(n).toBe(0);
    const anonymous = await anon.fail(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } });
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
