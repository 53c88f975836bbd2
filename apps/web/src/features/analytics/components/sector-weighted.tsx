import { useQuery } from '@apollo/client/react';
import { formatPercent } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/status';
import { SectorWeightedQuery } from '../api/analytics';

const pct = (x: number | null) => (x === null ? '—' : formatPercent(x));

/** The raw agree share first, the sector-weighted reading beside it — never instead of it. */
export function SectorWeighted({ processId, titles }: { processId: string; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(SectorWeightedQuery, { variables: { id: processId } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} />;
  const rows = (data?.process?.proposals ?? []).filter((p) => p.sectorWeighted && p.sectorWeighted.sectors > 0);
  if (rows.length === 0) return <p className="muted">{t('analytics.weighted.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="sector-weighted-table">
        <caption className="visually-hidden">{t('analytics.weighted.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analytics.proposal')}</th>
            <th scope="col">{t('analytics.weighted.raw')}</th>
            <th scope="col">{t('analytics.weighted.weighted')}</th>
            <th scope="col">{t('analytics.weighted.sectors')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const w = p.sectorWeighted as NonNullable<typeof p.sectorWeighted>;
            return (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/p/${processId}/proposals/${p.id}`}>{titles.get(p.id) ?? t('analytics.unknownProposal')}</Link>
                </th>
                <td className="num">{pct(w.rawAgreeShare)}</td>
                <td className="num">{pct(w.agreeShare)}</td>
                <td className="num">{w.sectors}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
