import { SECTORS, formatPercent, type Sector } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { SectorName } from '../../../components/chips';
import { useLang } from '../../../lib/i18n';
import { heatColor } from '../lib/heat';
import type { PillarRef } from './agreement-matrix';
import { HeatLegend } from './heat-legend';

interface Cell {
  pillarId: string;
  sector: Sector;
  meanAgreeShare: number | null;
  proposals: number;
}

/** Sector × pillar mean agreement: where each sector's priorities lie across the pillars. */
export function CrossPillar({ cells, pillars }: { cells: ReadonlyArray<Cell>; pillars: ReadonlyArray<PillarRef> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const cols = [...pillars].sort((a, b) => a.position - b.position);
  const sectors = SECTORS.filter((s) => cells.some((c) => c.sector === s && c.meanAgreeShare !== null));
  if (sectors.length === 0) return <p className="muted">{t('analytics.crossPillar.empty')}</p>;
  return (
    <div className="stack">
      <HeatLegend withSuppressed={false} />
      <div className="table-wrap">
        <table className="table heat-table" data-testid="cross-pillar">
          <caption className="visually-hidden">{t('analytics.crossPillar.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.sector')}</th>
              {cols.map((p) => (
                <th key={p.id} scope="col" className="heat-head" title={lang === 'en' && p.titleEn ? p.titleEn : p.title}>
                  <span className="heat-head-short">{t('analytics.crossPillar.pillarN', { n: p.position })}</span>
                  <span className="heat-head-name">{lang === 'en' && p.titleEn ? p.titleEn : p.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sectors.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <SectorName sector={s} />
                </th>
                {cols.map((p) => {
                  const c = cells.find((x) => x.sector === s && x.pillarId === p.id);
                  if (!c || c.meanAgreeShare === null)
                    return (
                      <td key={p.id} className="heat-cell heat-cell--empty">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t('analytics.legend.noVotes')}</span>
                      </td>
                    );
                  return (
                    <td key={p.id} className="heat-cell" style={heatColor(c.meanAgreeShare)}>
                      <strong>{formatPercent(c.meanAgreeShare)}</strong>
                      <span className="heat-cell-voters">{t('analytics.crossPillar.proposals', { count: c.proposals })}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
