import { useQuery } from '@apollo/client/react';
import { can, formatPercent } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { SectorBadge, StatusChip } from '../../../components/chips';
import { KpiTable } from '../../../components/kpi-table';
import { LiveIndicator } from '../../../components/live-indicator';
import { Markdown } from '../../../components/markdown';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { SealedTally } from '../../../components/sealed-tally';
import { TallyChart } from '../../../components/tally-chart';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useMe } from '../../../hooks/use-me';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { withLiveTally } from '../../../lib/tally-cache';
import { MoreCommentsQuery, ProposalContextQuery, ProposalPageQuery } from '../api/proposal-page';
import { CommentForm } from '../components/comment-form';
import { CommentThread } from '../components/comment-thread';
import { RuleSummary, VotePanel } from '../components/vote-panel';
import { VersionHistory } from '../components/version-history';

export function ProposalPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { processId = '', proposalId = '' } = useParams();
  const { data, loading, error, refetch, client } = useQuery(ProposalPageQuery, { variables: { id: proposalId } });
  const context = useQuery(ProposalContextQuery, { variables: { processId } });
  const { me } = useMe();

  // Live: a new tally replaces ours in the cache; anything else refetches the proposal.
  useLiveRoom(room.proposal(proposalId), {
    resync: () => refetch(),
    'vote.tally': (e) => {
      client.cache.updateQuery({ query: ProposalPageQuery, variables: { id: proposalId } }, (prev) => withLiveTally(prev, e));
    },
    'comment.created': () => void client.refetchQueries({ include: [ProposalPageQuery, MoreCommentsQuery] }),
    'comment.hidden': () => void client.refetchQueries({ include: [ProposalPageQuery, MoreCommentsQuery] }),
    'voting.opened': () => void refetch(),
    'voting.closed': () => void refetch(),
    'proposal.updated': () => void refetch(),
  });

  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const p = data?.proposal;
  if (!p) return <main id="main" className="page"><NotAvailable what={t('proposal.what')} /></main>;

  const process = context.data?.process;
  const role = process?.myMembership?.role;
  const pillar = process?.pillars.find((x) => x.id === p.pillarId);
  const round = p.currentRound?.status === 'OPEN' ? p.currentRound : null;
  const canComment = can(role, 'comment.add') && (p.status === 'OPEN' || p.status === 'VOTING');
  const canAmend = (p.authorId === me?.id || can(role, 'proposal.amendAny')) && (p.status === 'OPEN' || p.status === 'DRAFT');

  return (
    <main id="main" className="page stack">
      <PageTitle title={p.title} />
      <nav aria-label={t('nav.breadcrumb')} className="small">
        <Link to={`/p/${p.processId}${pillar ? `?pillar=${pillar.id}` : ''}`}>
          ← {process?.title ?? t('process.what')}
          {pillar ? ` / ${lang === 'en' && pillar.titleEn ? pillar.titleEn : pillar.title}` : ''}
        </Link>
      </nav>
      <header className="stack">
        <div className="row">
          <StatusChip status={p.status} />
          <span className="chip chip--DRAFT">{t('proposal.versionN', { n: p.version })}</span>
          <LiveIndicator className="push-right" />
        </div>
        <h1>{p.title}</h1>
        <p className="muted row">
          {p.authorSector && <SectorBadge sector={p.authorSector} />}
          <span>
            {p.author.displayName}
            {p.author.organization ? `（${p.author.organization}）` : ''}
          </span>
          <time dateTime={p.updatedAt}>{formatDateTime(p.updatedAt, lang)}</time>
        </p>
        {canAmend && (
          <p>
            <Link className="btn" to={`/p/${p.processId}/proposals/${p.id}/edit`}>
              {t('proposal.amend')}
            </Link>
          </p>
        )}
      </header>

      {(round || p.tally) && (
        <section className="card stack" aria-labelledby="voting-heading">
          <div className="row">
            <h2 id="voting-heading" style={{ margin: 0 }}>
              {round ? t('voting.openTitle') : t('voting.resultTitle')}
            </h2>
          </div>
          {round && <RuleSummary round={round} />}
          {round && can(role, 'vote.cast') && <VotePanel key={round.id} proposalId={p.id} myVote={p.myVote ?? null} />}
          {round && !can(role, 'vote.cast') && <p className="muted">{t('voting.cannotVote')}</p>}
          {p.tally ? <TallyChart tally={p.tally} title={t('voting.bySector')} /> : round && <SealedTally turnout={round.turnout} />}
          {p.bridgingScore != null && (
            <p>
              {t('voting.bridging', { value: formatPercent(p.bridgingScore) })} <span className="muted small">{t('voting.bridgingHint')}</span>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="body-heading" className="stack">
        <h2 id="body-heading" className="visually-hidden">
          {t('proposal.body')}
        </h2>
        <Markdown>{p.body}</Markdown>
      </section>

      <section aria-labelledby="kpi-heading" className="stack">
        <h2 id="kpi-heading">{t('kpi.title')}</h2>
        <KpiTable kpis={p.kpis} />
      </section>

      <section aria-labelledby="versions-heading" className="stack">
        <h2 id="versions-heading">{t('versions.title')}</h2>
        <VersionHistory proposalId={p.id} versions={p.versions} />
      </section>

      <section aria-labelledby="comments-heading" className="stack">
        <h2 id="comments-heading">{t('comments.title', { count: p.commentCount })}</h2>
        {canComment && <CommentForm proposalId={p.id} />}
        <CommentThread comments={p.comments} proposalId={p.id} canReply={canComment} />
      </section>
    </main>
  );
}
