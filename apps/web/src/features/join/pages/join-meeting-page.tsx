import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { normalizeJoinCode, type Sector } from '@yoriai/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { MeetingStatusChip } from '../../../components/chips';
import { PageTitle } from '../../../components/page-title';
import { SectorChoice } from '../../../components/sector-choice';
import { ErrorMessage, Loading } from '../../../components/status';
import { useMe } from '../../../hooks/use-me';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { sessionChanged } from '../../../lib/session';
import { JoinMeetingMutation, JoinedMeetingQuery, MeetingByJoinCodeQuery } from '../api/join';

/**
 * `/j/:code` (the QR on the projector points here, with `?t=` its token that no mistyped-code lock
 * holds back): the meeting preview, then name, sector and organisation. A signed-in member joins with
 * their account; everyone else as a guest of this process, bound to this device (joining again is the
 * same guest). At a door with approval the page waits until a facilitator admits or turns them away.
 */
export function JoinMeetingPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { code: raw = '' } = useParams();
  const code = normalizeJoinCode(raw);
  const [search] = useSearchParams();
  const joinToken = search.get('t');
  const { me } = useMe();
  const preview = useQuery(MeetingByJoinCodeQuery, { variables: { code: code ?? '', joinToken }, skip: !code, fetchPolicy: 'network-only' });
  const [anotherPerson, setAnotherPerson] = useState(false);
  const [waiting, setWaiting] = useState<'PENDING' | 'DENIED' | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [organization, setOrganization] = useState('');
  const [sector, setSector] = useState<Sector | null>(null);
  const [touched, setTouched] = useState(false);
  const [join, { loading, error }] = useMutation(JoinMeetingMutation);
  const asAccount = me?.kind === 'ACCOUNT';
  const meetingId = preview.data?.meetingByJoinCode?.meetingId;

  // Waiting at the door: re-read every few seconds (nothing is lost if a live event is), and go in
  // as soon as the meeting opens to this person.
  useEffect(() => {
    if (waiting !== 'PENDING' || !meetingId) return;
    const timer = window.setInterval(() => {
      void client
        .query({ query: JoinedMeetingQuery, variables: { id: meetingId }, fetchPolicy: 'network-only' })
        .then(async (r) => {
          const processId = r.data?.meeting?.processId;
          if (processId) await navigate(`/p/${processId}?meeting=${meetingId}`, { replace: true });
        })
        .catch((e: unknown) => {
          const errors = (e as { errors?: ReadonlyArray<{ extensions?: { reason?: unknown } }> }).errors ?? [];
          if (errors.some((x) => x.extensions?.reason === 'ADMISSION_DENIED')) setWaiting('DENIED');
        });
    }, 3000);
    return () => window.clearInterval(timer);
  }, [waiting, meetingId, client, navigate]);

  if (!code) {
    return (
      <main id="main" className="page page--narrow stack">
        <h1>{t('join.title')}</h1>
        <p role="alert" className="form-error">
          {t('join.codeMalformed')}
        </p>
        <Link className="btn btn--primary" to="/join">
          {t('join.retype')}
        </Link>
      </main>
    );
  }
  if (preview.loading && !preview.data) return <main id="main" className="page page--narrow"><Loading /></main>;
  const meeting = preview.data?.meetingByJoinCode;
  if (preview.error || !meeting) {
    return (
      <main id="main" className="page page--narrow stack">
        <h1>{t('join.title')}</h1>
        {preview.error ? <ErrorMessage error={preview.error} /> : <p className="form-error">{t('join.notFound')}</p>}
        <Link className="btn btn--primary" to="/join">
          {t('join.retype')}
        </Link>
      </main>
    );
  }

  const nameMissing = !asAccount && !displayName.trim();

  if (waiting) {
    return (
      <main id="main" className="page page--narrow stack">
        <PageTitle title={t('join.pendingTitle')} />
        <section className="card stack" aria-live="polite" data-testid="join-waiting">
          <p className="muted small">{meeting.processTitle}</p>
          <h1>{waiting === 'PENDING' ? t('join.pendingTitle') : meeting.title}</h1>
          {waiting === 'PENDING' ? <p>{t('join.pendingLead')}</p> : <p className="form-error">{t('join.denied')}</p>}
          {waiting === 'PENDING' && <Loading />}
        </section>
      </main>
    );
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!code || !meeting || !sector || nameMissing) return;
    const res = await join({
      variables: {
        input: {
          code,
          displayName: asAccount ? (me?.displayName ?? '-') : displayName.trim(),
          sector,
          organization: organization.trim() || null,
          anotherPerson: !asAccount && anotherPerson ? true : null,
          joinToken,
        },
      },
    }).catch(() => null);
    if (!res?.data) return;
    sessionChanged('signed-in');
    await client.resetStore();
    if (res.data.joinMeeting.admission === 'PENDING') {
      setWaiting('PENDING');
      return;
    }
    const joined = await client.query({ query: JoinedMeetingQuery, variables: { id: meeting.meetingId } }).catch(() => null);
    const processId = joined?.data?.meeting?.processId;
    await navigate(processId ? `/p/${processId}?meeting=${meeting.meetingId}` : '/', { replace: true });
  }

  return (
    <main id="main" className="page page--narrow stack">
      <PageTitle title={t('join.joinTitle', { title: meeting.title })} />
      <section className="card stack" aria-labelledby="preview-title">
        <p className="muted small">{meeting.processTitle}</p>
        <h1 id="preview-title">{meeting.title}</h1>
        <p className="row">
          <MeetingStatusChip status={meeting.status} />
          {meeting.startsAt && <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, lang)}</time>}
          {meeting.location && <span>{meeting.location}</span>}
        </p>
      </section>
      {meeting.status !== 'LIVE' ? (
        <p className="form-error">{meeting.status === 'ENDED' ? t('join.ended') : t('join.notStarted')}</p>
      ) : (
        <form className="stack" onSubmit={(e) => void handleSubmit(e)} noValidate>
          {asAccount ? (
            <p className="notice">{t('join.asAccount', { name: me?.displayName ?? '' })}</p>
          ) : (
            <div className="field">
              <label htmlFor="join-name">{t('join.displayName')}</label>
              <input
                id="join-name"
                className="input"
                autoComplete="name"
                maxLength={100}
                required
                value={displayName}
                aria-invalid={touched && nameMissing ? true : undefined}
                aria-describedby="join-name-hint"
                onChange={(e) => setDisplayName(e.target.value)}
              />
              <span id="join-name-hint" className="hint">
                {t('join.displayNameHint')}
              </span>
            </div>
          )}
          <SectorChoice name="join-sector" value={sector} onChange={setSector} invalid={touched && !sector} errorId="join-sector-error" />
          {touched && !sector && (
            <p id="join-sector-error" role="alert" className="error form-error">
              {t('join.sectorRequired')}
            </p>
          )}
          <div className="field">
            <label htmlFor="join-org">{t('join.organization')}</label>
            <input id="join-org" className="input" autoComplete="organization" maxLength={200} value={organization} onChange={(e) => setOrganization(e.target.value)} />
            <span className="hint">{t('common.optional')}</span>
          </div>
          {touched && nameMissing && (
            <p role="alert" className="form-error">
              {t('join.nameRequired')}
            </p>
          )}
          {!asAccount && (
            <div className="field">
              <label className="check">
                <input type="checkbox" checked={anotherPerson} onChange={(e) => setAnotherPerson(e.target.checked)} aria-describedby="join-another-hint" /> {t('join.anotherPerson')}
              </label>
              <span id="join-another-hint" className="hint">
                {t('join.anotherPersonHint')}
              </span>
            </div>
          )}
          {meeting.admission === 'MEMBERS_ONLY' && !asAccount && <p className="notice">{t('join.membersOnly')}</p>}
          <ErrorMessage error={error} />
          <button type="submit" className="btn btn--primary btn--big btn--block" disabled={loading}>
            {loading ? t('common.working') : t('join.submit')}
          </button>
          <p className="muted small">{t('join.privacy')}</p>
        </form>
      )}
    </main>
  );
}
