import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Ballot, DecisionRule, Outcome, Sector, Stance, VoteChoice } from '@yoriai/domain';
import { BallotEnum, DecisionRuleEnum, OutcomeEnum, SectorEnum, StanceEnum, VoteChoiceEnum } from '../../common/graphql/enums';
import { RuleParamsModel, TallyModel } from '../voting/voting.model';
import type { RecordBody } from './record-body';

export enum DissentKind {
  VOTE = 'VOTE',
  COMMENT = 'COMMENT',
}
registerEnumType(DissentKind, { name: 'DissentKind', description: 'A DISAGREE/BLOCK vote, or a CONCERN comment' });

export enum ActionItemStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DELAYED = 'DELAYED',
  DROPPED = 'DROPPED',
}
registerEnumType(ActionItemStatus, {
  name: 'ActionItemStatus',
  description: 'A roadmap milestone (工程表): 予定 · 実施中 · 完了 · 遅延 · 中止. Items written as OPEN read as PLANNED.',
});

@ObjectType('DecisionReason', { description: 'One line of why the rule gave its outcome' })
export class DecisionReasonModel {
  @Field({ description: 'Machine code, e.g. THRESHOLD_MET, SECTOR_BELOW_THRESHOLD, BLOCKED' })
  code: string;

  @Field({ description: "In the caller's language (Japanese by default)" })
  message: string;

  @Field({ description: 'The figures behind the message, as a JSON object' })
  params: string;
}

@ObjectType('Dissent', { description: 'An item of the dissent register (少数意見): frozen in the record; the response comes later' })
export class DissentModel {
  @Field(() => ID, { description: "Stable within the record: 'v:<vote id>' or 'c:<comment id>'" })
  id: string;

  @Field(() => ID)
  recordId: string;

  @Field(() => DissentKind)
  kind: DissentKind;

  @Field(() => SectorEnum, { nullable: true, description: 'Null for a secret-ballot vote from a sector with fewer than 3 voters' })
  sector: Sector | null;

  @Field(() => VoteChoiceEnum, { nullable: true })
  choice: VoteChoice | null;

  @Field(() => StanceEnum, { nullable: true })
  stance: Stance | null;

  @Field(() => String, { nullable: true, description: 'The reason given with the vote, or the comment' })
  text: string | null;

  @Field(() => String, { nullable: true, description: 'Only for open ballots in a process that names dissent' })
  authorName: string | null;

  @Field(() => String, { nullable: true })
  response: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Name of who responded' })
  respondedBy: string | null;
}

@ObjectType('ActionItem', { description: 'A follow-up of a decision (owner, due date, KPI). Not part of the hashed record: items come later.' })
export class ActionItemModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  recordId: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  ownerOrganization: string | null;

  @Field(() => SectorEnum, { nullable: true })
  ownerSector: Sector | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  dueDate: string | null;

  @Field(() => String, { nullable: true })
  kpi: string | null;

  @Field(() => ActionItemStatus)
  status: ActionItemStatus;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  startDate: string | null;

  @Field(() => Int, { description: '0–100 (DONE is 100)' })
  progress: number;

  @Field(() => String, { nullable: true, description: 'Why it is DELAYED or DROPPED (or was reopened)' })
  statusReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The tracked KPI this milestone serves (Kpi.id)' })
  kpiId: string | null;

  @Field(() => Boolean, { description: "DELAYED, or past its due date and neither done nor dropped (today in Japan's time)" })
  late: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  statusChangedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType('ConsensusRecord', { description: '合意記録: immutable, hash-chained per process; a correction is a new record that supersedes' })
export class ConsensusRecordModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  seq: number;

  @Field(() => ID)
  processId: string;

  @Field(() => ID)
  proposalId: string;

  @Field(() => ID)
  roundId: string;

  @Field(() => Int)
  proposalVersion: number;

  @Field({ description: 'libs/domain contentHash of the decided version' })
  proposalHash: string;

  @Field()
  proposalTitle: string;

  @Field(() => DecisionRuleEnum)
  rule: DecisionRule;

  @Field(() => RuleParamsModel)
  params: RuleParamsModel;

  @Field(() => BallotEnum)
  ballot: Ballot;

  @Field(() => OutcomeEnum)
  outcome: Outcome;

  @Field(() => TallyModel, { description: 'As recorded: raw for open ballots, small sectors merged for secret ballots' })
  tally: TallyModel;

  @Field(() => GraphQLISODateTime)
  decidedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who closed the round (or made the correction)' })
  facilitatorId: string | null;

  @Field(() => String, { nullable: true })
  prevHash: string | null;

  @Field()
  hash: string;

  @Field(() => ID, { nullable: true, description: 'The record this one corrects' })
  supersedesId: string | null;

  @Field(() => String, { nullable: true, description: 'Why this correction was made (corrections only)' })
  correctionReason: string | null;

  // The hashed body, for the field resolvers (reasons, dissent).
  body: RecordBody;
}

@ObjectType('ChainVerification')
export class ChainVerificationModel {
  @Field()
  valid: boolean;

  @Field(() => Int)
  length: number;

  @Field(() => Int, { nullable: true, description: 'seq of the first bad record' })
  brokenAt: number | null;

  @Field(() => String, { nullable: true, description: 'HASH_MISMATCH, PREV_HASH_MISMATCH, BAD_SEQ, BAD_GENESIS, NOT_CANONICAL, COLUMN_MISMATCH:<field>, MISSING_RECORDS' })
  reason: string | null;
}
