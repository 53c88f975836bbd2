import { useMutation } from '@apollo/client/react';
import { CHOICE_LABELS, SECTOR_LABELS, VOTE_CHOICES, type Sector, type VoteChoice } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { CastProxyVoteMutation, ConsoleProposalQuery } from '../api/console';

interface Attendee {
  participantId: string;
  displayName: string;
  organization?: string | null;
  sector: Sector;
}

/** A paper ballot entered by the facilitator (flagged as proxy and audited by the API). */
export function ProxyVoteForm({ proposalId, attendees }: { proposalId: string; attendees: ReadonlyArray<Attendee> }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const [participantId, setParticipantId] = useState('');
  const [choice, setChoice] = useState<VoteChoice>('AGREE');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState('');
  const [cast, { loading, error }] = useMutation(CastProxyVoteMutation, { refetchQueries: [ConsoleProposalQuery] });

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    if (!participantId) return;
    const res = await cast({ variables: { input: { proposalId, participantId, choice, reason: reason.trim() || null } } }).catch(() => null);
    if (res?.data) {
      const who = attendees.find((a) => a.participantId === participantId)?.displayName ?? '';
      setNotice(t('console.proxyRecorded', { name: who, choice: label(CHOICE_LABELS[choice]) }));
      setReason('');
      setParticipantId('');
    }
  }

  return (
    <details className="card">
      <summary>
        <strong>{t('console.proxyTitle')}</strong>
      </summary>
      <form className="stack" onSubmit={(e) => void handleSubmit(e)}>
        <p className="muted small">{t('console.proxyHint')}</p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="proxy-participant">{t('console.proxyVoter')}</label>
            <select id="proxy-participant" className="select" value={participantId} onChange={(e) => setParticipantId(e.target.value)}>
              <option value="">{t('console.proxyChoose')}</option>
              {attendees.map((a) => (
                <option key={a.participantId} value={a.participantId}>
                  {a.displayName}（{SECTOR_LABELS[a.sector].short}
                  {a.organization ? `・${a.organization}` : ''}）
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="proxy-choice">{t('console.proxyChoice')}</label>
            <select id="proxy-choice" className="select" value={choice} onChange={(e) => setChoice(e.target.value as VoteChoice)}>
              {VOTE_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {label(CHOICE_LABELS[c])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="proxy-reason">{t('voting.reason')}</label>
          <input id="proxy-reason" className="input" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <div>
          <button type="submit" className="btn btn--primary" disabled={!participantId || loading}>
            {t('console.proxySubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
