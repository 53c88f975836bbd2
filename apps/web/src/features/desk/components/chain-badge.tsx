import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { VerifyChainQuery } from '../api/desk';

/** 検証済み ✓ / 改ざん検知: the server recomputes every hash of the chain on each check. */
export function ChainBadge({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(VerifyChainQuery, { variables: { processId }, fetchPolicy: 'network-only' });
  const v = data?.verifyRecordChain;
  return (
    <div className="row" role="status" aria-live="polite" data-testid="chain-badge">
      {loading && !v && <span className="muted">{t('desk.verifying')}</span>}
      {error && !v && <span className="chip chip--broken">{t('desk.verifyFailed')}</span>}
      {v &&
        (v.valid ? (
          <span className="chip chip--verified">{t('desk.chainValid', { count: v.length })}</span>
        ) : (
          <span className="chip chip--broken">{t('desk.chainBroken', { seq: v.brokenAt ?? '?', reason: v.reason ?? '' })}</span>
        ))}
      <button type="button" className="btn btn--quiet" onClick={() => void refetch()}>
        {t('desk.verifyAgain')}
      </button>
    </div>
  );
}
