import { JOIN_CODE_ALPHABET } from '@yoriai/domain';
import { useLiveTestServer } from '../support/live-test-server';
import { liveMeeting, MEETING_PREVIEW, TestDevice, uniqueAddress } from '../support/meeting-factories';
import { newAccount } from '../support/factories';
import { newProcess } from '../support/process-factories';

/**
 * Attack finding 6 (docs/security.md): "One attendee locks the whole hall out". 31 wrong codes from
 * one address locked that address — a whole hall behind one NAT. Now wrong codes count per device
 * first (10), the address limit is generous (1,000 per 10 minutes, for cookie-less scripts), a device
 * that joined or signed in before passes an address lock, and the QR code's token is never throttled.
 * The same holds for signing in.
 */
const JOIN_TOKEN = 'query($id: ID!) { meeting(id: $id) { joinToken } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { participant { id } } }';

/** The i-th of many well-formed codes that are not `right`. */
function wrongCode(i: number, right: string): string {
  let code = '';
  for (let n = i, k = 0; k < 5; k++, n = Math.floor(n / 29)) code += JOIN_CODE_ALPHABET[n % 29];
  return `Q${code}` === right ? `R${code}` : `Q${code}`;
}

async function inBatches<T>(n: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => make(i + j)))));
  return out;
}

describe('attack finding 6: one attendee mistyping cannot lock a hall out', () => {
  const env = useLiveTestServer();

  it('a hall of 300 phones behind one address all join while one of them has typed 40 wrong codes', async () => {
    const p = await newProcess(env.anon);
    const m = await liveMeeting(p);
    const hall = uniqueAddress();
    const clumsy = new TestDevice(env.server.url, hall);
    await clumsy.raw(MEETING_PREVIEW, { code: wrongCode(999, m.joinCode) }); // its first wrong code brings the device cookie
    const reasons = await inBatches(40, 10, (i) => clumsy.join(wrongCode(i, m.joinCode)).then((r) => r.errors?.[0].extensions?.reason));
    expect(reasons.filter((r) => r === 'JOIN_CODE_LOCKED').length).toBeGreaterThanOrEqual(30);
    const phones = Array.from({ length: 300 }, () => new TestDevice(env.server.url, hall));
    const joined = await inBatches(300, 30, (i) => phones[i]!.join(m.joinCode, { displayName: `会場 ${i + 1}` }));
    expect(joined.filter((r) => r.errors).map((r) => r.errors?.[0].extensions?.reason)).toEqual([]);
    // The clumsy phone itself waits, or scans the QR code.
    expect((await clumsy.join(m.joinCode)).errors?.[0].extensions?.reason).toBe('JOIN_CODE_LOCKED');
    const { meeting } = await p.organizer.client.ok<{ meeting: { joinToken: string } }>(JOIN_TOKEN, { id: m.id });
    expect(meeting.joinToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const viaQr = await clumsy.join(m.joinCode, { joinToken: meeting.joinToken });
    expect(viaQr.errors).toBeUndefined();
  });

  it('a cookie-less script is stopped per address after 1,000 wrong codes; phones that joined before still get in, and so does the QR token', async () => {
    const p = await newProcess(env.anon);
    const m = await liveMeeting(p);
    const nat = uniqueAddress();
    const regular = new TestDevice(env.server.url, nat);
    expect((await regular.join(m.joinCode, { displayName: '常連' })).errors).toBeUndefined();
    regular.dropSession();
    const script = await inBatches(1005, 50, (i) =>
      env.anon.raw(MEETING_PREVIEW, { code: wrongCode(i, m.joinCode) }, { 'x-forwarded-for': nat }),
    );
    expect(script.slice(-5).map((r) => r.errors?.[0].extensions?.reason)).toEqual(Array(5).fill('JOIN_CODE_LOCKED'));
    expect((await new TestDevice(env.server.url, nat).join(m.joinCode)).errors?.[0].extensions?.reason).toBe('JOIN_CODE_LOCKED');
    // A device the server already trusts (it joined with a right code) is not held by the address lock.
    expect((await regular.join(m.joinCode, { displayName: '常連' })).errors).toBeUndefined();
    const { meeting } = await p.organizer.client.ok<{ meeting: { joinToken: string } }>(JOIN_TOKEN, { id: m.id });
    expect((await new TestDevice(env.server.url, nat).join(m.joinCode, { joinToken: meeting.joinToken })).errors).toBeUndefined();
    // A forged or stale token opens nothing.
    expect((await new TestDevice(env.server.url, nat).join(m.joinCode, { joinToken: 'x'.repeat(22) })).errors?.[0].extensions?.reason).toBe('JOIN_CODE_LOCKED');
  });

  it('signing in: one device with wrong passwords is locked alone, its neighbours sign in', async () => {
    const hall = uniqueAddress();
    const accounts = await Promise.all(Array.from({ length: 5 }, (_, i) => newAccount(env.anon, `会場 署名 ${i}`)));
    const clumsy = new TestDevice(env.server.url, hall);
    await clumsy.raw(SIGN_IN, { e: 'nobody@example.test', p: 'wrong password!' }); // brings the device cookie
    expect(clumsy.deviceCookie).toBeDefined();
    const wrong = await inBatches(11, 1, (i) => clumsy.raw(SIGN_IN, { e: `nobody-${i}@example.test`, p: 'wrong password!' }));
    expect(wrong.slice(-1)[0]?.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    for (const a of accounts) {
      const res = await new TestDevice(env.server.url, hall).raw(SIGN_IN, { e: a.email, p: 'correct horse battery staple' });
      expect(res.errors).toBeUndefined();
    }
    expect((await clumsy.raw(SIGN_IN, { e: accounts[0]!.email, p: 'correct horse battery staple' })).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
