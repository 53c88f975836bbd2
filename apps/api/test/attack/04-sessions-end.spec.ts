import { room } from '@yoriai/realtime-contract';
import jwt from 'jsonwebtoken';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { download } from '../support/minutes-factories';
import { newProcess } from '../support/process-factories';
import { testConfig } from '../support/test-app';

/**
 * Attack finding 4 (docs/security.md): "Sessions cannot be revoked" — signOut only cleared the
 * cookie and the same token kept working for its 14 days. Now a token names a server-side session
 * that signOut ends: GraphQL, exports, socket handshakes and open sockets all refuse it at once.
 */
const ME = '{ me { id } }';
/** Needs a session (me answers null for a dead one, so the web app shows the signed-out pages). */
const MINE = '{ processes { id } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';

describe('attack finding 4: signOut ends the session on the server, everywhere at once', () => {
  const env = useLiveTestServer();

  it('the signed-out token answers UNAUTHENTICATED on GraphQL, exports and sockets; its open socket is closed', async () => {
    const p = await newProcess(env.anon);
    const token = p.organizer.client.token as string;
    const socket = await env.connect({ token });
    expect((await socket.subscribe(room.process(p.id))).ok).toBe(true);
    expect((await p.organizer.client.ok<{ me: { id: string } }>(ME)).me.id).toBe(p.organizer.id);

    const res = await fetch(`${env.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(((await res.json()) as { data: { signOut: boolean } }).data.signOut).toBe(true);
    // The cookie is cleared too.
    expect(res.headers.get('set-cookie')).toMatch(/yoriai_session=;/);

    await waitUntil(() => socket.disconnects.includes('io server disconnect'), () => `disconnects ${JSON.stringify(socket.disconnects)}`);
    expect(socket.ended).toEqual([{ reason: 'SESSION_ENDED' }]);
    const err = await p.organizer.client.fail('query($id: ID!) { process(id: $id) { id } }', { id: p.id });
    expect(err.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect((await download(env.server.url, `/api/processes/${p.id}/records.json`, p.organizer.client)).status).toBe(401);
    // The same token as a cookie is refused as well.
    const viaCookie = await new GqlClient(env.server.url).raw(MINE, {}, { cookie: `yoriai_session=${token}` });
    expect(viaCookie.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    await expect(env.connect({ token })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
  });

  it('signOut ends only its own session; signOutEverywhere ends the others too', async () => {
    const account = await newAccount(env.anon, '二台 持ち');
    const laptop = account.client;
    const phoneToken = (await env.anon.ok<{ signIn: { token: string } }>(SIGN_IN, { e: account.email, p: 'correct horse battery staple' })).signIn.token;
    const phone = env.anon.withToken(phoneToken);
    const sessions = await laptop.ok<{ mySessions: { id: string; current: boolean }[] }>('{ mySessions { id current } }');
    expect(sessions.mySessions).toHaveLength(2);
    expect(sessions.mySessions.filter((s) => s.current)).toHaveLength(1);

    await phone.ok('mutation { signOut }');
    expect((await phone.fail(MINE)).extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    expect((await laptop.ok<{ me: { id: string } }>(ME)).me.id).toBe(account.id);

    const thirdToken = (await env.anon.ok<{ signIn: { token: string } }>(SIGN_IN, { e: account.email, p: 'correct horse battery staple' })).signIn.token;
    const socket = await env.connect({ token: thirdToken });
    expect((await laptop.ok<{ signOutEverywhere: number }>('mutation { signOutEverywhere }')).signOutEverywhere).toBe(2);
    expect((await laptop.fail(MINE)).extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    expect((await env.anon.withToken(thirdToken).fail(MINE)).extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    await waitUntil(() => socket.ended.length === 1, () => 'the third session’s socket was not ended');
  });

  it('a token without a server-side session (forged claims, an old format) is refused', async () => {
    const account = await newAccount(env.anon);
    const noSession = jwt.sign({ sub: account.id, knd: 'A' }, testConfig().jwtSecret as string, { algorithm: 'HS256', issuer: 'yoriai', expiresIn: 60 });
    expect((await env.anon.withToken(noSession).fail(MINE)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    const unknownSession = jwt.sign({ sub: account.id, knd: 'A', sid: '00000000-0000-4000-8000-000000000000' }, testConfig().jwtSecret as string, {
      algorithm: 'HS256',
      issuer: 'yoriai',
      expiresIn: 60,
    });
    expect((await env.anon.withToken(unknownSession).fail(MINE)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });
});
