import { useMutation } from '@apollo/client/react';
import { ROLES, ROLE_LABELS, type Role, type Sector } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectorName } from '../../../components/chips';
import { SectorSelect } from '../../../components/sector-choice';
import { ErrorMessage } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { InviteMemberMutation, ProcessSettingsQuery, RemoveMemberMutation, RevokeInvitationMutation } from '../api/settings';

interface MemberRow {
  id: string;
  role: Role;
  sector: Sector;
  organization?: string | null;
  participantId: string;
  participant: { id: string; displayName: string; email?: string | null; kind: string };
}

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  sector: Sector;
  organization?: string | null;
}

export function MemberManager({
  processId,
  members,
  invitations,
  myParticipantId,
}: {
  processId: string;
  members: ReadonlyArray<MemberRow>;
  invitations: ReadonlyArray<InvitationRow>;
  myParticipantId: string | null;
}) {
  const { t } = useTranslation();
  const { label } = useLang();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('PARTICIPANT');
  const [sector, setSector] = useState<Sector | ''>('');
  const [organization, setOrganization] = useState('');
  const [notice, setNotice] = useState('');
  const [inviteMember, addState] = useMutation(InviteMemberMutation, { refetchQueries: [ProcessSettingsQuery] });
  const [revokeInvitation, revokeState] = useMutation(RevokeInvitationMutation, { refetchQueries: [ProcessSettingsQuery] });
  const [removeMember, removeState] = useMutation(RemoveMemberMutation, { refetchQueries: [ProcessSettingsQuery] });

  async function handleInvite(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    if (!email.trim() || !sector) return;
    const res = await inviteMember({
      variables: { input: { processId, email: email.trim(), role, sector, organization: organization.trim() || null } },
    }).catch(() => null);
    if (res?.data) {
      // The same answer whether or not the address has an account: the person accepts after signing in.
      setNotice(t('settings.invited', { email: email.trim() }));
      setEmail('');
      setOrganization('');
    }
  }

  async function handleRemove(m: MemberRow) {
    if (!window.confirm(t('settings.confirmRemove', { name: m.participant.displayName }))) return;
    await removeMember({ variables: { processId, participantId: m.participantId } }).catch(() => null);
  }

  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table" data-testid="members-table">
          <caption className="visually-hidden">{t('settings.members')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.memberName')}</th>
              <th scope="col">{t('settings.role')}</th>
              <th scope="col">{t('settings.sector')}</th>
              <th scope="col">{t('settings.organization')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.participant.displayName}
                  {m.participant.email && <div className="muted small">{m.participant.email}</div>}
                  {m.participant.kind === 'GUEST' && <div className="muted small">{t('settings.guest')}</div>}
                </th>
                <td>{label(ROLE_LABELS[m.role])}</td>
                <td>
                  <SectorName sector={m.sector} />
                </td>
                <td>{m.organization ?? '—'}</td>
                <td>
                  {m.participantId !== myParticipantId && (
                    <button type="button" className="btn btn--danger" onClick={() => void handleRemove(m)} aria-label={t('settings.removeMember', { name: m.participant.displayName })}>
                      {t('settings.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={removeState.error} />
      {invitations.length > 0 && (
        <div className="stack" data-testid="pending-invitations">
          <h3>{t('settings.pendingInvitations')}</h3>
          <ul className="stack">
            {invitations.map((i) => (
              <li key={i.id} className="row">
                <span>{i.email}</span>
                <span className="muted small">{label(ROLE_LABELS[i.role])}</span>
                <SectorName sector={i.sector} />
                <button type="button" className="btn btn--quiet push-right" onClick={() => void revokeInvitation({ variables: { id: i.id } }).catch(() => null)}>
                  {t('settings.revokeInvitation')}
                </button>
              </li>
            ))}
          </ul>
          <ErrorMessage error={revokeState.error} />
        </div>
      )}
      <form className="card stack" onSubmit={(e) => void handleInvite(e)}>
        <h3>{t('settings.invite')}</h3>
        <p className="muted small">{t('settings.inviteHint')}</p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="invite-email">{t('auth.email')}</label>
            <input id="invite-email" className="input" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="invite-org">{t('settings.organization')}</label>
            <input id="invite-org" className="input" maxLength={200} value={organization} onChange={(e) => setOrganization(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="invite-role">{t('settings.role')}</label>
            <select id="invite-role" className="select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {label(ROLE_LABELS[r])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="invite-sector">{t('settings.sector')}</label>
            <SectorSelect id="invite-sector" value={sector} onChange={setSector} allowEmpty />
          </div>
        </div>
        <ErrorMessage error={addState.error} />
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <div>
          <button type="submit" className="btn btn--primary" disabled={!email.trim() || !sector || addState.loading}>
            {t('settings.inviteButton')}
          </button>
        </div>
      </form>
    </div>
  );
}
