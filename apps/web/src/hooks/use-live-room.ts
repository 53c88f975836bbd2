import type { LiveError, RoomName, ServerEventName } from '@yoriai/realtime-contract';
import { useEffect, useEffectEvent } from 'react';
import { liveClient, type LivePayload } from '../lib/live';

export type LiveHandlers = { [K in ServerEventName]?: (payload: LivePayload<K>) => void } & {
  /**
   * Called when the room's data may be stale (first subscription, a gap in seq, a lost event, an
   * unrecovered reconnect, a silent connection): refetch. Return the refetch's promise — the live
   * indicator says "delayed" until it settles, and a failed refetch is tried again.
   */
  resync?: () => unknown;
  /** The room may no longer be followed; the live indicator says so and why. */
  denied?: (error: LiveError | undefined) => void;
};

/**
 * Follows one room while mounted (null: none). Handlers may change every render; the
 * subscription only changes with the room.
 */
export function useLiveRoom(room: RoomName | null, handlers: LiveHandlers): void {
  const handleEvent = useEffectEvent((name: ServerEventName, payload: LivePayload<ServerEventName>) => {
    const handler = handlers[name] as ((p: LivePayload<ServerEventName>) => void) | undefined;
    handler?.(payload);
  });
  const handleResync = useEffectEvent(() => handlers.resync?.());
  const handleDenied = useEffectEvent((error: LiveError | undefined) => handlers.denied?.(error));

  useEffect(() => {
    if (!room) return undefined;
    return liveClient().join(room, {
      onEvent: (name, payload) => handleEvent(name, payload),
      onResync: () => handleResync(),
      onDenied: (error) => handleDenied(error),
    });
  }, [room]);
}
