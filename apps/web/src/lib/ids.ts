/**
 * A random UUID v4 for clientRequestId. crypto.randomUUID exists only in secure contexts, but a
 * workshop laptop often serves phones over plain http on the LAN; getRandomValues works there too.
 */
export function newRequestId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface PendingRequest<T> {
  id: string;
  content: T;
}

const pendingKey = (scope: string) => `yoriai.request.${scope}`;

/**
 * A request that may not have been answered yet (finding 8): its clientRequestId and what it sent,
 * kept in sessionStorage under `scope` so a reload after a lost answer sends the same id again (the
 * server answers the first result, nothing is posted twice). Content that differs from what was
 * sent gets a new id, so changing one's mind is never answered with the old choice.
 */
export function pendingRequest<T>(scope: string, content: T): string {
  const text = JSON.stringify(content);
  try {
    const stored = JSON.parse(sessionStorage.getItem(pendingKey(scope)) ?? 'null') as PendingRequest<T> | null;
    if (stored && JSON.stringify(stored.content) === text) return stored.id;
    const id = newRequestId();
    sessionStorage.setItem(pendingKey(scope), JSON.stringify({ id, content }));
    return id;
  } catch {
    return newRequestId(); // storage full or disabled: still a valid (if not reload-proof) id
  }
}

/** What a request left unanswered under `scope` last sent (to restore a form after a reload). */
export function unansweredContent<T>(scope: string): T | null {
  try {
    return (JSON.parse(sessionStorage.getItem(pendingKey(scope)) ?? 'null') as PendingRequest<T> | null)?.content ?? null;
  } catch {
    return null;
  }
}

/** The request was answered: the next one is a new request. */
export function requestAnswered(scope: string): void {
  try {
    sessionStorage.removeItem(pendingKey(scope));
  } catch {
    // nothing kept
  }
}
