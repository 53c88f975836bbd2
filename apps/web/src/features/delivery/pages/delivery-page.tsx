import { useQuery } from '@apollo/client/react';
import { can } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LiveIndicator } from '../../../components/live-indicator';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useThrottledCallback } from '../../../hooks/use-throttled-callback';
import { DeliveryProcessQuery } from '../api/delivery';
import { ItemControls } from '../components/item-controls';
import { KpiSection } from '../components/kpi-section';
import { MeasurementForm } from '../components/measurement-form';
import { ProgressSummary } from '../components/progress-summary';
import { RoadmapGantt } from '../components/roadmap-gantt';
import { SectorResponsibility } from '../components/sector-responsibility';
import { SharingPanel } from '../components/sharing-panel';
import { useProgress } from '../hooks/use-progress';
import '../delivery.css';

/**
 * 工程表・KPI (members): the roadmap, KPI charts and sector responsibilities, with the controls each
 * role has — moving milestones, entering measurements, publishing progress, sharing and importing
 * practice. Follows the process room live (actionItem.updated, kpi.measured).
 */
export function DeliveryPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const { data, loading, error } = useQuery(DeliveryProcessQuery, { variables: { id: processId } });
  const progress = useProgress(processId);
  const refresh = useThrottledCallback(progress.refresh, 1000);
  useLiveRoom(room.process(processId), { resync: refresh, 'actionItem.updated': refresh, 'kpi.measured': refresh, 'record.created': refresh });

  if ((loading && !data) || (progress.loading && !progress.report)) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const process = data?.process;
  const report = progress.report;
  if (!process || !report) return <main id="main" className="page"><NotAvailable what={t('process.what')} /></main>;
  const role = process.myMembership?.role;
  const manage = can(role, 'actionItem.manage');
  const measure = can(role, 'kpi.measure');
  const sector = process.myMembership?.sector;
  const organization = process.myMembership?.organization;
  const items = report.pillars.flatMap((p) => p.decisions.flatMap((d) => d.roadmap));
  const ownsKpi = (kpiId: string) => items.some((i) => i.kpiId === kpiId && (i.ownerSector === sector || (!!organization && i.ownerOrganization === organization)));

  return (
    <main id="main" className="page page--wide stack delivery">
      <PageTitle title={t('delivery.pageTitle', { title: process.title })} />
      <p className="small">
        <Link to={`/p/${process.id}`}>← {process.title}</Link>
      </p>
      <div className="row">
        <h1 className="grow">{t('delivery.heading')}</h1>
        <LiveIndicator />
      </div>
      <ProgressSummary report={report} />
      <section className="stack card">
        <h2>{t('delivery.roadmap')}</h2>
        <RoadmapGantt report={report} controls={(item) => (manage || (item.ownerSector === sector && can(role, 'proposal.create')) ? <ItemControls item={item} onChanged={progress.refresh} /> : null)} />
      </section>
      <section className="stack card">
        <h2>{t('delivery.kpis')}</h2>
        <KpiSection report={report} extra={(k) => (measure || (can(role, 'proposal.create') && ownsKpi(k.id)) ? <MeasurementForm kpi={k} onChanged={progress.refresh} /> : null)} />
      </section>
      <section className="stack card">
        <h2>{t('delivery.bySector')}</h2>
        <SectorResponsibility report={report} />
      </section>
      <section className="stack card">
        <h2>{t('delivery.sharing')}</h2>
        {can(role, 'practice.export') && (
          <ul className="small">
            {report.pillars.flatMap((p) => p.decisions).map((d) => (
              <li key={d.recordId}>
                {d.title}: <a href={`/api/records/${d.recordId}/practice.json`}>practice.json</a> · <a href={`/api/records/${d.recordId}/practice.csv`}>CSV</a>
              </li>
            ))}
          </ul>
        )}
        <SharingPanel
          processId={process.id}
          progressPublic={process.progressPublic}
          region={process.region ?? null}
          canPublish={can(role, 'progress.publish')}
          canImport={can(role, 'practice.import')}
          templates={process.importedTemplates}
        />
      </section>
    </main>
  );
}
