import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { MinutesStatus } from '@yoriai/domain';
import { MinutesStatusEnum } from '../../common/graphql/enums';

@ObjectType('Minutes', { description: '議事録: DRAFT while the secretariat edits the summaries; FINAL is frozen and carries its content hash' })
export class MinutesModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => MinutesStatusEnum)
  status: MinutesStatus;

  @Field({ description: "The secretariat's summary of the whole meeting (議事概要), as written" })
  summary: string;

  @Field(() => String, { nullable: true, description: 'FINAL only: sha256(canonicalJson(document)) of the frozen minutes document (GET /api/meetings/:id/minutes.json)' })
  contentHash: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finalizedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who finalised the minutes' })
  finalizedById: string | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
