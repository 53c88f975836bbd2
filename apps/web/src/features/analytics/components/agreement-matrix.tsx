import { useQuery } from '@apollo/client/react';
import { SECTOR_LABELS, SECTORS, formatPercent, type Sector } from '@yoriai/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { AgreementMatrixQuery } from '../api/analytics';
import { heatColor } from '../lib/heat';
import { HeatLegend } from './heat-legend';

export interface ProposalRef {
  id: string;
  title: string;
  pillarId: string;
}

export interface PillarRef {
  id: string;
  position: number;
  title: string;
  titleEn?: string | null;
}

export interface MatrixCell {
  proposalId: string;
  sector: Sector;
  agreeShare: number | null;
  voters: number;
  suppressed: boolean;
}

/** One cell: the number always, the colour as a second signal; suppressed and empty cells say so in words. */
export function HeatCell({ cell }: { cell: MatrixCell | undefined }) {
  const { t } = useTranslation();
  if (!cell || cell.voters === 0) {
    return (
      <td className="heat-cell heat-cell--empty">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('analytics.legend.noVotes')}</span>
      </td>
    );
  }
  if (cell.suppressed) return <td className="heat-cell heat-cell--suppressed">{t('analytics.suppressed')}</td>;
  if (cell.agreeShare === null) return <td className="heat-cell heat-cell--empty">{t('analytics.allAbstained', { count: cell.voters })}</td>;
  return (
    <td className="heat-cell" style={heatColor(cell.agreeShare)}>
      <strong>{formatPercent(cell.agreeShare)}</strong>
      <span className="heat-cell-voters">{t('analytics.voters', { count: cell.voters })}</span>
    </td>
  );
}

export function SectorHeader({ sector }: { sector: Sector }) {
  const { lang } = useLang();
  const l = SECTOR_LABELS[sector];
  return (
    <th scope="col" className="heat-head">
      <span className="heat-head-short" aria-hidden="true">
        {l.short}
      </span>
      <span className="heat-head-name">{lang === 'ja' ? l.ja : l.en}</span>
    </th>
  );
}

/** Proposals × the seven sectors: where the sectors part ways (Process.agreementMatrix). */
export function AgreementMatrix({ processId, proposals, pillars }: { processId: string; proposals: ReadonlyArray<ProposalRef>; pillars: ReadonlyArray<PillarRef> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const selectId = useId();
  const [pillarId, setPillarId] = useState<string>('');
  const { data, loading, error } = useQuery(AgreementMatrixQuery, { variables: { id: processId, pillarId: pillarId || null } });
  const cells = data?.process?.agreementMatrix ?? [];
  const inMatrix = new Set(cells.map((c) => c.proposalId));
  const rows = proposals.filter((p) => inMatrix.has(p.id));
  const cellOf = (proposalId: string, sector: Sector) => cells.find((c) => c.proposalId === proposalId && c.sector === sector);
  const pillarName = (p: PillarRef) => `${p.position}. ${lang === 'en' && p.titleEn ? p.titleEn : p.title}`;

  return (
    <div className="stack">
      <div className="field analytics-filter">
        <label htmlFor={selectId}>{t('analytics.matrix.pillarFilter')}</label>
        <select id={selectId} className="select" value={pillarId} onChange={(e) => setPillarId(e.target.value)}>
          <option value="">{t('analytics.matrix.allPillars')}</option>
          {[...pillars]
            .sort((a, b) => a.position - b.position)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {pillarName(p)}
              </option>
            ))}
        </select>
      </div>
      <HeatLegend />
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && rows.length === 0 && <p className="muted">{t('analytics.matrix.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table heat-table" data-testid="agreement-matrix">
            <caption className="visually-hidden">{t('analytics.matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.proposal')}</th>
                {SECTORS.map((s) => (
                  <SectorHeader key={s} sector={s} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="heat-row-head">
                    <Link to={`/p/${processId}/proposals/${p.id}`}>{p.title}</Link>
                  </th>
                  {SECTORS.map((s) => (
                    <HeatCell key={s} cell={cellOf(p.id, s)} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
