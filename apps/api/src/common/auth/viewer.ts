import type { Request, Response } from 'express';
import type { DomainError, Lang } from '../errors/domain-error';

/** Who is calling: decoded from the bearer token or the session cookie, its session checked (SessionStore). */
export interface Viewer {
  participantId: string;
  kind: 'ACCOUNT' | 'GUEST';
  /** Guests may act only in this process. */
  scopeProcessId: string | null;
  /** The server-side session the token names (checked on every request: SessionStore). */
  sessionId: string;
}

export interface RequestContext {
  req: Request;
  res: Response;
  viewer: Viewer | null;
  /** Set when a token was sent but is invalid or expired: reported on first use, not ignored. */
  authError: DomainError | null;
  lang: Lang;
}

export const SESSION_COOKIE = 'yoriai_session';
