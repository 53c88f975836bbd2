import { useQuery } from '@apollo/client/react';
import { RULE_LABELS, SECTOR_LABELS, formatPercent } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useTranslation } from 'react-i18next';
import { SectorBadge, StanceChip, StatusChip } from '../../../components/chips';
import { SealedTally } from '../../../components/sealed-tally';
import { TallyChart } from '../../../components/tally-chart';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useMissingVoices } from '../../../hooks/use-missing-voices';
import { useLang } from '../../../lib/i18n';
import { withLiveTally } from '../../../lib/tally-cache';
import { ScreenProposalQuery } from '../api/screen';

const LATEST_COMMENTS = 3;

/** The featured proposal: live per-sector chart, bridging score, missing voices and the latest comments. */
export function ScreenProposal({ proposalId, meetingId }: { proposalId: string; meetingId: string }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const variables = { id: proposalId };
  const { data, refetch, client } = useQuery(ScreenProposalQuery, { variables });
  const missing = useMissingVoices(proposalId, meetingId);

  useLiveRoom(room.proposal(proposalId), {
    resync: () => refetch(),
    'vote.tally': (e) =>
      client.cache.updateQuery({ query: ScreenProposalQuery, variables }, (prev) => withLiveTally(prev, e)),
    'comment.created': () => void refetch(),
    'comment.hidden': () => void refetch(),
    'voting.opened': () => void refetch(),
    'voting.closed': () => void refetch(),
    'proposal.updated': () => void refetch(),
  });

  const p = data?.proposal;
  if (!p) return null;
  // Already newest first (comments(newestFirst: true)).
  const latest = p.comments.filter((c) => !c.hidden && c.body).slice(0, LATEST_COMMENTS);
  const voting = p.currentRound?.status === 'OPEN';

  return (
    <div className="screen-proposal">
      <div className="screen-main">
        <div className="row">
          <StatusChip status={p.status} />
          {p.currentRound && <span className="screen-rule">{label(RULE_LABELS[p.currentRound.rule])}</span>}
        </div>
        <h2 className="screen-proposal-title">{p.title}</h2>
        {p.tally ? (
          <>
            <TallyChart tally={p.tally} variant="projector" />
            <p className="screen-bridging" data-testid="screen-bridging">
              {t('screen.bridging')} <strong>{p.bridgingScore != null ? formatPercent(p.bridgingScore) : '—'}</strong>
            </p>
          </>
        ) : voting && p.currentRound?.ballot === 'SECRET' ? (
          <SealedTally turnout={p.currentRound.turnout} variant="projector" />
        ) : (
          <p className="screen-muted">{voting ? t('tally.noVotes') : t('screen.discussing')}</p>
        )}
        {missing !== null && (
          <div className="screen-missing" data-testid="screen-missing-voices" aria-live="polite">
            <p className="screen-missing-label">{t('screen.missingVoices')}</p>
            {missing.length === 0 ? (
              <p className="screen-missing-none">{t('screen.noMissingVoices')}</p>
            ) : (
              <ul className="screen-missing-list">
                {missing.map((s) => {
                  const name = label(SECTOR_LABELS[s]);
                  // 住民 is its own short form: the badge alone, read out as the full name.
                  return (
                    <li key={s}>
                      <span className="screen-missing-short" aria-hidden={name !== SECTOR_LABELS[s].short}>
                        {SECTOR_LABELS[s].short}
                      </span>
                      {name !== SECTOR_LABELS[s].short && name}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}
      </div>
      <aside className="screen-comments" aria-label={t('screen.latestComments')}>
        <h3>{t('screen.latestComments')}</h3>
        {latest.length === 0 && <p className="screen-muted">{t('comments.none')}</p>}
        <ul>
          {latest.map((c) => (
            <li key={c.id} className={`screen-comment comment--${c.stance}`}>
              <div className="row">
                <StanceChip stance={c.stance} />
                <SectorBadge sector={c.authorSector} />
                <span>{c.author.displayName}</span>
              </div>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
