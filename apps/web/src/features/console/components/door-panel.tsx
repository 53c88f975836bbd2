import { useMutation } from '@apollo/client/react';
import { ADMISSIONS, ADMISSION_LABELS, MAX_GUESTS_PER_DEVICE, type Admission, type Sector } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { SectorName } from '../../../components/chips';
import { ErrorMessage } from '../../../components/status';
import { formatTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { AdmitGuestMutation, ConsoleMeetingQuery, DenyGuestMutation, SetMeetingAdmissionMutation } from '../api/console';

interface Newcomer {
  participantId: string;
  displayName: string;
  organization?: string | null;
  sector: Sector;
  joinedAt: string;
}

/**
 * The door (docs/security.md, finding 1): who may join by code, how many guests one device may bring
 * in, and — with approval at the door — the newcomers waiting, each admitted or turned away in one tap.
 */
export function DoorPanel({ meeting }: { meeting: { id: string; status: string; admission: Admission; guestsPerDevice: number; pendingGuests: ReadonlyArray<Newcomer> } }) {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const refetch = { refetchQueries: [{ query: ConsoleMeetingQuery, variables: { id: meeting.id } }] };
  const [setAdmission, setState] = useMutation(SetMeetingAdmissionMutation, refetch);
  const [admit, admitState] = useMutation(AdmitGuestMutation, refetch);
  const [deny, denyState] = useMutation(DenyGuestMutation, refetch);
  const busy = admitState.loading || denyState.loading;
  const editable = meeting.status !== 'ENDED';

  return (
    <section className="card stack" aria-labelledby="console-door" data-testid="door">
      <h2 id="console-door">{t('console.door')}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="door-admission">{t('console.admission')}</label>
          <select
            id="door-admission"
            className="input"
            value={meeting.admission}
            disabled={!editable || setState.loading}
            onChange={(e) => void setAdmission({ variables: { meetingId: meeting.id, admission: e.target.value as Admission } }).catch(() => null)}
          >
            {ADMISSIONS.map((a) => (
              <option key={a} value={a}>
                {label(ADMISSION_LABELS[a])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="door-per-device">{t('console.guestsPerDevice')}</label>
          <select
            id="door-per-device"
            className="input"
            value={meeting.guestsPerDevice}
            disabled={!editable || setState.loading}
            onChange={(e) => void setAdmission({ variables: { meetingId: meeting.id, admission: meeting.admission, guestsPerDevice: Number(e.target.value) } }).catch(() => null)}
          >
            {Array.from({ length: MAX_GUESTS_PER_DEVICE }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {t('console.perDevice', { count: n })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {meeting.admission === 'CODE_WITH_APPROVAL' && (
        <div className="stack" aria-live="polite">
          <h3>{t('console.waiting', { count: meeting.pendingGuests.length })}</h3>
          {meeting.pendingGuests.length === 0 ? (
            <p className="muted small">{t('console.nobodyWaiting')}</p>
          ) : (
            <ul className="stack" data-testid="pending-guests">
              {meeting.pendingGuests.map((g) => (
                <li key={g.participantId} className="row">
                  <span>
                    <strong>{g.displayName}</strong> <SectorName sector={g.sector} />
                    {g.organization && <span className="muted small"> {g.organization}</span>}
                    <span className="muted small"> {formatTime(g.joinedAt, lang)}</span>
                  </span>
                  <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void admit({ variables: { meetingId: meeting.id, participantId: g.participantId } }).catch(() => null)} aria-label={t('console.admitName', { name: g.displayName })}>
                    {t('console.admit')}
                  </button>
                  <button type="button" className="btn btn--quiet" disabled={busy} onClick={() => void deny({ variables: { meetingId: meeting.id, participantId: g.participantId } }).catch(() => null)} aria-label={t('console.denyName', { name: g.displayName })}>
                    {t('console.deny')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorMessage error={setState.error ?? admitState.error ?? denyState.error} />
    </section>
  );
}
