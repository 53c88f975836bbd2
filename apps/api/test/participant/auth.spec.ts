import jwt from 'jsonwebtoken';
import type { RunningServer } from '../../src/server';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { startTestServer, testConfig } from '../support/test-app';

const ME = 'query { me { id displayName kind email organization } }';
const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { token participant { id displayName email } } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token participant { id } } }';

describe('accounts and sessions', () => {
  let server: RunningServer;
  let anon: GqlClient;
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  it('signs up with a Japanese name (全角 and 絵文字 round-trip) and reads it back as me', async () => {
    const name = '秋田 花子🌸（ａｂｃ）';
    const acct = await newAccount(anon, name);
    const me = await acct.client.ok<{ me: { id: string; displayName: string; kind: string; email: string } }>(ME);
    expect(me.me).toMatchObject({ id: acct.id, displayName: name, kind: 'ACCOUNT', email: acct.email });
  });

  it('signs in with the password and sets an httpOnly session cookie that also works', async () => {
    const acct = await newAccount(anon);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { e: acct.email.toUpperCase(), p: 'correct horse battery staple' } }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('yoriai_session=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const viaCookie = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await viaCookie.json()) as { data: { me: { id: string } } }).data.me.id).toBe(acct.id);
  });

  it('refuses a wrong password with UNAUTHENTICATED in Japanese, or English on request', async () => {
    const acct = await newAccount(anon);
    const ja = await anon.fail(SIGN_IN, { e: acct.email, p: 'wrong password!!' });
    expect(ja.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
    expect(ja.message).toBe('メールアドレスまたはパスワードが正しくありません。');
    const en = await new GqlClient(server.url, 'en').fail(SIGN_IN, { e: 'nobody@example.test', p: 'wrong password!!' });
    expect(en.message).toBe('Wrong email address or password.');
  });

  it('refuses a second account with the same email (any case) with CONFLICT', async () => {
    const acct = await newAccount(anon);
    const err = await anon.fail(SIGN_UP, { input: { email: acct.email.toUpperCase(), password: 'another password', displayName: 'x' } });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('rejects bad input with BAD_USER_INPUT and writes nothing', async () => {
    const email = `bad-${Date.now()}@example.test`;
    for (const input of [
      { email: 'not-an-email', password: 'long enough pw', displayName: 'x' },
      { email, password: 'short', displayName: 'x' },
      { email, password: 'long enough pw', displayName: '' },
      { email, password: 'long enough pw', displayName: 'あ'.repeat(101) },
      // A lone surrogate made the email check itself throw ("URI malformed"): it is bad input, not a server error.
      { email: '\ud800', password: 'long enough pw', displayName: 'x' },
      { email: 'a\udc00@example.test', password: 'long enough pw', displayName: 'x' },
    ]) {
      const err = await anon.fail(SIGN_UP, { input });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const err = await anon.fail(SIGN_IN, { e: email, p: 'long enough pw' });
    expect(err.extensions?.reason).toBe('BAD_CREDENTIALS');
  });

  it('treats tampered and expired tokens as UNAUTHENTICATED, never as someone else', async () => {
    const acct = await newAccount(anon);
    const [h, p, s] = (acct.client.token as string).split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = [h, Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })).toString('base64url'), s].join('.');
    const tampered = await anon.withToken(forged).fail('mutation { updateProfile(input: { displayName: "x" }) { id } }');
    expect(tampered.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    const expired = jwt.sign({ sub: acct.id, knd: 'A' }, testConfig().jwtSecret as string, { issuer: 'yoriai', expiresIn: -10 });
    const err = await anon.withToken(expired).fail('mutation { updateProfile(input: { displayName: "x" }) { id } }');
    expect(err.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });

  it('keeps email and self-reported fields private to their owner', async () => {
    const acct = await newAccount(anon);
    const r = await acct.client.ok<{ updateProfile: { ageBand: string; gender: string } }>(
      'mutation { updateProfile(input: { ageBand: "30S", gender: "WOMAN" }) { ageBand gender } }',
    );
    expect(r.updateProfile).toEqual({ ageBand: '30S', gender: 'WOMAN' });
    const bad = await acct.client.fail('mutation { updateProfile(input: { ageBand: "old" }) { ageBand } }');
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
