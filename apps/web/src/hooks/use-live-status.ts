import { useSyncExternalStore } from 'react';
import { liveClient, type LiveStatus } from '../lib/live';

function subscribeStatus(onChange: () => void): () => void {
  return liveClient().onStatus(onChange);
}

/** Connection state for a small "live" indicator. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribeStatus, () => liveClient().getStatus());
}
