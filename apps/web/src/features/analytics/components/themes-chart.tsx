import { useQuery } from '@apollo/client/react';
import { SECTOR_LABELS, SECTORS, STANCE_LABELS, isStance, type Sector } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import { ErrorMessage, Loading } from '../../../components/status';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useThrottledCallback } from '../../../hooks/use-throttled-callback';
import { useLang } from '../../../lib/i18n';
import '../../../components/themes/themes.css';
import { ProcessThemesQuery } from '../api/themes';

/** One colour per sector, distinguishable and readable on white (産官学金労言・住民). */
const SECTOR_COLOURS: Record<string, string> = {
  INDUSTRY: '#0b4fa8',
  GOVERNMENT: '#6b3fa0',
  ACADEMIA: '#0b6b3a',
  FINANCE: '#a36b00',
  LABOUR: '#a33a00',
  MEDIA: '#00707a',
  CITIZEN: '#5b6270',
};

/** Themes × sectors on the analytics page: a stacked bar per theme and the list beside it, live. */
export function ThemesChart({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const selectId = useId();
  const [pillarId, setPillarId] = useState<string>('');
  const { data, loading, error, refetch } = useQuery(ProcessThemesQuery, { variables: { id: processId, pillarId: pillarId || null } });
  const refresh = useThrottledCallback(() => void refetch(), 2000);
  useLiveRoom(room.process(processId), { resync: refresh, 'themes.updated': refresh });

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} />;
  const process = data?.process;
  if (!process) return null;
  const themes = process.themes;
  const sectors = SECTORS.filter((s) => themes.some((th) => th.sectors.some((x) => x.sector === s)));
  const sectorName = (s: Sector) => (lang === 'ja' ? SECTOR_LABELS[s].short : SECTOR_LABELS[s].en);
  const rows = themes.slice(0, 12).map((x) => ({
    name: x.label.length > 18 ? `${x.label.slice(0, 17)}…` : x.label,
    few: x.size - x.sectors.reduce((n, s) => n + s.count, 0),
    ...Object.fromEntries(x.sectors.map((s) => [s.sector, s.count])),
  }));

  return (
    <div className="stack" data-testid="themes-chart">
      <div className="row">
        <label htmlFor={selectId}>{t('themes.pillar')}</label>
        <select id={selectId} value={pillarId} onChange={(e) => setPillarId(e.target.value)}>
          <option value="">{t('themes.allPillars')}</option>
          {[...process.pillars]
            .sort((a, b) => a.position - b.position)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'en' ? (p.titleEn ?? p.title) : p.title}
              </option>
            ))}
        </select>
      </div>
      {themes.length === 0 ? (
        <p className="muted">{t('themes.none')}</p>
      ) : (
        <>
          <div aria-hidden="true">
            <BarChart responsive layout="vertical" style={{ width: '100%', height: Math.max(200, rows.length * 44 + 60) }} data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid horizontal={false} stroke="#d4d8e0" />
              <XAxis type="number" allowDecimals={false} tick={{ fill: '#14171f', fontSize: 12 }} />
              <YAxis type="category" dataKey="name" width={220} tick={{ fill: '#14171f', fontSize: 14, fontWeight: 700 }} />
              <Legend />
              {sectors.map((s) => (
                <Bar key={s} dataKey={s} stackId="sectors" name={lang === 'ja' ? SECTOR_LABELS[s].ja : SECTOR_LABELS[s].en} fill={SECTOR_COLOURS[s]} isAnimationActive={false} />
              ))}
              <Bar dataKey="few" stackId="sectors" name={t('themes.small')} fill="#c9cfdb" isAnimationActive={false} />
            </BarChart>
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="themes-table">
              <caption className="visually-hidden">{t('themes.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('themes.title')}</th>
                  <th scope="col">{t('themes.count')}</th>
                  {sectors.map((s) => (
                    <th key={s} scope="col" title={label(SECTOR_LABELS[s])}>
                      {sectorName(s)}
                    </th>
                  ))}
                  <th scope="col">{t('themes.small')}</th>
                  <th scope="col">{t('themes.silent')}</th>
                </tr>
              </thead>
              <tbody>
                {themes.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">
                      {x.label}
                      {x.bridging && <span className="theme-badge theme-badge--bridging"> {t('themes.bridging')}</span>}
                      {x.divide && <span className="theme-badge theme-badge--divide"> {t('themes.divide')}</span>}
                      <div className="small muted">{x.stances.filter((s) => s.count > 0).map((s) => `${isStance(s.stance) ? label(STANCE_LABELS[s.stance]) : s.stance} ${s.count}`).join(' · ')}</div>
                    </th>
                    <td className="num">{x.size}</td>
                    {sectors.map((s) => (
                      <td key={s} className="num">
                        {x.sectors.find((y) => y.sector === s)?.count ?? '—'}
                      </td>
                    ))}
                    <td>{x.smallSectors.map(sectorName).join(t('common.listSeparator')) || '—'}</td>
                    <td>{x.silentSectors.map(sectorName).join(t('common.listSeparator')) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
