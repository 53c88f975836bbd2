import { useMutation } from '@apollo/client/react';
import { ROLES, ROLE_LABELS, type Role, type Sector } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectorName } from '../../../components/chips';
import { SectorSelect } from '../../../components/sector-choice';
import { ErrorMessage } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { AddMemberMutation, ProcessSettingsQuery, RemoveMemberMutation } from '../api/settings';

interface MemberRow {
  id: string;
  role: Role;
  sector: Sector;
  organization?: string | null;
  participantId: string;
  participant: { id: string; displayName: string; email?: string | null; kind: string };
}

export function MemberManager({ processId, members, myParticipantId }: { processId: string; members: ReadonlyArray<MemberRow>; myParticipantId: string | null }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('PARTICIPANT');
  const [sector, setSector] = useState<Sector | ''>('');
  const [organization, setOrganization] = useState('');
  const [notice, setNotice] = useState('');
  const [addMember, addState] = useMutation(AddMemberMutation, { refetchQueries: [ProcessSettingsQuery] });
  const [removeMember, removeState] = useMutation(RemoveMemberMutation, { refetchQueries: [ProcessSettingsQuery] });

  async function handleInvite(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    if (!email.trim() || !sector) return;
    const res = await addMember({
      variables: { input: { processId, email: email.trim(), role, sector, organization: organization.trim() || null } },
    }).catch(() => null);
    if (res?.data) {
      setNotice(t('settings.memberAdded', { name: res.data.addMember.participant.displayName }));
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
