/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): an ASCII fallback for old
 * clients, and the real UTF-8 name (a Japanese meeting title) as RFC 5987 `filename*`.
 */
export function contentDisposition(utf8Name: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(utf8Name)}`;
}

/** Percent-encodes everything outside RFC 5987 attr-char (encodeURIComponent leaves ' ( ) * alone). */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A file name made from user text: no path separators, no characters Windows forbids, no control
 * characters, no leading dots, at most 100 characters (code points), never empty.
 */
export function safeFileName(text: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = text.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const limited = [...cleaned].slice(0, 100).join('').trim();
  return limited || fallback;
}
