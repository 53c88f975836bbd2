import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_COOKIE } from '../common/auth/viewer';
import { forbidden, unauthenticated } from '../common/errors/domain-error';

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value?.split(',')[0]?.trim();
}

/** host[:port] in lower case without the scheme's default port, so `a.jp:443` equals `a.jp`. */
function canonicalHost(host: string, scheme: 'http' | 'https'): string {
  const h = host.trim().toLowerCase();
  const defaultPort = scheme === 'https' ? ':443' : ':80';
  return h.endsWith(defaultPort) ? h.slice(0, -defaultPort.length) : h;
}

/**
 * Refuses a browser handshake from a page of another site (cross-site WebSocket hijacking: a foreign
 * page would otherwise connect with the victim's session cookie). A browser always sends Origin;
 * non-browser clients (scripts, the projector app, tests) send none and are let through, since they
 * must present a token anyway. The origin must name this server's host as the browser addressed it
 * (Host, or X-Forwarded-Host set by a reverse proxy — a page cannot set either on a WebSocket).
 */
export function checkOrigin(headers: IncomingHttpHeaders): void {
  const origin = first(headers.origin);
  if (!origin) return;
  let url: URL | null = null;
  try {
    url = new URL(origin);
  } catch {
    url = null;
  }
  const scheme = url?.protocol === 'https:' ? 'https' : 'http';
  const allowed = [first(headers.host), first(headers['x-forwarded-host'] as string | string[] | undefined)]
    .filter((h): h is string => !!h)
    .map((h) => canonicalHost(h, scheme));
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
    const originHost = canonicalHost(url.host, scheme);
    if (allowed.includes(originHost)) return;
    // A proxy that forwards the host without its port (nginx's `$host`) leaves only the host name
    // to compare; `$http_host` or X-Forwarded-Host keep the port and the full check.
    if (allowed.some((h) => !h.includes(':') && !h.startsWith('[') && h === url.hostname.toLowerCase())) return;
  }
  throw forbidden('ORIGIN_NOT_ALLOWED', 'このページからはリアルタイム接続できません。', 'Live connections are not accepted from this page (foreign Origin).', {
    origin: origin.slice(0, 200),
  });
}

/** The session cookie's value from a raw Cookie header (the handshake does not go through cookie-parser). */
export function sessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The handshake token: `auth.token` first (API clients, guests, observers), then the session cookie. */
export function handshakeToken(auth: Record<string, unknown> | undefined, headers: IncomingHttpHeaders): string {
  const fromAuth = auth?.token;
  if (fromAuth !== undefined && fromAuth !== null && fromAuth !== '') {
    if (typeof fromAuth !== 'string' || fromAuth.length > 4096) {
      throw unauthenticated('TOKEN_INVALID', 'ログイン情報が無効です。もう一度ログインしてください。', 'Your sign-in token is invalid. Please sign in again.');
    }
    return fromAuth;
  }
  const cookie = sessionCookie(headers.cookie);
  if (cookie) return cookie;
  throw unauthenticated('SIGN_IN_REQUIRED', 'リアルタイム接続にはログインまたは参加コードでの参加が必要です。', 'Sign in or join with a code to connect.');
}
