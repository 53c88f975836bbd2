import { useMutation, useQuery } from '@apollo/client/react';
import { OUTCOME_LABELS, formatPercent, type Ballot, type DecisionRule, type Sector } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SectorBadge, StatusChip } from '../../../components/chips';
import { ErrorMessage, Loading } from '../../../components/status';
import { SealedTally } from '../../../components/sealed-tally';
import { TallyChart } from '../../../components/tally-chart';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useMissingVoices } from '../../../hooks/use-missing-voices';
import { useLang } from '../../../lib/i18n';
import { withLiveTally } from '../../../lib/tally-cache';
import { CloseVotingMutation, ConsoleProposalQuery } from '../api/console';
import { ModerationList, type ModeratedComment } from './moderation-list';
import { OpenVotingForm } from './open-voting-form';
import { ProxyVoteForm } from './proxy-vote-form';

interface Attendee {
  participantId: string;
  displayName: string;
  organization?: string | null;
  sector: Sector;
}

/** Everything the facilitator does with one proposal of the current item. */
export function ProposalControl({
  proposalId,
  processId,
  meetingId,
  attendees,
  defaultRule,
  defaultBallot,
}: {
  proposalId: string;
  processId: string;
  meetingId: string;
  attendees: ReadonlyArray<Attendee>;
  defaultRule: DecisionRule;
  defaultBallot: Ballot;
}) {
  const { t } = useTranslation();
  const { label } = useLang();
  const variables = { id: proposalId };
  const { data, loading, error, refetch, client } = useQuery(ConsoleProposalQuery, { variables });
  // Sectors in the room that have neither commented nor voted (Proposal.missingVoices, kept live).
  const missing = useMissingVoices(proposalId, meetingId);
  const [close, closeState] = useMutation(CloseVotingMutation, { refetchQueries: [ConsoleProposalQuery] });
  const [closedRecord, setClosedRecord] = useState<{ outcome: string; seq: number } | null>(null);

  useLiveRoom(room.proposal(proposalId), {
    resync: () => refetch(),
    'vote.tally': (e) =>
      client.cache.updateQuery({ query: ConsoleProposalQuery, variables }, (prev) => withLiveTally(prev, e)),
    'comment.created': () => void refetch(),
    'comment.hidden': () => void refetch(),
    'voting.opened': () => void refetch(),
    'voting.closed': () => void refetch(),
    'proposal.updated': () => void refetch(),
  });

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} />;
  const p = data?.proposal;
  if (!p) return null;
  const round = p.currentRound;
  const open = round?.status === 'OPEN';
  const comments: ModeratedComment[] = p.comments.flatMap((c) => [c, ...c.replies]);

  async function handleClose() {
    if (!window.confirm(t('console.confirmClose'))) return;
    const res = await close({ variables: { proposalId } }).catch(() => null);
    if (res?.data) setClosedRecord({ outcome: res.data.closeVoting.outcome, seq: res.data.closeVoting.seq });
  }

  return (
    <div className="stack" data-testid="proposal-control">
      <div className="row">
        <StatusChip status={p.status} />
        <h3 style={{ margin: 0 }}>
          <Link to={`/p/${processId}/proposals/${p.id}`}>{p.title}</Link>
        </h3>
      </div>

      <div className="stack">
        <h4>{t('console.missingVoices')}</h4>
        {missing === null ? (
          <Loading />
        ) : missing.length === 0 ? (
          <p className="muted">{t('console.noMissingVoices')}</p>
        ) : (
          <p className="row" data-testid="missing-voices">
            {missing.map((s) => (
              <SectorBadge key={s} sector={s} />
            ))}
            <span className="muted small">{t('console.missingVoicesHint')}</span>
          </p>
        )}
      </div>

      {open && (
        <div className="stack">
          {p.tally ? <TallyChart tally={p.tally} title={t('voting.bySector')} /> : <SealedTally turnout={round.turnout} />}
          {p.bridgingScore != null && <p>{t('voting.bridging', { value: formatPercent(p.bridgingScore) })}</p>}
          <div>
            <button type="button" className="btn btn--danger btn--solid btn--big" onClick={() => void handleClose()} disabled={closeState.loading}>
              {t('console.closeVoting')}
            </button>
          </div>
          <ErrorMessage error={closeState.error} />
          <ProxyVoteForm proposalId={p.id} attendees={attendees} />
        </div>
      )}
      {!open && round?.status === 'CLOSED' && (
        <div className="stack">
          {p.tally && <TallyChart tally={p.tally} title={t('voting.resultTitle')} />}
          <p className="notice" role="status">
            {closedRecord
              ? t('console.closedWith', { outcome: label(OUTCOME_LABELS[closedRecord.outcome as keyof typeof OUTCOME_LABELS]), seq: closedRecord.seq })
              : t('console.roundClosed')}{' '}
            <Link to={`/p/${processId}/desk`}>{t('console.toDesk')}</Link>
          </p>
        </div>
      )}
      {!open && p.status === 'OPEN' && <OpenVotingForm proposalId={p.id} defaultRule={defaultRule} defaultBallot={defaultBallot} />}

      <details className="card" open={comments.length > 0}>
        <summary>
          <strong>{t('console.moderation', { count: p.commentCount })}</strong>
        </summary>
        <ModerationList comments={comments} />
      </details>
    </div>
  );
}
