import { useTranslation } from 'react-i18next';
import { HEAT_GRADIENT } from '../lib/heat';

/** Legend of the heat maps: the colour scale with its percentages, and the two kinds of empty cell. */
export function HeatLegend({ withSuppressed = true }: { withSuppressed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="heat-legend" aria-label={t('analytics.legend.label')} role="group">
      <span className="small">{t('analytics.legend.scale')}</span>
      <span className="heat-legend-scale">
        <span className="heat-legend-bar" style={{ background: HEAT_GRADIENT }} aria-hidden="true" />
        <span className="heat-legend-ticks small">
          <span>0%</span>
          <span>50%</span>
          <span>100%</span>
        </span>
      </span>
      <span className="small heat-legend-item">
        <span className="heat-swatch heat-cell--empty" aria-hidden="true" />
        {t('analytics.legend.noVotes')}
      </span>
      {withSuppressed && (
        <span className="small heat-legend-item">
          <span className="heat-swatch heat-cell--suppressed" aria-hidden="true" />
          {t('analytics.suppressed')}
        </span>
      )}
    </div>
  );
}
