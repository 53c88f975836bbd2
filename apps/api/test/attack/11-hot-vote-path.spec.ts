import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import { GqlClient } from '../support/graphql-client';
import { joinAsGuest, liveMeeting, uniqueAddress } from '../support/meeting-factories';
import { newMember, newProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { openVoting } from '../support/voting-factories';

/**
 * Issue 12 made castVote fast: a lean path before Apollo (cast-vote.fast-path.ts) and a group commit
 * (vote-batch.writer.ts). The attacks of findings 3 and 4 are re-run against that path, with the path
 * warm (the voter's session known to the node, their votes going through batches): a removal, a role
 * change or a sign-out takes effect on the very next vote, and nothing is written for it.
 */
const LEAN = 'mutation($i: CastVoteInput!) { castVote(input: $i) { id choice } }';
const REMOVE = 'mutation($pid: ID!, $id: ID!) { removeMember(processId: $pid, participantId: $id) }';
const SET_ROLE = 'mutation($i: AddMemberInput!) { addMember(input: $i) { id role } }';

describe('attack findings 3 and 4 on the hot vote path: removed, demoted or signed out means refused at the next vote', () => {
  let server: RunningServer;
  let anon: GqlClient;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  }, 60_000);
  afterAll(() => server.close());

  const events = async (proposalId: string, participantId: string) =>
    (
      await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote_event e JOIN voting_round r ON r.id = e.round_id WHERE r.proposal_id = $1 AND e.participant_id = $2', [
        proposalId,
        participantId,
      ])
    )[0].n;

  /** Warms the path: several votes of this voter, concurrently with others, all accepted. */
  async function voteWarm(client: GqlClient, proposalId: string, others: GqlClient[]): Promise<void> {
    const all = await Promise.all([client, ...others, client].map((c, i) => c.raw(LEAN, { i: { proposalId, choice: i % 2 ? 'AGREE' : 'DISAGREE', clientRequestId: randomUUID() } })));
    expect(all.filter((r) => r.errors)).toEqual([]);
  }

  it('a removed member: the next castVote is FORBIDDEN (MEMBER_REMOVED) and writes nothing, while others keep voting', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(anon, p, 'PARTICIPANT', 'MEDIA', '除名 予定');
    const stays = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '残る 人');
    await openVoting(p.organizer.client, proposal.id);
    await voteWarm(member.client, proposal.id, [stays.client]);
    const before = await events(proposal.id, member.id);

    await p.organizer.client.ok(REMOVE, { pid: p.id, id: member.id });
    const [refused, accepted] = await Promise.all([
      member.client.raw(LEAN, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: randomUUID() } }),
      stays.client.raw(LEAN, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: randomUUID() } }),
    ]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REMOVED' });
    expect(accepted.errors).toBeUndefined();
    expect(await events(proposal.id, member.id)).toBe(before);
  });

  it('a removed guest: their token is refused at the next castVote (SESSION_ENDED)', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const guest = await joinAsGuest(anon, meeting.joinCode, { displayName: '来場 ゲスト' }, uniqueAddress());
    await openVoting(p.organizer.client, proposal.id);
    await voteWarm(guest.client, proposal.id, []);
    const before = await events(proposal.id, guest.participant.id);

    await p.organizer.client.ok(REMOVE, { pid: p.id, id: guest.participant.id });
    const refused = await guest.client.raw(LEAN, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: randomUUID() } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect(await events(proposal.id, guest.participant.id)).toBe(before);
  });

  it('a member demoted to observer: the next castVote is FORBIDDEN (ROLE_NOT_ALLOWED)', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(anon, p, 'PARTICIPANT', 'ACADEMIA', '降格 予定');
    await openVoting(p.organizer.client, proposal.id);
    await voteWarm(member.client, proposal.id, []);
    const before = await events(proposal.id, member.id);

    await p.organizer.client.ok(SET_ROLE, { i: { processId: p.id, participantId: member.id, role: 'OBSERVER', sector: 'ACADEMIA' } });
    const refused = await member.client.raw(LEAN, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: randomUUID() } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(await events(proposal.id, member.id)).toBe(before);
  });

  it('a signed-out session: the next castVote is UNAUTHENTICATED (SESSION_ENDED)', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(anon, p, 'PARTICIPANT', 'FINANCE', 'ログアウト 予定');
    await openVoting(p.organizer.client, proposal.id);
    await voteWarm(member.client, proposal.id, []);
    const before = await events(proposal.id, member.id);

    expect((await member.client.ok<{ signOut: boolean }>('mutation { signOut }')).signOut).toBe(true);
    const refused = await member.client.raw(LEAN, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: randomUUID() } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect(await events(proposal.id, member.id)).toBe(before);
  });
});
