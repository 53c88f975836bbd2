import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Sector } from '@yoriai/domain';
import { SectorEnum } from '../../common/graphql/enums';
import { ActionItemModel } from '../record/record.model';

@ObjectType('KpiMeasurement', { description: 'A dated value of a tracked KPI. A correction is a new entry for the same date; the old one stays.' })
export class KpiMeasurementModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  kpiId: string;

  @Field(() => Float)
  value: number;

  @Field({ description: 'YYYY-MM-DD' })
  measuredAt: string;

  @Field(() => String, { nullable: true, description: 'Where the figure comes from (統計・調査名など)' })
  source: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => SectorEnum, { nullable: true, description: "The measuring member's sector (never the person)" })
  sector: Sector | null;

  @Field(() => ID, { nullable: true, description: 'The earlier entry for the same date that this one corrects' })
  supersedesId: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType('KpiStatus', { description: 'Where a tracked KPI stands (numbers read from its baseline and target text)' })
export class KpiStatusModel {
  @Field(() => Float, { nullable: true })
  baselineValue: number | null;

  @Field(() => Float, { nullable: true })
  targetValue: number | null;

  @Field(() => Float, { nullable: true })
  latestValue: number | null;

  @Field(() => String, { nullable: true })
  latestMeasuredAt: string | null;

  @Field(() => Float, { nullable: true, description: 'Share of the way from baseline to target, 0–1' })
  progress: number | null;

  @Field()
  reached: boolean;

  @Field({ description: 'The deadline has passed and the target is not reached' })
  late: boolean;
}

@ObjectType('ProposalProvenance', { description: '横展開: where an imported template came from' })
export class ProvenanceModel {
  @Field(() => ID)
  sourceProcess: string;

  @Field()
  sourceProcessTitle: string;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => ID)
  recordId: string;

  @Field()
  recordHash: string;

  @Field({ description: "The source chain's head hash at export (compare it with the source's records.json)" })
  headHash: string;

  @Field({ description: "The package's record hash recomputed and its links to the head checked (libs/domain verifyPractice)" })
  verified: boolean;

  @Field(() => String, { nullable: true, description: 'Why it did not verify (RECORD_HASH_MISMATCH, CONTENT_HASH_MISMATCH, CHAIN_BROKEN …)' })
  verifyReason: string | null;

  @Field(() => GraphQLISODateTime)
  importedAt: Date;
}

@ObjectType('ImportedTemplate', { description: 'A template proposal imported into this process, and where from' })
export class ImportedTemplateModel {
  @Field(() => ID)
  proposalId: string;

  @Field()
  title: string;

  @Field()
  status: string;

  @Field(() => ProvenanceModel)
  provenance: ProvenanceModel;
}

@ObjectType('ProgressReview', { description: '「前回からの進捗確認」: what the next meeting should look at (PDCA)' })
export class ProgressReviewModel {
  @Field({ description: 'The suggested agenda item title' })
  title: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'End of the last meeting (changes since then are listed); null when none has ended' })
  since: Date | null;

  @Field(() => ID, { nullable: true })
  lastMeetingId: string | null;

  @Field(() => [ID], { description: 'Decided proposals whose items are late or changed (the agenda item lists them)' })
  proposalIds: string[];

  @Field(() => [ActionItemModel], { description: 'Late items (DELAYED, or past due and not done)', complexity: 50 })
  lateItems: ActionItemModel[];

  @Field(() => [ActionItemModel], { description: 'Items whose status changed since the last meeting', complexity: 50 })
  changedItems: ActionItemModel[];

  @Field(() => Int, { description: 'KPI measurements entered since the last meeting' })
  newMeasurements: number;

  @Field(() => Int, { description: 'Suggested minutes for the item' })
  plannedMinutes: number;
}
