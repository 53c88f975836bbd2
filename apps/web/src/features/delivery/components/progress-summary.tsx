import { useTranslation } from 'react-i18next';
import type { ProgressReport } from '../api/delivery';

/** The headline figures: decisions, milestones done and late, KPIs reached. */
export function ProgressSummary({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const s = report.summary;
  const tiles: Array<[string, string | number, boolean?]> = [
    [t('delivery.sumDecisions'), s.decisions],
    [t('delivery.sumItems'), `${s.done} / ${s.items}`],
    [t('delivery.sumLate'), s.late, s.late > 0],
    [t('delivery.sumKpis'), `${s.kpisReached} / ${s.kpis}`],
  ];
  return (
    <dl className="progress-tiles" data-testid="progress-summary">
      {tiles.map(([label, value, warn]) => (
        <div key={label} className={`progress-tile${warn ? ' is-late' : ''}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
