import { useTranslation } from 'react-i18next';
import type { ProgressKpi, ProgressReport } from '../api/delivery';
import { KpiChart } from './kpi-chart';

/** Every tracked KPI, by decision, as charts; `extra` adds member controls under each (measurement entry). */
export function KpiSection({ report, extra }: { report: ProgressReport; extra?: (kpi: ProgressKpi) => React.ReactNode }) {
  const { t } = useTranslation();
  const decisions = report.pillars.flatMap((p) => p.decisions).filter((d) => d.kpis.length > 0);
  if (!decisions.length) return <p className="muted">{t('delivery.noKpis')}</p>;
  return (
    <div className="stack">
      {decisions.map((d) => (
        <section key={d.proposalId} className="stack" aria-label={d.title}>
          <h3>{d.title}</h3>
          <div className="kpi-grid">
            {d.kpis.map((k) => (
              <div key={k.id} className="stack-tight">
                <KpiChart kpi={k} today={report.today} />
                {extra?.(k)}
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
