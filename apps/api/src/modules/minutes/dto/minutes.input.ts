import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** A summary (議事概要) may be long but bounded; PostgreSQL text cannot hold NUL characters. */
export const MINUTES_LIMITS = { summary: 20000 } as const;
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const NO_NUL = /^[^\u0000]*$/;

@ArgsType()
export class UpdateMinutesSummaryArgs {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field({ description: `The secretariat's summary of the meeting (議事概要), up to ${MINUTES_LIMITS.summary.toLocaleString('en')} characters; plain text or Markdown, shown as written (never as HTML)` })
  @IsString()
  @MaxLength(MINUTES_LIMITS.summary)
  @Matches(NO_NUL, { message: 'summary must not contain NUL characters' })
  summary: string;
}

@ArgsType()
export class UpdateAgendaItemSummaryArgs {
  @Field(() => ID)
  @IsUUID()
  itemId: string;

  @Field({ description: `The summary of the discussion of this agenda item, up to ${MINUTES_LIMITS.summary.toLocaleString('en')} characters` })
  @IsString()
  @MaxLength(MINUTES_LIMITS.summary)
  @Matches(NO_NUL, { message: 'summary must not contain NUL characters' })
  summary: string;
}

@ArgsType()
export class MeetingIdArgs {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;
}
