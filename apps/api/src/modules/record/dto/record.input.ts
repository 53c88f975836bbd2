import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { Outcome, Sector } from '@yoriai/domain';
import { OUTCOMES, SECTORS } from '@yoriai/domain';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { OutcomeEnum, SectorEnum } from '../../../common/graphql/enums';
import { NO_NUL } from '../../voting/dto/voting.input';
import { ActionItemStatus } from '../record.model';

const NOT_BLANK = /\S/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class RespondToDissentInput {
  @Field(() => ID)
  @IsUUID()
  recordId: string;

  @Field(() => ID, { description: "The dissent item's id ('v:…' or 'c:…')" })
  @IsString()
  @Length(1, 64)
  dissentId: string;

  @Field({ description: '1–5,000 characters' })
  @IsString()
  @Length(1, 5000)
  @Matches(NOT_BLANK, { message: 'response must not be blank' })
  @Matches(NO_NUL, { message: 'response must not contain NUL characters' })
  response: string;
}

@InputType()
export class CorrectRecordInput {
  @Field(() => ID, { description: 'The record to correct (it must not already be superseded)' })
  @IsUUID()
  recordId: string;

  @Field({ description: 'Why the correction is made, 1–2,000 characters (kept in the new record)' })
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Matches(NO_NUL, { message: 'reason must not contain NUL characters' })
  reason: string;

  @Field(() => OutcomeEnum, { nullable: true, description: 'The corrected outcome (default: unchanged)' })
  @IsOptional()
  @IsIn([...OUTCOMES])
  outcome?: Outcome | null;

  @Field(() => String, { nullable: true, description: 'A corrected proposal title as recorded (default: unchanged)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'proposalTitle must not be blank' })
  @Matches(NO_NUL, { message: 'proposalTitle must not contain NUL characters' })
  proposalTitle?: string | null;
}

/**
 * The optional details of an action item, validated the same way when it is added and when it is
 * changed (on a change, an omitted field stays as it is and an explicit null clears it).
 */
@InputType({ isAbstract: true })
abstract class ActionItemDetailsInput {
  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NO_NUL, { message: 'ownerOrganization must not contain NUL characters' })
  ownerOrganization?: string | null;

  @Field(() => SectorEnum, { nullable: true })
  @IsOptional()
  @IsIn([...SECTORS])
  ownerSector?: Sector | null;

  @Field(() => String, { nullable: true, description: 'ISO date YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueDate must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real calendar date' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(NO_NUL, { message: 'kpi must not contain NUL characters' })
  kpi?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date YYYY-MM-DD, not after the due date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'startDate must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a real calendar date' })
  startDate?: string | null;

  @Field(() => ID, { nullable: true, description: "A KPI of the decided proposal (Kpi.id) this milestone serves; null unlinks" })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  kpiId?: string | null;
}

@InputType()
export class AddActionItemInput extends ActionItemDetailsInput {
  @Field(() => ID)
  @IsUUID()
  recordId: string;

  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @Matches(NO_NUL, { message: 'title must not contain NUL characters' })
  title: string;
}

/** Omitted fields stay as they are; an explicit null clears an optional field. */
@InputType()
export class UpdateActionItemInput extends ActionItemDetailsInput {
  @Field(() => ID, { nullable: true, description: 'The item (CONTRACT.md); `id` is the older name of the same field' })
  @IsOptional()
  @IsUUID()
  actionItemId?: string | null;

  @Field(() => ID, { nullable: true, deprecationReason: 'Use actionItemId' })
  @IsOptional()
  @IsUUID()
  id?: string | null;

  @Field(() => ActionItemStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ActionItemStatus))
  status?: ActionItemStatus | null;

  @Field(() => Int, { nullable: true, description: '0–100 (a DONE item is 100)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number | null;

  @Field(() => String, { nullable: true, description: 'Why: required for DELAYED, DROPPED and reopening a DONE item; 1–2,000 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Matches(NO_NUL, { message: 'reason must not contain NUL characters' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: '1–200 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @Matches(NO_NUL, { message: 'title must not contain NUL characters' })
  title?: string | null;
}
