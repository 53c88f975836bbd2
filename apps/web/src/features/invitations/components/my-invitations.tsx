import { useMutation, useQuery } from '@apollo/client/react';
import { ROLE_LABELS } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SectorName } from '../../../components/chips';
import { ErrorMessage } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { AcceptInvitationMutation, DeclineInvitationMutation, MyInvitationsQuery } from '../api/invitations';

/** Invitations to the signed-in account: nobody joins a process without accepting (docs/security.md). */
export function MyInvitations() {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const navigate = useNavigate();
  const { data } = useQuery(MyInvitationsQuery);
  const [accept, acceptState] = useMutation(AcceptInvitationMutation, { refetchQueries: 'active' });
  const [decline, declineState] = useMutation(DeclineInvitationMutation, { refetchQueries: [MyInvitationsQuery] });
  const invitations = data?.myInvitations ?? [];
  if (!invitations.length) return null;

  async function handleAccept(id: string, processId: string) {
    const res = await accept({ variables: { id } }).catch(() => null);
    if (res?.data) await navigate(`/p/${processId}`);
  }

  return (
    <section className="card stack" aria-labelledby="invitations-heading" data-testid="my-invitations">
      <h2 id="invitations-heading">{t('invitations.title')}</h2>
      <ul className="stack">
        {invitations.map((i) => (
          <li key={i.id} className="stack">
            <p>
              <strong>{i.processTitle}</strong>
              <br />
              <span className="muted small">
                {t('invitations.detail', { role: label(ROLE_LABELS[i.role]), by: i.invitedBy, until: formatDateTime(i.expiresAt, lang) })}
              </span>{' '}
              <SectorName sector={i.sector} />
            </p>
            <div className="row">
              <button type="button" className="btn btn--primary" onClick={() => void handleAccept(i.id, i.processId)} disabled={acceptState.loading}>
                {t('invitations.accept')}
              </button>
              <button type="button" className="btn btn--quiet" onClick={() => void decline({ variables: { id: i.id } }).catch(() => null)} disabled={declineState.loading}>
                {t('invitations.decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={acceptState.error ?? declineState.error} />
    </section>
  );
}
