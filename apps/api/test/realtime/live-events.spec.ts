import { room } from '@yoriai/realtime-contract';
import { connectMany, LiveClient, quietFor, waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { END_MEETING, joinHall, liveMeeting, MEETING, SET_CURRENT_ITEM, START_TIMER, type TestMeeting } from '../support/meeting-factories';
import { newMember, newProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';
import { castVote, CLOSE_VOTING, openVoting } from '../support/voting-factories';

const HIDE = 'mutation($id: ID!, $r: String!) { hideComment(commentId: $id, reason: $r) { id } }';
const AMEND = 'mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id version } }';

/** Seq numbers of one room's events at one client: consecutive, starting right after the subscribe ack. */
function expectConsecutive(client: LiveClient, roomName: string, ackSeq: number): void {
  const seqs = client.events.filter((e) => e.payload.room === roomName).map((e) => e.payload.seq as number);
  expect(seqs).toEqual(seqs.map((_, i) => ackSeq + 1 + i));
}

describe('live room events', () => {
  const env = useLiveTestServer();

  it('delivers a comment to every subscriber of the proposal exactly once, after commit, with its author and sector', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const hall = await joinHall(env.anon, meeting.joinCode, 50);
    const clients = await connectMany(env.server.url, hall.map((g) => g.token));
    env.track(...clients);
    const acks = await Promise.all(clients.map((c) => c.subscribe(room.proposal(proposal.id))));
    expect(acks.every((a) => a.ok)).toBe(true);
    // A client of the process room only: comments stay in their proposal's room.
    const overview = await env.connect({ token: p.organizer.client.token });
    await overview.subscribe(room.process(p.id));

    const author = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR', '連合秋田 書記長');
    const comment = await newComment(author.client, proposal.id, { stance: 'CONCERN', body: '冬季の通勤手段が心配です🚌（除雪は？）' });
    await waitUntil(() => clients.every((c) => c.of('comment.created').length >= 1), () => `${clients.filter((c) => !c.of('comment.created').length).length} clients still waiting`);
    await quietFor(300);
    for (const c of clients) {
      const received = c.of('comment.created');
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        room: room.proposal(proposal.id),
        comment: { id: comment.id, proposalId: proposal.id, parentId: null, stance: 'CONCERN', body: '冬季の通勤手段が心配です🚌（除雪は？）', authorName: '連合秋田 書記長', authorSector: 'LABOUR', hidden: false },
      });
    }
    expect(overview.of('comment.created')).toEqual([]);
    expectConsecutive(clients[0], room.proposal(proposal.id), acks[0].seq as number);

    // Hiding announces the hidden state without re-broadcasting the body.
    await p.organizer.client.ok(HIDE, { id: comment.id, r: '個人情報を含むため' });
    await waitUntil(() => clients.every((c) => c.of('comment.hidden').length === 1), () => 'comment.hidden not everywhere');
    expect(clients[7].last('comment.hidden')?.comment).toMatchObject({ id: comment.id, hidden: true, body: '', hiddenReason: '個人情報を含むため' });
    expectConsecutive(clients[0], room.proposal(proposal.id), acks[0].seq as number);
  });

  it('announces proposals to the process room (drafts only to their own room) and amendments to both', async () => {
    const p = await newProcess(env.anon);
    const watcher = await env.connect({ token: p.organizer.client.token });
    const ack = await watcher.subscribe(room.process(p.id));
    const draft = await newProposal(p.organizer.client, p, { draft: true, title: '下書き：非公開' });
    const proposal = await newProposal(p.organizer.client, p, { title: '地域交通の再編（デマンド交通）' });
    await waitUntil(() => watcher.of('proposal.created').length === 1, () => 'proposal.created not received');
    expect(watcher.last('proposal.created')).toMatchObject({
      room: room.process(p.id),
      proposal: { id: proposal.id, processId: p.id, pillarId: p.pillarIds[0], title: '地域交通の再編（デマンド交通）', status: 'OPEN', version: 1 },
    });
    expect(watcher.events.some((e) => JSON.stringify(e.payload).includes(draft.id))).toBe(false);
    await watcher.subscribe(room.proposal(proposal.id));
    await p.organizer.client.ok(AMEND, { i: { proposalId: proposal.id, title: '地域交通の再編（デマンド交通・改訂）' } });
    await waitUntil(() => watcher.of('proposal.updated').length === 2, () => `got ${watcher.of('proposal.updated').length} proposal.updated`);
    expect(watcher.of('proposal.updated').map((e) => [e.room, e.proposal.version])).toEqual(
      expect.arrayContaining([
        [room.process(p.id), 2],
        [room.proposal(proposal.id), 2],
      ]),
    );
    expectConsecutive(watcher, room.process(p.id), ack.seq as number);
  });

  it('follows a voting round: voting.opened, coalesced vote.tally, voting.closed and record.created', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const voters = await Promise.all((['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE'] as const).map((s) => newMember(env.anon, p, 'PARTICIPANT', s)));
    const watcher = await env.connect({ token: p.organizer.client.token });
    const ackProposal = await watcher.subscribe(room.proposal(proposal.id));
    await watcher.subscribe(room.process(p.id));
    const round = await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    await waitUntil(() => watcher.of('voting.opened').length === 2, () => 'voting.opened not on both rooms');
    expect(watcher.of('voting.opened', room.proposal(proposal.id))[0]).toMatchObject({ proposalId: proposal.id, roundId: round.id });
    await Promise.all(voters.map((v, i) => castVote(v.client, proposal.id, i === 3 ? 'DISAGREE' : 'AGREE', { reason: i === 3 ? '財源が不明確' : undefined })));
    await waitUntil(() => watcher.last('vote.tally', room.proposal(proposal.id))?.tally?.total === 4, () => `last tally ${JSON.stringify(watcher.last('vote.tally'))}`);
    const tally = watcher.last('vote.tally', room.proposal(proposal.id));
    expect(tally).toMatchObject({ proposalId: proposal.id, roundId: round.id, tally: { agree: 3, disagree: 1, abstain: 0, block: 0, total: 4 } });
    expect(tally?.tally?.bySector.map((s) => s.sector)).toEqual(['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE']);
    expect(tally?.bridgingScore).toBeCloseTo(1 / 3);
    expect(watcher.last('vote.tally', room.process(p.id))?.tally?.total).toBe(4);

    const closed = await p.organizer.client.ok<{ closeVoting: { id: string; outcome: string; hash: string } }>(CLOSE_VOTING, { id: proposal.id });
    await waitUntil(() => watcher.of('record.created').length === 2 && watcher.of('voting.closed').length === 2, () => 'close events missing');
    expect(watcher.of('voting.closed', room.proposal(proposal.id))[0]).toMatchObject({ proposalId: proposal.id, roundId: round.id, recordId: closed.closeVoting.id, outcome: 'ADOPTED' });
    expect(watcher.of('record.created', room.process(p.id))[0]).toMatchObject({ recordId: closed.closeVoting.id, proposalId: proposal.id, outcome: 'ADOPTED', hash: closed.closeVoting.hash });
    await quietFor(250);
    expectConsecutive(watcher, room.proposal(proposal.id), ackProposal.seq as number);
  });

  it('reports the meeting state (status, current item, timer, attendance by sector) to the meeting and process rooms', async () => {
    const p = await newProcess(env.anon);
    const meeting = await liveMeeting(p);
    const projector = await env.connect({ token: p.organizer.client.token });
    const ack = await projector.subscribe(room.meeting(meeting.id));
    await projector.subscribe(room.process(p.id));
    await joinHall(env.anon, meeting.joinCode, 14);
    await waitUntil(() => projector.last('meeting.state', room.meeting(meeting.id))?.attendanceTotal === 14, () => `last ${JSON.stringify(projector.last('meeting.state'))}`);
    expect(projector.last('meeting.state', room.meeting(meeting.id))).toMatchObject({
      meetingId: meeting.id,
      processId: p.id,
      status: 'LIVE',
      attendance: { INDUSTRY: 2, GOVERNMENT: 2, ACADEMIA: 2, FINANCE: 2, LABOUR: 2, MEDIA: 2, CITIZEN: 2 },
      agendaItemIds: meeting.agenda.map((a) => a.id),
    });

    const c = p.organizer.client;
    await c.ok(SET_CURRENT_ITEM, { id: meeting.id, item: meeting.agenda[1].id });
    const timed = (await c.ok<{ startTimer: TestMeeting }>(START_TIMER, { id: meeting.id, m: 10 })).startTimer;
    await waitUntil(() => projector.last('meeting.state', room.meeting(meeting.id))?.timerEndsAt === timed.timerEndsAt, () => 'timer not announced');
    expect(projector.last('meeting.state', room.meeting(meeting.id))?.currentItemId).toBe(meeting.agenda[1].id);
    await c.ok(END_MEETING, { id: meeting.id });
    await waitUntil(() => projector.last('meeting.state', room.meeting(meeting.id))?.status === 'ENDED', () => 'end not announced');
    const truth = (await c.ok<{ meeting: TestMeeting }>(MEETING, { id: meeting.id })).meeting;
    expect(projector.last('meeting.state', room.meeting(meeting.id))).toMatchObject({ status: 'ENDED', endedAt: truth.endedAt, timerEndsAt: null, attendanceTotal: 14 });
    expect(projector.last('meeting.state', room.process(p.id))?.status).toBe('ENDED');
    expectConsecutive(projector, room.meeting(meeting.id), ack.seq as number);
  });
});
