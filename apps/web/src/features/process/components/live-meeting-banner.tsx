import { useQuery } from '@apollo/client/react';
import { formatJoinCode } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MeetingStatusChip } from '../../../components/chips';
import { formatDateTime } from '../../../lib/format';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useLang } from '../../../lib/i18n';
import { ProcessMeetingsQuery } from '../api/process';

interface MeetingRow {
  id: string;
  title: string;
  status: 'SCHEDULED' | 'LIVE' | 'ENDED';
  startsAt?: string | null;
  location?: string | null;
  joinCode?: string | null;
  currentItem?: { id: string; title: string; proposalIds: ReadonlyArray<string> } | null;
}

function LiveMeeting({ meeting, processId, canManage }: { meeting: MeetingRow; processId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { refetch } = useQuery(ProcessMeetingsQuery, { variables: { id: processId } });
  // The facilitator moves the agenda on: follow it without a reload.
  useLiveRoom(room.meeting(meeting.id), { resync: () => refetch(), 'meeting.state': () => void refetch() });
  const firstProposal = meeting.currentItem?.proposalIds[0];
  return (
    <section className="card stack live-meeting" aria-labelledby={`meeting-${meeting.id}`} data-testid="live-meeting">
      <div className="row">
        <MeetingStatusChip status={meeting.status} />
        <h2 id={`meeting-${meeting.id}`} style={{ margin: 0 }}>
          {meeting.title}
        </h2>
      </div>
      {canManage && meeting.joinCode && (
        <p>
          {t('process.joinCodeLabel')}{' '}
          <strong className="join-code" style={{ fontSize: '1.6rem' }} data-testid="banner-join-code">
            {formatJoinCode(meeting.joinCode)}
          </strong>
        </p>
      )}
      <p aria-live="polite">
        {meeting.currentItem ? t('process.currentItem', { title: meeting.currentItem.title }) : t('process.noCurrentItem')}
      </p>
      <div className="row">
        {firstProposal && (
          <Link className="btn btn--primary btn--big" to={`/p/${processId}/proposals/${firstProposal}`}>
            {t('process.toCurrentProposal')}
          </Link>
        )}
        {canManage && (
          <>
            <Link className="btn" to={`/m/${meeting.id}/console`}>
              {t('nav.console')}
            </Link>
            <a className="btn" href={`/meetings/${meeting.id}/screen`} target="_blank" rel="noopener">
              {t('console.openScreen')}
            </a>
          </>
        )}
      </div>
    </section>
  );
}

/** Live meetings first (with the current item); upcoming ones for those who run them. */
export function LiveMeetingBanner({ processId, canManage }: { processId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { data } = useQuery(ProcessMeetingsQuery, { variables: { id: processId } });
  const meetings = data?.process?.meetings ?? [];
  const live = meetings.filter((m) => m.status === 'LIVE');
  const upcoming = canManage ? meetings.filter((m) => m.status !== 'LIVE') : [];
  if (live.length === 0 && upcoming.length === 0) return null;
  return (
    <div className="stack">
      {live.map((m) => (
        <LiveMeeting key={m.id} meeting={m} processId={processId} canManage={canManage} />
      ))}
      {upcoming.length > 0 && (
        <details className="card">
          <summary>
            <strong>{t('process.meetings', { count: upcoming.length })}</strong>
          </summary>
          <ul className="list">
            {upcoming.map((m) => (
              <li key={m.id} className="row">
                <MeetingStatusChip status={m.status} />
                <Link to={`/m/${m.id}/console`}>{m.title}</Link>
                {m.startsAt && <span className="muted small">{formatDateTime(m.startsAt, lang)}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
