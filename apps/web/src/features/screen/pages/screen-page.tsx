import { useQuery } from '@apollo/client/react';
import { SECTOR_LABELS, formatJoinCode } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LiveIndicator } from '../../../components/live-indicator';
import { PageTitle } from '../../../components/page-title';
import { useCountdown } from '../../../hooks/use-countdown';
import { useLang } from '../../../lib/i18n';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useMe } from '../../../hooks/use-me';
import { formatCountdown } from '../../../lib/format';
import { ScreenMeetingQuery, ScreenProcessQuery } from '../api/screen';
import { ScreenProposal } from '../components/screen-proposal';
import { ScreenThemes } from '../components/screen-themes';
import '../screen.css';

/**
 * The projector: join code and QR, the current item, the live per-sector chart. No controls;
 * dark, large type, readable from the back of a hall.
 */
export function ScreenPage() {
  const { t } = useTranslation();
  const { label } = useLang();
  const { meetingId = '' } = useParams();
  const { me, loading: meLoading } = useMe();
  const { data, error, refetch } = useQuery(ScreenMeetingQuery, { variables: { id: meetingId }, skip: !me });
  const meeting = data?.meeting;
  const processQuery = useQuery(ScreenProcessQuery, { variables: { id: meeting?.processId ?? '' }, skip: !meeting });
  const remaining = useCountdown(meeting?.timerEndsAt ?? null);

  useLiveRoom(me ? room.meeting(meetingId) : null, {
    resync: () => refetch(),
    'meeting.state': () => void refetch(),
  });
  useLiveRoom(meeting ? room.process(meeting.processId) : null, {
    resync: () => processQuery.refetch(),
    'proposal.updated': () => void processQuery.refetch(),
    'voting.opened': () => void processQuery.refetch(),
    'voting.closed': () => void processQuery.refetch(),
  });

  if (!meLoading && !me) {
    return (
      <main className="screen screen--message">
        <p>{t('screen.signIn')}</p>
        <Link to={`/signin?next=/meetings/${meetingId}/screen`} className="btn btn--primary btn--big">
          {t('nav.signIn')}
        </Link>
      </main>
    );
  }
  if (error && !data) {
    return (
      <main className="screen screen--message">
        <p>{t('screen.unavailable')}</p>
      </main>
    );
  }
  if (!meeting) return <main className="screen screen--message" aria-busy="true" />;

  const votingIds = new Set(processQuery.data?.process?.proposals.map((p) => p.id) ?? []);
  const itemProposals = meeting.currentItem?.proposalIds ?? [];
  const featured = itemProposals.find((id) => votingIds.has(id)) ?? itemProposals[0] ?? null;
  // The QR carries the meeting's token: scanning it is never held back by a mistyped-code lock.
  const joinUrl = meeting.joinCode ? `${window.location.origin}/j/${meeting.joinCode}${meeting.joinToken ? `?t=${encodeURIComponent(meeting.joinToken)}` : ''}` : null;
  // Who is missing from the room against the process's targets (live: refetched on meeting.state).
  const under = meeting.attendanceCount > 0 ? meeting.representation.filter((r) => r.underRepresented) : [];

  return (
    <main className="screen" data-testid="screen">
      <PageTitle title={meeting.title} />
      <header className="screen-header">
        <div>
          <p className="screen-process">{processQuery.data?.process?.title}</p>
          <h1 className="screen-title">{meeting.title}</h1>
        </div>
        {meeting.status === 'LIVE' && meeting.joinCode && joinUrl ? (
          <div className="screen-join">
            <div>
              <p className="screen-join-label">{t('screen.joinWith')}</p>
              <p className="screen-join-code join-code" data-testid="screen-join-code">
                {formatJoinCode(meeting.joinCode)}
              </p>
              <p className="screen-join-url">{`${window.location.host}/join`}</p>
            </div>
            <div className="screen-qr">
              <QRCodeSVG value={joinUrl} size={220} level="M" marginSize={2} title={t('screen.qrTitle')} />
            </div>
          </div>
        ) : (
          <p className="screen-status">{meeting.status === 'ENDED' ? t('screen.ended') : t('screen.notStarted')}</p>
        )}
      </header>
      <section className="screen-item" aria-live="polite">
        <div className="row screen-item-row">
          <p className="screen-item-label">{t('screen.currentItem')}</p>
          <p className="screen-item-title" data-testid="screen-item-title">
            {meeting.currentItem ? `${meeting.currentItem.position}. ${meeting.currentItem.title}` : t('screen.noItem')}
          </p>
          {remaining !== null && (
            <p className={`screen-timer${remaining === 0 ? ' screen-timer--over' : ''}`} role="timer">
              {formatCountdown(remaining)}
            </p>
          )}
          <p className="screen-attendance">{t('screen.attendance', { count: meeting.attendanceCount })}</p>
          <LiveIndicator className="screen-live" />
        </div>
        {under.length > 0 && (
          <p className="screen-representation" data-testid="screen-representation">
            <span aria-hidden="true">⚠ </span>
            {t('screen.underRepresented', { sectors: under.map((r) => label(SECTOR_LABELS[r.sector])).join(t('common.listSeparator')) })}
          </p>
        )}
      </section>
      {featured && <ScreenProposal key={featured} proposalId={featured} meetingId={meeting.id} />}
      <ScreenThemes meetingId={meeting.id} />
    </main>
  );
}
