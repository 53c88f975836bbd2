import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './viewer';
import type { AppConfig } from '../../config/environment';

/**
 * Whether cookies get the `Secure` flag: always in production (finding 10: behind the compose
 * proxy's TLS the cookie must never travel in clear), and whenever the request came over HTTPS
 * (`req.secure`, which trusts X-Forwarded-Proto only from TRUST_PROXY).
 */
export function secureCookies(req: Request, config: Pick<AppConfig, 'isProduction'>): boolean {
  return config.isProduction || req.secure;
}

/** The session cookie: httpOnly (no script can read it), SameSite=Lax (no cross-site posts), Secure in production. */
export function setSessionCookie(req: Request, res: Response, token: string, maxAgeSeconds: number, config: Pick<AppConfig, 'isProduction'>): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(req, config),
    path: '/',
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}
