import type { LiveError } from '@yoriai/realtime-contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../hooks/use-live-status';

/** Why a room was refused, in the reader's language (the server's own message otherwise). */
function whyStopped(t: TFunction, error: LiveError | undefined): string {
  if (error?.code === 'UNAUTHENTICATED') return t('live.why.signedOut');
  if (error?.code === 'FORBIDDEN' || error?.code === 'NOT_FOUND') return t('live.why.noAccess');
  return error?.message ?? t('live.why.unknown');
}

/**
 * Says whether what the page shows is current: "● リアルタイム更新中" only while every room it
 * follows is known to be current; otherwise delayed, reconnecting, offline, or stopped and why — and
 * that the figures on screen may be old. Driven by the live client (docs/realtime.md § 9).
 */
export function LiveIndicator({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { status, denied } = useLiveStatus();
  const current = status === 'live';
  return (
    <span className={`live-indicator small live-indicator--${status} ${className ?? ''}`} role="status" aria-live="polite" data-status={status} data-testid="live-indicator">
      <span className={`live-dot${current ? ' live-dot--connected' : ''}`} aria-hidden="true" />
      <span>{status === 'stopped' ? t('live.stoppedWhy', { reason: whyStopped(t, denied) }) : t(`live.${status}`)}</span>
      {!current && status !== 'connecting' && <span className="visually-hidden">{t('live.notCurrent')}</span>}
    </span>
  );
}
