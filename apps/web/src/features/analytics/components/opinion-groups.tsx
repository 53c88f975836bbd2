import { useQuery } from '@apollo/client/react';
import { SECTOR_LABELS, SECTORS, formatPercent } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SectorBadge } from '../../../components/chips';
import { ErrorMessage, Loading } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { AgreementMatrixQuery, OpinionGroupsQuery } from '../api/analytics';
import { heatColor } from '../lib/heat';
import { HeatCell, SectorHeader } from './agreement-matrix';

/**
 * A second lens beside declared sectors: groups of people who vote alike (open ballots only; members
 * never listed), their agreement per proposal next to the declared sectors', and sectors split between groups.
 */
export function OpinionGroups({ processId, titles }: { processId: string; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const groupsQuery = useQuery(OpinionGroupsQuery, { variables: { id: processId } });
  const matrixQuery = useQuery(AgreementMatrixQuery, { variables: { id: processId, pillarId: null } });
  if (groupsQuery.loading && !groupsQuery.data) return <Loading />;
  if (groupsQuery.error && !groupsQuery.data) return <ErrorMessage error={groupsQuery.error} />;
  const groups = groupsQuery.data?.process?.opinionGroups ?? [];
  const split = groupsQuery.data?.process?.splitSectors ?? [];
  if (groups.length === 0) return <p className="muted">{t('analytics.groups.empty')}</p>;
  const cells = matrixQuery.data?.process?.agreementMatrix ?? [];
  const proposalIds = [...new Set(groups.flatMap((g) => g.agreement.map((a) => a.proposalId)))];
  const sectors = SECTORS.filter((s) => cells.some((c) => c.sector === s && c.voters > 0 && proposalIds.includes(c.proposalId)));

  return (
    <div className="stack">
      <ul className="group-cards" data-testid="opinion-groups">
        {groups.map((g) => (
          <li key={g.id} className="group-card">
            <strong>{t('analytics.groups.group', { n: g.id + 1, count: g.size })}</strong>
            <span className="row">
              {g.sectors.map((s) => (
                <span key={s.sector} className="group-sector">
                  <SectorBadge sector={s.sector} /> {s.count}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {split.length > 0 ? (
        <p className="notice notice--warn" data-testid="split-sectors">
          <strong>{t('analytics.groups.split')}</strong>{' '}
          {split.map((s) => t('analytics.groups.splitItem', { sector: label(SECTOR_LABELS[s.sector]), share: formatPercent(s.largestGroupShare), count: s.members })).join(t('common.listSeparator'))}
        </p>
      ) : (
        <p className="muted small">{t('analytics.groups.noSplit')}</p>
      )}
      <div className="table-wrap">
        <table className="table heat-table">
          <caption className="visually-hidden">{t('analytics.groups.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.proposal')}</th>
              {groups.map((g) => (
                <th key={g.id} scope="col" className="heat-head heat-head--group">
                  <span className="heat-head-name">{t('analytics.groups.groupShort', { n: g.id + 1 })}</span>
                </th>
              ))}
              {sectors.map((s) => (
                <SectorHeader key={s} sector={s} />
              ))}
            </tr>
          </thead>
          <tbody>
            {proposalIds.map((id) => (
              <tr key={id}>
                <th scope="row" className="heat-row-head">
                  <Link to={`/p/${processId}/proposals/${id}`}>{titles.get(id) ?? t('analytics.unknownProposal')}</Link>
                </th>
                {groups.map((g) => {
                  const a = g.agreement.find((x) => x.proposalId === id);
                  if (!a || a.agreeShare === null)
                    return (
                      <td key={g.id} className="heat-cell heat-cell--empty heat-cell--group">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t('analytics.legend.noVotes')}</span>
                      </td>
                    );
                  return (
                    <td key={g.id} className="heat-cell heat-cell--group" style={heatColor(a.agreeShare)}>
                      <strong>{formatPercent(a.agreeShare)}</strong>
                      <span className="heat-cell-voters">{t('analytics.voters', { count: a.voters })}</span>
                    </td>
                  );
                })}
                {sectors.map((s) => (
                  <HeatCell key={s} cell={cells.find((c) => c.proposalId === id && c.sector === s)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('analytics.groups.tableNote')}</p>
    </div>
  );
}
