import type { Tally } from '@yoriai/domain';
import type { VoteTallyPayload } from '@yoriai/realtime-contract';
import type { TallyFieldsFragment } from '../gql/graphql';

/**
 * A socket `vote.tally` payload in the shape of the GraphQL `Tally` type, ready to be written
 * into the Apollo cache (the payload is always the whole tally, never a delta).
 */
export function tallyForCache(tally: Tally) {
  return {
    __typename: 'Tally' as const,
    agree: tally.agree,
    disagree: tally.disagree,
    abstain: tally.abstain,
    block: tally.block,
    total: tally.total,
    bySector: tally.bySector.map((s) => ({
      __typename: 'SectorTally' as const,
      sector: s.sector,
      agree: s.agree,
      disagree: s.disagree,
      abstain: s.abstain,
      block: s.block,
      total: s.total,
      mergedSectors: s.mergedSectors ?? null,
    })),
  };
}

/** A query result whose proposal shows a live tally (`tally { ...TallyFields }` and `bridgingScore`). */
interface LiveTallyResult {
  proposal: { tally: TallyFieldsFragment | null; bridgingScore: number | null } | null;
}

/**
 * The `cache.updateQuery` updater for a `vote.tally` event: the event's tally and bridging score
 * replace the proposal's (the payload is the whole tally); a result without the proposal stays as it is.
 */
export function withLiveTally<Q extends LiveTallyResult>(prev: Q | null, event: Pick<VoteTallyPayload, 'tally' | 'bridgingScore'>): Q | null {
  return prev?.proposal ? { ...prev, proposal: { ...prev.proposal, tally: tallyForCache(event.tally), bridgingScore: event.bridgingScore } } : prev;
}
