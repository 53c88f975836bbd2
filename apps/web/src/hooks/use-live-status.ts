import { useSyncExternalStore } from 'react';
import { liveClient, type LiveSnapshot } from '../lib/live';

function subscribeStatus(onChange: () => void): () => void {
  return liveClient().onStatus(onChange);
}

/** What the live indicator says: live, delayed, reconnecting, offline, or stopped (and why). */
export function useLiveStatus(): LiveSnapshot {
  return useSyncExternalStore(subscribeStatus, () => liveClient().getSnapshot());
}
