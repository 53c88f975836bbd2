// Test-only helpers (excluded from the library build): vote builders and fast-check arbitraries.
import fc from 'fast-check';
import { DECISION_RULES, VOTE_CHOICES, type DecisionRule, type VoteChoice } from '../enums';
import type { RuleParams } from '../rules/rule-params';
import { SECTORS, type Sector } from '../sectors';
import { tallyVotes, type Tally, type TallyVote } from '../tally';

export interface Mix {
  agree?: number;
  disagree?: number;
  abstain?: number;
  block?: number;
}

/** Votes of one sector: votesOf('LABOUR', { agree: 2, disagree: 3 }). */
export function votesOf(sector: Sector, mix: Mix): TallyVote[] {
  const out: TallyVote[] = [];
  const push = (choice: VoteChoice, n = 0) => {
    for (let i = 0; i < n; i += 1) out.push({ sector, choice });
  };
  push('AGREE', mix.agree);
  push('DISAGREE', mix.disagree);
  push('ABSTAIN', mix.abstain);
  push('BLOCK', mix.block);
  return out;
}

/** A tally from a per-sector mix: tallyOf({ INDUSTRY: { agree: 3 }, LABOUR: { disagree: 1 } }). */
export function tallyOf(spec: Partial<Record<Sector, Mix>>): Tally {
  return tallyVotes(SECTORS.flatMap((s) => (spec[s] ? votesOf(s, spec[s] as Mix) : [])));
}

export const arbSector = fc.constantFrom(...SECTORS);
export const arbChoice = fc.constantFrom(...VOTE_CHOICES);
export const arbVote: fc.Arbitrary<TallyVote> = fc.record({ sector: arbSector, choice: arbChoice });
export const arbVotes = fc.array(arbVote, { maxLength: 60 });
export const arbRule: fc.Arbitrary<DecisionRule> = fc.constantFrom(...DECISION_RULES);

export const arbThreshold = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
  fc.constantFrom(1 / 3, 1 / 2, 2 / 3, 3 / 4, 0.6, 1),
);

export const arbParams: fc.Arbitrary<RuleParams> = fc.record(
  {
    threshold: arbThreshold,
    quorum: fc.integer({ min: 0, max: 30 }),
    minSectors: fc.integer({ min: 1, max: 7 }),
  },
  { requiredKeys: [] },
);

/** A list of votes together with the same votes in another order. */
export const arbVotesShuffled: fc.Arbitrary<[TallyVote[], TallyVote[]]> = arbVotes.chain((votes) =>
  fc.tuple(fc.constant(votes), fc.shuffledSubarray(votes, { minLength: votes.length, maxLength: votes.length })),
);
