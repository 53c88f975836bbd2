import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { JsonScalar } from '../../../common/graphql/json.scalar';
import { KpiInput } from '../../proposal/dto/proposal.input';
import { NO_NUL } from '../../voting/dto/voting.input';
import { Type } from 'class-transformer';

const NOT_BLANK = /\S/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class RecordKpiMeasurementInput {
  @Field(() => ID, { description: "Kpi.id of a decided proposal ('<proposal id>:<n>')" })
  @IsString()
  @MaxLength(80)
  kpiId: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field({ description: 'YYYY-MM-DD, not after today (Japan); a second entry for the same date is a correction' })
  @Matches(ISO_DATE, { message: 'measuredAt must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'measuredAt must be a real calendar date' })
  measuredAt: string;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(NO_NUL, { message: 'source must not contain NUL characters' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NO_NUL, { message: 'note must not contain NUL characters' })
  note?: string | null;
}

@InputType()
export class UpdateDeliverySettingsInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => Boolean, { nullable: true, description: 'Switches the public read-only progress page /p/:id/progress (and progress.json/csv for everyone) on or off' })
  @IsOptional()
  @IsBoolean()
  progressPublic?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The region the process serves, up to 100 characters; named as the source of shared practice ("" clears)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NO_NUL, { message: 'region must not contain NUL characters' })
  region?: string | null;
}

/** A revised plan: a new proposal (OPEN) in the same pillar, put to a new vote; its record will name the record it revises. */
@InputType()
export class ReviseDecisionInput {
  @Field(() => ID, { description: 'The ADOPTED record whose plan is revised' })
  @IsUUID()
  recordId: string;

  @Field({ description: 'Why the plan is revised, 1–2,000 characters (kept in the audit log and shown with the new proposal)' })
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Matches(NO_NUL, { message: 'reason must not contain NUL characters' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'Default: the decided title' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @Matches(NO_NUL, { message: 'title must not contain NUL characters' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: the decided text' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  @Matches(NO_NUL, { message: 'body must not contain NUL characters' })
  body?: string | null;

  @Field(() => [KpiInput], { nullable: true, description: 'Default: the decided KPIs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => KpiInput)
  kpis?: KpiInput[] | null;
}

@ArgsType()
export class ImportPracticeArgs {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => JsonScalar, { description: 'A practice package (yoriai.practice/1, GET /api/records/:id/practice.json)' })
  @IsDefined()
  package: unknown;

  @Field(() => ID, { nullable: true, description: "The pillar for the template (default: the source pillar's position, else the first)" })
  @IsOptional()
  @IsUUID()
  pillarId?: string | null;
}
