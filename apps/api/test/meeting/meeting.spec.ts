import { JOIN_CODE_ALPHABET } from '@yoriai/domain';
import { MeetingLiveService } from '../../src/modules/meeting/meeting-live.service';
import type { RunningServer } from '../../src/server';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import {
  CREATE_MEETING,
  END_MEETING,
  liveMeeting,
  MEETING,
  MEETING_FIELDS,
  newMeeting,
  sendJoin,
  SET_CURRENT_ITEM,
  START_MEETING,
  START_TIMER,
  STOP_TIMER,
  type TestMeeting,
} from '../support/meeting-factories';
import { newMember, newProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const PROCESS_MEETINGS = 'query($id: ID!, $s: MeetingStatus) { process(id: $id) { meetings(status: $s) { id title status } } }';
const ADD_ITEM = `mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { ${MEETING_FIELDS} } }`;
const UPDATE_ITEM = `mutation($i: UpdateAgendaItemInput!) { updateAgendaItem(input: $i) { ${MEETING_FIELDS} } }`;
const REMOVE_ITEM = `mutation($id: ID!) { removeAgendaItem(itemId: $id) { ${MEETING_FIELDS} } }`;
const REORDER = `mutation($i: ReorderAgendaInput!) { reorderAgenda(input: $i) { ${MEETING_FIELDS} } }`;
const UPDATE_MEETING = `mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { ${MEETING_FIELDS} } }`;
const AGENDA_DETAILS = 'query($id: ID!) { meeting(id: $id) { agenda { title pillar { id title } proposals { id title } } } }';

describe('meetings: agenda and the live phase', () => {
  let server: RunningServer;
  let anon: GqlClient;
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  it('creates a scheduled meeting with an agenda of the process (全角・絵文字 round-trip) and lists it on the process', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p, { title: '雪かきボランティアの仕組みづくり❄️' });
    const m = await newMeeting(p, {
      title: '第1回 ワークショップ「未来の北秋田」🌾',
      location: '鷹巣 中央公民館（ホール）',
      agenda: [
        { title: '開会', plannedMinutes: 5 },
        { title: '① 生活環境', pillarId: p.pillarIds[0], proposalIds: [proposal.id, proposal.id], plannedMinutes: 45 },
      ],
    });
    expect(m).toMatchObject({ title: '第1回 ワークショップ「未来の北秋田」🌾', location: '鷹巣 中央公民館（ホール）', status: 'SCHEDULED', joinCode: null, attendanceCount: 0 });
    expect(m.agenda.map((a) => [a.position, a.title, a.plannedMinutes])).toEqual([
      [1, '開会', 5],
      [2, '① 生活環境', 45],
    ]);
    expect(m.agenda[1].proposalIds).toEqual([proposal.id]);
    const details = await p.organizer.client.ok<{ meeting: { agenda: { pillar: { id: string } | null; proposals: { title: string }[] }[] } }>(AGENDA_DETAILS, { id: m.id });
    expect(details.meeting.agenda[1].pillar?.id).toBe(p.pillarIds[0]);
    expect(details.meeting.agenda[1].proposals.map((x) => x.title)).toEqual(['雪かきボランティアの仕組みづくり❄️']);
    const listed = await p.organizer.client.ok<{ process: { meetings: { id: string }[] } }>(PROCESS_MEETINGS, { id: p.id, s: 'SCHEDULED' });
    expect(listed.process.meetings.map((x) => x.id)).toEqual([m.id]);
    const none = await p.organizer.client.ok<{ process: { meetings: unknown[] } }>(PROCESS_MEETINGS, { id: p.id, s: 'LIVE' });
    expect(none.process.meetings).toEqual([]);
  });

  it('refuses bad meeting input with BAD_USER_INPUT and writes nothing', async () => {
    const p = await newProcess(anon);
    const other = await newProcess(anon);
    const otherProposal = await newProposal(other.organizer.client, other);
    const base = { processId: p.id, title: 'ok' };
    const cases: [Record<string, unknown>, string?][] = [
      [{ ...base, title: '' }],
      [{ ...base, title: '   ' }],
      [{ ...base, title: 'あ'.repeat(201) }],
      [{ ...base, location: 'x'.repeat(201) }],
      [{ ...base, agenda: Array.from({ length: 51 }, (_, i) => ({ title: `議題${i}` })) }],
      [{ ...base, agenda: [{ title: 'x', plannedMinutes: 0 }] }],
      [{ ...base, agenda: [{ title: 'x', pillarId: other.pillarIds[0] }] }, 'PILLAR_NOT_IN_PROCESS'],
      [{ ...base, agenda: [{ title: 'x', proposalIds: [otherProposal.id] }] }, 'PROPOSAL_NOT_IN_PROCESS'],
    ];
    for (const [input, reason] of cases) {
      const err = await p.organizer.client.fail(CREATE_MEETING, { i: input });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      if (reason) expect(err.extensions?.reason).toBe(reason);
    }
    const [row] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM meeting WHERE process_id = $1', [p.id]);
    expect(row.n).toBe(0);
  });

  it('returns the stored meeting for a retried createMeeting (same clientRequestId), also when retries race', async () => {
    const p = await newProcess(anon);
    const first = await newMeeting(p, { clientRequestId: 'meeting-2026-07-04' });
    const again = await newMeeting(p, { clientRequestId: 'meeting-2026-07-04', title: '送り直し' });
    expect(again.id).toBe(first.id);
    expect(again.title).toBe(first.title);
    const racing = await Promise.all(Array.from({ length: 5 }, () => newMeeting(p, { clientRequestId: 'meeting-race' })));
    expect(new Set(racing.map((m) => m.id)).size).toBe(1);
    const [row] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM meeting WHERE process_id = $1', [p.id]);
    expect(row.n).toBe(2);
    const second = await p.organizer.client.ok<{ createProcess: { id: string } }>('mutation($i: CreateProcessInput!) { createProcess(input: $i) { id } }', { i: { title: '別の協議会' } });
    const reused = await p.organizer.client.fail(CREATE_MEETING, { i: { processId: second.createProcess.id, title: 'x', clientRequestId: 'meeting-race' } });
    expect(reused.extensions).toMatchObject({ code: 'CLIENT_REQUEST_ID_REUSED', reason: 'CLIENT_REQUEST_ID_REUSED' });
  });

  it('lets only organisers and facilitators manage meetings; non-members do not see them', async () => {
    const p = await newProcess(anon);
    const facilitator = await newMember(anon, p, 'FACILITATOR', 'ACADEMIA');
    const participant = await newMember(anon, p, 'PARTICIPANT', 'LABOUR');
    const stranger = await newAccount(anon);
    const m = await newMeeting(p, {}, facilitator.client);
    const denied = await participant.client.fail(START_MEETING, { id: m.id });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const seen = await participant.client.ok<{ meeting: TestMeeting }>(MEETING, { id: m.id });
    expect(seen.meeting.title).toBe(m.title);
    for (const q of [MEETING, START_MEETING]) {
      const hidden = await stranger.client.fail(q, { id: m.id });
      expect(hidden.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await anon.fail(MEETING, { id: m.id })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('runs a meeting: start (join code) → current item → timer → end (code retired, minutes draft, joins refused)', async () => {
    const p = await newProcess(anon);
    const m = await newMeeting(p);
    const c = p.organizer.client;
    const started = (await c.ok<{ startMeeting: TestMeeting }>(START_MEETING, { id: m.id })).startMeeting;
    expect(started.status).toBe('LIVE');
    expect(started.startedAt).not.toBeNull();
    expect(started.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    const again = await c.fail(START_MEETING, { id: m.id });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_ALREADY_LIVE' });

    const item = m.agenda[1];
    const current = (await c.ok<{ setCurrentAgendaItem: TestMeeting }>(SET_CURRENT_ITEM, { id: m.id, item: item.id })).setCurrentAgendaItem;
    expect(current.currentItem).toEqual({ id: item.id, title: item.title });
    const otherMeeting = await newMeeting(p);
    const foreignItem = await c.fail(SET_CURRENT_ITEM, { id: m.id, item: otherMeeting.agenda[0].id });
    expect(foreignItem.extensions?.code).toBe('NOT_FOUND');

    const before = Date.now();
    const timed = (await c.ok<{ startTimer: TestMeeting }>(START_TIMER, { id: m.id, m: 5 })).startTimer;
    const endsIn = new Date(timed.timerEndsAt as string).getTime() - before;
    expect(endsIn).toBeGreaterThan(4.9 * 60_000);
    expect(endsIn).toBeLessThan(5.5 * 60_000);
    expect((await c.fail(START_TIMER, { id: m.id, m: 0 })).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await c.fail(START_TIMER, { id: m.id, m: 241 })).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await c.ok<{ stopTimer: TestMeeting }>(STOP_TIMER, { id: m.id })).stopTimer.timerEndsAt).toBeNull();

    const guest = await sendJoin(anon, started.joinCode as string, { displayName: '会場 太郎', sector: 'FINANCE' });
    expect(guest.errors).toBeUndefined();

    const ended = (await c.ok<{ endMeeting: TestMeeting }>(END_MEETING, { id: m.id })).endMeeting;
    expect(ended).toMatchObject({ status: 'ENDED', joinCode: null, timerEndsAt: null, attendanceCount: 1 });
    expect(ended.endedAt).not.toBeNull();
    const minutes = await sql<{ status: string }>(server.databaseUrl, 'SELECT status FROM minutes WHERE meeting_id = $1', [m.id]);
    expect(minutes).toEqual([{ status: 'DRAFT' }]);

    const late = await sendJoin(anon, started.joinCode as string, { displayName: '遅刻 次郎' });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'JOIN_CODE_UNKNOWN' });
    expect(late.errors?.[0].message).toBe('参加コードが見つかりません。会場の画面のコードをご確認ください。');
    const moved = await c.fail(SET_CURRENT_ITEM, { id: m.id, item: item.id });
    expect(moved.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_ENDED' });
    const endedAgain = await c.fail(END_MEETING, { id: m.id });
    expect(endedAgain.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_ENDED' });
    const after = await c.ok<{ meeting: TestMeeting }>(MEETING, { id: m.id });
    expect(after.meeting.attendanceCount).toBe(1);

    const audit = await sql<{ action: string }>(server.databaseUrl, "SELECT action FROM audit_log WHERE target_id = $1 AND target_type = 'meeting' ORDER BY id", [m.id]);
    expect(audit.map((a) => a.action)).toEqual(['meeting.create', 'meeting.start', 'meeting.setCurrentItem', 'meeting.startTimer', 'meeting.stopTimer', 'meeting.join', 'meeting.end']);
  });

  it('refuses the live-phase steps before the meeting is live', async () => {
    const p = await newProcess(anon);
    const m = await newMeeting(p);
    const c = p.organizer.client;
    expect((await c.fail(SET_CURRENT_ITEM, { id: m.id, item: m.agenda[0].id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_NOT_LIVE' });
    expect((await c.fail(START_TIMER, { id: m.id, m: 3 })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_NOT_LIVE' });
    expect((await c.fail(END_MEETING, { id: m.id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_NOT_LIVE' });
    const en = await new GqlClient(server.url, 'en').withToken(p.organizer.client.token as string).fail(END_MEETING, { id: m.id });
    expect(en.message).toBe('The meeting is scheduled, so you cannot end it.');
  });

  it('edits the agenda while scheduled or live: add, update, reorder, remove (never the current item)', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const m = await liveMeeting(p);
    const c = p.organizer.client;
    const [first, second] = m.agenda;
    const added = (await c.ok<{ addAgendaItem: TestMeeting }>(ADD_ITEM, { i: { meetingId: m.id, title: '会場からの提案：除雪', position: 1, proposalIds: [proposal.id] } })).addAgendaItem;
    expect(added.agenda.map((a) => a.title)).toEqual(['会場からの提案：除雪', first.title, second.title]);
    expect(added.agenda.map((a) => a.position)).toEqual([1, 2, 3]);
    const newItem = added.agenda[0];
    const updated = (await c.ok<{ updateAgendaItem: TestMeeting }>(UPDATE_ITEM, { i: { itemId: newItem.id, title: '除雪と交通', plannedMinutes: 20, pillarId: p.pillarIds[1] } })).updateAgendaItem;
    expect(updated.agenda[0]).toMatchObject({ title: '除雪と交通', plannedMinutes: 20, pillarId: p.pillarIds[1], proposalIds: [proposal.id] });
    // A change is checked like a new item or meeting (the same limits, before anything is written).
    for (const bad of [{ plannedMinutes: 0 }, { plannedMinutes: 601 }, { pillarId: 'not-a-uuid' }, { proposalIds: Array.from({ length: 51 }, () => proposal.id) }]) {
      expect((await c.fail(UPDATE_ITEM, { i: { itemId: newItem.id, ...bad } })).extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await c.fail(UPDATE_MEETING, { i: { meetingId: m.id, location: 'x'.repeat(201) } })).extensions?.code).toBe('BAD_USER_INPUT');
    const order = [second.id, newItem.id, first.id];
    const reordered = (await c.ok<{ reorderAgenda: TestMeeting }>(REORDER, { i: { meetingId: m.id, itemIds: order } })).reorderAgenda;
    expect(reordered.agenda.map((a) => a.id)).toEqual(order);
    const incomplete = await c.fail(REORDER, { i: { meetingId: m.id, itemIds: order.slice(1) } });
    expect(incomplete.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AGENDA_ORDER_INCOMPLETE' });

    await c.ok(SET_CURRENT_ITEM, { id: m.id, item: newItem.id });
    const current = await c.fail(REMOVE_ITEM, { id: newItem.id });
    expect(current.extensions).toMatchObject({ code: 'CONFLICT', reason: 'AGENDA_ITEM_CURRENT' });
    const removed = (await c.ok<{ removeAgendaItem: TestMeeting }>(REMOVE_ITEM, { id: second.id })).removeAgendaItem;
    expect(removed.agenda.map((a) => [a.position, a.id])).toEqual([
      [1, newItem.id],
      [2, first.id],
    ]);
    const renamed = (await c.ok<{ updateMeeting: TestMeeting }>(UPDATE_MEETING, { i: { meetingId: m.id, title: '第3回（延長）', location: null } })).updateMeeting;
    expect(renamed).toMatchObject({ title: '第3回（延長）', location: null });

    await c.ok(END_MEETING, { id: m.id });
    const frozen = await c.fail(ADD_ITEM, { i: { meetingId: m.id, title: 'x' } });
    expect(frozen.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_ENDED' });
  });

  it('draws another join code when the first one is held by a live meeting (partial unique index)', async () => {
    const p = await newProcess(anon);
    const held = await liveMeeting(p);
    const second = await newMeeting(p);
    const live = server.app.get(MeetingLiveService);
    const original = live.drawJoinCode;
    const draws = [held.joinCode, 'ZZZZ22'];
    live.drawJoinCode = () => draws.shift() ?? original();
    try {
      const started = (await p.organizer.client.ok<{ startMeeting: TestMeeting }>(START_MEETING, { id: second.id })).startMeeting;
      expect(started.joinCode).toBe('ZZZZ22');
      expect(draws).toEqual([]);
    } finally {
      live.drawJoinCode = original;
    }
    // Retired codes may be reissued: after the first meeting ends its code is free again.
    await p.organizer.client.ok(END_MEETING, { id: held.id });
    const third = await newMeeting(p);
    live.drawJoinCode = () => held.joinCode;
    try {
      const reused = (await p.organizer.client.ok<{ startMeeting: TestMeeting }>(START_MEETING, { id: third.id })).startMeeting;
      expect(reused.joinCode).toBe(held.joinCode);
    } finally {
      live.drawJoinCode = original;
    }
  });
});
