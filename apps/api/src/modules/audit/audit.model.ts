import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEntry', { description: 'One row of the append-only audit log (every mutation writes one)' })
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What was done, e.g. vote.cast, voting.close, record.correct' })
  action: string;

  @Field()
  targetType: string;

  @Field(() => ID, { nullable: true })
  targetId: string | null;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: "The actor's display name" })
  actorName: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field({ description: 'Details (before/after ids and values) as a JSON object' })
  data: string;
}
