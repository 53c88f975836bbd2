import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { setSessionCookie } from './cookies';
import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/environment';
import { DomainError, unauthenticated } from '../errors/domain-error';
import type { EntityManager } from 'typeorm';
import { SessionStore } from './session-store';
import { SESSION_COOKIE, Viewer } from './viewer';

const ACCOUNT_TTL_SECONDS = 14 * 24 * 3600;
const GUEST_TTL_SECONDS = 2 * 24 * 3600;
/** Tokens whose signature a node remembers having verified; beyond that the oldest are forgotten. */
const VERIFIED_LIMIT = 20_000;

interface TokenClaims {
  sub: string;
  knd: 'A' | 'G';
  pid?: string;
  /** The server-side session (SessionStore): revoking it ends the token at once. */
  sid: string;
}

export const sessionEnded = () =>
  unauthenticated('SESSION_ENDED', 'このログインは終了しています（ログアウト済み、または参加が取り消されました）。もう一度ログインしてください。', 'This session has ended (signed out, or your access was withdrawn). Please sign in again.');

@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionStore,
  ) {}

  private key?: KeyObject;
  /**
   * Tokens already verified (signature, issuer, algorithm), by their exact text, with their expiry:
   * a hot client (a hall voting) sends the same token again and again. Only the signature work is
   * saved — the expiry is compared on every use, and `authenticate` still checks the session on every
   * request, so a signed-out or removed token is refused at once as before.
   */
  private readonly verified = new Map<string, { viewer: Viewer; expiresAt: number }>();

  /**
   * The secret as a KeyObject, made once. Given a string, jsonwebtoken first tries to parse it as a
   * PEM public key on EVERY sign and verify (a thrown, caught error): ~0.5 ms of CPU per request,
   * the largest single cost of a castVote in the vote-ingest benchmark.
   */
  private get secret(): KeyObject {
    if (!this.config.jwtSecret) throw new Error('JWT secret not configured');
    this.key ??= createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8'));
    return this.key;
  }

  /** Opens a server-side session for the viewer and signs a token naming it. */
  async issue(viewer: Omit<Viewer, 'sessionId'>, em?: EntityManager): Promise<{ token: string; expiresIn: number; sessionId: string }> {
    const expiresIn = viewer.kind === 'GUEST' ? GUEST_TTL_SECONDS : ACCOUNT_TTL_SECONDS;
    const sessionId = await this.sessions.create(viewer, expiresIn, em);
    const claims: TokenClaims = { sub: viewer.participantId, knd: viewer.kind === 'GUEST' ? 'G' : 'A', sid: sessionId };
    if (viewer.scopeProcessId) claims.pid = viewer.scopeProcessId;
    return { token: jwt.sign(claims, this.secret, { algorithm: 'HS256', expiresIn, issuer: 'yoriai' }), expiresIn, sessionId };
  }

  /** Opens a session and sets its httpOnly cookie on the response; returns the token (for API clients). */
  async startSession(req: Request, res: Response, viewer: Omit<Viewer, 'sessionId'>): Promise<string> {
    const { token, expiresIn } = await this.issue(viewer);
    setSessionCookie(req, res, token, expiresIn, this.config);
    return token;
  }

  /** Checks signature and expiry only (no database): see `authenticate` for the whole check. */
  verify(token: string): Viewer {
    const known = this.verified.get(token);
    // An expired one goes through jwt.verify again, which answers TOKEN_EXPIRED.
    if (known && known.expiresAt > Date.now()) return { ...known.viewer };
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: 'yoriai' }) as TokenClaims & { exp?: number };
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new Error('no subject or session');
      const viewer: Viewer = { participantId: claims.sub, kind: claims.knd === 'G' ? 'GUEST' : 'ACCOUNT', scopeProcessId: claims.pid ?? null, sessionId: claims.sid };
      if (typeof claims.exp === 'number') this.rememberVerified(token, viewer, claims.exp * 1000);
      return { ...viewer };
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) {
        throw unauthenticated('TOKEN_EXPIRED', 'セッションの有効期限が切れました。もう一度ログインしてください。', 'Your session has expired. Please sign in again.');
      }
      throw unauthenticated('TOKEN_INVALID', 'ログイン情報が無効です。もう一度ログインしてください。', 'Your sign-in token is invalid. Please sign in again.');
    }
  }

  private rememberVerified(token: string, viewer: Viewer, expiresAt: number): void {
    if (this.verified.size >= VERIFIED_LIMIT) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { viewer, expiresAt });
  }

  /** The viewer of a token whose session is still active; UNAUTHENTICATED otherwise. */
  async authenticate(token: string): Promise<Viewer> {
    const viewer = this.verify(token);
    if (!(await this.sessions.isActive(viewer.sessionId))) throw sessionEnded();
    return viewer;
  }

  /** The request's token: the bearer header first (API clients, socket handshakes), then the httpOnly session cookie. */
  static requestToken(req: Request): string | undefined {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
    return bearer || cookies?.[SESSION_COOKIE];
  }

  async fromRequest(req: Request): Promise<{ viewer: Viewer | null; error: DomainError | null }> {
    const token = TokenService.requestToken(req);
    if (!token) return { viewer: null, error: null };
    try {
      return { viewer: await this.authenticate(token), error: null };
    } catch (e) {
      if (e instanceof DomainError) return { viewer: null, error: e };
      throw e;
    }
  }
}
