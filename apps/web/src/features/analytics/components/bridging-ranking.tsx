import { formatPercent } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Proposals every sector can live with first (Process.bridgingRanking). */
export function BridgingRanking({ processId, ranking, titles }: { processId: string; ranking: ReadonlyArray<{ proposalId: string; score: number | null; voters: number }>; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (ranking.length === 0) return <p className="muted">{t('analytics.ranking.empty')}</p>;
  return (
    <ol className="ranking" data-testid="bridging-ranking">
      {ranking.map((r) => (
        <li key={r.proposalId} className="ranking-item">
          <div className="ranking-text">
            <Link to={`/p/${processId}/proposals/${r.proposalId}`}>{titles.get(r.proposalId) ?? t('analytics.unknownProposal')}</Link>
            <span className="muted small">{t('analytics.voters', { count: r.voters })}</span>
          </div>
          <div className="ranking-score">
            <span className="ranking-bar" aria-hidden="true">
              <span style={{ width: `${Math.round((r.score ?? 0) * 100)}%` }} />
            </span>
            <strong>{r.score === null ? t('analytics.ranking.noScore') : formatPercent(r.score)}</strong>
          </div>
        </li>
      ))}
    </ol>
  );
}
