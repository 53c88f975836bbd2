import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ProposalStatus } from '@yoriai/domain';
import { ProposalStatusEnum } from '../../common/graphql/enums';

@ObjectType('Kpi', { description: 'A quantitative target of a proposal (the policy insists on KPIs)' })
export class KpiModel {
  @Field(() => ID, { description: "Tracking id: '<proposal id>:<n>' (the n-th KPI of the proposal)" })
  id: string;

  proposalId: string;

  @Field()
  indicator: string;

  @Field(() => String, { nullable: true })
  baseline: string | null;

  @Field()
  target: string;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  deadline: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of the numbers (人, 件, %); null when the KPI was written without one' })
  unit: string | null;

  // measurements (and progress figures) are resolved by the delivery module.
}

@ObjectType('ProposalVersion', { description: 'One kept version of a proposal; amendments after OPEN add a version' })
export class ProposalVersionModel {
  @Field(() => Int)
  version: number;

  @Field()
  title: string;

  @Field({ description: 'Markdown source; clients render it without raw HTML' })
  body: string;

  @Field(() => [KpiModel])
  kpis: KpiModel[];

  @Field({ description: 'sha256 of the canonical version content (libs/domain contentHash)' })
  contentHash: string;

  @Field(() => ID)
  authorId: string;

  @Field(() => String, { nullable: true, description: 'Why the amendment was made' })
  note: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType('DiffPart')
export class DiffPartModel {
  @Field()
  value: string;

  @Field()
  added: boolean;

  @Field()
  removed: boolean;
}

@ObjectType('VersionDiff', { description: 'What changed between two versions: title by character, body by line' })
export class VersionDiffModel {
  @Field(() => Int)
  from: number;

  @Field(() => Int)
  to: number;

  @Field(() => [DiffPartModel])
  title: DiffPartModel[];

  @Field(() => [DiffPartModel])
  body: DiffPartModel[];

  @Field()
  kpisChanged: boolean;
}

@ObjectType('Proposal', { description: '提案' })
export class ProposalModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  processId: string;

  @Field(() => ID)
  pillarId: string;

  @Field(() => ID)
  authorId: string;

  @Field()
  title: string;

  @Field({ description: 'Markdown source; clients render it without raw HTML' })
  body: string;

  @Field(() => [KpiModel])
  kpis: KpiModel[];

  @Field(() => ProposalStatusEnum)
  status: ProposalStatus;

  @Field(() => Int, { description: 'The current version number (1 until amended after OPEN)' })
  version: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  // author, authorSector, versions and diff are resolved by ProposalResolver; comments by the comment module.
}
