import type { CSSProperties } from 'react';
import { CHOICE_LABELS, SECTOR_LABELS, VOTE_CHOICES, formatPercent, type Sector, type VoteChoice } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { useLang } from '../lib/i18n';

export interface SectorTallyView {
  sector: Sector;
  agree: number;
  disagree: number;
  abstain: number;
  block: number;
  total: number;
  /** A merged group of small sectors (secret ballot), when the API sends it. */
  mergedSectors?: ReadonlyArray<Sector> | null;
}

export interface TallyView {
  agree: number;
  disagree: number;
  abstain: number;
  block: number;
  total: number;
  bySector: ReadonlyArray<SectorTallyView>;
}

const KEYS: Record<VoteChoice, 'agree' | 'disagree' | 'abstain' | 'block'> = {
  AGREE: 'agree',
  DISAGREE: 'disagree',
  ABSTAIN: 'abstain',
  BLOCK: 'block',
};

const COLORS: Record<VoteChoice, string> = {
  AGREE: '#1a7f37',
  DISAGREE: '#b42318',
  ABSTAIN: '#5d6675',
  BLOCK: '#5b21b6',
};

/** Lighter shades for the dark projector background (still ≥ 3:1 against it). */
const PROJECTOR_COLORS: Record<VoteChoice, string> = {
  AGREE: '#4ade80',
  DISAGREE: '#f87171',
  ABSTAIN: '#a1a8b3',
  BLOCK: '#c4b5fd',
};

function sectorLabel(row: SectorTallyView): string {
  const sectors = row.mergedSectors?.length ? row.mergedSectors : [row.sector];
  return sectors.map((s) => SECTOR_LABELS[s].short).join('・');
}

/** "賛成 12・反対 3・棄権 1・ブロック 0（計 16 票）" — also what the live region announces. */
export function useTallySummary(tally: TallyView): string {
  const { t } = useTranslation();
  const { label } = useLang();
  const parts = VOTE_CHOICES.map((c) => `${label(CHOICE_LABELS[c])} ${tally[KEYS[c]]}`);
  return t('tally.summary', { parts: parts.join(t('tally.separator')), total: tally.total });
}

/**
 * Per-sector result as 100% stacked bars: every sector gets an equal-width bar, so a small sector's
 * disagreement is as visible as a large one's (the point of 産官学金労言 consensus). The live
 * summary text is announced politely; the table below is the accessible form of the chart.
 */
export function TallyChart({ tally, variant = 'page', title }: { tally: TallyView; variant?: 'page' | 'projector'; title?: string }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const summary = useTallySummary(tally);
  const projector = variant === 'projector';
  const colors = projector ? PROJECTOR_COLORS : COLORS;
  const fontSize = projector ? 30 : 15;
  const data = tally.bySector.map((row) => {
    const n = row.total || 1;
    return {
      name: sectorLabel(row),
      agree: row.agree / n,
      disagree: row.disagree / n,
      abstain: row.abstain / n,
      block: row.block / n,
      label: t('tally.rowLabel', { share: formatPercent(row.agree / n), count: row.total }),
    };
  });
  const rowHeight = projector ? 64 : 40;
  const height = Math.max(1, data.length) * rowHeight + (projector ? 40 : 30);
  const axisColor = projector ? '#f5f6f8' : '#14171f';

  return (
    <figure className={`tally tally--${variant}`}>
      {title && <figcaption className="tally-title">{title}</figcaption>}
      <p className="tally-summary" aria-live="polite" aria-atomic="true" data-testid="tally-summary">
        {summary}
      </p>
      {data.length > 0 ? (
        <div aria-hidden="true">
          <BarChart
            responsive
            style={{ width: '100%', height }}
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 8, bottom: 4, left: 4 }}
            barCategoryGap={projector ? 10 : 6}
          >
            <CartesianGrid horizontal={false} stroke={projector ? '#3a4150' : '#d4d8e0'} />
            <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v)} tick={{ fill: axisColor, fontSize: fontSize * 0.7 }} stroke={axisColor} />
            <YAxis yAxisId="sector" type="category" dataKey="name" width={projector ? 150 : 70} tick={{ fill: axisColor, fontSize, fontWeight: 700 }} stroke={axisColor} />
            {/* The agree share and the number of voters, to the right of each bar. */}
            <YAxis yAxisId="share" orientation="right" type="category" dataKey="label" width={projector ? 260 : 150} tick={{ fill: axisColor, fontSize: fontSize * 0.85 }} axisLine={false} tickLine={false} />
            {VOTE_CHOICES.map((c) => (
              <Bar key={c} yAxisId="sector" dataKey={KEYS[c]} stackId="votes" fill={colors[c]} isAnimationActive={false} name={label(CHOICE_LABELS[c])} />
            ))}
          </BarChart>
        </div>
      ) : (
        <p className="muted">{t('tally.noVotes')}</p>
      )}
      <ul className="legend" aria-hidden="true">
        {VOTE_CHOICES.map((c) => (
          <li key={c} style={{ '--swatch': colors[c] } as CSSProperties}>
            {label(CHOICE_LABELS[c])}
          </li>
        ))}
      </ul>
      {!projector && data.length > 0 && (
        <details>
          <summary>{t('tally.asTable')}</summary>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('tally.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tally.sector')}</th>
                  {VOTE_CHOICES.map((c) => (
                    <th key={c} scope="col">
                      {label(CHOICE_LABELS[c])}
                    </th>
                  ))}
                  <th scope="col">{t('tally.total')}</th>
                </tr>
              </thead>
              <tbody>
                {tally.bySector.map((row) => (
                  <tr key={row.sector}>
                    <th scope="row">{sectorLabel(row)}</th>
                    <td>{row.agree}</td>
                    <td>{row.disagree}</td>
                    <td>{row.abstain}</td>
                    <td>{row.block}</td>
                    <td>{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
