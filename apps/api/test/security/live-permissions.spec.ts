import { can, ROLES, type Role } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import type { RunningServer } from '../../src/server';
import { type Account, newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, quietFor, waitUntil } from '../support/live-client';
import { joinAsGuest, liveMeeting, uniqueAddress } from '../support/meeting-factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

type Who = Role | 'GUEST_OF_THIS_PROCESS' | 'DRAFT_AUTHOR' | 'STRANGER' | 'GUEST_OF_ANOTHER_PROCESS';
type RoomKey = 'process' | 'meeting' | 'openProposal' | 'draftProposal';
type Answer = 'ok' | `${string}/${string}`;

/**
 * The socket.io half of docs/permissions.md: following a room is `process.read` (every role,
 * observers included); a draft's room follows who may see the draft (its author and
 * `proposal.amendAny`). Non-members get NOT_FOUND, guests of another process FORBIDDEN — the same
 * answers as GraphQL. Events reach exactly the clients that were let in.
 */
describe('the permission table over socket.io rooms, cell by cell', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  const who = {} as Record<Who, string>;
  const rooms = {} as Record<RoomKey, string>;
  const open: LiveClient[] = [];
  let author: Account;

  const connect = async (token: string) => {
    const c = await new LiveClient(server.url, { token }).connect();
    open.push(c);
    return c;
  };
  const answer = async (c: LiveClient, r: string): Promise<Answer> => {
    const ack = await c.subscribe(r);
    return ack.ok ? 'ok' : `${ack.error?.code}/${ack.error?.reason}`;
  };

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, 'リアルタイム権限の検証');
    who.ORGANIZER = p.organizer.client.token as string;
    for (const [role, sector] of [
      ['FACILITATOR', 'MEDIA'],
      ['SECRETARIAT', 'GOVERNMENT'],
      ['PARTICIPANT', 'INDUSTRY'],
      ['OBSERVER', 'CITIZEN'],
    ] as const) {
      who[role] = (await newMember(anon, p, role, sector)).client.token as string;
    }
    author = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '下書き 作者');
    who.DRAFT_AUTHOR = author.client.token as string;
    who.STRANGER = (await newAccount(anon)).client.token as string;
    const meeting = await liveMeeting(p);
    who.GUEST_OF_THIS_PROCESS = (await joinAsGuest(anon, meeting.joinCode, { displayName: '会場 ゲスト', sector: 'ACADEMIA' }, uniqueAddress())).token;
    const other = await newProcess(anon, '別の協議会');
    who.GUEST_OF_ANOTHER_PROCESS = (await joinAsGuest(anon, (await liveMeeting(other)).joinCode, { displayName: '他所 ゲスト' }, uniqueAddress())).token;
    rooms.process = room.process(p.id);
    rooms.meeting = room.meeting(meeting.id);
    rooms.openProposal = room.proposal((await newProposal(p.organizer.client, p)).id);
    rooms.draftProposal = room.proposal((await newProposal(author.client, p, { draft: true, title: '作者の下書き' })).id);
  }, 60_000);
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => server.close());

  it('lets in exactly who docs/permissions.md says, and refuses everyone else with the GraphQL answers', async () => {
    const expected = (w: Who, r: RoomKey): Answer => {
      if (w === 'STRANGER') return 'NOT_FOUND/NOT_A_MEMBER';
      if (w === 'GUEST_OF_ANOTHER_PROCESS') return 'FORBIDDEN/GUEST_OTHER_PROCESS';
      const role: Role = (ROLES as readonly string[]).includes(w) ? (w as Role) : 'PARTICIPANT';
      if (!can(role, 'process.read')) return 'FORBIDDEN/ROLE_NOT_ALLOWED';
      if (r === 'draftProposal' && w !== 'DRAFT_AUTHOR' && !can(role, 'proposal.amendAny')) return 'NOT_FOUND/NOT_FOUND';
      return 'ok';
    };
    const seen: Record<string, Record<string, Answer>> = {};
    const want: Record<string, Record<string, Answer>> = {};
    for (const w of Object.keys(who) as Who[]) {
      const c = await connect(who[w]);
      seen[w] = {};
      want[w] = {};
      for (const r of Object.keys(rooms) as RoomKey[]) {
        seen[w][r] = await answer(c, rooms[r]);
        want[w][r] = expected(w, r);
      }
    }
    expect(seen).toEqual(want);
    // Sanity of the table itself: observers read, participants do not see others' drafts.
    expect(want.OBSERVER).toEqual({ process: 'ok', meeting: 'ok', openProposal: 'ok', draftProposal: 'NOT_FOUND/NOT_FOUND' });
    expect(want.SECRETARIAT.draftProposal).toBe('ok');
  });

  it('delivers events only to the clients that were let in, and never announces a draft to the process room', async () => {
    const clients = {} as Record<Who, LiveClient>;
    for (const w of Object.keys(who) as Who[]) {
      clients[w] = await connect(who[w]);
      for (const r of [rooms.process, rooms.openProposal, rooms.draftProposal]) await clients[w].subscribe(r);
    }
    const openId = rooms.openProposal.split(':')[1];
    const draftId = rooms.draftProposal.split(':')[1];
    await newComment(p.organizer.client, openId, { body: '全員に届くコメント' });
    await author.client.ok('mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id } }', { i: { proposalId: draftId, body: '下書きの修正（秘密）' } });
    const secretDraft = await newProposal(author.client, p, { draft: true, title: '誰にも知られたくない下書き' });
    const published = await newProposal(p.organizer.client, p, { title: '公開の提案' });

    const mayRead = (w: Who) => w !== 'STRANGER' && w !== 'GUEST_OF_ANOTHER_PROCESS';
    const maySeeDraft = (w: Who) => w === 'DRAFT_AUTHOR' || (mayRead(w) && (ROLES as readonly string[]).includes(w) && can(w as Role, 'proposal.amendAny'));
    for (const w of Object.keys(who) as Who[]) {
      if (!mayRead(w)) continue;
      await waitUntil(() => clients[w].of('comment.created', rooms.openProposal).length === 1, () => `${w}: no comment.created`);
      await waitUntil(() => clients[w].of('proposal.created', rooms.process).some((e) => e.proposal.id === published.id), () => `${w}: no proposal.created`);
      if (maySeeDraft(w)) await waitUntil(() => clients[w].of('proposal.updated', rooms.draftProposal).length === 1, () => `${w}: no proposal.updated of the draft`);
    }
    await quietFor(300);
    for (const w of Object.keys(who) as Who[]) {
      const c = clients[w];
      if (!mayRead(w)) expect({ w, events: c.events }).toEqual({ w, events: [] });
      if (!maySeeDraft(w)) expect({ w, draftEvents: c.events.filter((e) => e.payload.room === rooms.draftProposal) }).toEqual({ w, draftEvents: [] });
      expect({ w, leaked: c.events.filter((e) => JSON.stringify(e.payload).includes(secretDraft.id) || JSON.stringify(e.payload).includes('誰にも知られたくない')) }).toEqual({ w, leaked: [] });
    }
  });

  it('re-checks membership on every subscribe: a member removed from the process cannot follow its rooms again (FORBIDDEN: removed means removed)', async () => {
    const member = await newMember(anon, p, 'PARTICIPANT', 'FINANCE', '退会 予定');
    const c = await connect(member.client.token as string);
    expect(await answer(c, rooms.process)).toBe('ok');
    await p.organizer.client.ok('mutation($pid: ID!, $id: ID!) { removeMember(processId: $pid, participantId: $id) }', { pid: p.id, id: member.id });
    const again = await connect(member.client.token as string);
    expect(await answer(again, rooms.process)).toBe('FORBIDDEN/MEMBER_REMOVED');
    expect(await answer(again, rooms.openProposal)).toBe('FORBIDDEN/MEMBER_REMOVED');
  });
});
