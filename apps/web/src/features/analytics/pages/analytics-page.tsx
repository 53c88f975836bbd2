import { useApolloClient, useQuery } from '@apollo/client/react';
import { can, formatPercent } from '@yoriai/domain';
import { room } from '@yoriai/realtime-contract';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LiveIndicator } from '../../../components/live-indicator';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { useLiveRoom } from '../../../hooks/use-live-room';
import { useThrottledCallback } from '../../../hooks/use-throttled-callback';
import { AgreementMatrixQuery, AnalyticsOverviewQuery, OpinionGroupsQuery, RepresentationQuery, SectorWeightedQuery } from '../api/analytics';
import { AgreementMatrix } from '../components/agreement-matrix';
import { BridgingRanking } from '../components/bridging-ranking';
import { CrossPillar } from '../components/cross-pillar';
import { InclusionPanel } from '../components/inclusion-panel';
import { Measure } from '../components/measure';
import { OpinionGroups } from '../components/opinion-groups';
import { RepresentationPanel } from '../components/representation-panel';
import { SectorWeighted } from '../components/sector-weighted';
import { ThemesChart } from '../components/themes-chart';
import '../analytics.css';

const ALL = [AnalyticsOverviewQuery, AgreementMatrixQuery, RepresentationQuery, SectorWeightedQuery, OpinionGroupsQuery];

/**
 * 分野横断の分析: does the *region* agree? The agreement matrix, the bridging ranking, the dialogue
 * index, representation against targets, sector-weighted beside raw agreement, opinion groups, the
 * cross-pillar view and inclusion — each with a one-line explanation (docs/analytics.md). Figures
 * follow the votes live (throttled refetch on the process room's events).
 */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(AnalyticsOverviewQuery, { variables: { id: processId } });
  const refresh = useThrottledCallback(() => void client.refetchQueries({ include: ALL }), 2000);

  useLiveRoom(room.process(processId), {
    resync: refresh,
    'vote.tally': refresh,
    'voting.opened': refresh,
    'voting.closed': refresh,
    'record.created': refresh,
    'proposal.created': refresh,
    'proposal.updated': refresh,
    'meeting.state': refresh,
  });

  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const process = data?.process;
  if (!process) return <main id="main" className="page"><NotAvailable what={t('process.what')} /></main>;
  const titles = new Map(process.proposals.map((p) => [p.id, p.title]));

  return (
    <main id="main" className="page page--wide stack analytics">
      <PageTitle title={t('analytics.pageTitle', { title: process.title })} />
      <p className="small">
        <Link to={`/p/${process.id}`}>← {process.title}</Link>
      </p>
      <div className="row analytics-title">
        <h1>{t('analytics.heading')}</h1>
        <LiveIndicator />
        <button type="button" className="btn btn--quiet" onClick={refresh}>
          {t('analytics.refresh')}
        </button>
      </div>
      <p className="lead">{t('analytics.intro')}</p>

      <Measure id="analytics-matrix" title={t('analytics.matrix.title')} explain={t('analytics.matrix.explain')}>
        <AgreementMatrix processId={process.id} proposals={process.proposals} pillars={process.pillars} />
      </Measure>

      <div className="analytics-grid">
        <Measure id="analytics-ranking" title={t('analytics.ranking.title')} explain={t('analytics.ranking.explain')}>
          <BridgingRanking processId={process.id} ranking={process.bridgingRanking} titles={titles} />
        </Measure>
        <Measure id="analytics-dialogue" title={t('analytics.dialogue.title')} explain={t('analytics.dialogue.explain')}>
          {process.dialogueIndex === null ? (
            <p className="muted" data-testid="dialogue-index">
              {t('analytics.dialogue.none')}
            </p>
          ) : (
            <p className="figure-value figure-value--big" data-testid="dialogue-index">
              {formatPercent(process.dialogueIndex)}
            </p>
          )}
        </Measure>
      </div>

      <Measure id="analytics-representation" title={t('analytics.representation.title')} explain={t('analytics.representation.explain')}>
        <RepresentationPanel processId={process.id} canEdit={can(process.myMembership?.role, 'process.update')} />
      </Measure>

      <Measure id="analytics-weighted" title={t('analytics.weighted.title')} explain={t('analytics.weighted.explain')}>
        <SectorWeighted processId={process.id} titles={titles} />
      </Measure>

      <Measure id="analytics-groups" title={t('analytics.groups.title')} explain={t('analytics.groups.explain')}>
        <OpinionGroups processId={process.id} titles={titles} />
      </Measure>

      <Measure id="analytics-themes" title={t('themes.chartTitle')} explain={t('themes.chartExplain')}>
        <ThemesChart processId={process.id} />
      </Measure>

      <Measure id="analytics-cross-pillar" title={t('analytics.crossPillar.title')} explain={t('analytics.crossPillar.explain')}>
        <CrossPillar cells={process.crossPillar} pillars={process.pillars} />
      </Measure>

      <Measure id="analytics-inclusion" title={t('analytics.inclusion.title')} explain={t('analytics.inclusion.explain')}>
        <InclusionPanel inclusion={process.inclusion} />
      </Measure>

      <p className="muted small">{t('analytics.docs')}</p>
    </main>
  );
}
