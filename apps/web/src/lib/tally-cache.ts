import type { Tally } from '@yoriai/domain';

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
