import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { useCountdown } from '../../../hooks/use-countdown';
import { formatCountdown } from '../../../lib/format';
import { ConsoleMeetingQuery, StartTimerMutation, StopTimerMutation } from '../api/console';

export function TimerPanel({ meetingId, timerEndsAt, defaultMinutes, live }: { meetingId: string; timerEndsAt?: string | null; defaultMinutes: number; live: boolean }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(defaultMinutes));
  const remaining = useCountdown(timerEndsAt ?? null);
  const [start, startState] = useMutation(StartTimerMutation, { refetchQueries: [ConsoleMeetingQuery] });
  const [stop, stopState] = useMutation(StopTimerMutation, { refetchQueries: [ConsoleMeetingQuery] });
  const running = remaining !== null;

  async function handleStart(e: FormEvent) {
    e.preventDefault();
    const n = Number.parseInt(minutes, 10);
    if (!Number.isFinite(n) || n < 1 || n > 240) return;
    await start({ variables: { meetingId, minutes: n } }).catch(() => null);
  }

  return (
    <section className="card stack" aria-labelledby="console-timer">
      <h2 id="console-timer">{t('console.timer')}</h2>
      <p className={`timer${running && remaining === 0 ? ' timer--over' : ''}`} role="timer" aria-live="off">
        {running ? formatCountdown(remaining) : t('console.timerStopped')}
      </p>
      {live && (
        <form className="row" onSubmit={(e) => void handleStart(e)}>
          <label htmlFor="timer-minutes">{t('console.minutes')}</label>
          <input id="timer-minutes" className="input" type="number" min={1} max={240} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} style={{ width: '6rem' }} />
          <button type="submit" className="btn btn--primary" disabled={startState.loading}>
            {running ? t('console.restartTimer') : t('console.startTimer')}
          </button>
          {running && (
            <button type="button" className="btn" onClick={() => void stop({ variables: { meetingId } }).catch(() => null)} disabled={stopState.loading}>
              {t('console.stopTimer')}
            </button>
          )}
        </form>
      )}
      <ErrorMessage error={startState.error ?? stopState.error} />
    </section>
  );
}
