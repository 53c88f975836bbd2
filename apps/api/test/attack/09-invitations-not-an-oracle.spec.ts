import { randomUUID } from 'node:crypto';
import { newAccount } from '../support/factories';
import { useLiveTestServer } from '../support/live-test-server';
import { newMember, newProcess } from '../support/process-factories';

/**
 * Attack finding 9 (docs/security.md): "`addMember(email)` tells any signed-up user whether an e-mail
 * has an account (name and organisation included) and silently adds that person to the attacker's
 * process". Now new people are invited: the organiser's answer is the same for a known and an unknown
 * address, nobody becomes a member without accepting, and only the addressee can answer.
 */
const INVITE = 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) }';
const ADD_BY_EMAIL = 'mutation($i: AddMemberInput!) { addMember(input: $i) { id participant { displayName } } }';
const MEMBERS = 'query($id: ID!) { process(id: $id) { members(first: 200) { participant { id } } invitations { email role sector } } }';
const MY_INVITATIONS = 'query { myInvitations { id processId role sector } }';
const ACCEPT = 'mutation($id: ID!) { acceptInvitation(invitationId: $id) { role sector } }';
const DECLINE = 'mutation($id: ID!) { declineInvitation(invitationId: $id) }';

type Members = { process: { members: { participant: { id: string } }[]; invitations: { email: string; role: string; sector: string }[] } };

describe('attack finding 9: inviting by e-mail reveals nothing and adds nobody', () => {
  const env = useLiveTestServer();

  it('the answer is the same for an address with an account and one without, and the person is not a member until they accept', async () => {
    const p = await newProcess(env.anon);
    const known = await newAccount(env.anon, '既存 花子');
    const unknownEmail = `nobody-${randomUUID()}@example.test`;
    const input = (email: string) => ({ i: { processId: p.id, email, role: 'PARTICIPANT', sector: 'MEDIA', organization: '地元新聞社' } });

    const toKnown = await p.organizer.client.raw(INVITE, input(known.email));
    const toUnknown = await p.organizer.client.raw(INVITE, input(unknownEmail));
    // Byte for byte the same answer (status, data, no errors): no oracle for whether the address has an account.
    expect(toKnown).toEqual(toUnknown);
    expect(toKnown).toEqual({ status: 200, data: { inviteMember: true }, errors: undefined });
    // Inviting again (a different case of the same address) renews the invitation, with the same answer.
    expect(await p.organizer.client.raw(INVITE, input(known.email.toUpperCase()))).toEqual(toUnknown);

    // The retired add-by-e-mail answers the same typed error for both, and names nobody.
    const addKnown = await p.organizer.client.raw(ADD_BY_EMAIL, { i: { processId: p.id, email: known.email, role: 'PARTICIPANT', sector: 'MEDIA' } });
    const addUnknown = await p.organizer.client.raw(ADD_BY_EMAIL, { i: { processId: p.id, email: unknownEmail, role: 'PARTICIPANT', sector: 'MEDIA' } });
    expect(addKnown).toEqual(addUnknown);
    expect(addKnown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ADD_BY_EMAIL_RETIRED' });
    expect(JSON.stringify(addKnown)).not.toContain('既存 花子');

    // Nobody was added: the organiser sees two pending invitations (the addresses they typed), no new member.
    const before = await p.organizer.client.ok<Members>(MEMBERS, { id: p.id });
    expect(before.process.members.map((m) => m.participant.id)).toEqual([p.organizer.id]);
    expect(before.process.invitations.map((i) => i.email).sort()).toEqual([known.email.toLowerCase(), unknownEmail].sort());

    // The person sees the invitation after signing in, and becomes a member only by accepting it.
    const { myInvitations } = await known.client.ok<{ myInvitations: { id: string; processId: string; role: string; sector: string }[] }>(MY_INVITATIONS);
    expect(myInvitations).toEqual([{ id: expect.any(String), processId: p.id, role: 'PARTICIPANT', sector: 'MEDIA' }]);
    expect(await known.client.ok(ACCEPT, { id: myInvitations[0].id })).toEqual({ acceptInvitation: { role: 'PARTICIPANT', sector: 'MEDIA' } });
    const after = await p.organizer.client.ok<Members>(MEMBERS, { id: p.id });
    expect(after.process.members.map((m) => m.participant.id).sort()).toEqual([p.organizer.id, known.id].sort());
    expect(after.process.invitations.map((i) => i.email)).toEqual([unknownEmail]);
  });

  it('only the addressee can answer an invitation; a declined one adds nobody; members without member.manage cannot invite', async () => {
    const p = await newProcess(env.anon);
    const invitee = await newAccount(env.anon);
    const eavesdropper = await newAccount(env.anon);
    await p.organizer.client.ok(INVITE, { i: { processId: p.id, email: invitee.email, role: 'FACILITATOR', sector: 'ACADEMIA' } });
    const [invitation] = (await invitee.client.ok<{ myInvitations: { id: string }[] }>(MY_INVITATIONS)).myInvitations;

    // Someone else holding the id: NOT_FOUND (the same as an id that does not exist), and nothing changes.
    expect((await eavesdropper.client.ok<{ myInvitations: unknown[] }>(MY_INVITATIONS)).myInvitations).toEqual([]);
    const stolen = await eavesdropper.client.fail(ACCEPT, { id: invitation.id });
    const missing = await eavesdropper.client.fail(ACCEPT, { id: randomUUID() });
    expect(stolen.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(stolen).toEqual(missing);

    // Declining leaves the process as it was; the invitation cannot be accepted afterwards.
    expect(await invitee.client.ok(DECLINE, { id: invitation.id })).toEqual({ declineInvitation: true });
    expect((await invitee.client.fail(ACCEPT, { id: invitation.id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_CLOSED' });
    const members = await p.organizer.client.ok<Members>(MEMBERS, { id: p.id });
    expect(members.process.members.map((m) => m.participant.id)).toEqual([p.organizer.id]);

    // A plain participant cannot invite (FORBIDDEN); a stranger learns not even that the process exists (NOT_FOUND).
    const participant = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR');
    const asParticipant = await participant.client.fail(INVITE, { i: { processId: p.id, email: eavesdropper.email, role: 'ORGANIZER', sector: 'LABOUR' } });
    expect(asParticipant.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const asStranger = await eavesdropper.client.fail(INVITE, { i: { processId: p.id, email: eavesdropper.email, role: 'ORGANIZER', sector: 'LABOUR' } });
    expect(asStranger.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await eavesdropper.client.ok<{ myInvitations: unknown[] }>(MY_INVITATIONS)).myInvitations).toEqual([]);
  });
});
