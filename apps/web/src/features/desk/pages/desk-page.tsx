import { useQuery } from '@apollo/client/react';
import { can } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LiveIndicator } from '../../../components/live-indicator';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { DeskQuery, RecordDetailQuery, VerifyChainQuery } from '../api/desk';
import { ChainBadge } from '../components/chain-badge';
import { MinutesEditor } from '../components/minutes-editor';
import { RecordCard } from '../components/record-card';

/** The secretariat's desk: records with the chain check, dissent register, actions, minutes, exports. */
export function DeskPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const { data, loading, error, client } = useQuery(DeskQuery, { variables: { id: processId } });

  // A record written elsewhere (the facilitator closing a vote) appears here without a reload.
  useLiveRoom(room.process(processId), {
    resync: () => client.refetchQueries({ include: [DeskQuery, VerifyChainQuery, RecordDetailQuery] }),
    'record.created': () => void client.refetchQueries({ include: [DeskQuery, VerifyChainQuery] }),
    'meeting.state': () => void client.refetchQueries({ include: [DeskQuery] }),
  });

  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const process = data?.process;
  if (!process) return <main id="main" className="page"><NotAvailable what={t('process.what')} /></main>;
  const role = process.myMembership?.role;
  const ended = process.meetings.filter((m) => m.status === 'ENDED' || m.minutes);

  return (
    <main id="main" className="page stack">
      <PageTitle title={t('desk.title', { title: process.title })} />
      <p className="small">
        <Link to={`/p/${process.id}`}>← {process.title}</Link>
      </p>
      <div className="row">
        <h1 style={{ margin: 0 }}>{t('desk.heading')}</h1>
        <Link className="btn" to={`/p/${process.id}/analytics`}>
          {t('nav.analytics')}
        </Link>
        <LiveIndicator className="push-right" />
      </div>

      <section className="stack" aria-labelledby="desk-records">
        <div className="row">
          <h2 id="desk-records" style={{ margin: 0 }}>
            {t('desk.records')}
          </h2>
          <ChainBadge processId={process.id} />
        </div>
        <div className="row">
          <a className="btn" href={`/api/processes/${process.id}/votes.csv`} download>
            {t('desk.exportVotes')}
          </a>
          <a className="btn" href={`/api/processes/${process.id}/records.json`} download>
            {t('desk.exportRecords')}
          </a>
        </div>
        {process.records.length === 0 && <p className="muted">{t('desk.noRecords')}</p>}
        {process.records.map((r, i) => (
          <RecordCard key={r.id} record={r} initiallyOpen={i === 0} canRespond={can(role, 'record.respond')} canManageActions={can(role, 'actionItem.manage')} />
        ))}
      </section>

      <section className="stack" aria-labelledby="desk-minutes">
        <h2 id="desk-minutes">{t('desk.minutes')}</h2>
        {ended.length === 0 && <p className="muted">{t('desk.noMinutes')}</p>}
        {ended.map((m) => (
          <MinutesEditor key={`${m.id}:${m.minutes?.status ?? ''}`} meeting={m} canEdit={can(role, 'minutes.edit')} />
        ))}
      </section>
    </main>
  );
}
