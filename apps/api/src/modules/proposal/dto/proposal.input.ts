import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import type { ProposalStatus } from '@yoriai/domain';
import { PROPOSAL_STATUSES } from '@yoriai/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ProposalStatusEnum } from '../../../common/graphql/enums';
import { PageArgs } from '../../../common/graphql/paging';

export const PROPOSAL_LIMITS = { title: 200, body: 20000, kpis: 20, kpiText: 200, note: 500, clientRequestId: 64 } as const;

@InputType()
export class KpiInput {
  @Field({ description: 'What is measured, 1–200 characters' })
  @IsString()
  @Length(1, PROPOSAL_LIMITS.kpiText)
  indicator: string;

  @Field(() => String, { nullable: true, description: 'Current value, up to 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.kpiText)
  baseline?: string | null;

  @Field({ description: 'Target value, 1–200 characters' })
  @IsString()
  @Length(1, PROPOSAL_LIMITS.kpiText)
  target: string;

  @Field(() => String, { nullable: true, description: 'ISO date YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of the numbers (人, 件, %), up to 20 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string | null;
}

/** How a proposal's KPI list is checked, on creating it and on amending it alike (each KPI in full). */
function ValidKpiList(): PropertyDecorator {
  return applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(PROPOSAL_LIMITS.kpis), ValidateNested({ each: true }), Type(() => KpiInput));
}

@InputType()
export class CreateProposalInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => ID, { description: 'A pillar of the same process' })
  @IsUUID()
  pillarId: string;

  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, PROPOSAL_LIMITS.title)
  title: string;

  @Field({ description: 'Markdown, up to 20,000 characters (stored verbatim; clients render it without raw HTML)' })
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.body)
  body: string;

  @Field(() => [KpiInput], { nullable: true, description: 'Up to 20 KPIs' })
  @ValidKpiList()
  kpis?: KpiInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Save as DRAFT (visible to its author and the secretariat) instead of OPEN' })
  @IsOptional()
  @IsBoolean()
  draft?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Client-generated id (e.g. a UUID) reused on every retry; a retry returns the stored proposal' })
  @IsOptional()
  @IsString()
  @Length(1, PROPOSAL_LIMITS.clientRequestId)
  clientRequestId?: string | null;
}

@InputType()
export class AmendProposalInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => String, { nullable: true, description: '1–200 characters; omitted = unchanged' })
  @IsOptional()
  @IsString()
  @Length(1, PROPOSAL_LIMITS.title)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown, up to 20,000 characters; omitted = unchanged' })
  @IsOptional()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.body)
  body?: string | null;

  @Field(() => [KpiInput], { nullable: true, description: 'Replaces all KPIs ([] clears them); omitted = unchanged' })
  @ValidKpiList()
  kpis?: KpiInput[] | null;

  @Field(() => String, { nullable: true, description: 'Why the amendment was made, up to 500 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.note)
  note?: string | null;
}

@ArgsType()
export class SetProposalStatusArgs {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => ProposalStatusEnum)
  @IsIn([...PROPOSAL_STATUSES])
  status: ProposalStatus;
}

@ArgsType()
export class ProposalListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only proposals of this pillar' })
  @IsOptional()
  @IsUUID()
  pillarId?: string | null;

  @Field(() => ProposalStatusEnum, { nullable: true, description: 'Only proposals in this status' })
  @IsOptional()
  @IsIn([...PROPOSAL_STATUSES])
  status?: ProposalStatus | null;
}
