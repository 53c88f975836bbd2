import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/environment';
import { DomainError, unauthenticated } from '../errors/domain-error';
import { SESSION_COOKIE, Viewer } from './viewer';

const ACCOUNT_TTL_SECONDS = 14 * 24 * 3600;
const GUEST_TTL_SECONDS = 2 * 24 * 3600;

interface TokenClaims {
  sub: string;
  knd: 'A' | 'G';
  pid?: string;
}

@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private key?: KeyObject;

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

  issue(viewer: Viewer): { token: string; expiresIn: number } {
    const expiresIn = viewer.kind === 'GUEST' ? GUEST_TTL_SECONDS : ACCOUNT_TTL_SECONDS;
    const claims: TokenClaims = { sub: viewer.participantId, knd: viewer.kind === 'GUEST' ? 'G' : 'A' };
    if (viewer.scopeProcessId) claims.pid = viewer.scopeProcessId;
    return { token: jwt.sign(claims, this.secret, { algorithm: 'HS256', expiresIn, issuer: 'yoriai' }), expiresIn };
  }

  verify(token: string): Viewer {
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: 'yoriai' }) as TokenClaims;
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      return { participantId: claims.sub, kind: claims.knd === 'G' ? 'GUEST' : 'ACCOUNT', scopeProcessId: claims.pid ?? null };
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) {
        throw unauthenticated('TOKEN_EXPIRED', 'セッションの有効期限が切れました。もう一度ログインしてください。', 'Your session has expired. Please sign in again.');
      }
      throw unauthenticated('TOKEN_INVALID', 'ログイン情報が無効です。もう一度ログインしてください。', 'Your sign-in token is invalid. Please sign in again.');
    }
  }

  /** Bearer header first (API clients, socket handshakes), then the httpOnly session cookie. */
  fromRequest(req: Request): { viewer: Viewer | null; error: DomainError | null } {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
    const token = bearer || cookies?.[SESSION_COOKIE];
    if (!token) return { viewer: null, error: null };
    try {
      return { viewer: this.verify(token), error: null };
    } catch (e) {
      return { viewer: null, error: e as DomainError };
    }
  }
}
