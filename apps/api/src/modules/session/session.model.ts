import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Session', { description: 'A signed-in session of the viewer (a browser or device)' })
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The session this request was made with' })
  current: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;
}
