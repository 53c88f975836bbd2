import { useQuery } from '@apollo/client/react';
import { can } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { Tabs, tabPanelProps } from '../../../components/tabs';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { ConsoleThemes } from '../components/console-themes';
import { ConsoleMeetingQuery, ConsoleProcessQuery } from '../api/console';
import { AgendaPanel } from '../components/agenda-panel';
import { AttendancePanel } from '../components/attendance-panel';
import { DoorPanel } from '../components/door-panel';
import { MeetingControls } from '../components/meeting-controls';
import { ProposalControl } from '../components/proposal-control';
import { TimerPanel } from '../components/timer-panel';
import { ItemProposalTitles } from '../components/item-proposal-titles';

/** The facilitator's console: agenda, timer, attendance, voting, missing voices, moderation. */
export function ConsolePage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ConsoleMeetingQuery, { variables: { id: meetingId } });
  const processId = data?.meeting?.processId;
  const processQuery = useQuery(ConsoleProcessQuery, { variables: { id: processId ?? '' }, skip: !processId });
  const [selected, setSelected] = useState<string | null>(null);

  useLiveRoom(room.meeting(meetingId), {
    resync: () => refetch(),
    'meeting.state': () => void refetch(),
  });

  if (loading && !data) return <main id="main" className="page page--wide"><Loading /></main>;
  if (error && !data) return <main id="main" className="page page--wide"><ErrorMessage error={error} /></main>;
  const meeting = data?.meeting;
  if (!meeting) return <main id="main" className="page page--wide"><NotAvailable what={t('meeting.what')} /></main>;
  const process = processQuery.data?.process;
  const role = process?.myMembership?.role;
  if (process && !can(role, 'meeting.manage')) {
    return (
      <main id="main" className="page">
        <p className="form-error">{t('console.facilitatorOnly')}</p>
      </main>
    );
  }
  const current = meeting.agenda.find((i) => i.id === meeting.currentItemId) ?? null;
  const proposalIds = current?.proposalIds ?? [];
  const selectedProposal = selected && proposalIds.includes(selected) ? selected : (proposalIds[0] ?? null);
  const live = meeting.status === 'LIVE';
  // Paper ballots come from members who may never have opened the app: offer everyone we know.
  const voters = new Map(meeting.attendance.map((a) => [a.participantId, a]));
  for (const m of process?.members ?? []) {
    if (!voters.has(m.participantId)) {
      voters.set(m.participantId, { participantId: m.participantId, displayName: m.participant.displayName, organization: m.organization ?? null, sector: m.sector, guest: false });
    }
  }

  return (
    <main id="main" className="page page--wide stack">
      <PageTitle title={t('console.title', { title: meeting.title })} />
      <p className="small">
        <Link to={`/p/${meeting.processId}`}>← {process?.title ?? t('process.what')}</Link>
      </p>
      <MeetingControls meeting={meeting} />
      <div className="console">
        <div className="stack">
          <AgendaPanel meetingId={meeting.id} items={meeting.agenda} currentItemId={meeting.currentItemId} live={live} />
          <TimerPanel key={current?.id ?? 'none'} meetingId={meeting.id} timerEndsAt={meeting.timerEndsAt} defaultMinutes={current?.plannedMinutes ?? 10} live={live} />
          <DoorPanel meeting={meeting} />
          <AttendancePanel bySector={meeting.attendanceBySector} total={meeting.attendanceCount} />
        </div>
        <section className="card stack" aria-labelledby="console-current">
          <h2 id="console-current">{current ? t('console.currentItem', { title: current.title }) : t('console.noCurrentItem')}</h2>
          {current && proposalIds.length === 0 && <p className="muted">{t('console.itemWithoutProposals')}</p>}
          {proposalIds.length > 1 && (
            <Tabs idPrefix="item-proposal" label={t('console.itemProposals')} selected={selectedProposal ?? ''} onSelect={setSelected} items={proposalIds.map((id, i) => ({ id, label: <ItemProposalTitles id={id} index={i} /> }))} />
          )}
          {selectedProposal && process && (
            <div {...(proposalIds.length > 1 ? tabPanelProps('item-proposal', selectedProposal) : {})}>
              <ProposalControl
                key={selectedProposal}
                proposalId={selectedProposal}
                processId={meeting.processId}
                meetingId={meeting.id}
                attendees={[...voters.values()]}
                defaultRule={process.defaultRule}
                defaultBallot={process.defaultBallot}
              />
            </div>
          )}
        </section>
      </div>
      <ConsoleThemes meetingId={meeting.id} />
    </main>
  );
}
