import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Ballot, DecisionRule, Sector, Tally, VoteChoice } from '@yoriai/domain';
import { BallotEnum, DecisionRuleEnum, SectorEnum, VoteChoiceEnum } from '../../common/graphql/enums';

export enum VotingRoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(VotingRoundStatus, { name: 'VotingRoundStatus' });

@ObjectType('RuleParams', { description: 'Decision-rule parameters as applied (defaults filled in)' })
export class RuleParamsModel {
  @Field(() => Float, { description: 'Share of non-abstaining votes that must agree (MAJORITY: always 0.5, strictly more)' })
  threshold: number;

  @Field(() => Int, { description: 'Minimum number of votes cast, abstentions included; 0 = none' })
  quorum: number;

  @Field(() => Int, { description: 'CROSS_SECTOR: minimum number of sectors that took a position (1 elsewhere)' })
  minSectors: number;
}

@ObjectType('SectorTally')
export class SectorTallyModel {
  @Field(() => SectorEnum, { description: 'The sector; for a merged group (secret ballot) the first sector of the group' })
  sector: Sector;

  @Field(() => Int)
  agree: number;

  @Field(() => Int)
  disagree: number;

  @Field(() => Int)
  abstain: number;

  @Field(() => Int)
  block: number;

  @Field(() => Int)
  total: number;

  @Field(() => [SectorEnum], {
    nullable: true,
    description: 'Secret ballots: the sectors pooled into this row because each had fewer than 3 voters (null for an unmerged sector)',
  })
  mergedSectors?: Sector[] | null;
}

@ObjectType('Tally', { description: 'Counted from the current votes (never from a counter). Secret ballots show small sectors merged.' })
export class TallyModel {
  @Field(() => Int)
  agree: number;

  @Field(() => Int)
  disagree: number;

  @Field(() => Int)
  abstain: number;

  @Field(() => Int)
  block: number;

  @Field(() => Int)
  total: number;

  @Field(() => [SectorTallyModel], { description: 'Sectors (or merged groups) with at least one vote, in 産官学金労言 order' })
  bySector: SectorTallyModel[];
}

@ObjectType('VotingRound', { description: 'A voting round on one proposal version' })
export class VotingRoundModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  proposalId: string;

  @Field(() => ID)
  processId: string;

  @Field(() => DecisionRuleEnum)
  rule: DecisionRule;

  @Field(() => Float)
  threshold: number;

  @Field(() => Int)
  quorum: number;

  @Field(() => Int)
  minSectors: number;

  @Field(() => BallotEnum)
  ballot: Ballot;

  @Field(() => VotingRoundStatus)
  status: VotingRoundStatus;

  @Field(() => Int, { description: 'The proposal version being voted on' })
  proposalVersion: number;

  @Field(() => GraphQLISODateTime)
  openedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The consensus record written when the round closed' })
  recordId: string | null;
}

@ObjectType('Vote', { description: "A participant's current vote in a round (changeable until the round closes; every change is kept in history)" })
export class VoteModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  proposalId: string;

  @Field(() => ID)
  roundId: string;

  @Field(() => VoteChoiceEnum)
  choice: VoteChoice;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field({ description: 'Entered by a facilitator from a paper ballot' })
  proxy: boolean;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  // Not exposed directly: Vote.participant decides from these whether the voter may be shown.
  participantId: string;
  ballot: Ballot;
}

/** A libs/domain Tally as the GraphQL type (an unmerged row has mergedSectors null). */
export const toTallyModel = (t: Tally): TallyModel => ({ ...t, bySector: t.bySector.map((s) => ({ ...s, mergedSectors: s.mergedSectors ?? null })) });
