import { useQuery } from '@apollo/client/react';
import { can } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { useMe } from '../../../hooks/use-me';
import { ProcessSettingsQuery } from '../api/settings';
import { MemberManager } from '../components/member-manager';
import { PillarEditor } from '../components/pillar-editor';
import { ProcessForm } from '../components/process-form';

/** The organiser's page: the process, its pillars and its members. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const { me } = useMe();
  const { data, loading, error } = useQuery(ProcessSettingsQuery, { variables: { id: processId } });
  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const process = data?.process;
  if (!process) return <main id="main" className="page"><NotAvailable what={t('process.what')} /></main>;
  const isOrganiser = can(process.myMembership?.role, 'member.manage');

  return (
    <main id="main" className="page stack">
      <PageTitle title={t('settings.title', { title: process.title })} />
      <p>
        <Link to={`/p/${process.id}`}>← {process.title}</Link>
      </p>
      <h1>{t('settings.heading')}</h1>
      {!isOrganiser ? (
        <p className="form-error">{t('settings.organiserOnly')}</p>
      ) : (
        <>
          <section className="stack" aria-labelledby="settings-basics">
            <h2 id="settings-basics">{t('settings.basics')}</h2>
            <ProcessForm key={process.id} process={process} />
          </section>
          <section className="stack" aria-labelledby="settings-pillars">
            <h2 id="settings-pillars">{t('settings.pillars')}</h2>
            <PillarEditor processId={process.id} pillars={process.pillars} />
          </section>
          <section className="stack" aria-labelledby="settings-members">
            <h2 id="settings-members">{t('settings.members')}</h2>
            <MemberManager processId={process.id} members={process.members} invitations={process.invitations} myParticipantId={me?.id ?? null} />
          </section>
          <section className="stack" aria-labelledby="settings-meetings">
            <h2 id="settings-meetings">{t('settings.meetings')}</h2>
            <p>
              <Link className="btn btn--primary" to={`/p/${process.id}/meetings/new`}>
                {t('meeting.create')}
              </Link>
            </p>
          </section>
        </>
      )}
    </main>
  );
}
