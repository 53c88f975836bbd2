/**
 * The bearer token of this tab. Accounts also get an httpOnly session cookie (which the browser
 * sends by itself); the token is kept so that the socket.io handshake (`auth: { token }`) and
 * guests, whose token is scoped to one process, authenticate the same way. sessionStorage keeps
 * it across reloads of this tab only, so a shared kiosk tab closed after a workshop forgets it.
 */
const TOKEN_KEY = 'yoriai.token';
const listeners = new Set<(token: string | null) => void>();

function readStored(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

let current: string | null = readStored();

export function getToken(): string | null {
  return current;
}

export function setToken(token: string | null): void {
  if (token === current) return;
  current = token;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token lives in memory for this page
  }
  for (const listener of listeners) listener(token);
}

export function onTokenChange(listener: (token: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
