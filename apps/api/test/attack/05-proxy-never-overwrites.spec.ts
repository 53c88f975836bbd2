import { useLiveTestServer } from '../support/live-test-server';
import { newMember, newProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { CAST_PROXY_VOTE, CAST_VOTE, castVote, openVoting, PROPOSAL_VOTING } from '../support/voting-factories';

/**
 * Attack finding 5 (docs/security.md): "A facilitator's proxy vote overwrites a member's own
 * electronic vote". Now a paper ballot entered for someone who voted themselves is CONFLICT
 * (OWN_VOTE_STANDS), their vote stands, and nothing of the proxy attempt is stored.
 */
describe("attack finding 5: a proxy vote never replaces a member's own vote", () => {
  const env = useLiveTestServer();

  it('CONFLICT after the member voted; the member may still replace a proxy vote entered first', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const facilitator = await newMember(env.anon, p, 'FACILITATOR', 'GOVERNMENT');
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'INDUSTRY', '本人 投票');
    const paper = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR', '紙 投票');
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    await castVote(member.client, proposal.id, 'AGREE');

    const refused = await facilitator.client.fail(CAST_PROXY_VOTE, { i: { proposalId: proposal.id, participantId: member.id, choice: 'BLOCK', clientRequestId: 'paper-1' } });
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OWN_VOTE_STANDS' });
    expect(refused.message).toBe('この方はご自身で投票済みです。本人の投票が優先されるため、代理投票は記録していません。');
    const mine = await member.client.ok<{ proposal: { myVote: { choice: string; proxy: boolean }; tally: { agree: number; block: number } } }>(PROPOSAL_VOTING, { id: proposal.id });
    expect(mine.proposal.myVote).toMatchObject({ choice: 'AGREE', proxy: false });
    expect(mine.proposal.tally).toMatchObject({ agree: 1, block: 0 });

    // A paper ballot for someone who has not voted is fine, and they can still vote themselves afterwards.
    await facilitator.client.ok(CAST_PROXY_VOTE, { i: { proposalId: proposal.id, participantId: paper.id, choice: 'DISAGREE' } });
    await paper.client.ok(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } });
    const after = await paper.client.ok<{ proposal: { myVote: { choice: string; proxy: boolean }; tally: { agree: number; disagree: number; total: number } } }>(PROPOSAL_VOTING, { id: proposal.id });
    expect(after.proposal.myVote).toMatchObject({ choice: 'AGREE', proxy: false });
    expect(after.proposal.tally).toMatchObject({ agree: 2, disagree: 0, total: 2 });
  });

  it('a race of the member and the proxy entry, 20 times: the own vote always stands', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const facilitator = await newMember(env.anon, p, 'FACILITATOR', 'GOVERNMENT');
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const members = await Promise.all(Array.from({ length: 20 }, (_, i) => newMember(env.anon, p, 'PARTICIPANT', 'CITIZEN', `競争 ${i}`)));
    await Promise.all(
      members.flatMap((m) => [
        m.client.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } }),
        facilitator.client.raw(CAST_PROXY_VOTE, { i: { proposalId: proposal.id, participantId: m.id, choice: 'BLOCK' } }),
      ]),
    );
    for (const m of members) {
      const { proposal: read } = await m.client.ok<{ proposal: { myVote: { choice: string; proxy: boolean } } }>(PROPOSAL_VOTING, { id: proposal.id });
      expect(read.myVote).toMatchObject({ choice: 'AGREE', proxy: false });
    }
  });
});
