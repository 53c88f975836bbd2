import type { AppConfig } from '../../config/environment';
import type { SessionStore } from './session-store';
import { TokenService } from './token.service';

/** The verified-token memory saves the signature work only: expiry, tampering and sessions are checked as before. */
describe('TokenService.verify with remembered tokens', () => {
  let active = true;
  const sessions = { create: async () => 'session-1', isActive: async () => active } as unknown as SessionStore;
  const tokens = new TokenService({ jwtSecret: 'unit-secret-unit-secret-unit-secret-0123' } as AppConfig, sessions);
  const viewer = { participantId: 'p-1', kind: 'GUEST' as const, scopeProcessId: 'process-1' };
  afterEach(() => {
    jest.restoreAllMocks();
    active = true;
  });

  it('answers the same viewer for the same token, each time a copy', async () => {
    const { token } = await tokens.issue(viewer);
    const first = tokens.verify(token);
    const second = tokens.verify(token);
    expect(second).toEqual({ ...viewer, sessionId: 'session-1' });
    expect(second).not.toBe(first);
  });

  it('refuses a tampered token even after the genuine one was verified', async () => {
    const { token } = await tokens.issue(viewer);
    tokens.verify(token);
    const [h, p, sig] = token.split('.');
    const tampered = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => tokens.verify(tampered)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
  });

  it('refuses a remembered token once it has expired', async () => {
    const { token, expiresIn } = await tokens.issue(viewer);
    tokens.verify(token);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + (expiresIn + 1) * 1000);
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED' }));
  });

  it('still checks the session on every authenticate', async () => {
    const { token } = await tokens.issue(viewer);
    await expect(tokens.authenticate(token)).resolves.toMatchObject({ participantId: 'p-1' });
    active = false;
    await expect(tokens.authenticate(token)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
  });
});
