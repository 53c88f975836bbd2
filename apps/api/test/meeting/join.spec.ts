import { JOIN_CODE_ALPHABET, type Sector } from '@yoriai/domain';
import type { RunningServer } from '../../src/server';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { joinAsGuest, JOIN_MEETING, TestDevice, liveMeeting, MEETING, MEETING_PREVIEW, sendJoin, type TestMeeting, uniqueAddress } from '../support/meeting-factories';
import { newMember, newProcess } from '../support/process-factories';
import { sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const ATTENDANCE = 'query($id: ID!) { meeting(id: $id) { attendanceCount attendanceBySector { sector count } attendance(first: 200) { participantId displayName organization sector guest joinedAt } } }';
const PROCESS = 'query($id: ID!) { process(id: $id) { id title myMembership { role sector organization } } }';
const ME = '{ me { id kind displayName organization } }';

interface Attendance {
  attendanceCount: number;
  attendanceBySector: { sector: Sector; count: number }[];
  attendance: { participantId: string; displayName: string; organization: string | null; sector: Sector; guest: boolean; joinedAt: string }[];
}

describe('joining a live meeting with its code', () => {
  let server: RunningServer;
  let anon: GqlClient;
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  it('previews a live meeting publicly, accepting the code in any reasonable spelling', async () => {
    const p = await newProcess(anon, '秋田県 北秋田市 地域ビジョン協議会');
    const m = await liveMeeting(p, { title: '第2回 ワークショップ🍎', location: 'コムコム' });
    const code = m.joinCode;
    const fullWidth = code.replace(/[A-Z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    for (const spelling of [code, code.toLowerCase(), `${code.slice(0, 3)}-${code.slice(3)}`, ` ${code.slice(0, 3)} ${code.slice(3)} `, fullWidth, `${code.slice(0, 3)}ー${code.slice(3)}`]) {
      const res = await anon.raw<{ meetingByJoinCode: Record<string, unknown> }>(MEETING_PREVIEW, { code: spelling }, { 'x-forwarded-for': uniqueAddress() });
      expect(res.errors).toBeUndefined();
      expect(res.data?.meetingByJoinCode).toEqual({
        meetingId: m.id,
        processId: p.id,
        title: '第2回 ワークショップ🍎',
        processTitle: '秋田県 北秋田市 地域ビジョン協議会',
        status: 'LIVE',
        location: 'コムコム',
        startsAt: m.startsAt,
      });
    }
  });

  it('explains unknown and malformed codes clearly (Japanese by default, English on request)', async () => {
    const address = uniqueAddress();
    const unknown = await anon.raw(MEETING_PREVIEW, { code: 'ZZZZZZ' }, { 'x-forwarded-for': address });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'JOIN_CODE_UNKNOWN' });
    expect(unknown.errors?.[0].message).toBe('参加コードが見つかりません。会場の画面のコードをご確認ください。');
    const en = await new GqlClient(server.url, 'en').raw(JOIN_MEETING, { i: { code: 'ZZZZZZ', displayName: 'Visitor', sector: 'MEDIA' } }, { 'x-forwarded-for': address });
    expect(en.errors?.[0].message).toBe('This join code was not found. Please check the code shown at the venue.');
    for (const bad of ['ABC', 'ABCDEFG', 'O0I1L0', '']) {
      const res = await anon.raw(MEETING_PREVIEW, { code: bad }, { 'x-forwarded-for': address });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'JOIN_CODE_INVALID' });
    }
    // A scheduled meeting has no code yet; an ended one has retired it (meeting.spec.ts).
  });

  it('creates a guest of the process with a membership and attendance, and signs them in (token and cookie)', async () => {
    const p = await newProcess(anon);
    const other = await newProcess(anon);
    const m = await liveMeeting(p);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueAddress() },
      body: JSON.stringify({ query: JOIN_MEETING, variables: { i: { code: m.joinCode.toLowerCase(), displayName: ' 北秋田 信用金庫の 佐藤🙂 ', sector: 'FINANCE', organization: '北秋田信用金庫（融資課）' } } }),
    });
    const body = (await res.json()) as { data: { joinMeeting: { token: string; participant: { id: string; kind: string; displayName: string; organization: string } } } };
    const joined = body.data.joinMeeting;
    expect(joined.participant).toMatchObject({ kind: 'GUEST', displayName: '北秋田 信用金庫の 佐藤🙂', organization: '北秋田信用金庫（融資課）' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('yoriai_session=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('yoriai_device='))).toMatch(/HttpOnly/i);

    const guest = anon.withToken(joined.token);
    const mine = await guest.ok<{ process: { myMembership: { role: string; sector: string; organization: string } } }>(PROCESS, { id: p.id });
    expect(mine.process.myMembership).toEqual({ role: 'PARTICIPANT', sector: 'FINANCE', organization: '北秋田信用金庫（融資課）' });
    const viaCookie = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await viaCookie.json()) as { data: { me: { id: string } } }).data.me.id).toBe(joined.participant.id);
    // The guest token is scoped to this process.
    const elsewhere = await guest.fail(PROCESS, { id: other.id });
    expect(elsewhere.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GUEST_OTHER_PROCESS' });

    const att = (await p.organizer.client.ok<{ meeting: Attendance }>(ATTENDANCE, { id: m.id })).meeting;
    expect(att.attendanceCount).toBe(1);
    expect(att.attendanceBySector).toEqual([{ sector: 'FINANCE', count: 1 }]);
    expect(att.attendance[0]).toMatchObject({ participantId: joined.participant.id, displayName: '北秋田 信用金庫の 佐藤🙂', organization: '北秋田信用金庫（融資課）', sector: 'FINANCE', guest: true });
  });

  it('records a signed-in member as themself (no guest), once however often they join', async () => {
    const p = await newProcess(anon);
    const member = await newMember(anon, p, 'PARTICIPANT', 'ACADEMIA', '秋田大学 教授');
    const m = await liveMeeting(p);
    for (let i = 0; i < 2; i++) {
      const res = await sendJoin(member.client, m.joinCode, { displayName: 'ignored', sector: 'CITIZEN' }, uniqueAddress());
      expect(res.data?.joinMeeting.participant).toMatchObject({ id: member.id, kind: 'ACCOUNT', displayName: '秋田大学 教授' });
      const fresh = anon.withToken(res.data?.joinMeeting.token as string);
      expect((await fresh.ok<{ me: { id: string } }>(ME)).me.id).toBe(member.id);
    }
    const att = (await p.organizer.client.ok<{ meeting: Attendance }>(ATTENDANCE, { id: m.id })).meeting;
    expect(att.attendance).toHaveLength(1);
    expect(att.attendance[0]).toMatchObject({ participantId: member.id, sector: 'ACADEMIA', guest: false });
    const [guests] = await sql<{ n: number }>(server.databaseUrl, "SELECT count(*)::int AS n FROM participant WHERE guest_process_id = $1 AND kind = 'GUEST'", [p.id]);
    expect(guests.n).toBe(0);
  });

  it('keeps a returning guest (token of this process) and makes an account that is not a member yet a participant', async () => {
    const p = await newProcess(anon);
    const m = await liveMeeting(p);
    const guest = await joinAsGuest(anon, m.joinCode, { displayName: '再訪 さん', sector: 'LABOUR' }, uniqueAddress());
    const again = await sendJoin(guest.client, m.joinCode, { displayName: '別名', sector: 'MEDIA' }, uniqueAddress());
    expect(again.data?.joinMeeting.participant.id).toBe(guest.participant.id);

    const account = await newAccount(anon, '商工会 事務局長');
    const joined = await sendJoin(account.client, m.joinCode, { displayName: 'x', sector: 'INDUSTRY', organization: '北秋田市商工会' }, uniqueAddress());
    expect(joined.data?.joinMeeting.participant).toMatchObject({ id: account.id, kind: 'ACCOUNT' });
    const membership = await account.client.ok<{ process: { myMembership: { role: string; sector: string; organization: string } } }>(PROCESS, { id: p.id });
    expect(membership.process.myMembership).toEqual({ role: 'PARTICIPANT', sector: 'INDUSTRY', organization: '北秋田市商工会' });

    // A guest of ANOTHER process joining here becomes a new guest of this one.
    const p2 = await newProcess(anon);
    const m2 = await liveMeeting(p2);
    const moved = await sendJoin(guest.client, m2.joinCode, { displayName: '再訪 さん', sector: 'LABOUR' }, uniqueAddress());
    expect(moved.data?.joinMeeting.participant.id).not.toBe(guest.participant.id);
    const att = (await p.organizer.client.ok<{ meeting: Attendance }>(ATTENDANCE, { id: m.id })).meeting;
    expect(att.attendanceBySector).toEqual([
      { sector: 'INDUSTRY', count: 1 },
      { sector: 'LABOUR', count: 1 },
    ]);
  });

  it('signs a retried join (same clientRequestId, e.g. after a lost answer) in as the same guest, even when retries race', async () => {
    const p = await newProcess(anon);
    const m = await liveMeeting(p);
    const address = uniqueAddress();
    const details = { displayName: '電波の弱い 席の人', sector: 'MEDIA' as Sector, clientRequestId: 'join-7f3a9c' };
    const first = await sendJoin(anon, m.joinCode, details, address);
    const again = await sendJoin(anon, m.joinCode, details, address);
    expect(again.data?.joinMeeting.participant.id).toBe(first.data?.joinMeeting.participant.id);
    const racing = await Promise.all(Array.from({ length: 5 }, () => sendJoin(anon, m.joinCode, { ...details, clientRequestId: 'join-race-01' }, address)));
    expect(racing.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(racing.map((r) => r.data?.joinMeeting.participant.id)).size).toBe(1);
    const att = (await p.organizer.client.ok<{ meeting: Attendance }>(ATTENDANCE, { id: m.id })).meeting;
    expect(att.attendanceCount).toBe(2);
    const [guests] = await sql<{ n: number }>(server.databaseUrl, "SELECT count(*)::int AS n FROM participant WHERE guest_process_id = $1 AND kind = 'GUEST'", [p.id]);
    expect(guests.n).toBe(2);
    const reused = await sendJoin(anon, m.joinCode, { ...details, displayName: '別の人' }, address);
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CLIENT_REQUEST_ID_REUSED', reason: 'CLIENT_REQUEST_ID_REUSED' });
    const malformed = await sendJoin(anon, m.joinCode, { ...details, clientRequestId: 'has spaces' }, address);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('joins with an expired or broken session cookie as a new guest instead of failing', async () => {
    const p = await newProcess(anon);
    const m = await liveMeeting(p);
    const res = await sendJoin(anon.withToken('not-a-token'), m.joinCode, { displayName: 'スマホ 利用者' }, uniqueAddress());
    expect(res.errors).toBeUndefined();
    expect(res.data?.joinMeeting.participant.kind).toBe('GUEST');
  });

  it('refuses invalid guest details with BAD_USER_INPUT and writes nothing', async () => {
    const p = await newProcess(anon);
    const m = await liveMeeting(p);
    for (const details of [{ displayName: '' }, { displayName: '   ' }, { displayName: 'あ'.repeat(101) }, { organization: 'x'.repeat(201) }, { sector: 'CLERGY' as Sector }]) {
      const res = await sendJoin(anon, m.joinCode, details, uniqueAddress());
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const att = (await p.organizer.client.ok<{ meeting: TestMeeting }>(MEETING, { id: m.id })).meeting;
    expect(att.attendanceCount).toBe(0);
  });

  it('stops guessing: 15 wrong codes from one device are cut off after 10, that device is locked, its neighbours are not', async () => {
    const p = await newProcess(anon);
    const m = await liveMeeting(p);
    const attacker = new TestDevice(server.url);
    await attacker.raw(MEETING_PREVIEW, { code: 'ZZZZZZ' }); // gets its device cookie
    const outcomes: string[] = [];
    let lockedMessage = '';
    for (let i = 0; i < 15; i++) {
      const guess = `Q${JOIN_CODE_ALPHABET[i % 29]}${JOIN_CODE_ALPHABET[Math.floor(i / 29)]}QQQ`;
      const res = await attacker.join(guess === m.joinCode ? 'QQQQQQ' : guess);
      outcomes.push(String(res.errors?.[0].extensions?.reason));
      if (res.errors?.[0].extensions?.reason === 'JOIN_CODE_LOCKED') lockedMessage = res.errors[0].message;
    }
    expect(outcomes.slice(0, 9).every((r) => r === 'JOIN_CODE_UNKNOWN')).toBe(true);
    expect(outcomes.slice(9).every((r) => r === 'JOIN_CODE_LOCKED')).toBe(true);
    expect(lockedMessage).toMatch(/^参加コードの入力誤りが続いたため、この端末からの参加を一時停止しています。約\d+分後に/);
    // Locked means locked: even the right code (and the public preview) is refused on that device…
    const right = await attacker.join(m.joinCode);
    expect(right.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'JOIN_CODE_LOCKED' });
    expect((right.errors?.[0].extensions?.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(500);
    expect((await attacker.raw(MEETING_PREVIEW, { code: m.joinCode })).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // …while the person next to them, on the same Wi-Fi address, joins (attack/06 has the whole hall).
    const neighbour = await new TestDevice(server.url, attacker.address).join(m.joinCode);
    expect(neighbour.errors).toBeUndefined();
  });

  it('lets a hall of 300 people behind one Wi-Fi address join within a minute, all of them', async () => {
    const p = await newProcess(anon);
    const m = await liveMeeting(p);
    const hall = uniqueAddress();
    const sectors: Sector[] = ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA', 'CITIZEN'];
    // A few mistyped codes among them (within the allowance) change nothing for the others.
    for (let i = 0; i < 5; i++) expect((await sendJoin(anon, 'ZZZZZZ', {}, hall)).errors?.[0].extensions?.reason).toBe('JOIN_CODE_UNKNOWN');
    const results: boolean[] = [];
    for (let batch = 0; batch < 300; batch += 30) {
      const res = await Promise.all(
        Array.from({ length: 30 }, (_, i) => sendJoin(anon, m.joinCode, { displayName: `参加者 ${batch + i + 1}`, sector: sectors[(batch + i) % sectors.length] }, hall)),
      );
      results.push(...res.map((r) => !r.errors && r.data?.joinMeeting.participant.kind === 'GUEST'));
    }
    expect(results.filter(Boolean)).toHaveLength(300);
    const att = (await p.organizer.client.ok<{ meeting: Attendance }>(ATTENDANCE, { id: m.id })).meeting;
    expect(att.attendanceCount).toBe(300);
    expect(att.attendanceBySector.reduce((n, s) => n + s.count, 0)).toBe(300);
    expect(att.attendanceBySector.find((s) => s.sector === 'INDUSTRY')?.count).toBe(43);
  }, 120_000);
});
