import { startApiNode, type ApiNode } from '../support/api-node';
import { GqlClient } from '../support/graphql-client';
import { liveMeeting, TestDevice } from '../support/meeting-factories';
import { newProcess } from '../support/process-factories';

/**
 * Attack finding 7 (docs/security.md): "Session tokens in the logs" — pino redacted request headers
 * but logged the response's set-cookie (yoriai_session=eyJ…) at info level. A node logging at debug
 * (more than production's info) goes through sign-up, sign-in, a join by code with its device cookie,
 * bearer and cookie requests and sign-out; no token, cookie value or JWT-shaped string may appear
 * in anything it printed.
 */
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }';

describe('attack finding 7: no session token or cookie value in any log line', () => {
  let node: ApiNode;
  beforeAll(async () => {
    node = await startApiNode({ logLevel: 'debug' });
  }, 60_000);
  afterAll(() => node?.stop());

  it('logs requests (so the test can fail) but never their secrets', async () => {
    const secrets: string[] = [];
    const anon = new GqlClient(node.url);
    const email = `log-${Date.now()}@example.test`;
    const password = 'correct horse battery staple';
    secrets.push((await anon.ok<{ signUp: { token: string } }>(SIGN_UP, { i: { email, password, displayName: 'ログ 確認' } })).signUp.token);
    const device = new TestDevice(node.url);
    const signedIn = await device.raw<{ signIn: { token: string } }>(SIGN_IN, { e: email, p: password });
    secrets.push(signedIn.data?.signIn.token as string, device.deviceCookie as string);
    const p = await newProcess(anon);
    secrets.push(p.organizer.client.token as string);
    const m = await liveMeeting(p);
    const phone = new TestDevice(node.url);
    const joined = await phone.join(m.joinCode, { displayName: 'ゲスト 記録' });
    secrets.push(joined.data?.joinMeeting.token as string, phone.deviceCookie as string);
    await phone.raw('{ me { id } }');
    await anon.withToken(secrets[0] as string).ok('{ me { id } }');
    await device.raw('mutation { signOut }');
    await new Promise((r) => setTimeout(r, 300)); // let pino flush

    const log = node.output();
    expect(log).toMatch(/"url":"\/graphql"/); // requests are logged at all
    expect(log).toMatch(/set-cookie/i); // …with the response headers, redacted
    for (const secret of secrets) {
      expect(secret?.length).toBeGreaterThan(20);
      expect(log.includes(secret)).toBe(false);
      expect(log.includes((secret.split('.')[2] ?? secret).slice(0, 24))).toBe(false); // no part of a signature either
    }
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    expect(log).not.toMatch(/yoriai_(session|device)=[^;\s"]{8,}/);
  });
});
