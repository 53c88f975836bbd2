import { useTranslation } from 'react-i18next';

/**
 * An open SECRET round: the server sends its turnout and nothing else (docs/security.md), so this is
 * all a screen can show until the round closes.
 */
export function SealedTally({ turnout, variant = 'page' }: { turnout: number; variant?: 'page' | 'projector' }) {
  const { t } = useTranslation();
  return (
    <div className={variant === 'projector' ? 'screen-sealed' : 'sealed-tally'} data-testid="sealed-tally" aria-live="polite">
      <p>
        <strong>{t('tally.sealed', { count: turnout })}</strong>
      </p>
      {variant === 'page' && <p className="muted small">{t('tally.sealedHint')}</p>}
    </div>
  );
}
