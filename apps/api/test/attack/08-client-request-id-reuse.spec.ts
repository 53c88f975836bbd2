import { useLiveTestServer } from '../support/live-test-server';
import { newMember, newProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { CAST_VOTE, openVoting, PROPOSAL_VOTING } from '../support/voting-factories';

/**
 * Attack finding 8 (docs/security.md): "A reused clientRequestId with another choice is silently
 * answered with the old choice". Now the same id with the same content is the first answer again;
 * with other content it is its own error category, CLIENT_REQUEST_ID_REUSED, and nothing is stored.
 */
const ADD_COMMENT = 'mutation($i: AddCommentInput!) { addComment(input: $i) { id body stance } }';
const COMMENTS = 'query($id: ID!) { proposal(id: $id) { comments(first: 50) { body } } }';

describe('attack finding 8: a clientRequestId reused with other content is an error, never the old answer', () => {
  const env = useLiveTestServer();

  it('votes: same id + same choice → the stored vote; same id + another choice → CLIENT_REQUEST_ID_REUSED, vote unchanged', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'ACADEMIA');
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const first = await member.client.ok<{ castVote: { id: string; choice: string } }>(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE', clientRequestId: 'tap-1' } });
    const retry = await member.client.ok<{ castVote: { id: string; choice: string } }>(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE', clientRequestId: 'tap-1' } });
    expect(retry.castVote).toEqual(first.castVote);
    for (const other of [{ choice: 'BLOCK' }, { choice: 'AGREE', reason: '理由を追加' }]) {
      const reused = await member.client.raw(CAST_VOTE, { i: { proposalId: proposal.id, clientRequestId: 'tap-1', ...other } });
      expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CLIENT_REQUEST_ID_REUSED' });
      expect(reused.errors?.[0].message).toBe('この clientRequestId は別の選択で使われています。新しい ID で送り直してください。');
    }
    // Changing one's mind with a new id works.
    await member.client.ok(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: 'tap-2' } });
    const read = await member.client.ok<{ proposal: { myVote: { choice: string } } }>(PROPOSAL_VOTING, { id: proposal.id });
    expect(read.proposal.myVote.choice).toBe('BLOCK');
  });

  it('comments: same id + another text → CLIENT_REQUEST_ID_REUSED, the comment is stored once', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR');
    const input = { proposalId: proposal.id, body: '夜間の運行を希望します🚌', stance: 'SUPPORT', clientRequestId: 'c-1' };
    const first = await member.client.ok<{ addComment: { id: string } }>(ADD_COMMENT, { i: input });
    expect((await member.client.ok<{ addComment: { id: string } }>(ADD_COMMENT, { i: input })).addComment.id).toBe(first.addComment.id);
    for (const other of [{ body: '夜間の運行を希望します（22時まで）' }, { stance: 'CONCERN' }]) {
      const reused = await member.client.raw(ADD_COMMENT, { i: { ...input, ...other } });
      expect(reused.errors?.[0].extensions?.code).toBe('CLIENT_REQUEST_ID_REUSED');
    }
    const { proposal: read } = await member.client.ok<{ proposal: { comments: { body: string }[] } }>(COMMENTS, { id: proposal.id });
    expect(read.comments.map((c) => c.body)).toEqual(['夜間の運行を希望します🚌']);
  });
});
