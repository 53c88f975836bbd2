import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../lib/format';
import { useLang } from '../lib/i18n';

export interface KpiView {
  indicator: string;
  baseline?: string | null;
  target: string;
  deadline?: string | null;
}

/** The quantitative targets of a proposal (the policy insists on KPIs). */
export function KpiTable({ kpis, caption }: { kpis: ReadonlyArray<KpiView>; caption?: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (kpis.length === 0) return <p className="muted">{t('kpi.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={caption ? 'tally-title' : 'visually-hidden'}>{caption ?? t('kpi.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kpi.indicator')}</th>
            <th scope="col">{t('kpi.baseline')}</th>
            <th scope="col">{t('kpi.target')}</th>
            <th scope="col">{t('kpi.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((k, i) => (
            <tr key={i}>
              <th scope="row">{k.indicator}</th>
              <td>{k.baseline || '—'}</td>
              <td>{k.target}</td>
              <td>{k.deadline ? formatIsoDate(k.deadline, lang) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One line per KPI for list cards: 「観光消費額：120億円 → 150億円（2028年3月31日(金)）」 */
export function KpiLines({ kpis }: { kpis: ReadonlyArray<KpiView> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (kpis.length === 0) return null;
  return (
    <ul className="small kpi-lines">
      {kpis.map((k, i) => (
        <li key={i}>
          {t('kpi.line', {
            indicator: k.indicator,
            baseline: k.baseline || '—',
            target: k.target,
          })}
          {k.deadline ? ` ${t('kpi.by', { date: formatIsoDate(k.deadline, lang) })}` : ''}
        </li>
      ))}
    </ul>
  );
}
