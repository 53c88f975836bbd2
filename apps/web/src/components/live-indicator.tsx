import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../hooks/use-live-status';

/** "● リアルタイム" while the socket is up; says so when updates are paused. */
export function LiveIndicator({ className }: { className?: string }) {
  const { t } = useTranslation();
  const status = useLiveStatus();
  return (
    <span className={`live-indicator small ${className ?? ''}`} role="status" data-status={status}>
      <span className={`live-dot${status === 'connected' ? ' live-dot--connected' : ''}`} aria-hidden="true" /> {t(`live.${status}`)}
    </span>
  );
}
