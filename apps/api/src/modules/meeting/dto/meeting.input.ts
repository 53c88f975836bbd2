import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import type { Admission, Sector } from '@yoriai/domain';
import { ADMISSIONS, MAX_GUESTS_PER_DEVICE, SECTORS } from '@yoriai/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AdmissionEnum, SectorEnum } from '../../../common/graphql/enums';

export const MAX_AGENDA_ITEMS = 50;
/** Made by the client before the first send and reused on every retry (as for votes and comments). */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const CLIENT_REQUEST_ID_MESSAGE = 'clientRequestId must be 1–64 of A–Z, a–z, 0–9, ".", "_", ":" and "-"';
export const MAX_PROPOSALS_PER_ITEM = 50;
const NOT_BLANK = /\S/;

/**
 * The optional details of an agenda item, validated the same way when it is planned and when it is
 * changed (on a change, an omitted field stays as it is and null clears pillarId or plannedMinutes).
 */
@InputType({ isAbstract: true })
abstract class AgendaItemDetailsInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  pillarId?: string | null;

  @Field(() => [ID], { nullable: true, description: `Up to ${MAX_PROPOSALS_PER_ITEM} proposals of the process` })
  @IsOptional()
  @ArrayMaxSize(MAX_PROPOSALS_PER_ITEM)
  @IsUUID('all', { each: true })
  proposalIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: '1–600' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  plannedMinutes?: number | null;
}

@InputType({ description: 'One agenda item: a title, optionally a pillar and proposals of the same process' })
export class AgendaItemInput extends AgendaItemDetailsInput {
  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title: string;
}

/** When and where a meeting is held: the same on scheduling it and on changing it (null clears either). */
@InputType({ isAbstract: true })
abstract class MeetingPlaceTimeInput {
  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;
}

@InputType()
export class CreateMeetingInput extends MeetingPlaceTimeInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title: string;

  @Field(() => [AgendaItemInput], { nullable: true, description: `Up to ${MAX_AGENDA_ITEMS} items, in order` })
  @IsOptional()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  agenda?: AgendaItemInput[] | null;

  @Field(() => AdmissionEnum, { nullable: true, description: 'Who may join by code (default CODE)' })
  @IsOptional()
  @IsIn([...ADMISSIONS])
  admission?: Admission | null;

  @Field(() => Int, { nullable: true, description: `Guests one device may bring in, 1–${MAX_GUESTS_PER_DEVICE} (default 1)` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GUESTS_PER_DEVICE)
  guestsPerDevice?: number | null;

  @Field(() => String, { nullable: true, description: 'Made by the client before the first send and reused on every retry; a retry returns the stored meeting' })
  @IsOptional()
  @Matches(CLIENT_REQUEST_ID, { message: CLIENT_REQUEST_ID_MESSAGE })
  clientRequestId?: string | null;
}

@InputType({ description: 'Changes the given fields; null clears startsAt or location' })
export class UpdateMeetingInput extends MeetingPlaceTimeInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string | null;
}

@InputType()
export class AddAgendaItemInput extends AgendaItemInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => Int, { nullable: true, description: '1-based position; default: last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number | null;
}

@InputType({ description: 'Changes the given fields of an agenda item; null clears pillarId or plannedMinutes' })
export class UpdateAgendaItemInput extends AgendaItemDetailsInput {
  @Field(() => ID)
  @IsUUID()
  itemId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string | null;
}

@InputType()
export class ReorderAgendaInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => [ID], { description: 'Every agenda item id of the meeting, in the new order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @IsUUID('all', { each: true })
  itemIds: string[];
}

@ArgsType()
export class StartTimerArgs {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => Int, { description: '1–240 minutes from now' })
  @IsInt()
  @Min(1)
  @Max(240)
  minutes: number;
}

@InputType()
export class JoinMeetingInput {
  @Field({ description: 'The 6-character code shown at the venue (full-width, lower case, spaces and hyphens are fine)' })
  @IsString()
  @MaxLength(64)
  code: string;

  @Field({ description: '1–100 characters (guests); ignored for members signed in with an account' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'displayName must not be blank' })
  displayName: string;

  @Field(() => SectorEnum)
  @IsIn([...SECTORS])
  sector: Sector;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organization?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Someone else on this device joins as a new guest (up to the meeting\'s guestsPerDevice); otherwise a device that joined before is the same guest again' })
  @IsOptional()
  @IsBoolean()
  anotherPerson?: boolean | null;

  @Field(() => String, { nullable: true, description: "The QR code's token (joinUrl): a join that carries it is never throttled" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  joinToken?: string | null;

  @Field(() => String, { nullable: true, description: 'Made by the client before the first send and reused on every retry; a retry signs in the same guest instead of creating another' })
  @IsOptional()
  @Matches(CLIENT_REQUEST_ID, { message: CLIENT_REQUEST_ID_MESSAGE })
  clientRequestId?: string | null;
}

@ArgsType()
export class SetMeetingAdmissionArgs {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => AdmissionEnum)
  @IsIn([...ADMISSIONS])
  admission: Admission;

  @Field(() => Int, { nullable: true, description: `Guests one device may bring in, 1–${MAX_GUESTS_PER_DEVICE} (unchanged when omitted)` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GUESTS_PER_DEVICE)
  guestsPerDevice?: number | null;
}

@ArgsType()
export class GuestAdmissionArgs {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => ID)
  @IsUUID()
  participantId: string;
}
