import { room } from '@yoriai/realtime-contract';
import { quietFor, waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { liveMeeting, MEETING, TestDevice } from '../support/meeting-factories';
import { newMember, newProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { CAST_VOTE, openVoting, PROPOSAL_VOTING } from '../support/voting-factories';

/**
 * Attack finding 1 (docs/security.md): "One person votes many times with the join code". joinMeeting
 * made a new guest with a vote on every call; an observer read the code, joined as a guest and voted;
 * a removed member came back by code; a member who joined by code lost their role. Now a guest is
 * bound to the device that joined, the meeting's admission mode decides who may enter, and everyone
 * keeps who they are.
 */
const DOOR = 'query($id: ID!) { meeting(id: $id) { admission guestsPerDevice joinCode pendingGuests { participantId displayName sector admission } attendanceBySector { sector count guests recentGuests } } }';
const SET_ADMISSION = 'mutation($id: ID!, $a: Admission!, $n: Int) { setMeetingAdmission(meetingId: $id, admission: $a, guestsPerDevice: $n) { id admission guestsPerDevice } }';
const ADMIT = 'mutation($m: ID!, $p: ID!) { admitGuest(meetingId: $m, participantId: $p) { participantId admission sector } }';
const DENY = 'mutation($m: ID!, $p: ID!) { denyGuest(meetingId: $m, participantId: $p) { participantId admission } }';
const REMOVE = 'mutation($pid: ID!, $id: ID!) { removeMember(processId: $pid, participantId: $id) }';
const MY_MEMBERSHIP = 'query($id: ID!) { process(id: $id) { myMembership { role sector } } }';

interface Tally {
  proposal: { tally: { block: number; total: number } | null };
}

describe('attack finding 1: one person, one vote, whatever the join code path', () => {
  const env = useLiveTestServer();

  it('one phone joining five times is one guest with one vote (also after signing out)', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const m = await liveMeeting(p);
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const phone = new TestDevice(env.server.url);
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const joined = await phone.join(m.joinCode, { displayName: `反対 太郎 ${i}`, sector: 'MEDIA' });
      expect(joined.errors).toBeUndefined();
      ids.add(joined.data?.joinMeeting.participant.id as string);
      expect((await phone.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'BLOCK', clientRequestId: `block-${i}` } })).errors).toBeUndefined();
      if (i === 2) phone.dropSession(); // signed out, or the session cookie expired: still the same phone
    }
    expect(ids.size).toBe(1);
    const { proposal: read } = await p.organizer.client.ok<Tally>(PROPOSAL_VOTING, { id: proposal.id });
    expect(read.tally).toMatchObject({ block: 1, total: 1 });
    const door = (await p.organizer.client.ok<{ meeting: { attendanceBySector: { sector: string; count: number; guests: number }[] } }>(DOOR, { id: m.id })).meeting;
    expect(door.attendanceBySector).toEqual([{ sector: 'MEDIA', count: 1, guests: 1, recentGuests: 1 }]);
  });

  it('a second person on one device only when asked for, and never beyond the meeting\'s cap', async () => {
    const p = await newProcess(env.anon);
    const m = await liveMeeting(p);
    const phone = new TestDevice(env.server.url);
    const first = await phone.join(m.joinCode, { displayName: '母' });
    const refused = await phone.join(m.joinCode, { displayName: '娘', anotherPerson: true });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DEVICE_GUEST_LIMIT' });
    expect(refused.errors?.[0].message).toBe('この端末から参加できるのは1人までです。別の端末で参加してください。');
    await p.organizer.client.ok(SET_ADMISSION, { id: m.id, a: 'CODE', n: 2 });
    const second = await phone.join(m.joinCode, { displayName: '娘', anotherPerson: true });
    expect(second.errors).toBeUndefined();
    expect(second.data?.joinMeeting.participant.id).not.toBe(first.data?.joinMeeting.participant.id);
    expect((await phone.join(m.joinCode, { displayName: '祖父', anotherPerson: true })).errors?.[0].extensions?.reason).toBe('DEVICE_GUEST_LIMIT');
    // Joining again by name (after the daughter's session ends) picks that person again; no third guest was made.
    phone.dropSession();
    expect((await phone.join(m.joinCode, { displayName: '母' })).data?.joinMeeting.participant.id).toBe(first.data?.joinMeeting.participant.id);
    const count = (await p.organizer.client.ok<{ meeting: { attendanceBySector: { count: number }[] } }>(DOOR, { id: m.id })).meeting.attendanceBySector.reduce((n, s) => n + s.count, 0);
    expect(count).toBe(2);
  });

  it('an observer never sees the code, keeps the observer role when joining by code, and cannot vote', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const m = await liveMeeting(p);
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    const observer = await newMember(env.anon, p, 'OBSERVER', 'MEDIA', '記者 見守');
    expect((await observer.client.ok<{ meeting: { joinCode: string | null } }>(MEETING, { id: m.id })).meeting.joinCode).toBeNull();
    const joined = await observer.client.raw<{ joinMeeting: { participant: { id: string } } }>(
      'mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { participant { id } } }',
      { i: { code: m.joinCode, displayName: '別名', sector: 'CITIZEN' } },
      { 'x-forwarded-for': '203.0.200.1' },
    );
    expect(joined.data?.joinMeeting.participant.id).toBe(observer.id);
    expect((await observer.client.ok<{ process: { myMembership: { role: string; sector: string } } }>(MY_MEMBERSHIP, { id: p.id })).process.myMembership).toEqual({ role: 'OBSERVER', sector: 'MEDIA' });
    const vote = await observer.client.fail(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'BLOCK' } });
    expect(vote.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('a facilitator who joins by code stays a facilitator of their own sector', async () => {
    const p = await newProcess(env.anon);
    const m = await liveMeeting(p);
    const facilitator = await newMember(env.anon, p, 'FACILITATOR', 'ACADEMIA', '進行 役');
    await facilitator.client.ok('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { participant { id } } }', { i: { code: m.joinCode, displayName: '進行 役', sector: 'CITIZEN' } });
    expect((await facilitator.client.ok<{ process: { myMembership: { role: string; sector: string } } }>(MY_MEMBERSHIP, { id: p.id })).process.myMembership).toEqual({ role: 'FACILITATOR', sector: 'ACADEMIA' });
  });

  it('a removed member is refused by code, signed in or as the guest of their device', async () => {
    const p = await newProcess(env.anon);
    const m = await liveMeeting(p);
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR', '除名 次郎');
    await p.organizer.client.ok(REMOVE, { pid: p.id, id: member.id });
    const byAccount = await member.client.raw('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', { i: { code: m.joinCode, displayName: '除名 次郎', sector: 'LABOUR' } });
    expect(byAccount.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REMOVED' });

    const phone = new TestDevice(env.server.url);
    const guest = await phone.join(m.joinCode, { displayName: '荒らし' });
    await p.organizer.client.ok(REMOVE, { pid: p.id, id: guest.data?.joinMeeting.participant.id });
    for (const details of [{ displayName: '荒らし' }, { displayName: '別人です' }, { displayName: '別人です', anotherPerson: true }]) {
      phone.dropSession();
      const again = await phone.join(m.joinCode, details);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_REMOVED' });
    }
  });

  it('members only: a guest is turned away, a member comes in', async () => {
    const p = await newProcess(env.anon);
    const m = await liveMeeting(p);
    await p.organizer.client.ok(SET_ADMISSION, { id: m.id, a: 'MEMBERS_ONLY' });
    const refused = await new TestDevice(env.server.url).join(m.joinCode);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEETING_MEMBERS_ONLY' });
    const outsider = await newMember(env.anon, await newProcess(env.anon), 'PARTICIPANT', 'CITIZEN');
    const notMember = await outsider.client.raw('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', { i: { code: m.joinCode, displayName: 'よそ者', sector: 'CITIZEN' } });
    expect(notMember.errors?.[0].extensions?.reason).toBe('MEETING_MEMBERS_ONLY');
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'FINANCE');
    expect((await member.client.raw('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', { i: { code: m.joinCode, displayName: 'x', sector: 'FINANCE' } })).errors).toBeUndefined();
    const door = (await p.organizer.client.ok<{ meeting: { attendanceBySector: unknown[] } }>(DOOR, { id: m.id })).meeting;
    expect(door.attendanceBySector).toEqual([{ sector: 'FINANCE', count: 1, guests: 0, recentGuests: 0 }]);
  });

  it('code + approval: a newcomer waits at the door, cannot vote until admitted, and hears the answer live', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const m = await liveMeeting(p);
    await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
    await p.organizer.client.ok(SET_ADMISSION, { id: m.id, a: 'CODE_WITH_APPROVAL' });
    // The meeting's earlier changes are announced and done with: what the console hears next is the newcomer.
    await quietFor(500);
    const console = await env.connect({ token: p.organizer.client.token });
    expect((await console.subscribe(room.meeting(m.id))).ok).toBe(true);

    const phone = new TestDevice(env.server.url);
    const asked = await phone.join(m.joinCode, { displayName: '受付 待子', sector: 'CITIZEN', organization: '商店街' });
    expect(asked.data?.joinMeeting.admission).toBe('PENDING');
    const guestId = asked.data?.joinMeeting.participant.id as string;
    const waiting = await env.connect({ token: asked.data?.joinMeeting.token });
    const early = await phone.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMISSION_PENDING' });
    const door = (await p.organizer.client.ok<{ meeting: { pendingGuests: unknown[] } }>(DOOR, { id: m.id })).meeting;
    expect(door.pendingGuests).toEqual([{ participantId: guestId, displayName: '受付 待子', sector: 'CITIZEN', admission: 'PENDING' }]);
    await waitUntil(() => console.of('meeting.state').length > 0, () => 'the console heard nothing of the newcomer');
    // Joining again while waiting changes nothing: still one request, still waiting.
    expect((await phone.join(m.joinCode, { displayName: '受付 待子' })).data?.joinMeeting.admission).toBe('PENDING');

    const admitted = await p.organizer.client.ok<{ admitGuest: unknown }>(ADMIT, { m: m.id, p: guestId });
    expect(admitted.admitGuest).toEqual({ participantId: guestId, admission: 'ADMITTED', sector: 'CITIZEN' });
    await waitUntil(() => waiting.admissions.some((a) => a.status === 'ADMITTED'), () => JSON.stringify(waiting.admissions));
    expect((await phone.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'AGREE' } })).errors).toBeUndefined();
    expect((await p.organizer.client.ok<{ meeting: { pendingGuests: unknown[] } }>(DOOR, { id: m.id })).meeting.pendingGuests).toEqual([]);

    // Denied: no vote, and joining again does not reopen the door.
    const other = new TestDevice(env.server.url);
    const second = await other.join(m.joinCode, { displayName: '荒らし 三郎' });
    await p.organizer.client.ok(DENY, { m: m.id, p: second.data?.joinMeeting.participant.id });
    expect((await other.raw(CAST_VOTE, { i: { proposalId: proposal.id, choice: 'BLOCK' } })).errors?.[0].extensions?.reason).toBe('ADMISSION_DENIED');
    other.dropSession();
    expect((await other.join(m.joinCode, { displayName: '荒らし 三郎' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMISSION_DENIED' });
    const { proposal: read } = await p.organizer.client.ok<Tally>(PROPOSAL_VOTING, { id: proposal.id });
    expect(read.tally).toMatchObject({ block: 0, total: 1 });
  });
});
