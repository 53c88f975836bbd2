import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../../common/auth/viewer';

/** The session cookie: httpOnly (no script can read it), SameSite=Lax (no cross-site posts). */
export function setSessionCookie(req: Request, res: Response, token: string, maxAgeSeconds: number): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}
