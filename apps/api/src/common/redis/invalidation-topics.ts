/**
 * Topics of the InvalidationBus. Keys are ids.
 * - `session`: sessions revoked (SessionStore forgets them; the live server closes their sockets).
 * - `membership`: participants whose membership changed (removed, role or sector changed, admitted,
 *   denied): the live server re-authorises every room their sockets follow.
 */
export const INVALIDATE = { session: 'session', membership: 'membership' } as const;
