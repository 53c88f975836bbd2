import { LIVE_NAMESPACE, room, SOCKET_PATH, type LiveError } from '@yoriai/realtime-contract';
import jwt from 'jsonwebtoken';
import { io } from 'socket.io-client';
import { newAccount } from '../support/factories';
import { LiveClient, waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { joinAsGuest, liveMeeting, uniqueAddress } from '../support/meeting-factories';
import { newMember, newProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { testConfig } from '../support/test-app';

async function refused(client: LiveClient): Promise<LiveError> {
  try {
    await client.connect();
  } catch (e) {
    client.close();
    return (e as { data: LiveError }).data;
  }
  client.close();
  throw new Error('the handshake was accepted');
}

describe('live connections: handshake and room access', () => {
  const env = useLiveTestServer();

  it('refuses a handshake without a token, with a broken token or an expired one (typed, in the handshake language)', async () => {
    expect(await refused(env.client())).toEqual({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', message: 'リアルタイム接続にはログインまたは参加コードでの参加が必要です。' });
    expect(await refused(env.client({ token: 'garbage.token.here' }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    const acct = await newAccount(env.anon);
    const secret = testConfig().jwtSecret as string;
    const expired = jwt.sign({ sub: acct.id, knd: 'A', exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: 'HS256', issuer: 'yoriai' });
    expect(await refused(env.client({ token: expired }))).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED', message: 'セッションの有効期限が切れました。もう一度ログインしてください。' });
    const forged = jwt.sign({ sub: acct.id, knd: 'A' }, 'another-secret-another-secret-another', { algorithm: 'HS256', issuer: 'yoriai' });
    expect(await refused(env.client({ token: forged }))).toMatchObject({ reason: 'TOKEN_INVALID' });
    expect(await refused(env.client({ token: expired, auth: { lang: 'en' } }))).toMatchObject({ message: 'Your session has expired. Please sign in again.' });
    expect(await refused(env.client({ token: expired, headers: { 'accept-language': 'en-GB,en;q=0.9' } }))).toMatchObject({ message: 'Your session has expired. Please sign in again.' });
  });

  it('refuses a browser handshake from a foreign Origin and accepts the same host or no Origin', async () => {
    const acct = await newAccount(env.anon);
    const token = acct.client.token as string;
    const host = new URL(env.server.url).host;
    expect(await refused(env.client({ token, headers: { origin: 'https://evil.example' } }))).toMatchObject({ code: 'FORBIDDEN', reason: 'ORIGIN_NOT_ALLOWED' });
    expect(await refused(env.client({ token, headers: { origin: `http://${host}.evil.example` } }))).toMatchObject({ reason: 'ORIGIN_NOT_ALLOWED' });
    expect(await refused(env.client({ token, headers: { origin: 'null' } }))).toMatchObject({ reason: 'ORIGIN_NOT_ALLOWED' });
    await env.client({ token, headers: { origin: `http://${host}` } }).connect();
    await env.client({ token, headers: { origin: 'https://yoriai.example.jp', 'x-forwarded-host': 'yoriai.example.jp' } }).connect();
    await env.client({ token }).connect();
  });

  it('accepts the session cookie instead of auth.token', async () => {
    const acct = await newAccount(env.anon);
    const client = await env.client({ headers: { cookie: `other=1; yoriai_session=${acct.client.token}` } }).connect();
    expect(client.socket.connected).toBe(true);
  });

  it('refuses the main namespace and the long-polling transport (WebSocket only)', async () => {
    const acct = await newAccount(env.anon);
    const main = io(env.server.url, { path: SOCKET_PATH, transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: acct.client.token } });
    const mainError = await new Promise<Error & { data?: LiveError }>((resolve) => main.once('connect_error', resolve));
    main.close();
    expect(mainError.data).toMatchObject({ code: 'NOT_FOUND', reason: 'NAMESPACE_UNKNOWN' });
    const polling = io(`${env.server.url}${LIVE_NAMESPACE}`, { path: SOCKET_PATH, transports: ['polling'], forceNew: true, reconnection: false, auth: { token: acct.client.token } });
    const pollingError = await new Promise<Error>((resolve) => polling.once('connect_error', resolve));
    polling.close();
    expect(pollingError.message).toMatch(/xhr poll error|error/i);
  });

  it('lets every member follow the rooms of their process (observers too) and nobody else', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const meeting = await liveMeeting(p);
    const observer = await newMember(env.anon, p, 'OBSERVER', 'MEDIA', '地元紙 記者');
    const rooms = [room.process(p.id), room.proposal(proposal.id), room.meeting(meeting.id)];
    const watching = await env.client({ token: observer.client.token }).connect();
    for (const r of rooms) expect(await watching.subscribe(r)).toEqual({ ok: true, seq: expect.any(Number), heartbeatMs: 5000 });

    const stranger = await env.client({ token: (await newAccount(env.anon)).client.token }).connect();
    for (const r of rooms) {
      const ack = await stranger.subscribe(r);
      expect(ack.ok).toBe(false);
      expect(ack.error).toMatchObject({ code: 'NOT_FOUND' });
    }
    // A guest of ANOTHER process is told so, and joins none of these rooms.
    const other = await newProcess(env.anon);
    const otherMeeting = await liveMeeting(other);
    const guest = await joinAsGuest(env.anon, otherMeeting.joinCode, { displayName: '他地域のゲスト' }, uniqueAddress());
    const guestSocket = await env.client({ token: guest.token }).connect();
    for (const r of rooms) expect((await guestSocket.subscribe(r)).error).toMatchObject({ code: 'FORBIDDEN', reason: 'GUEST_OTHER_PROCESS' });
    expect(await guestSocket.subscribe(room.meeting(otherMeeting.id))).toMatchObject({ ok: true });
    // Unknown ids and garbage.
    expect((await watching.subscribe(room.proposal('00000000-0000-4000-8000-000000000000'))).error).toMatchObject({ code: 'NOT_FOUND' });
    for (const bad of ['process:1', 'lobby:00000000-0000-4000-8000-000000000000', '', 'x'.repeat(500)]) {
      expect((await watching.subscribe(bad)).error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROOM_INVALID' });
    }
    expect(await watching.unsubscribe(rooms[0])).toEqual({ ok: true });
  });

  it("keeps a draft's room to its author and the secretariat", async () => {
    const p = await newProcess(env.anon);
    const author = await newMember(env.anon, p, 'PARTICIPANT', 'INDUSTRY');
    const colleague = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR');
    const secretariat = await newMember(env.anon, p, 'SECRETARIAT', 'GOVERNMENT');
    const draft = await newProposal(author.client, p, { draft: true });
    expect(await (await env.client({ token: author.client.token }).connect()).subscribe(room.proposal(draft.id))).toMatchObject({ ok: true });
    expect(await (await env.client({ token: secretariat.client.token }).connect()).subscribe(room.proposal(draft.id))).toMatchObject({ ok: true });
    expect((await (await env.client({ token: colleague.client.token }).connect()).subscribe(room.proposal(draft.id))).error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('drops a flood of messages (RATE_LIMITED acks) and disconnects a socket that keeps flooding', async () => {
    const p = await newProcess(env.anon);
    const client = await env.client({ token: p.organizer.client.token }).connect();
    const acks = await Promise.all(Array.from({ length: 90 }, () => client.subscribe(room.process(p.id))));
    const limited = acks.filter((a) => a.error?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(40);
    expect(limited[0]?.error).toEqual({ code: 'RATE_LIMITED', reason: 'TOO_MANY_MESSAGES', message: '送信が多すぎます。少し待ってからもう一度お試しください。' });
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(40);
    expect(client.socket.connected).toBe(true);
    for (let i = 0; i < 200; i++) client.socket.emit('subscribe', { room: room.process(p.id) }, () => undefined);
    await waitUntil(() => client.socket.disconnected, () => 'the flooding socket is still connected');
    // An ordinary client next to it is unaffected.
    const calm = await env.client({ token: p.organizer.client.token }).connect();
    expect(await calm.subscribe(room.process(p.id))).toMatchObject({ ok: true });
  });

  it('disconnects a client that sends a message larger than 16 KB', async () => {
    const p = await newProcess(env.anon);
    const client = await env.client({ token: p.organizer.client.token }).connect();
    client.socket.emit('subscribe', { room: 'x'.repeat(20_000) }, () => undefined);
    await waitUntil(() => client.socket.disconnected, () => 'still connected after an oversized frame');
  });

  it('re-checks the session on subscribe: a token that expired after the handshake cannot follow new rooms', async () => {
    const p = await newProcess(env.anon);
    const secret = testConfig().jwtSecret as string;
    const { sid } = jwt.decode(p.organizer.client.token as string) as { sid: string };
    const shortLived = jwt.sign({ sub: p.organizer.id, knd: 'A', sid }, secret, { algorithm: 'HS256', issuer: 'yoriai', expiresIn: 2 });
    const client = await env.client({ token: shortLived }).connect();
    expect(await client.subscribe(room.process(p.id))).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 2100));
    expect((await client.subscribe(room.process(p.id))).error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });
});
