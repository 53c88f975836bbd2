import { useQuery } from '@apollo/client/react';
import { ROLE_LABELS, can, formatPillarTitle } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { SectorName } from '../../../components/chips';
import { LiveIndicator } from '../../../components/live-indicator';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { Tabs, tabPanelProps } from '../../../components/tabs';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useLang } from '../../../lib/i18n';
import { PillarProposalsQuery, ProcessOverviewQuery } from '../api/process';
import { LiveMeetingBanner } from '../components/live-meeting-banner';
import { PillarProposals } from '../components/pillar-proposals';

/** The participant's view of a process: pillars as tabs, proposals per pillar, the live meeting. */
export function ProcessPage() {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const { processId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, client } = useQuery(ProcessOverviewQuery, { variables: { id: processId } });

  useLiveRoom(room.process(processId), {
    resync: () => client.refetchQueries({ include: [ProcessOverviewQuery, PillarProposalsQuery] }),
    'proposal.created': () => void client.refetchQueries({ include: [ProcessOverviewQuery, PillarProposalsQuery] }),
    'proposal.updated': () => void client.refetchQueries({ include: [PillarProposalsQuery] }),
  });

  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const process = data?.process;
  if (!process) return <main id="main" className="page"><NotAvailable what={t('process.what')} /></main>;

  const pillars = [...process.pillars].sort((a, b) => a.position - b.position);
  const selected = pillars.find((p) => p.id === params.get('pillar'))?.id ?? pillars[0]?.id ?? '';
  const role = process.myMembership?.role;
  // 「① 安心して働き、…」: numbered as in the source document.
  const pillarTitle = (p: { position: number; title: string; titleEn?: string | null }) =>
    lang === 'en' && p.titleEn ? `${p.position}. ${p.titleEn}` : formatPillarTitle({ position: p.position, titleJa: p.title });

  return (
    <main id="main" className="page stack">
      <PageTitle title={process.title} />
      <div className="stack">
        <div className="row">
          <h1>{process.title}</h1>
          <LiveIndicator className="push-right" />
        </div>
        {process.myMembership && (
          <p className="muted">
            {t('process.youAre', { role: label(ROLE_LABELS[process.myMembership.role]) })} · <SectorName sector={process.myMembership.sector} />
          </p>
        )}
        <div className="row">
          <Link className="btn" to={`/p/${process.id}/analytics`}>
            {t('nav.analytics')}
          </Link>
          <Link className="btn" to={`/p/${process.id}/delivery`}>
            {t('nav.delivery')}
          </Link>
          {can(role, 'minutes.edit') || can(role, 'actionItem.manage') ? (
            <Link className="btn" to={`/p/${process.id}/desk`}>
              {t('nav.desk')}
            </Link>
          ) : null}
          {can(role, 'meeting.manage') && (
            <Link className="btn" to={`/p/${process.id}/meetings/new`}>
              {t('meeting.create')}
            </Link>
          )}
          {can(role, 'member.manage') && (
            <Link className="btn" to={`/p/${process.id}/settings`}>
              {t('nav.settings')}
            </Link>
          )}
        </div>
      </div>
      {params.get('demo') === '1' && (
        <p className="notice" role="status">
          {t('demo.welcome')}
        </p>
      )}
      <LiveMeetingBanner processId={process.id} canManage={can(role, 'meeting.manage')} />
      <section aria-labelledby="pillars-heading" className="stack">
        <h2 id="pillars-heading">{t('process.pillars')}</h2>
        <Tabs
          idPrefix="pillar"
          label={t('process.pillars')}
          selected={selected}
          onSelect={(id) => setParams({ pillar: id }, { replace: true })}
          items={pillars.map((p) => ({
            id: p.id,
            label: (
              <>
                {pillarTitle(p)} <span className="muted">({p.proposalCount})</span>
              </>
            ),
          }))}
        />
        {selected && (
          <div {...tabPanelProps('pillar', selected)} className="stack">
            {can(role, 'proposal.create') && (
              <p>
                <Link className="btn btn--primary" to={`/p/${process.id}/proposals/new?pillar=${selected}`}>
                  {t('proposal.new')}
                </Link>
              </p>
            )}
            <PillarProposals processId={process.id} pillarId={selected} />
          </div>
        )}
      </section>
    </main>
  );
}
