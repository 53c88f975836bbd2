import { useMutation } from '@apollo/client/react';
import { BALLOT_LABELS, CHOICE_LABELS, RULE_LABELS, VOTE_CHOICES, formatPercent, type Ballot, type DecisionRule, type VoteChoice } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { pendingRequest, requestAnswered } from '../../../lib/ids';
import { useLang } from '../../../lib/i18n';
import { CastVoteMutation, ProposalPageQuery } from '../api/proposal-page';

export interface RoundView {
  id: string;
  rule: DecisionRule;
  threshold: number;
  minSectors: number;
  ballot: Ballot;
}

/** The decision rule in one sentence, with its parameters. */
export function RuleSummary({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const l = RULE_LABELS[round.rule];
  return (
    <div className="stack">
      <p>
        <strong>{label(l)}</strong>
        {round.rule !== 'MAJORITY' && ` · ${t('voting.threshold', { value: formatPercent(round.threshold) })}`}
        {round.rule === 'CROSS_SECTOR' && ` · ${t('voting.minSectors', { n: round.minSectors })}`}
        {` · ${label(BALLOT_LABELS[round.ballot])}`}
      </p>
      <p className="muted small">{lang === 'ja' ? l.descriptionJa : l.descriptionEn}</p>
    </div>
  );
}

/** 賛成・反対・棄権・ブロック with an optional reason; changeable while the round is open. */
export function VotePanel({ proposalId, myVote }: { proposalId: string; myVote: { choice: VoteChoice; reason?: string | null } | null }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const [choice, setChoice] = useState<VoteChoice | null>(myVote?.choice ?? null);
  const [reason, setReason] = useState(myVote?.reason ?? '');
  const [notice, setNotice] = useState('');
  const [cast, { loading, error }] = useMutation(CastVoteMutation, { refetchQueries: [ProposalPageQuery] });
  const unchanged = myVote !== null && choice === myVote.choice && reason.trim() === (myVote.reason ?? '');

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (!choice) return;
    setNotice('');
    // After a lost answer the same choice is resent with the same id; another choice gets a new one.
    const scope = `vote:${proposalId}`;
    const clientRequestId = pendingRequest(scope, { choice, reason: reason.trim() || null });
    const res = await cast({ variables: { input: { proposalId, choice, reason: reason.trim() || null, clientRequestId } } }).catch(() => null);
    if (res?.data) {
      requestAnswered(scope);
      setNotice(t('voting.recorded', { choice: label(CHOICE_LABELS[res.data.castVote.choice]) }));
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void handleSubmit(e)} data-testid="vote-panel">
      <fieldset className="stack">
        <legend>{t('voting.yourVote')}</legend>
        {myVote && (
          <p className="muted" data-testid="my-vote">
            {t('voting.current', { choice: label(CHOICE_LABELS[myVote.choice]) })}
          </p>
        )}
        <div className="vote-choices">
          {VOTE_CHOICES.map((c) => (
            <button key={c} type="button" className={`vote-choice vote-choice--${c}`} aria-pressed={choice === c} onClick={() => setChoice(c)}>
              {label(CHOICE_LABELS[c])}
            </button>
          ))}
        </div>
        {choice === 'BLOCK' && <p className="notice" style={{ background: 'var(--c-warn-bg)', borderColor: 'var(--c-warn)', color: 'var(--c-warn)' }}>{t('voting.blockHint')}</p>}
      </fieldset>
      <div className="field">
        <label htmlFor="vote-reason">{t('voting.reason')}</label>
        <textarea id="vote-reason" className="textarea" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="vote-reason-hint" />
        <span id="vote-reason-hint" className="hint">
          {t('voting.reasonHint')}
        </span>
      </div>
      <ErrorMessage error={error} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <button type="submit" className="btn btn--primary btn--big btn--block" disabled={!choice || loading || unchanged}>
        {myVote ? t('voting.change') : t('voting.submit')}
      </button>
    </form>
  );
}
