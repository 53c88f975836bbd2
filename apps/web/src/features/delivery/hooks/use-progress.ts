import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchProgress, ProgressUnavailable, type ProgressReport } from '../api/delivery';

export interface ProgressState {
  report: ProgressReport | null;
  /** 404 when the page is not public (or the process does not exist), or another HTTP status. */
  unavailable: number | null;
  error: unknown;
  loading: boolean;
  refresh: () => void;
}

/**
 * The progress report, read again on `refresh` (live events on member pages) and every
 * `pollMs` (the public page has no socket: it may be watched by anyone, signed in or not).
 */
export function useProgress(processId: string, pollMs?: number): ProgressState {
  const [report, setReport] = useState<ProgressReport | null>(null);
  const [unavailable, setUnavailable] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const call = ++latest.current;
    fetchProgress(processId, controller.signal)
      .then((r) => {
        if (call !== latest.current) return;
        setReport(r);
        setUnavailable(null);
        setError(null);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted || call !== latest.current) return;
        if (e instanceof ProgressUnavailable) setUnavailable(e.status);
        else setError(e);
      })
      .finally(() => call === latest.current && setLoading(false));
    return () => controller.abort();
  }, [processId, tick]);

  useEffect(() => {
    if (!pollMs) return;
    const timer = setInterval(refresh, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, refresh]);

  return { report, unavailable, error, loading, refresh };
}
