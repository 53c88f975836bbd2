import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SectorBadge, StatusChip } from '../../../components/chips';
import { KpiLines } from '../../../components/kpi-table';
import { ErrorMessage, Loading } from '../../../components/status';
import { PillarProposalsQuery } from '../api/process';

export function PillarProposals({ processId, pillarId }: { processId: string; pillarId: string }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(PillarProposalsQuery, { variables: { processId, pillarId } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} />;
  const proposals = data?.process?.proposals ?? [];
  if (proposals.length === 0) return <p className="muted">{t('process.noProposals')}</p>;
  return (
    <ul className="list" data-testid="proposal-list">
      {proposals.map((p) => (
        <li key={p.id}>
          <Link className="card card--link stack" to={`/p/${processId}/proposals/${p.id}`}>
            <div className="row">
              <StatusChip status={p.status} />
              {p.version > 1 && <span className="chip chip--DRAFT">{t('proposal.versionN', { n: p.version })}</span>}
            </div>
            <h3>{p.title}</h3>
            <KpiLines kpis={p.kpis} />
            <p className="muted small row">
              {p.authorSector && <SectorBadge sector={p.authorSector} />}
              <span>
                {p.author.displayName}
                {p.author.organization ? `（${p.author.organization}）` : ''}
              </span>
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
