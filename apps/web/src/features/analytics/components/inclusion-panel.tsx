import { formatPercent } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';

interface Figure {
  share: number | null;
  count: number | null;
  base: number;
  suppressed: boolean;
}

function FigureRow({ label, figure }: { label: string; figure: Figure }) {
  const { t } = useTranslation();
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>
        {figure.suppressed || figure.share === null ? (
          <span>{t('analytics.inclusion.suppressed', { base: figure.base })}</span>
        ) : (
          <>
            <strong className="figure-value">{formatPercent(figure.share)}</strong> <span className="muted small">{t('analytics.inclusion.of', { count: figure.count ?? 0, base: figure.base })}</span>
          </>
        )}
      </dd>
    </div>
  );
}

/** Young people and women among the active participants: opt-in, groups under 5 never shown. */
export function InclusionPanel({ inclusion }: { inclusion: { participants: number; youth: Figure; women: Figure } }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <dl className="figures" data-testid="inclusion">
        <FigureRow label={t('analytics.inclusion.youth')} figure={inclusion.youth} />
        <FigureRow label={t('analytics.inclusion.women')} figure={inclusion.women} />
      </dl>
      <p className="muted small">{t('analytics.inclusion.note', { count: inclusion.participants })}</p>
    </div>
  );
}
