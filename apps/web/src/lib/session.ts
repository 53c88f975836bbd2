/**
 * The session is the httpOnly `yoriai_session` cookie the API sets on sign-up, sign-in and
 * joinMeeting: the browser sends it with every request and with the socket.io handshake, and no
 * script can read it. The web app keeps no bearer token anywhere — not in sessionStorage, not in
 * memory — so an injected script has nothing to steal (docs/security.md, finding 4).
 *
 * What this module does: tell the parts of the app that follow an identity (the live connection,
 * the GraphQL cache) that it changed — signed in, joined as a guest, signed out, or ended by the
 * server (signed out elsewhere, removed from the process).
 */
type Reason = 'signed-in' | 'signed-out' | 'ended';
const listeners = new Set<(reason: Reason) => void>();

export function sessionChanged(reason: Reason): void {
  for (const listener of listeners) listener(reason);
}

export function onSessionChange(listener: (reason: Reason) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
