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

/** A query result whose proposal shows a live tally (`tally { ...TallyFields }`, `bridgingScore`, `currentRound { id turnout }`). */
interface LiveTallyResult {
  proposal: { tally: TallyFieldsFragment | null; bridgingScore: number | null; currentRound?: { id: string; turnout?: number } | null } | null;
}

/**
 * The `cache.updateQuery` updater for a `vote.tally` event: the event's tally and bridging score
 * replace the proposal's (the payload is the whole tally), and the round's turnout follows. An open
 * SECRET round's event carries the turnout only: the tally stays null until the round closes.
 */
export function withLiveTally<Q extends LiveTallyResult>(prev: Q | null, event: Pick<VoteTallyPayload, 'tally' | 'bridgingScore' | 'turnout' | 'roundId'>): Q | null {
  if (!prev?.proposal) return prev;
  const round = prev.proposal.currentRound;
  return {
    ...prev,
    proposal: {
      ...prev.proposal,
      tally: event.tally ? tallyForCache(event.tally) : null,
      bridgingScore: event.tally ? (event.bridgingScore ?? null) : null,
      ...(round && round.id === event.roundId && round.turnout !== undefined ? { currentRound: { ...round, turnout: event.turnout } } : {}),
    },
  };
}
