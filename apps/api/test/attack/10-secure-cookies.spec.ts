import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../src/config/environment';
import type { RunningServer } from '../../src/server';
import { startTestServer } from '../support/test-app';

/**
 * Attack finding 10 (docs/security.md), the server's half: "the session cookie is never `Secure`".
 * The compose file's TLS proxy is checked in apps/api-e2e/src/docker-compose.e2e.ts; here the cookies
 * themselves: `Secure` always in production and whenever the request came over HTTPS through the
 * trusted proxy; never readable by script; plain http only in development (a workshop laptop on a LAN).
 */
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { participant { id } } }';

async function signUpCookies(server: RunningServer, headers: Record<string, string> = {}): Promise<string[]> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: SIGN_UP, variables: { i: { email: `c-${randomUUID()}@example.test`, password: 'correct horse battery staple', displayName: 'クッキー 確認' } } }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie();
}

const session = (cookies: string[]) => {
  const c = cookies.find((x) => x.startsWith('yoriai_session='));
  if (!c) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return c;
};

describe('attack finding 10: session cookies are Secure wherever the connection is', () => {
  const servers: RunningServer[] = [];
  const start = async (overrides: Partial<AppConfig> = {}) => {
    const s = await startTestServer(overrides);
    servers.push(s);
    return s;
  };
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('in production the session cookie is Secure, HttpOnly and SameSite=Lax, even when the proxy spoke plain http to the API', async () => {
    const prod = await start({ isProduction: true, nodeEnv: 'production' });
    const cookie = session(await signUpCookies(prod));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
  });

  it('behind the trusted TLS proxy (X-Forwarded-Proto: https) every cookie set is Secure, also outside production', async () => {
    const dev = await start();
    const cookies = await signUpCookies(dev, { 'x-forwarded-proto': 'https' });
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/; Secure/i);
    expect(session(cookies)).toMatch(/; HttpOnly/i);
  });

  it('a client that is not the trusted proxy cannot claim https; plain http in development stays usable (not Secure) but HttpOnly', async () => {
    const direct = await start({ trustProxy: false });
    expect(session(await signUpCookies(direct, { 'x-forwarded-proto': 'https' }))).not.toMatch(/; Secure/i);
    const dev = servers[1];
    const plain = session(await signUpCookies(dev));
    expect(plain).not.toMatch(/; Secure/i);
    expect(plain).toMatch(/; HttpOnly/i);
  });
});
