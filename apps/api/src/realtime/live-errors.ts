import { Logger } from '@nestjs/common';
import type { LiveError } from '@yoriai/realtime-contract';
import { connectionLost, DATABASE_UNAVAILABLE } from '../common/errors/database-unavailable';
import { DomainError, type Lang } from '../common/errors/domain-error';
import { pickLanguage } from '../common/errors/language';

const INTERNAL = {
  ja: 'サーバーで問題が発生しました。しばらくしてからもう一度お試しください。',
  en: 'Something went wrong on the server. Please try again shortly.',
};

const logger = new Logger('Live');

/**
 * Any thrown error as the typed error of a socket ack or a refused handshake (never a stack trace).
 * A lost database connection is DATABASE_UNAVAILABLE, as over GraphQL: temporary, so clients retry.
 */
export function toLiveError(e: unknown, lang: Lang): LiveError {
  if (e instanceof DomainError) return { code: e.category, reason: e.code, message: e.messages[lang] };
  if (connectionLost(e)) {
    logger.warn(`database connection lost during a socket request: ${e instanceof Error ? e.message : String(e)}`);
    return { code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE[lang] };
  }
  logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', message: INTERNAL[lang] };
}

/** The error a socket.io middleware passes to next(): the client's `connect_error` gets `message` and `data`. */
export function connectError(e: unknown, lang: Lang): Error & { data: LiveError } {
  const data = toLiveError(e, lang);
  return Object.assign(new Error(data.message), { data });
}

/** The handshake's language: `auth.lang`, `?lang=`, then Accept-Language; Japanese by default. */
export function handshakeLanguage(handshake: { headers: Record<string, string | string[] | undefined>; auth: Record<string, unknown>; query: Record<string, unknown> }): Lang {
  return pickLanguage(handshake.headers['accept-language'], handshake.auth?.lang ?? handshake.query?.lang);
}
