import { useCallback, useEffect, useRef } from 'react';

/**
 * A callback that runs `fn` at most once per `ms`: the first call runs at once, calls during the
 * wait collapse into one trailing run. Live events (a vote storm sends up to 10 tallies a second)
 * then cost one refetch per interval, and the last event is never lost.
 */
export function useThrottledCallback(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    latest.current = fn;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(() => {
    if (timer.current) return;
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      latest.current();
      return;
    }
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      latest.current();
    }, wait);
  }, [ms]);
}
