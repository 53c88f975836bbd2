import { useEffect, useState } from 'react';

/** Milliseconds left until `endsAt` (0 once passed), ticking every second; null without a timer. */
export function useCountdown(endsAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt) return undefined;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [endsAt]);
  if (!endsAt) return null;
  return Math.max(0, new Date(endsAt).getTime() - now);
}
