import { room } from '@yoriai/realtime-contract';
import { LiveClient, waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { joinAsGuest, liveMeeting, uniqueAddress } from '../support/meeting-factories';
import { download } from '../support/minutes-factories';
import { newMember, newProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';
import { castVote, openVoting } from '../support/voting-factories';

/**
 * Attack finding 3 (docs/security.md): "Removed members keep listening". A socket that reconnected
 * within the connection-state-recovery window got its rooms back without a new access check and
 * kept receiving vote.tally. Now removal and role changes re-authorise every live connection of the
 * person on every node, recovered ones included.
 */
const REMOVE = 'mutation($pid: ID!, $id: ID!) { removeMember(processId: $pid, participantId: $id) }';
const SET_ROLE = 'mutation($i: AddMemberInput!) { addMember(input: $i) { id role } }';

/** Cuts the connection the way a network does (no goodbye): socket.io may recover the session. */
function cutNetwork(client: LiveClient): Promise<void> {
  return new Promise((resolve) => {
    client.socket.once('disconnect', () => resolve());
    client.socket.io.engine.close();
  });
}

describe('attack finding 3: a removed member stops receiving at once, on every path', () => {
  const env = useLiveTestServer();

  it('an open socket leaves the process rooms at the removal (live.denied) and gets no further event', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'MEDIA', '除名 予定');
    const stays = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR', '残る 人');
    const removed = await env.connect({ token: member.client.token });
    const control = await env.connect({ token: stays.client.token });
    for (const c of [removed, control]) {
      expect((await c.subscribe(room.process(p.id))).ok).toBe(true);
      expect((await c.subscribe(room.proposal(proposal.id))).ok).toBe(true);
    }
    await p.organizer.client.ok(REMOVE, { pid: p.id, id: member.id });
    await waitUntil(() => removed.denied.length === 2, () => JSON.stringify(removed.denied));
    expect(removed.denied.map((d) => [d.room, d.error.code, d.error.reason]).sort()).toEqual(
      [
        [room.process(p.id), 'FORBIDDEN', 'MEMBER_REMOVED'],
        [room.proposal(proposal.id), 'FORBIDDEN', 'MEMBER_REMOVED'],
      ].sort(),
    );
    const seen = removed.events.length;
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    await castVote(stays.client, proposal.id, 'AGREE');
    await newComment(p.organizer.client, proposal.id, { body: '除名後のコメント' });
    await waitUntil(() => control.of('comment.created').length === 1 && control.of('vote.tally', room.proposal(proposal.id)).some((e) => e.turnout === 1), () => 'control client missed events');
    expect(removed.events.slice(seen)).toEqual([]);
    // A fresh subscribe and every GraphQL path answer FORBIDDEN (not "not a member": removed means removed).
    expect((await removed.subscribe(room.process(p.id))).error).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REMOVED' });
    const err = await member.client.fail('query($id: ID!) { process(id: $id) { id } }', { id: p.id });
    expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REMOVED' });
    expect((await download(env.server.url, `/api/processes/${p.id}/votes.csv`, member.client)).status).toBe(403);
  });

  it('a connection recovered after the removal does not get its rooms back (the attack as it was run)', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'FINANCE', '回線 切断');
    const voter = await newMember(env.anon, p, 'PARTICIPANT', 'INDUSTRY', '投票 する');
    const client = await env.connect({ token: member.client.token });
    expect((await client.subscribe(room.proposal(proposal.id))).ok).toBe(true);
    expect((await client.subscribe(room.process(p.id))).ok).toBe(true);
    // An event received before the cut: recovery resumes from its offset.
    await castVote(voter.client, proposal.id, 'ABSTAIN');
    await waitUntil(() => client.of('vote.tally').length > 0, () => 'no tally before the cut');

    await cutNetwork(client);
    await p.organizer.client.ok(REMOVE, { pid: p.id, id: member.id });
    await castVote(voter.client, proposal.id, 'AGREE');
    await client.connect();
    expect(client.socket.recovered).toBe(true);
    await waitUntil(() => client.denied.length === 2, () => `denied: ${JSON.stringify(client.denied)}`);
    // Votes after the reconnection never reach it.
    const seen = client.events.length;
    await castVote(voter.client, proposal.id, 'DISAGREE');
    await castVote(p.organizer.client, proposal.id, 'AGREE');
    const watcher = await env.connect({ token: voter.client.token });
    await watcher.subscribe(room.proposal(proposal.id));
    await castVote(voter.client, proposal.id, 'BLOCK');
    await waitUntil(() => watcher.of('vote.tally').some((e) => e.tally?.block === 1), () => 'the watcher missed the tally');
    expect(client.events.slice(seen).filter((e) => e.name === 'vote.tally')).toEqual([]);
  });

  it('a removed guest loses every session: the old token is refused everywhere and its socket is closed', async () => {
    const p = await newProcess(env.anon);
    const meeting = await liveMeeting(p);
    const guest = await joinAsGuest(env.anon, meeting.joinCode, { displayName: '来場 ゲスト' }, uniqueAddress());
    const client = await env.connect({ token: guest.token });
    expect((await client.subscribe(room.meeting(meeting.id))).ok).toBe(true);
    await p.organizer.client.ok(REMOVE, { pid: p.id, id: guest.participant.id });
    await waitUntil(() => client.disconnects.includes('io server disconnect'), () => `disconnects: ${JSON.stringify(client.disconnects)}`);
    expect(client.ended).toEqual([{ reason: 'SESSION_ENDED' }]);
    expect((await guest.client.fail('{ me { id } processes { id } }')).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    await expect(env.connect({ token: guest.token })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
  });

  it('a role change re-checks the rooms: a secretariat member demoted to participant leaves the draft room it may no longer see', async () => {
    const p = await newProcess(env.anon);
    const author = await newMember(env.anon, p, 'PARTICIPANT', 'ACADEMIA', '下書き 作者');
    const draft = await newProposal(author.client, p, { draft: true, title: '作者と事務局だけの下書き' });
    const secretariat = await newMember(env.anon, p, 'SECRETARIAT', 'GOVERNMENT', '事務局 担当');
    const client = await env.connect({ token: secretariat.client.token });
    expect((await client.subscribe(room.proposal(draft.id))).ok).toBe(true);
    expect((await client.subscribe(room.process(p.id))).ok).toBe(true);
    await p.organizer.client.ok(SET_ROLE, { i: { processId: p.id, participantId: secretariat.id, role: 'PARTICIPANT', sector: 'GOVERNMENT' } });
    await waitUntil(() => client.denied.length === 1, () => JSON.stringify(client.denied));
    expect(client.denied[0]).toMatchObject({ room: room.proposal(draft.id), error: { code: 'NOT_FOUND' } });
    // Still a member: the process room stays.
    await newProposal(p.organizer.client, p, { title: '公開の提案' });
    await waitUntil(() => client.of('proposal.created', room.process(p.id)).length === 1, () => 'process room lost');
  });
});
