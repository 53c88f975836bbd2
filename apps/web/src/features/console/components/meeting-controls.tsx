import { useMutation } from '@apollo/client/react';
import { formatJoinCode, type MeetingStatus } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { MeetingStatusChip } from '../../../components/chips';
import { LiveIndicator } from '../../../components/live-indicator';
import { ErrorMessage } from '../../../components/status';
import { ConsoleMeetingQuery, EndMeetingMutation, StartMeetingMutation } from '../api/console';

/** Start/end and the big join code, read aloud from the laptop as well as shown on the projector. */
export function MeetingControls({ meeting }: { meeting: { id: string; title: string; status: MeetingStatus; joinCode?: string | null } }) {
  const { t } = useTranslation();
  const [start, startState] = useMutation(StartMeetingMutation, { refetchQueries: [ConsoleMeetingQuery] });
  const [end, endState] = useMutation(EndMeetingMutation, { refetchQueries: [ConsoleMeetingQuery] });

  async function handleEnd() {
    if (!window.confirm(t('console.confirmEnd'))) return;
    await end({ variables: { meetingId: meeting.id } }).catch(() => null);
  }

  return (
    <section className="card stack" aria-labelledby="console-meeting">
      <div className="row">
        <MeetingStatusChip status={meeting.status} />
        <h1 id="console-meeting" style={{ margin: 0 }}>
          {meeting.title}
        </h1>
        <LiveIndicator className="push-right" />
      </div>
      {meeting.joinCode && (
        <p className="console-code">
          <span className="muted">{t('console.joinCode')}</span>{' '}
          <strong className="join-code" data-testid="console-join-code" aria-label={meeting.joinCode.split('').join(' ')}>
            {formatJoinCode(meeting.joinCode)}
          </strong>
          <span className="muted small"> {t('console.joinAt', { url: `${window.location.origin}/join` })}</span>
        </p>
      )}
      <div className="row">
        {meeting.status === 'SCHEDULED' && (
          <button type="button" className="btn btn--primary btn--big" onClick={() => void start({ variables: { meetingId: meeting.id } }).catch(() => null)} disabled={startState.loading}>
            {t('console.start')}
          </button>
        )}
        {meeting.status !== 'ENDED' && (
          <a className="btn" href={`/meetings/${meeting.id}/screen`} target="_blank" rel="noopener">
            {t('console.openScreen')}
          </a>
        )}
        {meeting.status === 'LIVE' && (
          <button type="button" className="btn btn--danger" onClick={() => void handleEnd()} disabled={endState.loading}>
            {t('console.end')}
          </button>
        )}
      </div>
      <ErrorMessage error={startState.error ?? endState.error} />
    </section>
  );
}
