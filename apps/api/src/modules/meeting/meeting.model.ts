import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Admission, AdmissionStatus, MeetingStatus, Sector } from '@yoriai/domain';
import { AdmissionEnum, AdmissionStatusEnum, MeetingStatusEnum, SectorEnum } from '../../common/graphql/enums';

@ObjectType('AgendaItem', { description: '議題: an agenda item of a meeting (pillar, proposals, planned minutes)' })
export class AgendaItemModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => Int, { description: '1-based order in the agenda' })
  position: number;

  @Field()
  title: string;

  @Field(() => ID, { nullable: true })
  pillarId: string | null;

  @Field(() => [ID], { description: 'Proposals discussed under this item, in order' })
  proposalIds: string[];

  @Field(() => Int, { nullable: true })
  plannedMinutes: number | null;
}

@ObjectType('Attendance', { description: 'Who joined a meeting, in which sector, and when' })
export class AttendanceModel {
  @Field(() => ID)
  participantId: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  organization: string | null;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field({ description: 'Joined with a code as a guest (no account)' })
  guest: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When they joined (or, at the door, when they asked)' })
  joinedAt: Date;

  @Field(() => AdmissionStatusEnum, { description: 'ADMITTED for attendees; PENDING or DENIED at the door of a CODE_WITH_APPROVAL meeting' })
  admission: AdmissionStatus;
}

@ObjectType('SectorAttendance', { description: 'Attendees of one sector' })
export class SectorAttendanceModel {
  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Of them, guests who joined by code (no account)' })
  guests: number;

  @Field(() => Int, { description: 'Of them, guests who joined in the last 5 minutes: a sudden wave shows here' })
  recentGuests: number;
}

@ObjectType('Meeting', { description: '会議・ワークショップ: SCHEDULED → LIVE → ENDED' })
export class MeetingModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  processId: string;

  @Field()
  title: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  startsAt: Date | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => MeetingStatusEnum)
  status: MeetingStatus;

  /** Resolved per viewer (MeetingResolver.joinCode): null for anyone who may neither vote nor manage. */
  joinCode: string | null;

  @Field(() => AdmissionEnum, { description: 'Who may join by code' })
  admission: Admission;

  @Field(() => Int, { description: 'Guests one device may bring in' })
  guestsPerDevice: number;

  @Field(() => ID, { nullable: true })
  currentItemId: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the facilitator's timer ends (null: no timer)" })
  timerEndsAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  startedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  endedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType('MeetingPreview', { description: 'What anyone holding a join code may see before joining' })
export class MeetingPreviewModel {
  @Field(() => ID)
  meetingId: string;

  @Field(() => ID, { description: 'The process the code opens (its contents stay members-only)' })
  processId: string;

  @Field()
  title: string;

  @Field()
  processTitle: string;

  @Field(() => MeetingStatusEnum)
  status: MeetingStatus;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  startsAt: Date | null;

  @Field(() => AdmissionEnum, { description: 'CODE_WITH_APPROVAL: a facilitator admits each newcomer; MEMBERS_ONLY: sign in first' })
  admission: Admission;
}
