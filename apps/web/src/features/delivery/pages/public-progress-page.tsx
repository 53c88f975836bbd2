import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { KpiSection } from '../components/kpi-section';
import { ProgressSummary } from '../components/progress-summary';
import { RoadmapGantt } from '../components/roadmap-gantt';
import { SectorResponsibility } from '../components/sector-responsibility';
import { useProgress } from '../hooks/use-progress';
import '../delivery.css';

/**
 * The public read-only progress page (/p/:processId/progress), when the organiser has switched it
 * on: the same progress.json members read, nothing more — no names, no votes. Read again every
 * minute (anyone may watch it, so it has no socket).
 */
export function PublicProgressPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { processId = '' } = useParams();
  const { report, unavailable, error, loading } = useProgress(processId, 60_000);
  if (loading && !report) return <main id="main" className="page"><Loading /></main>;
  if (unavailable === 404 && !report) {
    return (
      <main id="main" className="page stack">
        <PageTitle title={t('delivery.publicTitle')} />
        <h1>{t('delivery.publicTitle')}</h1>
        <p className="notice">{t('delivery.notPublic')}</p>
      </main>
    );
  }
  if (!report) return <main id="main" className="page"><ErrorMessage error={error ?? new Error(String(unavailable))} /></main>;
  return (
    <main id="main" className="page page--wide stack delivery" data-testid="public-progress">
      <PageTitle title={`${t('delivery.publicTitle')}：${report.process.title}`} />
      <header className="stack-tight">
        <p className="small muted">{t('delivery.publicKicker')}</p>
        <h1>{report.process.title}</h1>
        {report.process.region && <p className="muted">{report.process.region}</p>}
        <p className="small muted">{t('delivery.asOf', { when: formatDateTime(report.generatedAt, lang) })}</p>
      </header>
      <ProgressSummary report={report} />
      <section className="stack card">
        <h2>{t('delivery.roadmap')}</h2>
        <RoadmapGantt report={report} />
      </section>
      <section className="stack card">
        <h2>{t('delivery.kpis')}</h2>
        <KpiSection report={report} />
      </section>
      <section className="stack card">
        <h2>{t('delivery.bySector')}</h2>
        <SectorResponsibility report={report} />
      </section>
      <p className="small">
        <a href={`/api/processes/${report.process.id}/progress.json`}>progress.json</a> · <a href={`/api/processes/${report.process.id}/progress.csv`}>progress.csv</a> — {t('delivery.openData')}
      </p>
    </main>
  );
}
