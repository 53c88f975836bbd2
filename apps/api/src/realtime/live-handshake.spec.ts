import { DomainError } from '../common/errors/domain-error';
import { checkOrigin, handshakeToken, sessionCookie } from './live-handshake';

function reason(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
}

describe('live handshake checks', () => {
  it.each([
    [{ host: 'yoriai.example.jp' }, null],
    [{ host: 'yoriai.example.jp', origin: 'https://yoriai.example.jp' }, null],
    [{ host: 'yoriai.example.jp:443', origin: 'https://yoriai.example.jp' }, null],
    [{ host: 'localhost:3000', origin: 'http://localhost:3000' }, null],
    [{ host: 'api-1:3000', 'x-forwarded-host': 'yoriai.example.jp', origin: 'https://yoriai.example.jp' }, null],
    [{ host: 'yoriai.example.jp', origin: 'https://evil.example' }, 'ORIGIN_NOT_ALLOWED'],
    [{ host: 'localhost:3000', origin: 'http://localhost:4200' }, 'ORIGIN_NOT_ALLOWED'],
    // nginx `proxy_set_header Host $host` drops the port: only the host name can be compared then.
    [{ host: 'localhost', origin: 'http://localhost:8080' }, null],
    [{ host: 'localhost', origin: 'http://evil.example:8080' }, 'ORIGIN_NOT_ALLOWED'],
    [{ host: 'yoriai.example.jp', origin: 'https://yoriai.example.jp.evil.example' }, 'ORIGIN_NOT_ALLOWED'],
    [{ host: 'yoriai.example.jp', origin: 'null' }, 'ORIGIN_NOT_ALLOWED'],
    [{ host: 'yoriai.example.jp', origin: 'file://yoriai.example.jp' }, 'ORIGIN_NOT_ALLOWED'],
  ])('Origin check %j → %s', (headers, expected) => {
    expect(reason(() => checkOrigin(headers))).toBe(expected);
  });

  it('reads the session cookie among others, and prefers auth.token', () => {
    expect(sessionCookie('a=1; yoriai_session=abc.def; b=2')).toBe('abc.def');
    expect(sessionCookie('yoriai_sessionx=1')).toBeUndefined();
    expect(handshakeToken({ token: 'from-auth' }, { cookie: 'yoriai_session=from-cookie' })).toBe('from-auth');
    expect(handshakeToken({}, { cookie: 'yoriai_session=from-cookie' })).toBe('from-cookie');
    expect(reason(() => handshakeToken({}, {}))).toBe('SIGN_IN_REQUIRED');
    expect(reason(() => handshakeToken({ token: 42 }, {}))).toBe('TOKEN_INVALID');
  });
});
