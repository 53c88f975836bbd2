import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import type { ProgressKpi } from '../api/delivery';
import { dayOf, isoOf } from '../lib/timeline';

/**
 * One KPI: its measurements against the target line and the deadline, the baseline dashed. The
 * figures are also written out (latest, target, progress) for readers who do not read charts.
 */
export function KpiChart({ kpi, today }: { kpi: ProgressKpi; today: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const unit = kpi.unit ?? '';
  const data = kpi.measurements.map((m) => ({ day: dayOf(m.measuredAt), value: m.value }));
  const days = [...data.map((d) => d.day), dayOf(today), ...(kpi.deadline ? [dayOf(kpi.deadline)] : [])];
  const domain: [number, number] = [Math.min(...days) - 15, Math.max(...days) + 15];
  const values = [...data.map((d) => d.value), ...(kpi.targetValue != null ? [kpi.targetValue] : []), ...(kpi.baselineValue != null ? [kpi.baselineValue] : [])];
  const low = Math.min(...values, 0);
  const high = Math.max(...values, 1);
  const number = (v: number) => v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  const state = kpi.reached ? t('delivery.kpiReached') : kpi.late ? t('delivery.kpiLate') : kpi.progress != null ? t('delivery.kpiOnWay', { percent: Math.round(kpi.progress * 100) }) : '';
  return (
    <figure className={`kpi-card${kpi.late ? ' is-late' : ''}`} data-testid="kpi-chart">
      <figcaption className="stack-tight">
        <strong>{kpi.indicator}</strong>
        <span className="small">
          {t('delivery.kpiLine', {
            baseline: kpi.baseline ?? '—',
            latest: kpi.latest ? `${number(kpi.latest.value)}${unit}（${formatIsoDate(kpi.latest.measuredAt, lang)}）` : '—',
            target: kpi.target,
            deadline: kpi.deadline ? formatIsoDate(kpi.deadline, lang) : '—',
          })}
        </span>
        {state && <span className={`small ${kpi.late ? 'late-mark' : kpi.reached ? 'reached-mark' : ''}`}>{state}</span>}
      </figcaption>
      {data.length === 0 ? (
        <p className="muted small">{t('delivery.noMeasurements')}</p>
      ) : (
        <div aria-hidden="true">
          <LineChart responsive style={{ width: '100%', height: 220 }} data={data} margin={{ top: 16, right: 24, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#d4d8e0" vertical={false} />
            <XAxis dataKey="day" type="number" domain={domain} tickFormatter={(d: number) => isoOf(d).slice(2, 7).replace('-', '/')} tick={{ fontSize: 12, fill: '#14171f' }} />
            <YAxis domain={[Math.floor(low * 0.9), Math.ceil(high * 1.1)]} tickFormatter={number} tick={{ fontSize: 12, fill: '#14171f' }} width={56} />
            <Tooltip labelFormatter={(d) => formatIsoDate(isoOf(Number(d)), lang)} formatter={(v) => [`${number(Number(v))}${unit}`, kpi.indicator]} />
            {kpi.targetValue != null && <ReferenceLine y={kpi.targetValue} stroke="#1a7f37" strokeWidth={2} label={{ value: `${t('delivery.target')} ${number(kpi.targetValue)}${unit}`, position: 'insideTopLeft', fill: '#1a7f37', fontSize: 13 }} />}
            {kpi.baselineValue != null && <ReferenceLine y={kpi.baselineValue} stroke="#6b7280" strokeDasharray="4 4" label={{ value: t('delivery.baseline'), position: 'insideBottomLeft', fill: '#4b5563', fontSize: 12 }} />}
            {kpi.deadline && <ReferenceLine x={dayOf(kpi.deadline)} stroke="#b42318" strokeDasharray="6 3" label={{ value: t('delivery.deadline'), position: 'insideTopRight', fill: '#b42318', fontSize: 13 }} />}
            <ReferenceLine x={dayOf(today)} stroke="#0b4fa8" label={{ value: t('delivery.todayShort'), position: 'insideBottomRight', fill: '#0b4fa8', fontSize: 12 }} />
            <Line type="monotone" dataKey="value" stroke="#0b4fa8" strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </div>
      )}
      {kpi.corrections > 0 && <p className="small muted">{t('delivery.corrections', { count: kpi.corrections })}</p>}
    </figure>
  );
}
